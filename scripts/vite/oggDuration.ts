/**
 * Length of an Ogg Vorbis file in ms, from the last page's granule position and the sample rate in the Vorbis
 * identification header. Lets a recorded voice file dropped in under a line id be timed without a decoder.
 */
export function oggDurationMs(file: Uint8Array): number | null {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength)
  const capture = (at: number) => file[at] === 0x4f && file[at + 1] === 0x67 && file[at + 2] === 0x67 && file[at + 3] === 0x53 // "OggS"
  // The identification header: packet type 1, "vorbis", version, channels, then the sample rate (LE u32).
  let rate: number | null = null
  for (let i = 0; i + 16 < file.length && i < 512; i++) {
    if (file[i] === 0x01 && String.fromCharCode(...file.subarray(i + 1, i + 7)) === 'vorbis') {
      rate = view.getUint32(i + 12, true)
      break
    }
  }
  if (!rate) return null
  for (let at = file.length - 14; at >= 0; at--) {
    if (!capture(at)) continue
    const low = view.getUint32(at + 6, true)
    const high = view.getUint32(at + 10, true)
    const granule = high * 2 ** 32 + low
    return Math.round((granule / rate) * 1000)
  }
  return null
}
