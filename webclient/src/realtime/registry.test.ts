import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createHubEvents } from './events'
import { EventRegistry, type ServerEvents } from './registry'
import { useChatStore } from '../stores/chat'
import { makeChannel, makeMessage, makeUser } from '../test/fixtures'

describe('EventRegistry', () => {
  it('runs every handler of an event in order, and ignores events nobody handles', () => {
    const r = new EventRegistry()
    const seen: string[] = []
    r.on('channel.read', (p) => seen.push(`a${p.unread}`))
    r.on('channel.read', (p) => seen.push(`b${p.unread}`))
    expect(r.dispatch('channel.read', { channel_id: 'c', last_read_seq: 1, unread: 3 })).toBe(true)
    expect(seen).toEqual(['a3', 'b3'])
    expect(r.dispatch('task.created', {})).toBe(false)
    expect(r.handles('task.created')).toBe(false)
  })

  it('removes a handler with the function on() returned', () => {
    const r = new EventRegistry()
    const fn = vi.fn()
    const off = r.on('session.ended', fn)
    off()
    expect(r.dispatch('session.ended', { reason: 'logout' })).toBe(false)
    expect(fn).not.toHaveBeenCalled()
    expect(r.names()).toEqual([])
  })

  it('keeps running the other handlers when one throws', () => {
    const r = new EventRegistry()
    const after = vi.fn()
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    r.on('card.updated', () => {
      throw new Error('boom')
    })
    r.on('card.updated', after)
    r.dispatch('card.updated', { card: {} })
    expect(after).toHaveBeenCalledOnce()
    expect(err).toHaveBeenCalled()
    err.mockRestore()
  })
})

describe('createHubEvents', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('maps every server event to a store handler', () => {
    const events = createHubEvents((r) => r.on('session.ended', () => undefined))
    const all: (keyof ServerEvents)[] = ['message.new', 'message.updated', 'channel.read', 'channel.member_added',
      'channel.member_removed', 'card.updated', 'card.actions', 'session.ended', 'task.created', 'task.updated',
      'task.removed', 'announcement.new', 'announcement.removed', 'announcement.nudged', 'announcement.receipt',
      'conversation.prefs', 'channel.read_position', 'channel.updated']
    expect(events.names().sort()).toEqual([...all].sort())
  })

  it('delivers a socket event to the chat store', () => {
    const events = createHubEvents()
    const chat = useChatStore()
    chat.setMe(makeUser())
    chat.upsertChannel(makeChannel({ id: 'c1', last_seq: 1, last_read_seq: 1 }))
    events.dispatch('message.new', { message: makeMessage({ seq: 2, id: 'm2' }) })
    expect(chat.channels.c1.last_seq).toBe(2)
    expect(chat.channels.c1.unread).toBe(1)
    expect(chat.previews.c1.id).toBe('m2')
  })
})
