/** @module Veeam Recovery Orchestrator REST API 7.1 (seed "Authorization Examples"). */
import type { Profile } from './profile.js'
import { ORCHESTRATOR_ASSUMPTIONS } from './orchestrator-assumptions.js'

export const vro71: Profile = {
  id: 'vro-7.1',
  product: 'Veeam Recovery Orchestrator',
  version: '7.1',
  title: 'Veeam Recovery Orchestrator REST API 7.1',
  vendorPort: 9898,
  tokenPath: '/api/token',
  tokenTag: 'Token',
  clientBases: ['/api/v7.1'],
  clientsTag: 'Clients',
  grants: ['password', 'client_credentials', 'refresh_token'],
  listedGrants: [],
  defaultGrant: 'password',
  usernames: { bareAllowed: true, defaultDomain: 'vdro' },
  roles: ['Orchestrator Administrator', 'Plan Author'],
  otherRoles: ['Plan Operator', 'Viewer'],
  lifetimes: { accessSeconds: 15 * 60, refreshSeconds: 120 * 60 },
  logout: { method: 'DELETE', path: '/api/token', status: 204 },
  tokenResponse: {
    tokenType: 'bearer',
    fields: ['access_token', 'token_type', 'expires_in', 'refresh_token'],
    expiresIn: 'lifetime-less-one',
  },
  tokenFormat: 'opaque',
  errors: { model: 'oauth-message' },
  formContentTypes: ['application/x-www-form-urlencoded', 'multipart/form-data'],
  sources: {
    seed: 'docs/sources.md#seed-000-authorization-examples-vro-rest-api-71 (seed 000, Authorization Examples)',
    token: 'helpcenter.veeam.com docs/vro/rest/authorization.html, examples.html',
    clients: 'helpcenter.veeam.com docs/vro/rest/client_registration.html; references/vro/7.2/rest/7.2.1/tag/Clients',
    lifetimes: 'helpcenter.veeam.com docs/vro/rest/token_lifetime.html (Web.config defaults 15 and 120 minutes)',
    roles: 'seed step 4: "Orchestrator Administrator or Plan Author privileges"',
  },
  assumptions: ORCHESTRATOR_ASSUMPTIONS,
}
