/** @module Seed 002, "Getting Authorization Tokens" (VAC RESTful API v2): token, refresh and logout in its words. */
import type { SeedPage } from './citation.js'

const LIFETIME = 'docs/sources.md#vac-2-lifetimes (archive/vac/30/rest/authentication.html): the access token lives 1 hour (VAC 3.0 and later, expires_in 3599)'
const REFRESH = 'When the access token expires, use the refresh token'

export const SEED_002: SeedPage = {
  seed: '002',
  file: '002_b8c161b8f4a7e67a.txt',
  title: 'Getting Authorization Tokens',
  api: 'VAC RESTful API v2',
  profile: 'vac-2',
  family: ['Veeam Availability Console'],
  familyLabel: 'VAC v2 seed 002, same product line',
  citations: {
    'password-grant-returns-token': {
      section: 'Obtain a pair of tokens',
      says: '"A successfully completed operation returns the 200 Success response code and an access and a refresh token in the response body."',
    },
    'token-response-has-documented-fields': {
      section: 'Obtain a pair of tokens',
      says: '"an access and a refresh token in the response body"',
      also: 'field names: docs/sources.md#vac-2-token-and-logout (archive/vac/30/rest/authentication.html, the VAC 3.0 example)',
    },
    'expires-in-is-positive-integer': `${LIFETIME}; RFC 6749 §5.1 expires_in`,
    'bare-username-accepted': 'spec assumption bare-username (the VAC examples use DOMAIN\\USERNAME without forbidding the bare form)',
    'omitted-grant-type-uses-default': {
      section: 'Obtain a pair of tokens',
      says: 'step 2: "In the grant_type drop-down list, make sure that password (default) is selected."',
    },
    'unprivileged-account-refused': {
      section: 'Obtain a pair of tokens',
      says: 'step 3: "specify the credentials of a user with the Veeam Availability Console Portal Administrator privileges"',
    },
    'refresh-returns-new-pair': {
      section: REFRESH,
      says: '"From the grant_type drop-down list, select refresh_token." and "A successfully completed operation returns the 200 Success response code and a new pair of tokens in the response body."',
    },
    'refresh-returns-different-tokens': { section: 'Using the Refresh Token', says: '"a new pair of tokens"' },
    'refreshed-access-token-works': { section: 'Using the Refresh Token', says: `"${REFRESH}"` },
    'logout-returns-documented-status': {
      section: 'Logout Request',
      says: '"expand the Accounts resource and click POST /accounts/logout." and "A successfully completed operation returns the 200 Success response code and the “You have been logged out.” message in the response body."',
      also: 'its encoding: spec assumption logout-message-json-string',
    },
    'logged-out-access-token-refused': {
      section: 'Logout Request',
      says: '"When you finish working with Veeam Availability Console RESTful API"',
      also: 'RFC 6750 §3.1 invalid_token',
    },
    'expires-in-matches-lifetime': `${LIFETIME}; RFC 6749 §5.1 expires_in is the lifetime (within a minute)`,
    'access-token-valid-before-lifetime': `${LIFETIME}; the token works until its lifetime ends`,
    'access-token-expires-after-lifetime': `${LIFETIME}; RFC 6750 §3.1 invalid_token`,
    'refresh-token-expires-after-lifetime':
      'spec assumption refresh-lifetime (docs/sources.md#vac-2-lifetimes: the VAC refresh token lifetime is not documented); RFC 6749 §6 the server MUST validate the refresh token',
  },
  absent: {
    scenarios: ['clients', 'cross-user'],
    cite: 'docs/sources.md#vac-2-token-and-logout (archive/vac/20/rest/authorization_example.html): VAC v2 has no Clients resource and no client_credentials grant',
  },
}
