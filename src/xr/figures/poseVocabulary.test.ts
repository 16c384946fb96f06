import { describe, expect, it } from 'vitest'
import { poseNames as scenePoseNames } from '../../script/vocabulary.ts'
import { poseNames, poses } from './poses.ts'

describe('pose vocabulary', () => {
  it('implements exactly the poses a scene may name', () => {
    expect([...poseNames].sort()).toEqual([...scenePoseNames].sort())
    for (const name of scenePoseNames) expect(poses[name]).toBeDefined()
  })
})
