import type { z } from 'zod'
import type { Result } from './result'

/**
 * A channel is declared once: its input schema is the runtime check at every boundary, and
 * its output type (a phantom, carried only by the type system) is what the handler must
 * return and what the renderer receives.
 */
export interface Channel<In extends z.ZodType, Out> {
  readonly input: In
  readonly output?: Out
}

export function channel<Out>() {
  return <In extends z.ZodType>(input: In): Channel<In, Out> => ({ input })
}

export type AnyChannel = Channel<z.ZodType, unknown>
export type Namespace = Record<string, AnyChannel>
export type ContractShape = Record<string, Namespace>

export type ChannelInput<C> = C extends Channel<infer In, unknown> ? z.input<In> : never
export type ChannelParsed<C> = C extends Channel<infer In, unknown> ? z.output<In> : never
export type ChannelOutput<C> = C extends Channel<z.ZodType, infer Out> ? Out : never

/** The renderer's view of a contract: `api.roadmap.setStatus(input)` resolves to a Result. */
export type ClientOf<C extends ContractShape> = {
  [NS in keyof C]: {
    [M in keyof C[NS]]: (input: ChannelInput<C[NS][M]>) => Promise<Result<ChannelOutput<C[NS][M]>>>
  }
}

/** The main process's view: one handler per channel, given the parsed input. */
export type HandlersOf<C extends ContractShape> = {
  [NS in keyof C]: {
    [M in keyof C[NS]]: (input: ChannelParsed<C[NS][M]>) => ChannelOutput<C[NS][M]> | Promise<ChannelOutput<C[NS][M]>>
  }
}

/** Wire name of a channel: "namespace.method". Derived, never typed by hand. */
export const channelName = (ns: string, method: string): string => `${ns}.${method}`

export function listChannels(contract: ContractShape): { name: string; ns: string; method: string; channel: AnyChannel }[] {
  return Object.entries(contract).flatMap(([ns, methods]) =>
    Object.entries(methods).map(([method, ch]) => ({ name: channelName(ns, method), ns, method, channel: ch })),
  )
}
