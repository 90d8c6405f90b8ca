import { format } from 'date-fns'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { listBackups } from '../../electron/core/store/backupFiles'
import { apiOf, must as ok, refused } from '../support/api'
import { bakedPng, iTXt, onePixelPng } from '../support/bakeBadge'
import { sourceFixture, sourceFixtureObject, sourceFixturePath, startSourcesServer, type SourceRoute } from '../support/sourcesServer'
import { snapshotStore } from '../support/storeSnapshot'
import { openTempCore } from '../support/tempCore'

const now = new Date('2026-06-30T12:00:00Z')
const local = (iso: string) => format(new Date(iso), 'yyyy-MM-dd')
const credlyId = '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b'

let cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup()
  cleanups = []
})

async function setup(route: SourceRoute = () => ({ status: 404 })) {
  const server = await startSourcesServer(route)
  const core = await openTempCore({ now: () => now, sourceEndpoints: { credlyApiUrl: server.url } })
  cleanups.push(() => core.dispose(), () => server.close())
  return { core, api: apiOf(core), server }
}

const certifications = async (api: ReturnType<typeof apiOf>) =>
  (await ok(api.activities.list({ kinds: ['certification'] }))).rows.map((r) => ({ date: r.date, title: r.title, repo: r.repo, url: r.url, notes: r.notes, source: r.source }))

const writeTemp = (dir: string, name: string, data: string | Buffer) => {
  const path = join(dir, name)
  writeFileSync(path, data)
  return { path }
}

const robotics = {
  date: local('2016-12-31T23:59:59Z'),
  title: 'Awesome Robotics Badge',
  repo: 'An Example Badge Issuer',
  url: 'https://example.org/beths-robot-work.html',
  source: 'badge',
}

describe('imports.badge', () => {
  it('imports the Open Badges 2.0 example assertion: name, issuer, day, expiry and evidence', async () => {
    const { core, api } = await setup()
    expect(await ok(api.imports.badge({ file: { path: sourceFixturePath('badges/ob2-assertion.json') } }))).toEqual({ added: 1, updated: 0, skipped: 0, errors: [] })
    expect(await certifications(api)).toEqual([
      {
        ...robotics,
        notes: `Issued by An Example Badge Issuer on ${robotics.date}.\nExpired on ${local('2017-06-30T23:59:59Z')}.\nEvidence: https://example.org/beths-robot-work.html\nCredential: https://example.org/beths-robotics-badge.json\nFor doing awesome things with robots that people think is pretty great.`,
      },
    ])
    expect(listBackups(core.dataDir).some((b) => b.reason === 'before-import')).toBe(true)
  })

  it('imports the Open Badges 3.0 example credential', async () => {
    const { api } = await setup()
    await ok(api.imports.badge({ text: sourceFixture('badges/ob3-credential.json').toString('utf8') }))
    expect(await certifications(api)).toEqual([
      {
        date: local('2010-01-01T00:00:00Z'),
        title: 'Teamwork',
        repo: 'Example Corp',
        url: 'http://example.com/credentials/3527',
        notes: `Issued by Example Corp on ${local('2010-01-01T00:00:00Z')}.\nCredential: http://example.com/credentials/3527\nThis badge recognizes the development of the capacity to collaborate within a group environment.`,
        source: 'badge',
      },
    ])
  })

  it('reads a badge baked into a PNG (plain or compressed iTXt) or an SVG as the same certification', async () => {
    const { core, api } = await setup()
    expect(await ok(api.imports.badge({ file: { path: sourceFixturePath('badges/baked-ob2.png') } }))).toMatchObject({ added: 1 })
    // The same assertion again, however it is carried, is the same activity.
    expect(await ok(api.imports.badge({ file: { path: sourceFixturePath('badges/baked-ob2.svg') } }))).toMatchObject({ added: 0, skipped: 1 })
    const compressed = writeTemp(core.dataDir, 'compressed.png', bakedPng(sourceFixture('badges/ob2-assertion.json').toString('utf8'), { compressed: true }))
    expect(await ok(api.imports.badge({ file: compressed }))).toMatchObject({ added: 0, skipped: 1 })
    expect((await certifications(api)).map((c) => c.title)).toEqual(['Awesome Robotics Badge'])
  })

  it('reads an OB 3.0 credential baked as a signed JWT under openbadgecredential, with evidence and expiry', async () => {
    const { core, api } = await setup()
    const credential = sourceFixtureObject('badges/ob3-credential.json')
    const vc = { ...credential, validUntil: '2030-01-01T00:00:00Z', evidence: [{ id: 'https://example.com/evidence/teamwork-retro', type: ['Evidence'], name: 'Retro' }] }
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
    const jwt = `${part({ alg: 'ES256', typ: 'JWT' })}.${part({ vc, iss: 'https://example.com/issuers/876543' })}.c2lnbmF0dXJl`
    await ok(api.imports.badge({ file: writeTemp(core.dataDir, 'ob3.png', bakedPng(jwt, { keyword: 'openbadgecredential' })) }))
    const [row] = await certifications(api)
    expect(row?.url).toBe('https://example.com/evidence/teamwork-retro')
    expect(row?.notes).toContain(`Expires on ${local('2030-01-01T00:00:00Z')}.`)
  })

  it('imports a Credly badge from its page address, following the assertion to its badge class and issuer', async () => {
    const { api, server } = await setup(({ path }, base) => {
      if (path === `/v1/obi/v2/badge_assertions/${credlyId}`)
        return { body: JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: `${base}/v1/obi/v2/badge_assertions/${credlyId}`, issuedOn: '2025-03-14T10:00:00.000Z', expires: '2028-03-14T00:00:00.000Z', badge: `${base}/v1/obi/v2/badge_classes/aws-saa`, evidence: [{ type: 'Evidence', narrative: 'Passed the exam' }], verification: { type: 'HostedBadge' } }) }
      if (path === '/v1/obi/v2/badge_classes/aws-saa') return { body: JSON.stringify({ type: 'BadgeClass', name: 'AWS Certified Solutions Architect – Associate', issuer: `${base}/v1/obi/v2/issuers/aws` }) }
      if (path === '/v1/obi/v2/issuers/aws') return { body: JSON.stringify({ type: 'Issuer', name: 'Amazon Web Services Training and Certification' }) }
      return { status: 404 }
    })
    await ok(api.imports.badge({ url: `https://www.credly.com/badges/${credlyId}/public_url` }))
    const [row] = await certifications(api)
    expect(row).toMatchObject({ date: local('2025-03-14T10:00:00.000Z'), title: 'AWS Certified Solutions Architect – Associate', repo: 'Amazon Web Services Training and Certification', url: `${server.url}/v1/obi/v2/badge_assertions/${credlyId}` })
    expect(row?.notes).toContain(`Expires on ${local('2028-03-14T00:00:00.000Z')}.`)
    expect(server.requests.map((r) => r.path)).toEqual([`/v1/obi/v2/badge_assertions/${credlyId}`, '/v1/obi/v2/badge_classes/aws-saa', '/v1/obi/v2/issuers/aws'])
  })

  it('stops a badge that links on and on, importing nothing', async () => {
    const { core, api } = await setup(({ path }, base) => ({ body: JSON.stringify({ type: 'Assertion', issuedOn: '2025-01-01', badge: `${base}${path}x` }) }))
    const before = snapshotStore(core.db)
    expect((await refused(api.imports.badge({ url: `https://www.credly.com/badges/${credlyId}` }))).message).toMatch(/badge at .* has no name|links on and on/)
    expect(snapshotStore(core.db)).toBe(before)
  })

  it.each([
    ['a PNG without a badge', () => onePixelPng(), /no badge baked into it/],
    ['a truncated PNG', () => bakedPng(sourceFixture('badges/ob2-assertion.json').toString('utf8')).subarray(0, 200), /cut short/],
    ['a PNG whose iTXt says it is compressed but is not', () => onePixelPng([iTXt('openbadges', 'not zlib')]).toString('latin1').replace('openbadges\u0000\u0000', 'openbadges\u0000\u0001'), /does not inflate/],
    ['a JPEG', () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]), /not an Open Badges assertion|Only PNG and SVG/],
    ['JSON that is not a badge', () => '{"name": "My CV", "version": 3}', /not an Open Badges assertion or credential/],
    ['an assertion without a day', () => JSON.stringify({ type: 'Assertion', badge: { name: 'X' } }), /issuedOn: missing or of the wrong type/],
    ['an assertion with a day that is not one', () => JSON.stringify({ type: 'Assertion', issuedOn: 'yesterday', badge: { name: 'X' } }), /issue date \(yesterday\) is not a date/],
    ['a badge name of the wrong type', () => JSON.stringify({ type: 'Assertion', issuedOn: '2025-01-01', badge: { name: 42 } }), /badge: /],
    ['a credential without an achievement', () => JSON.stringify({ type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer: 'x', validFrom: '2025-01-01', credentialSubject: {} }), /names no achievement/],
    ['truncated JSON', () => sourceFixture('badges/ob2-assertion.json').subarray(0, 300), /not valid JSON/],
    ['an SVG without a badge', () => '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>', /no badge baked into it/],
    ['a web page', () => '<!doctype html><html><body>Badge</body></html>', /web page or XML, not a badge/],
  ])('refuses %s in words and changes nothing', async (_what, make, message) => {
    const { core, api } = await setup()
    const data = make()
    const file = writeTemp(core.dataDir, 'badge.bin', typeof data === 'string' ? Buffer.from(data, data.startsWith('\u0089PNG') ? 'latin1' : 'utf8') : data)
    const before = snapshotStore(core.db)
    const error = await refused(api.imports.badge({ file }))
    expect(error.code).toBe('invalid-input')
    expect(error.message).toMatch(message)
    expect(snapshotStore(core.db)).toBe(before)
  })

  it('keeps a script in a badge name as text only', async () => {
    const { api } = await setup()
    const json = JSON.stringify({ type: 'Assertion', id: 'urn:uuid:1', issuedOn: '2025-01-01', badge: { name: '<script>alert(1)</script>Kubernetes &amp; Go', issuer: { name: '<b>CNCF</b>' } }, evidence: 'javascript:alert(2)' })
    await ok(api.imports.badge({ text: json }))
    const [row] = await certifications(api)
    expect(row).toMatchObject({ title: '<script>alert(1)</script>Kubernetes & Go', repo: '<b>CNCF</b>', url: null })
  })
})
