/**
 * Issue 17, the working-alliance check-in, end to end: a client answers on a phone about a video call and sends the
 * encrypted file; the worker fills in their side in the debrief; both open together, with both marks per part, the
 * talking point where they differ on trust, and the alliance page in the printed PDF. And: the worker's check-in is
 * kept only when the trainer keeps data, and "erase everything" removes it.
 */
import { devices, type Page } from '@playwright/test'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { answerAllianceCheckIn, fillWorkerCheckIn, startAllianceCheckIn, type Statements } from './allianceFlow.ts'
import { messageFor, openDebrief, unlock, upload } from './debriefFiles.ts'
import { expect, startCheckIn, test, watchOrigins } from './fixtures.ts'
import { pdfPages } from './pdfPages.ts'

const { defaultBrowserType: _browser, ...pixel7 } = devices['Pixel 7']
const outDir = join(import.meta.dirname, '../../.test-output')
const databases = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))
const localToday = (page: Page) =>
  page.evaluate(() => {
    const d = new Date()
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  })

// Client: trust 5,5,5 (mean 5). Worker: trust 3,3,2 (mean 8/3), 2.3 apart: a talking point. Every other part under 2 apart.
const client: Statements = { 'direction-1': 4, 'direction-2': 4, 'direction-3': 4, 'trust-1': 5, 'trust-2': 5, 'trust-3': 5, 'bond-1': 4, 'bond-2': 4, 'bond-3': 4, 'friction-1': 2, 'friction-2': 1, 'friction-3': 2 }
const worker: Statements = { 'direction-1': 4, 'direction-2': 4, 'direction-3': 3, 'trust-1': 3, 'trust-2': 3, 'trust-3': 2, 'bond-1': 4, 'bond-2': 4, 'bond-3': 4, 'friction-1': 2, 'friction-2': 2, 'friction-3': 2 }
const parts = ['direction', 'trust', 'bond', 'friction']

test('client on a phone and worker in the debrief: both sides per part, a talking point on trust, the alliance page printed', async ({ browser }, testInfo) => {
  test.setTimeout(240_000)
  const baseURL = testInfo.project.use.baseURL

  // 1. The client, on a phone, about a video call; sent as an encrypted file with a one-time passphrase.
  const phone = await browser.newContext({ ...pixel7, baseURL })
  const foreignPhone = watchOrigins(phone)
  const page = await phone.newPage()
  await startAllianceCheckIn(page, 'AL17')
  await answerAllianceCheckIn(page, 'Videobellen', client, 'Minder lang wachten.', async (name) => {
    if (name === 'date') {
      // The contact date starts at today and cannot go past it.
      const today = await localToday(page)
      await expect(page.locator('input[type="date"]')).toHaveValue(today)
      await expect(page.locator('input[type="date"]')).toHaveAttribute('max', today)
    }
    await page.screenshot({ path: join(outDir, `alliance-phone-${name}.png`), fullPage: true })
  })
  const contactDate = await localToday(page)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Stuur naar mijn begeleider' }).click()])
  const passphrase = (await page.getByTestId('passphrase').innerText()).trim()
  const sent = { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) }
  expect(sent.name).toMatch(/^perspectief_AL17_alliance-client_[\d-]+\.perspectief$/)
  expect(sent.bytes.toString('utf8')).not.toContain('answer.given')
  await phone.close()
  expect(foreignPhone).toEqual([])

  // 2. The trainer's laptop: the client's file, then the worker's side for the same contact.
  const laptop = await browser.newContext({ baseURL, viewport: { width: 1100, height: 900 } })
  const foreignLaptop = watchOrigins(laptop)
  const debrief = await laptop.newPage()
  await openDebrief(debrief)
  await upload(debrief, [{ name: sent.name, mimeType: 'application/octet-stream', buffer: sent.bytes }])
  await unlock(debrief, sent.name, passphrase)
  await messageFor(debrief, sent.name, 'added')
  await fillWorkerCheckIn(debrief, { code: 'AL17', date: contactDate, kind: 'Videobellen', statements: worker })

  // 3. Both open together, for one client.
  await expect(debrief.getByTestId('client-report')).toHaveCount(1)
  const view = debrief.locator('[data-client="AL17"] [data-testid="alliance-view"]')
  await expect(view).toBeVisible()
  await expect(view.getByTestId('alliance-legend')).toContainText('Cliënt')
  await expect(view.getByTestId('alliance-legend')).toContainText('Begeleider')
  for (const part of parts) {
    const chart = view.getByTestId(`alliance-chart-${part}`)
    // Filled circles for the client, hollow squares for the worker: one of each for the one contact.
    await expect(chart.locator('g.alliance-client circle')).toHaveCount(1)
    await expect(chart.locator('g.alliance-worker path')).toHaveCount(1)
    await expect(chart.locator('g.alliance-client')).toHaveAttribute('fill', '#1f5f8b')
    await expect(chart.locator('g.alliance-worker')).toHaveAttribute('fill', 'white')
    await expect(chart.locator('g.alliance-worker')).toHaveAttribute('stroke', '#9c4221')
    // The kind of contact is on the axis.
    await expect(chart.locator('svg')).toContainText('video')
  }
  const rows = view.getByTestId('alliance-table').locator('tbody tr')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toHaveAttribute('data-side', 'client')
  await expect(rows.nth(1)).toHaveAttribute('data-side', 'worker')
  await expect(rows.nth(0).locator('td[data-part="trust"]')).toHaveAttribute('data-value', '5')
  expect(Number(await rows.nth(1).locator('td[data-part="trust"]').getAttribute('data-value'))).toBeCloseTo(8 / 3, 10)

  // 4. The sides differ by 2 or more on trust only: one neutral talking point.
  const points = view.getByTestId('talking-points').locator('li')
  await expect(points).toHaveCount(1)
  await expect(points.first()).toHaveAttribute('data-part', 'trust')
  await expect(points.first()).toContainText('Bespreekpunt: jullie kijken verschillend naar vertrouwen')
  await expect(view.getByTestId('mode-note')).toContainText('Te weinig contacten om iets te zeggen')
  await expect(view.getByTestId('count-remote')).toHaveText('1 / 1')
  await view.screenshot({ path: join(outDir, 'alliance-view.png') })

  // 5. The printed report has the alliance page.
  await debrief.emulateMedia({ media: 'print' })
  const pdfFile = join(outDir, 'alliance-report.pdf')
  writeFileSync(pdfFile, await debrief.pdf({ format: 'A4', printBackground: true }))
  const pages = pdfPages(pdfFile, join(outDir, 'alliance-report-pages'))
  const alliancePages = pages.filter((p) => p.text.includes('Werkrelatie: cliënt en begeleider naast elkaar'))
  expect(alliancePages.length).toBe(1)
  const all = pages.map((p) => p.text).join(' ')
  expect(all).toContain('Bespreekpunt: jullie kijken verschillend naar vertrouwen')
  expect(all).toContain('Te weinig contacten om iets te zeggen')
  // The form and its buttons are not printed.
  expect(all).not.toContain('Vul een check-in in')
  for (const p of pages) expect(p.inked, `page ${p.number} is (nearly) empty`).toBeGreaterThan(0.005)
  await laptop.close()
  expect(foreignLaptop).toEqual([])
})

test("the worker's check-in is stored only when the trainer keeps data, and erase everything removes it", async ({ page }) => {
  test.setTimeout(180_000)
  await openDebrief(page)
  const date = await localToday(page)
  await fillWorkerCheckIn(page, { code: 'KP17', date, kind: 'Telefoon', statements: worker })
  await expect(page.locator('[data-client="KP17"] [data-testid="alliance-view"]')).toBeVisible()
  // In memory only: no database, and gone after a reload.
  expect(await databases(page)).not.toContain('perspectief-debrief')
  await page.reload()
  await expect(page.getByText('Nog geen sessies geopend.')).toBeVisible()

  // Kept on request: back after a reload.
  await fillWorkerCheckIn(page, { code: 'KP17', date, kind: 'Telefoon', statements: worker })
  await page.getByRole('button', { name: 'Bewaar op deze laptop' }).click()
  await expect.poll(() => databases(page)).toContain('perspectief-debrief')
  // A check-in filled in while data is kept is kept at once.
  await fillWorkerCheckIn(page, { code: 'KP18', date, kind: 'Op kantoor', statements: worker })
  await page.reload()
  await expect(page.locator('[data-client="KP17"] [data-testid="alliance-view"]')).toBeVisible()
  await expect(page.locator('[data-client="KP18"] [data-testid="alliance-view"]')).toBeVisible()

  // "Erase everything" in the client app's settings removes it with all other data.
  await startCheckIn(page, 'EK17')
  await page.getByRole('button', { name: 'Instellingen' }).click()
  await page.getByRole('button', { name: 'Wis alles op dit apparaat' }).click()
  await page.getByRole('button', { name: 'Ja, wis alles' }).click()
  // Erasing waits (up to 10 s) for a service worker that is still installing, so it may take a while.
  await expect(page.getByTestId('erase-report')).toBeVisible({ timeout: 30_000 })
  expect(await databases(page)).toEqual([])
  await openDebrief(page)
  await expect(page.getByText('Nog geen sessies geopend.')).toBeVisible()
})

test('the lobby never offers the worker’s check-in to a client', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
  await page.getByLabel('Code').fill('LB17')
  await page.getByRole('button', { name: 'Verder' }).click()
  await expect(page.getByRole('button', { name: /Hoe ging het contact\?/ })).toBeVisible()
  await expect(page.locator('[data-scene="alliance-worker"]')).toHaveCount(0)
  await expect(page.getByText('Check-in begeleider')).toHaveCount(0)
})

/** 200% text (Chromium's default font size at 32 px, as a client with poor sight sets it): nothing scrolls sideways. */
async function fits(page: Page, where: string) {
  const wide = await page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const over = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > width + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} right=${Math.round(e.getBoundingClientRect().right)}`)
    return { scroll: document.documentElement.scrollWidth, width, over: over.slice(0, 5) }
  })
  expect(wide.scroll, `${where} scrolls sideways: ${wide.over.join(', ')}`).toBeLessThanOrEqual(wide.width)
}

test.describe('at 200% text size on a phone', () => {
  test.use({ ...pixel7 })
  test('the whole client check-in on a phone', async ({ page, context }) => {
    test.setTimeout(180_000)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Page.enable')
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } })
    await startAllianceCheckIn(page, 'TX17')
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('36px')
    await fits(page, 'welcome')
    await answerAllianceCheckIn(page, 'Chat of berichten', client, null, async (name) => {
      await fits(page, name)
      if (name === 'statement') await page.screenshot({ path: join(outDir, 'alliance-phone-200pct.png') })
    })
    await fits(page, 'done')
  })
})

// The debrief is a laptop page: 200% text in a laptop window.
test.describe('at 200% text size on a laptop', () => {
  test.use({ viewport: { width: 1100, height: 900 } })
  test('the debrief form and alliance view', async ({ page, context }) => {
    test.setTimeout(180_000)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Page.enable')
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } })
    await openDebrief(page)
    await page.getByRole('button', { name: 'Vul een check-in in' }).click()
    await fits(page, 'worker form')
    await page.getByRole('button', { name: 'Annuleer' }).click()
    await fillWorkerCheckIn(page, { code: 'TX17', date: await localToday(page), kind: 'Chat of berichten', statements: worker })
    await expect(page.getByTestId('alliance-view')).toBeVisible()
    await fits(page, 'alliance view')
    await page.getByTestId('alliance-view').screenshot({ path: join(outDir, 'alliance-view-200pct.png') })
  })
})

test('the home plan: planned contacts, the check-in offered for the last one with its date, and neutral calendar reminders', async ({ page }) => {
  test.setTimeout(180_000)
  await page.goto('/?speed=50')
  await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
  await page.getByLabel('Code').fill('HP17')
  await page.getByRole('button', { name: 'Verder' }).click()
  const days = await page.evaluate(() => {
    const day = (offset: number) => {
      const d = new Date()
      d.setDate(d.getDate() + offset)
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    }
    return { lastWeek: day(-7), yesterday: day(-1), nextWeek: day(7) }
  })
  const plan = page.getByTestId('check-in-plan')
  for (const day of [days.lastWeek, days.yesterday, days.nextWeek]) {
    await plan.getByLabel('Datum van een afspraak').fill(day)
    await plan.getByRole('button', { name: 'Zet in je plan' }).click()
  }
  await expect(plan.locator('.planned-contacts li')).toHaveCount(3)
  // Offered for the last contact up to today: yesterday's.
  await expect(page.getByTestId('check-in-offer')).toHaveAttribute('data-contact', days.yesterday)

  // Reminders for the contacts still to come, carrying the contact date, in neutral words.
  const [download] = await Promise.all([page.waitForEvent('download'), plan.getByRole('button', { name: 'Zet herinneringen in je agenda' }).click()])
  const ics = readFileSync((await download.path())!, 'utf8')
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1)
  expect(ics).toContain(`DTSTART:${days.nextWeek.replace(/-/g, '')}T190000`)
  expect(ics).toContain(`(${days.nextWeek})`)
  expect(ics).toContain('SUMMARY:Perspectief')
  expect(ics.toLowerCase()).not.toMatch(/check|begeleider|afspraak|werkrelatie/)

  // The offered check-in starts at that contact's date.
  await page.getByTestId('check-in-offer').click()
  await page.getByRole('button', { name: 'Verder' }).click()
  await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'ask-contact-date')
  await expect(page.locator('input[type="date"]')).toHaveValue(days.yesterday)
  await page.screenshot({ path: join(outDir, 'alliance-phone-offer-date.png') })
})
