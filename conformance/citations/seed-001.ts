/** @module Seed 001, "Working with Clients" (VAO REST API v3): client accounts in its words; docs/sources.md where it is silent. */
import type { SeedPage } from './citation.js'

const TOKEN_PAGE = 'docs/sources.md#vao-3-token (archive/vao/30/restapi/authorization_example.html)'
const RESPONSE = `${TOKEN_PAGE}: the response holds the access token, its expiration time and the refresh token`
const REFRESH =
  'docs/sources.md#vao-3-token: refresh on VAO v3 is inferred [I] (archive/vao/30/restapi/authorization_example.html is cut off before that step; VAO 1.0, 2.0, 4.0 and VRO document it)'
const LIFETIME = 'docs/sources.md#vao-4 (archive/vao/40/restapi/examples.html): the VAO 4.0 example answers expires_in 899 (15 minutes)'
const BEARER = { section: 'Creating Clients', says: '"In the Authorization header, the user specifies the currently valid access token."' }

export const SEED_001: SeedPage = {
  seed: '001',
  file: '001_977b47040dac0e53.txt',
  title: 'Working with Clients',
  api: 'VAO REST API v3',
  profile: 'vao-3',
  family: ['Veeam Availability Orchestrator'],
  familyLabel: 'VAO v3 seed 001, same product line',
  citations: {
    'password-grant-returns-token': `${TOKEN_PAGE}: POST /token with grant_type password; RFC 6749 §5.1`,
    'token-response-has-documented-fields': `${RESPONSE}; field names: spec x-veeam-auth-mock.tokenResponse.fields`,
    'expires-in-is-positive-integer': `${RESPONSE}; RFC 6749 §5.1 expires_in`,
    'bare-username-accepted': `${TOKEN_PAGE}: user names are DOMAIN\\USERNAME only (spec x-veeam-auth-mock.usernames)`,
    'omitted-grant-type-uses-default': `${TOKEN_PAGE}: the grant_type drop-down defaults to password`,
    'unprivileged-account-refused': `${TOKEN_PAGE}: the roles are VAO Administrator or Plan Author`,
    'refresh-returns-new-pair': `${REFRESH}; RFC 6749 §6 refreshing an access token: 200 (§5.1)`,
    'refresh-returns-different-tokens': `${REFRESH}; RFC 6749 §6: a new access token, and a new refresh token`,
    'refreshed-access-token-works': `${REFRESH}; RFC 6749 §6: the new access token is the one to use`,
    'user-creates-client': {
      section: 'Creating Clients',
      says: '"A successfully completed operation returns the 200 response code. In the response body, VAO returns a client ID and client secret."',
    },
    'client-credentials-grant-works': {
      section: 'Requesting Client Authorization',
      says: '"To obtain a pair of tokens, a client sends the HTTP POST request to the VAO /token path. The request body must contain the client ID and client secret." and "In the response body, VAO returns an access token, its expiration time and a refresh token."',
    },
    'user-lists-exactly-its-clients': {
      section: 'Getting List of Created Clients',
      says: '"To get all client IDs related to a user account", "In the response body, VAO returns a list of client IDs created by the user."',
    },
    'client-lists-only-own-id': { section: 'Getting List of Created Clients', says: 'note: "A client can get only its own client ID."' },
    'client-cannot-create-client': { section: 'Creating Clients', says: 'note: "Clients cannot create new client accounts."' },
    'client-cannot-delete-sibling': { section: 'Deleting Clients', says: 'note: "A client can delete only his own client account."' },
    'delete-without-client-id-is-400': {
      section: 'Deleting Clients',
      says: '"The clientId parameter must be specified in the request URL."',
      also: 'the 400 is spec assumption missing-client-id-400',
    },
    'client-deletes-itself': {
      section: 'Deleting Clients',
      says: '"A successfully completed operation returns the 204 response code.", "A client can delete only his own client account."',
    },
    'deleted-client-token-refused': {
      section: 'Deleting Clients',
      says: '"the client account can be deleted"',
      also: 'RFC 6750 §3.1 invalid_token',
    },
    'deleted-client-credentials-refused': {
      section: 'Deleting Clients',
      says: '"the client account can be deleted"',
      also: 'RFC 6749 §3.2.1 the server MUST authenticate the client',
    },
    'user-deletes-its-client': {
      section: 'Deleting Clients',
      says: '"A successfully completed operation returns the 204 response code.", note: "A user can delete all related client accounts."',
    },
    'users-see-only-own-clients': {
      section: 'Getting List of Created Clients',
      says: '"In the response body, VAO returns a list of client IDs created by the user."',
    },
    'user-cannot-delete-other-users-client': { section: 'Deleting Clients', says: 'note: "A user can delete all related client accounts."' },
    'logout-returns-documented-status':
      'spec assumption logout-route (the VAO v3 pages document no logout); docs/sources.md#logout-on-the-token-path (docs/vbaws/rest/logout_rest_api.html and its siblings): DELETE on the token path answers 204',
    'logged-out-access-token-refused': 'What logging out means (the route is spec assumption logout-route); RFC 6750 §3.1 invalid_token',
    'missing-token-is-401': { ...BEARER, also: 'RFC 6750 §3.1: 401 without credentials' },
    'malformed-token-is-401': { ...BEARER, also: 'RFC 6750 §3.1 invalid_token: 401' },
    'random-token-is-401': { ...BEARER, also: 'RFC 6750 §3.1 invalid_token: 401' },
    'expires-in-matches-lifetime': `${LIFETIME}; RFC 6749 §5.1 expires_in is the lifetime (within a minute)`,
    'access-token-valid-before-lifetime': `${LIFETIME}; the token works until its lifetime ends`,
    'access-token-expires-after-lifetime': `${LIFETIME}; RFC 6750 §3.1 invalid_token`,
    'refresh-token-expires-after-lifetime':
      'spec x-veeam-auth-mock.lifetimes (docs/sources.md#vao-3-token gives no VAO refresh lifetime, docs/sources.md#vro-lifetimes the VRO default, docs/vro/rest/token_lifetime.html); RFC 6749 §6 the server MUST validate the refresh token',
  },
}
