import { describe, expect, it } from 'vitest'
import { createMock } from '../create-mock.js'
import { jobsDocument } from '../../test/support/vendor-documents.js'
import type { ServedRequest } from './served-operation.js'

const ID_1 = '3fa85f64-5717-4562-b3fc-2c963f66afa6'
const ID_2 = '9b2e7c1a-0d4f-4e8a-a1b2-c3d4e5f60718'

function routes() {
  const { documents } = createMock({ profile: 'vro-7.1', openapi: [jobsDocument()] })
  return documents!
}

/** A request with only the required header, as the document middleware would hand it over. */
const request = (params: Record<string, string>): ServedRequest => ({
  params,
  query: {},
  header: (name) => (name === 'x-api-version' ? '1.0-rev0' : undefined),
  cookie: () => undefined,
  prefer: {},
  contentType: undefined,
  body: () => Promise.resolve(''),
})

describe('DocumentRoutes', () => {
  it('its last-match memo answers each request for its own method and path, never the previous one', () => {
    const documents = routes()
    const one = documents.match('GET', `/api/v1/jobs/${ID_1}`)
    expect([one?.item.op.operationId, one?.params]).toEqual(['GetJob', { id: ID_1 }])
    expect(documents.match('GET', `/api/v1/jobs/${ID_2}`)?.params).toEqual({ id: ID_2 })
    expect(documents.match('DELETE', `/api/v1/jobs/${ID_2}`)?.item.op.operationId).toBe('DeleteJob')
    expect(documents.match('PUT', `/api/v1/jobs/${ID_2}`)).toBeUndefined()
    expect(documents.operationId('HEAD', `/api/v1/jobs/${ID_1}`)).toBe('GetJob')
    expect(documents.match('GET', `/api/v1/jobs/${ID_1}`)?.params).toEqual({ id: ID_1 })
    expect(documents.match('GET', '/api/v1/nothing')).toBeUndefined()
    expect(documents.operationId('GET', '/api/v1/jobs')).toBe('GetAllJobs')
  })

  it('answers a GET without a promise (no turn of the event loop), an operation with a body with one', async () => {
    const documents = routes()
    const get = documents.match('GET', '/api/v1/jobs')!.item.answer(request({}))
    expect(get).not.toBeInstanceOf(Promise)
    expect((get as { status: number }).status).toBe(200)
    const post = documents.match('POST', '/api/v1/jobs')!.item.answer({ ...request({}), contentType: 'application/json', body: () => Promise.resolve('{"name":"a","type":"Backup"}') })
    expect(post).toBeInstanceOf(Promise)
    await expect(post).resolves.toMatchObject({ status: 201 })
  })
})
