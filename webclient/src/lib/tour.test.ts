import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { i18n } from '../i18n'
import { move, placePopover, startWalk, stepOf, TOURS } from './tour'

const tours = vi.fn()
const record = vi.fn()
vi.mock('../api/onboarding', () => ({
  onboardingApi: { tours: (...a: unknown[]) => tours(...a), record: (...a: unknown[]) => record(...a) },
}))

import { useTourStore } from '../stores/tour'

const info = (due: boolean) => ({ role: 'leader', due, tours: [{ key: 'leader', version: 3 }] })

describe('tour walk', () => {
  it('goes forward and back within the steps; 下一步 on the last completes, 跳过 skips at any point', () => {
    let w = startWalk('staff')
    expect(stepOf(w).id).toBe('chats')
    w = move(w, 'prev')
    expect(w.index).toBe(0)
    for (let i = 1; i < TOURS.staff.length; i++) w = move(w, 'next')
    expect(w.index).toBe(TOURS.staff.length - 1)
    expect(move(move(w, 'prev'), 'next').index).toBe(TOURS.staff.length - 1)
    const done = move(w, 'next')
    expect(done.ended).toBe('completed')
    expect(move(done, 'skip')).toBe(done)
    expect(move(move(startWalk('leader'), 'next'), 'skip')).toEqual({ tour: 'leader', index: 1, ended: 'skipped' })
  })

  it('covers what each role is told about, on screens that have the element', () => {
    expect(TOURS.staff.map((s) => s.id)).toEqual(['chats', 'channels', 'work', 'leave', 'me'])
    expect(TOURS.leader.map((s) => s.id)).toEqual(['todo', 'card', 'pishi', 'delegate'])
    expect(TOURS.director.map((s) => s.id)).toContain('cuiban')
    expect(TOURS.clerk.map((s) => s.id)).toEqual(['qianshou', 'dengji', 'bianhao', 'fenfa'])
    // Every help page a step points to exists in both languages.
    for (const step of Object.values(TOURS).flat()) {
      for (const locale of ['zh-CN', 'en']) {
        if (step.help) expect(() => readFileSync(resolve(__dirname, `../help/${locale}/${step.help}.md`))).not.toThrow()
      }
    }
  })

  it('has a title and a text for every step in both languages, which vue-i18n compiles (no bare @ or |)', () => {
    for (const [tour, steps] of Object.entries(TOURS)) {
      for (const step of steps) {
        for (const locale of ['zh-CN', 'en'] as const) {
          for (const part of ['title', 'body']) {
            const key = `tour.steps.${tour}.${step.id}.${part}`
            expect(i18n.global.te(key, locale), key).toBe(true)
            expect(i18n.global.t(key, {}, { locale }), key).not.toBe(key)
          }
        }
      }
    }
    expect(i18n.global.t('tour.steps.staff.channels.body', {}, { locale: 'en' })).toContain('type @ to mention')
  })

  it('puts the popover beside a rail entry, below a wide element, and always on screen', () => {
    const view = { width: 1000, height: 700 }
    const pop = { width: 320, height: 180 }
    expect(placePopover({ left: 6, top: 100, width: 56, height: 50 }, pop, view)).toEqual({ left: 74, top: 100 })
    expect(placePopover({ left: 100, top: 20, width: 800, height: 40 }, pop, view)).toEqual({ left: 100, top: 72 })
    const low = placePopover({ left: 900, top: 650, width: 500, height: 40 }, pop, view)
    expect(low.left + pop.width).toBeLessThanOrEqual(view.width)
    expect(low.top).toBe(650 - 180 - 12)
    expect(placePopover(null, pop, view)).toEqual({ left: 340, top: 260 })
  })
})

describe('tour store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    tours.mockReset()
    record.mockReset()
  })

  it('starts my role tour when it is due and records how it ended at the server version', async () => {
    tours.mockResolvedValue(info(true))
    record.mockResolvedValue(info(false))
    const store = useTourStore()
    await store.load()
    expect(store.step?.id).toBe('todo')
    await store.press('next')
    expect(store.step?.id).toBe('card')
    await store.press('skip')
    expect(store.step).toBeNull()
    expect(record).toHaveBeenCalledWith({ tour: 'leader', version: 3, outcome: 'skipped' })
  })

  it('does not start a tour already seen, but replays it on request and records it completed', async () => {
    tours.mockResolvedValue(info(false))
    record.mockResolvedValue(info(false))
    const store = useTourStore()
    await store.load()
    expect(store.step).toBeNull()
    store.start()
    for (let i = 0; i < TOURS.leader.length; i++) await store.press('next')
    expect(store.step).toBeNull()
    expect(record).toHaveBeenCalledWith({ tour: 'leader', version: 3, outcome: 'completed' })
  })
})
