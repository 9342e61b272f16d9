import { defineStore } from 'pinia'
import { api } from '../api'

export interface Me {
  username: string
  displayName: string
  roles: string[]
  departments: string[]
}

/** Who is signed in (GET /me answers 204 when nobody is). */
export const useSession = defineStore('session', {
  state: () => ({ me: null as Me | null, loaded: false }),
  getters: {
    isApplicant: (s) => !!s.me?.roles.includes('APPLICANT'),
  },
  actions: {
    async load() {
      try {
        const r = await api.get<Me>('/me')
        this.me = r.status === 200 ? r.data : null
      } catch {
        this.me = null
      }
      this.loaded = true
    },
    async signIn(username: string, password: string) {
      const post = () => api.post<Me>('/session', { username, password })
      // without the CSRF cookie (first request, cookies cleared) the login is refused as unauthenticated;
      // that refusal sets the cookie, so one retry carries the token
      const r = await post().catch((e) => {
        if (e?.response?.status === 401 && e.response.data?.code === 'unauthenticated') return post()
        throw e
      })
      this.me = r.data
      this.loaded = true
    },
    async signOut() {
      try {
        await api.delete('/session')
      } finally {
        this.me = null
      }
      await this.load() // a fresh CSRF cookie for the next sign-in
    },
  },
})
