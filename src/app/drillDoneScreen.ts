import { remindersIcs } from '../export/calendarIcs.ts'
import { downloadFile } from '../export/downloadFile.ts'
import { drillCsv, psychDsFileName } from '../export/psychDsCsv.ts'
import { shareOrDownload } from '../export/shareFile.ts'
import { isFirstTestAttempt } from '../log/aatScore.ts'
import { median } from '../log/stats.ts'
import { drillRows } from '../log/drillRows.ts'
import { drillSchedule } from '../log/drillSchedule.ts'
import type { DrillMode, DrillTrialRow } from '../log/drillTrial.ts'
import type { Language } from '../script/localized.ts'
import type { SessionMeta, SessionStore } from '../storage/sessionStore.ts'
import { el, messageScreen, textFor } from '../drill/drillScreen.ts'
import { collectBundle, encryptedTransferFile, jsonFile, psychDsFile } from '../export/sessionExports.ts'

interface DoneArgs {
  store: SessionStore
  sessionId: string
  language: Language
  line(id: string): string
  lobbyUrl: string
}

async function rowsOf(store: SessionStore, meta: SessionMeta): Promise<DrillTrialRow[]> {
  return drillRows(await store.events(meta.id), {
    clientCode: meta.clientCode,
    sessionNumber: meta.sessionNumber ?? 1,
    sceneId: meta.sceneId,
    mode: meta.params.mode as DrillMode,
  })
}

/** Speed and accuracy in plain words, compared with last time, but no points or streaks: a game would change the measure. */
function feedbackWords(rows: DrillTrialRow[], previous: DrillTrialRow[] | null, language: Language): string[] {
  const t = textFor(language)
  const firstTries = rows.filter(isFirstTestAttempt)
  const correct = firstTries.filter((r) => r.correct).length
  const seconds = (rts: DrillTrialRow[]) => {
    const middle = median(rts.filter((r) => isFirstTestAttempt(r) && r.correct && r.rt_initiation_ms !== null).map((r) => r.rt_initiation_ms!))
    if (middle === null) return null
    return (middle / 1000).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 2 })
  }
  const words = [t('drillScoreAccuracy', { correct, total: firstTries.length })]
  const now = seconds(rows)
  if (now) words.push(t('drillScoreSpeed', { seconds: now }))
  const before = previous ? seconds(previous) : null
  if (before) words.push(t('drillScoreCompare', { seconds: before }))
  return words
}

export async function showDoneScreen(root: HTMLElement, args: DoneArgs): Promise<void> {
  const { store, language } = args
  const t = textFor(language)
  const meta = (await store.getSession(args.sessionId))!
  if ((await store.getSetting('activeSessionId')) === meta.id) await store.setSetting('activeSessionId', null)
  const mine = (await store.listSessions()).filter((s) => s.clientCode === meta.clientCode && s.sceneId === meta.sceneId && s.status === 'completed').sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  const rows = await rowsOf(store, meta)
  const earlier = mine.filter((s) => s.createdAt < meta.createdAt).at(-1)
  const previous = earlier ? await rowsOf(store, earlier) : null
  const schedule = drillSchedule(mine.map((s) => s.createdAt), new Date())
  const dateText = (d: Date) => d.toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long' })

  // How it went stays above the one thing to do; the plan and the encouragement follow the button, so that on a
  // phone the button shows without scrolling (it fell below the fold when all six paragraphs came first).
  const paragraphs = [args.line('done'), ...feedbackWords(rows, previous, language)]
  const plan = [
    t('drillSessionsDone', { done: schedule.done, planned: schedule.planned }),
    schedule.nextDue ? t('drillNextDue', { date: dateText(schedule.nextDue) }) : t('drillPlanDone'),
    t('drillEncourage'),
  ]
  const exportJson = el('button', { type: 'button', className: 'primary', textContent: t('exportSession') })
  exportJson.addEventListener('click', async () => {
    const file = jsonFile(await collectBundle(store, meta))
    downloadFile(file.name, file.content, file.type)
  })
  // One thing for the client to do: send the protected file to their trainer. The rest waits under "Meer".
  const exportEncrypted = el('button', { type: 'button', className: 'primary big', textContent: t('sendToTrainer') })
  const passphraseSlot = el('div', { className: 'passphrase-slot' })
  exportEncrypted.addEventListener('click', async () => {
    exportEncrypted.disabled = true
    passphraseSlot.replaceChildren(el('p', { role: 'status', textContent: t('encrypting') }))
    const { file, passphrase } = await encryptedTransferFile(await collectBundle(store, meta))
    passphraseSlot.replaceChildren(passphraseBox(passphrase, language, () => exportEncrypted.removeAttribute('disabled')))
    await shareOrDownload(file.name, file.content, file.type)
  })
  const exportCsv = el('button', { type: 'button', className: 'secondary', textContent: t('drillExportCsv') })
  exportCsv.addEventListener('click', () => downloadFile(psychDsFileName(meta.clientCode, meta.sessionNumber ?? 1, meta.sceneId), drillCsv(rows), 'text/csv'))
  const exportZip = el('button', { type: 'button', className: 'secondary', textContent: t('exportPsychDs') })
  exportZip.addEventListener('click', async () => {
    const file = psychDsFile(await collectBundle(store, meta))
    downloadFile(file.name, file.content, file.type)
  })
  const send = el('div', { className: 'send' }, el('p', { textContent: t('sendToTrainerExplain') }), exportEncrypted, passphraseSlot)
  const more = el('details', { className: 'more' }, el('summary', { textContent: t('moreFiles') }), el('p', { className: 'hint', textContent: t('moreFilesExplain') }), el('div', { className: 'actions' }, exportJson, exportCsv, exportZip))
  const actions: HTMLElement[] = [send, el('div', { className: 'plan' }, ...plan.map((p) => el('p', { textContent: p })))]
  const remaining = schedule.dueDates.slice(schedule.done)
  if (remaining.length > 0) {
    const calendar = el('button', { type: 'button', className: 'secondary', textContent: t('drillCalendar') })
    calendar.addEventListener('click', () =>
      downloadFile(
        'perspectief-training.ics',
        // What shows on a locked phone: never what the exercise is about.
        remindersIcs({ dates: remaining, time: '19:00', title: t('drillReminderTitle'), description: t('drillReminderTitle'), uidPrefix: `training-${meta.sceneId}` }),
        'text/calendar',
      ),
    )
    actions.push(calendar)
  }
  actions.push(el('a', { className: 'button secondary', href: args.lobbyUrl, textContent: t('backToStart') }), more)
  messageScreen(root, t('doneTitle'), paragraphs, actions, language, plan)
  root.querySelector('section')?.setAttribute('data-testid', 'drill-done')
}

/**
 * The passphrase, shown once: large, word by word, with a button that takes it off the screen for good. It is
 * kept nowhere else, so a lost passphrase means a new export.
 */
function passphraseBox(passphrase: string, language: Language, onGone: () => void): HTMLElement {
  const t = textFor(language)
  const words = el('p', { className: 'passphrase', textContent: passphrase })
  words.dataset.testid = 'passphrase'
  const done = el('button', { type: 'button', className: 'secondary', textContent: t('passphraseDone') })
  const box = el('section', { className: 'passphrase-box' }, el('h2', { textContent: t('passphraseTitle') }), el('p', { textContent: t('passphraseExplain') }), words, done)
  box.setAttribute('aria-live', 'polite')
  done.addEventListener('click', () => {
    box.replaceChildren(el('p', { role: 'status', textContent: t('passphraseGone') }))
    onGone()
  })
  return box
}
