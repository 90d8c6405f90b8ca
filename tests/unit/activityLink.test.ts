import { describe, expect, it } from 'vitest'
import { parseActivityLink, withLinkRepository } from '../../shared/domain/activityLink'

describe('parseActivityLink: real link shapes', () => {
  it.each([
    ['https://github.com/nodejs/node/pull/51234', 'pull-request', 'nodejs/node', 51234, null, 'Pull request #51234 in nodejs/node'],
    ['https://github.com/nodejs/node/pull/51234/files#diff-abc', 'pull-request', 'nodejs/node', 51234, null, 'Pull request #51234 in nodejs/node'],
    ['https://github.com/expressjs/express/pull/5600/commits/0a1b2c3d4e5f', 'pull-request', 'expressjs/express', 5600, null, 'Pull request #5600 in expressjs/express'],
    ['http://www.github.com/spring-projects/spring-boot/issues/40001?q=1', 'issue', 'spring-projects/spring-boot', 40001, null, 'Issue #40001 in spring-projects/spring-boot'],
    ['https://github.com/fastify/fastify/issues/42#issuecomment-1', 'issue', 'fastify/fastify', 42, null, 'Issue #42 in fastify/fastify'],
    ['https://github.com/nodejs/node/commit/3f2a1b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a', 'commits', 'nodejs/node', null, '3f2a1b9', 'Commit 3f2a1b9 in nodejs/node'],
    ['https://github.com/vuejs/core/releases/tag/v3.5.13', 'release', 'vuejs/core', null, 'v3.5.13', 'Release v3.5.13 in vuejs/core'],
    ['https://github.com/owner/mono.repo_x/releases/tag/pkg/v1.0.0+build.1', 'release', 'owner/mono.repo_x', null, 'pkg/v1.0.0+build.1', 'Release pkg/v1.0.0+build.1 in owner/mono.repo_x'],
    ['https://gitlab.com/gitlab-org/gitlab/-/merge_requests/123456', 'pull-request', 'gitlab-org/gitlab', 123456, null, 'Merge request !123456 in gitlab-org/gitlab'],
    ['https://gitlab.com/group/sub.group/project/-/merge_requests/7/diffs', 'pull-request', 'group/sub.group/project', 7, null, 'Merge request !7 in group/sub.group/project'],
    ['https://gitlab.com/gitlab-org/gitlab/-/issues/99', 'issue', 'gitlab-org/gitlab', 99, null, 'Issue #99 in gitlab-org/gitlab'],
    ['https://gitlab.com/inkscape/inkscape/-/commit/abcdef1234567', 'commits', 'inkscape/inkscape', null, 'abcdef1', 'Commit abcdef1 in inkscape/inkscape'],
    ['https://gitlab.com/gitlab-org/gitlab-runner/-/releases/v17.0.0', 'release', 'gitlab-org/gitlab-runner', null, 'v17.0.0', 'Release v17.0.0 in gitlab-org/gitlab-runner'],
    ['https://gitlab.com/old/style/merge_requests/12', 'pull-request', 'old/style', 12, null, 'Merge request !12 in old/style'],
    ['https://git.example.org/team/service/-/merge_requests/3', 'pull-request', 'team/service', 3, null, 'Merge request !3 in team/service'],
    ['  https://github.com/a/b/pull/1  ', 'pull-request', 'a/b', 1, null, 'Pull request #1 in a/b'],
  ])('%s', (link, kind, repo, num, ref, summary) => {
    expect(parseActivityLink(link)).toEqual({ kind, repo, number: num, ref, state: null, summary })
  })
})

describe('parseActivityLink: what it declines', () => {
  it.each([
    ['empty', ''],
    ['not a link', 'fixed the bug'],
    ['a repository home', 'https://github.com/nodejs/node'],
    ['a PR list', 'https://github.com/nodejs/node/pulls'],
    ['a PR with no number', 'https://github.com/nodejs/node/pull/'],
    ['a number that is not one', 'https://github.com/nodejs/node/pull/12abc'],
    ['a leading zero', 'https://github.com/nodejs/node/pull/0012'],
    ['a number too large to be real', 'https://github.com/nodejs/node/pull/99999999999999999999'],
    ['a look-alike host', 'https://github.com.evil.example/nodejs/node/pull/1'],
    ['a sub-domain of another host', 'https://evilgithub.com/nodejs/node/pull/1'],
    ['a login in the address', 'https://user:pass@github.com/nodejs/node/pull/1'],
    ['a port', 'https://github.com:8443/nodejs/node/pull/1'],
    ['javascript:', 'javascript:alert(1)//github.com/a/b/pull/1'],
    ['data:', 'data:text/html,https://github.com/a/b/pull/1'],
    ['file:', 'file:///github.com/a/b/pull/1'],
    ['an encoded slash', 'https://github.com/a%2Fb/c/pull/1'],
    ['an encoded NUL', 'https://github.com/a/b%00/pull/1'],
    ['dot segments', 'https://github.com/../b/pull/1'],
    ['an owner with a bad character', 'https://github.com/a_b!/c/pull/1'],
    ['a repo name ending .git', 'https://github.com/a/b.git/pull/1'],
    ['a commit that is not a hash', 'https://github.com/a/b/commit/main'],
    ['a release with no tag', 'https://github.com/a/b/releases/tag/'],
    ['a release tag with a space', 'https://github.com/a/b/releases/tag/v1%20x'],
    ['whitespace inside', 'https://github.com/a/b/pull/1 and more'],
    ['a GitLab project with no group', 'https://gitlab.com/project/-/merge_requests/1'],
    ['a GitLab marker with nothing after it', 'https://gitlab.com/a/b/-/'],
    ['a very long link', `https://github.com/a/b/pull/1?${'x'.repeat(3000)}`],
    ['another host with no GitLab path', 'https://example.com/a/b/pull/1'],
  ])('%s', (_why, link) => {
    expect(parseActivityLink(link)).toBeNull()
  })

  it('never throws on arbitrary text', () => {
    const samples = ['http://', 'https://[::1', 'https://%', '\u0000', 'https://github.com/\u202e/x/pull/1', 'https://xn--github-xyz.com/a/b/pull/1']
    for (const s of samples) expect(() => parseActivityLink(s)).not.toThrow()
  })
})

describe('withLinkRepository: the one rule for an empty repository', () => {
  it('fills it from a forge link, keeps a named one, and leaves other links alone', () => {
    expect(withLinkRepository({ url: 'https://github.com/expressjs/express/pull/9', repo: null }).repo).toBe('expressjs/express')
    expect(withLinkRepository({ url: 'https://github.com/expressjs/express/pull/9', repo: '  ' }).repo).toBe('expressjs/express')
    expect(withLinkRepository({ url: 'https://github.com/expressjs/express/pull/9', repo: 'me/fork' }).repo).toBe('me/fork')
    expect(withLinkRepository({ url: 'https://blog.example.org/a/b', repo: null }).repo).toBeNull()
    expect(withLinkRepository({ url: null, repo: null }).repo).toBeNull()
  })
})
