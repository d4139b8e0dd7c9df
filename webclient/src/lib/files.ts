// Files in the client: what the picker offers, sizes for people, and the file → attachment shape.
import type { Attachment, StoredFile } from '../api/types'

/** The kinds the hub accepts (it decides from the content; this only narrows the picker). */
export const ACCEPT = '.pdf,.ofd,.docx,.xlsx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg'

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function attachmentOf(f: StoredFile): Attachment {
  return { file_id: f.id, name: f.name, size: f.size, kind: f.kind, content_type: f.content_type,
    previewable: f.previewable }
}

/** A short label of the kind for the file chip's badge. */
export function kindLabel(kind: string): string {
  return kind === 'jpeg' ? 'JPG' : kind.toUpperCase()
}
