/**
 * A Psych-DS dataset as one zip (src/export/README.md): `dataset_description.json` (schema.org Dataset
 * whose `variableMeasured` lists every column) and `data/subject-<code>_session-<n>_task-<id>_data.csv`.
 */
import { strToU8, zipSync } from 'fflate'
import { drillTrialColumns } from '../log/drillTrial.ts'
import { sceneEventColumns } from '../log/sceneRows.ts'
import { psychDsFileName, toCsv } from './psychDsCsv.ts'

/** What each column means, for `variableMeasured`; every column an export writes must be here. */
export const columnDescriptions: Record<string, string> = {
  subject: 'Pseudonymous client code (no names).',
  session: "Session number of this client for this task, from 1.",
  task: 'Scene id of the task, e.g. alcohol-aat or check-in.',
  mode: 'Drill mode: training (90-100% contingency) or assessment (balanced).',
  block: 'Drill block: practice, assessment or training.',
  trial: 'Position of the trial in its block, from 1.',
  attempt: 'Attempt at this trial: 1 is the first try; a repeat after an error or timeout counts up.',
  stimulus: 'Picture id.',
  category: 'Picture category: alcohol or soft.',
  required: 'Move the instruction asked for: push (away) or pull (towards).',
  response: 'Move made: push, pull, or none (timeout).',
  correct: 'Whether the move made was the move asked for.',
  onset_ms: 'Time the picture was first shown (performance clock, ms).',
  touchdown_ms: 'Time the finger touched down (performance clock, ms).',
  initiation_ms: 'Time the movement passed the threshold (performance clock, ms).',
  completion_ms: 'Time the picture crossed the exit line (performance clock, ms).',
  rt_initiation_ms: 'Initiation minus onset (ms): the reaction time that is scored.',
  rt_completion_ms: 'Completion minus onset (ms): secondary measure.',
  frame_interval_ms: 'Interval between the onset frame and the frame before it (ms); empty when the browser gave both frames the same timestamp.',
  painted_ms: 'Time the browser reports the picture was painted (Element Timing renderTime, performance clock, ms); empty where the browser does not report paint times (Safari, Firefox) or the paint came after the trial ended. A value a frame interval or more after onset_ms means the picture showed late.',
  seq: 'Position of the event in the research log, from 1.',
  event: 'Event type from the log catalogue, e.g. beat.entered or answer.given.',
  t_ms: 'Time of the event on the session clock (performance clock, ms).',
  wall: 'Wall-clock time of the event (ISO 8601).',
  beat: 'Scene beat the event belongs to.',
  item: 'Questionnaire item id, for answers.',
  value: 'Answer given, for answers (number or text).',
  latency_ms: 'Time from showing the question or line to the answer (ms).',
  detail: 'Other data of the event, as JSON.',
  side: 'Check-in: who answered, client or worker.',
  contact_date: 'Check-in: date of the supervision contact the answers are about (YYYY-MM-DD).',
  contact_kind: 'Check-in: kind of contact: office or home (face to face), video, phone or chat (remote).',
  contact_planned: 'Check-in: whether the contact was of the planned kind (yes or no).',
  part: 'Check-in: part of the working alliance the statement belongs to (direction, trust, bond, friction, or a part the item set declares); empty for context and other questions.',
  reverse: 'Check-in: true when agreeing means a weaker alliance (friction); such answers are reversed (points + 1 - value) for the overall line.',
  points: 'Check-in: number of points of the agree scale (1 = strongly disagree).',
}

/** Said in every dataset description, so a researcher knows why some text cells start with a quote. */
export const csvSafetyNote =
  "CSV safety: a text cell that begins with =, +, -, @, a tab or a carriage return is written with a single quote (') in front, so a spreadsheet shows it as text instead of running it as a formula (OWASP's rule for CSV injection); remove that one leading quote to get the raw text. Numbers are never changed. The JSON session bundle keeps the raw text."

export interface DatasetTable {
  subject: string
  session: number
  task: string
  columns: readonly string[]
  rows: readonly Record<string, unknown>[]
}

export function datasetDescription(table: DatasetTable, appVersion: string): Record<string, unknown> {
  const missing = table.columns.filter((c) => !(c in columnDescriptions))
  if (missing.length > 0) throw new Error(`Psych-DS: no description for column(s) ${missing.join(', ')}`)
  return {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    name: `Perspectief ${table.task}, client ${table.subject}, session ${table.session}`,
    description: `Research log of one Perspectief session (${table.task}), exported by Perspectief ${appVersion}. Pseudonymous: the client code is the only identifier. ${csvSafetyNote}`,
    schemaVersion: 'Psych-DS 0.1.0',
    variableMeasured: table.columns.map((name) => ({ '@type': 'PropertyValue', name, description: columnDescriptions[name] })),
  }
}

export function psychDsZip(table: DatasetTable, appVersion: string): Uint8Array {
  const description = JSON.stringify(datasetDescription(table, appVersion), null, 2) + '\n'
  return zipSync({
    'dataset_description.json': strToU8(description),
    data: { [psychDsFileName(table.subject, table.session, table.task)]: strToU8(toCsv(table.columns, table.rows)) },
  })
}

/** `perspectief_<code>_<task>_session-<n>_psychds.zip` */
export function psychDsZipName(table: DatasetTable): string {
  return `perspectief_${table.subject}_${table.task}_session-${table.session}_psychds.zip`
}

export { drillTrialColumns, sceneEventColumns }
