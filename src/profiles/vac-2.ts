/** @module Veeam Availability Console RESTful API v2, "Veeam.Portal.WebAPI" (seed "Getting Authorization Tokens"). */
import type { Profile } from './profile.js'
import { TOKEN_ASSUMPTIONS } from './orchestrator-assumptions.js'

export const vac2: Profile = {
  id: 'vac-2',
  product: 'Veeam Availability Console',
  version: '2',
  title: 'Veeam.Portal.WebAPI',
  vendorPort: 1281,
  tokenPath: '/token',
  tokenTag: 'Accounts',
  clientBases: [],
  clientsTag: 'Accounts',
  grants: ['password', 'refresh_token'],
  listedGrants: [],
  defaultGrant: 'password',
  usernames: { bareAllowed: true, defaultDomain: 'vac' },
  roles: ['Portal Administrator'],
  otherRoles: ['Read-only User'],
  lifetimes: { accessSeconds: 60 * 60, refreshSeconds: 120 * 60 },
  logout: { method: 'POST', path: '/accounts/logout', status: 200, message: 'You have been logged out.' },
  tokenResponse: { tokenType: 'bearer', fields: ['access_token', 'token_type', 'expires_in', 'refresh_token'], expiresIn: 'lifetime-less-one' },
  tokenFormat: 'opaque',
  errors: { model: 'oauth-message' },
  // The vendor's own example sends a form body under Content-Type: application/json.
  formContentTypes: ['application/x-www-form-urlencoded', 'multipart/form-data', 'application/json'],
  sources: {
    seed: 'docs/sources.md#seed-002-getting-authorization-tokens-vac-restful-api-v2 (seed 002, Getting Authorization Tokens)',
    token: 'helpcenter.veeam.com archive/vac/20/rest/authorization_example.html; archive/vac/30/rest/authentication.html (expires_in 3599)',
    logout: 'archive/vac/30/rest/authorization_example.html: POST /accounts/logout, 200, "You have been logged out."',
    stubs:
      'docs/sources.md#vac-2-public-clients: a public VAC v2 client (Prometheus exporter) sends its bearer token to GET /v2/tenants and /v2/tenants/{id}/backupResources right after POST /token; docs/sources.md#seed-002-getting-authorization-tokens-vac-restful-api-v2 step "To validate the access token, click Explore."',
  },
  assumptions: [
    ...TOKEN_ASSUMPTIONS.filter((a) => a.id !== 'form-content-types'),
    {
      id: 'form-content-types',
      rule: 'The token endpoint reads a form body sent as urlencoded, multipart or (as the vendor example does) application/json; a real JSON object is not a form and gets 400 invalid_request.',
      reason: "The vendor's documented example sends grant_type=password&... with Content-Type: application/json.",
    },
    {
      id: 'logout-message-json-string',
      rule: 'The logout body is the JSON string "You have been logged out.".',
      reason: 'The vendor shows the message, not its encoding; ASP.NET Web API serialises a returned string as a JSON string.',
    },
    {
      id: 'refresh-lifetime',
      rule: 'Refresh tokens live 120 minutes and rotate, as in the VRO family.',
      reason: 'The VAC refresh lifetime and rotation are not documented.',
    },
    {
      id: 'default-stubs',
      rule: 'GET /v2/tenants and GET /v2/tenants/{id}/backupResources are stubs: 200 with an empty JSON array for any valid access token, 401 otherwise.',
      reason: 'A public VAC v2 client calls them with the token (so a client can validate it); their bodies are not documented here, so the mock invents no tenants.',
    },
    {
      id: 'bare-username',
      rule: 'A bare USERNAME is accepted and resolved to the vac domain.',
      reason: 'The VAC pages show DOMAIN\\USERNAME examples without forbidding the bare form.',
    },
  ],
  // Something to call after POST /token, to validate the access token (assumption default-stubs).
  stubs: [
    { method: 'GET', path: '/v2/tenants', status: 200, body: [], summary: 'Tenants (stub: an empty list); call it to validate the access token' },
    { method: 'GET', path: '/v2/tenants/{id}/backupResources', status: 200, body: [], summary: "A tenant's backup resources (stub: an empty list)" },
  ],
}
