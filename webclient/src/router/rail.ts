import { computed, type ComputedRef } from 'vue'
import type { RouteLocationRaw } from 'vue-router'
import { useAnnounceStore } from '../stores/announce'
import { useChatStore } from '../stores/chat'
import { usePrefsStore } from '../stores/prefs'
import { adminConsole } from './index'
import { useSessionStore } from '../stores/session'
import { useWorkStore } from '../stores/work'

/** One entry of the workspace's navy rail. A later view adds its route (src/router/index.ts) and an entry. */
export interface RailEntry {
  key: string
  icon: string
  /** i18n key of the label. */
  label: string
  to: RouteLocationRaw
  /** The live count on the entry (unread messages, pending work…); 0 hides it. */
  badge?: number
}

export function useRailEntries(): ComputedRef<RailEntry[]> {
  const chat = useChatStore()
  const work = useWorkStore()
  const notices = useAnnounceStore()
  const prefs = usePrefsStore()
  const session = useSessionStore()
  return computed(() => [
    // Back to the conversation that was open, if any.
    { key: 'chats', icon: 'chat', label: 'nav.chats', badge: prefs.unread,
      to: chat.activeId ? { name: 'channel', params: { id: chat.activeId } } : { name: 'chats' } },
    // 工作台: the badge is my 待办 count, known from login and kept live by task events.
    { key: 'work', icon: 'work', label: 'nav.work', badge: work.pendingCount, to: { name: 'work' } },
    { key: 'docs', icon: 'doc', label: 'docs.title', to: { name: 'docs' } },
    { key: 'contacts', icon: 'contacts', label: 'nav.contacts', to: { name: 'contacts' } },
    { key: 'targets', icon: 'flag', label: 'nav.targets', to: { name: 'targets' } },
    { key: 'info', icon: 'news', label: 'nav.info', to: { name: 'info' } },
    { key: 'licensing', icon: 'licensing', label: 'nav.licensing', to: { name: 'licensing' } },
    // 公告: the badge counts announcements I have not confirmed.
    { key: 'notices', icon: 'pin', label: 'notice.nav', badge: notices.unconfirmed, to: { name: 'notices' } },
    // The administrators' console, for the three administrator roles only.
    ...adminEntry(adminConsole(session.user?.roles ?? [])),
  ])
}

function adminEntry(path: string | null): RailEntry[] {
  return path ? [{ key: 'admin', icon: 'shield', label: 'admin.nav', to: path }] : []
}
