import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer } from 'node:http'
import type { Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exchange, redact } from '../../src/saas/transport.js'
import { keyQuery, linearRoute, mission, rejectionOf, ticket } from './harness.js'
import { saasClientFor, useSandboxSaas } from '../../__fixtures__/sandbox/saas.js'

describe('redact', () => {
  it.each([
    ['Bearer tok3n refused', 'tok3n', 'Bearer *** refused'],
    ['tok3n and tok3n again', 'tok3n', '*** and *** again'],
    ['nothing to hide', 'tok3n', 'nothing to hide'],
    ['kept as it is', '', 'kept as it is'],
    ['kept as it is', undefined, 'kept as it is']
  ])('turns %j with secret %j into %j', (text, secret, expected) => {
    expect(redact(text, secret)).toBe(expected)
  })
})

describe('a SaaS answer that quotes the token', () => {
  const sandbox = useSandboxSaas({ token: 'sk-echoed-0123456789abcdefghijklmnopqrstuvwxyz' })

  it('keeps the token out of the message a person reads and the detail the log gets', async () => {
    sandbox.faults.add({
      status: 422,
      body: { error_code: 'invalid_query', message: `Query refused for ${sandbox.token}.` }
    })
    const error = await rejectionOf(saasClientFor(sandbox).searchIssues(linearRoute, keyQuery, 10))
    expect(error.message).toBe(
      'The Spec Kitty SaaS rejected the issue search: Query refused for ***.'
    )
    expect(error.detail).not.toContain(sandbox.token)
  })

  it('keeps a token cut short by the message cap out too', async () => {
    sandbox.faults.add({
      status: 409,
      body: { error_code: 'x', message: `${'Refused. '.repeat(21)}${sandbox.token}` }
    })
    const error = await rejectionOf(
      saasClientFor(sandbox).bindMissionOrigin(linearRoute, mission, ticket())
    )
    expect(error.detail).toContain('***')
    expect(error.detail).not.toContain('sk-echoed')
  })
})

describe('exchange', () => {
  let server: Server
  let baseUrl: string
  const open: ServerResponse[] = []
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/trickle/') {
        response.writeHead(200, { 'Content-Type': 'application/json' })
        response.write('{"candidates": [')
        open.push(response)
        return
      }
      response.setHeader('Retry-After', '3')
      response.setHeader('X-Request-ID', 'req-1')
      response.writeHead(429, { 'Content-Type': 'application/json' })
      response.end(
        JSON.stringify({ method: request.method, type: request.headers['content-type'] })
      )
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    for (const response of open) response.destroy()
    await new Promise(resolve => server.close(resolve))
  })

  it('answers with the status, the body text and the headers under lower-case names', async () => {
    const outcome = await exchange(
      { baseUrl, headers: {} },
      { method: 'POST', path: '/limited/', json: { q: 1 }, timeoutMs: 2_000 }
    )
    expect(outcome).toEqual({
      kind: 'response',
      status: 429,
      headers: expect.objectContaining({ 'retry-after': '3', 'x-request-id': 'req-1' }),
      bodyText: '{"method":"POST","type":"application/json"}'
    })
  })

  it('counts a body that stops arriving as a timeout, the deadline covering the body too', async () => {
    const started = Date.now()
    const outcome = await exchange(
      { baseUrl, headers: {} },
      { method: 'GET', path: '/trickle/', timeoutMs: 200 }
    )
    expect(outcome).toEqual({ kind: 'timeout' })
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})
