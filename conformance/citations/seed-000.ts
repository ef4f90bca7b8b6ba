/** @module Seed 000, "Authorization Examples" (VRO REST API 7.1): the rules it states, in its words, for the VRO family. */
import type { SeedPage } from './citation.js'

const TTL = 'docs/sources.md#vro-lifetimes (docs/vro/rest/token_lifetime.html): by default the access token lives 15 minutes, the refresh token 120'
const OK = '"A successfully completed operation returns the 200 response code."'

export const SEED_000: SeedPage = {
  seed: '000',
  file: '000_0a727f2485f51b5f.txt',
  title: 'Authorization Examples',
  api: 'VRO REST API 7.1',
  profile: 'vro-7.1',
  family: ['Veeam Recovery Orchestrator', 'Veeam Disaster Recovery Orchestrator'],
  familyLabel: 'VRO 7.1 seed 000, same API family',
  citations: {
    'password-grant-returns-token': {
      section: 'Obtaining Authorization Tokens',
      says: `"From the grant_type drop-down list, select password.", ${OK}`,
    },
    'token-response-has-documented-fields': {
      section: 'Getting Authorization Token',
      says: '"In the response body, Orchestrator returns an access token, its expiration time and a refresh token."',
      also: 'field names: spec x-veeam-auth-mock.tokenResponse.fields',
    },
    'expires-in-is-positive-integer': {
      section: 'Getting Authorization Token',
      says: '"its expiration time"',
      also: 'RFC 6749 §5.1 expires_in',
    },
    'bare-username-accepted': {
      section: 'Obtaining Authorization Tokens',
      says: 'step 4: "The user name must be specified in the DOMAIN\\USERNAME or USERNAME format."',
    },
    'omitted-grant-type-uses-default': {
      section: 'Obtaining Authorization Tokens',
      says: 'step 3: "From the grant_type drop-down list, select password."',
      also: 'docs/sources.md#vro-token-request (references/vro/7.2/rest/7.2.1/tag/Token): grant_type defaults to password',
    },
    'unprivileged-account-refused': {
      section: 'Obtaining Authorization Tokens',
      says: 'step 4: "specify the credentials of an account with the Orchestrator Administrator or Plan Author privileges"',
      also: 'this release\'s roles: spec x-veeam-auth-mock.roles',
    },
    'refresh-returns-new-pair': {
      section: 'Using Refresh Token',
      says: '"A successfully completed operation returns the 200 code and a new pair of tokens in the response body."',
    },
    'refresh-returns-different-tokens': { section: 'Using Refresh Token', says: '"a new pair of tokens"' },
    'refreshed-access-token-works': {
      section: 'Using Refresh Token',
      says: '"To obtain a new pair of tokens using a refresh token"',
    },
    'user-creates-client': {
      section: 'Creating Clients',
      says: `${OK}, "In the response body, Orchestrator returns a client ID and client secret."`,
    },
    'client-credentials-grant-works': {
      section: 'Obtaining Authorization Tokens Under Client Account',
      says: '"From the grant_type drop-down list, select client_credentials.", "In the client_id and client_secret fields, specify credentials of a client account."',
    },
    'user-lists-exactly-its-clients': {
      section: 'Getting List of Clients',
      says: '"To get all client IDs related to a user account", "a list of client IDs in the response body"',
    },
    'client-lists-only-own-id': { section: 'Getting List of Clients', says: 'note: "A client can get only its own client ID."' },
    'client-cannot-create-client': { section: 'Creating Clients', says: 'note: "Clients cannot create new client accounts."' },
    'client-cannot-delete-sibling': {
      section: 'Deleting Clients',
      says: 'note: "A client can delete only his own client account."',
    },
    'delete-without-client-id-is-400': {
      section: 'Deleting Clients',
      says: 'step 3: "In the clientId field, insert the ID of the client that you want to delete."',
      also: 'the 400 is spec assumption missing-client-id-400',
    },
    'client-deletes-itself': {
      section: 'Deleting Clients',
      says: '"A successfully completed operation returns the 204 response code.", "A client can delete only his own client account."',
    },
    'deleted-client-token-refused': {
      section: 'Deleting Clients',
      says: '"To delete a client account"',
      also: 'RFC 6750 §3.1 invalid_token',
    },
    'deleted-client-credentials-refused': {
      section: 'Deleting Clients',
      says: '"To delete a client account"',
      also: 'RFC 6749 §3.2.1 the server MUST authenticate the client',
    },
    'user-deletes-its-client': {
      section: 'Deleting Clients',
      says: '"A successfully completed operation returns the 204 response code.", "A user can delete all related client accounts."',
    },
    'users-see-only-own-clients': {
      section: 'Getting List of Clients',
      says: '"To get all client IDs related to a user account"',
    },
    'user-cannot-delete-other-users-client': {
      section: 'Deleting Clients',
      says: 'note: "A user can delete all related client accounts."',
    },
    'logout-returns-documented-status': {
      section: 'Logging Out',
      says: 'DELETE on the token path, "A successfully completed operation returns the 204 response code."',
      also: 'this release\'s route: spec x-veeam-auth-mock.logout',
    },
    'logged-out-access-token-refused': {
      section: 'Logging Out',
      says: '"To log out from the Orchestrator REST API"',
      also: 'RFC 6750 §3.1 invalid_token',
    },
    'missing-token-is-401':
      'docs/sources.md#vro-resource-errors (references/vro/7.2/rest/7.2.1/tag/Clients): 401 "The authorization header has been expected but not found"; RFC 6750 §3.1',
    'expires-in-matches-lifetime': `${TTL}; RFC 6749 §5.1 expires_in is the lifetime (within a minute)`,
    'access-token-valid-before-lifetime': `${TTL}: the token works until its lifetime ends`,
    'access-token-expires-after-lifetime':
      'docs/sources.md#vro-lifetimes (docs/vao/restapi/authorization.html, VRO 7 text): "the Orchestrator REST API access token expires in 15 minutes"; RFC 6750 §3.1',
    'refresh-token-expires-after-lifetime': `${TTL}; RFC 6749 §6 the server MUST validate the refresh token`,
  },
}
