import { describe, expect, it } from 'vitest'
import { avatarOptions, defaultAvatar, type AvatarChoices } from '../../avatar/avatarChoices.ts'
import { futureLook, presentLook } from './avatarLook.ts'
import { buildFigure } from './buildFigure.ts'

describe('avatarLook', () => {
  it('turns every choice into a figure that builds', () => {
    for (const [key, options] of Object.entries(avatarOptions)) {
      for (const option of options) {
        const choices = { ...defaultAvatar, [key]: option } as AvatarChoices
        const figure = buildFigure(presentLook(choices))
        expect(figure.height).toBeGreaterThan(1.5)
        figure.dispose()
      }
    }
  })

  it('ages the future self by the years asked, with visible signs even after five years', () => {
    const now = presentLook(defaultAvatar)
    const later = futureLook(defaultAvatar, 5, 'changed')
    expect(later.age).toBe((now.age ?? 0) + 5)
    expect(later.greying).toBeGreaterThan(0.3)
    expect(later.hair.thinning).toBeGreaterThan(0)
    expect(now.greying).toBeUndefined()
    expect(futureLook(defaultAvatar, 20, 'changed').greying!).toBeGreaterThan(later.greying!)
    expect(futureLook(defaultAvatar, 10, 'changed').faceLines).toBe(1)
  })

  it('shows a future where nothing changed as more worn than one where the client changed', () => {
    const worn = futureLook(defaultAvatar, 10, 'unchanged')
    const changed = futureLook(defaultAvatar, 10, 'changed')
    expect(worn.greying!).toBeGreaterThan(changed.greying!)
    expect(worn.faceLines).toBe(2)
    expect(worn.build).toBe('broad')
    expect(changed.build).toBe('average')
    expect(worn.top).not.toBe(presentLook(defaultAvatar).top)
    expect(changed.top).toBe(presentLook(defaultAvatar).top)
  })

  it('keeps what makes the figure recognisable: skin, form, hair style and height', () => {
    const choices: AvatarChoices = { ...defaultAvatar, form: 'feminine', skin: 'tone-5', hair: 'ponytail', height: 'tall', beard: 'full' }
    const now = presentLook(choices)
    const later = futureLook(choices, 20, 'unchanged')
    expect(later.skin).toBe(now.skin)
    expect(later.form).toBe('feminine')
    expect(later.hair.style).toBe('ponytail')
    expect(later.height).toBe(now.height)
    expect(now.beard).toBe('none')
    expect(later.hair.thinning).toBe(0)
  })
})
