// 发文 (/api/v1/outgoing…): wire types from the generated schema, and the calls.
import type { components } from './schema'
import { ApiError, networkError, request } from './http'
import { requestId } from './documents'

type S = components['schemas']
export type OutgoingOut = S['OutgoingOut']
export type DraftContent = S['DraftContent-Input']
export type Block = S['Block']
export type OutgoingList = S['OutgoingList']
export type OutgoingStepIn = S['OutgoingStepIn']
export type OutgoingOp = OutgoingStepIn['op']
export type VersionList = S['VersionList']
export type DiffOut = S['DiffOut']
export type CreateIn = Omit<S['OutgoingCreateIn'], 'request_id'>

const enc = encodeURIComponent

/** A PDF the hub lays out (the live preview): the bytes as a Blob, or the hub's error. */
async function pdf(path: string, body: unknown): Promise<Blob> {
  let res: Response
  try {
    res = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body) })
  } catch {
    throw networkError()
  }
  if (!res.ok) {
    const data = (await res.json().catch(() => null)) as { error?: ApiError['body'] } | null
    throw new ApiError(res.status, data?.error ?? { code: 'internal', message: '', message_en: '' })
  }
  return res.blob()
}

export const outgoingApi = {
  list: (box: 'all' | 'todo' = 'all') => request<OutgoingList>('GET', `/api/v1/outgoing?box=${box}`),
  get: (id: string) => request<OutgoingOut>('GET', `/api/v1/outgoing/${enc(id)}`),
  create: (body: CreateIn) => request<OutgoingOut>('POST', '/api/v1/outgoing', { ...body, request_id: requestId('out') }),
  save: (id: string, baseVersion: number, content: DraftContent) =>
    request<OutgoingOut>('PATCH', `/api/v1/outgoing/${enc(id)}`, { base_version: baseVersion, content }),
  step: (id: string, op: OutgoingOp, opinion?: string | null) =>
    request<OutgoingOut>('POST', `/api/v1/outgoing/${enc(id)}/steps`, { op, request_id: requestId(op), opinion: opinion || null }),
  versions: (id: string) => request<VersionList>('GET', `/api/v1/outgoing/${enc(id)}/versions`),
  diff: (id: string, from: number, to: number) =>
    request<DiffOut>('GET', `/api/v1/outgoing/${enc(id)}/diff?from_version=${from}&to_version=${to}`),
  preview: (id: string | null, content: DraftContent, code: string | null) =>
    id ? pdf(`/api/v1/outgoing/${enc(id)}/preview.pdf`, { content })
      : pdf('/api/v1/outgoing-preview.pdf', { content, code: code || null }),
}

/** The 正文's heading numbers as the hub generates them (一、（一）1.（1）), for the editor's labels. */
const DIGITS = '零一二三四五六七八九'
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + (ones ? DIGITS[ones] : '')
}

export function blockMarks(blocks: Block[]): string[] {
  const counters = [0, 0, 0, 0, 0]
  return blocks.map((b) => {
    if (b.level === 0) return ''
    counters[b.level] += 1
    for (let l = b.level + 1; l < 5; l++) counters[l] = 0
    const n = counters[b.level]
    return ['', `${chineseNumber(n)}、`, `（${chineseNumber(n)}）`, `${n}.`, `（${n}）`][b.level]
  })
}
