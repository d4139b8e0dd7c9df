import { describe, expect, it } from 'vitest'
import { blockMarks, chineseNumber } from './outgoing'

describe('正文 heading numbers', () => {
  it('counts within the parent and resets lower levels', () => {
    const blocks = [1, 2, 2, 3, 4, 1, 2, 0].map((level) => ({ level, text: 'x' }))
    expect(blockMarks(blocks)).toEqual(['一、', '（一）', '（二）', '1.', '（1）', '二、', '（一）', ''])
  })
  it('writes Chinese numbers like the hub', () => {
    expect([1, 10, 12, 20, 99].map(chineseNumber)).toEqual(['一', '十', '十二', '二十', '九十九'])
  })
})
