import { net, protocol } from 'electron'
import { pathToFileURL } from 'node:url'
import { contentSecurityPolicy } from '@shared/contract/transport'
import { resolveStatic } from '../core/host/resolveStatic'

/** App pages are served from app://pathfinder/, never file://, so the origin is ours alone. */
export const appScheme = 'app'
export const appHost = 'pathfinder'
export const appOrigin = `${appScheme}://${appHost}`

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url)
    const file = url.host === appHost ? resolveStatic(rendererDir, url.pathname) : undefined
    if (!file) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', contentSecurityPolicy)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })
}
