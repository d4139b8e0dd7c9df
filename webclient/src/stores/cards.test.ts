import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Card, CardAction, Channel, Message, User } from '../api/types'
import type { Ack, Transport } from '../realtime/socket'
import { createHubEvents } from '../realtime/events'
import type { EventRegistry } from '../realtime/registry'
import { makeAction, makeCard, makeChannel } from '../test/fixtures'

vi.mock('../api/http', () => ({
  api: {
    channels: vi.fn(async () => ({ channels: [] })),
    history: vi.fn(async () => ({ messages: [], has_more: false })),
    card: vi.fn(),
    commands: vi.fn(async () => ({ commands: [{ name: 'poll', description: '发起投票', usage: '/poll', bot_name: '投票助手' }] })),
  },
  ApiError: class extends Error {},
}))

import { api } from '../api/http'
import { useCardStore } from './cards'
import { useChatStore } from './chat'

const ME: User = { id: 'me', username: 'majun', name: '马军', pinyin: 'majun', initials: 'mj', roles: [],
  disabled: false, memberships: [] }
const APPROVE: CardAction = makeAction({ id: 'approve', label: '同意', style: 'primary', personal: true })
const VOTE: CardAction = makeAction({ id: 'vote:0', label: '甲', style: 'default', personal: false })

function card(version: number, actions: CardAction[] = [], over: Partial<Card> = {}): Card {
  return makeCard({ status: { code: version === 1 ? 'pending' : 'approved', label: `v${version}`, tone: 'info' },
    version, actions, ...over })
}

function msg(seq: number, c: Card | null, channel = 'c1'): Message {
  return { id: `m${seq}${channel}`, channel_id: channel, seq, rev: 0, sender_id: 'bot', sender_name: '通知助手',
    client_msg_id: `k${seq}`, content: '', mentions: [], created_at: '2026-03-01T00:00:00Z', edited_at: null,
    recalled: false, card: c, attachments: [], reply_to: null, forwarded: null, reactions: [], system: false }
}

function channel(id: string): Channel {
  return makeChannel({ id, name: id })
}

class FakeTransport implements Transport {
  connected = true
  sent: { event: string; payload: Record<string, unknown> }[] = []
  replies: ((payload: Record<string, unknown>) => Ack)[] = []
  async emit<T>(event: string, payload: unknown): Promise<Ack<T>> {
    this.sent.push({ event, payload: payload as Record<string, unknown> })
    const reply = this.replies.shift()
    return (reply ? reply(payload as Record<string, unknown>) : { ok: true }) as Ack<T>
  }
}

describe('card store', () => {
  let cards: ReturnType<typeof useCardStore>
  let chat: ReturnType<typeof useChatStore>
  let t: FakeTransport
  let events: EventRegistry

  beforeEach(() => {
    setActivePinia(createPinia())
    chat = useChatStore()
    cards = useCardStore()
    events = createHubEvents()
    t = new FakeTransport()
    chat.setTransport(t)
    chat.setMe(ME)
    chat.upsertChannel(channel('c1'))
    chat.upsertChannel(channel('c2'))
    chat.visible = false
  })

  it('shows public buttons, then my own once card.actions for that version arrives', () => {
    events.dispatch('message.new', { message: msg(1, card(1, [])) })
    expect(cards.view(card(1)).actions).toEqual([])
    events.dispatch('card.actions', { card_id: 'k1', version: 1, actions: [APPROVE] })
    expect(cards.view(card(1)).actions).toEqual([APPROVE])
    expect(cards.waiting(card(1))).toBe(true)
    // A new version: my buttons for version 1 no longer apply; the public ones of version 2 do.
    events.dispatch('card.updated', { card: card(2, [VOTE]) })
    const now = cards.view(card(1))
    expect(now.version).toBe(2)
    expect(now.actions).toEqual([VOTE])
    expect(now.status.label).toBe('v2')
    // Buttons everyone has (a poll's votes) do not make the card wait for me.
    expect(cards.waiting(card(2))).toBe(false)
  })

  it('ignores older versions and personal buttons arriving late', () => {
    events.dispatch('card.updated', { card: card(3, []) })
    events.dispatch('card.updated', { card: card(2, [VOTE]) })
    events.dispatch('card.actions', { card_id: 'k1', version: 2, actions: [APPROVE] })
    expect(cards.view(card(1)).version).toBe(3)
    expect(cards.view(card(1)).actions).toEqual([])
    // A stale payload embedded in an old message does not win over the newer one we know.
    expect(cards.view(card(2, [APPROVE])).version).toBe(3)
  })

  it('treats history as the per-viewer view and keeps it over a public payload of the same version', async () => {
    vi.mocked(api.history).mockResolvedValueOnce({ messages: [msg(1, card(1, [APPROVE]))], has_more: false })
    await chat.open('c1')
    events.dispatch('message.new', { message: msg(1, card(1, []), 'c2') })
    expect(cards.view(card(1)).actions).toEqual([APPROVE])
  })

  it('updates every channel showing the card from one card.updated', async () => {
    vi.mocked(api.history).mockResolvedValueOnce({ messages: [msg(1, card(1, [APPROVE]))], has_more: false })
    await chat.open('c1')
    vi.mocked(api.history).mockResolvedValueOnce({ messages: [msg(4, card(1, [APPROVE]), 'c2')], has_more: false })
    await chat.open('c2')
    events.dispatch('card.updated', { card: card(2, []) })
    for (const id of ['c1', 'c2']) {
      const m = chat.convs[id].messages.find((x) => x.card)!
      expect(cards.view(m.card!).status.code).toBe('approved')
      expect(cards.view(m.card!).actions).toEqual([])
    }
  })

  it('sends the version I saw and one request id; a retry of the same click reuses it', async () => {
    events.dispatch('message.new', { message: msg(1, card(1, [])) })
    events.dispatch('card.actions', { card_id: 'k1', version: 1, actions: [APPROVE] })
    t.replies.push(() => ({ ok: false, error: { code: 'timeout', message: '', message_en: '' } }))
    const first = await cards.act(card(1), 'approve')
    expect(first.ok).toBe(false)
    expect(cards.clicks.k1.status).toBe('failed')
    const sent = t.sent[0].payload
    expect(sent).toMatchObject({ card_id: 'k1', action_id: 'approve', version: 1 })
    expect(String(sent.request_id)).toMatch(/^[A-Za-z0-9_.:-]+$/)
    t.replies.push(() => ({ ok: true, data: { card: card(2, []), reply: '已同意' } }))
    const again = await cards.retry('k1')
    expect(again).toEqual({ ok: true, reply: '已同意' })
    expect(t.sent[1].payload.request_id).toBe(sent.request_id)
    expect(cards.clicks.k1).toBeUndefined()
    expect(cards.view(card(1)).version).toBe(2)
    // A new click is a new request.
    t.replies.push(() => ({ ok: true, data: { card: card(3, []), reply: null } }))
    await cards.act(card(1), 'approve')
    expect(t.sent[2].payload.request_id).not.toBe(sent.request_id)
    expect(t.sent[2].payload.version).toBe(2)
  })

  it('shows a stale_card error and the card it carries; the click is over', async () => {
    events.dispatch('card.actions', { card_id: 'k1', version: 1, actions: [APPROVE] })
    events.dispatch('card.updated', { card: card(1, []) })
    t.replies.push(() => ({ ok: false, error: { code: 'stale_card', message: '卡片已被他人处理', message_en: 'x',
      detail: '已由 张绍松 于 10:02 处理：同意', card: card(2, []) } }))
    const r = await cards.act(card(1), 'approve', { comment: '好' })
    expect(r.ok).toBe(false)
    expect(t.sent[0].payload.comment).toBe('好')
    expect(cards.clicks.k1).toBeUndefined()
    expect(cards.errors.k1.detail).toContain('张绍松')
    expect(cards.view(card(1)).version).toBe(2)
    expect(cards.view(card(1)).actions).toEqual([])
  })

  it('knows commands and runs them over the socket', async () => {
    await cards.loadCommands()
    expect(cards.commandOf('/poll "午饭" 面 饭')?.name).toBe('poll')
    expect(cards.commandOf('/etc/hosts')).toBeNull()
    expect(cards.commandOf('poll')).toBeNull()
    t.replies.push(() => ({ ok: false, error: { code: 'bot_failed', message: '机器人处理失败', message_en: '', detail: '至少需要' } }))
    const r = await cards.runCommand('c1', '/poll x')
    expect(r).toMatchObject({ ok: false, error: { code: 'bot_failed' } })
    expect(t.sent[0]).toEqual({ event: 'command.run', payload: { channel_id: 'c1', text: '/poll x' } })
  })
})
