import { useFrame } from '@react-three/fiber'
import { useEffect, useMemo, useRef, useState } from 'react'
import { Quaternion, Vector3 } from 'three'
import type { VoiceRecorder } from '../audio/voiceRecorder.ts'
import type { RuntimeView } from '../engine/runtime.ts'
import type { SceneContext, SceneInputEvent } from '../engine/sceneTypes.ts'
import { connectHeadset, type HeadsetLink, type HeadsetLinkStatus } from '../room/headsetLink.ts'
import type { CommandFrame, SessionState } from '../room/protocol.ts'
import type { BundledScene } from '../script/bundledScene.ts'
import type { Language } from '../script/localized.ts'
import { childEyeTargets } from './environments/childEyeLayout.ts'
import { meetingTargets } from './environments/meetingRoomLayout.ts'
import type { AvatarChoices } from '../avatar/avatarChoices.ts'

/** Pose frames a second to the console (the console interpolates between them). */
export const poseHz = 30

const dwellTargets: Record<string, Record<string, Vector3>> = { 'child-bedroom': childEyeTargets, 'meeting-room': meetingTargets }

interface Live {
  beat: string
  beatSince: number
  timeline: SessionState['timeline']
  pauses: SessionState['pauses']
  /** Time per target the head pointed at it in this beat, and the beat's sampled time (ms). */
  dwell: { inside: Record<string, number>; total: number; last: number | null }
}

export interface RoomLinkOptions {
  scene: BundledScene
  view: RuntimeView
  language: Language
  send(input: SceneInputEvent): void
  avatar: AvatarChoices | null
  recorder: VoiceRecorder | null
}

/**
 * The headset's end of the trainer's console: connects to the relay when the VR start screen opens, shows the code,
 * streams the session's state on every change, and turns the console's commands into the scene's own inputs, each
 * logged first as `trainer.command`. Without a relay the link stays offline and nothing else changes.
 */
export function useRoomLink({ scene, view, language, send, avatar, recorder }: RoomLinkOptions) {
  const [status, setStatus] = useState<HeadsetLinkStatus>({ phase: 'offline', code: null, consoleConnected: false })
  const context = view.context as SceneContext
  const live = useRef<Live>({ beat: view.beat, beatSince: Date.now(), timeline: [], pauses: [], dwell: { inside: {}, total: 0, last: null } })
  const latest = useRef({ view, send, scene, language, avatar, recorder })
  latest.current = { view, send, scene, language, avatar, recorder }
  const linkRef = useRef<HeadsetLink | null>(null)

  const stateNow = (): SessionState => {
    const { view: v, scene: s, language: lang, avatar: a, recorder: r } = latest.current
    const c = v.context as SceneContext
    const beat = s.script.beats.find((b) => b.id === c.beat)
    const lineId = c.cue?.line ?? beat?.say
    const line = lineId ? s.script.lines[lineId]?.[lang] ?? null : null
    const d = live.current.dwell
    return {
      sceneId: s.script.id,
      language: lang,
      params: c.params as SessionState['params'],
      avatar: a ? ({ ...a } as Record<string, string>) : null,
      beat: c.beat,
      line: line ? line.slice(0, 600) : null,
      beatSince: live.current.beatSince,
      sentAt: Date.now(),
      status: v.status,
      paused: c.paused ? { reason: c.paused.reason.slice(0, 80), since: c.paused.since } : null,
      clientChoice: null,
      props: c.props ?? {},
      poses: c.poses,
      seat: c.seat ?? null,
      flags: c.flags,
      answers: Object.fromEntries(Object.entries(c.answers).map(([k, val]) => [k, typeof val === 'string' ? val.slice(0, 400) : val])),
      dwell: d.total > 0 ? Object.fromEntries(Object.entries(d.inside).map(([k, ms]) => [k, Math.min(1, ms / d.total)])) : {},
      microphone: !r || r.state() !== 'ready' ? 'none' : r.recording() ? 'recording' : 'ready',
      timeline: live.current.timeline.slice(-200),
      pauses: live.current.pauses.slice(-200),
    }
  }
  const pushState = () => {
    const link = linkRef.current
    if (link?.live()) link.send({ type: 'state', state: stateNow() })
  }

  // Beats and pauses as they happen, for the console's timeline and the time in the beat.
  const l = live.current
  if (l.timeline.length === 0 || l.beat !== context.beat) {
    if (l.beat !== context.beat) l.dwell = { inside: {}, total: 0, last: null }
    l.beat = context.beat
    l.beatSince = Date.now()
    l.timeline.push({ beat: context.beat, atMs: Math.max(0, Date.now() - context.startedAt) })
  }
  const lastPause = l.pauses[l.pauses.length - 1]
  if (context.paused && (!lastPause || lastPause.ms !== null)) l.pauses.push({ beat: context.beat, atMs: Math.max(0, context.paused.since - context.startedAt), ms: null, reason: context.paused.reason.slice(0, 80) })
  if (!context.paused && lastPause && lastPause.ms === null) lastPause.ms = Math.max(0, Date.now() - context.startedAt - lastPause.atMs)

  useEffect(() => {
    const onCommand = (c: CommandFrame) => {
      const { view: v, send: sendInput } = latest.current
      const link = linkRef.current
      if (v.status === 'completed') return link?.send({ type: 'ack', id: c.id, ok: false, reason: 'completed' })
      const log = (extra: Record<string, unknown> = {}) => sendInput({ type: 'measure', forBeat: v.beat, kind: 'trainer.command', data: { command: c.command, ...extra } })
      // Inputs are committed one after another; the safety pause goes first so that it waits for no log write,
      // and its command record follows. Every other command is logged before it acts (after a stop nothing is).
      if (c.command === 'pause') {
        sendInput({ type: 'pause', reason: 'trainer-console' })
        log()
      } else if (c.command === 'note') log({ note: (c.text ?? '').slice(0, 280) })
      else log()
      if (c.command === 'pause') return link?.send({ type: 'ack', id: c.id, ok: true })
      if (c.command === 'resume') sendInput({ type: 'resume' })
      else if (c.command === 'stop') sendInput({ type: 'stop', reason: 'trainer-console' })
      else if (c.command === 'repeat') sendInput(c.beat === undefined ? { type: 'repeat' } : { type: 'repeat', beat: c.beat })
      else if (c.command === 'skip') sendInput(c.beat === undefined ? { type: 'skip' } : { type: 'skip', beat: c.beat })
      link?.send({ type: 'ack', id: c.id, ok: true })
    }
    const link = connectHeadset({
      onCommand,
      onStatus: (s) => {
        setStatus(s)
        // A console that (re)connects catches up from the headset's state now.
        if (s.consoleConnected) queueMicrotask(pushState)
      },
    })
    linkRef.current = link
    return () => {
      link.close()
      linkRef.current = null
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // The state on every change of the session; the live dwell twice a second in between.
  useEffect(pushState, [view])
  useEffect(() => {
    const timer = setInterval(pushState, 500)
    return () => clearInterval(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const environment = scene.script.vr?.environment ?? 'child-bedroom'
  const targets = dwellTargets[environment] ?? {}
  const coneCos = Math.cos(((scene.script.vr?.dwellConeDeg ?? 18) * Math.PI) / 180)
  return { status, linkRef, live, targets, coneCos, paused: context.paused !== null }
}

export type RoomLinkHandle = ReturnType<typeof useRoomLink>

interface StreamCost {
  frames: number
  totalMs: number
  maxMs: number
  sent: number
}

/**
 * Inside the canvas: sends the head pose at `poseHz` while a console is connected, from the camera matrix the
 * renderer already computed (no extra scene traversal), and samples the live dwell at the same rate.
 */
export function RoomPose({ room }: { room: RoomLinkHandle }) {
  const last = useRef(0)
  const q = useMemo(() => new Quaternion(), [])
  const forward = useMemo(() => new Vector3(), [])
  const toTarget = useMemo(() => new Vector3(), [])
  const cost = useMemo<StreamCost>(() => ({ frames: 0, totalMs: 0, maxMs: 0, sent: 0 }), [])
  useEffect(() => {
    if (__TEST_MODE__) (window as unknown as { __perspectiefRoomCost: StreamCost }).__perspectiefRoomCost = cost
  }, [cost])
  useFrame(({ camera }) => {
    const started = __TEST_MODE__ ? performance.now() : 0
    const link = room.linkRef.current
    if (link?.live()) {
      const now = performance.now()
      if (now - last.current >= 1000 / poseHz - 2) {
        last.current = now
        const e = camera.matrixWorld.elements
        q.setFromRotationMatrix(camera.matrixWorld)
        link.send({ type: 'pose', t: Date.now(), p: [e[12]!, e[13]!, e[14]!], q: [q.x, q.y, q.z, q.w] })
        // Live dwell: which targets the head points at now, over the time since the last sample.
        const d = room.live.current.dwell
        const dt = d.last === null ? 0 : Math.min(200, now - d.last)
        d.last = now
        if (!room.paused && dt > 0) {
          d.total += dt
          forward.set(-e[8]!, -e[9]!, -e[10]!).normalize()
          for (const [name, target] of Object.entries(room.targets)) {
            toTarget.set(target.x - e[12]!, target.y - e[13]!, target.z - e[14]!).normalize()
            if (forward.dot(toTarget) >= room.coneCos) d.inside[name] = (d.inside[name] ?? 0) + dt
            else d.inside[name] ??= 0
          }
        }
        if (__TEST_MODE__) cost.sent++
      }
    }
    if (__TEST_MODE__) {
      const ms = performance.now() - started
      cost.frames++
      cost.totalMs += ms
      cost.maxMs = Math.max(cost.maxMs, ms)
    }
  })
  return null
}
