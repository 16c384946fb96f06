import { getAdjacencyMap } from '@xstate/graph'
import type { AnyStateMachine } from 'xstate'
import { describe, expect, it } from 'vitest'
import { drillMachine, type DrillContext, type DrillEvent } from '../../src/engine/drill/drillMachine.ts'
import type { PlannedTrial } from '../../src/engine/drill/trialList.ts'
import { blocksFor } from '../../src/drill/drillPlan.ts'

/**
 * Model path test of the drill's trial loop: with every input a client (or the clock) can give, every state is
 * reachable, every reachable state can still reach the end, and every step that logs does so without gaps.
 */
interface Snap {
  value: string
  status: string
  context: DrillContext
}
const key = (s: Snap) => JSON.stringify([s.value, s.context.index, s.context.attempt, s.context.onset !== null, s.context.feedback, s.status])

function inputsFor(s: Snap): DrillEvent[] {
  // The clock reaches the pending deadline exactly; inputs carry that same time.
  const now = s.context.deadlineAt ?? 0
  const beat = s.context.beat
  switch (s.value) {
    case 'intro':
      return [{ type: 'continue', beat, at: now }]
    case 'fixation':
    case 'feedback':
      return [{ type: 'deadline', at: now }]
    case 'stimulus': {
      if (s.context.onset === null) return [{ type: 'shown', beat, onsetMs: 100, frameIntervalMs: 16.7, at: now }]
      const swipe = (response: 'push' | 'pull'): DrillEvent => ({ type: 'response', beat, response, touchdownMs: 300, initiationMs: 350, completionMs: 450, at: now })
      // One wrong try and one timeout per trial are enough to cover the repeat paths without endless states.
      return s.context.attempt < 3 ? [swipe('push'), swipe('pull'), { type: 'deadline', at: now }] : [swipe(s.context.trials[s.context.index]!.required)]
    }
    default:
      return []
  }
}

// A small plan with every kind of block and both assessment halves, built the way the app builds it.
const specs = blocksFor({ mode: 'training', assessmentBlock: true, assessmentTrials: 4, trainingTrials: 2, contingency: 100, instruction: 'content-relevant' }, 1, true)
const trials: PlannedTrial[] = specs.flatMap((spec, b) =>
  Array.from({ length: spec.count }, (_, i) => ({
    block: spec.block,
    trial: i + 1,
    stimulus: `s${b}-${i}`,
    category: i % 2 ? 'soft' : 'alcohol',
    required: (i % 2 ? 'soft' : 'alcohol') === 'alcohol' ? (spec.contingency === 0 ? 'pull' : 'push') : spec.contingency === 0 ? 'push' : 'pull',
    ...(spec.rule ? { rule: spec.rule } : {}),
  })),
)

describe('drill trial loop', () => {
  const adjacency = getAdjacencyMap(drillMachine as unknown as AnyStateMachine, {
    input: { sessionId: 'model', startedAt: 0, trials, timing: { fixationMs: 300, feedbackMs: 1200, timeoutMs: 3000 }, plan: {} },
    events: (snapshot) => inputsFor(snapshot as unknown as Snap),
    serializeState: (s) => key(s as unknown as Snap),
  }) as unknown as Record<string, { state: Snap; transitions: Record<string, { state: Snap }> }>
  const states = Object.values(adjacency)

  it('reaches every state of the loop and every trial of the plan', () => {
    expect(new Set(states.map((s) => s.state.value))).toEqual(new Set(['intro', 'fixation', 'stimulus', 'feedback', 'done']))
    expect(new Set(states.map((s) => s.state.context.index)).size).toBe(trials.length)
    // An intro for each block, and one for the reversed half of the assessment.
    expect(new Set(states.filter((s) => s.state.value === 'intro').map((s) => s.state.context.beat))).toEqual(
      new Set(['intro-practice', 'intro-assessment', 'intro-assessment-reversed', 'intro-training']),
    )
  })

  it('can reach the end from every reachable state', () => {
    const canEnd = new Set(states.filter((s) => s.state.status === 'done').map((s) => key(s.state)))
    let grew = true
    while (grew) {
      grew = false
      for (const s of states) {
        if (!canEnd.has(key(s.state)) && Object.values(s.transitions).some((t) => canEnd.has(key(t.state)))) {
          canEnd.add(key(s.state))
          grew = true
        }
      }
    }
    expect(states.filter((s) => !canEnd.has(key(s.state))).map((s) => key(s.state))).toEqual([])
  })

  it('logs one trial record per answered or timed-out attempt, numbered without gaps', () => {
    for (const { state, transitions } of states) {
      for (const [event, { state: next }] of Object.entries(transitions)) {
        const answered = event.includes('"response"') || (state.value === 'stimulus' && event.includes('"deadline"') && next.value === 'feedback')
        if (answered) expect(next.context.seq).toBeGreaterThanOrEqual(state.context.seq + 1)
        else expect(next.context.seq).toBeGreaterThanOrEqual(state.context.seq)
      }
    }
  })
})
