/**
 * Reads width and height from a WebP file header without decoding it (RIFF container; the first chunk is VP8
 * (lossy), VP8L (lossless) or VP8X (extended)). See https://developers.google.com/speed/webp/docs/riff_container.
 */
export function webpSize(bytes: Uint8Array): { width: number; height: number; format: 'VP8' | 'VP8L' | 'VP8X' } {
  const ascii = (from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length))
  if (bytes.length < 30 || ascii(0, 4) !== 'RIFF' || ascii(8, 4) !== 'WEBP') throw new Error('not a WebP file')
  const chunk = ascii(12, 4)
  const u16 = (at: number) => (bytes[at] as number) | ((bytes[at + 1] as number) << 8)
  const u24 = (at: number) => u16(at) | ((bytes[at + 2] as number) << 16)
  switch (chunk) {
    case 'VP8 ': {
      // Lossy: a key frame starts with a 3-byte frame tag and the start code 9d 01 2a, then 14-bit sizes.
      if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) throw new Error('bad VP8 start code')
      return { width: u16(26) & 0x3fff, height: u16(28) & 0x3fff, format: 'VP8' }
    }
    case 'VP8L': {
      // Lossless: signature 0x2f, then width-1 and height-1 in 14 bits each, packed little-endian.
      if (bytes[20] !== 0x2f) throw new Error('bad VP8L signature')
      const bits = (bytes[21] as number) | ((bytes[22] as number) << 8) | ((bytes[23] as number) << 16) | ((bytes[24] as number) << 24)
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, format: 'VP8L' }
    }
    case 'VP8X':
      // Extended: canvas width-1 and height-1 as 24-bit numbers after 4 bytes of flags.
      return { width: u24(24) + 1, height: u24(27) + 1, format: 'VP8X' }
    default:
      throw new Error(`unknown WebP chunk "${chunk}"`)
  }
}
