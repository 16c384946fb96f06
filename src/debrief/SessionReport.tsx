import { useCallback } from 'react'
import { useLanguage } from '../i18n/languageStore.ts'
import { useT } from '../i18n/useT.ts'
import { beforeAfterPoints, spokenAnswerCounts } from './beforeAfter.ts'
import { dwellChart } from './charts/dwellChart.ts'
import { measuresChart } from './charts/measuresChart.ts'
import { timelineChart, type TimelineSpan } from './charts/timelineChart.ts'
import { trainerNotes } from './trainerNotes.ts'
import { formatDate, formatNumber } from './format.ts'
import { PlotFigure } from './PlotFigure.tsx'
import type { SceneLookup } from './sceneInfo.ts'
import type { SessionFacts } from './sessionFacts.ts'

/** One session's page of the report: header, data quality, results, charts, the client's own words. */
export function SessionReport({ facts, followUpOf, lookup, onRemove }: { facts: SessionFacts; followUpOf: SessionFacts | null; lookup: SceneLookup; onRemove(): void }) {
  const t = useT()
  const language = useLanguage((s) => s.language)
  const { bundle, drill, scene } = facts
  const info = lookup(bundle.scene.id)
  const title = info?.title[language] ?? bundle.scene.id
  const titleOf = (id: string) => lookup(id)?.title[language] ?? id
  const score = drill?.score

  const spans: TimelineSpan[] = scene
    ? [
        ...scene.beats.map((b, i) => ({ row: b.beat, from: b.atMs / 1000, to: (scene.beats[i + 1]?.atMs ?? facts.durationMs) / 1000, kind: 'beat' as const })),
        ...scene.pauses.map((p) => ({ row: `‖ ${p.beat}`, from: p.atMs / 1000, to: (p.atMs + (p.pausedMs ?? 0)) / 1000, kind: 'pause' as const })),
      ]
    : []
  const showTimeline = scene && (info?.kind === 'vr' || scene.pauses.length > 0 || facts.dwell.length > 0) && spans.length > 0
  const notes = trainerNotes(bundle.events)
  const buildTimeline = useCallback(() => timelineChart(spans, t('chartTimelineAxis'), notes.map((n) => ({ row: t('trainerNotesRow'), at: n.atMs / 1000, text: n.text }))), [facts, language])
  const buildDwell = useCallback(() => dwellChart(facts.dwell, t('chartDwellAxis')), [facts, language])
  const beforeAfter = scene ? beforeAfterPoints(scene.answers, { before: t('measureBefore'), after: t('measureAfter') }) : []
  const buildBeforeAfter = useCallback(() => measuresChart(beforeAfter, t('chartMeasuresAxis')), [facts, language])
  const spoken = spokenAnswerCounts(bundle.events)

  return (
    <article className="session-report" data-testid="session-report" data-session={bundle.session.id}>
      <h3>
        {title} · {formatDate(bundle.session.createdAt, language)}
      </h3>
      {followUpOf && (
        <p className="follow-up" data-testid="follow-up">
          {t('reportFollowUp', { scene: titleOf(followUpOf.bundle.scene.id), date: formatDate(followUpOf.bundle.session.createdAt, language) })}
        </p>
      )}
      <dl className="report-header">
        <dt>{t('reportCode')}</dt>
        <dd>{bundle.session.clientCode}</dd>
        <dt>{t('reportDate')}</dt>
        <dd>{formatDate(bundle.session.createdAt, language)}</dd>
        <dt>{t('reportScenario')}</dt>
        <dd>
          {title} ({bundle.scene.id}, {t('chartSession').toLowerCase()} {facts.sessionNumber})
        </dd>
        <dt>{t('reportVersions')}</dt>
        <dd>
          scene v{bundle.scene.version} · {bundle.scene.hash.slice(0, 8)} · app {bundle.appVersion} · schema {bundle.schemaVersion}
        </dd>
        <dt>{t('reportDuration')}</dt>
        <dd data-testid="duration" data-value={facts.durationMs}>
          {t('reportMinutes', { n: formatNumber(facts.durationMs / 60000, language, 1) })}
        </dd>
      </dl>

      <section className="report-block">
        <h4>{t('reportQuality')}</h4>
        <ul>
          {score && (
            <>
              <li>
                {t('reportTrials')}: <span data-testid="trials-total" data-value={score.trials.total}>{score.trials.total}</span>
              </li>
              <li>
                {t('reportValidTrials')}: <span data-testid="trials-scored" data-value={score.trials.scored}>{score.trials.scored}</span>
              </li>
              <li>
                {t('reportExclusions')}:{' '}
                {[
                  t('reportExPractice', { n: score.trials.practice }),
                  t('reportExRepeats', { n: score.trials.repeats }),
                  t('reportExErrors', { n: score.trials.errors }),
                  t('reportExFloor', { n: score.trials.belowFloor, ms: score.options.floorMs }),
                  t('reportExOutliers', { n: score.trials.outliers, sd: score.options.outlierSd }),
                  t('reportExMissing', { n: score.trials.missingRt }),
                ].join('; ')}
              </li>
            </>
          )}
          {scene && (
            <li>
              {t('reportPauses')}:{' '}
              <span data-testid="pauses" data-value={scene.pauses.length}>
                {scene.pauses.length === 0
                  ? t('reportNoPauses')
                  : scene.pauses
                      .map((p) => t('reportPauseLine', { beat: p.beat, reason: p.reason, state: p.resumed ? t('reportPauseResumed', { s: formatNumber((p.pausedMs ?? 0) / 1000, language) }) : t('reportPauseOpen') }))
                      .join('; ')}
              </span>
            </li>
          )}
          <li data-testid="resumed" data-value={facts.resumed}>
            {facts.resumed === 0 ? t('reportNotResumed') : t('reportResumed', { n: facts.resumed })}
          </li>
          <li data-testid="status">{scene?.stopReason ? t('reportStopped', { reason: scene.stopReason }) : bundle.session.closedReason ? t('reportStopped', { reason: bundle.session.closedReason }) : bundle.session.status === 'completed' ? t('reportCompleted') : bundle.session.status}</li>
          {bundle.includesUnsaved && <li className="warning">{t('reportUnsaved')}</li>}
        </ul>
      </section>

      <section className="report-block">
        <h4>{t('reportResults')}</h4>
        {score && (
          <>
            <ul>
              <li>
                {t('reportAccuracy')}:{' '}
                <span data-testid="accuracy" data-value={score.errorRate === null ? '' : 1 - score.errorRate}>
                  {score.errorRate === null ? '–' : `${formatNumber((1 - score.errorRate) * 100, language)}%`}
                </span>
              </li>
              <li>
                {t('reportBiasDd')}:{' '}
                <span data-testid="dd-mean" data-value={score.doubleDifference.mean ?? ''}>
                  {formatNumber(score.doubleDifference.mean, language)} ms
                </span>
                {drill?.ddInterval && (
                  <>
                    {' '}
                    (95%: {formatNumber(drill.ddInterval.lower, language)} … {formatNumber(drill.ddInterval.upper, language)} ms)
                  </>
                )}
              </li>
              <li>
                {t('reportDScore')}:{' '}
                <span data-testid="d-score" data-value={score.dScore.mean ?? ''}>
                  {formatNumber(score.dScore.mean, language, 2)}
                </span>
              </li>
            </ul>
            <p className="caution">{t('reportSingleSession')}</p>
            {score.warnings.length > 0 && (
              <>
                <h5>{t('reportWarnings')}</h5>
                <ul>
                  {score.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
        {scene && (
          <>
            <ul>
              <li>
                {t('reportBeats')}: <span data-testid="beats" data-value={scene.beats.length}>{scene.beats.length}</span>
              </li>
              <li>
                {t('reportAnswers')}: <span data-testid="answers" data-value={scene.answers.length}>{scene.answers.length}</span>
              </li>
              {spoken.recorded + spoken.chosen + spoken.dropped > 0 && (
                <li data-testid="spoken-answers">{t('reportSpoken', { recorded: spoken.recorded, played: spoken.played, chosen: spoken.chosen, dropped: spoken.dropped })}</li>
              )}
            </ul>
            {scene.answers.length > 0 && (
              <table className="answers">
                <tbody>
                  {scene.answers.map((a) => (
                    <tr key={a.seq}>
                      <th scope="row">{info?.items[a.item]?.prompt[language] ?? a.item}</th>
                      <td>{a.value === null ? '–' : String(a.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </section>

      {showTimeline && <PlotFigure testId="chart-timeline" title={t('chartTimeline')} build={buildTimeline} />}
      {notes.length > 0 && (
        <section data-testid="trainer-notes">
          <h4>{t('trainerNotes')}</h4>
          <ul>
            {notes.map((n, i) => (
              <li key={i}>
                {(n.atMs / 1000).toFixed(1)} s · {n.beat}: {n.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {facts.dwell.length > 0 && <PlotFigure testId="chart-dwell" title={t('chartDwell')} build={buildDwell} />}
      {beforeAfter.length > 0 && <PlotFigure testId="chart-before-after" title={t('chartBeforeAfter')} build={buildBeforeAfter} />}

      {scene && (
        <section className="report-block reflections">
          <h4>{t('reportReflections')}</h4>
          {facts.reflections.length === 0 ? (
            <p>{t('reportNoReflections')}</p>
          ) : (
            facts.reflections.map((r, i) => (
              <figure key={i} className="reflection">
                {r.prompt && <figcaption>{r.prompt}</figcaption>}
                <blockquote data-testid="reflection">{r.text}</blockquote>
              </figure>
            ))
          )}
        </section>
      )}
      <button type="button" className="secondary no-print" onClick={onRemove}>
        {t('debriefRemove')}
      </button>
    </article>
  )
}
