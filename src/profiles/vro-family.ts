/** @module The VRO/VDRO/VAO release family: the same engine, other paths, versions, roles and user name rules. */
import type { Assumption, Profile } from './profile.js'
import { ORCHESTRATOR_ASSUMPTIONS } from './orchestrator-assumptions.js'
import { vro71 } from './vro-7.1.js'

const LOGOUT_ASSUMED: Assumption = {
  id: 'logout-route',
  rule: 'Logout is DELETE /token with the bearer token, answered 204.',
  reason: 'This release documents no logout; the VRO family and sibling Veeam APIs log out with DELETE on the token path.',
}

const CLIENT_SHAPES_ASSUMED: Assumption = {
  id: 'client-shapes',
  rule: 'Create answers {"client_id","client_secret"}; list answers a bare JSON array of client IDs.',
  reason: "This release's pages do not spell the shapes out; the VRO pages, their textual descendants, do.",
}

/** VAO 3 / VAO 4 / VDRO 5: token at the site root, DOMAIN\USERNAME only, logout assumed. */
function rootTokenRelease(id: string, product: string, version: string, title: string, api: string, domain: string, sources: Record<string, string>): Profile {
  return {
    ...vro71,
    id,
    product,
    version,
    title,
    tokenPath: '/token',
    clientBases: [`/api/${api}`],
    usernames: { bareAllowed: false, defaultDomain: domain },
    roles: ['VAO Administrator', 'Plan Author'],
    logout: { method: 'DELETE', path: '/token', status: 204, assumed: true },
    sources,
    assumptions: [...ORCHESTRATOR_ASSUMPTIONS, LOGOUT_ASSUMED, CLIENT_SHAPES_ASSUMED],
  }
}

export const vao3 = rootTokenRelease('vao-3', 'Veeam Availability Orchestrator', '3', 'Veeam Availability Orchestrator REST API 3', 'v3', 'vao', {
  seed: 'docs/sources.md#seed-001-working-with-clients-vao-rest-api-v3 (seed 001, Working with Clients)',
  token: 'helpcenter.veeam.com archive/vao/30/restapi/authorization_example.html (DOMAIN\\USERNAME, VAO Administrator or Plan Author)',
  clients: 'helpcenter.veeam.com archive/vao/30/restapi/client_registration.html',
})

export const vao4 = rootTokenRelease('vao-4', 'Veeam Availability Orchestrator', '4', 'Veeam Availability Orchestrator REST API 4', 'v4', 'vao', {
  token: 'helpcenter.veeam.com archive/vao/40/restapi/authorization.html, examples.html',
})

export const vdro5 = rootTokenRelease('vdro-5', 'Veeam Disaster Recovery Orchestrator', '5', 'Veeam Disaster Recovery Orchestrator REST API 5', 'v5', 'vdro', {
  token: 'helpcenter.veeam.com archive/vdro/50/rest/authorization_example.html',
})

export const vro70: Profile = {
  ...vro71,
  id: 'vro-7.0',
  version: '7.0',
  title: 'Veeam Recovery Orchestrator REST API 7',
  clientBases: ['/api/v7'],
  usernames: { bareAllowed: false, defaultDomain: 'vdro' },
  roles: ['Administrator', 'Plan Author'],
  sources: { token: 'helpcenter.veeam.com docs/vdro/rest/authorization_example.html (REST API 7: DOMAIN\\USERNAME)' },
}

/** A release serves the three newest API versions its docs list, all at once. */
export const vro72: Profile = {
  ...vro71,
  id: 'vro-7.2',
  version: '7.2',
  title: 'Veeam Recovery Orchestrator REST API 7.2',
  clientBases: ['/api/v7.1', '/api/v7.2'],
  sources: { clients: 'helpcenter.veeam.com docs/vro/rest/client_registration.html (7.2 text)' },
}

export const vro721: Profile = {
  ...vro71,
  id: 'vro-7.21',
  version: '7.21',
  title: 'Veeam Recovery Orchestrator REST API 7.21',
  clientBases: ['/api/v7.1', '/api/v7.2', '/api/v7.21'],
  listedGrants: ['mfa'],
  roles: ['Orchestrator Administrator', 'Plan Author', 'Plan Operator'],
  sources: {
    token: 'helpcenter.veeam.com references/vro/7.2/rest/7.2.1/tag/Token (grant enum with mfa; Plan Operator)',
    clients: 'helpcenter.veeam.com references/vro/7.2/rest/7.2.1/tag/Clients',
    versions: 'references/vro/7.2/rest/7.2.1/tag/SectionOverview: v7.1, 7.2 and v7.21 supported',
  },
  assumptions: [
    ...ORCHESTRATOR_ASSUMPTIONS,
    {
      id: 'mfa-not-emulated',
      rule: 'grant_type=mfa is listed in the form but answered 400 unsupported_grant_type.',
      reason: 'The reference lists mfa without its fields or the "MFA required" response; emulating a guess would mislead.',
    },
  ],
}
