import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Channel, Message, User } from '../api/types'
import type { Ack, Transport } from '../realtime/socket'

vi.mock('../api/http', () => ({
  api: {
    channels: vi.fn(async () => ({ channels: [] })),
    history: vi.fn(async () => ({ messages: [], has_more: false })),
  },
  ApiError: class extends Error {},
}))

import { api } from '../api/http'
import { useChatStore } from './chat'

const ME: User = { id: 'me', username: 'zhangsan', name: '张三', pinyin: 'zhangsan', initials: 'zs', roles: [],
  disabled: false, memberships: [] }

function channel(over: Partial<Channel> = {}): Channel {
  return { id: 'c1', kind: 'unit', name: '市财政局', topic: '', unit_id: null, last_seq: 2, rev: 0,
    last_message_at: '2026-03-01T00:00:00Z', last_read_seq: 2, unread: 0, role: 'member', peer_id: null, ...over }
}

function msg(seq: number, over: Partial<Message> = {}): Message {
  return { id: `m${seq}`, channel_id: 'c1', seq, rev: 0, sender_id: 'other', sender_name: '马军', client_msg_id: `k${seq}`,
    content: `消息${seq}`, mentions: [], created_at: '2026-03-01T00:00:00Z', edited_at: null, recalled: false, ...over }
}

class FakeTransport implements Transport {
  connected = true
  sent: { event: string; payload: unknown }[] = []
  replies: ((payload: unknown) => Ack)[] = []
  async emit<T>(event: string, payload: unknown): Promise<Ack<T>> {
    this.sent.push({ event, payload })
    const reply = this.replies.shift()
    return (reply ? reply(payload) : { ok: true }) as Ack<T>
  }
}

describe('chat store', () => {
  let chat: ReturnType<typeof useChatStore>
  let t: FakeTransport

  beforeEach(() => {
    setActivePinia(createPinia())
    chat = useChatStore()
    t = new FakeTransport()
    chat.setTransport(t)
    chat.setMe(ME)
    chat.upsertChannel(channel())
    chat.visible = false
  })

  it('counts unread once per new message from others', () => {
    chat.handleEvent('message.new', { message: msg(3) })
    chat.handleEvent('message.new', { message: msg(3) })
    chat.handleEvent('message.new', { message: msg(4, { sender_id: 'me' }) })
    expect(chat.channels.c1.unread).toBe(1)
    expect(chat.channels.c1.last_seq).toBe(4)
    expect(chat.totalUnread).toBe(1)
    chat.handleEvent('channel.read', { channel_id: 'c1', last_read_seq: 4, unread: 0 })
    expect(chat.channels.c1.unread).toBe(0)
  })

  it('dedupes messages by seq and applies edits and recalls', async () => {
    vi.mocked(api.history).mockResolvedValueOnce({ messages: [msg(1), msg(2)], has_more: false })
    await chat.open('c1')
    chat.handleEvent('message.new', { message: msg(3) })
    chat.handleEvent('message.new', { message: msg(3) })
    expect(chat.convs.c1.messages.map((m) => m.seq)).toEqual([1, 2, 3])
    chat.handleEvent('message.updated', { message: msg(2, { rev: 1, content: '改了', edited_at: '2026-03-01T00:01:00Z' }) })
    chat.handleEvent('message.updated', { message: msg(3, { rev: 2, recalled: true, content: '' }) })
    expect(chat.convs.c1.messages[1].content).toBe('改了')
    expect(chat.convs.c1.messages[2].recalled).toBe(true)
    expect(chat.convs.c1.rev).toBe(2)
  })

  it('runs sync when a seq gap shows up, and merges what it returns', async () => {
    vi.mocked(api.history).mockResolvedValueOnce({ messages: [msg(1), msg(2)], has_more: false })
    await chat.open('c1')
    t.replies.push(() => ({ ok: true, data: { channels: [{ channel_id: 'c1', messages: [msg(3), msg(4), msg(5)],
      updates: [], last_seq: 5, rev: 0, too_far_behind: false }], unknown: [] } }))
    chat.handleEvent('message.new', { message: msg(5) })
    await new Promise((r) => setTimeout(r, 0))
    const sync = t.sent.find((s) => s.event === 'sync')
    expect(sync?.payload).toEqual({ channels: [{ channel_id: 'c1', last_seq: 2, last_rev: 0 }] })
    expect(chat.convs.c1.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5])
  })

  it('shows a pending message, confirms it on ack, and fails then retries with the same id', async () => {
    await chat.open('c1')
    t.replies.push(() => ({ ok: false, error: { code: 'timeout', message: '', message_en: '' } }))
    const p = chat.send('c1', '你好')
    await new Promise((r) => setTimeout(r, 0))
    expect(chat.convs.c1.pending[0].status).toBe('failed')
    const id = p.client_msg_id
    t.replies.push((payload) => ({ ok: true, data: msg(3, { sender_id: 'me', client_msg_id: (payload as { client_msg_id: string }).client_msg_id, content: '你好' }) }))
    chat.retry('c1', id)
    await new Promise((r) => setTimeout(r, 0))
    const sends = t.sent.filter((s) => s.event === 'message.send').map((s) => (s.payload as { client_msg_id: string }).client_msg_id)
    expect(sends).toEqual([id, id])
    expect(chat.convs.c1.pending).toHaveLength(0)
    expect(chat.convs.c1.messages.map((m) => m.content)).toEqual(['你好'])
    expect(chat.channels.c1.unread).toBe(0)
  })

  it('reloads the newest page when sync says too far behind', async () => {
    vi.mocked(api.history).mockResolvedValueOnce({ messages: [msg(1)], has_more: false })
    await chat.open('c1')
    vi.mocked(api.history).mockResolvedValueOnce({ messages: [msg(400), msg(401)], has_more: true })
    t.replies.push(() => ({ ok: true, data: { channels: [{ channel_id: 'c1', messages: [], updates: [], last_seq: 401,
      rev: 0, too_far_behind: true }], unknown: [] } }))
    await chat.syncChannels()
    expect(chat.convs.c1.messages.map((m) => m.seq)).toEqual([400, 401])
    expect(chat.convs.c1.hasMore).toBe(true)
  })

  it('drops a channel when I am removed from it', async () => {
    await chat.open('c1')
    chat.handleEvent('channel.member_removed', { channel_id: 'c1', user_id: 'me' })
    expect(chat.channels.c1).toBeUndefined()
    expect(chat.activeId).toBeNull()
  })
})
