import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Task, TaskCounts } from '../api/types'
import { EventRegistry } from '../realtime/registry'
import { checkForm, compareTasks, fieldErrors, formPayload, isOverdue, matchesSearch, sortTasks } from '../lib/work'
import type { FormField } from '../api/types'

const tasks = vi.fn()
const act = vi.fn()
vi.mock('../api/http', () => ({
  api: {
    tasks: (...a: unknown[]) => tasks(...a),
    act: (...a: unknown[]) => act(...a),
    instance: vi.fn(),
  },
  ApiError: class ApiError extends Error {
    constructor(public status: number, public body: { code: string }) { super(body.code) }
    get code(): string { return this.body.code }
  },
}))

import { ApiError } from '../api/http'
import { useWorkStore } from './work'

const NOW = Date.parse('2026-03-02T08:00:00Z')

function task(over: Partial<Task> = {}): Task {
  return { id: 'a1', box: 'pending', instance_id: 'i1', title: '张三的请假', definition_key: 'leave', step_name: '部门负责人审批',
    status: 'open', instance_status: 'running', initiator_name: '张三', on_behalf_of_name: null, due_at: null, overdue: false,
    urged_at: null, created_at: '2026-03-01T00:00:00Z', updated_at: '2026-03-01T00:00:00Z', ...over }
}

function counts(over: Partial<TaskCounts> = {}): TaskCounts {
  return { pending: 0, done: 0, started: 0, cc: 0, overdue: 0, ...over }
}

describe('work rules', () => {
  it('put overdue first, then urged, then the soonest deadline, with no deadline last', () => {
    const late = task({ id: 'late', due_at: '2026-03-02T07:00:00Z' })
    const urged = task({ id: 'urged', due_at: '2026-03-09T00:00:00Z', urged_at: '2026-03-02T07:30:00Z' })
    const soon = task({ id: 'soon', due_at: '2026-03-03T00:00:00Z' })
    const later = task({ id: 'later', due_at: '2026-03-05T00:00:00Z' })
    const none = task({ id: 'none' })
    expect(sortTasks([none, later, soon, urged, late], NOW).map((t) => t.id))
      .toEqual(['late', 'urged', 'soon', 'later', 'none'])
    // Other boxes: the latest change first.
    const a = task({ id: 'x', box: 'done', status: 'done', updated_at: '2026-03-01T00:00:00Z' })
    const b = task({ id: 'y', box: 'done', status: 'done', updated_at: '2026-03-02T00:00:00Z' })
    expect(compareTasks(a, b, NOW)).toBeGreaterThan(0)
  })

  it('mark an open item overdue once its due time passes, and never a done or finished one', () => {
    const due = task({ due_at: '2026-03-02T09:00:00Z' })
    expect(isOverdue(due, NOW)).toBe(false)
    expect(isOverdue(due, NOW + 2 * 3600_000)).toBe(true)
    expect(isOverdue(task({ overdue: true }), NOW)).toBe(true)
    expect(isOverdue(task({ status: 'done', box: 'done', due_at: '2026-03-01T00:00:00Z' }), NOW)).toBe(false)
    expect(isOverdue(task({ box: 'started', status: 'approved', instance_status: 'approved',
      due_at: '2026-03-01T00:00:00Z' }), NOW)).toBe(false)
    expect(isOverdue(task({ box: 'started', status: 'running', due_at: '2026-03-01T00:00:00Z' }), NOW)).toBe(true)
  })

  it('search what a row shows', () => {
    expect(matchesSearch(task(), '请假')).toBe(true)
    expect(matchesSearch(task(), '张三')).toBe(true)
    expect(matchesSearch(task(), '签报')).toBe(false)
    expect(matchesSearch(task(), '  ')).toBe(true)
  })

  it('check a form as the hub does and send money with two decimals', () => {
    const f = (o: Partial<FormField>): FormField => ({ key: 'x', label: 'X', kind: 'text', required: false, options: [],
      multiple: false, max_length: 2000, minimum: null, maximum: null, help: '', workdays_of: null, ...o })
    const fields = [f({ key: 'days', kind: 'number', required: true, minimum: 0.5, maximum: 365 }),
      f({ key: 'reason', kind: 'text', required: true, max_length: 5 }),
      f({ key: 'amount', kind: 'money' }), f({ key: 'period', kind: 'daterange' }), f({ key: 'files', kind: 'attachments', required: true })]
    const errors = checkForm(fields, { days: 0, reason: '123456', period: ['2026-03-05', '2026-03-02'] })
    expect(Object.keys(errors).sort()).toEqual(['days', 'files', 'period', 'reason'])  // a required 附件 too
    expect(errors.days.key).toBe('work.form.range')
    expect(checkForm(fields, {}).days.key).toBe('work.form.required')
    const files = ['0123456789abcdef01234567']
    expect(checkForm(fields, { days: 4, reason: 'ok', amount: 12.5, files })).toEqual({})
    expect(formPayload(fields, { days: 4, reason: 'ok', amount: 12.5, period: [], files }))
      .toEqual({ days: 4, reason: 'ok', amount: '12.50', files })
    expect(fieldErrors('days: required; reason: text of at most 5 characters; zzz: nope', fields))
      .toEqual({ days: 'required', reason: 'text of at most 5 characters' })
  })
})

describe('work store', () => {
  let work: ReturnType<typeof useWorkStore>
  let events: EventRegistry

  beforeEach(() => {
    setActivePinia(createPinia())
    tasks.mockReset()
    act.mockReset()
    work = useWorkStore()
    events = new EventRegistry()
    work.registerEvents(events)
  })

  it('knows the badge from login and keeps it live with task events, counting each item once', async () => {
    tasks.mockResolvedValueOnce({ box: 'pending', tasks: [task({ id: 'a1' })], counts: counts({ pending: 1, started: 2 }) })
    await work.refresh()
    expect(tasks).toHaveBeenCalledWith('pending')
    expect(work.pendingCount).toBe(1)

    const fresh = task({ id: 'a2', due_at: '2026-03-01T00:00:00Z' })
    events.dispatch('task.created', { task: fresh })
    events.dispatch('task.created', { task: fresh })  // delivered twice: counted once
    expect(work.pendingCount).toBe(2)
    work.tick(NOW)
    expect(work.sorted.pending.map((t) => t.id)).toEqual(['a2', 'a1'])

    // Urged: the row changes, the count does not.
    events.dispatch('task.updated', { task: task({ id: 'a1', urged_at: '2026-03-02T07:00:00Z' }) })
    expect(work.pendingCount).toBe(2)
    expect(work.boxes.pending.find((t) => t.id === 'a1')?.urged_at).toBeTruthy()

    // Done: leaves 待办 for 已办.
    events.dispatch('task.updated', { task: task({ id: 'a1', box: 'done', status: 'done' }) })
    events.dispatch('task.updated', { task: task({ id: 'a1', box: 'done', status: 'done' }) })
    expect(work.pendingCount).toBe(1)
    expect(work.counts.done).toBe(1)
    expect(work.boxes.done.map((t) => t.id)).toEqual(['a1'])

    // Handed over or withdrawn: gone.
    events.dispatch('task.removed', { task: task({ id: 'a2', box: 'done', status: 'transferred' }) })
    events.dispatch('task.removed', { task: task({ id: 'a2', box: 'done', status: 'transferred' }) })
    expect(work.pendingCount).toBe(0)
    expect(work.boxes.pending).toEqual([])

    // A process I start appears in 我发起的 once; its progress updates the row without counting again.
    const mine = task({ id: 'i9', box: 'started', status: 'running', instance_id: 'i9' })
    events.dispatch('task.created', { task: mine })
    events.dispatch('task.updated', { task: { ...mine, status: 'approved', instance_status: 'approved' } })
    expect(work.counts.started).toBe(3)
    expect(work.boxes.started[0].status).toBe('approved')
  })

  it('keeps the request id of an act that may not have arrived, and a new one after an answer', async () => {
    act.mockRejectedValueOnce(new ApiError(0, { code: 'network' } as never))
    await expect(work.act('i1', { op: 'approve', opinion: '同意' })).rejects.toThrow()
    const first = act.mock.calls[0][1].request_id as string
    expect(first).toMatch(/^wf-[A-Za-z0-9]+$/)
    act.mockResolvedValueOnce({ instance: { id: 'i1', version: 2 } })
    await work.act('i1', { op: 'approve', opinion: '同意' })
    expect(act.mock.calls[1][1].request_id).toBe(first)
    act.mockRejectedValueOnce(new ApiError(400, { code: 'opinion_required' } as never))
    await expect(work.act('i1', { op: 'reject' })).rejects.toThrow()
    act.mockResolvedValueOnce({ instance: { id: 'i1', version: 3 } })
    await work.act('i1', { op: 'reject', opinion: '不同意' })
    expect(act.mock.calls[3][1].request_id).not.toBe(act.mock.calls[2][1].request_id)
  })
})
