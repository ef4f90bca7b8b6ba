/** @module Swagger UI at /swagger, from the local swagger-ui-dist files: no request leaves the machine. */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Profile } from '../profiles/profile.js'
import type { App } from '../routes/env.js'

/** Served files by name; a Map, so a request for `constructor` or `__proto__` finds nothing. */
const ASSETS = new Map<string, string>([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
  ['favicon-32x32.png', 'image/png'],
])

function distDir(): string {
  return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
}

/**
 * Where the profile has antiforgery tokens (VB365): copy the cookie the token response set into the header every
 * later request must carry, as a browser client of the vendor's does, so "Try it out" works after a login.
 */
function antiforgeryInterceptor(profile: Profile): string {
  const rule = profile.antiforgery
  if (rule === undefined) return ''
  return `
  requestInterceptor: (req) => {
    const found = document.cookie.split('; ').find((c) => c.startsWith(${JSON.stringify(`${rule.cookie}=`)}))
    if (found) req.headers[${JSON.stringify(rule.header)}] = found.slice(${rule.cookie.length + 1})
    return req
  },`
}

/** The page's start-up script: applies a token from a successful token call, and forgets it on logout. */
function initScript(profile: Profile): string {
  const config = { tokenPath: profile.tokenPath, logoutPath: profile.logout?.path ?? null, logoutStatus: profile.logout?.status ?? null }
  return `const mock = ${JSON.stringify(config)};
// Under a tenant's prefix (/t/{name}/swagger) the document, the token path and logout are the tenant's.
const base = (location.pathname.match(/^\\/t\\/[^/]+/) || [''])[0];
// A logout path may hold a parameter (VSPC's /users/{userUid}/tokens): a {name} segment matches any one segment.
const isLogout = (path) => {
  if (mock.logoutPath === null) return false;
  const want = (base + mock.logoutPath).split('/'), got = path.split('/');
  return want.length === got.length && want.every((s, i) => s === got[i] || (/^\\{[^/]+\\}$/.test(s) && got[i] !== ''));
};
// Swagger UI 5 ticks "Send empty value" for every optional form field, so a token request would carry
// client_id=&refresh_token=...; start unticked so only the fields a person fills are sent.
const omitEmptyFormFields = (system) => ({
  wrapComponents: {
    ParameterIncludeEmpty: (Original) => (props) =>
      system.React.createElement(Original, { ...props, isIncludedOptions: { ...props.isIncludedOptions, defaultValue: false } }),
  },
});
const ui = SwaggerUIBundle({
  url: base + '/openapi.json',
  dom_id: '#swagger-ui',
  validatorUrl: 'none',
  deepLinking: true,
  tryItOutEnabled: false,
  plugins: [omitEmptyFormFields],${antiforgeryInterceptor(profile)}
  responseInterceptor: (res) => {
    try {
      const path = new URL(res.url, location.href).pathname
      const body = res.body && typeof res.body === 'object' ? res.body : null
      if (res.status === 200 && path === base + mock.tokenPath && body && body.access_token) {
        ui.preauthorizeApiKey('bearerAuth', body.access_token)
      } else if (res.status === mock.logoutStatus && isLogout(path)) {
        ui.authActions.logout(['bearerAuth'])
      }
    } catch (error) { console.warn('veeam-auth-mock: could not apply the token', error) }
    return res
  },
});
window.ui = ui;
`
}

function page(profile: Profile): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${profile.title} (veeam-auth-mock)</title>
<link rel="stylesheet" href="/swagger/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="/swagger/assets/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/swagger/assets/swagger-ui-bundle.js"></script>
<script src="/swagger/init.js"></script>
</body>
</html>
`
}

export function mountSwaggerUi(app: App, profile: Profile): void {
  const cache = new Map<string, Buffer>()
  const html = page(profile)
  const script = initScript(profile)
  for (const path of ['/swagger', ...(profile.discovery?.uiPaths ?? [])]) app.get(path, (c) => c.html(html))
  app.get('/swagger/init.js', (c) => c.body(script, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
  app.get('/swagger/assets/:file', (c) => {
    const file = c.req.param('file')
    const type = ASSETS.get(file)
    if (type === undefined) return c.notFound()
    let bytes = cache.get(file)
    if (bytes === undefined) cache.set(file, (bytes = readFileSync(join(distDir(), file))))
    return c.body(new Uint8Array(bytes), 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=3600' })
  })
}
