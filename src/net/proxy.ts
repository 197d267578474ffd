/**
 * The run's outgoing network behind a proxy: one fetch over one undici `EnvHttpProxyAgent` built
 * from the proxy variables of the environment, shared by the SaaS client and by Octokit, so both
 * honour `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` the same way. Without a proxy the clients use
 * Node's global fetch.
 */
import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici'
import { KittyError } from '../errors.js'

/** The proxies of one environment, as undici's `EnvHttpProxyAgent` takes them. */
export interface ProxySettings {
  /** Proxy for `http:` URLs; empty when none. */
  httpProxy: string
  /** Proxy for `https:` URLs; empty when none (undici then uses `httpProxy`). */
  httpsProxy: string
  /** Hosts (`host`, `.domain`, `host:port`, `*`) reached directly; empty when none. */
  noProxy: string
}

/** What the clients of one run send through. */
export interface ProxyNetwork {
  /** undici's fetch through the one proxy agent, for the SaaS client and Octokit. */
  fetch: typeof globalThis.fetch
}

interface Variable {
  name: string
  value: string
}

/** The lower-case variable wins over the upper-case one, as in undici and curl; blank is unset. */
function variable(env: NodeJS.ProcessEnv, name: string): Variable | undefined {
  for (const key of [name.toLowerCase(), name]) {
    const value = env[key]?.trim() ?? ''
    if (value !== '') return { name: key, value }
  }
  return undefined
}

function proxyUrl(found: Variable | undefined): string {
  if (found === undefined) return ''
  let protocol: string
  try {
    protocol = new URL(found.value).protocol
  } catch {
    protocol = ''
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new KittyError(
      'input-invalid',
      `The ${found.name} variable must be a proxy URL such as http://proxy.example.com:3128.`,
      `${found.name} does not start with http:// or https://`
    )
  }
  return found.value
}

/**
 * The proxy variables of `env` (`HTTP_PROXY`, `HTTPS_PROXY`, `NO_PROXY`, lower case first);
 * undefined when neither proxy is set. Throws a KittyError naming a variable that is not a URL.
 */
export function proxySettings(env: NodeJS.ProcessEnv): ProxySettings | undefined {
  const httpProxy = proxyUrl(variable(env, 'HTTP_PROXY'))
  const httpsProxy = proxyUrl(variable(env, 'HTTPS_PROXY'))
  if (httpProxy === '' && httpsProxy === '') return undefined
  return { httpProxy, httpsProxy, noProxy: variable(env, 'NO_PROXY')?.value ?? '' }
}

/**
 * A fetch through the proxies of `env`, every request over one `EnvHttpProxyAgent`; undefined
 * when no proxy is set, so the clients keep their direct defaults. The settings are passed
 * explicitly (empty for unset), so the agent never falls back to `process.env`.
 */
export function proxyNetwork(env: NodeJS.ProcessEnv): ProxyNetwork | undefined {
  const settings = proxySettings(env)
  if (settings === undefined) return undefined
  const agent = new EnvHttpProxyAgent(settings)
  const send = (...[input, init]: Parameters<typeof undiciFetch>): ReturnType<typeof undiciFetch> =>
    undiciFetch(input, { ...init, dispatcher: agent })
  return { fetch: send }
}
