// 提醒, 催办 and 督办 endpoints (hub/views/reminders.py, chase.py, duban.py); types from the generated schema.
import { request } from './http'
import type { components } from './schema'

type S = components['schemas']
export type Reminder = S['ReminderOut']
export type ReminderIn = S['ReminderIn']
export type ReminderTarget = S['ReminderTargetIn']
export type Preset = NonNullable<ReminderIn['preset']>
export type ChaseOut = S['ChaseOut']
export type Duban = S['DubanOut']
export type DubanList = S['DubanList']
export type DubanIn = S['DubanIn']

const enc = encodeURIComponent

export const remindApi = {
  setReminder: (body: ReminderIn) => request<Reminder>('POST', '/api/v1/reminders', body),
  reminders: (status: 'pending' | 'sent' | 'cancelled' | 'all' = 'pending') =>
    request<{ reminders: Reminder[] }>('GET', `/api/v1/reminders?status=${status}`),
  cancelReminder: (id: string) => request<Reminder>('DELETE', `/api/v1/reminders/${enc(id)}`),
  chase: (instanceId: string, requestId: string, note = '') =>
    request<ChaseOut>('POST', `/api/v1/instances/${enc(instanceId)}/chase`, { request_id: requestId, note }),
  dubanList: (scope: 'following' | 'hosting') => request<DubanList>('GET', `/api/v1/duban?scope=${scope}`),
  duban: (id: string) => request<Duban>('GET', `/api/v1/duban/${enc(id)}`),
  openDuban: (body: DubanIn) => request<Duban>('POST', '/api/v1/duban', body),
  /** A yellow or red 电子监察 card straight into a 督办 item (hub/views/licensing_ops.py); once per card. */
  dubanFromLight: (cardId: string) => request<Duban>('POST', `/api/v1/licensing/cards/${enc(cardId)}/duban`),
  reportProgress: (id: string, body: { request_id: string; percent: number; text: string }) =>
    request<Duban>('POST', `/api/v1/duban/${enc(id)}/progress`, body),
}

/** A request id for one user intent (retries of the same click reuse it). */
export function requestId(prefix: string): string {
  const rnd = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('')
  return `${prefix}-${rnd}`
}
