import { CanvasTexture, SRGBColorSpace } from 'three'

/**
 * Text for VR panels drawn on a canvas with the device's own font: no font file to load (drei's <Text> would
 * fetch one from a CDN), and big, high-contrast lettering that a blurry headset still shows clearly.
 */
export interface LabelOptions {
  width?: number
  height?: number
  background?: string
  color?: string
  fontPx?: number
  /** Draws a picture instead of text (the text still names it for the test hook and screen readers of the page). */
  picture?(g: CanvasRenderingContext2D, width: number, height: number): void
}

export function labelTexture(text: string, options: LabelOptions = {}): CanvasTexture {
  const width = options.width ?? 1024
  const height = options.height ?? 256
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const g = canvas.getContext('2d')!
  g.fillStyle = options.background ?? '#f6f4ef'
  g.beginPath()
  g.roundRect(0, 0, width, height, Math.min(48, height / 4))
  g.fill()
  g.fillStyle = options.color ?? '#1d2b36'
  if (options.picture) {
    options.picture(g, width, height)
    const texture = new CanvasTexture(canvas)
    texture.colorSpace = SRGBColorSpace
    return texture
  }
  let font = options.fontPx ?? Math.round(height * 0.32)
  let fitted = wrap(g, text, width * 0.9, font)
  // Smaller type until the wrapped lines fit the height (wrapping again each time: smaller type needs fewer lines).
  while (fitted.length * font * 1.25 > height * 0.9 && font > 16) {
    font -= 4
    fitted = wrap(g, text, width * 0.9, font)
  }
  g.textAlign = 'center'
  g.textBaseline = 'middle'
  fitted.forEach((line, i) => g.fillText(line, width / 2, height / 2 + (i - (fitted.length - 1) / 2) * font * 1.25))
  const texture = new CanvasTexture(canvas)
  texture.colorSpace = SRGBColorSpace
  return texture
}

function wrap(g: CanvasRenderingContext2D, text: string, maxWidth: number, font: number): string[] {
  g.font = `600 ${font}px system-ui, sans-serif`
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word
    if (g.measureText(next).width > maxWidth && line) {
      lines.push(line)
      line = word
    } else line = next
  }
  if (line) lines.push(line)
  return lines
}
