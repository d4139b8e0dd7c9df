import type { Language } from 'element-plus/es/locale'
import en from 'element-plus/es/locale/lang/en'
import zhCn from 'element-plus/es/locale/lang/zh-cn'

/** Element Plus's own texts (pagination, date pickers, dialogs…) in the interface's language. Components are
 *  imported on use (unplugin-vue-components with the Element Plus resolver, see vite.config.ts), with their CSS. */
export function elementLocale(locale: string): Language {
  return locale.startsWith('zh') ? zhCn : en
}
