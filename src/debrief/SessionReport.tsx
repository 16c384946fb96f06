import { useCallback } from 'react'
import { useLanguage } from '../i18n/languageStore.ts'
import { useT } from '../i18n/useT.ts'
import { reasonWords } from '../i18n/reasonWords.ts'
import type { StringKey } from '../i18n/strings.ts'
import { answerAxis, beforeAfterPoints, spokenAnswerCounts } from './beforeAfter.ts'
import { dwellChart } from './charts/dwellChart.ts'
import { measuresChart } from './charts/measuresChart.ts'
import { timelineChart, type TimelineSpan } from './charts/timelineChart.ts'
import { aatCells, type AatCell, type AatWarning } from '../log/aatScore.ts'
import { trainerNotes } from './trainerNotes.ts'
import { formatDate, formatNumber } from './format.ts'
import { PlotFigure } from './PlotFigure.tsx'
import { sceneNames, unnamedWordsIn, type SceneLookup, type SceneNames } from './sceneInfo.ts'
import { noneTarget, type SessionFacts } from './sessionFacts.ts'

/** Under the dwell chart: how to read it, the measured time per beat, and every beat's time not measured. */
function DwellNotes({ facts, names }: { facts: SessionFacts; names: SceneNames }) {
  const t = useT()
  const language = useLanguage((s) => s.language)
  const seconds = (ms: number) => formatNumber(ms / 1000, language, 1)
  // Under 50 ms is a frame or two at a beat's edge, not time anyone lost.
  const missing = facts.dwellBeats.filter((b) => b.missingMs >= 50 || b.resumed)
  const overlapping = facts.dwellBeats.filter((b) => b.overlapping)
  return (
    <section className="report-block dwell-notes" data-testid="dwell-notes">
      <p>{t('dwellNote')}</p>
      <table className="answers">
        <thead>
          <tr>
            <th scope="col">{t('dwellBeat')}</th>
            <th scope="col">{t('dwellMeasured')}</th>
          </tr>
        </thead>
        <tbody>
          {facts.dwellBeats.map((b) => (
            <tr key={b.beat} data-testid="dwell-beat">
              <th scope="row">{names.beat(b.beat)}</th>
              <td>{seconds(b.measuredMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 && (
        <ul>
          {missing.map((b) => (
            <li key={b.beat} data-testid="dwell-missing" data-value={b.missingMs}>
              ⚠ {t(b.resumed ? 'dwellMissingReload' : 'dwellMissing', { beat: names.beat(b.beat), seconds: seconds(b.missingMs) })}
            </li>
          ))}
        </ul>
      )}
      {overlapping.length > 0 && (
        <ul>
          {overlapping.map((b) => (
            <li key={b.beat} data-testid="dwell-overlapping">
              ⚠ {t('dwellOverlapping', { beat: names.beat(b.beat) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** One session's page of the report: header, data quality, results, charts, the client's own words. */
export function SessionReport({ facts, followUpOf, lookup, onRemove }: { facts: SessionFacts; followUpOf: SessionFacts | null; lookup: SceneLookup; onRemove(): void }) {
  const t = useT()
  const language = useLanguage((s) => s.language)
  const { bundle, drill, scene } = facts
  const info = lookup(bundle.scene.id)
  const title = info?.title[language] ?? bundle.scene.id
  const titleOf = (id: string) => lookup(id)?.title[language] ?? id
  // Everything the log names by id is shown by its name in the scene file (sceneInfo.ts); ids are for the CSV.
  const names = sceneNames(info, language, unnamedWordsIn(t))
  const cellName = (cell: AatCell) => t(`cell_${cell}`)
  const warningText = (w: AatWarning) => {
    switch (w.code) {
      case 'no-trials':
        return t('warning_no_trials')
      case 'several-sessions':
        return t('warning_several_sessions')
      case 'out-of-range':
        return t('warning_out_of_range', { n: w.n, ms: w.maxRtMs })
      case 'empty-cell':
        return t('warning_empty_cell', { cell: cellName(w.cell) })
      case 'few-trials':
        return t('warning_few_trials', { cell: cellName(w.cell), n: w.n, min: w.min })
      case 'missing-rt':
        return t('warning_missing_rt', { n: w.n })
      case 'same-rts':
        return t('warning_same_rts')
      case 'same-median-rts':
        return t('warning_same_median_rts')
    }
  }
  // Pause and stop reasons are logged as short English codes; the report says them in the trainer's language.
  const reasonText = (reason: string) => reasonWords(language, reason) ?? reason
  const score = drill?.score
  const slips = drill?.paint ?? null
  const training = score?.training ?? null
  const ms = (value: number | null) => `${formatNumber(value, language)} ms`
  // Every exclusion by reason, for the line under each bias score and for the data-quality list.
  const exclusionText = score
    ? [
          t('reportExPractice', { n: score.trials.practice }),
          t('reportExTraining', { n: score.trials.training }),
          t('reportExRepeats', { n: score.trials.repeats }),
          t('reportExErrors', { n: score.trials.errors }),
          t('reportExRange', { n: score.trials.outOfRange }),
          t('reportExFloor', { n: score.trials.belowFloor, ms: score.options.floorMs }),
          t('reportExOutliers', { n: score.trials.outliers, sd: score.options.outlierSd }),
          t('reportExMissing', { n: score.trials.missingRt }),
        ].join('; ')
    : ''
  // The line under each bias score: which trials it was computed on, and why the others were left out.
  const scoredLine = score
    ? t('reportScoredLine', {
        blocks: score.scoredBlocks.map((b) => t(`block_${b}`)).join(', ') || '–',
        n: score.trials.scored,
        exclusions: exclusionText,
      })
    : ''
  const scored = <div className="scored-line" data-testid="scored-line">{scoredLine}</div>
  const biasReason = score?.biasReason
    ? t(`biasReason_${score.biasReason.code.replace(/-/g, '_')}` as StringKey, { missing: 'missing' in score.biasReason ? score.biasReason.missing.map(cellName).join(', ') : '' })
    : null

  // Beats and pauses on session time (sessionFacts.ts `timeline`): summed across page loads, each resume marked.
  const timeline = facts.timeline
  const spans: TimelineSpan[] = timeline
    ? [
        ...timeline.beats.map((b) => ({ row: names.beat(b.beat), from: b.fromMs / 1000, to: b.toMs / 1000, kind: 'beat' as const })),
        ...timeline.pauses.map((p) => ({ row: `‖ ${names.beat(p.beat)}`, from: p.fromMs / 1000, to: p.toMs / 1000, kind: 'pause' as const })),
      ]
    : []
  const resumes = (timeline?.resumes ?? []).map((ms) => ({ at: ms / 1000, label: t('timelineResumed') }))
  const showTimeline = scene && (info?.kind === 'vr' || scene.pauses.length > 0 || facts.dwell.length > 0) && spans.length > 0
  const notes = trainerNotes(bundle.events)
  const buildTimeline = useCallback(
    () => timelineChart(spans, t('chartTimelineAxis'), notes.map((n) => ({ row: t('trainerNotesRow'), at: n.atMs / 1000, text: n.text })), resumes),
    [facts, language],
  )
  const dwellRows = facts.dwell.map((r) => ({ ...r, beat: names.beat(r.beat), target: r.target === noneTarget ? noneTarget : names.target(r.target) }))
  const buildDwell = useCallback(() => dwellChart(dwellRows, t('chartDwellAxis'), t('dwellNone')), [facts, language])
  const itemOrder = Object.keys(info?.items ?? {})
  const beforeAfter = scene ? beforeAfterPoints(scene.answers, { before: t('measureBefore'), after: t('measureAfter') }, names.measure, itemOrder) : []
  // The axis spans the full scale of the items shown (a 1–7 item up to 7), not only the answers given.
  const beforeAfterAxis = answerAxis(
    (scene?.answers ?? []).filter((a) => /-(before|after)$/.test(a.item)).map((a) => info?.items[a.item]?.scale),
    beforeAfter.map((p) => p.value),
  )
  const buildBeforeAfter = useCallback(() => measuresChart(beforeAfter, t('chartMeasuresAxis'), beforeAfterAxis), [facts, language])
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
      {facts.summaryDiffers.length > 0 && (
        <p className="warning" data-testid="summary-differs" title={facts.summaryDiffers.join(', ')}>
          {t('reportSummaryDiffers')}
        </p>
      )}
      {facts.conflict && (
        <p className="warning" data-testid="conflict">
          {t('reportConflict', { other: facts.conflict.other, seq: facts.conflict.seq })}
        </p>
      )}
      <dl className="report-header">
        <dt>{t('reportCode')}</dt>
        <dd>{bundle.session.clientCode}</dd>
        <dt>{t('reportDate')}</dt>
        <dd>{formatDate(bundle.session.createdAt, language)}</dd>
        <dt>{t('reportScenario')}</dt>
        <dd>
          {title} ({t('chartSession').toLowerCase()} {facts.sessionNumber})
        </dd>
        <dt>{t('reportVersions')}</dt>
        <dd>
          {t('reportVersionScene')} v{bundle.scene.version} · {bundle.scene.hash.slice(0, 8)} · app {bundle.appVersion} · schema {bundle.schemaVersion}
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
                {exclusionText}
              </li>
              {slips && (
                <li data-testid="paint-slips" data-value={slips.late} className={slips.late > 0 ? 'warning' : undefined}>
                  {slips.usualDelayMs === null ? t('reportPaintUnknown') : t('reportPaintSlips', { late: slips.late, reported: slips.reported, ms: formatNumber(slips.usualDelayMs, language, 1) })}
                </li>
              )}
            </>
          )}
          {scene && (
            <li>
              {t('reportPauses')}:{' '}
              <span data-testid="pauses" data-value={scene.pauses.length}>
                {scene.pauses.length === 0
                  ? t('reportNoPauses')
                  : scene.pauses
                      .map((p) => t('reportPauseLine', { beat: names.beat(p.beat), reason: reasonText(p.reason), state: p.resumed ? t('reportPauseResumed', { s: formatNumber((p.pausedMs ?? 0) / 1000, language) }) : t('reportPauseOpen') }))
                      .join('; ')}
              </span>
            </li>
          )}
          <li data-testid="resumed" data-value={facts.resumed}>
            {facts.resumed === 0 ? t('reportNotResumed') : t('reportResumed', { n: facts.resumed })}
          </li>
          <li data-testid="status">{scene?.stopReason ? t('reportStopped', { reason: reasonText(scene.stopReason) }) : bundle.session.closedReason ? t('reportStopped', { reason: reasonText(bundle.session.closedReason) }) : bundle.session.status === 'completed' ? t('reportCompleted') : t(`status_${bundle.session.status}`)}</li>
          {bundle.includesUnsaved && <li className="warning">{t('reportUnsaved')}</li>}
        </ul>
      </section>

      <section className="report-block">
        <h4>{t('reportResults')}</h4>
        {score && (
          <>
            {biasReason !== null ? (
              <p className="no-bias" data-testid="no-bias" data-reason={score.biasReason!.code}>
                {t('reportNoBias', { reason: biasReason })}
              </p>
            ) : (
              <ul>
                <li>
                  {t('reportAccuracy')}:{' '}
                  <span data-testid="accuracy" data-value={score.errorRate === null ? '' : 1 - score.errorRate}>
                    {score.errorRate === null ? '–' : `${formatNumber((1 - score.errorRate) * 100, language)}%`}
                  </span>
                  {scored}
                </li>
                <li>
                  {t('reportBiasDd')}:{' '}
                  <span data-testid="dd-mean" data-value={score.doubleDifference.mean ?? ''}>
                    {formatNumber(score.doubleDifference.mean, language)} ms
                  </span>
                  {drill?.ddInterval && (
                    <span data-testid="dd-interval" data-lower={drill.ddInterval.lower} data-upper={drill.ddInterval.upper}>
                      {' '}
                      (95%: {formatNumber(drill.ddInterval.lower, language)} … {formatNumber(drill.ddInterval.upper, language)} ms)
                    </span>
                  )}
                  {drill?.ddPending && (
                    <span className="pending" data-testid="dd-interval-pending">
                      {' '}
                      ({t('reportIntervalPending')})
                    </span>
                  )}
                  {scored}
                </li>
                <li>
                  {t('reportDScore')}:{' '}
                  <span data-testid="d-score" data-value={score.dScore.mean ?? ''}>
                    {formatNumber(score.dScore.mean, language, 2)}
                  </span>
                  {scored}
                </li>
              </ul>
            )}
            {training && (
              <section className="training" data-testid="training">
                <h5>{t('reportTraining')}</h5>
                <ul>
                  <li>
                    {t('reportTrainingAccuracy')}:{' '}
                    <span data-testid="training-accuracy" data-value={training.accuracy ?? ''}>
                      {training.accuracy === null ? '–' : `${formatNumber(training.accuracy * 100, language)}%`}
                    </span>
                  </li>
                  <li>
                    {t('reportTrainingMedian')}:{' '}
                    {aatCells
                      .filter((c) => training.medianRtByCell[c].n > 0)
                      .map((c) => `${cellName(c)} ${ms(training.medianRtByCell[c].median)} (n ${training.medianRtByCell[c].n})`)
                      .join('; ') || '–'}
                  </li>
                  <li>
                    {t('reportTrainingSpeed')}:{' '}
                    <span data-testid="training-speed">
                      {training.speed.map((p) => t('reportTrainingPart', { part: p.part, from: p.fromTrial, to: p.toTrial, ms: formatNumber(p.median, language) })).join('; ') || '–'}
                    </span>
                  </li>
                </ul>
                <div className="scored-line" data-testid="training-line">
                  {t('reportTrainingLine', { n: training.firstAttempts, errors: training.excluded.errors, floor: training.excluded.belowFloor, range: training.excluded.outOfRange, missing: training.excluded.missingRt })}
                </div>
              </section>
            )}
            <p className="caution">{t('reportSingleSession')}</p>
            {score.warningFacts.length > 0 && (
              <>
                <h5>{t('reportWarnings')}</h5>
                <ul>
                  {score.warningFacts.map((w, i) => (
                    <li key={i} data-testid="score-warning" data-code={w.code}>
                      {warningText(w)}
                    </li>
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
                      <th scope="row">{names.item(a.item)}</th>
                      <td>{names.answer(a.item, a.value)}</td>
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
                {formatNumber(n.atMs / 1000, language, 1)} s · {names.beat(n.beat)}: {n.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {facts.dwell.length > 0 && <PlotFigure testId="chart-dwell" title={t('chartDwell')} build={buildDwell} />}
      {facts.dwellBeats.length > 0 && <DwellNotes facts={facts} names={names} />}
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
