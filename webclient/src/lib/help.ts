// The 帮助中心's pages: markdown files in src/help/<locale>/<page>.md, rendered safely, with their screenshots.
import MarkdownIt from 'markdown-it'
import DOMPurify from 'dompurify'

export interface HelpPage {
  id: string
  /** The role the page is for (the file name's first part: staff-work → staff). */
  role: string
  title: string
  source: string
}

/** The only images a help page may show: the screenshots the browser tests take (public/help/img/). */
export const HELP_IMG = /^\/help\/img\/[\w-]+\.png$/
const SAFE_LINK = /^(https?:|\/(?!\/)|#)/i
export const ROLE_ORDER = ['staff', 'leader', 'director', 'clerk', 'admin', 'public']

const md = new MarkdownIt({ html: false, linkify: false, breaks: false, typographer: false })
md.validateLink = (url: string) => SAFE_LINK.test(url.trim())

export function parsePages(files: Record<string, string>): Record<string, HelpPage[]> {
  const out: Record<string, HelpPage[]> = {}
  for (const [path, source] of Object.entries(files)) {
    const m = /\/help\/([\w-]+)\/([\w-]+)\.md$/.exec(path)
    if (!m) continue
    const [, locale, id] = m
    const title = /^#\s+(.+)$/m.exec(source)?.[1]?.trim() ?? id
    ;(out[locale] ??= []).push({ id, role: id.split('-')[0], title, source })
  }
  for (const pages of Object.values(out)) {
    pages.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.id.localeCompare(b.id))
  }
  return out
}

/** Pages whose title or text holds every word of the query (case-insensitive). */
export function filterPages(pages: HelpPage[], query: string): HelpPage[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (!words.length) return pages
  return pages.filter((p) => words.every((w) => (p.title + '\n' + p.source).toLowerCase().includes(w)))
}

/** Every image a page references (the test checks each one is in public/help/img/). */
export function imagesOf(source: string): string[] {
  return [...source.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1])
}

/** Markdown to safe HTML: no raw HTML, no scripts; images only from /help/img/; links inside the help go in-app. */
export function renderHelp(source: string): string {
  const html = md.render(source)
  const clean = DOMPurify.sanitize(html, {
    ALLOWED_TAGS: ['p', 'br', 'strong', 'em', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3',
      'h4', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img'],
    ALLOWED_ATTR: ['href', 'title', 'src', 'alt'],
    ALLOW_DATA_ATTR: false,
  })
  const doc = new DOMParser().parseFromString(`<div>${clean}</div>`, 'text/html')
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    if (!HELP_IMG.test(img.getAttribute('src') ?? '')) img.remove()
    else img.setAttribute('loading', 'lazy')
  }
  return doc.body.firstElementChild?.innerHTML ?? ''
}
