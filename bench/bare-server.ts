/** @module The ceiling: a bare node:http server that reads the request and answers fixed bytes (argv[2], or `@FILE`: the file's). */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

const given = process.argv[2] ?? '{}'
// A large body (a page of the document's list) comes as a file: argv holds at most 128 KiB per argument.
const body = given.startsWith('@') ? readFileSync(given.slice(1)) : Buffer.from(given)
const headers = {
  'content-type': 'application/json',
  'cache-control': 'no-store',
  pragma: 'no-cache',
  'content-length': String(body.length),
}
const server = createServer((req, res) => {
  req.resume()
  req.on('end', () => {
    res.writeHead(200, headers)
    res.end(body)
  })
})
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  if (address !== null && typeof address === 'object') console.log(`listening on http://127.0.0.1:${address.port}`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
