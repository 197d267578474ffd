import { describe, expect, it } from '@jest/globals'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { KittyError } from '../../src/errors.js'
import { proxyNetwork, proxySettings } from '../../src/net/proxy.js'
import type { ProxiedRequest, RecordingProxy } from '../../sandbox/proxy.js'
import { startRecordingProxy } from '../../sandbox/proxy.js'
import { useBots } from '../../__fixtures__/sandbox/bot.js'
import { useScenario } from '../../__fixtures__/sandbox/bundle.js'
import { useFresh } from '../../__fixtures__/sandbox/hooks.js'
import { BIND, SEARCH } from '../../__fixtures__/sandbox/saas.js'

const PERMISSION = '/repos/acme/webapp/collaborators/ana/permission'

const proxy: RecordingProxy = useFresh('The recording proxy', () => startRecordingProxy())
const bots = useBots()
const scenarios = useScenario()

/** A port nothing listens on (fetch refuses well-known ones such as 1). */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise(resolve => server.close(resolve))
  return port
}

function hostOf(url: string): string {
  return new URL(url).host
}

/** `METHOD path` of the requests the proxy carried to `url`'s host. */
function carried(url: string): string[] {
  return proxy.requests
    .filter((request: ProxiedRequest) => request.via !== 'connect')
    .filter(request => request.target === hostOf(url))
    .map(request => `${request.method} ${request.path.replace(/\?.*$/, '')}`)
}

describe('proxySettings', () => {
  it.each([
    ['nothing set', {}],
    ['only NO_PROXY', { NO_PROXY: '*' }],
    ['blank proxies', { HTTP_PROXY: '', https_proxy: '  ' }]
  ])('is undefined with %s', (_case, env) => {
    expect(proxySettings(env)).toBeUndefined()
  })

  it.each([
    [
      'upper case',
      { HTTPS_PROXY: 'http://p:3128', NO_PROXY: 'internal.example' },
      { httpProxy: '', httpsProxy: 'http://p:3128', noProxy: 'internal.example' }
    ],
    [
      'lower case over upper case',
      { http_proxy: 'http://low:1', HTTP_PROXY: 'http://up:2', no_proxy: 'a', NO_PROXY: 'b' },
      { httpProxy: 'http://low:1', httpsProxy: '', noProxy: 'a' }
    ],
    [
      'upper case when lower case is blank',
      { http_proxy: ' ', HTTP_PROXY: 'http://up:2' },
      { httpProxy: 'http://up:2', httpsProxy: '', noProxy: '' }
    ],
    [
      'both proxies, with credentials',
      { HTTP_PROXY: 'http://u:p@h:1', HTTPS_PROXY: 'https://h:2' },
      { httpProxy: 'http://u:p@h:1', httpsProxy: 'https://h:2', noProxy: '' }
    ]
  ])('reads %s', (_case, env, expected) => {
    expect(proxySettings(env)).toEqual(expected)
  })

  it.each([
    ['HTTPS_PROXY', 'squid.corp:3128'],
    ['https_proxy', 'not a url'],
    ['HTTP_PROXY', 'ftp://proxy.example.com'],
    ['HTTP_PROXY', 'socks5://u:secret@proxy.example.com']
  ])('refuses %s=%s with a sentence naming the variable, not its value', (name, value) => {
    let thrown: unknown
    try {
      proxySettings({ [name]: value })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(KittyError)
    const error = thrown as KittyError
    expect(error.code).toBe('input-invalid')
    expect(error.message).toBe(
      `The ${name} variable must be a proxy URL such as http://proxy.example.com:3128.`
    )
    expect(`${error.message} ${error.detail}`).not.toContain(value)
  })
})

describe('proxyNetwork', () => {
  it('is undefined when no proxy is set, so the clients keep their defaults', () => {
    expect(proxyNetwork({ NO_PROXY: '127.0.0.1' })).toBeUndefined()
  })

  it('tunnels an https request through HTTPS_PROXY', async () => {
    const target = `127.0.0.1:${await closedPort()}`
    const network = proxyNetwork({ HTTPS_PROXY: proxy.url })!
    await expect(network.fetch(`https://${target}/x`)).rejects.toThrow()
    expect(proxy.requests).toEqual([{ via: 'connect', target, method: 'CONNECT', path: target }])
  })

  it('sends https through HTTP_PROXY when HTTPS_PROXY is not set', async () => {
    const target = `127.0.0.1:${await closedPort()}`
    const network = proxyNetwork({ HTTP_PROXY: proxy.url })!
    await expect(network.fetch(`https://${target}/x`)).rejects.toThrow()
    expect(proxy.targets()).toEqual([target])
  })

  it('sends http directly when only HTTPS_PROXY is set', async () => {
    const network = proxyNetwork({ HTTPS_PROXY: proxy.url })!
    const answer = await network.fetch(`${proxy.url}/direct`)
    expect(answer.status).toBe(400)
    expect(proxy.requests).toEqual([])
  })
})

describe('a conversation behind a proxy, in process', () => {
  it('sends the GitHub and the SaaS requests of start-from and confirm through HTTP_PROXY', async () => {
    const bot = await bots.start({ env: { HTTP_PROXY: proxy.url } })
    expect((await bot.say('ana', '/kitty start-from WEB-123')).state).toBe('candidates-posted')
    expect((await bot.say('ana', '/kitty confirm 1')).state).toBe('mission-created')

    expect(proxy.targets().sort()).toEqual([hostOf(bot.github.url), hostOf(bot.saas.url)].sort())
    expect(carried(bot.saas.url)).toEqual(
      expect.arrayContaining([`POST ${SEARCH}`, `POST ${BIND}`])
    )
    expect(carried(bot.github.url)).toEqual(
      expect.arrayContaining([`GET ${PERMISSION}`, 'POST /repos/acme/webapp/pulls'])
    )
    const tunnelled = carried(bot.github.url).length + carried(bot.saas.url).length
    expect(tunnelled).toBe(bot.github.requests.length + bot.saas.requests.length)
  })

  it('reaches hosts in NO_PROXY directly', async () => {
    const bot = await bots.start({ env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } })
    expect((await bot.say('ana', '/kitty start-from WEB-123')).state).toBe('candidates-posted')
    expect((await bot.say('ana', '/kitty confirm 1')).state).toBe('mission-created')
    expect(bot.saasCalls(BIND)).toBe(1)
    expect(proxy.requests).toEqual([])
  })
})

describe('the built action behind a proxy', () => {
  it('sends the GitHub and the SaaS requests through HTTP_PROXY', async () => {
    const scenario = await scenarios.start()
    const env = { HTTP_PROXY: proxy.url }
    const started = await scenario.run(
      'issue_comment',
      scenario.postComment('ana', '/kitty start-from WEB-123'),
      {},
      { env }
    )
    expect(started.outputs.state).toBe('candidates-posted')
    const confirmed = await scenario.run(
      'issue_comment',
      scenario.postComment('ana', '/kitty confirm 1'),
      {},
      { env }
    )
    expect(confirmed.outputs.state).toBe('mission-created')

    expect(carried(scenario.saas.url)).toEqual(
      expect.arrayContaining([`POST ${SEARCH}`, `POST ${BIND}`])
    )
    expect(carried(scenario.github.url)).toEqual(
      expect.arrayContaining([`GET ${PERMISSION}`, 'POST /repos/acme/webapp/pulls'])
    )
    const tunnelled = carried(scenario.github.url).length + carried(scenario.saas.url).length
    expect(tunnelled).toBe(scenario.github.requests.length + scenario.saas.requests.length)
  })

  it('reaches hosts in NO_PROXY directly', async () => {
    const scenario = await scenarios.start()
    const result = await scenario.run(
      'issue_comment',
      scenario.postComment('ana', '/kitty start-from WEB-123'),
      {},
      { env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } }
    )
    expect(result.outputs.state).toBe('candidates-posted')
    expect(scenario.saas.requests.length).toBeGreaterThan(0)
    expect(proxy.requests).toEqual([])
  })
})
