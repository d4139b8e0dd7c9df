import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import { api } from '../api/http'
import type { ApiErrorBody, Attachment, Channel, GroupRoles, Message, Quote, ReadOut, SyncOut, User } from '../api/types'
import { newClientMsgId } from '../lib/ids'
import { putQueued, queuedFor, removeQueued } from '../lib/outbox'
import { contiguousTop, maxRev, mergeMessages } from '../lib/merge'
import type { EventRegistry, ServerEvents } from '../realtime/registry'
import type { Transport } from '../realtime/socket'
import { useCardStore } from './cards'

export interface Pending {
  client_msg_id: string
  channel_id: string
  content: string
  /** Files already uploaded to the channel that this message carries. */
  files?: Attachment[]
  /** queued: waiting for the connection (kept in IndexedDB); pending: on its way; failed: see error. */
  status: 'queued' | 'pending' | 'failed'
  error: ApiErrorBody | null
  created_at: string
  /** The message this one replies to (same channel), and its quote as shown while sending. */
  reply_to?: string | null
  quote?: Quote | null
}

export interface Conv {
  messages: Message[]
  pending: Pending[]
  hasMore: boolean
  loaded: boolean
  loading: boolean
  loadingOlder: boolean
  /** Highest channel revision (edits, recalls) this conversation has caught up to. */
  rev: number
  /** First unread seq when the channel was opened, for the divider and the jump button. */
  firstUnreadSeq: number | null
}

const PAGE = 50

/** Send failures where the same message may simply be sent again (it may never have reached the hub). Any
 *  other error is the hub refusing this content (classified_content, too long…): it is shown, and the
 *  message can be edited, not resent. */
export const SEND_RETRYABLE = new Set(['timeout', 'offline', 'network', 'internal', 'request_in_progress',
  'store_unavailable'])

/** Failures that pass on their own (the hub's store or the hub itself was briefly unwell): the message is sent
 *  again by itself after a growing pause, with the same client_msg_id, so the hub still stores it once. */
export const AUTO_RESEND = new Set(['store_unavailable', 'internal', 'timeout'])
export const RESEND = { baseMs: 2000, maxMs: 30000, attempts: 6 }

export function refused(p: Pending): boolean {
  return p.status === 'failed' && !!p.error && !SEND_RETRYABLE.has(p.error.code)
}

function emptyConv(): Conv {
  return { messages: [], pending: [], hasMore: false, loaded: false, loading: false, loadingOlder: false, rev: 0,
    firstUnreadSeq: null }
}

export const useChatStore = defineStore('chat', () => {
  const me = ref<User | null>(null)
  const channels = reactive<Record<string, Channel>>({})
  const convs = reactive<Record<string, Conv>>({})
  const previews = reactive<Record<string, Message>>({})
  const members = reactive<Record<string, User[]>>({})
  /** Per channel, the cards seen there: card id → whether only the hub's channel list named it (as waiting). */
  const cardIds = reactive<Record<string, Record<string, boolean>>>({})
  const cardOfMessage: Record<string, string> = {}
  const activeId = ref<string | null>(null)
  const connected = ref(false)
  const everConnected = ref(false)
  const channelsLoaded = ref(false)
  let transport: Transport | null = null
  let readTimer: ReturnType<typeof setTimeout> | null = null
  const syncing = new Set<string>()
  /** Whether the person is looking at the page; reads are only sent while true. */
  const visible = ref(true)
  /** A message to scroll to once its conversation shows (a search result was clicked). */
  const focus = ref<{ channelId: string; seq: number } | null>(null)
  /** Per group, its 群主 and admins (loaded when the details show). */
  const roles = reactive<Record<string, GroupRoles>>({})
  /** Per channel, how far each member (bots left out) has read: read receipts are computed from these. */
  const positions = reactive<Record<string, Record<string, number>>>({})
  /** The hub's recall (撤回) window; 撤回 is offered only inside it. */
  const recallWindowSeconds = ref(120)
  let settingsLoaded = false

  const channelList = computed(() =>
    Object.values(channels).sort((a, b) => {
      const ta = a.last_message_at ? Date.parse(a.last_message_at) : 0
      const tb = b.last_message_at ? Date.parse(b.last_message_at) : 0
      return tb - ta || a.name.localeCompare(b.name)
    }),
  )
  const totalUnread = computed(() => Object.values(channels).reduce((n, c) => n + (c.unread ?? 0), 0))
  const active = computed(() => (activeId.value ? channels[activeId.value] ?? null : null))
  const activeConv = computed(() => (activeId.value ? convs[activeId.value] ?? null : null))

  /** Messages seen from the hub: their cards go to the card store (personal: with my buttons) and to the
   *  channel's card list for the 待处理 count. */
  function seen(messages: Message[], personal: boolean): void {
    useCardStore().noteMessages(messages, personal)
    noteMessageCards(messages)
  }

  function conv(id: string): Conv {
    if (!convs[id]) convs[id] = emptyConv()
    return convs[id]
  }

  function setTransport(t: Transport | null): void {
    transport = t
    useCardStore().setTransport(t)
  }

  function setMe(u: User | null): void {
    me.value = u
  }

  function reset(): void {
    for (const k of Object.keys(channels)) delete channels[k]
    for (const k of Object.keys(convs)) delete convs[k]
    for (const k of Object.keys(previews)) delete previews[k]
    for (const k of Object.keys(members)) delete members[k]
    for (const k of Object.keys(cardIds)) delete cardIds[k]
    for (const k of Object.keys(cardOfMessage)) delete cardOfMessage[k]
    activeId.value = null
    connected.value = false
    everConnected.value = false
    channelsLoaded.value = false
    transport = null
    queue.length = 0
    restored = false
    useCardStore().reset()
  }

  function upsertChannel(c: Channel): void {
    const old = channels[c.id]
    if (old) Object.assign(old, c, { last_seq: Math.max(old.last_seq, c.last_seq) })
    else channels[c.id] = { ...c }
  }

  /** The channel list carries each channel's newest message (the preview) and the cards waiting for me,
   *  so logging in costs one request, not one history request per channel. */
  async function loadChannels(): Promise<void> {
    if (!settingsLoaded) {
      void api.chatSettings().then((s) => {
        recallWindowSeconds.value = s.recall_window_seconds
        settingsLoaded = true
      }).catch(() => undefined)
    }
    const { channels: list } = await api.channels()
    const ids = new Set(list.map((c) => c.id))
    for (const c of list) {
      const old = channels[c.id]
      if (old) Object.assign(old, c)
      else channels[c.id] = c
      if (c.last_message) {
        seen([c.last_message], true)
        notePreview(c.last_message)
      }
      noteCards(c.id, c.pending_card_ids ?? [], true)
    }
    for (const id of Object.keys(channels)) if (!ids.has(id)) delete channels[id]
    channelsLoaded.value = true
    // Messages typed offline before a reload show again at once, waiting for the connection.
    void restoreQueue().then(flush).catch(() => undefined)
  }

  /** Card ids seen in a channel; fromServer: the hub listed them as waiting for me at login. */
  function noteCards(channelId: string, ids: string[], fromServer = false): void {
    const known = (cardIds[channelId] ??= {})
    if (fromServer) for (const [id, server] of Object.entries(known)) if (server && !ids.includes(id)) delete known[id]
    for (const id of ids) if (!(id in known) || fromServer) known[id] = fromServer
  }

  function noteMessageCards(messages: Message[]): void {
    for (const m of messages) {
      if (m.card && !m.recalled) {
        cardOfMessage[m.id] = m.card.id
        noteCards(m.channel_id, [m.card.id])
      } else if (m.recalled && cardOfMessage[m.id]) delete cardIds[m.channel_id]?.[cardOfMessage[m.id]]
    }
  }

  /** Cards with buttons for me in this channel (待处理), whether or not the channel was opened. */
  function waitingCount(channelId: string): number {
    const cs = useCardStore()
    let n = 0
    for (const [id, server] of Object.entries(cardIds[channelId] ?? {})) {
      const waiting = cs.waitingById(id)
      if (waiting ?? server) n++
    }
    return n
  }

  function notePreview(m: Message): void {
    const p = previews[m.channel_id]
    if (!p || m.seq > p.seq || (m.seq === p.seq && m.rev >= p.rev)) previews[m.channel_id] = m
  }

  async function loadLatest(id: string): Promise<void> {
    const c = conv(id)
    if (c.loading) return
    c.loading = true
    const rev0 = channels[id]?.rev ?? 0
    try {
      const page = await api.history(id, { limit: PAGE })
      seen(page.messages, true)
      c.messages = mergeMessages(c.messages, page.messages)
      c.hasMore = page.has_more
      c.rev = Math.max(c.rev, rev0)
      c.loaded = true
      const last = page.messages[page.messages.length - 1]
      if (last) notePreview(last)
    } finally {
      c.loading = false
    }
    if (contiguousTop(c.messages) < (c.messages[c.messages.length - 1]?.seq ?? 0)) void syncChannels([id])
  }

  async function loadOlder(id: string): Promise<number> {
    const c = conv(id)
    if (c.loadingOlder || !c.hasMore || !c.messages.length) return 0
    c.loadingOlder = true
    try {
      const page = await api.history(id, { before: c.messages[0].seq, limit: PAGE })
      seen(page.messages, true)
      c.messages = mergeMessages(c.messages, page.messages)
      c.hasMore = page.has_more
      return page.messages.length
    } finally {
      c.loadingOlder = false
    }
  }

  /** Load older pages until seq is in memory (for "jump to first unread"). */
  async function loadUntil(id: string, seq: number): Promise<void> {
    const c = conv(id)
    while (c.messages.length && c.messages[0].seq > seq && c.hasMore) {
      if (!(await loadOlder(id))) break
    }
  }

  async function open(id: string): Promise<void> {
    activeId.value = id
    const ch = channels[id]
    const c = conv(id)
    c.firstUnreadSeq = ch && (ch.unread ?? 0) > 0 ? (ch.last_read_seq ?? 0) + 1 : null
    if (!c.loaded) await loadLatest(id)
    markRead(id)
  }

  function close(): void {
    activeId.value = null
  }

  function applyNew(m: Message): void {
    // message.new carries the public view of a card; card.actions follows for people with buttons of their own.
    seen([m], false)
    const ch = channels[m.channel_id]
    if (!ch) {
      // A channel we have not heard of (a new direct conversation): fetch the list again.
      void loadChannels()
      return
    }
    const fresh = m.seq > ch.last_seq
    if (fresh) {
      ch.last_seq = m.seq
      ch.last_message_at = m.created_at
      if (me.value && m.sender_id !== me.value.id && m.seq > (ch.last_read_seq ?? 0)) ch.unread = (ch.unread ?? 0) + 1
      if (me.value && m.sender_id === me.value.id) {
        ch.last_read_seq = Math.max(ch.last_read_seq ?? 0, m.seq)
      }
    }
    notePreview(m)
    const c = convs[m.channel_id]
    if (c && (c.loaded || c.loading)) {
      const top = contiguousTop(c.messages)
      c.messages = mergeMessages(c.messages, [m])
      if (me.value && m.sender_id === me.value.id) c.pending = c.pending.filter((p) => p.client_msg_id !== m.client_msg_id)
      if (c.loaded && c.messages.length > 1 && m.seq > top + 1) void syncChannels([m.channel_id])
    }
    if (m.channel_id === activeId.value) scheduleRead()
  }

  /** Replies in memory quoting m show its edit or its recall at once. */
  function refreshQuotes(c: Conv, m: Message): void {
    for (const x of c.messages) {
      const q = x.reply_to
      if (q && q.message_id === m.id) {
        x.reply_to = { ...q, recalled: m.recalled, snippet: m.recalled ? '' : m.content.slice(0, 120) }
      }
    }
  }

  function applyUpdated(m: Message): void {
    seen([m], false)
    const c = convs[m.channel_id]
    notePreview(m)
    if (!c || !c.loaded) return
    refreshQuotes(c, m)
    if (c.messages.some((x) => x.seq === m.seq)) c.messages = mergeMessages(c.messages, [m])
    if (m.rev === c.rev + 1) c.rev = m.rev
    else if (m.rev > c.rev + 1) void syncChannels([m.channel_id])
  }

  function applyRead(r: ReadOut): void {
    const ch = channels[r.channel_id]
    if (!ch) return
    ch.last_read_seq = r.last_read_seq
    ch.unread = r.unread
  }

  /** A membership change: reload a member list already shown (dropping it left the panel at 0). */
  function membersChanged(channelId: string): void {
    if (members[channelId]) void loadMembers(channelId, true).catch(() => undefined)
    if (roles[channelId]) void loadRoles(channelId).catch(() => undefined)
    if (positions[channelId]) void loadPositions(channelId).catch(() => undefined)
  }

  function onMemberAdded(p: ServerEvents['channel.member_added']): void {
    const ch = p.channel
    if (me.value && p.user_ids.includes(me.value.id)) void loadChannels()
    else if (channels[ch.id]) upsertChannel({ ...channels[ch.id], name: ch.name, topic: ch.topic })
    membersChanged(ch.id)
  }

  function onMemberRemoved(p: ServerEvents['channel.member_removed']): void {
    const cid = p.channel_id
    if (me.value && p.user_id === me.value.id) {
      delete channels[cid]
      delete convs[cid]
      delete members[cid]
      if (activeId.value === cid) activeId.value = null
    } else membersChanged(cid)
  }

  /** The socket events this store handles (src/realtime/registry.ts). */
  function registerEvents(events: EventRegistry): void {
    events.on('message.new', (p) => applyNew(p.message))
    events.on('message.updated', (p) => applyUpdated(p.message))
    events.on('channel.read', applyRead)
    events.on('channel.member_added', onMemberAdded)
    events.on('channel.member_removed', onMemberRemoved)
    events.on('channel.updated', (p) => onChannelUpdated(p.channel))
    events.on('channel.read_position', (p) => notePosition(p.channel_id, p.user_id, p.last_read_seq))
    // A sender has read everything up to their own message.
    events.on('message.new', (p) => notePosition(p.message.channel_id, p.message.sender_id, p.message.seq))
  }

  /** Catch up after a reconnect or a detected gap: new messages by seq, edits and recalls by rev. */
  async function syncChannels(ids?: string[]): Promise<void> {
    if (!transport) return
    const wanted = (ids ?? Object.keys(convs)).filter((id) => convs[id]?.loaded && !syncing.has(id))
    if (!wanted.length) return
    wanted.forEach((id) => syncing.add(id))
    try {
      const req = wanted.map((id) => {
        const c = convs[id]
        return { channel_id: id, last_seq: c.messages.length ? contiguousTop(c.messages) : (channels[id]?.last_seq ?? 0),
          last_rev: c.rev }
      })
      const ack = await transport.emit<SyncOut>('sync', { channels: req })
      if (!ack.ok || !ack.data) return
      for (const r of ack.data.channels) {
        const c = convs[r.channel_id]
        if (!c) continue
        if (r.too_far_behind) {
          c.messages = []
          c.loaded = false
          c.rev = 0
          await loadLatest(r.channel_id)
          continue
        }
        seen([...r.messages, ...r.updates], true)
        c.messages = mergeMessages(c.messages, [...r.messages, ...r.updates])
        c.rev = Math.max(c.rev, r.rev, maxRev(r.updates))
        const mine = new Set(r.messages.filter((m) => m.sender_id === me.value?.id).map((m) => m.client_msg_id))
        if (mine.size) c.pending = c.pending.filter((p) => !mine.has(p.client_msg_id))
        const ch = channels[r.channel_id]
        const last = r.messages[r.messages.length - 1]
        if (ch && last && last.seq > ch.last_seq) {
          ch.last_seq = last.seq
          ch.last_message_at = last.created_at
        }
        if (last) notePreview(last)
      }
      for (const id of ack.data.unknown) {
        delete channels[id]
        delete convs[id]
      }
    } finally {
      wanted.forEach((id) => syncing.delete(id))
    }
    if (activeId.value && wanted.includes(activeId.value)) scheduleRead()
  }

  function onConnected(again: boolean): void {
    connected.value = true
    everConnected.value = true
    if (again) void catchUp()
    // Messages typed while offline (this page, or before a reload) go first, in order, with their own ids.
    void restoreQueue().then(flush).catch(() => undefined)
  }

  async function catchUp(): Promise<void> {
    try {
      await loadChannels()
    } catch {
      /* the list is refreshed again on the next reconnect */
    }
    // Card changes while we were away come back as updates of the messages that carry them.
    await syncChannels()
    if (activeId.value) {
      markRead(activeId.value)
      void loadPositions(activeId.value).catch(() => undefined)
    }
  }

  function onDisconnected(): void {
    connected.value = false
  }

  function scheduleRead(): void {
    if (readTimer) return
    readTimer = setTimeout(() => {
      readTimer = null
      if (activeId.value) markRead(activeId.value)
    }, 150)
  }

  function markRead(id: string): void {
    const ch = channels[id]
    if (!ch || !visible.value || !transport?.connected) return
    if ((ch.unread ?? 0) === 0 && (ch.last_read_seq ?? 0) >= ch.last_seq) return
    const seq = ch.last_seq
    void transport.emit<ReadOut>('channel.read', { channel_id: id, seq }).then((ack) => {
      if (ack.ok && ack.data) applyRead(ack.data)
    })
  }

  function setVisible(v: boolean): void {
    visible.value = v
    if (v && activeId.value) markRead(activeId.value)
  }

  /** Messages waiting to go, oldest first; sent one at a time so the order typed is the order stored. */
  const queue: Pending[] = []
  let flushing = false
  let restored = false
  let order = 0

  async function flush(): Promise<void> {
    if (flushing) return
    flushing = true
    try {
      while (queue.length && transport?.connected) {
        const p = queue[0]
        await deliver(p)
        if (p.status === 'queued') break  // the connection went again: keep it, and the rest, in order
        queue.shift()
      }
    } finally {
      flushing = false
    }
  }

  /** After a reload: what was typed offline (by me) goes back into its conversations, to be sent first. */
  async function restoreQueue(): Promise<void> {
    if (restored || !me.value) return
    restored = true
    const saved = await queuedFor(me.value.id)
    const known = new Set(queue.map((p) => p.client_msg_id))
    const back: Pending[] = []
    for (const q of saved) {
      if (known.has(q.client_msg_id)) continue
      const p: Pending = reactive({ client_msg_id: q.client_msg_id, channel_id: q.channel_id, content: q.content,
        files: q.files ?? [], status: 'queued', error: null, created_at: q.created_at, reply_to: q.reply_to,
        quote: null }) as Pending
      conv(q.channel_id).pending.push(p)
      back.push(p)
      order = Math.max(order, q.order)
    }
    queue.unshift(...back)
  }

  const resendTries = new Map<string, number>()

  function scheduleResend(p: Pending): void {
    const tries = resendTries.get(p.client_msg_id) ?? 0
    if (tries >= RESEND.attempts) return  // the person still has the 重发 button
    resendTries.set(p.client_msg_id, tries + 1)
    setTimeout(() => {
      const live = conv(p.channel_id).pending.find((x) => x.client_msg_id === p.client_msg_id)
      if (live && live.status === 'failed' && !refused(live)) void deliver(live)
    }, Math.min(RESEND.maxMs, RESEND.baseMs * 2 ** tries))
  }

  async function deliver(p: Pending): Promise<void> {
    if (!transport) return
    if (!transport.connected) {
      p.status = 'queued'
      return
    }
    p.status = 'pending'
    p.error = null
    const ack = await transport.emit<Message>('message.send', { channel_id: p.channel_id, content: p.content,
      client_msg_id: p.client_msg_id, ...(p.files?.length ? { file_ids: p.files.map((f) => f.file_id) } : {}),
      ...(p.reply_to ? { reply_to: p.reply_to } : {}) })
    const c = conv(p.channel_id)
    const live = c.pending.find((x) => x.client_msg_id === p.client_msg_id)
    if (ack.ok && ack.data) {
      applyNew(ack.data)
      c.pending = c.pending.filter((x) => x.client_msg_id !== p.client_msg_id)
      resendTries.delete(p.client_msg_id)
      void removeQueued(p.client_msg_id).catch(() => undefined)
    } else if (ack.error?.code === 'offline') {
      p.status = 'queued'
      if (live) live.status = 'queued'
    } else if (live) {
      live.status = 'failed'
      live.error = ack.error ?? null
      // Refused content stays here to be edited; it is no longer queued for sending.
      if (refused(live)) void removeQueued(p.client_msg_id).catch(() => undefined)
      else if (live.error && AUTO_RESEND.has(live.error.code)) scheduleResend(live)
    }
  }

  function send(channelId: string, content: string, files: Attachment[] = [], replyTo: Message | null = null): Pending {
    const quote: Quote | null = replyTo ? { message_id: replyTo.id, seq: replyTo.seq, sender_id: replyTo.sender_id,
      sender_name: replyTo.sender_name, snippet: replyTo.content.slice(0, 120), recalled: replyTo.recalled } : null
    const status = transport?.connected ? 'pending' : 'queued'
    const p: Pending = reactive({ client_msg_id: newClientMsgId(), channel_id: channelId, content, files, status,
      error: null, created_at: new Date().toISOString(), reply_to: replyTo?.id ?? null, quote }) as Pending
    conv(channelId).pending.push(p)
    if (me.value) {
      order = Math.max(Date.now(), order + 1)
      // Plain copies: IndexedDB cannot clone Vue's reactive proxies.
      void putQueued({ client_msg_id: p.client_msg_id, user_id: me.value.id, channel_id: channelId, content,
        reply_to: p.reply_to ?? null, files: (p.files ?? []).map((f) => ({ ...f })), created_at: p.created_at, order })
        .catch(() => undefined)
    }
    queue.push(p)
    void flush()
    return p
  }

  /** Send a failed message again with the same client_msg_id, so the hub never stores it twice. */
  function retry(channelId: string, clientMsgId: string): void {
    const p = conv(channelId).pending.find((x) => x.client_msg_id === clientMsgId)
    if (p && p.status === 'failed' && !refused(p)) void deliver(p)
  }

  /** Take a refused message back to edit it: it leaves the list and its text is returned for the composer. */
  function takeBack(channelId: string, clientMsgId: string): string | null {
    const c = conv(channelId)
    const p = c.pending.find((x) => x.client_msg_id === clientMsgId)
    if (!p || p.status !== 'failed') return null
    c.pending = c.pending.filter((x) => x.client_msg_id !== clientMsgId)
    return p.content
  }

  function discard(channelId: string, clientMsgId: string): void {
    const c = conv(channelId)
    c.pending = c.pending.filter((x) => x.client_msg_id !== clientMsgId)
    const i = queue.findIndex((x) => x.client_msg_id === clientMsgId)
    if (i >= 0) queue.splice(i, 1)
    void removeQueued(clientMsgId).catch(() => undefined)
  }

  async function edit(m: Message, content: string): Promise<void> {
    if (!transport) return
    const ack = await transport.emit<Message>('message.edit', { message_id: m.id, content })
    if (!ack.ok) throw ack.error
    if (ack.data) applyUpdated(ack.data)
  }

  async function recall(m: Message): Promise<void> {
    if (!transport) return
    const ack = await transport.emit<Message>('message.recall', { message_id: m.id })
    if (!ack.ok) throw ack.error
    if (ack.data) applyUpdated(ack.data)
  }

  async function loadMembers(id: string, force = false): Promise<User[]> {
    if (!members[id] || force) members[id] = (await api.members(id)).members
    return members[id]
  }

  async function openDirect(userId: string): Promise<string> {
    const ch = await api.direct(userId)
    upsertChannel(ch)
    await open(ch.id)
    return ch.id
  }

  async function createGroup(name: string, topic: string, memberIds: string[]): Promise<string> {
    const ch = await api.createChannel(name, topic, memberIds)
    upsertChannel(ch)
    await open(ch.id)
    return ch.id
  }

  async function loadRoles(channelId: string): Promise<void> {
    roles[channelId] = await api.roles(channelId)
  }

  /** A rename or a role change: the room's copy carries no role; my own copy (sent to me alone) does. */
  function onChannelUpdated(c: Channel): void {
    const old = channels[c.id]
    if (!old) return
    old.name = c.name
    old.topic = c.topic
    if (c.role) old.role = c.role
    if (roles[c.id]) void loadRoles(c.id).catch(() => undefined)
  }

  async function loadPositions(channelId: string): Promise<void> {
    const r = await api.readPositions(channelId)
    if (!r.available) {
      delete positions[channelId]
      return
    }
    const known = positions[channelId] ?? {}
    const next: Record<string, number> = {}
    for (const p of r.positions) next[p.user_id] = Math.max(p.last_read_seq, known[p.user_id] ?? 0)
    positions[channelId] = next
  }

  function notePosition(channelId: string, userId: string, seq: number): void {
    const ps = positions[channelId]
    if (ps && userId in ps && seq > ps[userId]) ps[userId] = seq
  }

  /** Members other than the sender who have not read message m yet; null where receipts are not kept. */
  function unreadBy(m: Message): { unread: number; others: number } | null {
    const ps = positions[m.channel_id]
    if (!ps) return null
    let unread = 0
    let others = 0
    for (const [uid, seq] of Object.entries(ps)) {
      if (uid === m.sender_id) continue
      others++
      if (seq < m.seq) unread++
    }
    return { unread, others }
  }

  /** Set or clear my reaction; the hub's answer (and the room's message.updated) carries the new counts. */
  async function react(m: Message, key: string, on: boolean): Promise<void> {
    applyUpdated(await api.react(m.id, key, on))
  }

  /** Forward messages to a conversation, one copy each, in the order they were written. */
  async function forward(messageIds: string[], channelId: string): Promise<void> {
    const out = await api.forward(messageIds, channelId, newClientMsgId())
    for (const m of out.messages) applyNew(m)
  }

  async function invite(id: string, userIds: string[]): Promise<void> {
    members[id] = (await api.addMembers(id, userIds)).members
  }

  return {
    me, channels, convs, previews, members, activeId, connected, everConnected, channelsLoaded, visible,
    channelList, totalUnread, active, activeConv,
    setTransport, setMe, reset, loadChannels, loadLatest, loadOlder, loadUntil, open, close, registerEvents,
    syncChannels, onConnected, onDisconnected, markRead, setVisible, send, retry, takeBack, discard, edit, recall,
    loadMembers, openDirect, createGroup, invite, conv, applyNew, applyUpdated, catchUp, upsertChannel, cardIds,
    waitingCount, focus, forward, recallWindowSeconds, react, positions, loadPositions, unreadBy, roles, loadRoles,
  }
})
