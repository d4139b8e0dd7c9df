import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Card, CardAction } from '../api/types'
import { setLocale } from '../i18n'

export type Pane = 'list' | 'chat' | 'details'
export type Tab = 'chats' | 'contacts'

export const useUiStore = defineStore('ui', () => {
  const tab = ref<Tab>('chats')
  /** On a phone only one pane shows at a time. */
  const pane = ref<Pane>('list')
  const showDetails = ref(true)
  const profileUserId = ref<string | null>(null)
  const newGroupOpen = ref(false)
  const inviteOpen = ref(false)
  const toast = ref<string | null>(null)
  /** A button that asks first (confirm, comment or choice). */
  const cardPrompt = ref<{ card: Card; action: CardAction } | null>(null)
  /** The card shown in the details column instead of the channel's details. */
  const cardId = ref<string | null>(null)
  let toastTimer: ReturnType<typeof setTimeout> | null = null

  function notify(text: string): void {
    toast.value = text
    if (toastTimer) clearTimeout(toastTimer)
    toastTimer = setTimeout(() => (toast.value = null), 3500)
  }

  function openCard(id: string): void {
    cardId.value = id
    showDetails.value = true
    if (typeof window !== 'undefined' && window.innerWidth <= 1180) pane.value = 'details'
  }

  function closeCard(): void {
    cardId.value = null
  }

  function switchLocale(l: string): void {
    setLocale(l)
  }

  return { tab, pane, showDetails, profileUserId, newGroupOpen, inviteOpen, toast, notify, switchLocale,
    cardPrompt, cardId, openCard, closeCard }
})
