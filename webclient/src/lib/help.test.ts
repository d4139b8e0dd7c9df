import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { filterPages, HELP_IMG, imagesOf, parsePages, renderHelp } from './help'

const HELP = resolve(__dirname, '../help')
const PUBLIC = resolve(__dirname, '../../public')
const files: Record<string, string> = {}
for (const locale of readdirSync(HELP)) {
  for (const f of readdirSync(resolve(HELP, locale))) files[`../help/${locale}/${f}`] = readFileSync(resolve(HELP, locale, f), 'utf8')
}
const pages = parsePages(files)

describe('help centre', () => {
  it('has the same pages in Chinese and English, one per role and task', () => {
    const ids = (l: string) => pages[l].map((p) => p.id).sort()
    expect(ids('en')).toEqual(ids('zh-CN'))
    for (const id of ['staff-chat', 'staff-work', 'staff-leave', 'leader-todo', 'leader-card', 'leader-pishi',
      'leader-delegation', 'director-niban', 'director-cuiban', 'clerk-signin', 'clerk-register', 'clerk-number',
      'clerk-distribute', 'admin-sys', 'admin-sec', 'admin-audit', 'public-query']) {
      expect(ids('zh-CN')).toContain(id)
    }
    expect(pages['zh-CN'][0].role).toBe('staff')
  })

  it('references only screenshots that exist in public/help/img/, and links only to pages that exist', () => {
    const shots = new Set<string>()
    for (const [locale, list] of Object.entries(pages)) {
      for (const p of list) {
        for (const src of imagesOf(p.source)) {
          expect(src, `${locale}/${p.id}`).toMatch(HELP_IMG)
          expect(existsSync(resolve(PUBLIC, '.' + src)), `${src} in ${locale}/${p.id}`).toBe(true)
          shots.add(src)
        }
        for (const m of p.source.matchAll(/\]\(\/help\/([\w-]+)\)/g)) {
          expect(list.map((x) => x.id), `${locale}/${p.id}`).toContain(m[1])
        }
      }
    }
    expect(shots.size).toBeGreaterThan(0)
    expect(shots.size).toBeLessThanOrEqual(10)
  })

  it('renders markdown without raw HTML, scripts or outside images', () => {
    const html = renderHelp('# T\n\n<script>alert(1)</script>\n\n![a](/help/img/chat.png) ![b](https://evil.example/x.png)'
      + ' [x](javascript:alert(1))')
    expect(html).toContain('<h1>T</h1>')
    expect(html).toContain('src="/help/img/chat.png"')
    expect(html).not.toContain('evil.example')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('href="javascript')
  })

  it('filters pages by every word of the query', () => {
    expect(filterPages(pages['zh-CN'], '请假').map((p) => p.id)).toContain('staff-leave')
    expect(filterPages(pages.en, 'delegate period').map((p) => p.id)).toEqual(['leader-delegation'])
    expect(filterPages(pages.en, '')).toHaveLength(pages.en.length)
  })
})
