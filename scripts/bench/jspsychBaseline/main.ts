/**
 * The baseline the bench compares the drill with: a swipe trial as a jsPsych user would write it, with
 * @jspsych-contrib/plugin-html-swipe-response and the drill's own pictures. Nothing here is Perspectief code.
 *
 * For the bench only, two hooks: `__onsets` (the timestamp of the first animation frame after each trial's
 * stimulus is in the page, the same onset rule the drill uses) and `__trials` (jsPsych's own data per trial).
 * `__firstTrialReady` is set once the first picture is decoded and on screen.
 */
import { initJsPsych } from 'jspsych'
import HtmlSwipeResponsePlugin from '@jspsych-contrib/plugin-html-swipe-response'
import PreloadPlugin from '@jspsych/plugin-preload'
import 'jspsych/css/jspsych.css'

const pictures = Object.values(import.meta.glob('../../../assets/drinks/generated/*.webp', { eager: true, query: '?url', import: 'default' })) as string[]
const trials = Number(new URLSearchParams(location.search).get('trials') ?? 40)

interface Hooks {
  __onsets: number[]
  __trials: { rt: number | null; swipe: string | null }[]
  __firstTrialReady: boolean
}
const hooks = window as unknown as Hooks
hooks.__onsets = []
hooks.__trials = []
hooks.__firstTrialReady = false

const jsPsych = initJsPsych({})
const used = Array.from({ length: trials }, (_, i) => pictures[i % pictures.length]!)
// As the jsPsych docs advise: preload the pictures, so a trial does not wait for its image.
const preload = { type: PreloadPlugin, images: [...new Set(used)] }
const swipes = Array.from({ length: trials }, (_, i) => ({
  type: HtmlSwipeResponsePlugin,
  stimulus: `<img src="${used[i]}" alt="" style="width:70vw;max-width:24rem;aspect-ratio:1;object-fit:contain">`,
  prompt: '<p>Veeg naar links of rechts</p>',
  on_load: () => {
    const img = document.querySelector<HTMLImageElement>('#jspsych-html-swipe-response-stimulus img')!
    void img.decode().then(() => {
      requestAnimationFrame((t) => {
        hooks.__onsets.push(t)
        if (i === 0) hooks.__firstTrialReady = true
      })
    })
  },
  on_finish: (data: { rt: number | null; swipe_response: string | null }) => {
    hooks.__trials.push({ rt: data.rt, swipe: data.swipe_response })
  },
}))
void jsPsych.run([preload, ...swipes])
