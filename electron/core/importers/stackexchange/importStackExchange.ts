import { format } from 'date-fns'
import type { ImportIssue, ImportSummary } from '@shared/domain/activities'
import type { ActivitiesRepository } from '../../activities/activitiesRepository'
import type { ImportedFields } from '../../activities/activityRow'
import { DomainError } from '../../ipc/domainError'
import type { Db } from '../../store/database'
import { importedActivity, withSourceFields } from '../importedActivity'
import { throwIfCancelled, type ImportRun } from '../importRun'
import { decodeEntities, oneLine } from '../plainText'
import { writeImportWhenNeeded } from '../writeImport'
import { createStackExchangeClient, type StackExchangeClientOptions } from './stackExchangeClient'
import { answerSchema, filterSchema, type Answer } from './stackExchangeSchemas'

export interface StackExchangeImportOptions extends ImportRun, Pick<StackExchangeClientOptions, 'apiUrl' | 'key' | 'sleep' | 'maxWaitMs' | 'fetch'> {
  site: string
  userId: number
  now: () => Date
}

/** 100 is the API's largest page; 100 pages is 10,000 answers, more than anyone has on one site. */
const pageSize = 100
const maxPages = 100

const count = (n: number): string => n.toLocaleString('en-US')

/**
 * The line the import writes as the answer's impact, and reads back to know it is still its own:
 * a person who wrote their own impact keeps it, however the score moves.
 */
export const answerStanding = (answer: Pick<Answer, 'is_accepted' | 'score'>): string => `${answer.is_accepted ? 'Accepted answer' : 'Answer'}, score ${answer.score}`
const standingLine = /^(Accepted answer|Answer), score -?\d+$/

const siteOf = (answer: Answer, site: string): string => {
  try {
    return answer.link ? new URL(answer.link).hostname.toLowerCase() : site
  } catch {
    return site
  }
}

function toFields(answer: Answer, site: string): ImportedFields | { problem: string } {
  const host = siteOf(answer, site)
  const link = answer.link && /^https?:\/\//.test(answer.link) ? answer.link : site.includes('.') ? `https://${site}/a/${answer.answer_id}` : null
  // Titles come HTML-encoded from a "safe" filter ("Why &quot;this&quot;?").
  const title = oneLine(decodeEntities(answer.title ?? ''), 200) || `Answer ${answer.answer_id}`
  return importedActivity(
    {
      kind: 'forum-answer',
      date: format(new Date(answer.creation_date * 1000), 'yyyy-MM-dd'),
      title,
      url: link,
      repo: host,
      impact: answerStanding(answer),
    },
    'stackexchange',
    `stackexchange:${host}:answer:${answer.answer_id}`,
  )
}

/**
 * The person's answers on one Stack Exchange site, each a forum answer whose impact line says
 * whether it was accepted and its score. Everything is read before anything is written, in one
 * transaction, so a refusal, a quota used up or a cancel leaves the store as it was. A re-import
 * brings the accepted state and the score up to date, unless the person wrote their own impact.
 */
export async function importStackExchange(db: Db, repo: ActivitiesRepository, options: StackExchangeImportOptions): Promise<ImportSummary> {
  const { signal, onProgress, site, userId } = options
  const client = createStackExchangeClient({
    apiUrl: options.apiUrl,
    key: options.key,
    signal,
    now: options.now,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.maxWaitMs !== undefined ? { maxWaitMs: options.maxWaitMs } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })
  onProgress?.(0, 0, `Asking ${site} for your answers`)
  // The default filter has no title or link; a filter naming them is made once (filters never change).
  const made = await client.get('/filters/create', { include: 'answer.title;answer.link', base: 'default', unsafe: 'false' }, filterSchema)
  const filter = made.items[0]?.filter
  if (!filter) throw new DomainError('unavailable', 'Stack Exchange did not make the filter this import asks for. Nothing was imported; try again later.')

  const answers = new Map<number, Answer>()
  for (let page = 1; page <= maxPages; page++) {
    throwIfCancelled(signal)
    const got = await client.get(`/users/${userId}/answers`, { site, page: String(page), pagesize: String(pageSize), order: 'asc', sort: 'creation', filter }, answerSchema, '/users/{ids}/answers')
    for (const answer of got.items) answers.set(answer.answer_id, answer)
    onProgress?.(answers.size, answers.size, `Read ${count(answers.size)} answers from ${site}`)
    if (!got.hasMore) break
    if (got.quotaRemaining === 0) {
      throw new DomainError('unavailable', `Stack Exchange's daily quota for this computer is used up after ${count(answers.size)} answers. Nothing was imported; try again tomorrow${options.key ? '' : ', or add a Stack Apps key, which raises the quota'}.`)
    }
  }
  throwIfCancelled(signal)

  const notes: ImportIssue[] = []
  const items: ImportedFields[] = []
  for (const answer of answers.values()) {
    const fields = toFields(answer, site)
    if ('problem' in fields) notes.push({ message: `Answer ${answer.answer_id} was left out (${fields.problem}).` })
    else items.push(fields)
  }
  onProgress?.(items.length, items.length, `Saving ${count(items.length)} answers`)
  const summary = await writeImportWhenNeeded(db, repo, items, {
    findUnkeyed: (incoming) => (incoming.url ? repo.findByUrl(incoming.url, incoming.kind) : undefined),
    merge(existing, incoming) {
      const own = existing.impact === null || standingLine.test(existing.impact)
      if (!own || existing.impact === incoming.impact) return null
      return withSourceFields(existing, { impact: incoming.impact })
    },
  }, options.now(), options)
  return { ...summary, errors: [...summary.errors, ...notes] }
}
