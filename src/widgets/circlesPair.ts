/**
 * The overlapping-circles item (Aron et al.'s inclusion of other in the self, as used for future-self continuity):
 * two equal circles, apart at step 1 and almost one at the last step. Shared by the 2D and the VR renderer.
 * Returns the centres' offset from the middle as a share of the radius (each circle is at ±offset).
 */
export function circlesOffset(step: number, points: number): number {
  const t = points <= 1 ? 1 : (step - 1) / (points - 1)
  // From a small gap between the circles (offset 1.15 r) to nearly full overlap (0.12 r).
  return 1.15 - t * (1.15 - 0.12)
}
