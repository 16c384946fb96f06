/**
 * The baseline the bench compares the drill with: a swipe trial as a jsPsych user would write it, with
 * @jspsych-contrib/plugin-html-swipe-response and the drill's own pictures. Nothing here is Perspectief code.
 *
 * For the bench only: `__trials` (jsPsych's own data per trial, and the picture it showed) and `__firstTrialReadyAt`
 * (the page's clock once the first picture is decoded and on screen). The picture carries `elementtiming`, so the
 * browser reports when it was painted: the bench's time zero for both tools (scripts/browser/paintTruth.ts).
 */
import { initJsPsych } from 'jspsych'
import HtmlSwipeResponsePlugin from '@jspsych-contrib/plugin-html-swipe-response'
import PreloadPlugin from '@jspsych/plugin-preload'
import 'jspsych/css/jspsych.css'

const pictures = Object.values(import.meta.glob('../../../assets/drinks/generated/*.webp', { eager: true, query: '?url', import: 'default' })) as string[]
const trials = Number(new URLSearchParams(location.search).get('trials') ?? 40)

interface Hooks {
  __trials: { rt: number | null; swipe: string | null; picture: string }[]
  __firstTrialReadyAt: number | null
}
const hooks = window as unknown as Hooks
hooks.__trials = []
hooks.__firstTrialReadyAt = null

const jsPsych = initJsPsych({})
const used = Array.from({ length: trials }, (_, i) => pictures[i % pictures.length]!)
// As the jsPsych docs advise, preload pictures so that a trial does not wait for its image; the first three, as
// many as the drill waits for before its first trial (the rest load as their trials come, and the paint truth
// shows any that come late).
const preload = { type: PreloadPlugin, images: [...new Set(used)].slice(0, 3) }
const swipes = Array.from({ length: trials }, (_, i) => ({
  type: HtmlSwipeResponsePlugin,
  stimulus: `<img src="${used[i]}" elementtiming="stimulus" alt="" style="width:70vw;max-width:24rem;aspect-ratio:1;object-fit:contain">`,
  prompt: '<p>Veeg naar links of rechts</p>',
  on_load: () => {
    const img = document.querySelector<HTMLImageElement>('#jspsych-html-swipe-response-stimulus img')!
    void img.decode().then(() => {
      requestAnimationFrame(() => {
        if (i === 0) hooks.__firstTrialReadyAt = performance.now()
      })
    })
  },
  on_finish: (data: { rt: number | null; swipe_response: string | null }) => {
    hooks.__trials.push({ rt: data.rt, swipe: data.swipe_response, picture: used[i]! })
  },
}))
void jsPsych.run([preload, ...swipes])
