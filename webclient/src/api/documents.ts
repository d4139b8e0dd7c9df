// 公文 (GET/POST /api/v1/documents, /api/v1/incoming…): wire types from the generated schema, and the calls.
import type { components } from './schema'
import { request } from './http'

type S = components['schemas']
export type DocumentOut = S['DocumentOut']
export type RecordOut = S['RecordOut']
export type IncomingList = S['IncomingList']
export type TrackingOut = S['TrackingOut']
export type RegisterOut = S['RegisterOut']
export type StepIn = S['StepIn']
export type StepOp = StepIn['op']
export type IncomingBox = IncomingList['box']
export type Elements = DocumentOut['elements']

const enc = encodeURIComponent

function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `?${s}` : ''
}

export function requestId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

export type SentList = S['SentList']

export const docsApi = {
  sent: () => request<SentList>('GET', '/api/v1/documents'),
  incoming: (box: IncomingBox, f: { urgency?: string | null; doc_type?: string | null; sender_unit_id?: string | null } = {}) =>
    request<IncomingList>('GET', `/api/v1/incoming${query({ box, ...f })}`),
  document: (id: string) => request<DocumentOut>('GET', `/api/v1/documents/${enc(id)}`),
  step: (recordId: string, body: StepIn) => request<DocumentOut>('POST', `/api/v1/incoming/${enc(recordId)}/steps`, body),
  tracking: (id: string, state?: string | null) =>
    request<TrackingOut>('GET', `/api/v1/documents/${enc(id)}/tracking${query({ state })}`),
  urge: (id: string) => request<S['UrgeOut']>('POST', `/api/v1/documents/${enc(id)}/urge`, { request_id: requestId('urge') }),
  register: (year: number) => request<RegisterOut>('GET', `/api/v1/incoming-register${query({ year })}`),
  receiptUrl: (recordId: string) => `/api/v1/incoming/${enc(recordId)}/receipt.pdf`,
  registerXlsxUrl: (year: number) => `/api/v1/incoming-register.xlsx${query({ year })}`,
}

export const DOC_TYPES = ['决议', '决定', '命令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要']
