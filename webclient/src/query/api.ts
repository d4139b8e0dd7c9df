import type { components } from '../api/schema'

export type PublicCase = components['schemas']['PublicCase']

export interface QueryError {
  status: number
  code: string
  message: string
  message_en: string
}

async function post(path: string, body: unknown): Promise<PublicCase> {
  let res: Response
  try {
    res = await fetch(path, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    })
  } catch {
    throw { status: 0, code: 'network', message: '网络异常，请稍后再试', message_en: 'Network error; try again later' }
  }
  const data = (await res.json().catch(() => null)) as { error?: QueryError } | PublicCase | null
  if (!res.ok) {
    const e = (data as { error?: QueryError } | null)?.error
    throw { status: res.status, code: e?.code ?? 'internal', message: e?.message ?? '服务暂不可用',
      message_en: e?.message_en ?? 'Service unavailable' } satisfies QueryError
  }
  return data as PublicCase
}

export const queryCase = (number: string, code: string) =>
  post('/api/v1/public/licensing/query', { number, code })

export const rateCase = (number: string, code: string, score: number, comment: string) =>
  post('/api/v1/public/licensing/rate', { number, code, score, comment })

/** Beijing wall-clock time, as the applicant's receipt shows it. */
export function beijing(iso: string | null | undefined): string {
  if (!iso) return '—'
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hour12: false,
  }).format(new Date(iso))
}
