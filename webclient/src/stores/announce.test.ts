import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Announcement, ReceiptBoard } from '../api/announce'
import { EventRegistry } from '../realtime/registry'

const board = vi.fn()
vi.mock('../api/announce', () => ({
  announceApi: { board: (...a: unknown[]) => board(...a), list: vi.fn(), get: vi.fn() },
}))

import { useAnnounceStore } from './announce'

function ann(over: Partial<Announcement> = {}): Announcement {
  return { id: 'n1', title: '通知', body: '正文', publisher_id: 'p', publisher_name: '周文', status: 'published',
    publish_at: '2026-12-02T08:00:00Z', published_at: '2026-12-02T08:00:00Z', recalled_at: null, pinned: true,
    urgent: false, urgent_after_minutes: 30, chase_interval_minutes: 60, chase_max: 0, file_ids: [],
    group_channel_id: null, unit_ids: [], recipients: 3, opened: 0, confirmed: 0, mine: null, is_publisher: false,
    ...over }
}

const MINE = { delivered_at: '2026-12-02T08:00:00Z', opened_at: null, confirmed_at: null, nudges: 0 }

describe('announce store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    board.mockReset()
  })

  it('counts unconfirmed announcements once however often they arrive, and drops recalled ones', () => {
    const store = useAnnounceStore()
    const events = new EventRegistry()
    store.registerEvents(events)
    events.dispatch('announcement.new', { announcement: ann({ mine: MINE }) })
    events.dispatch('announcement.new', { announcement: ann({ mine: MINE }) })
    events.dispatch('announcement.nudged', { announcement: ann({ mine: { ...MINE, nudges: 1 } }) })
    expect(store.unconfirmed).toBe(1)
    expect(store.inbox[0].mine?.nudges).toBe(1)
    events.dispatch('announcement.removed', { announcement_id: 'n1' })
    expect(store.unconfirmed).toBe(0)
    expect(store.inbox).toEqual([])
  })

  it('moves a publisher board on announcement.receipt and reads the per-unit rates again once per burst', async () => {
    const store = useAnnounceStore()
    const events = new EventRegistry()
    store.registerEvents(events)
    const initial: ReceiptBoard = { announcement: ann({ is_publisher: true }), units: [], not_read: [], not_confirmed: [] }
    board.mockResolvedValue(initial)
    await store.loadBoard('n1')
    events.dispatch('announcement.new', { announcement: ann({ is_publisher: true }) })
    let release: (b: ReceiptBoard) => void = () => undefined
    board.mockReturnValueOnce(new Promise<ReceiptBoard>((r) => (release = r)))
    const receipt = { user_id: 'u', user_name: '张三', unit_id: null, unit_name: '', delivered_at: '', opened_at: 'x',
      confirmed_at: null, nudges: 0 }
    events.dispatch('announcement.receipt', { announcement_id: 'n1', receipt, recipients: 3, opened: 1, confirmed: 0 })
    events.dispatch('announcement.receipt', { announcement_id: 'n1', receipt, recipients: 3, opened: 2, confirmed: 1 })
    expect(store.boards.n1.announcement.opened).toBe(2)
    expect(store.sent[0].confirmed).toBe(1)
    expect(board).toHaveBeenCalledTimes(2)  // the first load, then one read for the burst…
    board.mockResolvedValue({ ...initial, announcement: ann({ is_publisher: true, opened: 2, confirmed: 1 }) })
    release(initial)
    // …and one more after it, since a change came while it was under way.
    await vi.waitFor(() => expect(board).toHaveBeenCalledTimes(3))
    await vi.waitFor(() => expect(store.boards.n1.announcement.confirmed).toBe(1))
  })
})
