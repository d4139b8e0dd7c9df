import { defineStore } from 'pinia'
import { computed, reactive } from 'vue'
import { request } from '../api/http'
import type { components } from '../api/schema'
import type { Message } from '../api/types'
import { notify } from '../lib/notify'
import type { EventRegistry } from '../realtime/registry'
import { useChatStore } from './chat'

export type ConversationPref = components['schemas']['ConversationPrefOut']
type Change = components['schemas']['ConversationPrefIn']

/**
 * Per-conversation 免打扰 and 置顶 (kept on the hub per person, live across devices), and the "有人@我" marks:
 * a conversation with an unread message that @-mentions me. Muted conversations add nothing to the badges or the
 * page title and never raise a browser notification.
 */
export const usePrefsStore = defineStore('prefs', () => {
  const prefs = reactive<Record<string, ConversationPref>>({})
  const mentioned = reactive<Record<string, boolean>>({})

  const isMuted = (id: string) => !!prefs[id]?.muted
  const isPinned = (id: string) => !!prefs[id]?.pinned

  /** Unread messages outside muted conversations: the rail badge and the title count them. */
  const unread = computed(() => {
    const chat = useChatStore()
    return Object.values(chat.channels).reduce((n, c) => n + (isMuted(c.id) ? 0 : c.unread ?? 0), 0)
  })

  /** The channel list with 置顶 conversations first, each group in the chat store's order (newest first). */
  const ordered = computed(() => {
    const list = useChatStore().channelList
    return [...list.filter((c) => isPinned(c.id)), ...list.filter((c) => !isPinned(c.id))]
  })

  function reset(): void {
    for (const k of Object.keys(prefs)) delete prefs[k]
    for (const k of Object.keys(mentioned)) delete mentioned[k]
  }

  async function load(): Promise<void> {
    const out = await request<{ prefs: ConversationPref[] }>('GET', '/api/v1/me/conversation-prefs')
    for (const p of out.prefs) prefs[p.channel_id] = p
  }

  async function set(channelId: string, change: Change): Promise<void> {
    const p = await request<ConversationPref>('PUT', `/api/v1/channels/${encodeURIComponent(channelId)}/prefs`, change)
    prefs[p.channel_id] = p
  }

  function onMessage(m: Message): void {
    const chat = useChatStore()
    const me = chat.me?.id
    if (!me || m.sender_id === me) return
    const looking = chat.activeId === m.channel_id && chat.visible
    if (m.mentions.includes(me) && !looking) mentioned[m.channel_id] = true
    if (isMuted(m.channel_id) || (looking && document.visibilityState === 'visible')) return
    const ch = chat.channels[m.channel_id]
    const where = ch && ch.kind !== 'direct' ? `${ch.name} · ` : ''
    notify(`${where}${m.sender_name}`, m.card ? `[${m.card.title}]` : m.content, `channel:${m.channel_id}`)
  }

  function registerEvents(events: EventRegistry): void {
    events.on('message.new', (p) => onMessage(p.message))
    events.on('channel.read', (r) => {
      if (!r.unread) delete mentioned[r.channel_id]
    })
    events.on('conversation.prefs', ({ pref }) => {
      prefs[pref.channel_id] = pref
    })
  }

  return { prefs, mentioned, isMuted, isPinned, unread, ordered, reset, load, set, registerEvents }
})
