// 行政审批 calls of the signed-in client (the public /query page has its own, in src/query/api.ts).
import { ApiError, networkError } from '../api/http'
import type { components } from '../api/schema'
import type { ApiErrorBody } from '../api/types'

type S = components['schemas']
export type Matter = S['MatterOut']
export type Receipt = S['Receipt']
export type CaseSummary = S['CaseSummary']
export type CaseOut = S['CaseOut']
export type CaseActIn = S['CaseActIn']
export type CaseAct = CaseActIn['act']
export type Dashboard = S['Dashboard']
export type StatRow = S['StatRow']
export type ApplicationIn = S['ApplicationIn']
export type FollowUp = S['FollowUpOut']
export type CaseFilter = 'all' | 'pending' | 'due_soon' | 'yellow' | 'red' | 'done'

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response
  try {
    res = await fetch(path, {
      method, credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw networkError()
  }
  const data = (await res.json().catch(() => null)) as unknown
  if (!res.ok) {
    const err = (data as { error?: ApiErrorBody } | null)?.error ?? { code: 'internal', message: '', message_en: '' }
    throw new ApiError(res.status, err)
  }
  return data as T
}

const enc = encodeURIComponent

export const licensing = {
  matters: () => call<{ matters: Matter[] }>('GET', '/api/v1/licensing/matters'),
  submit: (app: ApplicationIn) => call<Receipt>('POST', '/api/v1/licensing/cases', app),
  cases: (q: { unit?: string; matter?: string; filter?: CaseFilter }) => {
    const p = new URLSearchParams()
    for (const [k, v] of Object.entries(q)) if (v) p.set(k, v)
    return call<{ cases: CaseSummary[] }>('GET', `/api/v1/licensing/cases?${p.toString()}`)
  },
  case: (id: string) => call<CaseOut>('GET', `/api/v1/licensing/cases/${enc(id)}`),
  act: (id: string, body: CaseActIn) => call<CaseOut>('POST', `/api/v1/licensing/cases/${enc(id)}/act`, body),
  dashboard: () => call<Dashboard>('GET', '/api/v1/licensing/dashboard'),
  exportUrl: '/api/v1/licensing/dashboard.xlsx',
  followUps: () => call<{ follow_ups: FollowUp[] }>('GET', '/api/v1/licensing/followups'),
  closeFollowUp: (id: string, note: string) => call<FollowUp>('POST', `/api/v1/licensing/followups/${enc(id)}/close`, { note }),
}
