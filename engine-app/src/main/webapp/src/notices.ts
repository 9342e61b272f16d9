import { ref } from 'vue'
import { api } from './api'

// The unread count of the header's bell (消息): loaded on sign-in and every minute, and after a notice is read.
export const unread = ref(0)

export async function refreshUnread() {
  try {
    unread.value = (await api.get<{ unread: number }>('/notices', { params: { unread: 'true', size: 1 } })).data.unread
  } catch {
    unread.value = 0
  }
}
