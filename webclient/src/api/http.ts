import type {
  ActIn, ApiErrorBody, BatchIn, BatchOut, Box, Card, Channel, CommandInfo, DefinitionOut, Delegation, DelegationIn, Instance,
  Message, ReadOut, StartIn, StoredFile, TaskList, Unit, User,
} from './types'
import type { GroupRoles, MessageReads, ReadPositions, SearchOut } from './types'

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

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
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
  // The work engine (工作台).
  tasks: (box: Box, opts: { definition_key?: string; overdue?: boolean; limit?: number } = {}) => {
    const q = new URLSearchParams({ box, limit: String(opts.limit ?? 200) })
    if (opts.definition_key) q.set('definition_key', opts.definition_key)
    if (opts.overdue) q.set('overdue', 'true')
    return request<TaskList>('GET', `/api/v1/tasks?${q}`)
  },
  definitions: () => request<{ definitions: DefinitionOut[] }>('GET', '/api/v1/definitions'),
  definition: (key: string) => request<DefinitionOut>('GET', `/api/v1/definitions/${enc(key)}`),
  instance: (id: string) => request<Instance>('GET', `/api/v1/instances/${enc(id)}`),
  startInstance: (body: Pick<StartIn, 'definition_key' | 'form' | 'chosen' | 'request_id'>) =>
    request<Instance>('POST', '/api/v1/instances', body),
  act: (id: string, body: Partial<ActIn> & Pick<ActIn, 'op' | 'request_id'>) =>
    request<{ instance: Instance }>('POST', `/api/v1/instances/${enc(id)}/actions`, body),
  // Files: uploaded to an object (a channel, a document), then downloaded or previewed by id.
  upload: (scopeKind: string, scopeId: string, file: File) => uploadFile(scopeKind, scopeId, file),
  file: (id: string) => request<StoredFile>('GET', `/api/v1/files/${enc(id)}`),
  // Approvals: batch approval from the 工作台, and delegation (代理).
  batch: (body: BatchIn) => request<BatchOut>('POST', '/api/v1/tasks/batch', body),
  delegations: () => request<{ delegations: Delegation[] }>('GET', '/api/v1/delegations'),
  delegate: (body: DelegationIn) => request<{ delegations: Delegation[] }>('POST', '/api/v1/delegations', body),
  revokeDelegation: (id: string) => request<null>('DELETE', `/api/v1/delegations/${enc(id)}`),
  roles: (id: string) => request<GroupRoles>('GET', `/api/v1/channels/${enc(id)}/roles`),
  rename: (id: string, name: string) => request<Channel>('PATCH', `/api/v1/channels/${enc(id)}`, { name }),
  setAdmin: (id: string, user_id: string, admin: boolean) =>
    request<GroupRoles>('POST', `/api/v1/channels/${enc(id)}/admins`, { user_id, admin }),
  transfer: (id: string, user_id: string) => request<GroupRoles>('POST', `/api/v1/channels/${enc(id)}/owner`, { user_id }),
  dissolve: (id: string) => request<void>('DELETE', `/api/v1/channels/${enc(id)}`),
  readPositions: (channelId: string) => request<ReadPositions>('GET', `/api/v1/channels/${enc(channelId)}/read-positions`),
  messageReads: (messageId: string) => request<MessageReads>('GET', `/api/v1/messages/${enc(messageId)}/reads`),
  react: (messageId: string, key: string, on: boolean) =>
    request<Message>('POST', `/api/v1/messages/${enc(messageId)}/reactions`, { key, on }),
  chatSettings: () => request<{ recall_window_seconds: number; message_max_chars: number }>('GET', '/api/v1/chat/settings'),
  forward: (message_ids: string[], channel_id: string, client_msg_id: string) =>
    request<{ messages: Message[] }>('POST', '/api/v1/messages/forward', { message_ids, channel_id, client_msg_id }),
  search: (params: SearchParams) => {
    const q = new URLSearchParams()
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
    return request<SearchOut>('GET', `/api/v1/search?${q}`)
  },
}

/** The URL that downloads a file (Content-Disposition: attachment) and the one that shows a PDF or image. */
export const fileUrl = (id: string): string => `/api/v1/files/${enc(id)}/content`
export const previewUrl = (id: string): string => `/api/v1/files/${enc(id)}/preview`

/** multipart/form-data, scope fields before the file (the hub streams the file and checks the scope first). */
async function uploadFile(scopeKind: string, scopeId: string, file: File): Promise<StoredFile> {
  const form = new FormData()
  form.append('scope_kind', scopeKind)
  form.append('scope_id', scopeId)
  form.append('file', file, file.name)
  let res: Response
  try {
    res = await fetch('/api/v1/files', { method: 'POST', credentials: 'same-origin', body: form,
      headers: { Accept: 'application/json' } })
  } catch {
    throw networkError()
  }
  let data: unknown = null
  try {
    data = await res.json()
  } catch {
    data = null
  }
  if (!res.ok) {
    const err = (data as { error?: ApiErrorBody } | null)?.error ?? { code: 'internal', message: '', message_en: '' }
    if (res.status === 401) onUnauthenticated?.()
    throw new ApiError(res.status, err)
  }
  return data as StoredFile
}

/** GET /api/v1/search: q plus optional filters; since/until are ISO datetimes (no zone = Beijing time). */
export interface SearchParams {
  q: string
  channel_id?: string
  sender_id?: string
  since?: string
  until?: string
  kinds?: string
  limit?: number
}
