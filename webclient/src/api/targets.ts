// 目标管理's calls; shapes from the generated OpenAPI types.
import { request } from './http'
import type { components } from './schema'

type S = components['schemas']
export type Target = S['TargetOut']
export type TargetDetail = S['TargetDetail']
export type TargetBoard = S['TargetBoard']
export type TargetReport = S['ReportOut']
export type TargetIn = S['TargetIn']
export type Light = Target['light']

const enc = encodeURIComponent

export const targetsApi = {
  list: (year: number) => request<S['TargetList']>('GET', `/api/v1/targets?year=${year}`),
  board: (year: number) => request<TargetBoard>('GET', `/api/v1/targets/board?year=${year}`),
  get: (id: string) => request<TargetDetail>('GET', `/api/v1/targets/${enc(id)}`),
  create: (body: TargetIn) => request<TargetDetail>('POST', '/api/v1/targets', body),
  report: (id: string, body: S['ReportIn']) => request<TargetReport>('POST', `/api/v1/targets/${enc(id)}/reports`, body),
  review: (reportId: string, body: S['ReviewIn']) =>
    request<TargetReport>('POST', `/api/v1/targets/reports/${enc(reportId)}/review`, body),
  close: (id: string, note = '') => request<TargetDetail>('POST', `/api/v1/targets/${enc(id)}/close`, { note }),
  exportUrl: (year: number) => `/api/v1/targets/export?year=${year}`,
}
