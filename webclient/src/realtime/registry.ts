import type { Announcement, ReceiptChanged } from '../api/announce'
import type { ConversationPref } from '../stores/prefs'
import type { Card, CardAction, Channel, Message, ReadOut, Task } from '../api/types'

/** Payloads of the hub's server events (schemas/events/server/*.json). New events are added here. */
export interface ServerEvents {
  'message.new': { message: Message }
  'message.updated': { message: Message }
  'channel.read': ReadOut
  'channel.member_added': { channel: Channel; user_ids: string[] }
  'channel.member_removed': { channel_id: string; user_id: string }
  'channel.updated': { channel: Channel }
  'channel.read_position': { channel_id: string; user_id: string; last_read_seq: number }
  'card.updated': { card: Card }
  'card.actions': { card_id: string; version: number; actions: CardAction[] }
  'session.ended': { reason?: string }
  'task.created': { task: Task }
  'task.updated': { task: Task }
  'task.removed': { task: Task }
  'announcement.new': { announcement: Announcement }
  'announcement.removed': { announcement_id: string }
  'announcement.nudged': { announcement: Announcement }
  'announcement.receipt': ReceiptChanged
  'conversation.prefs': { pref: ConversationPref }
}

export type EventName = keyof ServerEvents & string
export type EventHandler<K extends EventName> = (payload: ServerEvents[K]) => void

/**
 * Which store handles which socket event. Stores (and later views) register their handlers; the socket hands
 * every event to dispatch. One event may have several handlers, run in registration order.
 */
export class EventRegistry {
  private handlers = new Map<string, ((payload: never) => void)[]>()

  /** Register a handler; the returned function removes it again. */
  on<K extends EventName>(name: K, handler: EventHandler<K>): () => void {
    const list = this.handlers.get(name) ?? []
    list.push(handler as (payload: never) => void)
    this.handlers.set(name, list)
    return () => {
      const now = this.handlers.get(name) ?? []
      this.handlers.set(name, now.filter((h) => h !== handler))
    }
  }

  names(): string[] {
    return [...this.handlers.keys()].filter((n) => (this.handlers.get(n) ?? []).length > 0)
  }

  handles(name: string): boolean {
    return (this.handlers.get(name) ?? []).length > 0
  }

  /** Run the handlers of one event; false when none is registered (the event is ignored). A handler that
   *  throws does not stop the others. */
  dispatch(name: string, payload: unknown): boolean {
    const list = this.handlers.get(name)
    if (!list || !list.length) return false
    for (const handler of [...list]) {
      try {
        ;(handler as (p: unknown) => void)(payload)
      } catch (e) {
        console.error(`handler for ${name} failed`, e)
      }
    }
    return true
  }
}
