import runtime from './coreRuntime.json'

/**
 * How every process the core runs in is started: Electron's utility process (electron/main),
 * the web host (scripts/web.mjs, scripts/start.mjs) and the web host the benchmark measures
 * (bench/webHostProcess.ts), so `npm run bench` measures what people run. JSON, so the
 * plain-Node scripts read the same values.
 *
 * Measured on a first sync of 100,000 activities into an empty host (docs/sync.md, Figures):
 * - `--optimize-for-size`: V8 grows its heap in smaller steps and collects sooner. Without it the
 *   JS heap reached 155 to 195 MB for 20 to 120 MB in use, and the host's peak 380 MB; with it
 *   200 MB. `--max-semi-space-size=1` alone (a smaller young generation) left 290 MB.
 * - `MALLOC_ARENA_MAX=2`: glibc gives each thread that allocates (V8's compiler and collector
 *   threads, libuv's pool) an arena of its own and keeps what they freed; two arenas took
 *   another 11 MB off the peak. Other C libraries ignore it.
 */
export const coreExecArgv: readonly string[] = runtime.execArgv

/** The environment for a core process: this one's, with coreRuntime.json's settings over it. */
export const coreEnv = (base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv => ({ ...base, ...runtime.env })
