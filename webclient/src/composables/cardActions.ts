import { useI18n } from 'vue-i18n'
import type { Card, CardAction } from '../api/types'
import { actionErrorText } from '../lib/errors'
import { type ActResult, useCardStore } from '../stores/cards'
import { useUiStore } from '../stores/ui'

/** Pressing card buttons from any screen: ask first when the button says so, then act and report. */
export function useCardActions() {
  const cards = useCardStore()
  const ui = useUiStore()
  const { t, locale } = useI18n()

  function report(r: ActResult): void {
    if (r.ok) {
      if (r.reply) ui.notify(r.reply)
    } else ui.notify(actionErrorText(r.error, locale.value, t))
  }

  function needsPrompt(a: CardAction): boolean {
    return !!a.confirm || (!!a.input && a.input.kind !== 'none')
  }

  async function perform(card: Card, actionId: string, input: { comment?: string; choice?: string } = {}): Promise<void> {
    report(await cards.act(card, actionId, input))
  }

  function press(card: Card, action: CardAction): void {
    if (needsPrompt(action)) ui.cardPrompt = { card: cards.view(card), action }
    else void perform(card, action.id)
  }

  async function retry(cardId: string): Promise<void> {
    const pending = cards.retry(cardId)
    if (pending) report(await pending)
  }

  function errorText(cardId: string): string | null {
    const e = cards.errors[cardId]
    return e ? actionErrorText(e, locale.value, t) : null
  }

  return { press, perform, retry, errorText }
}
