import type { Message } from '../api/types'

/**
 * Merge messages into a seq-ascending list: one entry per seq, the highest rev wins.
 * Returns a new array; the input is not changed.
 */
export function mergeMessages(list: Message[], incoming: Message[]): Message[] {
  if (!incoming.length) return list
  const bySeq = new Map<number, Message>()
  for (const m of list) bySeq.set(m.seq, m)
  for (const m of incoming) {
    const old = bySeq.get(m.seq)
    if (!old || m.rev >= old.rev) bySeq.set(m.seq, m)
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq)
}

/** The highest seq reachable from the newest loaded page without a hole (where catch-up must start). */
export function contiguousTop(list: Message[]): number {
  if (!list.length) return 0
  let top = list[0].seq
  for (let i = 1; i < list.length; i++) {
    if (list[i].seq !== top + 1) break
    top = list[i].seq
  }
  return top
}

export function maxRev(list: Message[], floor = 0): number {
  let r = floor
  for (const m of list) if (m.rev > r) r = m.rev
  return r
}
