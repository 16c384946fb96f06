import { useEffect, type RefObject } from 'react'
import type { CueEnd } from '../audio/soundService.ts'
import type { SceneInputEvent } from '../engine/sceneTypes.ts'

/**
 * What a world does when a voiced line has ended: a line the watchdog had to end is logged as `cue.timeout`
 * (with how long the scene waited), and the beat goes on either way.
 */
export function onCueEnd(send: (input: SceneInputEvent) => void, beat: string, line: string, endBeat: () => void) {
  const startedAt = performance.now()
  return (how: CueEnd) => {
    if (how === 'timeout') send({ type: 'measure', forBeat: beat, kind: 'cue.timeout', data: { line, waitedMs: Math.round(performance.now() - startedAt) } })
    endBeat()
  }
}

/**
 * Forgets which cue was played when the world unmounts. React's StrictMode (the dev server) unmounts and mounts
 * every component once at start: the unmount stops the sound, and without this the remount would think the cue
 * already played and the scene would wait for ever on its first line.
 */
export function useForgetPlayedCueOnUnmount(played: RefObject<number | null>) {
  useEffect(
    () => () => {
      played.current = null
    },
    [played],
  )
}
