// The role tours' steps and the pure logic of walking them (the overlay is src/components/TourOverlay.vue).
import type { TourKey } from '../api/onboarding'

export interface TourStep {
  /** i18n key under `tour.steps`: `.title` and `.body`. */
  id: string
  /** CSS selector of the element to highlight; the step shows centred when it is not on the screen. */
  target: string
  /** The route (by name) the element lives on: the tour goes there first. */
  route?: string
  /** The help page (src/help/…) that tells more. */
  help?: string
}

const rail = (key: string): string => `[data-tour="rail-${key}"]`
const ME = '[data-tour="me"]'
const HELP = '[data-tour="help"]'

export const TOURS: Record<TourKey, TourStep[]> = {
  staff: [
    { id: 'chats', target: rail('chats'), route: 'chats', help: 'staff-chat' },
    { id: 'channels', target: '[data-testid="channel-list"]', route: 'chats', help: 'staff-chat' },
    { id: 'work', target: rail('work'), route: 'work', help: 'staff-work' },
    { id: 'leave', target: '[data-testid="work-start"]', route: 'work', help: 'staff-leave' },
    { id: 'me', target: ME, help: 'staff-chat' },
  ],
  leader: [
    { id: 'todo', target: '[data-testid="work-tab-pending"]', route: 'work', help: 'leader-todo' },
    { id: 'card', target: rail('chats'), route: 'chats', help: 'leader-card' },
    { id: 'pishi', target: rail('docs'), route: 'docs', help: 'leader-pishi' },
    { id: 'delegate', target: ME, help: 'leader-delegation' },
  ],
  director: [
    { id: 'niban', target: '[data-testid="docs-tab-pending"]', route: 'docs', help: 'director-niban' },
    { id: 'cuiban', target: '[data-testid="work-tab-started"]', route: 'work', help: 'director-cuiban' },
    { id: 'duban', target: '[data-testid="link-duban"]', route: 'work', help: 'director-cuiban' },
    { id: 'me', target: ME },
  ],
  clerk: [
    { id: 'qianshou', target: '[data-testid="docs-tab-pending"]', route: 'docs', help: 'clerk-signin' },
    { id: 'dengji', target: '[data-testid="docs-register-link"]', route: 'docs', help: 'clerk-register' },
    { id: 'bianhao', target: rail('docs'), route: 'docs', help: 'clerk-number' },
    { id: 'fenfa', target: '[data-testid="docs-tab-handling"]', route: 'docs', help: 'clerk-distribute' },
  ],
  sys_admin: [
    { id: 'console', target: '[data-tour="admin-console"]', route: 'admin-sys', help: 'admin-sys' },
    { id: 'adminHelp', target: HELP, route: 'admin-sys', help: 'admin-sys' },
  ],
  sec_admin: [
    { id: 'console', target: '[data-tour="admin-console"]', route: 'admin-sec', help: 'admin-sec' },
    { id: 'adminHelp', target: HELP, route: 'admin-sec', help: 'admin-sec' },
  ],
  audit_admin: [
    { id: 'console', target: '[data-tour="admin-console"]', route: 'admin-audit', help: 'admin-audit' },
    { id: 'adminHelp', target: HELP, route: 'admin-audit', help: 'admin-audit' },
  ],
}

/** Where a walk through one tour stands; `ended` says how it ended once it has. */
export interface TourWalk {
  tour: TourKey
  index: number
  ended: 'completed' | 'skipped' | null
}

export type TourMove = 'next' | 'prev' | 'skip'

export function startWalk(tour: TourKey): TourWalk {
  return { tour, index: 0, ended: null }
}

/** One button press: 下一步 on the last step completes the tour, 上一步 stops at the first, 跳过 ends it. */
export function move(walk: TourWalk, how: TourMove): TourWalk {
  if (walk.ended) return walk
  const last = TOURS[walk.tour].length - 1
  if (how === 'skip') return { ...walk, ended: 'skipped' }
  if (how === 'prev') return { ...walk, index: Math.max(0, walk.index - 1) }
  if (walk.index >= last) return { ...walk, ended: 'completed' }
  return { ...walk, index: walk.index + 1 }
}

export function stepOf(walk: TourWalk): TourStep {
  return TOURS[walk.tour][walk.index]
}

export interface Box { left: number; top: number; width: number; height: number }

/** Where the popover goes: right of the target if it fits (the rail's entries), else below, else above; always
 * inside the viewport. No target: the middle of the screen. */
export function placePopover(target: Box | null, pop: { width: number; height: number },
                             view: { width: number; height: number }, gap = 12): { left: number; top: number } {
  const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(v, Math.max(lo, hi)))
  if (!target) return { left: (view.width - pop.width) / 2, top: (view.height - pop.height) / 2 }
  const fitY = (top: number): number => clamp(top, gap, view.height - pop.height - gap)
  const fitX = (left: number): number => clamp(left, gap, view.width - pop.width - gap)
  if (target.left + target.width + gap + pop.width <= view.width - gap && target.width < view.width / 3) {
    return { left: target.left + target.width + gap, top: fitY(target.top) }
  }
  if (target.top + target.height + gap + pop.height <= view.height - gap) {
    return { left: fitX(target.left), top: target.top + target.height + gap }
  }
  return { left: fitX(target.left), top: fitY(target.top - pop.height - gap) }
}
