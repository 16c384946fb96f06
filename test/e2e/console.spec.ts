import type { Browser, BrowserContext, Page } from '@playwright/test'
import { port } from '../../scripts/browser/chromium.ts'
import { expect, storedEvents, test } from './fixtures.ts'
import { startRoomServer } from './roomServer.ts'
import { beatIs, enterHeadset, hook, openChildEye } from './vrFlow.ts'

/**
 * The trainer's console, end to end: an emulated headset (IWER) in one browser context and the console in another
 * pair by code through the relay; the console mirrors the head pose and steers the session; the relay can die.
 */
test.use({ viewport: { width: 1024, height: 768 } })

/** Opens the child's-eye scene up to the VR start screen and returns the pairing code it shows. */
async function openHeadset(page: Page, origin: string, code: string, speed: number): Promise<string> {
  await openChildEye(page, code, { url: `${origin}/?speed=${speed}&xr=emulate` })
  await expect(page.getByTestId('pairing-code')).toHaveText(/^\d{6}$/)
  return (await page.getByTestId('pairing-code').textContent())!
}

async function openConsole(browser: Browser, origin: string, https: boolean): Promise<{ context: BrowserContext; console: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ignoreHTTPSErrors: https })
  const console = await context.newPage()
  await console.goto(`${origin}/console.html`)
  await expect(console.getByRole('button', { name: 'Koppel' })).toBeVisible()
  return { context, console }
}

async function pair(console: Page, code: string) {
  await console.getByLabel('Code uit de bril').fill(code)
  await console.getByRole('button', { name: 'Koppel' }).click()
  await expect(console.getByTestId('console-headset')).toHaveText('Bril verbonden')
}


test('hostile console input: wrong codes are rate-limited, a second console is refused, a wrong token does nothing', async ({ page, browser }) => {
  // Four browser contexts: on a loaded machine each console page takes up to 15 s to load (measured); 120 s ran out.
  test.setTimeout(300_000)
  const origin = `http://localhost:${port}`
  const code = await openHeadset(page, origin, 'TC17', 2)
  const { context, console } = await openConsole(browser, origin, false)
  const wrong = code === '000000' ? '000001' : '000000'
  for (let i = 0; i < 5; i++) {
    await console.getByLabel('Code uit de bril').fill(wrong)
    await console.getByRole('button', { name: 'Koppel' }).click()
    await expect(console.getByTestId('console-refused')).toHaveAttribute('data-reason', 'wrong-code')
  }
  await console.getByLabel('Code uit de bril').fill(code)
  await console.getByRole('button', { name: 'Koppel' }).click()
  await expect(console.getByTestId('console-refused')).toHaveAttribute('data-reason', 'rate-limited')
  await expect(page.getByTestId('pairing-code')).toHaveText(code)

  // Another console (another connection) pairs; a third cannot, with the code or with its token.
  const second = await openConsole(browser, origin, false)
  await pair(second.console, code)
  const token = await second.console.evaluate(() => sessionStorage.getItem('perspectief-console-token'))
  const third = await openConsole(browser, origin, false)
  await third.console.getByLabel('Code uit de bril').fill(code)
  await third.console.getByRole('button', { name: 'Koppel' }).click()
  await expect(third.console.getByTestId('console-refused')).toHaveAttribute('data-reason', 'wrong-code')
  const refusedWithToken = await third.console.evaluate(
    (t) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://${location.host}/room`)
        ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', role: 'console', token: t }))
        ws.onmessage = (e) => resolve(String(e.data))
      }),
    token,
  )
  expect(JSON.parse(refusedWithToken)).toEqual({ type: 'refused', reason: 'busy' })

  // A command with another session's token is refused by the relay and never reaches the headset.
  const forged = await third.console.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const got: string[] = []
        const ws = new WebSocket(`ws://${location.host}/room`)
        ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', role: 'headset' }))
        ws.onmessage = (e) => {
          got.push(String(e.data))
          if (got.length === 1) ws.send(JSON.stringify({ type: 'command', token: 'A'.repeat(43), id: 1, command: 'pause' }))
          else resolve(got)
        }
        setTimeout(() => resolve(got), 2000)
      }),
  )
  expect(forged.length).toBe(1)
  const wrongToken = await second.console.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://${location.host}/room`)
        ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', role: 'console', token: 'B'.repeat(43) }))
        ws.onmessage = (e) => {
          const f = JSON.parse(String(e.data)) as { type: string }
          if (f.type === 'peer') ws.send(JSON.stringify({ type: 'command', token: 'C'.repeat(43), id: 2, command: 'stop' }))
          if (f.type === 'refused') resolve(String(e.data))
        }
      }),
  )
  expect(JSON.parse(wrongToken)).toEqual({ type: 'refused', reason: 'wrong-token' })
  await page.waitForTimeout(300)
  expect((await storedEvents(page)).filter((e) => e.type === 'trainer.command' || e.type === 'safety.paused')).toEqual([])
  for (const c of [context, second.context, third.context]) await c.close()
})

test('losing the relay: the scene goes on and loses nothing; after a restart both sides come back', async ({ browser }) => {
  test.setTimeout(480_000)
  const room = await startRoomServer()
  const headsetContext = await browser.newContext({ viewport: { width: 1024, height: 768 }, ignoreHTTPSErrors: true })
  const page = await headsetContext.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  const code = await openHeadset(page, room.origin, 'TC18', 4)
  const { context, console } = await openConsole(browser, room.origin, true)
  await pair(console, code)
  await enterHeadset(page)
  await beatIs(page, 'father-home')
  await expect(console.getByTestId('console-beat')).toHaveText('father-home')

  await room.stop()
  await expect(console.getByTestId('console-headset')).toContainText('Bril niet verbonden')
  const beatAtKill = (await hook(page)).beat
  // The scene keeps advancing without the relay.
  await expect.poll(async () => (await hook(page)).beat, { timeout: 60_000 }).not.toBe(beatAtKill)
  const restarted = await startRoomServer(room.port)
  await expect(page.getByTestId('vr-session')).toBeVisible()
  await expect(console.getByTestId('console-headset')).toHaveText('Bril verbonden', { timeout: 20_000 })
  const beatNow = (await hook(page)).beat
  await expect(console.getByTestId('console-beat')).toHaveText(new RegExp(`^(${beatNow}|${(await hook(page)).beat})$`), { timeout: 10_000 })
  await expect.poll(async () => (await console.getByTestId('console-beat').textContent()) === (await hook(page)).beat, { timeout: 10_000 }).toBe(true)

  // Nothing lost: every beat entered is in the log, in order, without gaps in the sequence.
  const events = await storedEvents(page)
  const seqs = events.map((e) => e.seq)
  expect(seqs).toEqual(seqs.map((_, i) => i + 1))
  const beats = events.filter((e) => e.type === 'beat.entered').map((e) => e.data.beat)
  expect(beats.slice(0, 3)).toEqual(['intro', 'father-home', 'mother-confronts'])
  expect(beats).toContain(beatAtKill)
  // The pair still steers: a note after the restart arrives and is logged.
  await console.getByLabel('Notitie').fill('na herstart')
  await console.getByRole('button', { name: 'Notitie', exact: true }).click()
  await expect.poll(async () => (await storedEvents(page)).filter((e) => e.type === 'trainer.command').map((e) => e.data.note), {
      // One read of the headset's log took 12 s on the loaded machine (trace): 10 s was not one poll.
      timeout: 60_000,
    })
    .toEqual(['na herstart'])
  await context.close()
  await headsetContext.close()
  await restarted.stop()
  expect(errors).toEqual([])
})
