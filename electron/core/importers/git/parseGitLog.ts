/** One commit from `git log --format=%x1e%H%x1f%aE%x1f%aI --numstat`. */
export interface GitCommit {
  hash: string
  email: string
  /** The author's own calendar day (from the author date with its offset). */
  day: string
  linesChanged: number
}

export const gitLogFormat = '%x1e%H%x1f%aE%x1f%aI'

export function parseGitLog(output: string): GitCommit[] {
  const commits: GitCommit[] = []
  for (const record of output.split('\x1e')) {
    if (record.trim() === '') continue
    const [head = '', ...stats] = record.split('\n')
    const [hash, email, date] = head.split('\x1f')
    if (!hash || email === undefined || !date || !/^\d{4}-\d{2}-\d{2}/.test(date)) continue
    let linesChanged = 0
    for (const line of stats) {
      // "added<TAB>deleted<TAB>path"; binary files show "-" and change no lines.
      const match = /^(\d+|-)\t(\d+|-)\t/.exec(line)
      if (!match) continue
      linesChanged += (match[1] === '-' ? 0 : Number(match[1])) + (match[2] === '-' ? 0 : Number(match[2]))
    }
    commits.push({ hash, email: email.toLowerCase(), day: date.slice(0, 10), linesChanged })
  }
  return commits
}
