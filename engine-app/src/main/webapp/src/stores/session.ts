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
      const r = await api.post<Me>('/session', { username, password })
      this.me = r.data
      this.loaded = true
    },
    async signOut() {
      try {
        await api.delete('/session')
      } finally {
        this.me = null
      }
    },
  },
})
