import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { port } from '../../scripts/browser/chromium.ts'
import { openMore } from '../../scripts/browser/drillFlow.ts'
import { jsonUpload, openDebrief, upload } from './debriefFiles.ts'
import { expect, storedEvents, test } from './fixtures.ts'
import { startRoomServer } from './roomServer.ts'
import { beatIs, enterHeadset, hook, lookAt, openChildEye, pageErrors } from './vrFlow.ts'

/**
 * The trainer's console, end to end: an emulated headset (IWER) in one browser context and the console in another
 * pair by code through the relay; the console mirrors the head pose and steers the session; the relay can die.
 */
test.use({ viewport: { width: 1024, height: 768 } })

// The console's picture in the README (test/e2e/screenshots/console.png) is copied from here after a run.
const screenshots = join(import.meta.dirname, '../../.test-output/screens')

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


type Quat = [number, number, number, number]
const angleDeg = (a: Quat, b: Quat) => (2 * Math.acos(Math.min(1, Math.abs(a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3]))) * 180) / Math.PI

/** The world orientation of the view the headset page renders now (its XR camera), not IWER's reference-space pose. */
const headsetQuaternion = (page: Page) => page.evaluate(() => (window as unknown as { __perspectiefVr: { viewQuaternion(): Quat } }).__perspectiefVr.viewQuaternion())
const mirrorQuaternion = (console: Page) => console.evaluate(() => (window as unknown as { __perspectiefMirror?: { camera(): Quat } }).__perspectiefMirror?.camera() ?? null)

test('pairing by code: the mirror follows the head, pause within 300 ms, a note in the export and on the debrief timeline', async ({ page, browser }) => {
  test.setTimeout(480_000)
  const errors = pageErrors(page)
  const origin = `http://localhost:${port}`
  // When the headset's page receives a command frame, for the latency's breakdown (relay vs page).
  await page.addInitScript(() => {
    const property = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')!
    Object.defineProperty(WebSocket.prototype, 'onmessage', {
      ...property,
      set(this: WebSocket, handler: ((e: MessageEvent) => void) | null) {
        property.set!.call(this, handler && ((e: MessageEvent) => {
          if (String(e.data).includes('"command"')) (window as unknown as { __commandAt?: number }).__commandAt ??= performance.timeOrigin + performance.now()
          handler.call(this, e)
        }))
      },
    })
  })
  const code = await openHeadset(page, origin, 'TC16', 4)
  const { context, console } = await openConsole(browser, origin, false)
  await pair(console, code)
  await expect(page.getByTestId('console-state')).toHaveAttribute('data-connected', 'true')
  await expect(page.getByTestId('console-state')).toContainText('De console van de begeleider is verbonden')
  await enterHeadset(page)
  await expect(console.getByTestId('console-state')).toBeVisible()

  // The mirror follows the emulated head: look at the door, then the window; within 2° once settled.
  const views: Quat[] = []
  for (const target of ['door', 'window'] as const) {
    await lookAt(page, target)
    // On a miss, say what each side held: the mirror camera, the pose it received, the rendered view, IWER's head.
    const evidence = async () => ({
      mirror: await mirrorQuaternion(console),
      received: await console.evaluate(() => (window as unknown as { __perspectiefMirror?: { received(): Quat | null } }).__perspectiefMirror?.received() ?? null),
      view: await headsetQuaternion(page),
      iwer: await page.evaluate(() => {
        const q = (window as unknown as { __iwer: { quaternion: { x: number; y: number; z: number; w: number } } }).__iwer.quaternion
        return [q.x, q.y, q.z, q.w]
      }),
    })
    test.info().annotations.push({ type: `mirror-before-${target}`, description: JSON.stringify(await evidence()) })
    await expect
      .poll(
        async () => {
          const m = await mirrorQuaternion(console)
          return m ? angleDeg(m, await headsetQuaternion(page)) : 180
        },
        { timeout: 15_000, intervals: [100] },
      )
      .toBeLessThan(2)
      .catch(async (e: unknown) => {
        test.info().annotations.push({ type: `mirror-miss-${target}`, description: JSON.stringify(await evidence()) })
        throw e
      })
    views.push(await headsetQuaternion(page))
  }
  // The head really turned between the two targets (the mirror followed a moving head, not a still one).
  expect(angleDeg(views[0]!, views[1]!)).toBeGreaterThan(20)
  const settled = angleDeg((await mirrorQuaternion(console))!, await headsetQuaternion(page))
  test.info().annotations.push({ type: 'mirror-error-deg', description: settled.toFixed(2) })

  // Pause from the console: the headset's safety pause shows within 300 ms.
  await page.evaluate(() => {
    const w = window as unknown as { __pausedSeenAt?: number }
    const observer = new MutationObserver(() => {
      if (w.__pausedSeenAt === undefined && document.querySelector('.vr-paused')) w.__pausedSeenAt = performance.timeOrigin + performance.now()
    })
    observer.observe(document.body, { childList: true, subtree: true })
  })
  const pauseButton = console.getByRole('button', { name: 'Pauze', exact: true })
  await expect(pauseButton).toBeEnabled()
  const clickedAt = await pauseButton.evaluate((b: HTMLButtonElement) => {
    const at = performance.timeOrigin + performance.now()
    b.click()
    return at
  })
  await expect(page.getByText('Gepauzeerd')).toBeVisible()
  const pausedAt = await page.evaluate(() => (window as unknown as { __pausedSeenAt?: number }).__pausedSeenAt!)
  const arrivedAt = await page.evaluate(() => (window as unknown as { __commandAt?: number }).__commandAt ?? null)
  test.info().annotations.push({ type: 'pause-arrived-ms', description: String(arrivedAt === null ? null : arrivedAt - clickedAt) })
  const latency = pausedAt - clickedAt
  test.info().annotations.push({ type: 'pause-latency-ms', description: String(latency) })
  expect(latency).toBeLessThan(300)
  await expect(console.getByTestId('console-safety')).toContainText('gepauzeerd vanaf de console van de begeleider')
  await expect.poll(async () => (await storedEvents(page)).filter((e) => e.type === 'trainer.command').map((e) => e.data.command), { timeout: 60_000 }).toEqual(['pause'])
  const paused = await storedEvents(page)
  expect(paused.filter((e) => e.type === 'safety.paused').map((e) => e.data.reason)).toEqual(['trainer-console'])
  // The console confirms the client's "go on".
  await console.getByRole('button', { name: 'Ga verder' }).click()
  await expect(page.getByText('Gepauzeerd')).toHaveCount(0)

  // A note, then skip a beat and stop through the scene's ending; the note is in the exported file.
  await console.getByLabel('Notitie').fill('Kijkt weg bij de vader')
  await console.getByRole('button', { name: 'Notitie', exact: true }).click()
  await expect.poll(async () => (await storedEvents(page)).filter((e) => e.type === 'trainer.command' && e.data.command === 'note').map((e) => e.data.note), { timeout: 60_000 }).toEqual(['Kijkt weg bij de vader'])
  // "Volgende stap" skips the beat the console shows. If the scene moved on by itself between the trainer's look and
  // the press, the headset drops the press (one press never skips two beats), and the trainer presses again.
  const skippedBeats = async () => (await storedEvents(page)).filter((e) => e.type === 'beat.skipped').map((e) => e.data.beat as string)
  let presses = 0
  while (presses < 5 && (await skippedBeats()).length === 0) {
    presses++
    await console.getByRole('button', { name: 'Volgende stap' }).click()
    await expect.poll(async () => (await storedEvents(page)).filter((e) => e.type === 'trainer.command' && e.data.command === 'skip').length, { timeout: 30_000 }).toBe(presses)
    await expect.poll(skippedBeats, { timeout: 3000 }).not.toEqual([]).catch(() => undefined)
  }
  const events = await storedEvents(page)
  const skipped = events.filter((e) => e.type === 'beat.skipped')
  expect(skipped, 'one press skipped one beat').toHaveLength(1)
  const beatBefore = skipped[0]!.data.beat as string
  // The beat skipped is the one the headset was in when the press arrived (the command's record says which).
  const lastPress = events.filter((e) => e.type === 'trainer.command' && e.data.command === 'skip').at(-1)!
  expect(lastPress.data.beat).toBe(beatBefore)
  await expect(console.getByTestId('console-state')).not.toHaveAttribute('data-beat', beatBefore)
  // The README's picture of the console, made here, during a paired session.
  mkdirSync(screenshots, { recursive: true })
  await console.screenshot({ path: join(screenshots, 'console.png'), fullPage: true })
  await console.getByRole('button', { name: 'Stop', exact: true }).click()
  // The trainer takes the plain file from under "Meer" (the client's one button sends the encrypted one).
  await openMore(page)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bewaar bestand voor begeleider' }).click()])
  const bundle = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { events: { type: string; data: Record<string, unknown> }[] }
  expect(bundle.events.filter((e) => e.type === 'trainer.command').map((e) => e.data.command)).toEqual(['pause', 'resume', 'note', ...Array.from({ length: presses }, () => 'skip'), 'stop'])
  expect(bundle.events.find((e) => e.type === 'trainer.command' && e.data.command === 'note')!.data.note).toBe('Kijkt weg bij de vader')
  expect(bundle.events.filter((e) => e.type === 'session.stopped').map((e) => e.data.reason)).toEqual(['trainer-console'])

  await openDebrief(console)
  await upload(console, [jsonUpload('sessie.json', bundle)])
  await expect(console.getByTestId('trainer-notes')).toContainText('Kijkt weg bij de vader')
  await expect(console.getByTestId('chart-timeline')).toContainText('Kijkt weg bij de vader')
  await context.close()
  expect(errors).toEqual([])
})

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
  await expect(console.getByTestId('console-state')).toHaveAttribute('data-beat', 'father-home')

  await room.stop()
  await expect(console.getByTestId('console-headset')).toContainText('Bril niet verbonden')
  const beatAtKill = (await hook(page)).beat
  // The scene keeps advancing without the relay.
  await expect.poll(async () => (await hook(page)).beat, { timeout: 60_000 }).not.toBe(beatAtKill)
  const restarted = await startRoomServer(room.port)
  await expect(page.getByTestId('vr-session')).toBeVisible()
  await expect(console.getByTestId('console-headset')).toHaveText('Bril verbonden', { timeout: 20_000 })
  // The scene keeps moving while we look, so compare the two sides at one moment, again until they agree (a fixed
  // expected beat read first went stale on the loaded CI machine while the console was following correctly).
  await expect.poll(async () => (await console.getByTestId('console-state').getAttribute('data-beat')) === (await hook(page)).beat, { timeout: 20_000 }).toBe(true)

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
