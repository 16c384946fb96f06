import AxeBuilder from '@axe-core/playwright'
import { join } from 'node:path'
import { devices, type CDPSession, type Page } from '@playwright/test'
import { followRule, playDrill, startDrill } from '../../scripts/browser/drillFlow.ts'
import { allScreens, type Language } from './screens.ts'
import { expect, test } from './fixtures.ts'

/**
 * Every 2D screen in Dutch (and one of each part in English, see `alsoInEnglish` in screens.ts), on a phone: axe-core finds no serious or critical problem, every
 * target is at least 44 × 44 CSS px, and every screen with a prompt can read it aloud. The screens come from
 * screens.ts, so a new screen is tested by adding it there. axe runs from node_modules, injected by Playwright:
 * nothing is fetched.
 */
const { defaultBrowserType: _browser, ...pixel7 } = devices['Pixel 7']
test.use({ ...pixel7 })

/** WCAG 2.1 A and AA, the level public services in the Netherlands must meet, plus axe's best practices. */
/** Every screen as the checks saw it, for a person to look at: .test-output/screens/<screen> (<language>).png */
const shots = join(import.meta.dirname, '../../.test-output/screens')

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, where: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }))
}

/** Everything a finger can act on that is too small: visible controls, or the label that stands in for a hidden input. */
async function smallTargets(page: Page) {
  return page.evaluate(() => {
    const selector = 'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="radio"], [role="checkbox"], [role="slider"], [role="link"], [tabindex]:not([tabindex="-1"])'
    const small: string[] = []
    for (const node of document.querySelectorAll<HTMLElement>(selector)) {
      let target: HTMLElement = node
      const style = getComputedStyle(node)
      // A visually hidden file input is operated through its label, which is the target a finger sees.
      if (node instanceof HTMLInputElement && Number(style.opacity) === 0) target = node.closest('label') ?? node
      if (target.getClientRects().length === 0 || getComputedStyle(target).visibility === 'hidden') continue
      const r = target.getBoundingClientRect()
      if (r.width < 44 || r.height < 44) small.push(`${target.tagName.toLowerCase()} "${(target.textContent || target.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`)
    }
    return small
  })
}

for (const screen of allScreens) {
  for (const language of (screen.alsoInEnglish ? ['nl', 'en'] : ['nl']) as Language[]) {
    test(`${screen.name} (${language}): no serious axe violations, targets of 44 px or more${screen.prompt ? ', read aloud' : ''}`, async ({ page, context }) => {
      test.setTimeout(screen.name.includes('done') ? 150_000 : 60_000)
      await screen.open(page, language, context)
      await expect(page.locator('html')).toHaveAttribute('lang', language)
      await page.screenshot({ path: join(shots, `${screen.name.replace(/[^\w()' -]+/g, '-')} (${language}).png`), fullPage: true })

      expect(await seriousViolations(page)).toEqual([])
      expect(await smallTargets(page)).toEqual([])

      if (screen.prompt) {
        const readAloud = page.getByTestId('read-aloud')
        await expect(readAloud.first()).toBeVisible()
        // The control does something a client notices: it speaks, or says the device has no voice.
        await readAloud.first().click()
        await expect
          .poll(() =>
            page.evaluate(() => {
              const spoken = speechSynthesis.speaking || speechSynthesis.pending
              const pressed = document.querySelector('[data-testid="read-aloud"][aria-pressed="true"]') !== null
              const explained = [...document.querySelectorAll('.read-aloud [role="status"]')].some((s) => (s.textContent ?? '').trim().length > 0)
              return spoken || pressed || explained
            }),
          )
          .toBe(true)
      }
    })
  }
}

/**
 * 200% text: the browser's default font size set to 32 px (Chromium's own setting, through CDP), as a client with
 * poor sight sets it. The flows must complete, and no screen may scroll sideways.
 */
test.describe('at 200% text size', () => {
  async function doubleText(page: Page, cdp: CDPSession) {
    await cdp.send('Page.enable')
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } })
    await page.goto('/?speed=50')
    // The app's base size (112.5%) is relative to the browser's, so the root grows with it.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('36px')
  }

  async function fits(page: Page, where: string) {
    const wide = await page.evaluate(() => {
      const width = document.documentElement.clientWidth
      const over = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((e) => e.getClientRects().length > 0 && (e.getBoundingClientRect().right > width + 1 || e.getBoundingClientRect().left + e.scrollWidth > width + 1))
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} right=${Math.round(e.getBoundingClientRect().right)}`)
      return { scroll: document.documentElement.scrollWidth, width, over: over.slice(0, 5) }
    })
    expect(wide.scroll, `${where} scrolls sideways: ${wide.over.join(', ')}`).toBeLessThanOrEqual(wide.width)
  }

  test('the lobby and a whole questionnaire', async ({ page, context }) => {
    await doubleText(page, await context.newCDPSession(page))
    await fits(page, 'consent')
    await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
    await fits(page, 'client code')
    await page.getByLabel('Code').fill('TX20')
    await page.getByRole('button', { name: 'Verder' }).click()
    await fits(page, 'choose')
    await page.getByRole('button', { name: /Hoe gaat het\?/ }).click()
    await fits(page, 'params')
    await page.getByRole('button', { name: 'Begin' }).click()
    await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'welcome')
    await fits(page, 'a line')
    await page.getByRole('button', { name: 'Verder' }).click()
    await fits(page, 'likert item')
    await page.getByRole('radio', { name: /^4$/ }).click()
    await page.getByRole('button', { name: 'Verder' }).click()
    await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'ask-sleep')
    await fits(page, 'choice item')
    await page.getByRole('radio', { name: 'Goed' }).click()
    await page.getByRole('button', { name: 'Verder' }).click()
    await fits(page, 'text item')
    await page.getByRole('textbox').fill('niets')
    await page.getByRole('button', { name: 'Verder' }).click()
    await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'ask-stress')
    await fits(page, 'slider item')
    await page.getByRole('slider').fill('3')
    await page.getByRole('button', { name: 'Verder' }).click()
    await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'ask-talk')
    await page.getByRole('radio', { name: 'Nee' }).click()
    await page.getByRole('button', { name: 'Verder' }).click()
    await expect(page.getByRole('heading', { name: 'Klaar!' })).toBeVisible()
    await fits(page, 'done')
    await page.getByRole('button', { name: 'Instellingen' }).click()
    await fits(page, 'settings')
  })

  test('the drill, start to end', async ({ page, context }) => {
    test.setTimeout(150_000)
    const cdp = await context.newCDPSession(page)
    await doubleText(page, cdp)
    await startDrill(page, { code: 'TX21', query: '?speed=3', trainingTrials: 20, assessmentBlock: false })
    await expect(page.getByRole('button', { name: 'Begin' })).toBeVisible()
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('36px')
    await fits(page, 'drill instructions')
    const memory = { reversed: false }
    const played = await playDrill(page, cdp, followRule, 1, memory)
    await fits(page, 'drill trial')
    played.push(...(await playDrill(page, cdp, followRule, Infinity, memory)))
    expect(played).toHaveLength(28)
    await expect(page.getByTestId('drill-done')).toBeVisible()
    await fits(page, 'drill done')
  })
})
