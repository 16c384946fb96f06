import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseScene } from './parse.ts'
import { formatSceneError } from './sceneError.ts'

const file = 'scenes/alliance-client/scene.yaml'
const sample = readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), 'utf8')

function edited(from: string, to: string): string {
  expect(sample.split(from)).toHaveLength(2)
  return sample.replace(from, to)
}
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length
function messages(text: string): string[] {
  const result = parseScene(text, file)
  expect(result.ok).toBe(false)
  return result.errors.map(formatSceneError)
}

describe('check-in declarations in a scene file', () => {
  it('the alliance scenes are valid', () => {
    expect(parseScene(sample, file).errors).toEqual([])
  })

  it('an unknown part names the file, the line and the known parts', () => {
    const text = edited('    part: trust\n    prompt: { nl: "Ik vertrouw', '    part: trsut\n    prompt: { nl: "Ik vertrouw')
    const line = lineOf(text, 'part: trsut')
    expect(messages(text)).toContainEqual(expect.stringMatching(new RegExp(`^${file}:${line}:\\d+ items\\.trust-1\\.part: unknown part "trsut".*trust`)))
  })

  it('a part whose statements point different ways is refused at the odd one', () => {
    const text = edited('    part: friction\n    reverse: true\n    prompt: { nl: "Ik voelde', '    part: friction\n    reverse: false\n    prompt: { nl: "Ik voelde')
    const line = lineOf(text, 'reverse: false')
    expect(messages(text)).toContainEqual(expect.stringMatching(new RegExp(`^${file}:${line}:\\d+ items\\.friction-2\\.reverse: the statements of part "friction" point different ways`)))
  })

  it('a contact kind outside the known kinds is refused with the values it may have', () => {
    const text = edited('{ value: video,', '{ value: skype,')
    const line = lineOf(text, 'value: skype')
    expect(messages(text)).toContainEqual(expect.stringMatching(new RegExp(`^${file}:${line}:\\d+ items\\.contact-kind\\.options\\[2\\]\\.value: "skype" is not a value for contact-kind.*office, home, video, phone, chat`)))
  })

  it('a check-in without a contact date says how to add one', () => {
    const text = edited('    context: contact-date\n', '')
    expect(messages(text)).toContainEqual(expect.stringContaining('checkIn: a check-in needs the date of the contact'))
  })

  it('parts outside a check-in, and "reverse" without a part, are explained', () => {
    expect(messages(edited('checkIn: { side: client }\n', ''))).toContainEqual(expect.stringContaining('parts and contact questions only count in a check-in'))
    const text = edited('    part: friction\n    reverse: true\n    prompt: { nl: "We waren', '    reverse: true\n    prompt: { nl: "We waren')
    expect(messages(text)).toContainEqual(expect.stringContaining('"reverse" only means something for a statement with a "part"'))
  })

  it('a side and a place to run from a fixed list', () => {
    expect(messages(edited('checkIn: { side: client }', 'checkIn: { side: both }')).join('\n')).toMatch(/checkIn\.side/)
    expect(messages(edited('checkIn: { side: client }', 'checkIn: { side: client }\nrunsIn: laptop')).join('\n')).toMatch(/runsIn/)
  })
})
