// pdf.js, loaded on first use: the library and its worker are separate chunks, fetched only for a preview.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

export interface PdfHandle { destroy: () => Promise<void> }

const MAX_PAGES = 50

/** Draw each page of a PDF as a canvas in `into`, `width` CSS pixels wide (at most MAX_PAGES pages). */
export async function renderPdf(data: Uint8Array, into: HTMLElement, width: number): Promise<PdfHandle> {
  const pdfjs = await import('pdfjs-dist')
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl
  // No eval (the page's CSP forbids it) and no fonts from elsewhere.
  const task = pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: false, useSystemFonts: true })
  const doc = await task.promise
  const ratio = window.devicePixelRatio || 1
  for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES); n++) {
    const page = await doc.getPage(n)
    const base = page.getViewport({ scale: 1 })
    const viewport = page.getViewport({ scale: (width / base.width) * ratio })
    const canvas = document.createElement('canvas')
    canvas.width = Math.floor(viewport.width)
    canvas.height = Math.floor(viewport.height)
    canvas.style.width = `${Math.floor(viewport.width / ratio)}px`
    canvas.dataset.page = String(n)
    into.appendChild(canvas)
    await page.render({ canvas, viewport }).promise
  }
  return { destroy: () => task.destroy() }
}
