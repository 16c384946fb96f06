import { memo, useCallback } from 'react'
import { useLanguage } from '../i18n/languageStore.ts'
import { useT } from '../i18n/useT.ts'
import { aatCells } from '../log/aatScore.ts'
import { bootstrapMeanCi } from '../log/stats.ts'
import { AllianceView } from './alliance/AllianceView.tsx'
import { accuracyChart } from './charts/accuracyChart.ts'
import { biasChart } from './charts/biasChart.ts'
import { cellsChart } from './charts/cellsChart.ts'
import { measuresChart, type MeasurePoint } from './charts/measuresChart.ts'
import { answerAxis } from './beforeAfter.ts'
import type { ClientGroup } from './clientGroups.ts'
import { formatNumber, shortDate } from './format.ts'
import { PlotFigure } from './PlotFigure.tsx'
import { baseSceneOf, sceneNames, unnamedWordsIn, type SceneLookup, type UnnamedWords } from './sceneInfo.ts'
import type { SessionFacts } from './sessionFacts.ts'
import { SessionReport } from './SessionReport.tsx'

const sessionLabel = (f: SessionFacts) => `#${f.sessionNumber} ${shortDate(f.bundle.session.createdAt)}`

/**
 * Numeric answers of every scene that has a follow-up (or is one), so before and after stand side by side: each item
 * by its prompt, in the scene file's order, with the axis over the items' full scales.
 */
export function measurePoints(
  group: ClientGroup,
  lookup: SceneLookup,
  language: 'nl' | 'en',
  unnamed: UnnamedWords,
  when: { before: string; after: string },
): { points: MeasurePoint[]; axis: [number, number] | null } {
  const families = new Map<string, SessionFacts[]>()
  for (const { facts } of group.sessions) {
    if (facts.kind !== 'scene') continue
    const family = baseSceneOf(facts.bundle.scene.id) ?? facts.bundle.scene.id
    families.set(family, [...(families.get(family) ?? []), facts])
  }
  const scales: ({ min: number; max: number } | undefined)[] = []
  const points = [...families.values()]
    .filter((sessions) => sessions.length > 1)
    .flatMap((sessions) =>
      sessions.flatMap((f) => {
        const info = lookup(f.bundle.scene.id)
        const names = sceneNames(info, language, unnamed)
        const order = Object.keys(info?.items ?? {})
        // The scene file's order; an item the scene does not list keeps the order it was answered in, after the rest.
        const rank = (item: string) => (order.includes(item) ? order.indexOf(item) : order.length)
        return (f.scene?.answers ?? [])
          .filter((a): a is typeof a & { value: number } => typeof a.value === 'number')
          .map((a, i) => ({ a, i }))
          .sort((x, y) => rank(x.a.item) - rank(y.a.item) || x.i - y.i)
          .map(({ a }) => {
            scales.push(info?.items[a.item]?.scale)
            // A measure asked before and after has one prompt for both items: the group's name says which it is.
            const moment = /-before$/.test(a.item) ? ` (${when.before})` : /-after$/.test(a.item) ? ` (${when.after})` : ''
            return { item: `${names.item(a.item)}${moment}`, session: `${info?.title[language] ?? f.bundle.scene.id} ${shortDate(f.bundle.session.createdAt)}`, value: a.value }
          })
      }),
    )
  return { points, axis: answerAxis(scales, points.map((p) => p.value)) }
}

/**
 * One client: the trends over sessions first (with their uncertainty), then each session with its follow-ups.
 * Memoised: a client whose group is unchanged (DebriefApp keeps its object) is not rendered again when another
 * file is added or removed; a language switch still renders it (it reads the language itself).
 */
export const ClientReport = memo(function ClientReport({ group, lookup, onRemove }: { group: ClientGroup; lookup: SceneLookup; onRemove(key: string): void }) {
  const t = useT()
  const language = useLanguage((s) => s.language)
  const drills = group.drillSessions
  const biasPoints = drills
    .filter((f) => f.drill?.score.doubleDifference.mean !== null)
    .map((f) => ({ session: sessionLabel(f), dd: f.drill!.score.doubleDifference.mean!, lower: f.drill!.ddInterval?.lower ?? null, upper: f.drill!.ddInterval?.upper ?? null }))
  const cellPoints = drills.flatMap((f) =>
    aatCells.filter((c) => f.drill!.score.cells[c].mean !== null).map((c) => ({ session: sessionLabel(f), cell: t(`cell_${c}`), meanRt: f.drill!.score.cells[c].mean! })),
  )
  // Accuracy of the assessment block where there is one, else of the training (a training-only session).
  const accuracyOf = (f: SessionFacts) => (f.drill!.score.errorRate !== null ? 1 - f.drill!.score.errorRate : (f.drill!.score.training?.accuracy ?? null))
  const accuracyPoints = drills.filter((f) => accuracyOf(f) !== null).map((f) => ({ session: sessionLabel(f), percent: accuracyOf(f)! * 100 }))
  const trend = bootstrapMeanCi(drills.map((f) => f.drill!.score.doubleDifference.mean))
  // No split-half here: a reliability is a property of a measure across many people, not of one client's few
  // sessions that change with training (see src/log/README.md for running it on a group's exported CSVs).
  const measures = measurePoints(group, lookup, language, unnamedWordsIn(t), { before: t('measureBefore'), after: t('measureAfter') })

  const buildBias = useCallback(() => biasChart(biasPoints, t('chartBiasAxis'), t('chartSession')), [group, language])
  const buildCells = useCallback(() => cellsChart(cellPoints, t('chartCellsAxis'), aatCells.map((c) => t(`cell_${c}`))), [group, language])
  const buildAccuracy = useCallback(() => accuracyChart(accuracyPoints, t('chartAccuracyAxis'), t('chartSession')), [group, language])
  const buildMeasures = useCallback(() => measuresChart(measures.points, t('chartMeasuresAxis'), measures.axis), [group, language])

  return (
    <section className="client-report" data-testid="client-report" data-client={group.clientCode}>
      <h2>
        {t('debriefClient', { code: group.clientCode })} · {t('debriefSessions', { n: group.sessions.length })}
      </h2>
      {drills.length > 0 && (
        <section className="report-block trend">
          {biasPoints.length > 0 && <PlotFigure testId="chart-bias" title={t('chartBias')} note={t('chartBiasNote')} build={buildBias} />}
          <p className="caution" data-testid="reliability-note">
            {t('reportSingleSession')}{' '}
            {trend.lower !== null && trend.upper !== null && t('reportTrend', { n: trend.n, mean: formatNumber(trend.mean, language), lower: formatNumber(trend.lower, language), upper: formatNumber(trend.upper, language) })}
          </p>
          {cellPoints.length > 0 && <PlotFigure testId="chart-cells" title={t('chartCells')} build={buildCells} />}
          {accuracyPoints.length > 0 && <PlotFigure testId="chart-accuracy" title={t('chartAccuracy')} build={buildAccuracy} />}
        </section>
      )}
      {measures.points.length > 0 && <PlotFigure testId="chart-measures" title={t('chartMeasures')} build={buildMeasures} />}
      <AllianceView group={group} lookup={lookup} />
      {group.sessions.map(({ facts, followUpOf }) => (
        <SessionReport key={facts.key} facts={facts} followUpOf={followUpOf} lookup={lookup} onRemove={() => onRemove(facts.key)} />
      ))}
      <footer className="report-footer">{t('reportFooter')}</footer>
    </section>
  )
})
