import type { ApiErrorBody, Card, Channel, CommandInfo, Message, ReadOut, Unit, User } from './types'

/** An error the hub (or the network) reported; body carries the bilingual message. */
export class ApiError extends Error {
  constructor(public status: number, public body: ApiErrorBody) {
    super(body.message_en || body.code)
  }
  get code(): string {
    return this.body.code
  }
}

export function networkError(): ApiError {
  return new ApiError(0, { code: 'network', message: '', message_en: '' })
}

let onUnauthenticated: (() => void) | null = null
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw networkError()
  }
  if (res.status === 204) return undefined as T
  let data: unknown = null
  try {
    data = await res.json()
  } catch {
    data = null
  }
  if (!res.ok) {
    const err = (data as { error?: ApiErrorBody } | null)?.error ?? { code: 'internal', message: '', message_en: '' }
    const apiErr = new ApiError(res.status, err)
    if (res.status === 401 && (err.code === 'unauthenticated' || err.code === 'session_expired') && !path.endsWith('/session/login')) {
      onUnauthenticated?.()
    }
    throw apiErr
  }
  return data as T
}

const enc = encodeURIComponent

export const api = {
  login: (username: string, password: string) =>
    request<{ token: string; expires_at: string; user: User }>('POST', '/api/v1/session/login', { username, password }),
  logout: () => request<void>('POST', '/api/v1/session/logout'),
  me: () => request<User>('GET', '/api/v1/session/me'),
  units: () => request<{ units: Unit[] }>('GET', '/api/v1/units'),
  unitMembers: (id: string) => request<{ users: User[] }>('GET', `/api/v1/units/${enc(id)}/members`),
  searchUsers: (q: string, limit = 30) =>
    request<{ users: User[] }>('GET', `/api/v1/users?q=${enc(q)}&limit=${limit}`),
  user: (id: string) => request<User>('GET', `/api/v1/users/${enc(id)}`),
  channels: () => request<{ channels: Channel[] }>('GET', '/api/v1/channels'),
  channel: (id: string) => request<Channel>('GET', `/api/v1/channels/${enc(id)}`),
  createChannel: (name: string, topic: string, member_ids: string[]) =>
    request<Channel>('POST', '/api/v1/channels', { name, topic, member_ids }),
  direct: (user_id: string) => request<Channel>('POST', '/api/v1/channels/direct', { user_id }),
  members: (id: string) => request<{ members: User[] }>('GET', `/api/v1/channels/${enc(id)}/members`),
  addMembers: (id: string, user_ids: string[]) =>
    request<{ members: User[] }>('POST', `/api/v1/channels/${enc(id)}/members`, { user_ids }),
  removeMember: (id: string, userId: string) =>
    request<void>('DELETE', `/api/v1/channels/${enc(id)}/members/${enc(userId)}`),
  history: (id: string, opts: { before?: number; after?: number; limit?: number } = {}) => {
    const q = new URLSearchParams()
    if (opts.before !== undefined) q.set('before', String(opts.before))
    if (opts.after !== undefined) q.set('after', String(opts.after))
    q.set('limit', String(opts.limit ?? 50))
    return request<{ messages: Message[]; has_more: boolean }>('GET', `/api/v1/channels/${enc(id)}/messages?${q}`)
  },
  send: (id: string, content: string, client_msg_id: string) =>
    request<Message>('POST', `/api/v1/channels/${enc(id)}/messages`, { content, client_msg_id }),
  edit: (id: string, content: string) => request<Message>('PATCH', `/api/v1/messages/${enc(id)}`, { content }),
  recall: (id: string) => request<Message>('POST', `/api/v1/messages/${enc(id)}/recall`),
  card: (id: string) => request<Card>('GET', `/api/v1/cards/${enc(id)}`),
  commands: () => request<{ commands: CommandInfo[] }>('GET', '/api/v1/commands'),
  read: (id: string, seq: number) => request<ReadOut>('POST', `/api/v1/channels/${enc(id)}/read`, { seq }),
}
