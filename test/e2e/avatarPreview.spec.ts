import { devices, type Page } from '@playwright/test'
import { join } from 'node:path'
import { futureSelfScreens } from './screens.ts'
import { expect, test } from './fixtures.ts'

/**
 * The avatar builder's preview as a client sees it, on a phone and on a laptop: the whole figure and its head inside
 * the canvas, a face close-up that fills it, and the preview beside the choices (laptop, staying there while the
 * choices scroll) or above them (phone). Two truths: the canvas's own pixels (what differs from the background), and
 * the posed figure's bounding box (every vertex, three's precise Box3) projected with the camera that draws it
 * (`__perspectiefAvatarFraming`, test builds). The screenshots are left in .test-output/avatar-preview/ for a person
 * to look at.
 */
const { defaultBrowserType: _browser, ...pixel7 } = devices['Pixel 7']
const shots = join(import.meta.dirname, '../../.test-output/avatar-preview')
const builder = futureSelfScreens.find((s) => s.name === 'future self: avatar builder')!

interface Framing {
  box: { left: number; right: number; top: number; bottom: number }
  head: { x: number; y: number }
}
/**
 * What the canvas shows, from its pixels (test builds keep the drawing buffer): which pixels differ from the
 * background colour in the corner, as fractions of the canvas, and their extent. Independent of the camera code.
 */
interface Drawn {
  share: number
  top: number
  bottom: number
  left: number
  right: number
  centre: boolean
}
const drawn = (page: Page) =>
  page.evaluate(() => {
    const gl = document.querySelector<HTMLCanvasElement>('[data-testid="avatar-canvas"] canvas')!
    const copy = document.createElement('canvas')
    copy.width = gl.width
    copy.height = gl.height
    const ctx = copy.getContext('2d')!
    ctx.drawImage(gl, 0, 0)
    const { data, width, height } = ctx.getImageData(0, 0, copy.width, copy.height)
    const bg = [data[0]!, data[1]!, data[2]!]
    const isFigure = (i: number) => Math.max(Math.abs(data[i]! - bg[0]!), Math.abs(data[i + 1]! - bg[1]!), Math.abs(data[i + 2]! - bg[2]!)) > 24
    let count = 0
    let top = height
    let bottom = -1
    let left = width
    let right = -1
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        if (!isFigure((y * width + x) * 4)) continue
        count++
        top = Math.min(top, y)
        bottom = Math.max(bottom, y)
        left = Math.min(left, x)
        right = Math.max(right, x)
      }
    const centre = isFigure((Math.floor(height / 2) * width + Math.floor(width / 2)) * 4)
    return { share: count / (width * height), top: top / height, bottom: (bottom + 1) / height, left: left / width, right: (right + 1) / width, centre }
  }) as Promise<Drawn>

const framing = (page: Page) => page.evaluate(() => (window as unknown as { __perspectiefAvatarFraming: () => unknown }).__perspectiefAvatarFraming()) as Promise<Framing>

const viewports = [
  { name: 'phone', use: pixel7 },
  { name: 'laptop', use: { viewport: { width: 1280, height: 800 } } },
] as const

for (const device of viewports) {
  test.describe(`on a ${device.name}`, () => {
    test.use(device.use)

    test('the preview shows the whole figure with its head, and a face close-up', async ({ page, context }) => {
      await builder.open(page, 'nl', context)
      await page.waitForFunction(() => typeof (window as unknown as { __perspectiefAvatarFraming?: unknown }).__perspectiefAvatarFraming === 'function')
      const preview = page.getByRole('img', { name: 'Zo ziet je poppetje eruit' })
      const canvas = page.getByTestId('avatar-canvas')

      // Whole figure: every part inside the canvas, and big enough to see (at least 60% of its height).
      const whole = await framing(page)
      expect(whole.box.left).toBeGreaterThanOrEqual(0)
      expect(whole.box.right).toBeLessThanOrEqual(1)
      expect(whole.box.top).toBeGreaterThanOrEqual(0)
      expect(whole.box.bottom).toBeLessThanOrEqual(1)
      expect(whole.box.bottom - whole.box.top).toBeGreaterThan(0.6)
      expect(whole.head.y).toBeGreaterThan(0)
      expect(whole.head.y).toBeLessThan(0.3)
      // The same from the pixels: the figure touches no edge, fills most of the height, and starts near the top.
      await expect.poll(async () => (await drawn(page)).share).toBeGreaterThan(0.02)
      const wholePixels = await drawn(page)
      expect(wholePixels.top).toBeGreaterThan(0)
      expect(wholePixels.top).toBeLessThan(0.15)
      expect(wholePixels.bottom).toBeLessThan(1)
      expect(wholePixels.left).toBeGreaterThan(0)
      expect(wholePixels.right).toBeLessThan(1)
      expect(wholePixels.bottom - wholePixels.top).toBeGreaterThan(0.6)
      await canvas.screenshot({ path: join(shots, `${device.name} whole.png`) })

      // The tallest choice still fits.
      await page.getByTestId('avatar-height-tall').click()
      await expect.poll(async () => (await framing(page)).box.top).toBeGreaterThanOrEqual(0)
      expect((await framing(page)).box.bottom).toBeLessThanOrEqual(1)

      // Face: the head in the middle of the canvas, and the figure reaching past its edges (a close-up).
      await page.getByRole('group', { name: 'Bekijk' }).getByRole('button', { name: 'Gezicht' }).click()
      await expect(preview).toHaveAttribute('data-framing', 'face')
      await expect.poll(async () => (await framing(page)).box.bottom).toBeGreaterThan(1)
      // From the pixels: the middle of the canvas is the figure (the face), which fills a good part of it and runs
      // off the bottom edge (the shoulders), with background above the hair.
      await expect.poll(async () => (await drawn(page)).bottom).toBe(1)
      const facePixels = await drawn(page)
      expect(facePixels.centre).toBe(true)
      expect(facePixels.share).toBeGreaterThan(0.2)
      expect(facePixels.top).toBeGreaterThan(0)
      await page.getByTestId('avatar-beard-full').click()
      await canvas.screenshot({ path: join(shots, `${device.name} face.png`) })

      // Where the preview sits: beside the choices on a laptop and still in view at the last choice; above them on a phone.
      const choices = page.locator('.avatar-choices')
      const previewBox = (await preview.boundingBox())!
      const choicesBox = (await choices.boundingBox())!
      const viewportHeight = page.viewportSize()!.height
      if (device.name === 'laptop') {
        expect(previewBox.x + previewBox.width).toBeLessThanOrEqual(choicesBox.x)
        expect(previewBox.y + previewBox.height).toBeLessThanOrEqual(viewportHeight)
        await page.getByTestId('avatar-age-60+').scrollIntoViewIfNeeded()
        const after = (await preview.boundingBox())!
        expect(after.y).toBeGreaterThanOrEqual(0)
        expect(after.y + after.height).toBeLessThanOrEqual(viewportHeight)
      } else {
        expect(previewBox.y + previewBox.height).toBeLessThanOrEqual(choicesBox.y)
        expect(previewBox.y + previewBox.height).toBeLessThanOrEqual(viewportHeight)
      }
      await page.screenshot({ path: join(shots, `${device.name} page.png`) })
    })
  })
}
