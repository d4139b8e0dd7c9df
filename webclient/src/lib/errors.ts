import { ApiError } from '../api/http'
import type { ApiErrorBody } from '../api/types'

type T = (key: string, named?: Record<string, unknown>) => string

/** The server's message in the current language, with the extra details a person needs. */
export function errorText(err: unknown, locale: string, t: T): string {
  if (!(err instanceof ApiError)) {
    if (err && typeof err === 'object' && 'code' in err) return bodyText(err as ApiErrorBody, locale, t)
    return t('error.unknown')
  }
  if (err.status === 0) return t('error.network')
  return bodyText(err.body, locale, t)
}

export function bodyText(body: ApiErrorBody, locale: string, t: T): string {
  if (body.code === 'account_locked' && typeof body.retry_after_seconds === 'number') {
    const minutes = Math.max(1, Math.ceil(body.retry_after_seconds / 60))
    return t('login.locked', { minutes })
  }
  let text = (locale.startsWith('zh') ? body.message : body.message_en) || body.message || body.code
  if (body.code === 'bad_credentials' && typeof body.remaining_attempts === 'number') {
    text += locale.startsWith('zh') ? '。' : '. '
    text += t('login.remaining', { n: body.remaining_attempts })
  }
  return text
}

/** A card or command error: the localized message, then the server's detail ("已由 马军 于 10:02 处理：同意"). */
export function actionErrorText(body: ApiErrorBody, locale: string, t: T): string {
  if (body.code === 'timeout' || body.code === 'offline' || body.code === 'network') return t('card.unreachable')
  const text = bodyText(body, locale, t)
  const localized = !locale.startsWith('zh') && typeof body.detail_en === 'string' ? body.detail_en : body.detail
  const detail = typeof localized === 'string' ? localized.trim() : ''
  if (!detail || text.includes(detail)) return text
  return locale.startsWith('zh') ? `${text}：${detail}` : `${text}: ${detail}`
}
