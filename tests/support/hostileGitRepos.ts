import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { gitRepo } from './gitFixture'

/**
 * Repositories whose config names programs, the way an extracted archive or a shared folder
 * could. Each named program is a script that leaves a marker file, so a test can see whether
 * anything ran; `sleeper` never exits, so a test can see whether a read hangs.
 */
export function hostileScripts(root: string) {
  const markers = join(root, 'markers')
  const bin = join(root, 'bin')
  mkdirSync(markers, { recursive: true })
  mkdirSync(bin, { recursive: true })
  const script = (name: string, body = '', folder = bin): string => {
    mkdirSync(folder, { recursive: true })
    const file = join(folder, name)
    writeFileSync(file, `#!/bin/sh\ntouch '${join(markers, name)}'\n${body}cat >/dev/null 2>&1 </dev/null\nexit 0\n`)
    chmodSync(file, 0o755)
    return file
  }
  return { markers, script, ran: (): string[] => readdirSync(markers).sort() }
}

const fakeGpgSignature = ['-----BEGIN PGP SIGNATURE-----', '', 'iQEzBAABCAAdFiEEAAAAAAAAAAAAAAAAAAAAAAAAAAAFAmAAAAAACgkQAAAAAAAAAAA=', '=AAAA', '-----END PGP SIGNATURE-----']
const fakeSshSignature = ['-----BEGIN SSH SIGNATURE-----', 'U1NIU0lHAAAAAQAAADMAAAALc3NoLWVkMjU1MTkAAAAgAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '-----END SSH SIGNATURE-----']

/**
 * A repository whose newest commit (by `email`) carries a signature, so `log.showSignature`
 * would hand it to the configured verifier; then `config` is appended to .git/config and
 * `files` are written relative to the repository folder.
 */
export function hostileRepo(dir: string, email: string, options: { config: string; files?: Record<string, string>; signature?: 'gpg' | 'ssh' }) {
  const repo = gitRepo(dir)
  repo.commit(email, '2027-06-01T10:00:00+00:00', 2)
  const tree = repo.git(['rev-parse', 'HEAD^{tree}']).trim()
  const parent = repo.git(['rev-parse', 'HEAD']).trim()
  const lines = (options.signature === 'ssh' ? fakeSshSignature : fakeGpgSignature).map((l, i) => (i === 0 ? `gpgsig ${l}` : ` ${l}`))
  const body = [`tree ${tree}`, `parent ${parent}`, `author me <${email}> 1811844060 +0000`, `committer Fixture <fixture@example.com> 1811844060 +0000`, ...lines, '', `signed change in ${basename(dir)}`, ''].join('\n')
  const signed = repo.git(['hash-object', '-t', 'commit', '-w', '--stdin'], {}, body).trim()
  repo.git(['update-ref', 'refs/heads/main', signed])
  for (const [path, text] of Object.entries(options.files ?? {})) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  writeFileSync(join(dir, '.git', 'config'), `[core]\n\trepositoryformatversion = 0\n\tbare = false\n${options.config}\n`)
  return { ...repo, head: signed }
}

/** Removes one loose object, as a partial clone that never fetched it would lack it. */
export function dropObject(dir: string, hash: string): void {
  rmSync(join(dir, '.git', 'objects', hash.slice(0, 2), hash.slice(2)))
}
