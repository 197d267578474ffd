import { beforeEach, describe, expect, it, jest } from '@jest/globals'

const agents: unknown[] = []
const sent: { input: unknown; dispatcher: unknown }[] = []
jest.unstable_mockModule('undici', () => {
  return {
    EnvHttpProxyAgent: class {
      constructor(readonly settings: unknown) {
        agents.push(this)
      }
    },
    fetch: (input: unknown, init: { dispatcher?: unknown }) => {
      sent.push({ input, dispatcher: init.dispatcher })
      return Promise.resolve(new Response('ok'))
    }
  }
})

const { proxyNetwork } = await import('../../src/net/proxy.js')

beforeEach(() => {
  agents.length = 0
  sent.length = 0
})

describe('the proxy fetch', () => {
  it('builds one agent from the settings and sends every request through it', async () => {
    const network = proxyNetwork({
      HTTP_PROXY: 'http://proxy.example.com:3128',
      NO_PROXY: 'internal.example'
    })!
    await Promise.all([
      network.fetch('https://api.github.com/a'),
      network.fetch('https://saas.example.com/b')
    ])
    await network.fetch('https://api.github.com/c')
    expect(agents).toHaveLength(1)
    expect(agents[0]).toEqual({
      settings: {
        httpProxy: 'http://proxy.example.com:3128',
        httpsProxy: '',
        noProxy: 'internal.example'
      }
    })
    expect(sent.map(request => request.dispatcher)).toEqual([agents[0], agents[0], agents[0]])
  })

  it('builds a separate agent for a separate network', async () => {
    await proxyNetwork({ HTTP_PROXY: 'http://one.example.com:1' })!.fetch('https://a.example/')
    await proxyNetwork({ HTTP_PROXY: 'http://two.example.com:2' })!.fetch('https://a.example/')
    expect(agents).toHaveLength(2)
  })
})
