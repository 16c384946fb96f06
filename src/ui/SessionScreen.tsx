import { Suspense, useEffect, useRef, type ComponentType, type MouseEvent } from 'react'
import type { AvatarChoices } from '../avatar/avatarChoices.ts'
import type { RuntimeView } from '../engine/runtime.ts'
import type { SceneInputEvent } from '../engine/sceneTypes.ts'
import type { BundledScene } from '../script/bundledScene.ts'
import type { Language } from '../script/localized.ts'
import { useApp } from '../state/appStore.ts'
import { leaveSession } from '../state/sessionActions.ts'
import { exportDataset, exportSession } from '../state/exportActions.ts'
import { EncryptedExport } from './EncryptedExport.tsx'
import { MoreFiles } from './MoreFiles.tsx'
import { useLanguage } from '../i18n/languageStore.ts'
import { useT } from '../i18n/useT.ts'
import { ItemScreen, type ItemAnswer } from './questionnaire/ItemScreen.tsx'
import { Layout } from './Layout.tsx'
import { ReadAloudButton } from '../widgets/ReadAloudButton.tsx'
import { stoppedState } from '../compile/toMachineConfig.ts'

/** What the session screen hands the VR view of a `kind: vr` scene. */
export interface VrViewProps {
  scene: BundledScene
  view: RuntimeView
  language: Language
  avatar: AvatarChoices | null
  send(input: SceneInputEvent): void
}

/**
 * Renders the committed beat of the running 2D scene; input goes to the runtime with its event time.
 * A VR scene is drawn by `VrView`, which the composition root passes in (xr/VrSession.tsx, loaded lazily so that
 * three.js and the XR stack load only when a VR scene starts); screens do not import each other.
 */
export function SessionScreen({ VrView }: { VrView: ComponentType<VrViewProps> }) {
  const t = useT()
  const language = useLanguage((s) => s.language)
  const running = useApp((s) => s.running)
  const view = useApp((s) => s.view)
  const notice = useApp((s) => s.notice)
  const memoryOnly = useApp((s) => s.memoryOnly)
  const shownAt = useRef(0)
  const beatId = view?.beat
  useEffect(() => {
    shownAt.current = performance.now()
  }, [beatId])
  if (!running || !view) return null
  const { script } = running.scene
  const beat = script.beats.find((b) => b.id === view.beat)
  if (!beat) return null
  const latency = (timeStamp: number) => Math.max(0, Math.round(timeStamp - shownAt.current))
  const line = beat.say ? script.lines[beat.say] : undefined
  const done = view.status === 'completed'

  if (script.kind === 'vr') {
    return (
      <div className="vr-page" data-beat={view.beat} data-testid="beat">
        <Suspense fallback={<p className="loading">{t('loading')}</p>}>
          <VrView scene={running.scene} view={view} language={language} avatar={running.meta.avatar ?? null} send={(input) => void running.runtime.send(input)} />
        </Suspense>
        {done && (
          <section className="vr-done" data-testid="vr-done">
            <h1>{view.state === stoppedState ? t('stoppedTitle') : t('doneTitle')}</h1>
            <DoneActions sessionId={running.meta.id} stopped={view.state === stoppedState} />
          </section>
        )}
      </div>
    )
  }

  const onContinue = (e: MouseEvent) => void running.runtime.send({ type: 'continue', beat: beat.id, latencyMs: latency(e.timeStamp) }, e.timeStamp)
  const onAnswer = (a: ItemAnswer) =>
    void running.runtime.send({ type: 'answered', beat: beat.id, item: beat.ask!, value: a.value, latencyMs: latency(a.timeStamp) }, a.timeStamp)

  return (
    <Layout title={done ? (view.state === stoppedState ? t('stoppedTitle') : t('doneTitle')) : script.title[language]}>
      <div data-beat={view.beat} data-testid="beat">
        {notice === 'resumed' && !done && (
          <p role="status" className="notice" data-testid="resumed-notice">
            {t('resumedNotice')}
          </p>
        )}
        {memoryOnly && !done && (
          <button type="button" className="secondary" onClick={() => void exportSession(running.meta.id)}>
            {t('exportNow')}
          </button>
        )}
        {view.storageError && (
          <div role="alert" className="warning">
            <p>{t('storageFailedDuringSession', { reason: view.storageError })}</p>
            <div className="actions">
              <button type="button" className="primary" onClick={() => void exportSession(running.meta.id)}>
                {t('exportNow')}
              </button>
              <button type="button" className="secondary" onClick={() => void running.runtime.retry()}>
                {t('retry')}
              </button>
            </div>
          </div>
        )}
        {beat.ask && script.items[beat.ask] && <ItemScreen key={beat.id} itemId={beat.ask} item={script.items[beat.ask]!} onAnswer={onAnswer} />}
        {line && (
          <section className="line">
            <p className="prompt">{line[language]}</p>
            <ReadAloudButton text={line[language]} />
          </section>
        )}
        {!done && !beat.ask && beat.wait === undefined && (
          <button type="button" className="primary" onClick={onContinue}>
            {t('next')}
          </button>
        )}
        {!done && beat.wait !== undefined && (
          <p className="hint" aria-live="polite">
            {t('waiting')}
          </p>
        )}
        {done && (
          <section>
            <DoneActions sessionId={running.meta.id} stopped={view.state === stoppedState} />
          </section>
        )}
      </div>
    </Layout>
  )
}

/**
 * The end of any scene: what happened to the data, one big button to send the protected file to the trainer, the
 * way back, and the other files under "Meer" (the same pattern as the drill's done screen).
 */
function DoneActions({ sessionId, stopped = false }: { sessionId: string; stopped?: boolean }) {
  const t = useT()
  return (
    <>
      <p>{stopped ? t('stoppedBody') : t('doneBody')}</p>
      <EncryptedExport sessionId={sessionId} />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void leaveSession()}>
          {t('backToStart')}
        </button>
      </div>
      <MoreFiles>
        <button type="button" className="secondary" onClick={() => void exportSession(sessionId)}>
          {t('exportSession')}
        </button>
        <button type="button" className="secondary" onClick={() => void exportDataset(sessionId)}>
          {t('exportPsychDs')}
        </button>
      </MoreFiles>
    </>
  )
}
