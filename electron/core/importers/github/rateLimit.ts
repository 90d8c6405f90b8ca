/**
 * How long GitHub asks us to wait, from a 403/429 answer: `retry-after` (seconds) for
 * secondary limits, else `x-ratelimit-reset` (epoch seconds) once `x-ratelimit-remaining`
 * is 0. Null when the answer is not about a rate limit at all.
 */
export function rateLimitWaitMs(status: number, headers: Headers, now: Date): number | null {
  if (status !== 403 && status !== 429) return null
  const retryAfter = headers.get('retry-after')
  if (retryAfter !== null && /^\d+$/.test(retryAfter.trim())) return Number(retryAfter) * 1000
  const remaining = headers.get('x-ratelimit-remaining')
  const reset = headers.get('x-ratelimit-reset')
  if (remaining === '0' && reset !== null && /^\d+$/.test(reset.trim())) return Math.max(0, Number(reset) * 1000 - now.getTime())
  // A 429 without either header: GitHub's advice is to wait at least a minute.
  return status === 429 ? 60_000 : null
}

/** Waits, unless the signal is aborted first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
