export const TZ = 'Asia/Shanghai'

function parts(d: Date): Record<string, string> {
  const out: Record<string, string> = {}
  for (const p of new Intl.DateTimeFormat('en-CA', {
    timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d)) out[p.type] = p.value
  return out
}

/** The Beijing calendar day of an instant, as YYYY-MM-DD. */
export function beijingDay(d: Date): string {
  const p = parts(d)
  return `${p.year}-${p.month}-${p.day}`
}

export function beijingTime(d: Date): string {
  const p = parts(d)
  return `${p.hour}:${p.minute}`
}

export function beijingDateTime(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso
  const p = parts(d)
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

export interface Labels {
  yesterday: string
}

/** Short time for lists and bubbles: 14:05 today, 昨天 14:05, 03-12 14:05, or 2025-03-12 for older years. */
export function shortTime(iso: string | null | undefined, labels: Labels, now: Date = new Date()): string {
  if (!iso) return ''
  const d = new Date(iso)
  const day = beijingDay(d)
  const today = beijingDay(now)
  if (day === today) return beijingTime(d)
  const yest = beijingDay(new Date(now.getTime() - 86400000))
  if (day === yest) return `${labels.yesterday} ${beijingTime(d)}`
  if (day.slice(0, 4) === today.slice(0, 4)) return `${day.slice(5)} ${beijingTime(d)}`
  return day
}

/** Seconds since created_at, for the two-minute recall window. */
export function ageSeconds(iso: string, now: number = Date.now()): number {
  return (now - new Date(iso).getTime()) / 1000
}
