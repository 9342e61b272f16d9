import axios, { AxiosError } from 'axios'
import { currentLocale } from './i18n'

/** A field error of an RFC 7807 problem: field path (e.g. form.creditCode, materials.LAYOUT_PLAN) and messages. */
export interface FieldError {
  field: string
  code: string
  message: string
  messages?: Record<string, string>
}

export interface Problem {
  status: number
  code?: string
  title?: string
  detail?: string
  errors?: FieldError[]
}

/** Same-origin API client: session cookie, CSRF token from the XSRF-TOKEN cookie sent as X-XSRF-TOKEN. */
export const api = axios.create({
  baseURL: '/api/v1',
  xsrfCookieName: 'XSRF-TOKEN',
  xsrfHeaderName: 'X-XSRF-TOKEN',
  withXSRFToken: true,
})

api.interceptors.request.use((config) => {
  config.headers.set('Accept-Language', currentLocale() === 'en' ? 'en' : 'zh-CN')
  return config
})

let onUnauthenticated: (() => void) | null = null

/** Called on a 401 from any API request but the login itself (the router sends the user to sign in). */
export function whenUnauthenticated(handler: () => void) {
  onUnauthenticated = handler
}

api.interceptors.response.use(undefined, (error: AxiosError) => {
  if (error.response?.status === 401 && !error.config?.url?.startsWith('/session') && onUnauthenticated) {
    onUnauthenticated()
  }
  return Promise.reject(error)
})

/** The problem JSON of a failed request, or a network problem. */
export async function problemOf(error: unknown): Promise<Problem> {
  if (axios.isAxiosError(error) && error.response) {
    let data: unknown = error.response.data
    if (data instanceof Blob) {
      try {
        data = JSON.parse(await data.text())
      } catch {
        data = {}
      }
    }
    return { status: error.response.status, ...(data as object) }
  }
  return { status: 0 }
}

/** The field error's message in the current language. */
export function fieldMessage(e: FieldError): string {
  return (currentLocale() === 'en' ? e.messages?.en : e.messages?.['zh-CN']) || e.message
}

/** A fresh Idempotency-Key (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return 'ui-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** Hands a downloaded file to the browser under `name` (a same-origin blob URL, released after a while). */
export function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10000)
}
