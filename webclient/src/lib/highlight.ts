/** Split text into plain and highlighted pieces; ranges are [start, end) in code points, as the hub sends them. */
export interface Piece {
  text: string
  hit: boolean
}

export function highlightPieces(text: string, ranges: { start: number; end: number }[]): Piece[] {
  const chars = Array.from(text)
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start)
  const out: Piece[] = []
  let at = 0
  for (const r of sorted) {
    const start = Math.max(r.start, at)
    const end = Math.min(r.end, chars.length)
    if (end <= start) continue
    if (start > at) out.push({ text: chars.slice(at, start).join(''), hit: false })
    const last = out[out.length - 1]
    if (last?.hit && start === at) last.text += chars.slice(start, end).join('')
    else out.push({ text: chars.slice(start, end).join(''), hit: true })
    at = end
  }
  if (at < chars.length) out.push({ text: chars.slice(at).join(''), hit: false })
  return out
}

/** The Beijing instant that starts a calendar day, for the search's since/until (no zone = Beijing time). */
export function dayStart(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d + plusDays))
  return `${t.toISOString().slice(0, 10)}T00:00:00`
}
