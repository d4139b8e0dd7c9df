import { i18n } from '../i18n'
import { messages } from './messages'

let merged = false
/** Merge the 行政审批 strings once, when one of its views first loads. */
export function useLicensingMessages(): void {
  if (merged) return
  merged = true
  i18n.global.mergeLocaleMessage('zh-CN', messages['zh-CN'])
  i18n.global.mergeLocaleMessage('en', messages.en)
}
