// Announcements (公告/通知, 群公告): wire types from the generated schema and their endpoints.
import type { components } from './schema'
import { request } from './http'

type S = components['schemas']
export type Announcement = S['AnnouncementOut']
export type AnnouncementIn = S['AnnouncementIn']
export type ReceiptBoard = S['ReceiptBoard']
export type ReceiptRow = S['ReceiptRow']
export type UnitRate = S['UnitRate']

/** announcement.receipt: one recipient opened or confirmed; totals are the announcement's after the change. */
export interface ReceiptChanged {
  announcement_id: string
  receipt: ReceiptRow
  recipients: number
  opened: number
  confirmed: number
}

const enc = encodeURIComponent
const one = (id: string) => `/api/v1/announcements/${enc(id)}`

export const announceApi = {
  list: (box: 'inbox' | 'sent') => request<{ announcements: Announcement[] }>('GET', `/api/v1/announcements?box=${box}`),
  get: (id: string) => request<Announcement>('GET', one(id)),
  publish: (body: AnnouncementIn) => request<Announcement>('POST', '/api/v1/announcements', body),
  open: (id: string) => request<Announcement>('POST', `${one(id)}/open`),
  confirm: (id: string) => request<Announcement>('POST', `${one(id)}/confirm`),
  recall: (id: string) => request<Announcement>('POST', `${one(id)}/recall`),
  pin: (id: string, pinned: boolean) => request<Announcement>('POST', `${one(id)}/pin`, { pinned }),
  board: (id: string) => request<ReceiptBoard>('GET', `${one(id)}/receipts`),
  pinned: (channelId: string) =>
    request<{ announcements: Announcement[] }>('GET', `/api/v1/channels/${enc(channelId)}/pinned`),
}
