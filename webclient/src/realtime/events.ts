import { useAnnounceStore } from '../stores/announce'
import { useCardStore } from '../stores/cards'
import { useChatStore } from '../stores/chat'
import { usePrefsStore } from '../stores/prefs'
import { useWorkStore } from '../stores/work'
import { EventRegistry } from './registry'

/** The registry for one session: every store that follows socket events registers its handlers here.
 *  A later view (the 工作台's task.* events) adds a line. */
export function createHubEvents(extra: (events: EventRegistry) => void = () => undefined): EventRegistry {
  const events = new EventRegistry()
  useChatStore().registerEvents(events)
  useCardStore().registerEvents(events)
  useWorkStore().registerEvents(events)
  useAnnounceStore().registerEvents(events)
  usePrefsStore().registerEvents(events)
  extra(events)
  return events
}
