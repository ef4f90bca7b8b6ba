/** @module Choices shared by the Orchestrator family (VAO, VDRO, VRO) where the vendor's pages are silent. */
import type { Assumption } from './profile.js'

/** Token endpoint choices every profile makes (RFC 6749 where the vendor shows no error sample). */
export const TOKEN_ASSUMPTIONS: Assumption[] = [
  {
    id: 'token-errors-rfc6749',
    rule: 'Token endpoint errors are RFC 6749 section 5.2 JSON {error, error_description}, status 400 (invalid_client: 401 when HTTP Basic was used).',
    reason: 'The vendor shows no error sample for the token endpoint; the server is an ASP.NET OWIN-style /token endpoint, which answers this way, and VSPC documents the same OAuth2Error shape.',
  },
  {
    id: 'role-refused-invalid-grant',
    rule: 'An account whose role may not use the REST API gets 400 invalid_grant.',
    reason: 'The vendor names the roles that may log in but not the refusal; invalid_grant is what RFC 6749 gives for credentials that cannot be used.',
  },
  {
    id: 'refresh-rotation',
    rule: 'A refresh token works once: refreshing returns a new pair and the used refresh token is refused from then on; the earlier access token stays valid until it expires.',
    reason: 'The vendor says refresh returns "a new pair of tokens" without saying whether the old refresh token survives; Veeam Backup & Replication documents single-use refresh tokens, and rotation is the OAuth 2.0 Security BCP advice.',
  },
  {
    id: 'logout-revokes-refresh',
    rule: 'Logout revokes the presented access token and the refresh token issued with it; other sessions of the same account stay valid.',
    reason: 'The vendor does not say what logout revokes; revoking the pair is the safe reading, and separate client accounts exist precisely so that sessions do not interfere.',
  },
  {
    id: 'resource-error-body',
    rule: 'Resource errors carry a JSON body {"message": text}; 401 uses the vendor\'s documented text.',
    reason: 'The vendor documents the 401 text but not the body shape.',
  },
  {
    id: 'form-content-types',
    rule: 'The token endpoint reads application/x-www-form-urlencoded and multipart/form-data; any other content type gets 400 invalid_request.',
    reason: 'The reference declares multipart/form-data while the vendor\'s worked example and real clients send urlencoded.',
  },
  {
    id: 'client-fields-ignored',
    rule: 'client_id/client_secret (or HTTP Basic) sent with a password or refresh_token grant are ignored.',
    reason: 'Generic OAuth libraries send them; the vendor does not say they are refused.',
  },
]

/** Choices about the Clients resource (only statuses 200, 204, 401 and 500 are documented). */
export const CLIENT_ASSUMPTIONS: Assumption[] = [
  {
    id: 'client-create-forbidden-403',
    rule: 'A client that tries to create a client gets 403 and nothing is created.',
    reason: 'The vendor says "Clients cannot create new client accounts" but documents no status for the refusal; 403 is the HTTP status for an authenticated caller without the right.',
  },
  {
    id: 'client-delete-other-403',
    rule: 'A client that tries to delete any ID but its own gets 403 and nothing is deleted.',
    reason: 'The vendor says "A client can delete only his own client account" without a status.',
  },
  {
    id: 'unknown-client-404',
    rule: 'A user deleting an unknown ID, or another user\'s client, gets 404 (existence is not leaked); IDs compare case-insensitively.',
    reason: 'No status is documented for an unknown ID; GUID case varies between the vendor\'s samples.',
  },
  {
    id: 'missing-client-id-400',
    rule: 'DELETE without the clientId query parameter gets 400.',
    reason: 'The parameter is documented as required; no status is given for its absence.',
  },
]

export const ORCHESTRATOR_ASSUMPTIONS: Assumption[] = [...TOKEN_ASSUMPTIONS, ...CLIENT_ASSUMPTIONS]
