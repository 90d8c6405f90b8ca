import { contract, createClient, fail, type Result } from '../../../shared/contract'
import { tokenInAddress } from '../../../shared/contract/transport'

const isResult = (body: unknown): body is Result<unknown> => typeof body === 'object' && body !== null && 'ok' in body && typeof body.ok === 'boolean'

/** The typed API over the web host's HTTP routes, with the token the host printed: for seeding. */
export function apiFor(host: { origin: string; url: string }) {
  const token = tokenInAddress(host.url)
  return createClient(contract, async (channel, input): Promise<Result<unknown>> => {
    const response = await fetch(`${host.origin}/api/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    })
    const body: unknown = await response.json()
    return isResult(body) ? body : fail('internal', `The host answered ${response.status} without a result.`)
  })
}

/** The value of a seeding call; a refusal stops the test with the host's words. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Seeding failed: ${result.error.message}`)
  return result.value
}
