import { devices } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import { expect, storedEvents, test } from './fixtures.ts'
import { exportDrill, followRule, playDrill, startDrill } from '../../scripts/browser/drillFlow.ts'

const { defaultBrowserType: _browser, ...pixel7 } = devices['Pixel 7']
test.use({ ...pixel7 })

/** A real PNG of one flat colour, made here so the test knows every byte of the "photo". */
function solidPng(size: number, rgb: [number, number, number]): Buffer {
  const crc = (buf: Buffer) => {
    let c = ~0
    for (const byte of buf) {
      c ^= byte
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
    }
    return ~c >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data])
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3).map((_, i) => rgb[i % 3]!)])
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(Array(size).fill(row)))), chunk('IEND', Buffer.alloc(0))])
}

test('after a first visit the drill runs a full session offline', async ({ page, context }) => {
  test.setTimeout(180_000)
  // First visit: the lobby and the drill page are loaded once, online, and the service worker caches them.
  await startDrill(page, { code: 'OF44', query: '?speed=3', trainingTrials: 20, assessmentBlock: false })
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).length)).toBeGreaterThan(0)

  await context.setOffline(true)
  await page.reload()
  // The drill had begun, so coming back offline shows the welcome back, served from the cache; playDrill goes on.
  await expect(page.getByRole('heading', { name: 'Welkom terug' })).toBeVisible()
  const played = await playDrill(page, await context.newCDPSession(page), followRule)
  expect(played.length).toBe(28)
  await expect(page.getByTestId('drill-done')).toBeVisible()
  expect((await storedEvents(page)).filter((e) => e.type === 'drill.trial')).toHaveLength(28)
})

test('own photos appear in trials and are absent from every export', async ({ page, context }) => {
  test.setTimeout(180_000)
  await page.goto('/?speed=3')
  await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
  await page.getByLabel('Code').fill('PH55')
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.getByRole('button', { name: "Mijn eigen foto's" }).click()
  const beer = solidPng(64, [200, 140, 20])
  const water = solidPng(64, [40, 120, 220])
  await page.getByTestId('add-alcohol').setInputFiles({ name: 'mijn-bier.png', mimeType: 'image/png', buffer: beer })
  await page.getByTestId('add-soft').setInputFiles({ name: 'mijn-water.png', mimeType: 'image/png', buffer: water })
  await expect(page.getByTestId('photo-count')).toHaveText('1 met alcohol, 1 frisdrank')
  await page.getByRole('button', { name: 'Terug' }).click()

  await page.getByRole('button', { name: /Drank wegvegen/ }).click()
  await page.getByRole('group', { name: /Eerst een meetblok/ }).getByRole('button', { name: 'Nee' }).click()
  await page.getByRole('spinbutton', { name: 'Aantal plaatjes training' }).fill('40')
  await page.getByRole('button', { name: 'Begin' }).click()
  await page.waitForURL(/drill\.html/)
  const seen: string[] = []
  await playDrill(page, await context.newCDPSession(page), (trial) => (seen.push(trial.stimulus), followRule(trial)))
  expect(seen.filter((s) => s.startsWith('own-')).length).toBeGreaterThan(0)

  const { bundle, csv } = await exportDrill(page)
  const json = JSON.stringify(bundle)
  for (const text of [json, csv]) {
    expect(text).not.toContain('blob:')
    expect(text).not.toContain('mijn-bier')
    expect(text).not.toContain('iVBORw0KGgo') // a PNG in base64
    expect(text).not.toContain(beer.toString('base64').slice(0, 40))
    expect(text).not.toContain('data:image')
  }
  // The trials name the photo only by its pseudonymous id.
  expect(csv).toMatch(/own-[0-9a-f]+/)
})

test('a full device mid-drill keeps the trials, offers a file at once, and saves them when space is back', async ({ page, context }) => {
  test.setTimeout(120_000)
  await page.addInitScript(() => {
    const add = IDBObjectStore.prototype.add
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if ((window as unknown as { fullDisk?: boolean }).fullDisk && this.name === 'events') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return add.apply(this, args)
    }
  })
  await startDrill(page, { code: 'QD66', query: '?speed=3', trainingTrials: 20, assessmentBlock: false })
  const cdp = await context.newCDPSession(page)
  await playDrill(page, cdp, followRule, 3)
  await page.evaluate(() => ((window as unknown as { fullDisk: boolean }).fullDisk = true))
  await playDrill(page, cdp, followRule, 2)
  await expect(page.getByRole('alert')).toContainText('Niets is kwijt')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bewaar nu een bestand' }).click()])
  const bundle = JSON.parse(readFileSync((await download.path())!, 'utf8'))
  expect(bundle.includesUnsaved).toBe(true)
  expect(bundle.events.filter((e: { type: string }) => e.type === 'drill.trial')).toHaveLength(5)

  // Space comes back: the next commit (the drill goes on by itself) or "try again" stores what was kept.
  await page.evaluate(() => ((window as unknown as { fullDisk: boolean }).fullDisk = false))
  const retry = page.getByRole('button', { name: 'Probeer opnieuw op te slaan' })
  await retry.click({ timeout: 2000 }).catch(() => undefined)
  await expect(page.getByRole('alert')).toHaveCount(0)
  const all = await storedEvents(page)
  expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1))
  expect(all.filter((e) => e.type === 'drill.trial').length).toBeGreaterThanOrEqual(5)
})
