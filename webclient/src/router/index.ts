import { createRouter, createWebHistory, type RouteRecordRaw, type Router, type RouterHistory } from 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (the login page). */
    public?: boolean
    /** The rail entry (src/router/rail.ts) lit while this route shows. */
    rail?: string
    /** Only the holder of this administrator role may open the route (三员分立; the server checks again). */
    adminRole?: string
  }
}

// Views load lazily: the login page does not carry the workspace, and a later view (the 工作台 at /work) is
// one more child of the workspace plus a rail entry, in its own chunk.
const ChatView = () => import('../views/ChatView.vue')
const WorkView = () => import('../views/WorkView.vue')

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('../components/LoginView.vue'), meta: { public: true } },
  // 帮助中心: public (the login page links to it), one page per role and task (src/help/<locale>/<page>.md).
  { path: '/help', name: 'help', component: () => import('../views/HelpView.vue'), meta: { public: true } },
  { path: '/help/:page', name: 'help-page', component: () => import('../views/HelpView.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('../components/Workspace.vue'),
    children: [
      { path: '', name: 'chats', component: ChatView, meta: { rail: 'chats' } },
      { path: 'c/:id', name: 'channel', component: ChatView, meta: { rail: 'chats' } },
      { path: 'contacts', name: 'contacts', component: ChatView, meta: { rail: 'contacts' } },
      // The 工作台: the boxes, one process, and the start form of a definition.
      { path: 'work', name: 'work', component: WorkView, meta: { rail: 'work' } },
      { path: 'work/i/:id', name: 'work-instance', component: () => import('../views/WorkInstanceView.vue'),
        meta: { rail: 'work' } },
      { path: 'work/new/:key', name: 'work-new', component: () => import('../views/WorkStartView.vue'),
        meta: { rail: 'work' } },
      // 目标管理: the board, and one target.
      { path: 'targets', name: 'targets', component: () => import('../views/TargetsView.vue'), meta: { rail: 'targets' } },
      { path: 'targets/:id', name: 'target', component: () => import('../views/TargetDetailView.vue'),
        meta: { rail: 'targets' } },
      // 信息共享: 政务信息报送 and the issues of 《白银信息》.
      { path: 'info', name: 'info', component: () => import('../views/InfoView.vue'), meta: { rail: 'info' } },
      { path: 'info/issues/:id', name: 'info-issue', component: () => import('../views/InfoIssueView.vue'),
        meta: { rail: 'info' } },
      // 公文: the 收文箱, one document (its 收文 flow and, for the sender, tracking), the 收文登记簿.
      { path: 'docs', name: 'docs', component: () => import('../views/DocsView.vue'), meta: { rail: 'docs' } },
      { path: 'docs/out/:id', name: 'outgoing', component: () => import('../views/OutgoingView.vue'),
        meta: { rail: 'docs' } },
      { path: 'docs/d/:id', name: 'doc', component: () => import('../views/DocView.vue'), meta: { rail: 'docs' } },
      { path: 'docs/register', name: 'docs-register', component: () => import('../views/DocRegisterView.vue'),
        meta: { rail: 'docs' } },
      { path: 'docs/archive', name: 'docs-archive', component: () => import('../views/ArchiveView.vue'),
        meta: { rail: 'docs' } },
      { path: 'docs/numbers', name: 'docs-numbers', component: () => import('../views/NumberRegisterView.vue'),
        meta: { rail: 'docs' } },
      // 行政审批: the 审批动态 dashboard and window intake, and one case.
      { path: 'licensing', name: 'licensing', component: () => import('../views/LicensingView.vue'),
        meta: { rail: 'licensing' } },
      { path: 'licensing/c/:id', name: 'licensing-case', component: () => import('../views/LicensingCaseView.vue'),
        meta: { rail: 'licensing' } },
      // 我的提醒 and 督办 (src/views/RemindersView.vue, DubanView.vue, DubanItemView.vue).
      { path: 'work/reminders', name: 'reminders', component: () => import('../views/RemindersView.vue'), meta: { rail: 'work' } },
      { path: 'work/duban', name: 'duban', component: () => import('../views/DubanView.vue'), meta: { rail: 'work' } },
      // 共享文件库: the unit libraries and shared folders (src/views/LibraryView.vue).
      { path: 'library', name: 'library', component: () => import('../views/LibraryView.vue'), meta: { rail: 'work' } },
      { path: 'work/duban/:id', name: 'duban-item', component: () => import('../views/DubanItemView.vue'), meta: { rail: 'work' } },
      // 公告通知: my lists, one announcement (reader's view or the publisher's board), and publishing.
      { path: 'notices', name: 'notices', component: () => import('../views/NoticesView.vue'), meta: { rail: 'notices' } },
      { path: 'notices/new', name: 'notice-new', component: () => import('../views/NoticeComposeView.vue'),
        meta: { rail: 'notices' } },
      { path: 'notices/:id', name: 'notice', component: () => import('../views/NoticeView.vue'), meta: { rail: 'notices' } },
      // The administrators' consoles, one per role.
      { path: 'admin/sys', name: 'admin-sys', component: () => import('../views/admin/AdminSysView.vue'),
        meta: { rail: 'admin', adminRole: 'sys_admin' } },
      { path: 'admin/sec', name: 'admin-sec', component: () => import('../views/admin/AdminSecView.vue'),
        meta: { rail: 'admin', adminRole: 'sec_admin' } },
      { path: 'admin/audit', name: 'admin-audit', component: () => import('../views/admin/AdminAuditView.vue'),
        meta: { rail: 'admin', adminRole: 'audit_admin' } },
    ],
  },
  // A path the client does not know (followed from an old link inside the app): the chat list.
  { path: '/:unknown(.*)*', redirect: '/' },
]

/** Every route path, as public/routes.json lists them for the hub (which answers 404 to any other path). */
export function routePaths(records: RouteRecordRaw[] = routes, base = ''): string[] {
  const out: string[] = []
  for (const r of records) {
    if (r.redirect) continue
    const path = r.path.startsWith('/') ? r.path : `${base.replace(/\/$/, '')}/${r.path}`
    if (r.component) out.push(path === '' ? '/' : path.replace(/(.)\/$/, '$1'))
    if (r.children) out.push(...routePaths(r.children, path))
  }
  return [...new Set(out)]
}

export interface SessionGate {
  /** Resolves once the session is known (logged in or not). */
  ready(): Promise<void>
  loggedIn(): boolean
  /** The signed-in person's roles (the administrators' consoles need theirs). */
  roles?(): readonly string[]
}

export function createAppRouter(gate: SessionGate, history: RouterHistory = createWebHistory()): Router {
  const router = createRouter({ history, routes })
  router.beforeEach(async (to, from) => {
    await gate.ready()
    if (!to.meta.public && !gate.loggedIn()) {
      return { name: 'login', query: to.fullPath === '/' ? {} : { next: to.fullPath } }
    }
    if (to.name === 'login' && gate.loggedIn()) return safeNext(to.query.next)
    const roles = gate.roles?.() ?? []
    if (to.meta.adminRole && !roles.includes(to.meta.adminRole)) return { name: 'chats' }
    // An administrator lands on their console after logging in (or opening the app), not on an empty chat.
    if (to.name === 'chats' && (from.name === 'login' || from.matched.length === 0)) {
      const landing = adminConsole(roles)
      if (landing) return landing
    }
    return true
  })
  return router
}

/** Where to go after logging in: only a path inside the app, never another origin. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/'
}

/** The console of an administrator role, or null for everyone else (one account holds at most one such role). */
export function adminConsole(roles: readonly string[]): string | null {
  if (roles.includes('sys_admin')) return '/admin/sys'
  if (roles.includes('sec_admin')) return '/admin/sec'
  if (roles.includes('audit_admin')) return '/admin/audit'
  return null
}
