import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import { api, ApiError } from '../api/http'
import type { ActIn, Box, DefinitionOut, Instance, OpName, Task, TaskCounts } from '../api/types'
import { newClientMsgId } from '../lib/ids'
import { sortTasks } from '../lib/work'
import type { EventRegistry } from '../realtime/registry'

export const BOXES: Box[] = ['pending', 'done', 'started', 'cc']
const ZERO: TaskCounts = { pending: 0, done: 0, started: 0, cc: 0, overdue: 0 }
/** Answers after which the same act may be sent again with the same request id (it may not have arrived). */
const RETRYABLE = new Set(['network', 'internal', 'timeout', 'request_in_progress'])

export type ActBody = Omit<Partial<ActIn>, 'request_id' | 'version'> & { op: OpName }

/**
 * The 工作台: the four boxes, their counts (the rail's badge is my pending count), definitions, and the
 * instances opened. Counts come from the hub at login and follow task.* events; an event seen twice counts once
 * because each box remembers the ids it holds.
 */
export const useWorkStore = defineStore('work', () => {
  const boxes = reactive<Record<Box, Task[]>>({ pending: [], done: [], started: [], cc: [] })
  const loaded = reactive<Record<Box, boolean>>({ pending: false, done: false, started: false, cc: false })
  const counts = reactive<TaskCounts>({ ...ZERO })
  const definitions = ref<DefinitionOut[]>([])
  const specs = reactive<Record<string, DefinitionOut>>({})
  const instances = reactive<Record<string, Instance>>({})
  /** Clock for overdue marks, ticking while the page is open. */
  const now = ref(Date.now())
  /** Request ids of acts not yet answered for sure, by instance/op/version: a retry reuses them. */
  const requestIds = new Map<string, string>()
  /** The ids counted in each box, so that an event repeated (or racing a load) counts once. */
  const members: Record<Box, Set<string>> = { pending: new Set(), done: new Set(), started: new Set(), cc: new Set() }

  const pendingCount = computed(() => counts.pending)
  const sorted = computed(() => {
    const out = {} as Record<Box, Task[]>
    for (const b of BOXES) out[b] = sortTasks(boxes[b], now.value)
    return out
  })

  function reset(): void {
    for (const b of BOXES) {
      boxes[b] = []
      loaded[b] = false
    }
    Object.assign(counts, ZERO)
    definitions.value = []
    for (const k of Object.keys(specs)) delete specs[k]
    for (const k of Object.keys(instances)) delete instances[k]
    requestIds.clear()
    for (const b of BOXES) members[b].clear()
  }

  function tick(at: number = Date.now()): void {
    now.value = at
  }

  /** One box from the hub (up to 200 rows; the view filters them) with every box's count. */
  async function load(box: Box): Promise<void> {
    const out = await api.tasks(box)
    boxes[box] = out.tasks.map((t) => ({ ...t, box }))
    members[box] = new Set(out.tasks.map((t) => t.id))
    loaded[box] = true
    Object.assign(counts, out.counts)
  }

  /** At login and after a reconnect: the badge's count and my 待办. */
  async function refresh(): Promise<void> {
    await load('pending')
    for (const b of BOXES) if (b !== 'pending') loaded[b] = false
  }

  function row(box: Box, task: Task): void {
    const i = boxes[box].findIndex((t) => t.id === task.id)
    if (i >= 0) boxes[box][i] = { ...task, box }
    else boxes[box].push({ ...task, box })
  }

  /** Into a box: counted once per id, however often the event comes. */
  function enter(box: Box, task: Task): void {
    if (!members[box].has(task.id)) {
      members[box].add(task.id)
      counts[box] += 1
    }
    row(box, task)
  }

  function leave(box: Box, id: string): void {
    if (members[box].delete(id)) counts[box] = Math.max(0, counts[box] - 1)
    const i = boxes[box].findIndex((t) => t.id === id)
    if (i >= 0) boxes[box].splice(i, 1)
  }

  /** A row that changed without entering the box (urged, overdue, the instance moved on). */
  function touch(box: Box, task: Task): void {
    members[box].add(task.id)
    row(box, task)
  }

  /** A task.* event, applied to the boxes and counts; repeating one changes nothing. */
  function apply(kind: 'created' | 'updated' | 'removed', task: Task): void {
    if (task.box === 'started' || task.box === 'cc') {
      // Processes I started or was copied on: the row follows the instance and is never removed.
      if (kind === 'created') enter(task.box, task)
      else touch(task.box, task)
    } else if (kind === 'removed' || (task.status !== 'open' && task.status !== 'done')) {
      leave('pending', task.id)
    } else if (task.status === 'open') {
      if (kind === 'created') enter('pending', task)
      else touch('pending', task)
    } else {
      leave('pending', task.id)
      enter('done', task)
    }
    const inst = instances[task.instance_id]
    if (inst) void loadInstance(inst.id).catch(() => undefined)
  }

  function registerEvents(events: EventRegistry): void {
    events.on('task.created', (p) => apply('created', p.task))
    events.on('task.updated', (p) => apply('updated', p.task))
    events.on('task.removed', (p) => apply('removed', p.task))
  }

  async function loadDefinitions(): Promise<DefinitionOut[]> {
    if (!definitions.value.length) definitions.value = (await api.definitions()).definitions
    return definitions.value
  }

  async function definition(key: string): Promise<DefinitionOut> {
    if (!specs[key]) specs[key] = await api.definition(key)
    return specs[key]
  }

  async function loadInstance(id: string): Promise<Instance> {
    const inst = await api.instance(id)
    const old = instances[id]
    if (!old || inst.version >= old.version) instances[id] = inst
    return instances[id]
  }

  /** Start a process; the caller keeps `requestId` for a retry of the same form. */
  async function start(key: string, form: Record<string, unknown>, chosen: Record<string, string[]>,
    requestId: string): Promise<Instance> {
    const inst = await api.startInstance({ definition_key: key, form, chosen, request_id: requestId })
    instances[inst.id] = inst
    return inst
  }

  /** Act on the version shown; a failure that may not have reached the hub keeps the request id for a retry. */
  async function act(id: string, body: ActBody): Promise<Instance> {
    const version = instances[id]?.version ?? null
    const slot = `${id}:${body.op}:${version}`
    const requestId = requestIds.get(slot) ?? newRequestId()
    requestIds.set(slot, requestId)
    try {
      const out = await api.act(id, { ...body, version, request_id: requestId })
      requestIds.delete(slot)
      instances[id] = out.instance
      return out.instance
    } catch (e) {
      if (!(e instanceof ApiError) || !RETRYABLE.has(e.code)) requestIds.delete(slot)
      // Someone acted first: show the process as it is now (the buttons follow).
      if (e instanceof ApiError && e.status !== 0) void loadInstance(id).catch(() => undefined)
      throw e
    }
  }

  return { boxes, loaded, counts, definitions, specs, instances, now, pendingCount, sorted, reset, tick, load,
    refresh, apply, registerEvents, loadDefinitions, definition, loadInstance, start, act }
})

export function newRequestId(): string {
  return newClientMsgId().replace(/^web-/, 'wf-')
}
