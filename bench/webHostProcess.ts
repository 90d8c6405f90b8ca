/** The built web host as its own process, as a person runs it, and what the kernel says it holds. */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { coreEnv, coreExecArgv } from '../electron/core/process/coreRuntime'

/** Starts out/main/web.js as npm run web does (coreRuntime.ts), and resolves with its printed URL. */
export function startHost(appRoot: string, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...coreExecArgv, join(appRoot, 'out', 'main', 'web.js'), '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: coreEnv() })
    let output = ''
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`The web host printed no address within 60 s:\n${output}`))
    }, 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const match = /running at (http:\/\/\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve({ child, url: match[1] })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`The web host exited (${code ?? 'signal'}) before it printed its address:\n${output}`))
    })
  })
}

/** VmHWM (peak) or VmRSS (now) of a live process, in MB, from the kernel. */
export function rssMb(pid: number | undefined, field: 'VmHWM' | 'VmRSS'): number | null {
  if (pid === undefined) return null
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match?.[1] ? Number(match[1]) / 1024 : null
  } catch {
    return null
  }
}
