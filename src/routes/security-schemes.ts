/** @module The security schemes of the document: the vendor's OAuth 2.0 flows and a plain bearer for Swagger UI. */
import type { Profile } from '../profiles/profile.js'
import type { App } from './env.js'

export function registerSecuritySchemes(app: App, profile: Profile): void {
  const registry = app.openAPIRegistry
  const tokenUrl = profile.tokenPath
  registry.registerComponent('securitySchemes', 'userAuth', {
    type: 'oauth2',
    description: 'A user account (grant_type=password).',
    flows: { password: { tokenUrl, refreshUrl: tokenUrl, scopes: {} } },
  })
  if (profile.grants.includes('client_credentials')) {
    registry.registerComponent('securitySchemes', 'clientAuth', {
      type: 'oauth2',
      description: 'A client account (grant_type=client_credentials).',
      flows: { clientCredentials: { tokenUrl, refreshUrl: tokenUrl, scopes: {} } },
    })
  }
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An access token; this page fills it in after a successful token request.',
  })
}
