import { describe, expect, it } from 'vitest'
import { trainerNotes } from './trainerNotes.ts'

describe('trainer notes', () => {
  it('takes only note commands, timed from the first event', () => {
    const events = [
      { t: 1000, type: 'beat.entered', data: { beat: 'a' } },
      { t: 1500, type: 'trainer.command', data: { beat: 'a', command: 'pause' } },
      { t: 4200, type: 'trainer.command', data: { beat: 'b', command: 'note', note: 'kijkt weg bij vader' } },
    ]
    expect(trainerNotes(events)).toEqual([{ beat: 'b', atMs: 3200, text: 'kijkt weg bij vader' }])
  })
})
