// 通讯录: contact details (mobile masked unless the hub's rule shows it), my own details, starred contacts.
import { request } from './http'
import type { components } from './schema'

type S = components['schemas']
export type Contact = S['ContactOut']
export type ContactIn = S['ContactIn']

const enc = encodeURIComponent

export const contactsApi = {
  contact: (userId: string) => request<Contact>('GET', `/api/v1/users/${enc(userId)}/contact`),
  setMine: (body: ContactIn) => request<Contact>('PUT', '/api/v1/session/me/contact', body),
  starred: () => request<{ users: S['UserOut'][] }>('GET', '/api/v1/contacts/starred'),
  star: (userId: string, starred: boolean) =>
    request<{ starred: boolean }>('PUT', `/api/v1/contacts/starred/${enc(userId)}`, { starred }),
}
