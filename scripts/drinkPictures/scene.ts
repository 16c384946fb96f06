/** What a drink builder returns, and small helpers for arranging things on the table. */
import * as THREE from 'three'
import type { Framing, StageOptions } from './stage.ts'
import { contactShadow } from './garnish.ts'

export interface DrinkScene {
  stage: StageOptions
  framing: Framing
  /** Everything that belongs to the drink; the camera frames this unless frameOn is given. */
  subject: THREE.Object3D
  /** Frame on part of the subject (e.g. the glass) and let the rest (a bottle behind) run out of the picture. */
  frameOn?: THREE.Object3D
  extras?: THREE.Object3D[]
}

/** Puts an object on the table at (x, z), turned by 'turn' radians, with a contact shadow of the given radius. */
export function place<T extends THREE.Object3D>(parent: THREE.Object3D, object: T, x: number, z: number, shadowRadius = 0, turn = 0): T {
  object.position.x += x
  object.position.z += z
  object.rotation.y += turn
  parent.add(object)
  if (shadowRadius > 0) {
    const shadow = contactShadow(shadowRadius)
    shadow.position.x = x
    shadow.position.z = z
    parent.add(shadow)
  }
  return object
}
