import { Vector3 } from 'three'

/**
 * The future-self meeting room, in metres, y up, the client's own chair facing −Z (the way a WebXR session faces
 * at the start). Two chairs face each other 1.6 m apart; the mirror stands between them at the start.
 */
export const meetingRoom = { minX: -2.6, maxX: 2.6, minZ: -2.8, maxZ: 2.6, ceiling: 2.6 } as const

export type Seat = 'present' | 'future'

/** Each chair: where its seat is on the floor and which way a sitter faces (rotation about y; 0 faces +Z). */
export const chairs: Record<Seat, { x: number; z: number; facingY: number }> = {
  present: { x: 0, z: 0.85, facingY: Math.PI },
  future: { x: 0, z: -0.85, facingY: 0 },
}

/** Seat height of both chairs. */
export const seatHeight = 0.46

/** Eye height of a seated adult; the XR origin is moved so the client's real head is here. */
export const seatedEyeHeight = 1.2

/** The free-standing mirror between the chairs, facing the client's own chair; `z` is its glass plane. */
export const mirror = { x: 0, z: 0.05, width: 0.9, height: 1.5, bottom: 0.35 } as const

/** Where a seated figure's head is, for a chair: the voice comes from here, and dwell is measured on it. */
export function headOf(seat: Seat): Vector3 {
  const c = chairs[seat]
  // A seated head is a little behind the seat's front edge, towards the backrest.
  const back = seat === 'present' ? 0.08 : -0.08
  return new Vector3(c.x, seatedEyeHeight, c.z + back)
}

export const meetingSources: Record<string, Vector3> = {
  'present-self': headOf('present'),
  'future-self': headOf('future'),
  room: new Vector3(0, 2.2, 0),
}

export const meetingTargets: Record<string, Vector3> = {
  'future-self': headOf('future'),
  'present-self': headOf('present'),
  mirror: new Vector3(mirror.x, mirror.bottom + mirror.height * 0.55, mirror.z),
}
