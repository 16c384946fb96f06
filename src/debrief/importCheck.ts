/**
 * Everything the debrief does with a dropped file before it is shown, in one function that runs in the import
 * worker (importWorker.ts) and, where there is no worker (Node tests), on the page: read and check it
 * (importFile.ts), score a drill, and compare the file's own summary with the events (summaryCheck.ts).
 * The bootstrap interval is left to the caller, so the worker can send the report before it.
 */
import type { OpenedEnvelope } from '../export/encryptedFile.ts'
import type { SessionBundle } from '../export/sessionBundle.ts'
import { bootstrapDoubleDifference, type DdInterval } from '../log/aatBootstrap.ts'
import { scoreAatSession, type AatSessionScore } from '../log/aatScore.ts'
import { paintSlips, type PaintSlips } from '../log/paintSlips.ts'
import { isDrillLog } from '../log/sessionSummary.ts'
import { parseBundleBytes, readImport } from './importFile.ts'
import { drillInput } from './sessionFacts.ts'
import { summaryDifferences } from './summaryCheck.ts'

export interface CheckedBundle {
  kind: 'bundle'
  bundle: SessionBundle
  /** Where the file's own summary differs from its events (summaryCheck.ts). */
  summaryDiffers: string[]
  /** The drill's score; null for a scene session. */
  score: AatSessionScore | null
  /** Pictures that reached the screen late, from the browser's paint times (paintSlips.ts); null for a scene. */
  paint: PaintSlips | null
  /** Computes the drill's bootstrap interval (null for a scene session, or a cell with fewer than two trials). */
  interval(): DdInterval | null
  /** The interval takes long enough (a drill of more than `quickIntervalTrials` trials) to follow its report. */
  slowInterval: boolean
}

/**
 * Up to this many trials the interval comes with the report: 2,000 resamples of 2,500 trials are 5 million draws,
 * some 50 ms in the worker. A longer drill (the 20 MB cap holds 50,000 trials: about a second) shows its scores first.
 */
export const quickIntervalTrials = 2500

export type CheckedImport = CheckedBundle | { kind: 'encrypted'; envelope: OpenedEnvelope }

/** A checked bundle, scored. */
export function checkedBundle(bundle: SessionBundle): CheckedBundle {
  if (!isDrillLog(bundle.events)) return { kind: 'bundle', bundle, summaryDiffers: summaryDifferences(bundle), score: null, paint: null, interval: () => null, slowInterval: false }
  const { rows, options } = drillInput(bundle)
  const score = scoreAatSession(rows, options)
  return { kind: 'bundle', bundle, summaryDiffers: summaryDifferences(bundle, score), score, paint: paintSlips(rows), interval: () => bootstrapDoubleDifference(rows, options), slowInterval: rows.length > quickIntervalTrials }
}

/** A dropped file's bytes: checked and scored, or an encrypted file waiting for its passphrase. Throws FileProblem. */
export function checkImportBytes(bytes: Uint8Array): CheckedImport {
  const read = readImport(bytes)
  return read.kind === 'encrypted' ? read : checkedBundle(read.bundle)
}

/** A decrypted file's bytes: it must be a plain bundle. */
export function checkPlainBytes(bytes: Uint8Array): CheckedBundle {
  return checkedBundle(parseBundleBytes(bytes))
}
