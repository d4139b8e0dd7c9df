import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { onboardingApi, type ToursOut, type TourKey } from '../api/onboarding'
import { move, startWalk, stepOf, TOURS, type TourMove, type TourWalk } from '../lib/tour'

/** My role tour: due on first login (the server remembers, across devices), replayable from the avatar menu. */
export const useTourStore = defineStore('tour', () => {
  const info = ref<ToursOut | null>(null)
  const walk = ref<TourWalk | null>(null)
  const step = computed(() => (walk.value && !walk.value.ended ? stepOf(walk.value) : null))
  const total = computed(() => (walk.value ? TOURS[walk.value.tour].length : 0))

  async function load(): Promise<void> {
    info.value = await onboardingApi.tours()
    if (info.value.due && !walk.value) start(info.value.role)
  }

  function start(tour?: TourKey): void {
    const key = tour ?? info.value?.role
    if (key) walk.value = startWalk(key)
  }

  async function press(how: TourMove): Promise<void> {
    if (!walk.value) return
    const after = move(walk.value, how)
    walk.value = after
    if (!after.ended) return
    walk.value = null
    const version = info.value?.tours.find((t) => t.key === after.tour)?.version ?? 1
    info.value = await onboardingApi.record({ tour: after.tour, version, outcome: after.ended })
  }

  function reset(): void {
    info.value = null
    walk.value = null
  }

  return { info, walk, step, total, load, start, press, reset }
})
