import type { User } from '../api/types'

/** The "@query" being typed just before the caret, or null. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret)
  const m = /(^|[\s(（])@([^\s@]{0,32})$/.exec(before)
  if (!m) return null
  return { start: caret - m[2].length - 1, query: m[2] }
}

/** Members matching a query by name substring, pinyin prefix or initials prefix; best matches first. */
export function matchMembers(members: User[], query: string, limit = 8): User[] {
  const q = query.trim().toLowerCase()
  if (!q) return members.slice(0, limit)
  const scored: [number, User][] = []
  for (const u of members) {
    const py = u.pinyin.toLowerCase().replace(/\s+/g, '')
    const ini = u.initials.toLowerCase()
    let score = -1
    if (u.name === query) score = 0
    else if (ini === q) score = 1
    else if (u.name.startsWith(query)) score = 2
    else if (py.startsWith(q)) score = 3
    else if (ini.startsWith(q)) score = 4
    else if (u.name.includes(query)) score = 5
    else if (u.username.toLowerCase().startsWith(q)) score = 6
    if (score >= 0) scored.push([score, u])
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].pinyin.localeCompare(b[1].pinyin))
  return scored.slice(0, limit).map((s) => s[1])
}

/** Replace the "@query" at start..caret with "@名字 "; returns the new text and caret. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const ins = `@${name} `
  return { text: text.slice(0, start) + ins + text.slice(caret), caret: start + ins.length }
}
