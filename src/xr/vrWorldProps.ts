import type { SoundService } from '../audio/soundService.ts'
import type { SceneContext, SceneInputEvent } from '../engine/sceneTypes.ts'
import type { BundledScene } from '../script/bundledScene.ts'
import type { Language } from '../script/localized.ts'
import type { VoiceRecorder } from '../audio/voiceRecorder.ts'
import type { AvatarChoices } from '../avatar/avatarChoices.ts'

/** What VrSession hands every scene world (one per environment). */
export interface VrWorldProps {
  scene: BundledScene
  context: SceneContext
  language: Language
  sound: SoundService
  send(input: SceneInputEvent): void
  completed: boolean
  /** The client's avatar, for scenes with `vr.avatar`. */
  avatar: AvatarChoices | null
  /** The microphone, opened on the start screen, for scenes with spoken items; null when none is needed. */
  recorder: VoiceRecorder | null
}
