import type { Attachment } from '../api/types'

/** The offline send queue, kept in IndexedDB so that messages typed offline survive a reload. Each entry keeps its
 *  client_msg_id, so a resend can never store a message twice; `order` keeps the order they were typed in. */
export interface Queued {
  client_msg_id: string
  user_id: string
  channel_id: string
  content: string
  reply_to: string | null
  /** Files already uploaded to the channel, sent with the text (kept so that a reload does not drop them). */
  files?: Attachment[]
  created_at: string
  order: number
}

const DB = 'xt-outbox'
const STORE = 'queue'
let opening: Promise<IDBDatabase | null> | null = null
// Without IndexedDB (old browsers, unit tests) the queue lives for the page only.
const memory = new Map<string, Queued>()

function open(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') {
      resolve(null)
      return
    }
    const req = indexedDB.open(DB, 1)
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'client_msg_id' })
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => resolve(null)
  })
  return opening
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error)
  })
}

export async function putQueued(item: Queued): Promise<void> {
  const db = await open()
  if (!db) {
    memory.set(item.client_msg_id, item)
    return
  }
  const tx = db.transaction(STORE, 'readwrite')
  tx.objectStore(STORE).put(item)
  await done(tx)
}

export async function removeQueued(clientMsgId: string): Promise<void> {
  const db = await open()
  if (!db) {
    memory.delete(clientMsgId)
    return
  }
  const tx = db.transaction(STORE, 'readwrite')
  tx.objectStore(STORE).delete(clientMsgId)
  await done(tx)
}

export async function queuedFor(userId: string): Promise<Queued[]> {
  const db = await open()
  let all: Queued[]
  if (!db) all = [...memory.values()]
  else {
    const tx = db.transaction(STORE, 'readonly')
    const req = tx.objectStore(STORE).getAll()
    all = await new Promise<Queued[]>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result as Queued[])
      req.onerror = () => reject(req.error)
    })
  }
  return all.filter((q) => q.user_id === userId).sort((a, b) => a.order - b.order)
}

/** Forget a person's unsent messages (they logged out: nothing of theirs should wait on a shared machine). */
export async function clearQueued(userId: string): Promise<void> {
  for (const q of await queuedFor(userId)) await removeQueued(q.client_msg_id)
}
