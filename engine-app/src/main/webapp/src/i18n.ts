import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN'
import en from './locales/en'

export type Locale = 'zh-CN' | 'en'

const saved = localStorage.getItem('tongban.locale')
export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale
}

export function setLocale(locale: Locale) {
  i18n.global.locale.value = locale
  localStorage.setItem('tongban.locale', locale)
  document.documentElement.lang = locale
}

/** A server text in both languages ({zh, en}) in the current language. */
export function pick(text?: { zh?: string; en?: string } | null): string {
  if (!text) return ''
  return (currentLocale() === 'en' ? text.en : text.zh) || text.zh || ''
}
