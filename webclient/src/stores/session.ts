import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, ApiError, setUnauthenticatedHandler } from '../api/http'
import type { ApiErrorBody, User } from '../api/types'
import { createHubEvents } from '../realtime/events'
import { HubSocket } from '../realtime/socket'
import { useAnnounceStore } from './announce'
import { clearQueued } from '../lib/outbox'
import { useChatStore } from './chat'
import { usePrefsStore } from './prefs'
import { useWorkStore } from './work'

export const useSessionStore = defineStore('session', () => {
  const user = ref<User | null>(null)
  const ready = ref(false)
  /** Why the last session ended, shown on the login screen (i18n key). */
  const endedReason = ref<string | null>(null)
  let socket: HubSocket | null = null

  function startRealtime(): void {
    const chat = useChatStore()
    socket?.close()
    const events = createHubEvents((r) => r.on('session.ended', (p) => void ended(p.reason ?? 'logout')))
    socket = new HubSocket({
      connect: (again) => {
        chat.onConnected(again)
        // Task events missed while offline: the 工作台's counts and 待办 come again.
        if (again) void useWorkStore().refresh().catch(() => undefined)
        if (again) void useAnnounceStore().load('inbox').catch(() => undefined)
        if (again) void usePrefsStore().load().catch(() => undefined)
      },
      disconnect: () => chat.onDisconnected(),
      refused: (err: ApiErrorBody | null) => {
        if (err && ['unauthenticated', 'session_expired', 'account_disabled'].includes(err.code)) void ended('expired')
      },
    }, events)
    chat.setTransport(socket)
    socket.start()
    // Tests and support staff can bounce the connection from the console.
    ;(window as unknown as { __xt?: unknown }).__xt = { bounce: (ms?: number) => socket?.bounce(ms) }
  }

  async function enter(u: User): Promise<void> {
    const chat = useChatStore()
    chat.reset()
    user.value = u
    chat.setMe(u)
    useWorkStore().reset()
    startRealtime()
    // The 工作台's badge (my 待办) is known from login on, without opening it.
    void useWorkStore().refresh().catch((e) => console.warn(e))
    useAnnounceStore().reset()
    void useAnnounceStore().load('inbox').catch((e) => console.warn(e))
    usePrefsStore().reset()
    void usePrefsStore().load().catch((e) => console.warn(e))
    await chat.loadChannels()
  }

  let booting: Promise<void> | null = null

  /** Learn whether a session exists (once); the router waits for it before its first page. */
  function bootstrap(): Promise<void> {
    booting ??= doBootstrap()
    return booting
  }

  async function doBootstrap(): Promise<void> {
    setUnauthenticatedHandler(() => void ended('expired'))
    try {
      await enter(await api.me())
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) console.warn(e)
      user.value = null
    } finally {
      ready.value = true
    }
  }

  async function login(username: string, password: string): Promise<void> {
    const out = await api.login(username, password)
    endedReason.value = null
    await enter(out.user)
  }

  function teardown(): void {
    socket?.close()
    socket = null
    useChatStore().reset()
    useWorkStore().reset()
    useAnnounceStore().reset()
    usePrefsStore().reset()
    user.value = null
  }

  async function ended(reason: string): Promise<void> {
    if (!user.value) return
    teardown()
    endedReason.value = reason === 'logout' ? null : `session.ended_${reason}`
  }

  async function logout(): Promise<void> {
    if (user.value) await clearQueued(user.value.id).catch(() => undefined)
    try {
      await api.logout()
    } catch {
      /* the session is gone either way */
    }
    teardown()
  }

  return { user, ready, endedReason, bootstrap, login, logout }
})
