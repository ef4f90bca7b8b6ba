/** @module The shape of a product-version profile: everything that differs between Veeam APIs, as data. */
import type { StubInput } from '../stubs/stub-schema.js'

/** Fields a token response can carry. */
export type TokenField = 'access_token' | 'token_type' | 'expires_in' | 'refresh_token'

export type GrantType = 'password' | 'client_credentials' | 'refresh_token'

/** A choice we made where the vendor is silent. The conformance suite holds a target to it only with --strict. */
export interface Assumption {
  /** Stable id; conformance checks name the assumption they test by this id. */
  id: string
  /** What the mock does. */
  rule: string
  /** Why we chose it. */
  reason: string
}

export interface LogoutStyle {
  method: 'DELETE' | 'POST'
  path: string
  status: 200 | 204
  /** A JSON string body, e.g. "You have been logged out." (VAC 2); none for 204. */
  message?: string
  /** The logout route itself is an assumption (the vendor does not document it for this product). */
  assumed?: boolean
}

export interface Profile {
  /** e.g. `vro-7.1`. */
  id: string
  product: string
  /** The product version as the vendor writes it. */
  version: string
  /** The Swagger page title the vendor shows. */
  title: string
  vendorPort: number
  tokenPath: string
  /** Swagger tag of the token (and logout) operations. */
  tokenTag: string
  /** API version bases that carry the Clients resource, e.g. `/api/v7.1`; empty when there is none. */
  clientBases: string[]
  clientsTag: string
  /** Grants the mock performs. */
  grants: GrantType[]
  /** Grant names the vendor lists but the mock does not emulate (answered `unsupported_grant_type`). */
  listedGrants: string[]
  defaultGrant: GrantType
  usernames: {
    /** Whether a bare `USERNAME` is accepted (resolved to `defaultDomain`). */
    bareAllowed: boolean
    defaultDomain: string
  }
  /** Roles that may use the REST API. */
  roles: string[]
  /** Roles an account may hold without REST API rights (fixtures use them to show the refusal); any other role is refused. */
  otherRoles?: string[]
  lifetimes: { accessSeconds: number; refreshSeconds: number }
  logout: LogoutStyle
  tokenResponse: {
    tokenType: string
    /** Exactly the fields of a successful token response, in order. */
    fields: TokenField[]
  }
  /** Content types the token endpoint reads as a form body (urlencoded parser unless multipart). */
  formContentTypes: string[]
  /** Where each rule comes from, for people reading the spec. */
  sources: Record<string, string>
  assumptions: Assumption[]
  /** Stub resources served by default (behind the bearer check); --stubs replaces them. Most profiles have none. */
  stubs?: StubInput[]
}
