/** @module Prism (Stoplight's OpenAPI mock) as the peer of the document rows: the same document, served by `prism mock`. */
import { createServer } from 'node:net'
import { join } from 'node:path'
import { spawnServer, type ServerProcess } from './spawn-server.js'

/** A port free right now: Prism takes no port 0. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** `prism mock FILE` on 127.0.0.1; it prints "Prism is listening on <url>" once it serves. */
export async function startPrism(root: string, file: string): Promise<ServerProcess> {
  const port = await freePort()
  return spawnServer(join(root, 'node_modules/.bin/prism'), ['mock', '-h', '127.0.0.1', '-p', String(port), '--errors', 'false', file], root)
}
