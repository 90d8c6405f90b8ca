/**
 * How long a forge asks us to wait before asking again, from a 403/429 answer, or null when the
 * answer is not about a rate limit. Every forge says it one of three ways: `Retry-After`
 * (seconds or an HTTP date: GitLab, Bitbucket, GitHub's secondary limits), GitLab's
 * `RateLimit-Remaining: 0` with `RateLimit-Reset`, or GitHub's and Gitea's `X-RateLimit-*` pair
 * (resets in epoch seconds).
 */
export function rateLimitWaitMs(status: number, headers: Headers, now: Date): number | null {
  if (status !== 403 && status !== 429) return null
  const retryAfter = headers.get('retry-after')?.trim()
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000
    const at = Date.parse(retryAfter)
    if (!Number.isNaN(at)) return Math.max(0, at - now.getTime())
  }
  for (const prefix of ['ratelimit-', 'x-ratelimit-']) {
    const remaining = headers.get(`${prefix}remaining`)?.trim()
    const reset = headers.get(`${prefix}reset`)?.trim()
    if (remaining === '0' && reset !== undefined && /^\d+$/.test(reset)) return Math.max(0, Number(reset) * 1000 - now.getTime())
  }
  // A 429 that says nothing more: waiting a minute is what GitHub and GitLab advise.
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
