/** @module Reading a request body up to a limit, straight from node's stream when there is one (the hot path). */
import type { IncomingMessage } from 'node:http'
import { bodyTooLarge, invalidRequest } from '../oauth/errors.js'
import { requestHeader } from './request-header.js'

/** What @hono/node-server passes as the app's env; absent under `app.request()`. */
interface NodeBindings {
  incoming?: IncomingMessage
}

/**
 * Reads node's IncomingMessage directly: asking the web Request for its body makes the adapter build
 * a full undici Request (abort signal, web streams), which cost the token endpoint about 4x its throughput.
 * The listeners are inline and anonymous on purpose: `npm start` runs through tsx, which wraps every named
 * nested function in a `__name` call on each invocation.
 */
function readIncoming(incoming: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    incoming.on('data', (chunk: Buffer) => {
      if (size > limit) return
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      // Stop here: nothing past the limit is kept, and the 413 closes the connection.
      incoming.pause()
      reject(bodyTooLarge(limit))
    })
    // After a rejection these settle nothing: a promise settles once.
    incoming.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)))
    incoming.on('error', () => reject(invalidRequest('The request body could not be read.')))
  })
}

async function readStream(request: Request, limit: number): Promise<Buffer> {
  if (request.body === null) return Buffer.alloc(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return Buffer.concat(chunks, size)
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      throw bodyTooLarge(limit)
    }
    chunks.push(value)
  }
}

/** The body's bytes; a declared or actual size over `limit` is a 413 before anything past it is read. */
export function readLimitedBody(request: Request, env: unknown, limit: number): Promise<Buffer> {
  const declared = requestHeader(request, env, 'content-length')
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(bodyTooLarge(limit))
  const incoming = (env as NodeBindings | undefined)?.incoming
  // A stream something else already read or ended would never emit again: read through the Request then.
  const usable = incoming !== undefined && !incoming.readableEnded && !incoming.destroyed && incoming.listenerCount('data') === 0
  return usable ? readIncoming(incoming, limit) : readStream(request, limit)
}
