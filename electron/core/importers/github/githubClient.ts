import type { z } from 'zod'
import { DomainError } from '../../ipc/domainError'
import { createForgeClient, type ForgeClientOptions } from '../forge/forgeClient'
import { nextLink } from './linkHeader'
import { defaultGitHubApiUrl } from '@shared/domain/githubApi'

export interface GitHubClientOptions extends Pick<ForgeClientOptions, 'signal' | 'now' | 'maxWaitMs' | 'sleep' | 'fetch'> {
  apiUrl?: string
  /** Sent as a bearer token, never written anywhere: not in messages, not in logs. */
  token?: string | undefined
}

export interface Page<T> {
  data: T
  next: string | null
}

/**
 * Where GraphQL is beside a REST root: api.github.com/graphql, or a GitHub Enterprise
 * server's /api/graphql beside its /api/v3.
 */
export function graphqlUrl(apiUrl: string): string {
  const root = `${apiUrl.replace(/\/$/, '')}/`
  return new URL(/\/api\/v3\/$/.test(new URL(root).pathname) ? '../graphql' : 'graphql', root).href
}

/**
 * GitHub's REST and GraphQL over the forges' shared client (token to the API's own origin only,
 * rate limits waited out when short, failures in words), with GitHub's own paging (Link
 * rel="next") and sentences.
 */
export function createGitHubClient(options: GitHubClientOptions) {
  const apiUrl = options.apiUrl ?? defaultGitHubApiUrl
  const client = createForgeClient({
    forge: 'GitHub',
    apiUrl,
    authorization: options.token ? `Bearer ${options.token}` : undefined,
    headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
    signal: options.signal,
    now: options.now,
    ...(options.maxWaitMs !== undefined ? { maxWaitMs: options.maxWaitMs } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    tokenHint: 'A personal access token raises the limit.',
    explain(status, said) {
      if (status === 403) return new DomainError('unavailable', `GitHub refused the request${said}. Nothing was imported.`)
      if (status === 404) return new DomainError('not-found', `GitHub has no such resource${said}.`)
      if (status === 422) return new DomainError('invalid-input', `GitHub could not run the search${said}.`)
      return undefined
    },
  })
  const graphql = graphqlUrl(apiUrl)

  async function get<S extends z.ZodType>(pathOrUrl: string, schema: S): Promise<Page<z.output<S>>> {
    const answer = await client.get(pathOrUrl, schema)
    return { data: answer.data, next: nextLink(answer.headers.get('link')) }
  }

  /** Every page, following Link rel="next", up to `maxPages`. */
  async function* pages<S extends z.ZodType>(path: string, schema: S, maxPages = 50): AsyncGenerator<z.output<S>> {
    for await (const page of client.pages(path, schema, (answer) => nextLink(answer.headers.get('link')), maxPages)) yield page.data
  }

  /** One GraphQL query with its variables (never text pasted into the query). Needs a token: GitHub answers GraphQL to no one else. */
  const query = <S extends z.ZodType>(text: string, variables: Record<string, unknown>, schema: S) => client.post(graphql, { query: text, variables }, schema).then((answer) => answer.data)

  return { get, pages, query, canQuery: options.token !== undefined && options.token !== '' }
}

export type GitHubClient = ReturnType<typeof createGitHubClient>
