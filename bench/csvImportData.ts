/**
 * A CSV file of `rows` activities as a person would import them: ten years, oldest first (as
 * the app's own export writes them), every kind, hundreds of repositories, some with skills
 * of the career path, some with keys, notes with commas and quotes. Seeded: the same text on
 * every run. Everything in it is valid, so preview and import handle every row.
 */
import { addDays, formatISO, parseISO } from 'date-fns'
import { seededRandom } from './seededRandom'

const kinds = ['pull-request', 'code-review', 'issue', 'commits', 'learning', 'docs', 'blog-post', 'meetup'] as const
const withRepo = new Set(['pull-request', 'code-review', 'issue', 'commits', 'docs'])
const states: Record<string, string> = { 'pull-request': 'merged', issue: 'closed' }
const skills = ['skill.javascript', 'skill.java', 'skill.algorithms', 'skill.asynchronous-programming'] as const
const words = ['router', 'stream', 'cache', 'pool', 'retry', 'schema', 'index', 'queue', 'auth', 'metrics', 'café', 'timeout'] as const

export function csvForImport(rows: number, end: string, seed = 7): string {
  const random = seededRandom(seed)
  const pick = <T>(list: readonly [T, ...T[]]): T => list[Math.floor(random() * list.length)] ?? list[0]
  const first = addDays(parseISO(end), -3650)
  const lines = ['date,kind,title,url,repo,state,hours,skills,notes,key']
  for (let i = 0; i < rows; i++) {
    const date = formatISO(addDays(first, Math.floor((i * 3650) / rows)), { representation: 'date' })
    const kind = pick(kinds)
    const repo = withRepo.has(kind) ? `owner${Math.floor(random() * 30)}/${pick(words)}-${Math.floor(random() * 10)}` : ''
    const title = `${pick(['Fix', 'Add', 'Document', 'Speed up', 'Review'] as const)} the ${pick(words)} ${pick(words)} (${i})`
    const url = repo ? `https://github.com/${repo}/pull/${i}` : ''
    const skill = random() < 0.3 ? pick(skills) : ''
    const notes = random() < 0.5 ? `"Because the ""${pick(words)}"" case, with a comma, needed it"` : ''
    const key = random() < 0.2 ? `bench:${i}` : ''
    lines.push([date, kind, title, url, repo, states[kind] ?? '', (random() * 4).toFixed(1), skill, notes, key].join(','))
  }
  return `${lines.join('\r\n')}\r\n`
}
