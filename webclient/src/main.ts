import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n } from './i18n'
import { createAppRouter } from './router'
import { useSessionStore } from './stores/session'
import './styles.css'

document.documentElement.lang = i18n.global.locale.value
const app = createApp(App).use(createPinia()).use(i18n)
const session = useSessionStore()
app.use(createAppRouter({ ready: () => session.bootstrap(), loggedIn: () => !!session.user,
  roles: () => session.user?.roles ?? [] }))
app.mount('#app')
