import { describe, expect, it } from 'vitest'
import { attachmentOf, formatSize, kindLabel } from './files'

describe('files', () => {
  it('show sizes the way people read them', () => {
    expect(formatSize(0)).toBe('0 B')
    expect(formatSize(1023)).toBe('1023 B')
    expect(formatSize(1536)).toBe('1.5 KB')
    expect(formatSize(200 * 1024)).toBe('200 KB')
    expect(formatSize(5 * 1024 * 1024 + 1)).toBe('5.0 MB')
  })
  it('turn an uploaded file into what a message carries', () => {
    const a = attachmentOf({ id: 'f1', name: '通知.pdf', content_type: 'application/pdf', size: 10, sha256: 'x', kind: 'pdf',
      scope_kind: 'channel', scope_id: 'c1', uploaded_by: 'u', uploaded_at: '2026-12-02T00:00:00Z', text_status: 'done',
      previewable: true })
    expect(a).toEqual({ file_id: 'f1', name: '通知.pdf', size: 10, kind: 'pdf', content_type: 'application/pdf',
      previewable: true })
    expect(kindLabel('jpeg')).toBe('JPG')
    expect(kindLabel('docx')).toBe('DOCX')
  })
})
