import { describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createAppRouter, routePaths, safeNext } from '.'

describe('routes', () => {
  it('are the paths the hub serves the app at (public/routes.json); any other path is a 404 there', () => {
    const served = JSON.parse(readFileSync(resolve(__dirname, '../../public/routes.json'), 'utf8')).paths as string[]
    expect([...routePaths()].sort()).toEqual([...served].sort())
  })

  it('send a visitor without a session to the login page and back where they were going', async () => {
    let user = false
    const router = createAppRouter({ ready: async () => undefined, loggedIn: () => user }, createMemoryHistory())
    await router.push('/c/abc')
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.next).toBe('/c/abc')
    user = true
    await router.push({ name: 'login', query: { next: '/c/xyz' } })
    expect(router.currentRoute.value.name).toBe('channel')
    expect(router.currentRoute.value.params.id).toBe('xyz')
    await router.push('/no/such/page')
    expect(router.currentRoute.value.name).toBe('chats')
    // The first push transforms the whole chat view on demand: seconds on a busy machine, not a hang.
  }, 30_000)

  it('only go back to a path inside the app after login', () => {
    expect(safeNext('/c/1')).toBe('/c/1')
    expect(safeNext('//evil.example/x')).toBe('/')
    expect(safeNext('https://evil.example')).toBe('/')
    expect(safeNext(undefined)).toBe('/')
  })
})
