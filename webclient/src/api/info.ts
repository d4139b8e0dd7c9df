// 政务信息报送 and 《白银信息》; shapes from the generated OpenAPI types.
import { request } from './http'
import type { components } from './schema'

type S = components['schemas']
export type InfoItem = S['InfoOut']
export type InfoIssue = S['IssueOut']
export type InfoStats = S['InfoStats']
export type InfoBox = 'mine' | 'unit' | 'review' | 'adopted'

const enc = encodeURIComponent

export const infoApi = {
  items: (box: InfoBox) => request<S['InfoList']>('GET', `/api/v1/info/items?box=${box}`),
  submit: (body: S['InfoIn']) => request<InfoItem>('POST', '/api/v1/info/items', body),
  decide: (id: string, body: S['DecisionIn']) => request<InfoItem>('POST', `/api/v1/info/items/${enc(id)}/decision`, body),
  stats: (year: number) => request<InfoStats>('GET', `/api/v1/info/stats?year=${year}`),
  issues: () => request<S['IssueList']>('GET', '/api/v1/info/issues'),
  issue: (id: string) => request<InfoIssue>('GET', `/api/v1/info/issues/${enc(id)}`),
  compile: (body: S['IssueIn']) => request<InfoIssue>('POST', '/api/v1/info/issues', body),
  subscribe: (subscribed: boolean) => request<{ subscribed: boolean }>('PUT', '/api/v1/info/subscription', { subscribed }),
}
