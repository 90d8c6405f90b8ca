import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createActivitiesRepository } from '../../electron/core/activities/activitiesRepository'
import { importGit } from '../../electron/core/importers/git/importGit'
import { ok, openActivitiesCore } from '../support/activitySupport'
import { gitRepo } from '../support/gitFixture'
import { dropObject, hostileRepo, hostileScripts } from '../support/hostileGitRepos'
import { makeTempDir } from '../support/tempCore'
import { useTempCores } from '../support/useTempCores'

const me = 'me@example.com'
const { defer } = useTempCores()

async function open() {
  const opened = await openActivitiesCore(() => new Date('2027-06-30T12:00:00Z'))
  defer(opened.core.dispose)
  return opened
}

function tempRoot() {
  const root = makeTempDir('pathfinder-hostile-git-')
  defer(() => rmSync(root, { recursive: true, force: true }))
  return { root, projects: join(root, 'projects'), ...hostileScripts(root) }
}

const hooks = ['pre-commit', 'post-checkout', 'post-merge', 'pre-auto-gc', 'reference-transaction', 'post-index-change', 'fsmonitor-watchman', 'pre-push', 'post-rewrite']

describe('imports.git on repositories that name programs', () => {
  it('runs none of them, whatever the config holds', async () => {
    const { api } = await open()
    const { projects, script, ran, root } = tempRoot()
    const allowed = join(root, 'allowed_signers')
    const evilGpg = `[log]\n\tshowSignature = true\n[gpg]\n\tprogram = ${script('gpg')}\n[gpg "openpgp"]\n\tprogram = ${script('gpg-openpgp')}\n`
    const evilSsh = (name: string) =>
      `[log]\n\tshowSignature = true\n[gpg]\n\tformat = ssh\n[gpg "ssh"]\n\tprogram = ${script(name)}\n\tallowedSignersFile = ${allowed}\n`
    const hookDir = join(root, 'hooks')
    for (const hook of hooks) script(hook, '', hookDir)
    const cases: { name: string; config: string; files?: Record<string, string>; signature?: 'gpg' | 'ssh' }[] = [
      { name: 'gpg-program', config: evilGpg },
      { name: 'ssh-program', config: evilSsh('ssh-keygen'), signature: 'ssh' },
      { name: 'include-path', config: '[include]\n\tpath = evil.cfg\n', files: { '.git/evil.cfg': evilGpg } },
      { name: 'include-if-branch', config: '[includeIf "onbranch:main"]\n\tpath = evil.cfg\n', files: { '.git/evil.cfg': evilSsh('ssh-include-if') }, signature: 'ssh' },
      { name: 'include-if-gitdir', config: `[includeIf "gitdir:${root}/"]\n\tpath = evil.cfg\n`, files: { '.git/evil.cfg': evilGpg } },
      { name: 'fsmonitor', config: `[core]\n\tfsmonitor = ${script('fsmonitor')}\n` },
      { name: 'pagers', config: `[core]\n\tpager = ${script('core-pager')}\n[pager]\n\tlog = ${script('pager-log')}\n\tconfig = ${script('pager-config')}\n` },
      { name: 'diff-external', config: `[diff]\n\texternal = ${script('diff-external')}\n` },
      {
        name: 'textconv',
        config: `[diff "evil"]\n\ttextconv = ${script('textconv')}\n\tcommand = ${script('diff-command')}\n`,
        files: { '.gitattributes': '* diff=evil\n', '.git/info/attributes': '* diff=evil\n' },
      },
      { name: 'aliases', config: `[alias]\n\tlog = !${script('alias-log')}\n\tconfig = !${script('alias-config')}\n\trev-parse = !${script('alias-rev-parse')}\n` },
      { name: 'hooks-path', config: `[core]\n\thooksPath = ${hookDir}\n` },
      { name: 'ssh-credential', config: `[core]\n\tsshCommand = ${script('ssh-command')}\n\taskPass = ${script('askpass')}\n[credential]\n\thelper = !${script('credential')}\n` },
      {
        name: 'filters',
        config: `[filter "evil"]\n\tprocess = ${script('filter-process')}\n\tsmudge = ${script('filter-smudge')}\n\tclean = ${script('filter-clean')}\n\trequired = true\n`,
        files: { '.gitattributes': '* filter=evil\n' },
      },
      { name: 'editors', config: `[core]\n\teditor = ${script('editor')}\n\talternateRefsCommand = ${script('alternate-refs')}\n[sequence]\n\teditor = ${script('sequence-editor')}\n` },
    ]
    for (const c of cases) hostileRepo(join(projects, c.name), me, c)

    const summary = await ok(api.imports.git({ folder: projects, emails: [me] }))
    expect(ran()).toEqual([])
    // Every repository was still read: one day of commits from each.
    expect(summary.added).toBe(cases.length)
  })

  it.each(['ssh', 'ext', 'file'])('fetches nothing for a partial clone over %s, so no transport it names runs', async (transport) => {
    const { api } = await open()
    const { projects, script, ran, root } = tempRoot()
    const upstream = gitRepo(join(root, 'upstream'))
    upstream.commit(me, '2027-06-01T10:00:00+00:00')
    const remotes: Record<string, string> = {
      ssh: `\turl = ssh://example.invalid/repo.git\n[core]\n\tsshCommand = ${script('ssh-command')}\n`,
      ext: `\turl = ext::${script('ext-transport')} %S\n`,
      file: `\turl = ${upstream.dir}\n\tuploadpack = ${script('upload-pack')}\n`,
    }
    const config = `[core]\n\trepositoryformatversion = 1\n[extensions]\n\tpartialClone = origin\n[protocol]\n\tallow = always\n[remote "origin"]\n\tpromisor = true\n${remotes[transport] ?? ''}`
    const repo = hostileRepo(join(projects, 'partial'), me, { config })
    dropObject(repo.dir, repo.git(['rev-parse', 'HEAD~1:file1.txt']).trim())
    const result = await api.imports.git({ folder: projects, emails: [me] })
    expect(ran()).toEqual([])
    // The missing file cannot be counted without fetching it, so the import says which repository it could not read.
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/^Could not read the repository partial \(.*unable to read/) } })
  })

  it('does not hang on a verifier that never exits', async () => {
    const { core } = await open()
    const { projects, script, ran } = tempRoot()
    hostileRepo(join(projects, 'sleeper'), me, { config: `[log]\n\tshowSignature = true\n[gpg]\n\tprogram = ${script('gpg-sleeper', 'sleep 1000\n')}\n` })
    const started = Date.now()
    const summary = await importGit(core.db, createActivitiesRepository(core.db), { folder: projects, emails: [me], now: new Date(), gitTimeoutMs: 10_000 })
    expect(summary.added).toBe(1)
    expect(ran()).toEqual([])
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('stops a git read that takes too long and says which repository it was', async () => {
    const { api, core } = await open()
    const { projects } = tempRoot()
    const fine = gitRepo(join(projects, 'fine'))
    fine.commit(me, '2027-06-01T10:00:00+00:00')
    const stuck = gitRepo(join(projects, 'stuck'))
    stuck.commit(me, '2027-06-01T10:00:00+00:00')
    // A named pipe where the newest commit should be: git's read of it blocks until a writer comes, which never happens.
    const head = stuck.git(['rev-parse', 'HEAD']).trim()
    dropObject(stuck.dir, head)
    execFileSync('mkfifo', [join(stuck.dir, '.git', 'objects', head.slice(0, 2), head.slice(2))])
    const started = Date.now()
    const run = importGit(core.db, createActivitiesRepository(core.db), { folder: projects, emails: [me], now: new Date(), gitTimeoutMs: 3000 })
    await expect(run).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/^Reading the repository stuck \(.*stuck\) took longer than 3 seconds, so it was stopped\. Nothing was imported\./) })
    expect(Date.now() - started).toBeLessThan(15_000)
    expect((await ok(api.activities.list({}))).rows).toEqual([])
  })
})
