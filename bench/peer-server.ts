/** @module The peer: oauth2-mock-server (RS256-signed JWTs), started as its README shows. */
import { OAuth2Server } from 'oauth2-mock-server'

const server = new OAuth2Server()
await server.issuer.keys.generate('RS256')
await server.start(0, '127.0.0.1')
console.log(`listening on http://127.0.0.1:${server.address().port}`)
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)))
