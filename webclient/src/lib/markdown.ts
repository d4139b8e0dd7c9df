import MarkdownIt from 'markdown-it'
import DOMPurify from 'dompurify'

// Raw HTML is escaped by markdown-it (html: false); DOMPurify is the second wall.
const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false })

const SAFE_URL = /^(https?:|mailto:|tel:|\/(?!\/)|#)/i

md.validateLink = (url: string) => SAFE_URL.test(url.trim())

let hooked = false
function hook(): void {
  if (hooked) return
  hooked = true
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? ''
      if (!SAFE_URL.test(href.trim())) node.removeAttribute('href')
      node.setAttribute('target', '_blank')
      node.setAttribute('rel', 'noopener noreferrer')
    }
  })
}

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span']

/** Markdown to HTML that is safe to put in v-html: no scripts, no handlers, no javascript: links, no images. */
export function renderMarkdown(src: string): string {
  hook()
  const html = md.render(src ?? '')
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title', 'target', 'rel', 'class', 'start'],
    ALLOW_DATA_ATTR: false,
  })
}

/** Plain text preview of a message for the channel list. */
export function plainPreview(src: string, max = 60): string {
  const text = (src ?? '')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#~]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > max ? text.slice(0, max) + '…' : text
}
