import { expect, type BrowserContext, type Page } from '@playwright/test'
import { childEyeBundle, drillBundle, followUpBundle, questionnaireBundle } from '../fixtures/sampleBundles.ts'
import { followRule, playDrill } from '../../scripts/browser/drillFlow.ts'
import { allianceScreens } from './allianceScreens.ts'
import { jsonUpload, upload } from './debriefFiles.ts'
import { trainerLink } from './fixtures.ts'

/**
 * Every 2D screen a client or trainer can see, and how to get there. The accessibility tests run over this list
 * in Dutch, and in English too for the screens marked `alsoInEnglish`; a new screen (the debrief view, the
 * future-self scene's start) is one more entry.
 *
 * Screens are reached in Dutch (the labels the flow clicks are Dutch) and switched to English where the app
 * allows it: live through the language button in the lobby, before "Begin" for the pages that start from there.
 */
export type Language = 'nl' | 'en'

export interface AppScreen {
  name: string
  /** Brings `page` (a fresh one) to the screen, in `language`, and waits until it shows. */
  open(page: Page, language: Language, context: BrowserContext): Promise<void>
  /** The screen asks or tells the client something, so it must offer to read it aloud. */
  prompt: boolean
  /**
   * Checked in English as well as Dutch. Default false: every screen is checked in Dutch, the language clients are
   * served first, and one screen of each part (lobby, questionnaire, drill, debrief) also in English. The English
   * screens share the Dutch layout and styles, and checking all of them again cost 6 of CI's 40 minutes. That every
   * Dutch string has an English one is checked by the type checker (`en: Strings` in src/i18n/strings.ts), and that
   * the choice of English survives the flows by `test/e2e/language.spec.ts`.
   */
  alsoInEnglish?: boolean
}

/** The lobby's language button: the screen stays, its words change. */
export async function switchLanguage(page: Page, language: Language) {
  if (language === 'nl') return
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
}

async function consented(page: Page, query = '?speed=50') {
  await page.goto(`/${query}`)
  await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
  await expect(page.getByLabel('Code')).toBeVisible()
}

async function chose(page: Page, code: string, query?: string) {
  await consented(page, query)
  await page.getByLabel('Code').fill(code)
  await page.getByRole('button', { name: 'Verder' }).click()
  await expect(page.getByRole('heading', { name: 'Wat ga je doen?' })).toBeVisible()
}

/** The check-in questionnaire up to one of its beats, then in `language`. */
function checkInBeat(name: string, beat: string, answers: (page: Page) => Promise<void> = async () => {}): AppScreen {
  return {
    name,
    prompt: true,
    async open(page, language) {
      await chose(page, 'AX11')
      await page.getByRole('button', { name: /Hoe gaat het\?/ }).click()
      await page.getByRole('button', { name: 'Begin' }).click()
      await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'welcome')
      await answers(page)
      await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', beat)
      await switchLanguage(page, language)
    },
  }
}

const verder = (page: Page) => page.getByRole('button', { name: 'Verder' }).click()
async function pick(page: Page, label: string | RegExp, next: string) {
  await page.getByRole('radio', { name: label }).click()
  await verder(page)
  await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', next)
}

/** The drill page, started from the lobby in `language` (the lobby hands the language over). */
async function drillPage(page: Page, language: Language, code: string) {
  await chose(page, code, '?speed=3')
  await page.getByRole('button', { name: /Drank wegvegen/ }).click()
  await page.getByRole('group', { name: /Eerst een meetblok/ }).getByRole('button', { name: 'Nee' }).click()
  await page.getByRole('spinbutton', { name: 'Aantal plaatjes training' }).fill('20')
  await switchLanguage(page, language)
  await page.getByRole('button', { name: /^(Begin|Start)$/ }).click()
  await page.waitForURL(/drill\.html/)
}

/** Makes every IndexedDB open fail the way a browser that refuses storage does. */
async function refuseStorage(page: Page) {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      throw new DOMException('The user denied permission to access the database.', 'InvalidStateError')
    }
  })
}

const sceneFile = ['id: broken', 'version: 1', 'kind: questionnaire', 'title: { nl: "Kapot", en: "Broken" }', 'beats:', '  - id: start', '    say: line.nowhere', '    next: { on: continue, to: nergens }', ''].join('\n')

export const lobbyScreens: AppScreen[] = [
  {
    name: 'consent',
    prompt: true,
    alsoInEnglish: true,
    async open(page, language) {
      await page.goto('/')
      await expect(page.getByRole('heading', { name: 'Voordat je begint' })).toBeVisible()
      await switchLanguage(page, language)
    },
  },
  {
    name: 'declined',
    prompt: true,
    async open(page, language) {
      await page.goto('/')
      await page.getByRole('button', { name: 'Nee, liever niet' }).click()
      await expect(page.getByRole('status')).toContainText('Er is niets bewaard')
      await switchLanguage(page, language)
    },
  },
  {
    name: 'client code',
    prompt: true,
    async open(page, language) {
      await consented(page)
      await switchLanguage(page, language)
    },
  },
  {
    name: 'client code with an error',
    prompt: true,
    async open(page, language) {
      await consented(page)
      await page.getByLabel('Code').fill('Jan de Vries')
      await verder(page)
      await expect(page.getByRole('alert')).toBeVisible()
      await switchLanguage(page, language)
    },
  },
  {
    name: 'choose',
    prompt: true,
    async open(page, language) {
      await chose(page, 'AX12')
      await switchLanguage(page, language)
    },
  },
  {
    name: 'choose (supervision)',
    prompt: true,
    async open(page, language) {
      await chose(page, 'AX18', trainerLink('?speed=50'))
      await expect(page.getByTestId('supervision-mode')).toBeVisible()
      await switchLanguage(page, language)
    },
  },
  // The VR scenes are for supervision: their parameters are reached from the trainer's link.
  ...[
    ['params (check-in)', /Hoe gaat het\?/, '?speed=50'],
    ['params (drill)', /Drank wegvegen/, '?speed=50'],
    ['params (child-eye)', /^Door de ogen van Joris/, trainerLink('?speed=50')],
    ['params (future-self)', /^Ontmoet jezelf, later/, trainerLink('?speed=50')],
  ].map(
    ([name, scene, query]): AppScreen => ({
      name: name as string,
      prompt: true,
      async open(page, language) {
        await chose(page, 'AX13', query as string)
        await page.getByRole('button', { name: scene as RegExp }).click()
        await expect(page.getByRole('button', { name: 'Begin' })).toBeVisible()
        await switchLanguage(page, language)
      },
    }),
  ),
  { ...checkInBeat('questionnaire: a line to read', 'welcome'), alsoInEnglish: true },
  checkInBeat('questionnaire: likert item', 'ask-mood', verder),
  checkInBeat('questionnaire: choice item', 'ask-sleep', async (page) => (await verder(page), await pick(page, /^3$/, 'ask-sleep'))),
  checkInBeat('questionnaire: text item', 'ask-hard-part', async (page) => (await verder(page), await pick(page, /^3$/, 'ask-sleep'), await pick(page, 'Goed', 'ask-hard-part'))),
  checkInBeat('questionnaire: slider item', 'ask-stress', async (page) => {
    await verder(page)
    await pick(page, /^3$/, 'ask-sleep')
    await pick(page, 'Goed', 'ask-hard-part')
    await page.getByRole('textbox').fill('werk')
    await verder(page)
  }),
  {
    name: 'questionnaire: done',
    prompt: true,
    async open(page, language) {
      await checkInBeat('', 'ask-stress', async (p) => {
        await verder(p)
        await pick(p, /^3$/, 'ask-sleep')
        await pick(p, 'Goed', 'ask-hard-part')
        await p.getByRole('textbox').fill('werk')
        await verder(p)
      }).open(page, 'nl', undefined as never)
      await page.getByRole('slider').fill('2')
      await verder(page)
      await pick(page, 'Nee', 'thanks')
      await expect(page.getByRole('heading', { name: 'Klaar!' })).toBeVisible()
      await switchLanguage(page, language)
    },
  },
  {
    name: 'settings',
    prompt: true,
    async open(page, language) {
      await chose(page, 'AX14')
      await page.getByRole('button', { name: 'Instellingen' }).click()
      await expect(page.getByRole('heading', { name: 'Instellingen' })).toBeVisible()
      await switchLanguage(page, language)
    },
  },
  {
    name: 'scene file check with errors',
    prompt: true,
    async open(page, language) {
      await chose(page, 'AX15')
      await page.getByRole('button', { name: 'Instellingen' }).click()
      await page.getByTestId('scene-file').setInputFiles({ name: 'kapot.yaml', mimeType: 'text/yaml', buffer: Buffer.from(sceneFile) })
      await expect(page.locator('[data-file="kapot.yaml"]')).toHaveAttribute('data-ok', 'false')
      await switchLanguage(page, language)
    },
  },
  {
    name: 'erased',
    prompt: true,
    async open(page, language) {
      await chose(page, 'AX16')
      await page.getByRole('button', { name: 'Instellingen' }).click()
      await page.getByRole('button', { name: 'Wis alles op dit apparaat' }).click()
      await page.getByRole('button', { name: 'Ja, wis alles' }).click()
      await expect(page.getByTestId('erase-report')).toBeVisible()
      await switchLanguage(page, language)
    },
  },
  {
    name: 'own photos',
    prompt: true,
    async open(page, language) {
      await chose(page, 'AX17')
      await page.getByRole('button', { name: "Mijn eigen foto's" }).click()
      await expect(page.getByTestId('photo-count')).toBeVisible()
      await switchLanguage(page, language)
    },
  },
  {
    name: 'storage problem',
    prompt: true,
    async open(page, language) {
      await refuseStorage(page)
      await page.goto('/')
      await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
      await expect(page.getByRole('heading', { name: 'Opslaan lukt niet' })).toBeVisible()
      await switchLanguage(page, language)
    },
  },
]

export const drillScreens: AppScreen[] = [
  {
    name: 'drill: instructions',
    prompt: true,
    alsoInEnglish: true,
    async open(page, language) {
      await drillPage(page, language, 'AX21')
      await expect(page.getByRole('button', { name: /^(Begin|Start)$/ })).toBeVisible()
    },
  },
  {
    name: 'drill: trial',
    // A picture to swipe: no words on it but the progress, which a screen reader announces.
    prompt: false,
    async open(page, language) {
      await drillPage(page, language, 'AX22')
      await page.getByRole('button', { name: /^(Begin|Start)$/ }).click()
      await expect(page.locator('.stimulus-frame[data-onset]')).toBeVisible()
    },
  },
  {
    name: 'drill: done',
    prompt: true,
    async open(page, language, context) {
      await drillPage(page, language, 'AX23')
      await playDrill(page, await context.newCDPSession(page), followRule)
      await expect(page.getByTestId('drill-done')).toBeVisible()
      // The one thing to do shows on the phone without scrolling.
      await expect(page.getByTestId('drill-done').locator('.send button.primary')).toBeInViewport({ ratio: 1 })
    },
  },
  {
    name: 'drill: stopped for now',
    prompt: true,
    async open(page, language) {
      await drillPage(page, language, 'AX25')
      await page.getByRole('button', { name: /^(Stop voor nu|Stop for now)$/ }).click()
      await expect(page.getByTestId('drill-paused')).toBeVisible()
    },
  },
  {
    name: 'drill: welcome back',
    prompt: true,
    async open(page, language) {
      await drillPage(page, language, 'AX24')
      await expect(page.getByRole('button', { name: /^(Begin|Start)$/ })).toBeVisible()
      // Coming back to an unfinished drill.
      await page.reload()
      await expect(page.getByTestId('drill-welcome-back')).toBeVisible()
    },
  },
  {
    name: 'drill: no session to go on with',
    prompt: true,
    async open(page, language) {
      await page.goto(`/drill.html${language === 'en' ? '?lang=en' : ''}`)
      await expect(page.locator('.drill-message')).toBeVisible()
    },
  },
]

export const vrScreens: AppScreen[] = [
  {
    name: "VR child's-eye: 2D start screen",
    prompt: true,
    async open(page, language) {
      await chose(page, 'AX31', trainerLink('?speed=10'))
      await page.getByRole('button', { name: /^Door de ogen van Joris/ }).click()
      await switchLanguage(page, language)
      await page.getByRole('button', { name: /^(Begin|Start)$/ }).click()
      await expect(page.locator('.vr-start')).toBeVisible()
      await expect(page.locator('.vr-start button:not([disabled])').first()).toBeVisible({ timeout: 20_000 })
    },
  },
]

/** The avatar builder and the meeting's start screen (where the microphone is asked for) of the future-self scene. */
async function futureSelfAvatar(page: Page, language: Language) {
  await chose(page, 'AX41', trainerLink('?speed=10'))
  await page.getByRole('button', { name: /^Ontmoet jezelf, later/ }).click()
  await switchLanguage(page, language)
  await page.getByRole('button', { name: /^(Begin|Start)$/ }).click()
  await expect(page.getByTestId('avatar-canvas')).toBeVisible()
}

export const futureSelfScreens: AppScreen[] = [
  { name: 'future self: avatar builder', prompt: true, open: (page, language) => futureSelfAvatar(page, language) },
  {
    name: 'future self: 2D start screen',
    prompt: true,
    async open(page, language) {
      await futureSelfAvatar(page, language)
      await page.getByRole('button', { name: /^(Klaar, begin|Done, start)$/ }).click()
      await expect(page.locator('.vr-start')).toBeVisible()
      await expect(page.getByTestId('microphone-state')).toBeVisible()
      await expect(page.locator('.vr-start button:not([disabled])').first()).toBeVisible({ timeout: 20_000 })
    },
  },
]

/** The trainer's debrief page, empty and with a questionnaire session opened. */
export const debriefScreens: AppScreen[] = [
  {
    name: 'debrief: empty',
    prompt: false,
    async open(page, language) {
      await page.goto(`/debrief.html${language === 'en' ? '?lang=en' : ''}`)
      await expect(page.getByTestId('import-input')).toBeAttached()
    },
  },
  {
    name: 'debrief: a client with drill, VR and follow-up sessions',
    prompt: false,
    async open(page, language) {
      await page.goto(`/debrief.html${language === 'en' ? '?lang=en' : ''}`)
      const files = [drillBundle(40), childEyeBundle(), followUpBundle(), questionnaireBundle()].map((b, i) => ({ name: `s${i}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(b)) }))
      await page.getByTestId('import-input').setInputFiles(files)
      await expect(page.getByTestId('session-report')).toHaveCount(4)
    },
  },
  {
    // One session file opened the way a trainer does: the message about the file, then its report.
    name: 'debrief: one session file opened',
    prompt: false,
    alsoInEnglish: true,
    async open(page, language) {
      await page.goto(`/debrief.html${language === 'en' ? '?lang=en' : ''}`)
      await upload(page, [jsonUpload('sessie.json', questionnaireBundle())])
      await expect(page.getByTestId('file-messages').locator('li[data-outcome="added"]')).toBeVisible()
      await expect(page.getByTestId('session-report')).toHaveCount(1)
    },
  },
]

export const allScreens: AppScreen[] = [...lobbyScreens, ...drillScreens, ...vrScreens, ...futureSelfScreens, ...debriefScreens, ...allianceScreens]
