import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { getClient } from './api/client'
import { createLecternI18n, messageTranslator } from './i18n'
import { setMessageTranslator } from './lib/errorText'
import { useSettingsStore } from './stores/settings'
import './styles/base.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
// The stored language and theme apply before the first paint.
const settings = useSettingsStore(pinia)
document.documentElement.dataset.theme = settings.theme
document.documentElement.lang = settings.language
const i18n = createLecternI18n(settings.language)
app.use(i18n)
setMessageTranslator(messageTranslator(i18n.global))
// Then the archive's preferences, shared with the desktop menu and the browser host, take over.
void settings.syncWithArchive(getClient())
app.mount('#app')
