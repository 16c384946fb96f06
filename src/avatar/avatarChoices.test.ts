import { describe, expect, it } from 'vitest'
import { defaultAvatar, readAvatarChoices } from './avatarChoices.ts'

describe('avatarChoices', () => {
  it('reads stored choices, replacing unknown values by the defaults', () => {
    expect(readAvatarChoices({ body: 'broad', skin: 'purple', hair: 42 })).toEqual({ ...defaultAvatar, body: 'broad' })
    expect(readAvatarChoices(null)).toEqual(defaultAvatar)
  })
})
