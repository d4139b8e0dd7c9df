import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Channel, Message, User } from '../api/types'
import type { Ack, Transport } from '../realtime/socket'
import { createHubEvents } from '../realtime/events'
import type { EventRegistry } from '../realtime/registry'
import { makeAction, makeCard, makeChannel, makeMessage, makeUser } from '../test/fixtures'

vi.mock('../api/http', () => ({
  api: {
    channels: vi.fn(async () => ({ channels: [] })),
    history: vi.fn(async () => ({ messages: [], has_more: false })),
    members: vi.fn(async () => ({ members: [] })),
    chatSettings: vi.fn(async () => ({ recall_window_seconds: 120, message_max_chars: 8000 })),
  },
  ApiError: class extends Error {},
}))

import { api } from '../api/http'
import { clearQueued } from '../lib/outbox'
import { RESEND, refused, useChatStore } from './chat'
import { useCardStore } from './cards'

const ME: User = { id: 'me', username: 'zhangsan', name: '张三', pinyin: 'zhangsan', initials: 'zs', roles: [],
  disabled: false, memberships: [] }

function channel(over: Partial<Channel> = {}): Channel {
  return makeChannel({ last_seq: 2, last_message_at: '2026-03-01T00:00:00Z', last_read_seq: 2, ...over })
}

function msg(seq: number, over: Partial<Message> = {}): Message {
  return makeMessage({ id: `m${seq}`, seq, client_msg_id: `k${seq}`, content: `消息${seq}`, ...over })
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
  let events: EventRegistry

  beforeEach(() => {
    setActivePinia(createPinia())
    chat = useChatStore()
    events = createHubEvents()
    t = new FakeTransport()
    chat.setTransport(t)
    chat.setMe(ME)
    chat.upsertChannel(channel())
    chat.visible = false
  })

  it('counts unread once per new message from others', () => {
    events.dispatch('message.new', { message: msg(3) })
    events.dispatch('message.new', { message: msg(3) })
    events.dispatch('message.new', { message: msg(4, { sender_id: 'me' }) })
    expect(chat.channels.c1.unread).toBe(1)
    expect(chat.channels.c1.last_seq).toBe(4)
    expect(chat.totalUnread).toBe(1)
    events.dispatch('channel.read', { channel_id: 'c1', last_read_seq: 4, unread: 0 })
    expect(chat.channels.c1.unread).toBe(0)
  })

  it('dedupes messages by seq and applies edits and recalls', async () => {
    vi.mocked(api.history).mockResolvedValueOnce({ messages: [msg(1), msg(2)], has_more: false })
    await chat.open('c1')
    events.dispatch('message.new', { message: msg(3) })
    events.dispatch('message.new', { message: msg(3) })
    expect(chat.convs.c1.messages.map((m) => m.seq)).toEqual([1, 2, 3])
    events.dispatch('message.updated', { message: msg(2, { rev: 1, content: '改了', edited_at: '2026-03-01T00:01:00Z' }) })
    events.dispatch('message.updated', { message: msg(3, { rev: 2, recalled: true, content: '' }) })
    expect(chat.convs.c1.messages[1].content).toBe('改了')
    expect(chat.convs.c1.messages[2].recalled).toBe(true)
    expect(chat.convs.c1.rev).toBe(2)
  })

  it('runs sync when a seq gap shows up, and merges what it returns', async () => {
    vi.mocked(api.history).mockResolvedValueOnce({ messages: [msg(1), msg(2)], has_more: false })
    await chat.open('c1')
    t.replies.push(() => ({ ok: true, data: { channels: [{ channel_id: 'c1', messages: [msg(3), msg(4), msg(5)],
      updates: [], last_seq: 5, rev: 0, too_far_behind: false }], unknown: [] } }))
    events.dispatch('message.new', { message: msg(5) })
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
    events.dispatch('channel.member_removed', { channel_id: 'c1', user_id: 'me' })
    expect(chat.channels.c1).toBeUndefined()
    expect(chat.activeId).toBeNull()
  })

  it('reloads a shown member list when someone joins or leaves (it used to drop to 0)', async () => {
    const li = makeUser({ id: 'li', name: '李四' })
    vi.mocked(api.members).mockResolvedValueOnce({ members: [ME] })
    await chat.loadMembers('c1')
    vi.mocked(api.members).mockResolvedValueOnce({ members: [ME, li] })
    events.dispatch('channel.member_added', { channel: channel(), user_ids: ['li'] })
    expect(chat.members.c1?.length ?? 0).toBeGreaterThan(0)
    await vi.waitFor(() => expect(chat.members.c1.map((u) => u.id)).toEqual(['me', 'li']))
    vi.mocked(api.members).mockResolvedValueOnce({ members: [ME] })
    events.dispatch('channel.member_removed', { channel_id: 'c1', user_id: 'li' })
    await vi.waitFor(() => expect(chat.members.c1.map((u) => u.id)).toEqual(['me']))
    // A list never shown is not fetched.
    vi.mocked(api.members).mockClear()
    events.dispatch('channel.member_added', { channel: channel({ id: 'c9' }), user_ids: ['li'] })
    expect(api.members).not.toHaveBeenCalled()
  })

  it('shows previews and 待处理 counts from the channel list alone: no history request per channel', async () => {
    const approve = makeAction({ id: 'approve', label: '同意', personal: true })
    const pendingCard = makeCard({ id: 'k7', actions: [approve] })
    vi.mocked(api.history).mockClear()
    vi.mocked(api.channels).mockResolvedValueOnce({ channels: [
      channel({ id: 'c1', last_seq: 9, last_message: msg(9, { content: '最新一条' }) }),
      channel({ id: 'c2', last_seq: 4, last_message: msg(4, { channel_id: 'c2', id: 'm4c2', card: pendingCard }),
        pending_card_ids: ['k7', 'k8'] }),
      channel({ id: 'c3', last_seq: 0 }),
    ] })
    await chat.loadChannels()
    expect(api.history).not.toHaveBeenCalled()
    expect(chat.previews.c1.content).toBe('最新一条')
    expect(chat.previews.c2.card?.id).toBe('k7')
    expect(chat.previews.c3).toBeUndefined()
    // k8 is not loaded here: the hub's word counts until an event says otherwise.
    expect([chat.waitingCount('c1'), chat.waitingCount('c2')]).toEqual([0, 2])
    events.dispatch('card.actions', { card_id: 'k8', version: 2, actions: [] })
    expect(chat.waitingCount('c2')).toBe(1)
    events.dispatch('card.updated', { card: makeCard({ id: 'k7', version: 2, actions: [] }) })
    expect(chat.waitingCount('c2')).toBe(0)
    // A new card for me arrives live in a channel never opened.
    events.dispatch('message.new', { message: msg(10, { card: makeCard({ id: 'k9' }) }) })
    events.dispatch('card.actions', { card_id: 'k9', version: 1, actions: [approve] })
    expect(chat.waitingCount('c1')).toBe(1)
    expect(useCardStore().waitingById('k9')).toBe(true)
    // Recalling the message removes its card from the count.
    events.dispatch('message.updated', { message: msg(10, { rev: 1, recalled: true, card: null }) })
    expect(chat.waitingCount('c1')).toBe(0)
  })

  it('offers to edit, not resend, a message the hub refused, and keeps resend for network failures', async () => {
    const error = { code: 'classified_content', message: '消息含有密级标识，不能发送', message_en: 'Classified' }
    t.replies.push(() => ({ ok: false, error }))
    const p = chat.send('c1', '机密★ 预算草案')
    await vi.waitFor(() => expect(p.status).toBe('failed'))
    const live = chat.convs.c1.pending[0]
    expect(live.error?.message).toBe('消息含有密级标识，不能发送')
    expect(refused(live)).toBe(true)
    chat.retry('c1', live.client_msg_id)
    expect(t.sent.filter((s) => s.event === 'message.send')).toHaveLength(1)
    expect(chat.takeBack('c1', live.client_msg_id)).toBe('机密★ 预算草案')
    expect(chat.convs.c1.pending).toHaveLength(0)

    t.replies.push(() => ({ ok: false, error: { code: 'timeout', message: '', message_en: '' } }))
    const q = chat.send('c1', '你好')
    await vi.waitFor(() => expect(q.status).toBe('failed'))
    expect(refused(chat.convs.c1.pending[0])).toBe(false)
  })

  it('sends again by itself, with the same id, when the hub\'s store was briefly unavailable', async () => {
    const base = RESEND.baseMs
    RESEND.baseMs = 5
    try {
      const down = { code: 'store_unavailable', message: '数据库暂时不可用', message_en: 'Store unavailable' }
      t.replies.push(() => ({ ok: false, error: down }))
      t.replies.push((payload: unknown) => {
        const p = payload as { client_msg_id: string; content: string }
        return { ok: true, data: msg(2, { sender_id: 'me', client_msg_id: p.client_msg_id, content: p.content }) }
      })
      const before = t.sent.filter((s) => s.event === 'message.send').length
      chat.send('c1', '数据库恢复后送达')
      await vi.waitFor(() => expect(chat.convs.c1.pending).toHaveLength(0))
      const sends = t.sent.filter((s) => s.event === 'message.send').slice(before)
      expect(sends).toHaveLength(2)
      const ids = sends.map((s) => (s.payload as { client_msg_id: string }).client_msg_id)
      expect(ids[0]).toBe(ids[1])
    } finally {
      RESEND.baseMs = base
    }
  })

  it('queues what is typed offline and sends it on reconnect in order, once, with the original ids', async () => {
    await clearQueued(ME.id)  // earlier tests leave timed-out sends queued, as a reload would resend them
    t.connected = false
    const first = chat.send('c1', '第一条')
    const second = chat.send('c1', '第二条')
    await new Promise((r) => setTimeout(r, 0))
    expect([first.status, second.status]).toEqual(['queued', 'queued'])
    expect(t.sent.filter((s) => s.event === 'message.send')).toHaveLength(0)
    let seq = 2
    const ok = (payload: unknown): Ack => {
      const p = payload as { client_msg_id: string; content: string }
      return { ok: true, data: msg(++seq, { sender_id: 'me', client_msg_id: p.client_msg_id, content: p.content }) }
    }
    t.replies.push(ok, ok)
    t.connected = true
    chat.onConnected(false)
    await vi.waitFor(() => expect(chat.convs.c1.pending).toHaveLength(0))
    const sends = t.sent.filter((s) => s.event === 'message.send').map((s) => s.payload as { client_msg_id: string })
    expect(sends.map((s) => s.client_msg_id)).toEqual([first.client_msg_id, second.client_msg_id])
    expect(chat.channels.c1.last_seq).toBe(4)
    expect(chat.previews.c1.content).toBe('第二条')
    // Connecting again sends nothing more.
    chat.onConnected(false)
    await new Promise((r) => setTimeout(r, 0))
    expect(t.sent.filter((s) => s.event === 'message.send')).toHaveLength(2)
  })
})
