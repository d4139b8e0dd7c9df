import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import { announceApi, type Announcement, type AnnouncementIn, type ReceiptBoard, type ReceiptChanged } from '../api/announce'
import { notify } from '../lib/notify'
import type { EventRegistry } from '../realtime/registry'

/**
 * Announcements: my inbox (to me) and sent list (by me), the receipt boards open, and the channels' 置顶 areas.
 * The badge counts those I have not confirmed. Boards follow announcement.receipt live: the counts move at once,
 * and the per-unit rates and lists come again from the hub (one read per change, coalesced).
 */
export const useAnnounceStore = defineStore('announce', () => {
  const inbox = ref<Announcement[]>([])
  const sent = ref<Announcement[]>([])
  const boards = reactive<Record<string, ReceiptBoard>>({})
  /** Bumped whenever something pinned may have changed; the 置顶 area reloads on it. */
  const pinnedRev = ref(0)
  const loaded = reactive({ inbox: false, sent: false })
  const refetching = new Set<string>()
  const again = new Set<string>()

  const unconfirmed = computed(() => inbox.value.filter((a) => !a.mine?.confirmed_at).length)

  function reset(): void {
    inbox.value = []
    sent.value = []
    loaded.inbox = loaded.sent = false
    for (const k of Object.keys(boards)) delete boards[k]
    pinnedRev.value++
  }

  async function load(box: 'inbox' | 'sent'): Promise<void> {
    const out = await announceApi.list(box)
    if (box === 'inbox') inbox.value = out.announcements
    else sent.value = out.announcements
    loaded[box] = true
  }

  function put(list: Announcement[], a: Announcement): Announcement[] {
    const i = list.findIndex((x) => x.id === a.id)
    if (i >= 0) return list.map((x) => (x.id === a.id ? a : x))
    return [a, ...list]
  }

  function remember(a: Announcement): void {
    if (a.mine) inbox.value = put(inbox.value, a)
    if (a.is_publisher) sent.value = put(sent.value, a)
    if (boards[a.id]) boards[a.id] = { ...boards[a.id], announcement: { ...a } }
  }

  function byId(id: string): Announcement | undefined {
    return inbox.value.find((a) => a.id === id) ?? sent.value.find((a) => a.id === id)
  }

  async function fetchOne(id: string): Promise<Announcement> {
    const a = await announceApi.get(id)
    remember(a)
    return a
  }

  async function publish(body: AnnouncementIn): Promise<Announcement> {
    const a = await announceApi.publish(body)
    remember(a)
    pinnedRev.value++
    return a
  }

  async function open(id: string): Promise<Announcement> {
    const a = await announceApi.open(id)
    remember(a)
    return a
  }

  async function confirm(id: string): Promise<Announcement> {
    const a = await announceApi.confirm(id)
    remember(a)
    return a
  }

  async function recall(id: string): Promise<void> {
    const a = await announceApi.recall(id)
    remember(a)
    pinnedRev.value++
  }

  async function setPinned(id: string, pinned: boolean): Promise<void> {
    remember(await announceApi.pin(id, pinned))
    pinnedRev.value++
  }

  async function loadBoard(id: string): Promise<ReceiptBoard> {
    const b = await announceApi.board(id)
    boards[id] = b
    return b
  }

  function receiptChanged(p: ReceiptChanged): void {
    // Counters only grow; an event that raced a later one (a nudge carries the totals it read) never lowers them.
    const grow = (a: Announcement) => ({ ...a, recipients: Math.max(a.recipients, p.recipients),
      opened: Math.max(a.opened, p.opened), confirmed: Math.max(a.confirmed, p.confirmed) })
    sent.value = sent.value.map((a) => (a.id === p.announcement_id ? grow(a) : a))
    const board = boards[p.announcement_id]
    if (!board) return
    // The totals move at once; the per-unit rates and lists follow from one fresh read.
    boards[p.announcement_id] = { ...board, announcement: grow(board.announcement) }
    refresh(p.announcement_id)
  }

  /** One read at a time per board; a change heard during a read asks for one more after it, so the board never
   *  rests on a read that began before the last change. */
  function refresh(id: string): void {
    if (refetching.has(id)) {
      again.add(id)
      return
    }
    refetching.add(id)
    void loadBoard(id).catch(() => undefined).finally(() => {
      refetching.delete(id)
      if (again.delete(id)) refresh(id)
    })
  }

  function registerEvents(events: EventRegistry): void {
    events.on('announcement.new', ({ announcement: a }) => {
      remember(a)
      pinnedRev.value++
      if (a.mine) notify(`公告：${a.title}`, a.body, `announcement:${a.id}`)
    })
    events.on('announcement.nudged', ({ announcement: a }) => {
      remember(a)
      notify(`催阅：${a.title}`, '请阅读并确认收到', `announcement:${a.id}`)
    })
    events.on('announcement.removed', ({ announcement_id: id }) => {
      inbox.value = inbox.value.filter((a) => a.id !== id)
      sent.value = sent.value.map((a) => (a.id === id ? { ...a, status: 'recalled' } : a))
      pinnedRev.value++
    })
    events.on('announcement.receipt', receiptChanged)
  }

  return {
    inbox, sent, boards, pinnedRev, loaded, unconfirmed, reset, load, byId, fetchOne, publish, open, confirm, recall,
    setPinned, loadBoard, registerEvents,
  }
})
