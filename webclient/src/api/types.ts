// Wire types: aliases onto src/api/schema.d.ts, which is generated from the hub's OpenAPI document
// (`npm run api:types`; `npm test` fails when it is stale). Only socket-only payloads are written by hand.
import type { components } from './schema'

type S = components['schemas']

export type Id = string

export type Membership = S['MembershipOut']
export type User = S['UserOut']
export type Unit = S['UnitOut']
export type Channel = S['ChannelOut']
export type Tone = S['CardStatus-Output']['tone']
export type CardAction = S['hub__cards__CardActionOut']
export type Card = S['CardOut']
export type Message = S['MessageOut']
export type CardActionAck = S['hub__wire__CardActionOut']
export type CommandInfo = S['CommandInfo']
export type ReadOut = S['ReadUpdated']
export type HistoryOut = S['HistoryOut']
export type SessionOut = S['SessionOut']
export type Attachment = S['AttachmentOut']
export type StoredFile = S['FileOut']

/** The error body: code, bilingual message, and whatever the error carries (detail, a card, attempts left). */
export type ApiErrorBody = Omit<S['ErrorOut'], 'detail'> & {
  detail?: string | null
  detail_en?: string | null
  [extra: string]: unknown
}

// Socket-only answers (not in the OpenAPI document; the hub's models are in hub/wire.py).
export interface SyncChannelOut {
  channel_id: Id
  messages: Message[]
  updates: Message[]
  last_seq: number
  rev: number
  too_far_behind: boolean
}

export interface SyncOut {
  channels: SyncChannelOut[]
  unknown: Id[]
}

// The work engine (工作台): 待办 boxes, definitions and their forms, instances with runs and the trail.
export type Box = S['TaskOut']['box']
export type Task = S['TaskOut']
export type TaskCounts = S['TaskCounts']
export type TaskList = S['TaskList']
export type DefinitionOut = S['DefinitionOut']
export type DefinitionSpec = S['DefinitionOut']['spec']
export type FormField = S['FormField-Output']
export type Step = DefinitionSpec['steps'][number]
export type Instance = S['InstanceOut']
export type Run = S['RunOut']
export type Holder = S['Holder']
export type TrailEntry = S['TrailEntry']
export type OpName = S['ActIn']['op']
export type ActIn = S['ActIn']
export type StartIn = S['StartIn']
export type BatchIn = S['BatchIn']
export type BatchOut = S['BatchOut']
export type BatchOp = S['BatchIn']['op']
export type BatchItemOut = S['BatchItemOut']
export type Delegation = S['DelegationOut']
export type DelegationIn = S['DelegationIn']

// Search (GET /api/v1/search): grouped results with highlight ranges in code points.
export type SearchOut = S['SearchOut']
export type MessageHit = S['MessageHit']
export type PersonHit = S['PersonHit']
export type Quote = S['QuoteOut']
export type Forwarded = S['ForwardedOut']
export type Reaction = S['ReactionOut']
export type ReactionKey = S['ReactionIn']['key']
/** The fixed set, in the hub's order (hub/wire.py REACTIONS). */
export const REACTIONS: { key: ReactionKey; emoji: string }[] = [
  { key: 'like', emoji: '👍' }, { key: 'ok', emoji: '✅' }, { key: 'smile', emoji: '😄' },
  { key: 'thanks', emoji: '🙏' }, { key: 'clap', emoji: '👏' }, { key: 'heart', emoji: '❤️' },
]
export type ReadPositions = S['ReadPositionsOut']
export type MessageReads = S['MessageReadsOut']
export type GroupRoles = S['GroupRolesOut']
