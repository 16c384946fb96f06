import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { startRoomServer } from './roomServer.ts'

/**
 * The built app carries a Content Security Policy that allows only its own origin, no inline script and no
 * plugins, on every page; and the build has no inline script the policy would have to allow.
 * The e2e web server serves the build from .test-output/dist (playwright.config.ts).
 */
const dist = join(import.meta.dirname, '../../.test-output/dist')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}
const pages = () => files(dist).filter((f) => f.endsWith('.html'))

/** The policy of a page, as directives: name → sources. */
function policyOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)]
  expect(metas, 'exactly one CSP meta tag').toHaveLength(1)
  return new Map(
    metas[0]![1]!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  )
}

test('every built page carries the policy: self only, no inline script, no plugins', async ({ request }) => {
  const built = pages()
  expect(built.map((f) => relative(dist, f)).sort()).toEqual(expect.arrayContaining(['drill.html', 'index.html']))
  for (const file of built) {
    const name = relative(dist, file)
    // As served, not just as written: the preview server must hand out the same page.
    const served = await (await request.get(`/${name}`)).text()
    expect(served, name).toBe(readFileSync(file, 'utf8'))
    const policy = policyOf(served)
    expect(policy.get('default-src'), name).toEqual(["'self'"])
    expect(policy.get('script-src'), name).toEqual(["'self'"])
    expect(policy.get('object-src'), name).toEqual(["'none'"])
    for (const [directive, sources] of policy) {
      expect(sources, `${name} ${directive}`).not.toContain("'unsafe-eval'")
      if (directive === 'script-src' || directive === 'default-src') expect(sources, `${name} ${directive}`).not.toContain("'unsafe-inline'")
      for (const source of sources) expect(source, `${name} ${directive} names another origin`).not.toMatch(/^(https?:|wss?:|\*)/)
    }
    // The policy must come first in <head>, before anything it governs.
    const head = served.slice(served.indexOf('<head>'), served.indexOf('Content-Security-Policy'))
    expect(head, name).not.toMatch(/<(script|link|style)\b/i)
  }
})

test('the build has no inline script and no inline event handler', () => {
  for (const file of pages()) {
    const html = readFileSync(file, 'utf8')
    const name = relative(dist, file)
    for (const tag of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      expect(tag[1], `${name}: every script comes from a file`).toMatch(/\bsrc="/)
      expect(tag[2]!.trim(), `${name}: a script with src has no body`).toBe('')
    }
    expect(html, `${name}: inline event handler`).not.toMatch(/\son[a-z]+\s*=/i)
    expect(html, `${name}: javascript: URL`).not.toMatch(/javascript:/i)
  }
})

test('the pages run under the policy without a single violation', async ({ page }) => {
  await runsWithoutViolation(page, '', 1)
})

/**
 * The lobby, a scene's first beat and the drill page, under the policy of the server at `origin` (the preview's when
 * ''). `policies`: how many policies govern the page (the meta tag, plus the room server's header), each of which
 * reports the injected script once.
 */
async function runsWithoutViolation(page: Page, origin: string, policies: number) {
  const violations: string[] = []
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`))
  })
  await page.goto(`${origin}/`)
  await expect(page.getByRole('heading', { name: 'Voordat je begint' })).toBeVisible()
  await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
  await expect(page.getByLabel('Code')).toBeVisible()
  await page.getByLabel('Code').fill('CS12')
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.getByRole('button', { name: /Hoe gaat het\?/ }).click()
  await page.getByRole('button', { name: 'Begin' }).click()
  await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'welcome')
  expect(violations).toEqual([])
  await page.goto(`${origin}/drill.html`)
  await expect(page.getByRole('link', { name: 'Terug naar begin' })).toBeVisible()
  expect(violations).toEqual([])
  // An inline script injected the way an attack would is refused by the policy.
  await page.evaluate(() => {
    const s = document.createElement('script')
    s.textContent = 'window.injected = true'
    document.body.append(s)
  })
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined()
  await expect.poll(() => violations.filter((v) => v.startsWith('script-src'))).toHaveLength(policies)
  expect(violations).toEqual(Array(policies).fill(expect.stringMatching(/^script-src(-elem)? inline /)))
}

/**
 * `npm run room` serves the same build with the policy as a header too (with what only a header can say:
 * frame-ancestors, and the relay's wss origin), and the other security headers, on every page and file.
 */
test.describe('the room server', () => {
  let room: Awaited<ReturnType<typeof startRoomServer>>
  test.beforeAll(async () => {
    room = await startRoomServer()
  })
  test.afterAll(async () => {
    await room.stop()
  })

  test('sends the security headers on every page', async ({ playwright }) => {
    const request = await playwright.request.newContext({ ignoreHTTPSErrors: true })
    const built = pages().map((f) => relative(dist, f))
    expect(built.sort()).toEqual(['console.html', 'debrief.html', 'drill.html', 'index.html'])
    const asset = relative(dist, files(join(dist, 'assets')).find((f) => f.endsWith('.js'))!)
    for (const name of [...built, '', asset, 'no-such-page.html']) {
      const response = await request.get(`${room.origin}/${name}`)
      if (name !== 'no-such-page.html') expect(response.status(), name).toBe(200)
      const headers = response.headers()
      const policy = new Map(headers['content-security-policy']!.split(';').map((d) => d.trim().split(/\s+/)).map(([n, ...v]) => [n!, v]))
      expect(policy.get('default-src'), name).toEqual(["'self'"])
      expect(policy.get('script-src'), name).toEqual(["'self'"])
      expect(policy.get('object-src'), name).toEqual(["'none'"])
      expect(policy.get('frame-ancestors'), name).toEqual(["'none'"])
      expect(policy.get('connect-src'), name).toEqual(["'self'", 'blob:', `wss://localhost:${room.port}`])
      for (const [directive, sources] of policy) {
        expect(sources, `${name} ${directive}`).not.toContain("'unsafe-eval'")
        if (directive === 'script-src' || directive === 'default-src') expect(sources, `${name} ${directive}`).not.toContain("'unsafe-inline'")
      }
      expect(headers['referrer-policy'], name).toBe('no-referrer')
      expect(headers['x-content-type-options'], name).toBe('nosniff')
      expect(headers['permissions-policy'], name).toMatch(/(^|, )microphone=\(self\)(,|$)/)
      expect(headers['permissions-policy'], name).toMatch(/(^|, )xr-spatial-tracking=\(self\)(,|$)/)
    }
    // Served as built.
    expect(await (await request.get(`${room.origin}/console.html`)).text()).toBe(readFileSync(join(dist, 'console.html'), 'utf8'))
    await request.dispose()
  })

  test('the pages run under its policy without a single violation', async ({ browser }) => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true })
    const page = await context.newPage()
    await runsWithoutViolation(page, room.origin, 2)
    await page.goto(`${room.origin}/console.html`)
    await expect(page.getByRole('button', { name: 'Koppel' })).toBeVisible()
    await context.close()
  })
})
