import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import { api } from '../api/http'
import type { ApiErrorBody, Card, CardAction, CardActionAck, CommandInfo, Message } from '../api/types'
import { newClientMsgId } from '../lib/ids'
import type { EventRegistry } from '../realtime/registry'
import type { Transport } from '../realtime/socket'

/** The buttons one person may press on one version of a card (from card.actions or a per-viewer payload). */
export interface PersonalActions {
  version: number
  actions: CardAction[]
}

/** One click on a card button: kept until it succeeds, so a retry reuses its request_id. */
export interface Click {
  card_id: string
  action_id: string
  version: number
  request_id: string
  comment?: string
  choice?: string
  status: 'pending' | 'failed'
  error: ApiErrorBody | null
}

export type ActResult = { ok: true; reply: string | null } | { ok: false; error: ApiErrorBody }

/** Errors where the click may not have reached the hub: the same click can be sent again. */
export const RETRYABLE = new Set(['timeout', 'offline', 'network', 'internal', 'request_in_progress'])

export function newRequestId(): string {
  return newClientMsgId().replace(/^web-/, 'act-')
}

/**
 * Cards by id, newest version wins. Payloads come in two flavours: per-viewer (history, GET card, an action's
 * answer, a stale_card error) whose actions are exactly my buttons on that version, and public (message.new,
 * card.updated) whose actions are only the buttons anyone may press. card.actions events are per-viewer too.
 */
export const useCardStore = defineStore('cards', () => {
  const cards = reactive<Record<string, Card>>({})
  const mine = reactive<Record<string, PersonalActions>>({})
  const clicks = reactive<Record<string, Click>>({})
  /** The last failed answer per card, shown on the card until the next click. */
  const errors = reactive<Record<string, ApiErrorBody>>({})
  const commands = ref<CommandInfo[]>([])
  const commandsLoaded = ref(false)
  let transport: Transport | null = null
  let commandsLoading: Promise<void> | null = null

  function setTransport(t: Transport | null): void {
    transport = t
  }

  function reset(): void {
    for (const k of Object.keys(cards)) delete cards[k]
    for (const k of Object.keys(mine)) delete mine[k]
    for (const k of Object.keys(clicks)) delete clicks[k]
    for (const k of Object.keys(errors)) delete errors[k]
    commands.value = []
    commandsLoaded.value = false
    commandsLoading = null
    transport = null
  }

  /** Remember a card payload; older versions arriving late are ignored. */
  function note(card: Card, personal: boolean): void {
    const old = cards[card.id]
    if (!old || card.version >= old.version) cards[card.id] = card
    if (personal) noteActions(card.id, card.version, card.actions)
  }

  function noteActions(cardId: string, version: number, actions: CardAction[]): void {
    const old = mine[cardId]
    if (!old || version >= old.version) mine[cardId] = { version, actions }
  }

  function noteMessages(messages: Message[], personal: boolean): void {
    for (const m of messages) if (m.card) note(m.card, personal)
  }

  /** The newest card we know for this id (or the given payload if it is newer), with my buttons. */
  function view(card: Card): Card {
    const known = cards[card.id]
    const base = known && known.version >= card.version ? known : card
    const p = mine[card.id]
    const actions = p && p.version === base.version ? p.actions : base.actions
    return actions === base.actions ? base : { ...base, actions }
  }

  function byId(id: string): Card | null {
    const c = cards[id]
    return c ? view(c) : null
  }

  /** Buttons meant for me in particular are waiting on this card (a poll's vote buttons are not). */
  function waiting(card: Card): boolean {
    return view(card).actions.some((a) => a.personal)
  }

  /** Whether a card has buttons for me, by id; null when nothing is known of it here yet. */
  function waitingById(id: string): boolean | null {
    const c = cards[id]
    if (c) return waiting(c)
    const p = mine[id]
    return p ? p.actions.some((a) => a.personal) : null
  }

  /** The socket events this store handles (src/realtime/registry.ts). */
  function registerEvents(events: EventRegistry): void {
    events.on('card.updated', (p) => note(p.card, false))
    events.on('card.actions', (p) => noteActions(p.card_id, p.version, p.actions))
  }

  async function send(c: Click): Promise<ActResult> {
    c.status = 'pending'
    c.error = null
    delete errors[c.card_id]
    const payload: Record<string, unknown> = { card_id: c.card_id, action_id: c.action_id, version: c.version,
      request_id: c.request_id }
    if (c.comment !== undefined) payload.comment = c.comment
    if (c.choice !== undefined) payload.choice = c.choice
    const ack = transport
      ? await transport.emit<CardActionAck>('card.action', payload, 20000)
      : { ok: false, error: { code: 'offline', message: '', message_en: '' } as ApiErrorBody }
    const live = clicks[c.card_id]
    if (ack.ok && ack.data) {
      note(ack.data.card, true)
      if (live && live.request_id === c.request_id) delete clicks[c.card_id]
      return { ok: true, reply: ack.data.reply ?? null }
    }
    const error = ack.error ?? { code: 'internal', message: '', message_en: '' }
    const card = error.card as Card | undefined
    if (card && typeof card === 'object' && card.id) note(card, true)
    if (!live || live.request_id === c.request_id) errors[c.card_id] = error
    if (live && live.request_id === c.request_id) {
      if (RETRYABLE.has(error.code)) {
        live.status = 'failed'
        live.error = error
      } else delete clicks[c.card_id]
    }
    return { ok: false, error }
  }

  /** A new click: a fresh request_id, sent with the version the person is looking at. */
  function act(card: Card, actionId: string, input: { comment?: string; choice?: string } = {}): Promise<ActResult> {
    const c: Click = reactive({ card_id: card.id, action_id: actionId, version: view(card).version,
      request_id: newRequestId(), comment: input.comment, choice: input.choice, status: 'pending', error: null })
    clicks[card.id] = c
    return send(c)
  }

  /** Send a failed click again with the same request_id: the hub acts at most once. */
  function retry(cardId: string): Promise<ActResult> | null {
    const c = clicks[cardId]
    if (!c || c.status !== 'failed') return null
    return send(c)
  }

  function dismiss(cardId: string): void {
    delete clicks[cardId]
    delete errors[cardId]
  }

  async function load(id: string): Promise<Card> {
    const card = await api.card(id)
    note(card, true)
    return view(card)
  }

  async function loadCommands(force = false): Promise<void> {
    if (commandsLoaded.value && !force) return
    if (!commandsLoading) {
      commandsLoading = api.commands().then((r) => {
        commands.value = r.commands
        commandsLoaded.value = true
      }).finally(() => {
        commandsLoading = null
      })
    }
    await commandsLoading
  }

  /** The known command a composer text starts with, if any: "/poll …" → "poll". */
  function commandOf(text: string): CommandInfo | null {
    const m = /^\/([^\s/]+)(\s|$)/.exec(text.trim())
    if (!m) return null
    const name = m[1].toLowerCase()
    return commands.value.find((c) => c.name === name) ?? null
  }

  async function runCommand(channelId: string, text: string): Promise<ActResult> {
    if (!transport) return { ok: false, error: { code: 'offline', message: '', message_en: '' } }
    const ack = await transport.emit<{ reply: string | null }>('command.run', { channel_id: channelId, text: text.trim() },
      20000)
    if (ack.ok) return { ok: true, reply: ack.data?.reply ?? null }
    return { ok: false, error: ack.error ?? { code: 'internal', message: '', message_en: '' } }
  }

  return {
    cards, mine, clicks, errors, commands, commandsLoaded,
    setTransport, reset, note, noteActions, noteMessages, view, byId, waiting, waitingById, registerEvents, act, retry, dismiss, load,
    loadCommands, commandOf, runCommand,
  }
})
