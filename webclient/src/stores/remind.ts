import { defineStore } from 'pinia'
import { ref } from 'vue'
import { type Reminder, type ReminderTarget, remindApi } from '../api/remind'

/** 提醒: the "remind me" dialog (opened from a message, a card or a 工作台 row) and my pending reminders. */
export const useRemindStore = defineStore('remind', () => {
  const target = ref<ReminderTarget | null>(null)
  const targetLabel = ref('')
  const reminders = ref<Reminder[]>([])

  function open(t: ReminderTarget, label = ''): void {
    target.value = t
    targetLabel.value = label
  }
  function close(): void {
    target.value = null
  }
  async function load(): Promise<void> {
    reminders.value = (await remindApi.reminders('pending')).reminders
  }
  async function cancel(id: string): Promise<void> {
    await remindApi.cancelReminder(id)
    reminders.value = reminders.value.filter((r) => r.id !== id)
  }
  return { target, targetLabel, reminders, open, close, load, cancel }
})
