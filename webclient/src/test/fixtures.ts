// Builders for unit tests: complete wire objects (the generated types require every field) with overrides.
import type { Card, CardAction, Channel, Message, User } from '../api/types'

export function makeUser(over: Partial<User> = {}): User {
  return { id: 'me', username: 'zhangsan', name: '张三', pinyin: 'zhangsan', initials: 'zs', roles: [], disabled: false,
    memberships: [], ...over }
}

export function makeChannel(over: Partial<Channel> = {}): Channel {
  return { id: 'c1', kind: 'unit', name: '市财政局', topic: '', unit_id: null, last_seq: 0, rev: 0, last_message_at: null,
    last_read_seq: 0, unread: 0, role: 'member', peer_id: null, last_message: null, pending_card_ids: [], ...over }
}

export function makeMessage(over: Partial<Message> = {}): Message {
  return { id: 'm1', channel_id: 'c1', seq: 1, rev: 0, sender_id: 'other', sender_name: '马军', client_msg_id: 'k1',
    content: '', mentions: [], created_at: '2026-03-01T00:00:00Z', edited_at: null, recalled: false, card: null,
    attachments: [], reply_to: null, forwarded: null, reactions: [], system: false, ...over }
}

export function makeAction(over: Partial<CardAction> = {}): CardAction {
  return { id: 'go', label: '执行', style: 'default', confirm: null, personal: false,
    input: { kind: 'none', required: false, label: null, options: [] }, ...over }
}

export function makeCard(over: Partial<Card> = {}): Card {
  return { id: 'k1', kind: '签报', title: '请示', fields: [], body: '', attachments: [], classification: '公开',
    urgency: '平件', deadline: null, status: { code: 'pending', label: '待审批', tone: 'info' }, timeline: [], version: 1,
    bot: 'webhook', bot_name: '', actions: [], fallback_text: '', ...over }
}
