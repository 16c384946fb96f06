import { useCallback, useMemo } from 'react'
import { useLanguage } from '../../i18n/languageStore.ts'
import { lineUpContacts, minContactsPerMode, modeSummary, talkingPoints, type CheckInRecord, type Contact, type TalkingPoint } from '../../log/allianceScore.ts'
import type { Language } from '../../script/localized.ts'
import { checkInParts } from '../../script/schema.ts'
import type { ClientGroup } from '../clientGroups.ts'
import { formatNumber } from '../format.ts'
import { PlotFigure } from '../PlotFigure.tsx'
import type { SceneLookup } from '../sceneInfo.ts'
import { allianceChart, sideStyle, type AlliancePoint } from './allianceChart.ts'
import { allianceText, builtInKindLabel, builtInPartLabel, type AllianceKey } from './allianceText.ts'
import { checkInRecordOf } from './checkInInfo.ts'
import './alliance.css'

/** The check-ins among a client's sessions, read with each session's own scene file (its parts, its name). */
export function allianceRecords(group: ClientGroup, lookup: SceneLookup, language: Language): CheckInRecord[] {
  return group.sessions.flatMap(({ facts }) => {
    const info = lookup(facts.bundle.scene.id)
    if (!info?.alliance || !facts.scene) return []
    return [checkInRecordOf(facts.key, info.title[language], facts.scene.answers, info.alliance)]
  })
}

const dayMonth = (date: string | null) => (date ? `${date.slice(8, 10)}-${date.slice(5, 7)}` : '–')
const fullDate = (date: string | null, none: string) => (date ? `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}` : none)

/** One client's check-ins from both sides: a chart per part, talking points, face to face against remote, every answer. */
export function AllianceView({ group, lookup }: { group: ClientGroup; lookup: SceneLookup }) {
  const language = useLanguage((s) => s.language)
  const say = (key: AllianceKey, vars?: Record<string, string | number>) => allianceText(language, key, vars)
  const records = useMemo(() => allianceRecords(group, lookup, language), [group, lookup, language])
  const contacts = useMemo(() => lineUpContacts(records), [records])
  if (records.length === 0) return null

  // Labels of declared parts come from the scene files; the four built-in parts have their own.
  const declared = new Map<string, string>()
  const kindNames = new Map<string, string>()
  for (const { facts } of group.sessions) {
    const info = lookup(facts.bundle.scene.id)?.alliance
    for (const [part, label] of Object.entries(info?.partLabels ?? {})) declared.set(part, label[language])
    for (const [kind, label] of Object.entries(info?.kindLabels ?? {})) if (!kindNames.has(kind)) kindNames.set(kind, label[language])
  }
  const allParts = [...new Set(records.flatMap((r) => Object.keys(r.score.parts)))]
  const parts = [...checkInParts.filter((p) => allParts.includes(p)), ...allParts.filter((p) => !(checkInParts as readonly string[]).includes(p))]
  const partLabel = (part: string) => declared.get(part) ?? builtInPartLabel(language, part) ?? part
  const kindLabel = (kind: string | null) => (kind === null ? '–' : (builtInKindLabel(language, kind) ?? kindNames.get(kind) ?? kind))
  const contactKeys = contacts.map((_, i) => `c${i}`)
  const contactLabels = Object.fromEntries(contacts.map((c, i) => [`c${i}`, `${dayMonth(c.date)} · ${kindLabel(c.kind)}`]))
  const points = Math.max(2, ...group.sessions.flatMap(({ facts }) => Object.values(lookup(facts.bundle.scene.id)?.alliance?.statements ?? {}).map((s) => s.points)))
  const talking = talkingPoints(contacts)
  const modes = modeSummary(contacts, parts)
  const setNames = [...new Set(records.map((r) => r.setName))]
  const number = (v: number | null) => (v === null ? say('incomplete') : formatNumber(v, language, 1))

  return (
    <section className="alliance-page report-block" data-testid="alliance-view" data-client={group.clientCode}>
      <h3>{say('title')}</h3>
      <p>{say('intro')}</p>
      <p data-testid="alliance-sets">
        {say('set')}: {setNames.join(', ')}
      </p>
      <p className="alliance-legend" data-testid="alliance-legend">
        <span className="visually-hidden">{say('legend')}: </span>
        <span className="legend-key">
          <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
            <circle cx="9" cy="9" r="6" fill={sideStyle.client.color} />
          </svg>
          {say('client')}
        </span>
        <span className="legend-key">
          <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
            <rect x="3" y="3" width="12" height="12" fill="white" stroke={sideStyle.worker.color} strokeWidth="2.5" />
          </svg>
          {say('worker')}
        </span>
      </p>
      {parts.map((part) => (
        <PartChart key={part} part={part} title={partLabel(part)} contacts={contacts} contactKeys={contactKeys} contactLabels={contactLabels} points={points} language={language} />
      ))}
      <PartChart part={null} title={say('overall')} contacts={contacts} contactKeys={contactKeys} contactLabels={contactLabels} points={points} language={language} />

      <section className="alliance-talking">
        <h4>{say('talkingTitle')}</h4>
        {talking.length === 0 ? (
          <p data-testid="no-talking-points">{say('noTalking')}</p>
        ) : (
          <ul data-testid="talking-points">
            {talking.map((t, i) => (
              <li key={i} className="talking-point" data-rule={t.rule} data-part={t.part}>
                {talkingText(t, partLabel(t.part), language)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="alliance-modes" tabIndex={0} role="region" aria-labelledby={`alliance-modes-${group.clientCode}`}>
        <h4 id={`alliance-modes-${group.clientCode}`}>{say('modeTitle')}</h4>
        <table className="alliance-table" data-testid="mode-summary">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">
                {say('count')} ({say('client').toLowerCase()} / {say('worker').toLowerCase()})
              </th>
              {parts.map((p) => (
                <th key={p} scope="col">
                  {partLabel(p)} ({say('client').toLowerCase()} / {say('worker').toLowerCase()})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {modes.groups.map((g) => (
              <tr key={g.mode} data-mode={g.mode}>
                <th scope="row">{say(g.mode === 'face-to-face' ? 'faceToFace' : 'remote')}</th>
                <td data-testid={`count-${g.mode}`}>
                  {g.counts.client} / {g.counts.worker}
                </td>
                {parts.map((p) => (
                  <td key={p}>
                    {formatNumber(g.means.client[p], language, 1)} / {formatNumber(g.means.worker[p], language, 1)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="alliance-note" data-testid="mode-note" data-enough={modes.enough}>
          {modes.enough
            ? say('enough')
            : say('tooFew', {
                min: minContactsPerMode,
                face: modes.groups[0]!.counts.client + modes.groups[0]!.counts.worker === 0 ? 0 : `${modes.groups[0]!.counts.client} / ${modes.groups[0]!.counts.worker}`,
                remote: modes.groups[1]!.counts.client + modes.groups[1]!.counts.worker === 0 ? 0 : `${modes.groups[1]!.counts.client} / ${modes.groups[1]!.counts.worker}`,
              })}
        </p>
      </section>

      <section className="alliance-all" tabIndex={0} role="region" aria-labelledby={`alliance-all-${group.clientCode}`}>
        <h4 id={`alliance-all-${group.clientCode}`}>{say('table')}</h4>
        <table className="alliance-table" data-testid="alliance-table">
          <thead>
            <tr>
              <th scope="col">{say('date')}</th>
              <th scope="col">{say('kind')}</th>
              <th scope="col">{say('planned')}</th>
              <th scope="col">{say('side')}</th>
              {parts.map((p) => (
                <th key={p} scope="col">
                  {partLabel(p)}
                </th>
              ))}
              <th scope="col">{say('set')}</th>
            </tr>
          </thead>
          <tbody>
            {contacts.flatMap((c) =>
              (['client', 'worker'] as const).flatMap((side) => {
                const r = c[side]
                if (!r) return []
                return [
                  <tr key={`${r.sessionKey}`} data-side={side} data-date={r.contactDate ?? ''}>
                    <td>{fullDate(r.contactDate, say('noDate'))}</td>
                    <td>{kindLabel(r.kind)}</td>
                    <td>{r.planned === 'yes' ? say('yes') : r.planned === 'no' ? say('no') : '–'}</td>
                    <td>{say(side)}</td>
                    {parts.map((p) => (
                      <td key={p} data-part={p} data-value={r.score.parts[p]?.mean ?? ''} className={r.score.parts[p]?.complete ? undefined : 'incomplete'}>
                        {r.score.parts[p] ? number(r.score.parts[p]!.mean) : '–'}
                      </td>
                    ))}
                    <td>{r.setName}</td>
                  </tr>,
                ]
              }),
            )}
          </tbody>
        </table>
        <p className="hint">{say('incompleteNote')}</p>
      </section>
    </section>
  )
}

function talkingText(t: TalkingPoint, part: string, language: Language): string {
  const n = (v: number) => formatNumber(v, language, 1)
  if (t.rule === 'sides-differ') return allianceText(language, 'differ', { part, date: fullDate(t.date, allianceText(language, 'noDate')), client: n(t.client), worker: n(t.worker) })
  return allianceText(language, 'rises', { part, side: allianceText(language, t.side).toLowerCase(), values: t.values.map(n).join(' → ') })
}

/** One part's chart (or, with part null, the overall line with friction reversed). */
function PartChart({ part, title, contacts, contactKeys, contactLabels, points, language }: { part: string | null; title: string; contacts: readonly Contact[]; contactKeys: string[]; contactLabels: Record<string, string>; points: number; language: Language }) {
  const series = (side: 'client' | 'worker'): AlliancePoint[] =>
    contacts.flatMap((c, i) => {
      const r = c[side]
      const value = !r ? null : part === null ? r.score.overall : (r.score.parts[part]?.mean ?? null)
      return value === null ? [] : [{ contact: contactKeys[i]!, value }]
    })
  const build = useCallback(
    () =>
      allianceChart({
        client: series('client'),
        worker: series('worker'),
        contacts: contactKeys,
        contactLabels,
        points,
        yLabel: title,
        xLabel: allianceText(language, 'axis'),
        names: { client: allianceText(language, 'client'), worker: allianceText(language, 'worker') },
      }),
    [contacts, language, part, title, points],
  )
  return <PlotFigure testId={part === null ? 'alliance-chart-overall' : `alliance-chart-${part}`} title={title} build={build} />
}
