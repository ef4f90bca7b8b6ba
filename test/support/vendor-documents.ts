/** @module Small OpenAPI documents written for the tests, one feature each where they can be (never a vendor's file). */

const json = (schema: object) => ({ 'application/json': { schema } })
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const errorResponse = (description: string) => ({ description, content: json(ref('Error')) })

/**
 * A VBR-shaped jobs API: base path from an absolute server URL, a bearer requirement for the whole document,
 * `{data, pagination}` envelopes with skip/limit, allOf + discriminator, $ref chains, formats, an x-api-version
 * header, a security [] operation, named examples, a broken $ref.
 */
export function jobsDocument(): Record<string, unknown> {
  return {
    openapi: '3.0.1',
    info: { title: 'Jobs API', version: '1.0-rev0' },
    servers: [{ url: 'https://vbr.lab:9419/api' }],
    security: [{ Bearer: [] }],
    tags: [{ name: 'Jobs', description: 'Backup jobs.' }],
    components: {
      securitySchemes: { Bearer: { type: 'http', scheme: 'bearer' } },
      parameters: {
        apiVersion: { name: 'x-api-version', in: 'header', required: true, schema: { type: 'string', enum: ['1.0-rev0'], default: '1.0-rev0' } },
      },
      schemas: {
        Error: { type: 'object', required: ['errorCode', 'message'], properties: { errorCode: { type: 'string', enum: ['NotFound', 'UnknownError'] }, message: { type: 'string' } } },
        EJobType: { type: 'string', enum: ['Backup', 'Replica'] },
        JobType: ref('EJobType'),
        JobModel: {
          type: 'object',
          required: ['id', 'name', 'type'],
          discriminator: { propertyName: 'type', mapping: { Backup: '#/components/schemas/BackupJobModel', Replica: '#/components/schemas/ReplicaJobModel' } },
          properties: {
            id: { type: 'string', format: 'uuid' },
            name: { type: 'string', minLength: 1, maxLength: 64 },
            type: ref('JobType'),
            description: { type: 'string', nullable: true },
            isDisabled: { type: 'boolean' },
          },
        },
        BackupJobModel: { allOf: [ref('JobModel'), { type: 'object', properties: { retentionDays: { type: 'integer', minimum: 1, maximum: 30 } } }] },
        ReplicaJobModel: { allOf: [ref('JobModel'), { type: 'object', properties: { targetHost: { type: 'string', format: 'hostname' } } }] },
        PaginationResult: {
          type: 'object',
          required: ['total', 'count', 'skip', 'limit'],
          properties: { total: { type: 'integer' }, count: { type: 'integer' }, skip: { type: 'integer' }, limit: { type: 'integer' } },
        },
        JobsResult: { type: 'object', required: ['data', 'pagination'], properties: { data: { type: 'array', items: ref('JobModel') }, pagination: ref('PaginationResult') } },
        JobSpec: {
          type: 'object',
          required: ['name', 'type'],
          properties: { name: { type: 'string', minLength: 1 }, type: ref('JobType'), retentionDays: { type: 'integer', minimum: 1 }, id: { type: 'string', readOnly: true } },
        },
        ServerTime: { type: 'object', required: ['serverTime'], properties: { serverTime: { type: 'string', format: 'date-time' }, timeZone: { type: 'string' } } },
        ServerInfo: {
          type: 'object',
          required: ['vbrId', 'name', 'buildVersion'],
          properties: {
            vbrId: { type: 'string', format: 'uuid' },
            name: { type: 'string' },
            buildVersion: { type: 'string' },
            contact: { type: 'string', format: 'email' },
            address: { type: 'string', format: 'ipv4' },
            site: { type: 'string', format: 'uri' },
            installedOn: { type: 'string', format: 'date' },
          },
        },
        Session: { type: 'object', required: ['id', 'jobId', 'state'], properties: { id: { type: 'string', format: 'uuid' }, jobId: { type: 'string', format: 'uuid' }, state: { type: 'string', enum: ['Working', 'Stopped'] } } },
      },
    },
    paths: {
      '/v1/jobs': {
        parameters: [{ $ref: '#/components/parameters/apiVersion' }],
        get: {
          operationId: 'GetAllJobs',
          tags: ['Jobs'],
          parameters: [
            { name: 'skip', in: 'query', schema: { type: 'integer', format: 'int32', minimum: 0 } },
            { name: 'limit', in: 'query', schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 500, default: 200 } },
            { name: 'typeFilter', in: 'query', schema: ref('EJobType') },
          ],
          responses: { 200: { description: 'Jobs.', content: json(ref('JobsResult')) }, 401: errorResponse('Unauthorized.') },
        },
        post: {
          operationId: 'CreateJob',
          tags: ['Jobs'],
          requestBody: { required: true, content: json(ref('JobSpec')) },
          responses: { 201: { description: 'Created.', content: json(ref('JobModel')) }, 400: errorResponse('Bad request.') },
        },
      },
      '/v1/jobs/{id}': {
        parameters: [{ $ref: '#/components/parameters/apiVersion' }],
        get: {
          operationId: 'GetJob',
          tags: ['Jobs'],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { 200: { description: 'A job.', content: json(ref('JobModel')) }, 404: errorResponse('Not found.') },
        },
        delete: {
          operationId: 'DeleteJob',
          tags: ['Jobs'],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { 204: { description: 'Deleted.' }, 404: errorResponse('Not found.') },
        },
      },
      '/v1/jobs/{id}/sessions/{sessionId}': {
        get: {
          operationId: 'GetJobSession',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
            { name: 'sessionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          ],
          responses: { 200: { description: 'A session.', content: json(ref('Session')) } },
        },
      },
      '/v1/serverTime': {
        get: {
          operationId: 'GetServerTime',
          security: [],
          responses: {
            200: { description: 'The time.', content: { 'application/json': { schema: ref('ServerTime'), example: { serverTime: '2024-01-01T10:00:00+01:00', timeZone: 'CET' } } } },
          },
        },
      },
      '/v1/serverInfo': {
        get: {
          operationId: 'GetServerInfo',
          responses: {
            200: {
              description: 'Server info.',
              content: {
                'application/json': {
                  schema: ref('ServerInfo'),
                  // As vendors write them: one breaks the schema (no buildVersion). Served as written.
                  examples: {
                    onPremises: { value: { vbrId: '6745a759-2205-4cd2-b172-8ec8f7e60ef8', name: 'VBR-01' } },
                    cloud: { value: { vbrId: '0b1b1a9e-0000-4000-8000-000000000001', name: 'VBR-cloud', buildVersion: '12.1.0.2131' } },
                  },
                },
              },
            },
            404: errorResponse('Not found.'),
          },
        },
      },
      '/v1/generatedInfo': { get: { operationId: 'GetGeneratedInfo', responses: { 200: { description: 'Info.', content: json(ref('ServerInfo')) } } } },
      '/v1/broken': { get: { operationId: 'GetBroken', responses: { 200: { description: 'Broken.', content: json(ref('DoesNotExist')) } } } },
    },
  }
}

/** A Swagger 2.0 document (Swashbuckle style): basePath, definitions, a body parameter, produces. */
export function swagger2Document(): Record<string, unknown> {
  return {
    swagger: '2.0',
    info: { title: 'Legacy API', version: 'v2' },
    host: 'vac.lab:1281',
    basePath: '/v2',
    schemes: ['https'],
    produces: ['application/json'],
    consumes: ['application/json'],
    securityDefinitions: { api_key: { type: 'apiKey', name: 'Authorization', in: 'header' } },
    security: [{ api_key: [] }],
    definitions: {
      Tenant: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer', format: 'int32' }, name: { type: 'string' }, site: { type: 'string', 'x-nullable': true } } },
      TenantSpec: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } } },
    },
    paths: {
      '/alarms': { get: { operationId: 'Alarms_Get', responses: { 200: { description: 'OK', schema: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } } } } } } },
      '/tenants/{id}': {
        get: {
          operationId: 'Tenants_Get',
          parameters: [{ name: 'id', in: 'path', required: true, type: 'integer', format: 'int32' }],
          responses: { 200: { description: 'OK', schema: { $ref: '#/definitions/Tenant' } }, 404: { description: 'Not found' } },
        },
      },
      '/tenants': {
        post: {
          operationId: 'Tenants_Post',
          parameters: [{ name: 'spec', in: 'body', required: true, schema: { $ref: '#/definitions/TenantSpec' } }],
          responses: { 201: { description: 'Created', schema: { $ref: '#/definitions/Tenant' }, examples: { 'application/json': { id: 7, name: 'Tenant 7' } } } },
        },
      },
    },
  }
}

/** OpenAPI 3.1 with YAML text: type arrays for null, a plain object answer. */
export const YAML_31_DOCUMENT = `openapi: 3.1.0
info:
  title: Plans
  version: "7.1"
paths:
  /api/v7.1/Plans/{planId}:
    get:
      operationId: GetPlan
      parameters:
        - name: planId
          in: path
          required: true
          schema:
            type: string
            format: uuid
      responses:
        "200":
          description: A plan.
          content:
            application/json:
              schema:
                type: object
                required: [planId, name]
                properties:
                  planId:
                    type: string
                    format: uuid
                  name:
                    type: string
                  note:
                    type: [string, "null"]
`

/** fixtures/openapi.example.json, the document docs/vendor-document.md runs: the jobs document without its broken operation. */
export function exampleDocument(): Record<string, unknown> {
  const document = jobsDocument()
  const { '/v1/broken': _broken, ...paths } = document.paths as Record<string, unknown>
  return { ...document, info: { title: 'Jobs API (an example written for veeam-auth-mock, not a vendor document)', version: '1.0-rev0' }, paths }
}
