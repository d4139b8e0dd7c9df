// An action a view runs with a busy flag and the hub's refusal shown in the person's language.
import { ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { errorText } from './errors'

export interface BusyRun {
  busy: Ref<boolean>
  error: Ref<string>
  run(fn: () => Promise<unknown>): Promise<void>
}

export function useBusyRun(): BusyRun {
  const { t, locale } = useI18n()
  const busy = ref(false)
  const error = ref('')
  async function run(fn: () => Promise<unknown>): Promise<void> {
    busy.value = true
    error.value = ''
    try {
      await fn()
    } catch (e) {
      error.value = errorText(e, locale.value, t)
    } finally {
      busy.value = false
    }
  }
  return { busy, error, run }
}
