/** @module Opening a port for an app: the one place that listens, shared by the CLI and startMock. */
import { createAdaptorServer } from '@hono/node-server'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TlsPair } from './tls-pair.js'

export interface ListenOptions {
  /** Default 127.0.0.1. */
  host?: string
  /** 0 picks a free port. */
  port: number
  /** Serve https with this certificate and key (checked beforehand: see checkTlsPair). */
  tls?: TlsPair
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:9898`, or `https://...` with `tls`. */
  url: string
  port: number
  /** Stops accepting connections and ends open ones. */
  close(): Promise<void>
}

/** The port could not be opened; `code` is the system's (EADDRINUSE, EACCES, ...). */
export class ListenError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message)
  }
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host
}

export async function listen(fetch: (request: Request) => Response | Promise<Response>, options: ListenOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  const { tls } = options
  const server = (
    tls === undefined
      ? createAdaptorServer({ fetch })
      : createAdaptorServer({
          fetch,
          // Loaded only for https: node:https and node:tls cost every plain start about 20 ms.
          createServer: (await import('node:https')).createServer,
          serverOptions: { cert: tls.cert, key: tls.key },
        })
  ) as Server
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'is already in use' : `cannot be opened (${error.code ?? error.message})`
      reject(new ListenError(`Port ${options.port} on ${host} ${reason}.`, error.code))
    })
    server.listen(options.port, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `${tls === undefined ? 'http' : 'https'}://${urlHost(host)}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
