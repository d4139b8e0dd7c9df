// The public /query page: its own small entry (no session, no workspace, no Element Plus), for phones first.
import { createApp } from 'vue'
import QueryApp from './QueryApp.vue'
import './query.css'

createApp(QueryApp).mount('#query')
