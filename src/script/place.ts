/** Where a scene is for: a client's own phone at home, a supervision session with the trainer in the room, or both. */
export const scenePlaces = ['home', 'supervision', 'both'] as const
export type ScenePlace = (typeof scenePlaces)[number]

/**
 * A scene without `place` is for supervision. The safe side: the data is about addiction and violence, so a scene
 * reaches a client's own phone, with no trainer near, only when its author says it may.
 */
export const defaultPlace: ScenePlace = 'supervision'

/** Takes any script (schema.ts builds its `place` field from this module, so this one does not import it back). */
export function placeOf(script: { place?: ScenePlace }): ScenePlace {
  return script.place ?? defaultPlace
}

/** Does a scene belong on a client's own phone at home? */
export function isForHome(script: { place?: ScenePlace }): boolean {
  return placeOf(script) !== 'supervision'
}
