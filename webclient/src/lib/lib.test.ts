import { describe, expect, it } from 'vitest'
import type { Message, User } from '../api/types'
import { ApiError } from '../api/http'
import { bodyText, errorText } from './errors'
import { newClientMsgId } from './ids'
import { renderMarkdown, plainPreview } from './markdown'
import { insertMention, matchMembers, mentionQuery } from './mention'
import { contiguousTop, maxRev, mergeMessages } from './merge'
import { beijingDateTime, shortTime } from './time'

function msg(seq: number, rev = 0, content = `m${seq}`): Message {
  return { id: `id${seq}`, channel_id: 'c', seq, rev, sender_id: 'u', sender_name: '张三', client_msg_id: `k${seq}`,
    content, mentions: [], created_at: '2026-03-01T02:00:00Z', edited_at: null, recalled: false, card: null,
    attachments: [], reply_to: null, reactions: [], system: false, forwarded: null }
}

function user(name: string, pinyin: string, initials: string, username: string): User {
  return { id: username, username, name, pinyin, initials, roles: [], disabled: false, memberships: [] }
}

describe('mergeMessages', () => {
  it('dedupes by seq, keeps order and the newest rev', () => {
    const a = mergeMessages([msg(1), msg(3)], [msg(2), msg(3), msg(1, 5, 'edited')])
    expect(a.map((m) => m.seq)).toEqual([1, 2, 3])
    expect(a[0].content).toBe('edited')
    const b = mergeMessages(a, [msg(1, 2, 'older')])
    expect(b[0].content).toBe('edited')
  })
  it('finds the contiguous top and max rev', () => {
    expect(contiguousTop([msg(4), msg(5), msg(7)])).toBe(5)
    expect(contiguousTop([])).toBe(0)
    expect(maxRev([msg(1, 3), msg(2, 9)], 4)).toBe(9)
  })
})

describe('mentions', () => {
  const members = [user('张三', 'zhangsan', 'zs', 'zhangsan'), user('张绍松', 'zhangshaosong', 'zss', 'zhangshaosong'),
    user('马军', 'majun', 'mj', 'majun')]
  it('detects the query before the caret', () => {
    expect(mentionQuery('你好 @zh', 6)).toEqual({ start: 3, query: 'zh' })
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' })
    expect(mentionQuery('mail@x', 6)).toBeNull()
  })
  it('matches by name, pinyin and initials, exact initials first', () => {
    expect(matchMembers(members, 'zs').map((u) => u.name)).toEqual(['张三', '张绍松'])
    expect(matchMembers(members, 'ma').map((u) => u.name)).toEqual(['马军'])
    expect(matchMembers(members, '绍').map((u) => u.name)).toEqual(['张绍松'])
    expect(matchMembers(members, '').length).toBe(3)
  })
  it('inserts @名字 and a space', () => {
    expect(insertMention('请 @mj 看', 2, 5, '马军')).toEqual({ text: '请 @马军  看', caret: 6 })
  })
})

describe('renderMarkdown', () => {
  it('renders markdown', () => {
    expect(renderMarkdown('**粗体**')).toContain('<strong>粗体</strong>')
    expect(renderMarkdown('a\nb')).toContain('<br>')
  })
  it('keeps raw html and scripts inert', () => {
    const html = renderMarkdown('<img src=x onerror=alert(1)><script>alert(1)</script>')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<script')
    expect(html).toContain('&lt;img')
  })
  it('drops javascript: links and opens others safely', () => {
    const html = renderMarkdown('[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [ok](https://gov.cn)')
    expect(html.toLowerCase()).not.toContain('href="javascript')
    expect(html).toContain('href="https://gov.cn"')
    expect(html).toContain('rel="noopener noreferrer"')
  })
  it('makes plain previews', () => {
    expect(plainPreview('**重要** [链接](https://x)')).toBe('重要 链接')
  })
})

describe('time in Beijing', () => {
  const now = new Date('2026-03-02T04:00:00Z') // 12:00 Beijing
  it('formats today, yesterday and older', () => {
    expect(shortTime('2026-03-02T01:05:00Z', { yesterday: '昨天' }, now)).toBe('09:05')
    expect(shortTime('2026-03-01T16:30:00Z', { yesterday: '昨天' }, now)).toBe('00:30') // already 3/2 in Beijing
    expect(shortTime('2026-03-01T01:00:00Z', { yesterday: '昨天' }, now)).toBe('昨天 09:00')
    expect(shortTime('2026-01-10T01:00:00Z', { yesterday: '昨天' }, now)).toBe('01-10 09:00')
    expect(shortTime('2025-01-10T01:00:00Z', { yesterday: '昨天' }, now)).toBe('2025-01-10')
    expect(beijingDateTime('2026-12-01T09:00:00Z')).toBe('2026-12-01 17:00')
  })
})

describe('errors', () => {
  const t = (k: string, n?: Record<string, unknown>) => `${k}${n ? JSON.stringify(n) : ''}`
  it('picks the message for the language', () => {
    const e = new ApiError(403, { code: 'forbidden', message: '无权执行此操作', message_en: 'You are not allowed to do this' })
    expect(errorText(e, 'zh-CN', t)).toBe('无权执行此操作')
    expect(errorText(e, 'en', t)).toBe('You are not allowed to do this')
  })
  it('says how long an account is locked and how many attempts remain', () => {
    expect(bodyText({ code: 'account_locked', message: '', message_en: '', retry_after_seconds: 600 }, 'zh-CN', t))
      .toBe('login.locked{"minutes":10}')
    expect(bodyText({ code: 'bad_credentials', message: '用户名或密码错误', message_en: 'Wrong', remaining_attempts: 2 }, 'zh-CN', t))
      .toBe('用户名或密码错误。login.remaining{"n":2}')
    expect(errorText(new ApiError(0, { code: 'network', message: '', message_en: '' }), 'en', t)).toBe('error.network')
  })
})

describe('client_msg_id', () => {
  it('matches the hub pattern and is unique', () => {
    const a = newClientMsgId()
    expect(a).toMatch(/^[A-Za-z0-9_.:-]+$/)
    expect(a.length).toBeLessThanOrEqual(64)
    expect(newClientMsgId()).not.toBe(a)
  })
})
