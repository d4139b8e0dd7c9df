import type { AdminUnit } from '../../api/admin'

export interface UnitOption { value: string; label: string; children: UnitOption[]; disabled?: boolean }

/** The admin unit list as a tree for ElTreeSelect / ElTable; retired units are left out of pickers. */
export function unitOptions(units: AdminUnit[], { withRetired = false, exclude = '' } = {}): UnitOption[] {
  const shown = units.filter((u) => (withRetired || !u.retired) && !u.external && u.id !== exclude)
  const ids = new Set(shown.map((u) => u.id))
  const nodes = new Map(shown.map((u) => [u.id, { value: u.id, label: u.name, children: [] as UnitOption[] }]))
  const roots: UnitOption[] = []
  for (const u of shown) {
    const node = nodes.get(u.id)!
    if (u.parent_id && ids.has(u.parent_id)) nodes.get(u.parent_id)!.children.push(node)
    else roots.push(node)
  }
  return roots
}

export interface UnitRow extends AdminUnit { children: UnitRow[] }

export function unitRows(units: AdminUnit[]): UnitRow[] {
  const rows = new Map(units.map((u) => [u.id, { ...u, children: [] as UnitRow[] }]))
  const roots: UnitRow[] = []
  for (const row of rows.values()) {
    const parent = row.parent_id ? rows.get(row.parent_id) : undefined
    if (parent) parent.children.push(row)
    else roots.push(row)
  }
  return roots
}
