import { describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { adminConsole, createAppRouter } from '.'

// Only the guard is under test: the views stay unloaded (nothing is mounted).
const empty = { default: { render: () => null } }
vi.mock('../components/Workspace.vue', () => empty)
vi.mock('../components/LoginView.vue', () => empty)
vi.mock('../views/ChatView.vue', () => empty)
vi.mock('../views/admin/AdminSysView.vue', () => empty)
vi.mock('../views/admin/AdminSecView.vue', () => empty)
vi.mock('../views/admin/AdminAuditView.vue', () => empty)

describe('the administrators\' consoles', () => {
  it('are where an administrator lands after login, and only theirs opens', async () => {
    let roles: string[] = []
    let user = false
    const router = createAppRouter({ ready: async () => undefined, loggedIn: () => user, roles: () => roles },
      createMemoryHistory())
    await router.push('/login')
    user = true
    roles = ['audit_admin']
    await router.replace('/')
    expect(router.currentRoute.value.name).toBe('admin-audit')
    await router.push('/admin/sys')
    expect(router.currentRoute.value.name).toBe('chats')  // not theirs: back to the chats (the server refuses too)
    await router.push('/admin/audit')
    await router.push('/')
    expect(router.currentRoute.value.name).toBe('chats')  // the chats stay reachable from the rail
  })

  it('are for the three administrator roles only', async () => {
    expect(adminConsole(['staff', 'leader'])).toBeNull()
    expect(adminConsole(['sys_admin'])).toBe('/admin/sys')
    expect(adminConsole(['staff', 'sec_admin'])).toBe('/admin/sec')
    const router = createAppRouter({ ready: async () => undefined, loggedIn: () => true, roles: () => ['staff'] },
      createMemoryHistory())
    await router.push('/admin/sec')
    expect(router.currentRoute.value.name).toBe('chats')
  })
})
