import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import { api } from '../api/http'
import type { ApiErrorBody, Channel, Message, ReadOut, SyncOut, User } from '../api/types'
import { newClientMsgId } from '../lib/ids'
import { contiguousTop, maxRev, mergeMessages } from '../lib/merge'
import type { Transport } from '../realtime/socket'
import { useCardStore } from './cards'

export interface Pending {
  client_msg_id: string
  channel_id: string
  content: string
  status: 'pending' | 'failed'
  error: ApiErrorBody | null
  created_at: string
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
  const activeId = ref<string | null>(null)
  const connected = ref(false)
  const everConnected = ref(false)
  const channelsLoaded = ref(false)
  let transport: Transport | null = null
  let readTimer: ReturnType<typeof setTimeout> | null = null
  const syncing = new Set<string>()
  /** Whether the person is looking at the page; reads are only sent while true. */
  const visible = ref(true)

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
    activeId.value = null
    connected.value = false
    everConnected.value = false
    channelsLoaded.value = false
    transport = null
    useCardStore().reset()
  }

  function upsertChannel(c: Channel): void {
    const old = channels[c.id]
    if (old) Object.assign(old, c, { last_seq: Math.max(old.last_seq, c.last_seq) })
    else channels[c.id] = { ...c }
  }

  async function loadChannels(): Promise<void> {
    const { channels: list } = await api.channels()
    const ids = new Set(list.map((c) => c.id))
    for (const c of list) {
      const old = channels[c.id]
      if (old) Object.assign(old, c)
      else channels[c.id] = c
    }
    for (const id of Object.keys(channels)) if (!ids.has(id)) delete channels[id]
    channelsLoaded.value = true
    // Previews for the list: the newest message of each channel, fetched lazily in the background.
    void loadPreviews(list.filter((c) => c.last_seq > 0 && !previews[c.id]).map((c) => c.id))
  }

  async function loadPreviews(ids: string[]): Promise<void> {
    for (const id of ids.slice(0, 40)) {
      try {
        const page = await api.history(id, { limit: 1 })
        const last = page.messages[page.messages.length - 1]
        if (last && (!previews[id] || previews[id].seq <= last.seq)) previews[id] = last
      } catch {
        /* a preview is optional */
      }
    }
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
      useCardStore().noteMessages(page.messages, true)
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
      useCardStore().noteMessages(page.messages, true)
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
    useCardStore().noteMessages([m], false)
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

  function applyUpdated(m: Message): void {
    useCardStore().noteMessages([m], false)
    const c = convs[m.channel_id]
    notePreview(m)
    if (!c || !c.loaded) return
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

  function handleEvent(name: string, payload: unknown): void {
    const p = payload as Record<string, unknown>
    if (useCardStore().handleEvent(name, payload)) return
    switch (name) {
      case 'message.new':
        applyNew(p.message as Message)
        break
      case 'message.updated':
        applyUpdated(p.message as Message)
        break
      case 'channel.read':
        applyRead(p as unknown as ReadOut)
        break
      case 'channel.member_added': {
        const ch = p.channel as Channel
        const ids = p.user_ids as string[]
        delete members[ch.id]
        if (me.value && ids.includes(me.value.id)) void loadChannels()
        else if (channels[ch.id]) upsertChannel({ ...channels[ch.id], name: ch.name, topic: ch.topic })
        break
      }
      case 'channel.member_removed': {
        const cid = p.channel_id as string
        delete members[cid]
        if (me.value && p.user_id === me.value.id) {
          delete channels[cid]
          delete convs[cid]
          if (activeId.value === cid) activeId.value = null
        }
        break
      }
    }
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
        useCardStore().noteMessages([...r.messages, ...r.updates], true)
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
  }

  async function catchUp(): Promise<void> {
    try {
      await loadChannels()
    } catch {
      /* the list is refreshed again on the next reconnect */
    }
    // Card changes while we were away come back as updates of the messages that carry them.
    await syncChannels()
    if (activeId.value) markRead(activeId.value)
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

  async function deliver(p: Pending): Promise<void> {
    if (!transport) return
    p.status = 'pending'
    p.error = null
    const ack = await transport.emit<Message>('message.send', { channel_id: p.channel_id, content: p.content,
      client_msg_id: p.client_msg_id })
    const c = conv(p.channel_id)
    const live = c.pending.find((x) => x.client_msg_id === p.client_msg_id)
    if (ack.ok && ack.data) {
      applyNew(ack.data)
      c.pending = c.pending.filter((x) => x.client_msg_id !== p.client_msg_id)
    } else if (live) {
      live.status = 'failed'
      live.error = ack.error ?? null
    }
  }

  function send(channelId: string, content: string): Pending {
    const p: Pending = reactive({ client_msg_id: newClientMsgId(), channel_id: channelId, content, status: 'pending',
      error: null, created_at: new Date().toISOString() }) as Pending
    conv(channelId).pending.push(p)
    void deliver(p)
    return p
  }

  /** Send a failed message again with the same client_msg_id, so the hub never stores it twice. */
  function retry(channelId: string, clientMsgId: string): void {
    const p = conv(channelId).pending.find((x) => x.client_msg_id === clientMsgId)
    if (p && p.status === 'failed') void deliver(p)
  }

  function discard(channelId: string, clientMsgId: string): void {
    const c = conv(channelId)
    c.pending = c.pending.filter((x) => x.client_msg_id !== clientMsgId)
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

  async function invite(id: string, userIds: string[]): Promise<void> {
    members[id] = (await api.addMembers(id, userIds)).members
  }

  return {
    me, channels, convs, previews, members, activeId, connected, everConnected, channelsLoaded, visible,
    channelList, totalUnread, active, activeConv,
    setTransport, setMe, reset, loadChannels, loadLatest, loadOlder, loadUntil, open, close, handleEvent,
    syncChannels, onConnected, onDisconnected, markRead, setVisible, send, retry, discard, edit, recall,
    loadMembers, openDirect, createGroup, invite, conv, applyNew, applyUpdated, catchUp, upsertChannel,
  }
})
