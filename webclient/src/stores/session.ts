import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, ApiError, setUnauthenticatedHandler } from '../api/http'
import type { ApiErrorBody, User } from '../api/types'
import { HubSocket } from '../realtime/socket'
import { useChatStore } from './chat'

export const useSessionStore = defineStore('session', () => {
  const user = ref<User | null>(null)
  const ready = ref(false)
  /** Why the last session ended, shown on the login screen (i18n key). */
  const endedReason = ref<string | null>(null)
  let socket: HubSocket | null = null

  function startRealtime(): void {
    const chat = useChatStore()
    socket?.close()
    socket = new HubSocket({
      connect: (again) => chat.onConnected(again),
      disconnect: () => chat.onDisconnected(),
      refused: (err: ApiErrorBody | null) => {
        if (err && ['unauthenticated', 'session_expired', 'account_disabled'].includes(err.code)) void ended('expired')
      },
      event: (name, payload) => {
        if (name === 'session.ended') {
          void ended((payload as { reason?: string }).reason ?? 'logout')
          return
        }
        chat.handleEvent(name, payload)
      },
    })
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
    startRealtime()
    await chat.loadChannels()
  }

  async function bootstrap(): Promise<void> {
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
    user.value = null
  }

  async function ended(reason: string): Promise<void> {
    if (!user.value) return
    teardown()
    endedReason.value = reason === 'logout' ? null : `session.ended_${reason}`
  }

  async function logout(): Promise<void> {
    try {
      await api.logout()
    } catch {
      /* the session is gone either way */
    }
    teardown()
  }

  return { user, ready, endedReason, bootstrap, login, logout }
})
