import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN'
import en from './locales/en'
import { noticeEn, noticeZh } from './locales/notice'
import { adminEn, adminZh } from './admin'
import { archiveEn, archiveZh } from './archive'
import { libraryEn, libraryZh } from './library'
import { helpEn, helpZh, tourEn, tourZh } from './onboard'

const KEY = 'xt.locale'
export const LOCALES = ['zh-CN', 'en'] as const

function initial(): string {
  try {
    const saved = localStorage.getItem(KEY)
    if (saved && (LOCALES as readonly string[]).includes(saved)) return saved
  } catch {
    /* storage may be unavailable */
  }
  return 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initial(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': { ...zhCN, notice: noticeZh }, en: { ...en, notice: noticeEn } },
})
// The administrators' console keeps its texts in its own module.
i18n.global.mergeLocaleMessage('zh-CN', { admin: adminZh })
i18n.global.mergeLocaleMessage('en', { admin: adminEn })
// 档案 and the 发文登记簿 likewise.
i18n.global.mergeLocaleMessage('zh-CN', { archive: archiveZh })
i18n.global.mergeLocaleMessage('en', { archive: archiveEn })
i18n.global.mergeLocaleMessage('zh-CN', { library: libraryZh })
i18n.global.mergeLocaleMessage('en', { library: libraryEn })
// The role tours and the 帮助中心 likewise.
i18n.global.mergeLocaleMessage('zh-CN', { tour: tourZh, help: helpZh })
i18n.global.mergeLocaleMessage('en', { tour: tourEn, help: helpEn })

export function setLocale(l: string): void {
  i18n.global.locale.value = l as 'zh-CN' | 'en'
  document.documentElement.lang = l
  try {
    localStorage.setItem(KEY, l)
  } catch {
    /* ignore */
  }
}
