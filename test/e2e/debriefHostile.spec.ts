import { childEyeBundle, questionnaireBundle } from '../fixtures/sampleBundles.ts'
import { jsonUpload, messageFor, openDebrief, upload } from './debriefFiles.ts'
import { expect, test } from './fixtures.ts'

const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>vet</b> & "quotes"'

test('free text with HTML and script payloads shows as literal text, and no script runs', async ({ page }) => {
  const dialogs: string[] = []
  page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()))
  await openDebrief(page)

  // The payload everywhere a client or a file can put text: an answer, a reflection, a beat name in the
  // charts, a pause reason, a head-direction target, a closed reason.
  const vr = childEyeBundle(payload, 'XS99')
  for (const event of vr.events) {
    const data = event.data as Record<string, unknown>
    if (data.beat === 'fight') data.beat = `<svg onload="window.__pwned=3">fight`
    if (event.type === 'safety.paused') data.reason = `<img src=x onerror="window.__pwned=4">`
    if (event.type === 'head.dwell') {
      const targets = data.targets as Record<string, unknown>
      targets['<iframe src=javascript:window.__pwned=5>'] = targets.door
      delete targets.door
    }
  }
  const questionnaire = questionnaireBundle(payload)
  questionnaire.session.clientCode = 'XS99'
  await upload(page, [jsonUpload('hostile-vr.json', vr), jsonUpload('hostile-check-in.json', questionnaire)])
  await messageFor(page, 'hostile-vr.json', 'added')
  await messageFor(page, 'hostile-check-in.json', 'added')

  const reflections = page.getByTestId('reflection')
  await expect(reflections).toHaveCount(2)
  for (const text of await reflections.allTextContents()) expect(text).toBe(payload)
  // Beats and targets are named from the app's own scene file, never from the file: a name the scene does not
  // know shows as a numbered moment or target, so the payload never reaches the charts.
  await expect(page.getByTestId('chart-timeline')).not.toContainText('pwned')
  await expect(page.getByTestId('chart-timeline')).toContainText('Moment')
  await expect(page.getByTestId('chart-dwell')).not.toContainText('pwned')
  await expect(page.getByTestId('chart-dwell')).toContainText('Doel')
  await expect(page.locator(`[data-session="${vr.session.id}"] [data-testid="pauses"]`)).toContainText('<img src=x onerror="window.__pwned=4">')

  // Nothing became markup: no element the payloads name exists, no handler ran, no dialog opened.
  await page.waitForTimeout(300)
  expect(await page.locator('main img, main script, main iframe, main b, svg svg[onload]').count()).toBe(0)
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(dialogs).toEqual([])
})
