import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { childEyeTarget, drillTarget, futureSelfTarget, expectNothingLost, kill, killPlan, launchProfile, type KillTarget } from './killPoints.ts'
import { expect, storedEvents, test } from './fixtures.ts'

/**
 * Seeded random kill points across each scene (killPoints.ts). The same seed gives the same points every run;
 * change a seed to explore other points. 7 + 7 + 6 = 20 kill points across the drill and both VR scenes.
 */
const plans: { target: KillTarget; seed: number; points: number }[] = [
  { target: drillTarget, seed: 20261128, points: 7 },
  { target: childEyeTarget, seed: 20261129, points: 7 },
  { target: futureSelfTarget, seed: 20261130, points: 6 },
]

for (const { target, seed, points } of plans) {
  const plan = killPlan(seed, points, target.positions)
  test(`${target.name}: ${plan.length} kills at seeded points lose no committed event and duplicate none`, async () => {
    test.setTimeout(60_000 + plan.length * 45_000)
    const profile = mkdtempSync(join(tmpdir(), 'perspectief-kill-'))
    const foreign: string[] = []
    let current = await launchProfile(profile, target.device)
    try {
      await current.page.goto('/')
      await target.start(current.page)
      let previous = await storedEvents(current.page)
      for (const [i, point] of plan.entries()) {
        const where = `kill ${i + 1} (${point.how} after ${point.position} + ${point.delayMs} ms)`
        await test.step(where, async () => {
          await target.advanceTo(current.page, point.position, await current.context.newCDPSession(current.page))
          await current.page.waitForTimeout(point.delayMs)
          // What is committed at the moment of the kill, read straight from IndexedDB as the crash leaves it.
          const before = await storedEvents(current.page)
          expectNothingLost(before, previous, `${where}, before`)
          const killed = await kill(point.how, current.context, current.page, async () => {
            foreign.push(...current.foreign)
            return launchProfile(profile, target.device)
          })
          if (killed.relaunched) current = killed.relaunched
          else current = { ...current, page: killed.page }
          await target.resume(current.page)
          const after = await storedEvents(current.page)
          expectNothingLost(after, before, `${where}, after reopening`)
          previous = after
        })
      }
      // The scene goes on after the last kill (by the client's moves or by itself), numbering with no gap or repeat.
      await target.advanceTo(current.page, target.positions.at(-1)!, await current.context.newCDPSession(current.page))
      await expect.poll(async () => (await storedEvents(current.page)).length, { timeout: 30_000 }).toBeGreaterThan(previous.length)
      expectNothingLost(await storedEvents(current.page), previous, 'after the last kill')
    } finally {
      foreign.push(...current.foreign)
      await current.context.close().catch(() => {})
      rmSync(profile, { recursive: true, force: true })
    }
    expect(foreign, 'requests to other origins').toEqual([])
  })
}
