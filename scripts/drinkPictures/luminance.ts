/**
 * Mean relative luminance of an RGBA image, as the WCAG defines relative luminance: sRGB decoded to linear light,
 * then Y = 0.2126 R + 0.7152 G + 0.0722 B. Linear light, not gamma-encoded pixel values, is what matches perceived
 * brightness differences between pictures well enough for matching stimulus sets.
 */

const linear = new Float64Array(256)
for (let i = 0; i < 256; i++) {
  const c = i / 255
  linear[i] = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

export function meanRelativeLuminance(rgba: ArrayLike<number>): number {
  let sum = 0
  const pixels = rgba.length / 4
  for (let i = 0; i < rgba.length; i += 4) {
    sum += 0.2126 * (linear[rgba[i] as number] as number) + 0.7152 * (linear[rgba[i + 1] as number] as number) + 0.0722 * (linear[rgba[i + 2] as number] as number)
  }
  return sum / pixels
}
