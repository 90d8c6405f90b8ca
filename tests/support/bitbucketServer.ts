import { z } from 'zod'
import { forgeFixture, startForgeServer, type ForgeAnswer, type ForgeRoute } from './forgeServer'

/** A recorded Cloud page whose `next` points at this server, as Bitbucket's points at itself. */
function cloudPage(fixture: string, next: string | undefined): ForgeAnswer {
  const { next: _recorded, ...rest } = z.record(z.string(), z.unknown()).parse(JSON.parse(forgeFixture('bitbucket', fixture)))
  return { body: next === undefined ? rest : { ...rest, next } }
}

/** Bitbucket Cloud: workspace acme-team, author octo-dev, three pull requests over two pages (payments-api private). */
export function recordedBitbucketCloud(options: { firstPage?: string } = {}): ForgeRoute {
  return ({ path, query }, base): ForgeAnswer => {
    if (path === '/workspaces/acme-team/pullrequests/octo-dev') {
      if (query.get('page') === '2') return cloudPage('cloud-pullrequests-page2.json', undefined)
      const next = new URLSearchParams(query)
      next.set('page', '2')
      return cloudPage(options.firstPage ?? 'cloud-pullrequests-page1.json', `${base}${path}?${next.toString()}`)
    }
    if (path === '/repositories/acme-team/payments-api') return { fixture: 'cloud-repo-payments-api.json' }
    if (path === '/repositories/acme-team/infra-docs') return { fixture: 'cloud-repo-infra-docs.json' }
    return { status: 404, fixture: 'cloud-error-404.json' }
  }
}

/** Bitbucket Data Center: the token's dashboard, three pull requests over two pages (PAY/ledger private, OSS/sdk-java public). */
export function recordedBitbucketDataCenter(): ForgeRoute {
  return ({ path, query }): ForgeAnswer => {
    if (path === '/dashboard/pull-requests') return { fixture: query.get('start') === '2' ? 'dc-dashboard-page2.json' : 'dc-dashboard-page1.json' }
    return { status: 404, body: { errors: [{ context: null, message: 'Not found', exceptionName: null }] } }
  }
}

export const startBitbucketCloudServer = (route: ForgeRoute = recordedBitbucketCloud()) => startForgeServer('bitbucket', route, { prefix: '/2.0' })
export const startBitbucketDataCenterServer = (route: ForgeRoute = recordedBitbucketDataCenter()) => startForgeServer('bitbucket', route, { prefix: '/rest/api/1.0' })
