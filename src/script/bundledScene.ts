import type { ScenarioScript } from './schema.ts'
import type { StimulusManifest } from './stimulusManifest.ts'

/** A drill picture as the app gets it: the manifest entry plus the URL the build gave the file. */
export type BundledStimulus = Omit<StimulusManifest['stimuli'][number], 'file' | 'bytes' | 'meanLuminance'> & {
  url: string
  width: number
  height: number
}

/**
 * A scene as the build delivers it: parsed and validated at build time (a broken scene fails the build), so the
 * app ships no YAML parser and starts without re-validating.
 */
export interface BundledScene {
  script: ScenarioScript
  hash: string
  file: string
  /** Drill scenes only: each stimulus set's pictures. */
  stimulusSets: Record<string, BundledStimulus[]>
  /** VR scenes: each spoken line's voice file per language (a recording where one exists, else the placeholder). */
  voices?: Partial<Record<'nl' | 'en', Record<string, { url: string; durationMs: number }>>>
}
