import { describe, expect, it } from 'vitest'
import { dayStart, highlightPieces } from './highlight'

describe('highlightPieces', () => {
  it('marks code-point ranges, emoji and all', () => {
    expect(highlightPieces('😄预算报告已提交', [{ start: 1, end: 3 }])).toEqual([
      { text: '😄', hit: false }, { text: '预算', hit: true }, { text: '报告已提交', hit: false }])
  })
  it('merges overlaps and ignores ranges past the end', () => {
    expect(highlightPieces('财政预算', [{ start: 2, end: 4 }, { start: 0, end: 3 }, { start: 9, end: 12 }])).toEqual([
      { text: '财政预算', hit: true }])
  })
  it('gives the day after for an inclusive end date', () => {
    expect(dayStart('2026-12-31', 1)).toBe('2027-01-01T00:00:00')
    expect(dayStart('2026-03-05')).toBe('2026-03-05T00:00:00')
  })
})
