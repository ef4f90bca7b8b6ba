/**
 * @module A synthetic OpenAPI 3.0 document with the size and shape of VBR's REST API (1.3-rev2: about 500
 * operations, 4 MB): `$ref`-heavy, discriminated job/repository families (base with oneOf + mapping, subtypes via
 * allOf), `{data, pagination}` envelopes with skip/limit, formats, path parameters, an `x-api-version` header,
 * bearer security with `[]` on the token and server-info operations. Deterministic: no randomness at all.
 */

type Json = Record<string, unknown>

const families = [
  'Job', 'Repository', 'Proxy', 'ManagedServer', 'Credential', 'CloudAccount', 'EncryptionPassword', 'Session',
  'Task', 'Backup', 'BackupObject', 'RestorePoint', 'ReplicaPoint', 'Replica', 'FailoverPlan', 'WanAccelerator',
  'ScaleOutRepository', 'ObjectStorage', 'MountServer', 'GlobalExclusion', 'MalwareEvent', 'SuspiciousActivity',
  'Location', 'Tag', 'Role', 'User', 'ServiceAccount', 'Certificate', 'License', 'Connection', 'Agent',
  'ProtectionGroup', 'DiscoveredEntity', 'UnstructuredServer', 'FileShare', 'NasBackup', 'TapeServer', 'TapeLibrary',
  'MediaPool', 'MediaVault', 'VirtualLab', 'ApplicationGroup', 'SureBackupJob', 'Inventory', 'ViHost', 'HvHost',
  'ConfigBackup', 'Notification', 'Report', 'Trafficrule', 'Subnet', 'SyslogServer', 'KmsServer', 'SecurityAnalyzer',
  'Restore', 'InstantRecovery', 'EntraIdTenant', 'EntraIdItem', 'Plugin', 'Deployment', 'Update', 'HealthCheck',
  'Schedule', 'Archive',
]
const kinds = ['Standard', 'Advanced', 'Cloud']

const text = (what: string, n: number) =>
  `${what}. The value is returned by the backup server and reflects the state of the object at the moment of the request; ` +
  `see the Veeam Backup & Replication REST API reference for the meaning of each field (${n}). ` +
  `Values are validated by the server when the object is created or edited, and a request that breaks a rule is refused with 400 and the error model.`

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` })
const errors = { '400': responseRef('BadRequest'), '401': responseRef('Unauthorized'), '403': responseRef('Forbidden'), '404': responseRef('NotFound'), '500': responseRef('InternalServerError') }

/** Property shapes cycled through so every family gets formats, bounds, enums, nullables and nested $refs. */
function scalarProperty(family: string, i: number): [string, Json] {
  const shapes: [string, Json][] = [
    [`${lower(family)}Id`, { type: 'string', format: 'uuid' }],
    ['hostName', { type: 'string', format: 'hostname' }],
    ['ipAddress', { type: 'string', format: 'ipv4' }],
    ['port', { type: 'integer', format: 'int32', minimum: 1, maximum: 65535 }],
    ['creationTime', { type: 'string', format: 'date-time' }],
    ['lastRunDate', { type: 'string', format: 'date', nullable: true }],
    ['sizeBytes', { type: 'integer', format: 'int64', minimum: 0 }],
    ['usedSpacePercent', { type: 'number', format: 'double', minimum: 0, maximum: 100 }],
    ['retentionDays', { type: 'integer', format: 'int32', minimum: 1, maximum: 9999, multipleOf: 1 }],
    ['notificationEmail', { type: 'string', format: 'email', nullable: true }],
    ['path', { type: 'string', minLength: 1, maxLength: 260 }],
    ['isEnabled', { type: 'boolean' }],
    ['tag', { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9-]{2,30}$' }],
    ['helpUrl', { type: 'string', format: 'uri' }],
    ['threads', { type: 'integer', minimum: 1, maximum: 64, exclusiveMaximum: true }],
    ['description', { type: 'string', maxLength: 1024 }],
  ]
  const [name, schema] = shapes[i % shapes.length]!
  return [i < shapes.length ? name : `${name}${Math.floor(i / shapes.length)}`, { description: text(`The ${name} of the ${family}`, i), ...schema }]
}

function lower(s: string): string {
  return s[0]!.toLowerCase() + s.slice(1)
}

function familySchemas(family: string, schemas: Json): void {
  const type = `E${family}Type`
  schemas[type] = { type: 'string', description: `Type of the ${family}.`, enum: kinds.map((k) => `${k}${family}`) }
  schemas[`${family}State`] = { type: 'string', enum: ['Active', 'Disabled', 'Warning', 'Failed', 'Running'], description: text(`State of the ${family}`, 0) }
  // A $ref chain: an alias of an alias of the state enum.
  schemas[`${family}StateAlias`] = ref(`${family}State`)
  const settings = `${family}AdvancedSettings`
  schemas[settings] = {
    type: 'object',
    description: text(`Advanced settings of the ${family}`, 1),
    required: ['isEnabled'],
    properties: Object.fromEntries(Array.from({ length: 36 }, (_, i) => scalarProperty(`${family} settings`, i + 1))),
  }
  schemas[`${family}Schedule`] = {
    type: 'object',
    description: text(`Schedule of the ${family}`, 2),
    required: ['runAutomatically'],
    properties: {
      runAutomatically: { type: 'boolean', description: text('If true, runs on schedule', 3) },
      localTime: { type: 'string', format: 'date-time', description: text('Local time of the run', 4) },
      daysOfWeek: { type: 'array', uniqueItems: true, maxItems: 7, items: { type: 'string', enum: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] } },
      retryCount: { type: 'integer', format: 'int32', minimum: 0, maximum: 10, default: 3 },
      next: { allOf: [ref(`${family}Schedule`)], nullable: true, description: 'A cycle through the schedule chain.' },
    },
  }
  const base = `${family}Model`
  const subtype = (k: string) => `${k}${family}Model`
  schemas[base] = {
    type: 'object',
    description: text(`A ${family}`, 5),
    required: ['id', 'name', 'type'],
    properties: {
      id: { type: 'string', format: 'uuid', readOnly: true, description: text(`ID of the ${family}`, 6) },
      name: { type: 'string', description: text(`Name of the ${family}`, 7) },
      description: { type: 'string', description: text(`Description of the ${family}`, 8) },
      type: ref(type),
      state: ref(`${family}StateAlias`),
    },
    discriminator: { propertyName: 'type', mapping: Object.fromEntries(kinds.map((k) => [`${k}${family}`, `#/components/schemas/${subtype(k)}`])) },
    oneOf: kinds.map((k) => ref(subtype(k))),
  }
  kinds.forEach((k, n) => {
    schemas[subtype(k)] = {
      allOf: [
        ref(base),
        {
          type: 'object',
          required: ['advancedSettings'],
          properties: {
            advancedSettings: ref(settings),
            schedule: ref(`${family}Schedule`),
            ...Object.fromEntries(Array.from({ length: 16 + n }, (_, i) => scalarProperty(`${k} ${family}`, i + 16 * (n + 1)))),
          },
        },
      ],
    }
  })
  schemas[`${family}Spec`] = {
    type: 'object',
    description: text(`Settings for creating a ${family}`, 9),
    required: ['name', 'type', 'password'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 128 },
      description: { type: 'string' },
      type: ref(type),
      password: { type: 'string', format: 'password', writeOnly: true },
      advancedSettings: ref(settings),
    },
  }
  schemas[`${family}sResult`] = {
    type: 'object',
    required: ['data', 'pagination'],
    properties: { data: { type: 'array', items: ref(base), description: text(`Array of ${family} objects`, 10) }, pagination: ref('PaginationResult') },
  }
}

function listParameters(family: string): Json[] {
  return [
    { $ref: '#/components/parameters/apiVersionParam' },
    { name: 'skip', in: 'query', description: text(`Number of ${family} objects to skip`, 11), schema: { type: 'integer', format: 'int32', minimum: 0 } },
    { name: 'limit', in: 'query', description: text(`Maximum number of ${family} objects to return`, 12), schema: { type: 'integer', format: 'int32', minimum: 1 } },
    { name: 'orderColumn', in: 'query', description: text('Sorts by one of the parameters', 13), schema: { type: 'string', enum: ['Name', 'Type', 'CreationTime'] } },
    { name: 'orderAsc', in: 'query', description: text('Ascending order', 14), schema: { type: 'boolean' } },
    { name: 'nameFilter', in: 'query', description: text('Filters by the name pattern; * substitutes characters', 15), schema: { type: 'string' } },
    { name: 'typeFilter', in: 'query', description: text('Filters by type', 16), schema: ref(`E${family}Type`) },
    { name: 'createdAfterFilter', in: 'query', description: text('Returns objects created after this moment', 17), schema: { type: 'string', format: 'date-time' } },
  ]
}

const idParameter = (family: string) => ({ name: 'id', in: 'path', required: true, description: text(`ID of the ${family}`, 18), schema: { type: 'string', format: 'uuid' } })
const json = (schema: Json, description = 'OK') => ({ description, content: { 'application/json': { schema } } })

function familyPaths(family: string, paths: Json): [string, string][] {
  const base = `/api/v1/${lower(family)}s`
  const common = (summary: string, operationId: string) => ({ tags: [family], summary, description: text(summary, 19), operationId, 'x-veeam-authorize': { claims: [`View${family}s`] } })
  paths[base] = {
    get: { ...common(`Get All ${family}s`, `GetAll${family}s`), parameters: listParameters(family), responses: { '200': json(ref(`${family}sResult`)), ...errors } },
    post: { ...common(`Create ${family}`, `Create${family}`), parameters: [{ $ref: '#/components/parameters/apiVersionParam' }], requestBody: { required: true, content: { 'application/json': { schema: ref(`${family}Spec`) } } }, responses: { '201': json(ref(`${family}Model`), 'Created'), ...errors } },
  }
  const one = `${base}/{id}`
  const idParams = [{ $ref: '#/components/parameters/apiVersionParam' }, idParameter(family)]
  paths[one] = {
    get: { ...common(`Get ${family}`, `Get${family}`), parameters: idParams, responses: { '200': json(ref(`${family}Model`)), ...errors } },
    put: { ...common(`Edit ${family}`, `Update${family}`), parameters: idParams, requestBody: { required: true, content: { 'application/json': { schema: ref(`${family}Model`) } } }, responses: { '200': json(ref(`${family}Model`)), ...errors } },
    delete: { ...common(`Remove ${family}`, `Delete${family}`), parameters: idParams, responses: { '204': { description: 'Removed' }, ...errors } },
  }
  const action = (verb: string, response: Json) => {
    paths[`${one}/${verb}`] = { post: { ...common(`${verb} ${family}`, `${verb}${family}`), parameters: idParams, responses: { '200': response, ...errors } } }
  }
  action('start', json(ref('SessionResultModel')))
  action('stop', json(ref('SessionResultModel')))
  paths[`${one}/settings`] = { get: { ...common(`Get ${family} Settings`, `Get${family}Settings`), parameters: idParams, responses: { '200': json(ref(`${family}AdvancedSettings`)), ...errors } } }
  return [[base, 'get'], [base, 'post'], [one, 'get'], [one, 'put'], [one, 'delete'], [`${one}/start`, 'post'], [`${one}/stop`, 'post'], [`${one}/settings`, 'get']]
}

function sharedComponents(): Json {
  return {
    securitySchemes: { Bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    parameters: {
      apiVersionParam: { name: 'x-api-version', in: 'header', required: true, description: 'Version and revision of the client REST API.', schema: { type: 'string', default: '1.3-rev2', pattern: '^\\d+\\.\\d+-rev\\d+$' } },
    },
    responses: Object.fromEntries(
      [['BadRequest', 'Bad request'], ['Unauthorized', 'Unauthorized'], ['Forbidden', 'Forbidden'], ['NotFound', 'Not found'], ['InternalServerError', 'Internal server error']].map(([k, d]) => [k, json(ref('Error'), d)]),
    ),
    schemas: {
      Error: {
        type: 'object',
        required: ['errorCode', 'message'],
        properties: {
          errorCode: { type: 'string', enum: ['AccessDenied', 'ExpiredToken', 'InvalidToken', 'InvalidURI', 'MethodNotAllowed', 'NotFound', 'NotImplemented', 'ServiceUnavailable', 'UnexpectedContent', 'UnknownError'] },
          message: { type: 'string' },
          resourceId: { type: 'string', nullable: true },
        },
      },
      PaginationResult: {
        type: 'object',
        required: ['total', 'count'],
        properties: { total: { type: 'integer', format: 'int32' }, count: { type: 'integer', format: 'int32' }, skip: { type: 'integer', format: 'int32' }, limit: { type: 'integer', format: 'int32' } },
      },
      SessionResultModel: {
        type: 'object',
        required: ['id', 'creationTime', 'state'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          name: { type: 'string' },
          creationTime: { type: 'string', format: 'date-time' },
          endTime: { type: 'string', format: 'date-time', nullable: true },
          state: { type: 'string', enum: ['Stopped', 'Starting', 'Working', 'Stopping'] },
          progressPercent: { type: 'integer', minimum: 0, maximum: 100 },
          parentSessionId: { type: 'string', format: 'uuid', nullable: true },
        },
      },
      TokenModel: {
        type: 'object',
        required: ['access_token', 'token_type', 'refresh_token', 'expires_in', '.issued', '.expires'],
        properties: {
          access_token: { type: 'string' }, token_type: { type: 'string', enum: ['bearer'] }, refresh_token: { type: 'string' },
          expires_in: { type: 'integer', format: 'int32' }, '.issued': { type: 'string', format: 'date-time' }, '.expires': { type: 'string', format: 'date-time' },
        },
      },
      ServerInfoModel: {
        type: 'object',
        required: ['vbrId', 'name', 'buildVersion'],
        properties: { vbrId: { type: 'string', format: 'uuid' }, name: { type: 'string' }, buildVersion: { type: 'string' }, patches: { type: 'array', items: { type: 'string' } } },
      },
      InventoryFolderModel: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, children: { type: 'array', items: ref('InventoryFolderModel') } },
      },
    },
  }
}

/** Deterministic; `operations` (default 500) is met exactly by trimming the last family's operations. */
export function vbrLikeDocument(options: { operations?: number } = {}): object {
  const wanted = options.operations ?? 500
  const components = sharedComponents()
  const schemas = components.schemas as Json
  const paths: Json = {
    '/api/oauth2/token': {
      post: {
        tags: ['Login'], summary: 'Get Access Token', operationId: 'CreateToken', security: [],
        parameters: [{ $ref: '#/components/parameters/apiVersionParam' }],
        requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', required: ['grant_type'], properties: { grant_type: { type: 'string', enum: ['password', 'refresh_token', 'authorization_code', 'vbr_token'] }, username: { type: 'string' }, password: { type: 'string', format: 'password' } } } } } },
        responses: { '200': json(ref('TokenModel')), '400': responseRef('BadRequest'), '401': responseRef('Unauthorized') },
      },
    },
    '/api/v1/serverInfo': { get: { tags: ['Service'], summary: 'Get Backup Server Info', operationId: 'GetServerInfo', security: [], parameters: [{ $ref: '#/components/parameters/apiVersionParam' }], responses: { '200': json(ref('ServerInfoModel')), ...errors } } },
    '/api/v1/inventory/folders': { get: { tags: ['Inventory'], summary: 'Get Folder Tree', operationId: 'GetFolderTree', parameters: [{ $ref: '#/components/parameters/apiVersionParam' }], responses: { '200': json(ref('InventoryFolderModel')), ...errors } } },
  }
  let count = 3
  for (let round = 0; count < wanted; round++) {
    for (const name of families) {
      if (count >= wanted) break
      const family = round === 0 ? name : `${name}V${round + 1}`
      familySchemas(family, schemas)
      const added = familyPaths(family, paths)
      count += added.length
      // Trim the last family so the total is exactly what was asked for.
      for (const [path, method] of added.reverse()) {
        if (count <= wanted) break
        const item = paths[path] as Json
        delete item[method]
        if (Object.keys(item).length === 0) delete paths[path]
        count--
      }
    }
  }
  return {
    openapi: '3.0.1',
    info: { title: 'Veeam Backup & Replication REST API (synthetic, VBR-like)', version: '1.3-rev2' },
    servers: [{ url: 'https://localhost:9419' }],
    security: [{ Bearer: [] }],
    paths,
    components,
  }
}
