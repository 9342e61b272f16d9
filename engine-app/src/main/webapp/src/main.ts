import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { router } from './router'
import { i18n, currentLocale } from './i18n'
import { whenUnauthenticated } from './api'
import { useSession } from './stores/session'

document.documentElement.lang = currentLocale()
if (localStorage.getItem('tongban.elder') === 'on') document.documentElement.classList.add('tb-elder')

const app = createApp(App)
app.use(createPinia()).use(router).use(i18n).use(ElementPlus)

// A 401 from the API (session expired): sign in, then come back to where the user was.
whenUnauthenticated(() => {
  const session = useSession()
  session.me = null
  const here = router.currentRoute.value
  if (here.name !== 'sign-in') router.push({ name: 'sign-in', query: { redirect: here.fullPath } })
})

app.mount('#app')
