import type { Localized } from '../script/localized.ts'
import type { AllianceSceneInfo } from './alliance/checkInInfo.ts'

/** What the debrief knows about a scene from the app's own catalogue: its title and its items' prompts and types. */
export interface SceneInfo {
  kind: string
  title: Localized
  items: Record<string, { type: string; prompt: Localized }>
  /** Set for a check-in scene: its side, its statements' parts and its context questions. */
  alliance?: AllianceSceneInfo
}

export type SceneLookup = (sceneId: string) => SceneInfo | undefined

/** A follow-up questionnaire is named after the scene it follows: `child-eye-followup` follows `child-eye`. */
export function baseSceneOf(sceneId: string): string | null {
  const match = /^(.+)-followup$/.exec(sceneId)
  return match ? match[1]! : null
}
