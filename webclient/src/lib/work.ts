// Pure rules of the 工作台: ordering, overdue, and the start form's client-side checks (the hub stays the authority).
import type { DefinitionSpec, FormField, Task } from '../api/types'

/** Open and past its due time, by the server's word or by the clock since (a page left open turns red). */
export function isOverdue(task: Task, now: number = Date.now()): boolean {
  const live = task.box === 'pending' ? task.status === 'open'
    : task.box !== 'done' && task.instance_status === 'running'
  if (!live) return false
  return task.overdue || (!!task.due_at && new Date(task.due_at).getTime() < now)
}

/** 2 overdue, 1 urged (催办), 0 otherwise. */
export function urgency(task: Task, now: number = Date.now()): number {
  if (isOverdue(task, now)) return 2
  if (task.box === 'pending' && task.urged_at) return 1
  return 0
}

function time(iso: string | null | undefined, missing: number): number {
  return iso ? new Date(iso).getTime() : missing
}

/** 待办: most urgent first, then soonest due (no deadline last), then newest. Other boxes: latest change first. */
export function compareTasks(a: Task, b: Task, now: number = Date.now()): number {
  if (a.box === 'pending' && b.box === 'pending') {
    return urgency(b, now) - urgency(a, now)
      || time(a.due_at, Infinity) - time(b.due_at, Infinity)
      || time(b.created_at, 0) - time(a.created_at, 0)
  }
  return time(b.updated_at, 0) - time(a.updated_at, 0) || a.id.localeCompare(b.id)
}

export function sortTasks(tasks: Task[], now: number = Date.now()): Task[] {
  return [...tasks].sort((a, b) => compareTasks(a, b, now))
}

/** Case-insensitive match on what a row shows (title, process, step, initiator). */
export function matchesSearch(task: Task, q: string): boolean {
  const needle = q.trim().toLowerCase()
  if (!needle) return true
  return [task.title, task.step_name ?? '', task.initiator_name, task.definition_key]
    .some((s) => s.toLowerCase().includes(needle))
}

export type FormValue = string | number | string[] | null | undefined

function empty(v: FormValue): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)
}

const MONEY = /^-?\d{1,13}(\.\d{1,2})?$/

/** The reasons a value would be refused, keyed by field (what the hub's check_form enforces, in i18n keys). */
export function checkForm(fields: FormField[], values: Record<string, FormValue>): Record<string, { key: string; named?: Record<string, unknown> }> {
  const errors: Record<string, { key: string; named?: Record<string, unknown> }> = {}
  for (const f of fields) {
    const v = values[f.key]
    if (empty(v)) {
      if (f.required) errors[f.key] = { key: 'work.form.required' }
      continue
    }
    if (f.kind === 'text' && typeof v === 'string' && v.length > f.max_length) {
      errors[f.key] = { key: 'work.form.tooLong', named: { n: f.max_length } }
    } else if (f.kind === 'number' || f.kind === 'money') {
      const n = typeof v === 'number' ? v : Number(v)
      if (!Number.isFinite(n) || (f.kind === 'money' && !MONEY.test(moneyText(n)))) {
        errors[f.key] = { key: f.kind === 'money' ? 'work.form.money' : 'work.form.number' }
      } else if ((f.minimum !== null && n < f.minimum) || (f.maximum !== null && n > f.maximum)) {
        errors[f.key] = { key: 'work.form.range', named: { min: f.minimum ?? '-∞', max: f.maximum ?? '∞' } }
      }
    } else if (f.kind === 'daterange' && Array.isArray(v) && (v.length !== 2 || v[1] < v[0])) {
      errors[f.key] = { key: 'work.form.dateOrder' }
    }
  }
  return errors
}

function moneyText(n: number): string {
  return (Math.round(n * 100) / 100).toFixed(2)
}

/** The form as the hub takes it: empty values left out, money as a 2-decimal string. */
export function formPayload(fields: FormField[], values: Record<string, FormValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of fields) {
    const v = values[f.key]
    if (empty(v)) continue
    out[f.key] = f.kind === 'money' ? moneyText(Number(v)) : v
  }
  return out
}

/** The hub answers a refused form with detail "days: required; reason: text of at most 500 characters". */
export function fieldErrors(detail: string | null | undefined, fields: FormField[]): Record<string, string> {
  const known = new Set(fields.map((f) => f.key))
  const out: Record<string, string> = {}
  for (const part of (detail ?? '').split('; ')) {
    const m = /^([a-z][a-z0-9_]*): (.+)$/.exec(part.trim())
    if (m && known.has(m[1])) out[m[1]] = m[2]
  }
  return out
}

/** Steps whose people the initiator picks (自选). */
export function chosenSteps(spec: DefinitionSpec): DefinitionSpec['steps'] {
  return spec.steps.filter((s) => s.approvers.some((a) => a.kind === 'chosen'))
}
