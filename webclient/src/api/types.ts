export type Id = string

export interface Membership {
  unit_id: Id
  unit_name: string
  position: string
  title: string
  is_head: boolean
}

export interface User {
  id: Id
  username: string
  name: string
  pinyin: string
  initials: string
  roles: string[]
  disabled: boolean
  memberships: Membership[]
}

export interface Unit {
  id: Id
  code: string
  name: string
  short_name: string
  kind: string
  parent_id: Id | null
  external: boolean
  order: number
  channel_id: Id | null
}

export interface Channel {
  id: Id
  kind: 'unit' | 'group' | 'direct'
  name: string
  topic: string
  unit_id: Id | null
  last_seq: number
  rev: number
  last_message_at: string | null
  last_read_seq?: number | null
  unread?: number | null
  role?: 'owner' | 'member' | null
  peer_id?: Id | null
}

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger'

export interface CardAction {
  id: string
  label: string
  style: 'primary' | 'danger' | 'default'
  confirm?: string | null
  input?: { kind: 'none' | 'comment' | 'choice'; required: boolean; label?: string | null; options: string[] }
  /** The rule names this viewer in particular (a leader's 同意), not everyone who sees it (a poll's vote). */
  personal?: boolean
}

export interface Card {
  id: string
  kind: string
  title: string
  fields: { label: string; value: string }[]
  body: string
  attachments: { name: string; url: string; mime: string; size?: number | null }[]
  classification: '公开' | '内部'
  urgency: '特急' | '加急' | '平件'
  deadline: string | null
  status: { code: string; label: string; tone: Tone }
  timeline: { at: string; actor_name: string; text: string }[]
  version: number
  bot: string
  bot_name?: string
  actions: CardAction[]
  fallback_text: string
}

export interface Message {
  id: Id
  channel_id: Id
  seq: number
  rev: number
  sender_id: Id
  sender_name: string
  client_msg_id: string
  content: string
  mentions: Id[]
  created_at: string
  edited_at: string | null
  recalled: boolean
  card?: Card | null
}

export interface ApiErrorBody {
  code: string
  message: string
  message_en: string
  detail?: string
  detail_en?: string
  [extra: string]: unknown
}

export interface SyncChannelOut {
  channel_id: Id
  messages: Message[]
  updates: Message[]
  last_seq: number
  rev: number
  too_far_behind: boolean
}

export interface SyncOut {
  channels: SyncChannelOut[]
  unknown: Id[]
}

export interface ReadOut {
  channel_id: Id
  last_read_seq: number
  unread: number
}

export interface CardActionAck {
  card: Card
  reply: string | null
}

export interface CommandInfo {
  name: string
  description: string
  usage: string
  bot_name: string
}
