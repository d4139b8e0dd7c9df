// 归档 (/api/v1/archive/…) and the 发文登记簿 (/api/v1/doc-numbers/…): wire types from the generated schema, the calls.
import type { components } from './schema'
import { request } from './http'
import { requestId } from './documents'

type S = components['schemas']
export type ArchiveItemOut = S['ArchiveItemOut']
export type ArchiveListOut = S['ArchiveListOut']
export type PendingOut = S['PendingOut']
export type PendingRow = S['PendingRow']
export type Retention = S['ArchiveIn']['retention']
export type NumberRegisterOut = S['NumberRegisterOut']
export type NumberOut = S['NumberOut']
export type SequenceList = S['SequenceList']

function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `?${s}` : ''
}

export const archiveApi = {
  pending: () => request<PendingOut>('GET', '/api/v1/archive/pending'),
  catalogue: (year: number, q?: string) => request<ArchiveListOut>('GET', `/api/v1/archive/items${query({ year, q })}`),
  file: (row: PendingRow, retention: Retention, orgCode: string, pages: number | null) =>
    request<ArchiveItemOut>('POST', '/api/v1/archive/items', {
      kind: row.kind, source_id: row.source_id, retention, org_code: orgCode, pages, request_id: requestId('arch'),
    }),
  fileUrl: (itemId: string) => `/api/v1/archive/items/${encodeURIComponent(itemId)}/file`,
  exportUrl: (year: number) => `/api/v1/archive/export.zip${query({ year })}`,
}

export const numbersApi = {
  sequences: () => request<SequenceList>('GET', '/api/v1/doc-numbers/sequences'),
  register: (unitId: string, code: string, year: number) =>
    request<NumberRegisterOut>('GET', `/api/v1/doc-numbers/register${query({ unit_id: unitId, code, year })}`),
  xlsxUrl: (unitId: string, code: string, year: number) =>
    `/api/v1/doc-numbers/register.xlsx${query({ unit_id: unitId, code, year })}`,
}
