// 共享文件库: wire types from the generated schema and the /api/v1/library endpoints.
import type { components } from './schema'
import { ApiError, networkError, request } from './http'
import type { ApiErrorBody } from './types'

type S = components['schemas']
export type Library = S['LibraryOut']
export type LibraryIndex = S['LibraryIndexOut']
export type Folder = S['FolderOut']
export type Entry = S['EntryOut']
export type EntryList = S['EntryList']

const enc = encodeURIComponent
const folder = (id: string) => `/api/v1/library/folders/${enc(id)}`

/** One file into a folder: multipart with the file as its only part (the hub streams it). */
async function uploadEntry(folderId: string, file: File): Promise<Entry> {
  const form = new FormData()
  form.append('file', file, file.name)
  let res: Response
  try {
    res = await fetch(`${folder(folderId)}/files`, { method: 'POST', credentials: 'same-origin', body: form,
      headers: { Accept: 'application/json' } })
  } catch {
    throw networkError()
  }
  const data: unknown = await res.json().catch(() => null)
  if (!res.ok) {
    throw new ApiError(res.status, (data as { error?: ApiErrorBody } | null)?.error
      ?? { code: 'internal', message: '', message_en: '' })
  }
  return data as Entry
}

export const libraryApi = {
  index: () => request<LibraryIndex>('GET', '/api/v1/library'),
  unit: (unitId: string) => request<Library>('GET', `/api/v1/library/units/${enc(unitId)}`),
  createFolder: (unitId: string, name: string, parent_id: string | null) =>
    request<Folder>('POST', `/api/v1/library/units/${enc(unitId)}/folders`, { name, parent_id }),
  folder: (id: string) => request<EntryList>('GET', folder(id)),
  renameFolder: (id: string, name: string) => request<Folder>('POST', `${folder(id)}/rename`, { name }),
  moveFolder: (id: string, parent_id: string | null) => request<Folder>('POST', `${folder(id)}/move`, { parent_id }),
  share: (id: string, share_city: boolean, share_unit_ids: string[]) =>
    request<Folder>('PUT', `${folder(id)}/share`, { share_city, share_unit_ids }),
  deleteFolder: (id: string) => request<unknown>('DELETE', folder(id)),
  upload: uploadEntry,
  fileIn: (folderId: string, origin_kind: 'announcement' | 'document', origin_id: string) =>
    request<EntryList>('POST', `${folder(folderId)}/file-in`, { origin_kind, origin_id }),
  renameEntry: (id: string, name: string) => request<Entry>('POST', `/api/v1/library/entries/${enc(id)}/rename`, { name }),
  moveEntry: (id: string, folder_id: string) =>
    request<Entry>('POST', `/api/v1/library/entries/${enc(id)}/move`, { folder_id }),
  deleteEntry: (id: string) => request<unknown>('DELETE', `/api/v1/library/entries/${enc(id)}`),
}
