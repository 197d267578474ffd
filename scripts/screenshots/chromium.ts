/**
 * Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: file
 * descriptors 3 and 4, NUL-terminated JSON), so no browser download and no WebSocket client are
 * needed: Debian's `chromium` package is enough.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'

/** A running browser that turns HTML pages into PNG screenshots. */
export interface Browser {
  /** The PNG of the element `#shot` of `html`, laid out `width` CSS pixels wide. */
  screenshot(html: string, width: number): Promise<Buffer>
  close(): Promise<void>
}

/** The flags the task asks for: headless, no sandbox, no GPU, nothing fetched in the background. */
function chromiumArgs(profile: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    '--font-render-hinting=none',
    `--user-data-dir=${profile}`,
    '--remote-debugging-pipe',
    'about:blank'
  ]
}

interface Pending {
  resolve(result: Record<string, unknown>): void
  reject(error: Error): void
}

/** A DevTools protocol connection over the browser's pipe. */
class Connection {
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private buffer = ''

  constructor(
    private readonly input: Writable,
    output: Readable,
    private readonly child: ChildProcess
  ) {
    output.setEncoding('utf8')
    output.on('data', (chunk: string) => {
      this.buffer += chunk
      for (let end = this.buffer.indexOf('\0'); end >= 0; end = this.buffer.indexOf('\0')) {
        this.receive(this.buffer.slice(0, end))
        this.buffer = this.buffer.slice(end + 1)
      }
    })
    child.on('exit', code => {
      for (const waiting of this.pending.values()) {
        waiting.reject(new Error(`Chromium exited (code ${String(code)}) during a request.`))
      }
      this.pending.clear()
    })
  }

  private receive(text: string): void {
    const message = JSON.parse(text) as {
      id?: number
      result?: Record<string, unknown>
      error?: { message: string }
    }
    if (message.id === undefined) return
    const waiting = this.pending.get(message.id)
    if (waiting === undefined) return
    this.pending.delete(message.id)
    if (message.error !== undefined) waiting.reject(new Error(message.error.message))
    else waiting.resolve(message.result ?? {})
  }

  send(
    method: string,
    params: Record<string, unknown> = {},
    sessionId?: string
  ): Promise<Record<string, unknown>> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      const message = { id, method, params, ...(sessionId === undefined ? {} : { sessionId }) }
      this.input.write(`${JSON.stringify(message)}\0`)
    })
  }
}

/**
 * Starts `executable` (default `chromium`) headless with a throw-away profile. Pages are rendered
 * at `scale` device pixels per CSS pixel.
 */
export async function launchBrowser(executable = 'chromium', scale = 2): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'kitty-chromium-'))
  const child = spawn(executable, chromiumArgs(profile), {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = `${stderr}${chunk.toString('utf8')}`.slice(-4000)
  })
  const started = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve)
    child.once('error', error => {
      reject(new Error(`Could not start ${executable}: ${error.message}`, { cause: error }))
    })
  })
  await started
  const connection = new Connection(child.stdio[3] as Writable, child.stdio[4] as Readable, child)
  const cleanUp = () => {
    rmSync(profile, { recursive: true, force: true })
  }

  const screenshot = async (html: string, width: number): Promise<Buffer> => {
    const target = await connection.send('Target.createTarget', { url: 'about:blank' })
    const targetId = String(target.targetId)
    const attached = await connection.send('Target.attachToTarget', { targetId, flatten: true })
    const session = String(attached.sessionId)
    try {
      await connection.send(
        'Emulation.setDeviceMetricsOverride',
        { width, height: 400, deviceScaleFactor: scale, mobile: false },
        session
      )
      const tree = await connection.send('Page.getFrameTree', {}, session)
      const frameId = (tree.frameTree as { frame: { id: string } }).frame.id
      await connection.send('Page.setDocumentContent', { frameId, html }, session)
      const evaluated = await connection.send(
        'Runtime.evaluate',
        {
          expression:
            'document.fonts.ready.then(() => { const r = document.getElementById("shot")' +
            '.getBoundingClientRect(); return JSON.stringify([r.x, r.y, r.width, r.height]) })',
          awaitPromise: true,
          returnByValue: true
        },
        session
      )
      const value = (evaluated.result as { value?: string }).value ?? '[]'
      const [x = 0, y = 0, w = width, h = 400] = JSON.parse(value) as number[]
      const shot = await connection.send(
        'Page.captureScreenshot',
        {
          format: 'png',
          captureBeyondViewport: true,
          clip: { x, y, width: w, height: Math.ceil(h), scale: 1 }
        },
        session
      )
      return Buffer.from(String(shot.data), 'base64')
    } catch (error) {
      throw new Error(
        `Chromium could not render the page: ${error instanceof Error ? error.message : String(error)}` +
          (stderr === '' ? '' : `\n${stderr}`),
        { cause: error }
      )
    } finally {
      await connection.send('Target.closeTarget', { targetId }).catch(() => undefined)
    }
  }

  return {
    screenshot,
    async close() {
      const exited = new Promise<void>(resolve => {
        if (child.exitCode !== null) resolve()
        else
          child.once('exit', () => {
            resolve()
          })
      })
      await connection.send('Browser.close').catch(() => undefined)
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
      }, 5000)
      await exited
      clearTimeout(timer)
      cleanUp()
    }
  }
}
