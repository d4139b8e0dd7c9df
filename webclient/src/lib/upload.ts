// Uploading what was picked in an <input type=file>, one file after another into one scope.
import { ref, type Ref } from 'vue'
import { api } from '../api/http'
import type { Attachment } from '../api/types'
import { attachmentOf } from './files'

export interface Uploads {
  busy: Ref<boolean>
  /** Upload the input's files into scope() (nothing when it is null), calling each() per stored file. */
  upload(ev: Event, scope: () => readonly [string, string] | null, each: (a: Attachment) => void): Promise<void>
}

export function useUploads(onError: (e: unknown) => void): Uploads {
  const busy = ref(false)
  async function upload(ev: Event, scope: () => readonly [string, string] | null,
    each: (a: Attachment) => void): Promise<void> {
    const input = ev.target as HTMLInputElement
    const picked = Array.from(input.files ?? [])
    input.value = ''
    const where = scope()
    if (!picked.length || !where) return
    busy.value = true
    try {
      for (const f of picked) each(attachmentOf(await api.upload(where[0], where[1], f)))
    } catch (e) {
      onError(e)
    } finally {
      busy.value = false
    }
  }
  return { busy, upload }
}
