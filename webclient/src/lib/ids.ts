/** A client_msg_id: matches the hub's pattern ^[A-Za-z0-9_.:-]+$ and is unique per send attempt. */
export function newClientMsgId(): string {
  const rnd = typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID().replace(/-/g, '')
    : Math.random().toString(36).slice(2) + Date.now().toString(36)
  return `web-${rnd}`
}
