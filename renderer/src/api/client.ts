import { contract, createClient, type Api } from '@shared/contract'
import { setHostReach } from './hostReach'
import { createHttpInvoke, createHttpUpload } from './httpTransport'
import { sessionHeaders } from './session'

/**
 * The typed API of the app. In the desktop app the preload provides it over IPC; in a
 * browser it is built over HTTP from the same contract. Callers cannot tell which.
 */
export const api: Api = window.api ?? createClient(contract, createHttpInvoke('', sessionHeaders, setHostReach))
export const transport: 'ipc' | 'http' = window.api ? 'ipc' : 'http'

/**
 * Streams a file to import to the web host; null in the desktop app, where the core reads the
 * path the native picker gave (api.host.pickFile) instead.
 */
export const uploadFile = window.api ? null : createHttpUpload('', sessionHeaders, setHostReach)
