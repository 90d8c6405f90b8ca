import { contract, createClient, type Api } from '@shared/contract'
import { createHttpInvoke } from './httpTransport'

/**
 * The typed API of the app. In the desktop app the preload provides it over IPC; in a
 * browser it is built over HTTP from the same contract. Callers cannot tell which.
 */
export const api: Api = window.api ?? createClient(contract, createHttpInvoke())
export const transport: 'ipc' | 'http' = window.api ? 'ipc' : 'http'
