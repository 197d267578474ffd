/**
 * A recording HTTP proxy on 127.0.0.1, to check that traffic really goes through a proxy.
 * It forwards absolute-form requests (`GET http://host/path`) and opens `CONNECT` tunnels, and
 * records what passes. The sandboxes speak plain HTTP, so inside a tunnel it can still read each
 * request line and record it too.
 */
import { createServer, request as httpRequest } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { connect } from 'node:net'
import type { AddressInfo, Socket } from 'node:net'
import type { Duplex } from 'node:stream'

/** One thing that passed through the proxy. */
export interface ProxiedRequest {
  /**
   * `forward`: an absolute-form request the proxy sent on; `connect`: a tunnel it opened;
   * `tunnel`: a plain-HTTP request read inside a tunnel.
   */
  via: 'forward' | 'connect' | 'tunnel'
  /** `host:port` the request or tunnel went to. */
  target: string
  /** e.g. `GET`, `POST`; `CONNECT` for a tunnel. */
  method: string
  /** Path and query; for a tunnel, `host:port`. */
  path: string
}

/** A running recording proxy. */
export interface RecordingProxy {
  /** `http://127.0.0.1:<port>`, to put in `HTTP_PROXY` / `HTTPS_PROXY`. */
  url: string
  /** Everything that passed, in order. */
  requests: ProxiedRequest[]
  /** The distinct `host:port` targets that passed. */
  targets(): string[]
  close(): Promise<void>
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade'
])

const REQUEST_LINE = /^([A-Z]+) (\S+) HTTP\/1\.[01]\r\n/

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : '80'
}

function forwardHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()))
  )
}

/** Starts the proxy on 127.0.0.1 with a random port. */
export async function startRecordingProxy(): Promise<RecordingProxy> {
  const requests: ProxiedRequest[] = []
  const sockets = new Set<Duplex>()

  function track(socket: Duplex): void {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  }

  function forward(message: IncomingMessage, response: ServerResponse): void {
    let url: URL
    try {
      url = new URL(message.url ?? '')
    } catch {
      response.writeHead(400).end('The recording proxy only forwards absolute-form requests.')
      return
    }
    const port = url.port === '' ? defaultPort(url.protocol) : url.port
    const method = message.method ?? 'GET'
    const path = `${url.pathname}${url.search}`
    requests.push({ via: 'forward', target: `${url.hostname}:${port}`, method, path })
    const upstream = httpRequest(
      { host: url.hostname, port, method, path, headers: forwardHeaders(message.headers) },
      answer => {
        response.writeHead(answer.statusCode ?? 502, forwardHeaders(answer.headers))
        answer.pipe(response)
      }
    )
    upstream.on('error', error => {
      if (!response.headersSent) response.writeHead(502)
      response.end(`The recording proxy could not reach ${url.host}: ${error.message}`)
    })
    message.pipe(upstream)
  }

  function tunnel(message: IncomingMessage, client: Duplex, head: Buffer): void {
    const target = message.url ?? ''
    const [host = '', port = '443'] = target.split(/:(?=\d+$)/)
    requests.push({ via: 'connect', target, method: 'CONNECT', path: target })
    track(client)
    const sniff = (chunk: Buffer): void => {
      const line = REQUEST_LINE.exec(chunk.toString('latin1'))
      if (line !== null) {
        requests.push({ via: 'tunnel', target, method: line[1] ?? '', path: line[2] ?? '' })
      }
    }
    let open = false
    const upstream: Socket = connect(Number(port), host, () => {
      open = true
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) {
        sniff(head)
        upstream.write(head)
      }
      client.on('data', sniff)
      client.pipe(upstream)
      upstream.pipe(client)
    })
    track(upstream)
    upstream.on('error', () => {
      if (open) client.destroy()
      else client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
    })
    client.on('error', () => upstream.destroy())
  }

  const server = createServer(forward)
  server.on('connect', tunnel)
  server.on('connection', track)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    targets: () => [...new Set(requests.map(request => request.target))],
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>(resolve => {
        server.close(() => {
          resolve()
        })
      })
    }
  }
}
