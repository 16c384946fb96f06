/**
 * The phone drill page's composition root: storage, the drill machine, the DOM renderer and the exports.
 *
 * Loading is on the clock (a cheap phone on a slow line, README "Bench"): the entry holds only what the first
 * trial needs. The done screen with its exports (encryption, Psych-DS zip, CSV) and the service worker's
 * registration are loaded after the first trial is ready, and the first pictures are fetched while the runtime
 * writes its first record. The lazily loaded chunks are in the service worker's precache like every other file.
 */
import scenes from 'virtual:perspectief/drill-scenes'
import { closeWithReason } from '../state/closeSession.ts'
import { newSessionId } from '../state/sessionId.ts'
import { realClock, timeScaleFrom } from '../engine/clock.ts'
import { drillMachine, type DrillContext, type DrillInputEvent } from '../engine/drill/drillMachine.ts'
import { hashToUint32 } from '../engine/drill/seededRandom.ts'
import { checkEnvelope } from '../engine/envelope.ts'
import { createMachineRuntime, type RuntimeView } from '../engine/runtime.ts'
import type { Language } from '../script/localized.ts'
import { startLanguage } from '../i18n/rememberedLanguage.ts'
import { openIndexedDbStore, StorageUnavailableError } from '../storage/indexedDbStore.ts'
import type { SessionStore } from '../storage/sessionStore.ts'
import type { BundledScene } from '../script/bundledScene.ts'
import { drillInputFor } from '../drill/drillPlan.ts'
import { buildSessionBundle, bundleFileName } from '../export/sessionBundle.ts'
import { downloadFile } from '../export/downloadFile.ts'
import { el, messageScreen, textFor } from '../drill/drillScreen.ts'
import { showOnNextFrame } from '../drill/onsetFrame.ts'
import { watchPaints } from '../drill/paintTime.ts'
import { createStage } from '../drill/stage.ts'
import { createStimulusLoader } from '../drill/stimulusLoader.ts'
import { listenForSwipe } from '../drill/swipeGesture.ts'
import '../drill/drill.css'

const root = document.getElementById('drill')!
const query = new URLSearchParams(location.search)
const language: Language = startLanguage('perspectief.language', location.search)
document.documentElement.lang = language
const t = textFor(language)
const lobbyUrl = `./${language === 'en' ? '?lang=en' : ''}`
const backLink = () => el('a', { className: 'button primary', href: lobbyUrl, textContent: t('backToStart') })
/** The lobby with an unfinished drill left for later: it opens on the scenario list instead of sending the client back here. */
const laterUrl = `./?later=1${language === 'en' ? '&lang=en' : ''}`
const laterLink = () => el('a', { className: 'button secondary big', href: laterUrl, textContent: t('drillLater') })
/** The done screen and its exports: needed at the end only, so outside the entry (fetched early by `afterFirstTrialReady`). */
const doneScreen = () => import('./drillDoneScreen.ts')

async function boot() {
  messageScreen(root, t('drillLoading'), [], [], language)
  let store: SessionStore
  try {
    store = await openIndexedDbStore()
  } catch (cause) {
    // Blocked by another open tab: the session is still on the device, so trying again picks it up where it was.
    if (cause instanceof StorageUnavailableError && cause.reason === 'blocked') {
      const again = el('button', { type: 'button', className: 'primary big', textContent: t('tryAgain') })
      again.addEventListener('click', () => void boot(), { once: true })
      messageScreen(root, t('storageBlockedTitle'), [t('storageBlockedBody'), t('storageBlockedAdvice')], [again, backLink()], language)
    } else messageScreen(root, t('storageProblemTitle'), [t('drillNeedsStorage')], [backLink()], language)
    return
  }
  const sessionId = query.get('session') ?? (await store.getSetting('activeSessionId'))
  const meta = sessionId ? await store.getSession(sessionId) : undefined
  const scene = scenes.find((s) => s.script.id === meta?.sceneId && s.script.kind === 'drill')
  if (!meta || meta.status !== 'active' || !scene) {
    messageScreen(root, t('appName'), [t('drillNoSession')], [backLink()], language)
    return
  }
  const envelope = await store.loadSnapshot(meta.id)
  if (envelope) {
    const check = checkEnvelope(envelope, { sceneId: scene.script.id, scriptHash: scene.hash })
    if (!check.ok) {
      await closeWithReason(store, realClock, meta, check.reason)
      messageScreen(root, t('appName'), [t('drillClosed', { reason: check.reason })], [backLink()], language)
      return
    }
  }
  const photos = meta.params.ownPhotos === true ? await store.listPhotos() : []
  const urls = new Map<string, string>()
  for (const p of scene.stimulusSets[String(meta.params.stimulusSet)] ?? []) urls.set(p.id, p.url)
  // Own photos are shown from blob: URLs made here; the photo itself never enters the log or an export.
  for (const p of photos) urls.set(`own-${p.id}`, URL.createObjectURL(p.blob))

  const input = drillInputFor({
    scene,
    params: meta.params,
    clientCode: meta.clientCode,
    sessionId: meta.id,
    ownPhotos: photos.map((p) => ({ id: `own-${p.id}`, category: p.category })),
    seed: hashToUint32(newSessionId()),
    startedAt: realClock.now(),
    timeScale: timeScaleFrom(location.search, __TEST_MODE__),
  })
  const runtime = createMachineRuntime<DrillContext, DrillInputEvent>({
    machine: drillMachine,
    sceneId: scene.script.id,
    scriptHash: scene.hash,
    appVersion: __APP_VERSION__,
    sessionId: meta.id,
    persistence: store,
    clock: realClock,
    input,
    resumeFrom: envelope,
  })
  // A new drill's order is its plan: its first pictures are fetched while the runtime writes its first record,
  // not one round trip after it. A resumed drill's place is in its snapshot, known once the runtime has started.
  const planned = envelope ? null : createStimulusLoader(urls, input.trials.map((trial) => trial.stimulus))
  const begin = async () => {
    // Coming back, the drill starts paused, so a deadline from before the page closed never fires as a timeout.
    await Promise.all([runtime.start(envelope ? { type: 'pause', reason: 'came-back' } : undefined), planned?.firstReady(3)])
    const first = runtime.getView()!
    const loader = planned ?? createStimulusLoader(urls, first.context.trials.slice(first.context.index).map((trial) => trial.stimulus))
    // "Begin" shows only once the first pictures are decoded: the first trial is then ready, not merely the page.
    await loader.firstReady(3)
    if (first.state === 'paused') await runtime.send({ type: 'continue', beat: first.beat })
    run(runtime, loader, scene, store, meta.id)
  }
  if (!envelope) return begin()
  // Nothing runs until the client taps "Ga verder": no picture, no timer.
  const goOn = el('button', { type: 'button', className: 'primary big', textContent: t('drillGoOn') })
  goOn.addEventListener('click', () => void begin(), { once: true })
  messageScreen(root, t('drillWelcomeBackTitle'), [t('drillWelcomeBackBody')], [goOn, laterLink()], language)
  root.querySelector('section')?.setAttribute('data-testid', 'drill-welcome-back')
}

/** An arrow picture: up (away from you) or down (towards you). */
function arrow(direction: 'push' | 'pull'): SVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg')
  svg.setAttribute('viewBox', '0 0 40 60')
  svg.setAttribute('width', '40')
  svg.setAttribute('height', '60')
  svg.setAttribute('aria-hidden', 'true')
  svg.setAttribute('class', `rule-arrow rule-arrow-${direction === 'push' ? 'up' : 'down'}`)
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path')
  path.setAttribute('d', direction === 'push' ? 'M20 4 L36 24 H26 V56 H14 V24 H4 Z' : 'M20 56 L36 36 H26 V4 H14 V36 H4 Z')
  path.setAttribute('fill', 'currentColor')
  svg.append(path)
  return svg
}

type RuleShown = { kind: 'content'; reversed: boolean } | { kind: 'tilt'; leftMeans: 'push' | 'pull' }

/** The block's rule as pictures with words: what to swipe which way, every time a block begins. */
function ruleCard(rule: RuleShown): HTMLElement {
  const other = (move: 'push' | 'pull') => (move === 'push' ? 'pull' : 'push')
  const rows: [string, 'push' | 'pull', string][] =
    rule.kind === 'content'
      ? [
          [t('drillRuleAlcohol'), rule.reversed ? 'pull' : 'push', 'alcohol'],
          [t('drillRuleSoft'), rule.reversed ? 'push' : 'pull', 'soft'],
        ]
      : [
          [t('drillRuleTiltLeft'), rule.leftMeans, 'left'],
          [t('drillRuleTiltRight'), other(rule.leftMeans), 'right'],
        ]
  const list = el('ul', { className: 'rule-card' })
  for (const [what, move, key] of rows) {
    const item = el('li', {}, arrow(move), el('span', { textContent: `${what}: ${t(move === 'push' ? 'drillRuleUp' : 'drillRuleDown')}` }))
    item.dataset.rule = key
    item.dataset.move = move
    list.append(item)
  }
  const card = el('section', { className: 'rule' }, el('h2', { textContent: t('drillRuleTitle') }), list)
  card.dataset.testid = 'drill-rule'
  return card
}

type Runtime = ReturnType<typeof createMachineRuntime<DrillContext, DrillInputEvent>>

function run(runtime: Runtime, loader: ReturnType<typeof createStimulusLoader>, scene: BundledScene, store: SessionStore, sessionId: string) {
  const settings = scene.script.drill!
  const line = (id: string) => scene.script.lines[id]?.[language] ?? id
  const stage = createStage()
  const exitPx = () => Math.max(60, window.innerHeight * settings.exitFraction)
  let shownBeat: string | null = null

  const swipe = listenForSwipe(stage.area, {
    initiationPx: settings.initiationPx,
    exitPx,
    onMove: (offset) => stage.follow(offset, exitPx()),
    onCancel: () => stage.settle(),
    onSwipe: (result) => {
      const beat = runtime.getView()!.beat
      stage.leave(result.response)
      void runtime.send({ type: 'response', beat, ...result })
    },
  })

  // A full or refusing device mid-session: the records stay in memory; offer a file at once and a retry.
  const storageBanner = el('div', { className: 'storage-banner', role: 'alert' })
  const showStorageProblem = (reason: string | null) => {
    if (!reason) return storageBanner.remove()
    const exportNow = el('button', { type: 'button', className: 'primary', textContent: t('exportNow') })
    exportNow.addEventListener('click', async () => {
      const meta = (await store.getSession(sessionId))!
      const bundle = buildSessionBundle({ meta, events: await store.events(sessionId).catch(() => []), unsaved: runtime.unsavedRecords(), appVersion: __APP_VERSION__ })
      downloadFile(bundleFileName(bundle), JSON.stringify(bundle, null, 2))
    })
    const retry = el('button', { type: 'button', className: 'secondary', textContent: t('retry') })
    retry.addEventListener('click', () => void runtime.retry())
    storageBanner.replaceChildren(el('p', { textContent: t('storageFailedDuringSession', { reason }) }), el('div', { className: 'actions' }, exportNow, retry))
    if (!document.body.contains(storageBanner)) document.body.append(storageBanner)
  }

  // A way out on every drill screen: the session pauses, every committed trial stays.
  const stop = el('button', { type: 'button', className: 'secondary drill-stop', textContent: t('drillStop') })
  stop.dataset.testid = 'drill-stop'
  stop.addEventListener('click', () => void runtime.send({ type: 'pause', reason: 'client-stop' }))
  document.body.append(stop)

  const render = (view: RuntimeView<DrillContext>) => {
    const { context } = view
    const trial = context.trials[context.index]!
    showStorageProblem(view.storageError)
    if (view.status === 'completed') {
      swipe.dispose()
      stop.remove()
      void doneScreen().then(({ showDoneScreen }) => showDoneScreen(root, { store, sessionId, language, line, lobbyUrl }))
      return
    }
    stop.hidden = view.state === 'paused'
    if (view.state === 'paused') {
      swipe.disarm()
      shownBeat = null
      const goOn = el('button', { type: 'button', className: 'primary big', textContent: t('drillGoOn') })
      goOn.addEventListener('click', () => void runtime.send({ type: 'continue', beat: view.beat }), { once: true })
      messageScreen(root, t('drillPausedTitle'), [t('drillPausedBody')], [goOn, laterLink()], language)
      root.querySelector('section')?.setAttribute('data-testid', 'drill-paused')
      return
    }
    if (view.state === 'intro' || view.state === 'introAgain') {
      swipe.disarm()
      const relevant = trial.tilt === undefined
      // Every block states its rule in full; after a reversed half the standard rule is announced as a change too.
      const afterReversed = context.trials[context.index - 1]?.rule === 'reversed' && trial.rule === 'standard'
      const introId = !relevant ? `intro-${trial.block}-irrelevant` : trial.rule === 'reversed' ? 'intro-assessment-reversed' : afterReversed ? 'intro-assessment-again' : `intro-${trial.block}`
      const rule = relevant ? [] : [line(context.plan.leftMeans === 'pull' ? 'rule-left-pull' : 'rule-left-push')]
      const intro = line(introId)
      const begin = el('button', { type: 'button', className: 'primary big', textContent: t('drillBegin') })
      begin.addEventListener('click', () => void runtime.send({ type: 'continue', beat: view.beat }), { once: true })
      messageScreen(root, scene.script.title[language], [intro, ...rule, t('drillSwipeHint')], [begin], language)
      const card = ruleCard(relevant ? { kind: 'content', reversed: trial.rule === 'reversed' } : { kind: 'tilt', leftMeans: context.plan.leftMeans === 'pull' ? 'pull' : 'push' })
      root.querySelector('.drill-message .actions')?.before(card)
      return
    }
    if (!root.contains(stage.root)) root.replaceChildren(stage.root)
    const inBlock = context.trials.filter((x) => x.block === trial.block)
    stage.setProgress(trial.trial, inBlock.length, t('drillProgress', { n: trial.trial, total: inBlock.length }))
    if (view.state === 'fixation') {
      swipe.disarm()
      shownBeat = null
      stage.fixation()
    } else if (view.state === 'stimulus' && shownBeat !== view.beat) {
      shownBeat = view.beat
      const beat = view.beat
      void loader.get(trial.stimulus).then(async (img) => {
        const onset = await showOnNextFrame(() => {
          stage.show(img, trial.stimulus, trial.category, trial.tilt)
          swipe.arm()
        })
        stage.markOnset(onset.onsetMs)
        const shown = runtime.send({ type: 'shown', beat, ...onset })
        awaitingPaint = { img, beat, shown }
        await shown
      })
    } else if (view.state === 'feedback') {
      swipe.disarm()
      stage.clear()
      stage.say(line(context.feedback === 'timeout' ? 'feedback-timeout' : 'feedback-wrong'), 'feedback')
    }
  }
  // The picture's paint time, where the browser reports it, recorded after its onset (the trial row's painted_ms).
  let awaitingPaint: { img: HTMLImageElement; beat: string; shown: Promise<unknown> } | null = null
  watchPaints((element, renderTime) => {
    const waiting = awaitingPaint
    if (!waiting || element !== waiting.img) return
    awaitingPaint = null
    void waiting.shown.then(() => runtime.send({ type: 'painted', beat: waiting.beat, paintedMs: renderTime }))
  })
  runtime.subscribe(render)
  render(runtime.getView()!)
}

/**
 * After the first trial is ready (or boot stopped at a message): the done screen's chunk is fetched now, while
 * the client reads the instruction, so the end of the drill never waits for the network; and the service
 * worker is registered (caches the drill for offline use; an update waits until the client is back in the lobby).
 */
function afterFirstTrialReady() {
  void doneScreen().catch(() => undefined)
  void import('./serviceWorker.ts').then(({ registerServiceWorker }) => registerServiceWorker())
}

void boot().finally(afterFirstTrialReady)
