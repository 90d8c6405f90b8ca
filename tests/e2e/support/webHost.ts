import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const repoRoot = join(import.meta.dirname, '..', '..', '..')

export interface RunningHost {
  url: string
  origin: string
  dataDir: string
  stop(): Promise<void>
}

export const makeDataDir = (): string => mkdtempSync(join(tmpdir(), 'pathfinder-e2e-'))

/** Starts the built web host (npm run build first) and waits for the address it prints. */
export async function startHost(dataDir: string, extraArgs: string[] = []): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'out', 'main', 'web.js'), '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Web host did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running at (http:\/\/\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`Web host exited with ${code}:\n${output}`)))
  })
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        // A host ended by a signal has no exit code, only a signal code: it is gone all the same.
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** The printed address, opened at one of the app's views (a path such as /activities) instead of the dashboard. */
export const addressAt = (host: RunningHost, path: string): string => `${host.origin}${path}${new URL(host.url).hash}`
