import { io, type Socket } from 'socket.io-client'
import type { ApiErrorBody } from '../api/types'
import type { EventRegistry } from './registry'

export interface Ack<T = unknown> {
  ok: boolean
  data?: T
  error?: ApiErrorBody
}

/** What the chat store needs from the realtime connection; tests pass a fake. */
export interface Transport {
  readonly connected: boolean
  emit<T>(event: string, payload: unknown, timeoutMs?: number): Promise<Ack<T>>
}

export interface Handlers {
  connect(recovered: boolean): void
  disconnect(reason: string): void
  refused(error: ApiErrorBody | null): void
}

/** The Socket.IO connection: same origin, cookie auth, reconnects by itself and when the browser is back online. */
export class HubSocket implements Transport {
  private socket: Socket
  private everConnected = false
  private manualOffline = false

  /** events: which store handles which server event (src/realtime/registry.ts); unknown events are ignored. */
  constructor(private handlers: Handlers, private events: EventRegistry) {
    this.socket = io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'],
      reconnectionDelay: 500, reconnectionDelayMax: 4000, autoConnect: false })
    this.socket.on('connect', () => {
      const again = this.everConnected
      this.everConnected = true
      this.handlers.connect(again)
    })
    this.socket.on('disconnect', (reason) => this.handlers.disconnect(reason))
    this.socket.on('connect_error', (err: Error & { data?: unknown }) => {
      const data = err.data as ApiErrorBody | undefined
      if (data && typeof data === 'object' && 'code' in data) this.handlers.refused(data)
    })
    this.socket.onAny((name: string, payload: unknown) => this.events.dispatch(name, payload))
    window.addEventListener('offline', this.onOffline)
    window.addEventListener('online', this.onOnline)
  }

  private onOffline = (): void => {
    // A dead network does not always close a websocket promptly; drop it so the banner shows at once.
    this.manualOffline = true
    this.socket.disconnect()
  }

  private onOnline = (): void => {
    if (this.manualOffline) {
      this.manualOffline = false
      this.socket.connect()
    }
  }

  get connected(): boolean {
    return this.socket.connected
  }

  start(): void {
    this.socket.connect()
  }

  /** Drop the connection and reconnect, as after a network loss (used by tests and the banner's retry). */
  bounce(offlineMs = 0): void {
    this.socket.disconnect()
    setTimeout(() => this.socket.connect(), offlineMs)
  }

  emit<T>(event: string, payload: unknown, timeoutMs = 10000): Promise<Ack<T>> {
    return new Promise((resolve) => {
      if (!this.socket.connected) {
        resolve({ ok: false, error: { code: 'offline', message: '', message_en: '' } })
        return
      }
      this.socket.timeout(timeoutMs).emit(event, payload, (err: Error | null, ack: Ack<T>) => {
        if (err) resolve({ ok: false, error: { code: 'timeout', message: '', message_en: '' } })
        else resolve(ack)
      })
    })
  }

  close(): void {
    window.removeEventListener('offline', this.onOffline)
    window.removeEventListener('online', this.onOnline)
    this.socket.removeAllListeners()
    this.socket.disconnect()
  }
}
