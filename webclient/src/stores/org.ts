import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import { api } from '../api/http'
import type { Channel, Unit, User } from '../api/types'

export interface UnitNode {
  unit: Unit
  children: UnitNode[]
  depth: number
}

/** Build the org tree from the flat list the hub sends, ordered by `order`. */
export function buildTree(units: Unit[]): UnitNode[] {
  const byParent = new Map<string | null, Unit[]>()
  const ids = new Set(units.map((u) => u.id))
  for (const u of units) {
    const p = u.parent_id && ids.has(u.parent_id) ? u.parent_id : null
    if (!byParent.has(p)) byParent.set(p, [])
    byParent.get(p)!.push(u)
  }
  const make = (parent: string | null, depth: number): UnitNode[] =>
    (byParent.get(parent) ?? []).sort((a, b) => a.order - b.order)
      .map((unit) => ({ unit, depth, children: make(unit.id, depth + 1) }))
  return make(null, 0)
}

export const useOrgStore = defineStore('org', () => {
  const units = ref<Unit[]>([])
  const users = reactive<Record<string, User>>({})
  const unitMembers = reactive<Record<string, User[]>>({})
  const loading = new Set<string>()
  /** Bumped when a star changes (ProfileDialog), so the contacts list reloads its 常用联系人. */
  const starredChanged = ref(0)
  const tree = computed(() => buildTree(units.value))

  async function loadUnits(): Promise<void> {
    if (!units.value.length) units.value = (await api.units()).units
  }

  function remember(list: User[]): void {
    for (const u of list) users[u.id] = u
  }

  async function loadUnitMembers(id: string): Promise<User[]> {
    if (!unitMembers[id]) {
      unitMembers[id] = (await api.unitMembers(id)).users
      remember(unitMembers[id])
    }
    return unitMembers[id]
  }

  async function user(id: string): Promise<User> {
    if (!users[id]) users[id] = await api.user(id)
    return users[id]
  }

  function ensureUser(id: string): void {
    if (users[id] || loading.has(id)) return
    loading.add(id)
    void api.user(id).then((u) => (users[id] = u)).catch(() => undefined).finally(() => loading.delete(id))
  }

  async function search(q: string): Promise<User[]> {
    const list = (await api.searchUsers(q)).users
    remember(list)
    return list
  }

  /** What a channel is called for this viewer: a direct conversation takes the other person's name. */
  function channelTitle(c: Channel): string {
    if (c.kind === 'direct') {
      if (c.peer_id) {
        ensureUser(c.peer_id)
        return users[c.peer_id]?.name ?? '…'
      }
      return c.name || '…'
    }
    return c.name
  }

  function reset(): void {
    for (const k of Object.keys(users)) delete users[k]
    for (const k of Object.keys(unitMembers)) delete unitMembers[k]
  }

  return { units, users, unitMembers, tree, starredChanged, loadUnits, loadUnitMembers, user, search, remember, channelTitle,
    reset }
})
