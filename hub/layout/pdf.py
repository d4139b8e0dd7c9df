"""A 公文 as PDF per GB/T 9704-2012, through WeasyPrint: A4, type area 156×225 mm (top 37 mm, binding 28 mm),
red 发文机关标志 and separator, 标题 in 2号 小标宋, 正文 in 3号 仿宋 at 22 lines of 28 characters, "— 1 —" folios.

The exact faces (方正小标宋, 仿宋_GB2312, 楷体_GB2312, 黑体) are licensed and rarely installed on Linux, so each
stack falls back to the Debian CJK fonts `make` installs: Noto Serif CJK SC (标宋 and 仿宋 stand-ins), AR PL UKai
(楷体), Noto Sans CJK SC (黑体), then WenQuanYi Micro Hei. `fonts_used` reads back what the PDF embeds."""

from __future__ import annotations

import io
from html import escape

from pypdf import PdfReader

from hub.layout.model import LayoutDoc, chinese_date, heading_level

RED = "#E60012"
BIAOSONG = "'FZXiaoBiaoSong-B05S', '方正小标宋简体', 'Noto Serif CJK SC', 'WenQuanYi Micro Hei', serif"
FANGSONG = "'FangSong_GB2312', '仿宋_GB2312', 'FangSong', 'Noto Serif CJK SC', 'WenQuanYi Micro Hei', serif"
KAITI = "'KaiTi_GB2312', '楷体_GB2312', 'KaiTi', 'AR PL UKai CN', 'Noto Serif CJK SC', serif"
HEITI = "'SimHei', '黑体', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif"
SONG = "'SimSun', '宋体', 'Noto Serif CJK SC', serif"
# 3号 is 16 pt; 28 characters across 156 mm and 22 lines down 225 mm fix the spacing.
LINE = "10.227mm"   # 225 / 22
TRACK = "-0.2pt"    # 156 mm / 28 = 15.8 pt per character at 16 pt
# Folios in 4号 宋体, 7 mm below the type area, at the outer edge ("— 1 —").
FOLIO = f"font: 14pt {SONG}; vertical-align: top; padding-top: 7mm; white-space: nowrap; width: 30mm;"

CSS = f"""
@page {{ size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-right {{ content: "— " counter(page) " —"; {FOLIO} margin-right: 7mm; }} }}
@page :left {{ @bottom-right {{ content: none; }}
  @bottom-left {{ content: "— " counter(page) " —"; {FOLIO} margin-left: 7mm; }} }}
html {{ font: 16pt/{LINE} {FANGSONG}; letter-spacing: {TRACK}; color: #000; }}
p {{ margin: 0; }}
.urgency {{ font-family: {HEITI}; }}
.org-mark {{ color: {RED}; font-family: {BIAOSONG}; font-size: 42pt; line-height: 1.1; text-align: center;
  letter-spacing: 2pt; margin-top: 25mm; }}
.number {{ text-align: center; margin-top: {LINE}; }}
.number.up {{ display: flex; justify-content: space-between; padding: 0 1em; }}
.signer-name {{ font-family: {KAITI}; }}
.red-line {{ border-top: 0.6mm solid {RED}; margin: 4mm 0 0; }}
.title {{ font-family: {BIAOSONG}; font-size: 22pt; line-height: 1.45; text-align: center; margin: 20mm 0 {LINE}; }}
.main-to {{ margin-top: {LINE}; }}
.body p {{ text-indent: 2em; text-align: justify; }}
.body p.h1 {{ font-family: {HEITI}; }}
.body p.h2 {{ font-family: {KAITI}; }}
.attachments {{ margin-top: {LINE}; padding-left: 2em; }}
.attachments p {{ padding-left: 3em; text-indent: -3em; }}
.attachments p + p {{ padding-left: 3em; text-indent: 0; }}
.signature {{ margin-top: calc(2 * {LINE}); text-align: right; padding-right: 4em; }}
.note {{ text-indent: 2em; margin-top: {LINE}; }}
.colophon {{ margin-top: calc(2 * {LINE}); font-size: 14pt; line-height: 1.9; break-inside: avoid; }}
.colophon .rule {{ border-top: 0.35mm solid #000; }}
.colophon .rule.thin {{ border-top-width: 0.25mm; }}
.colophon p {{ padding: 0 1em; }}
.colophon .printed {{ display: flex; justify-content: space-between; white-space: nowrap; }}
"""


def render_html(doc: LayoutDoc) -> str:
    e = escape
    head: list[str] = []
    if doc.urgency:
        head.append(f'<p class="urgency">{e(doc.urgency)}</p>')
    head.append(f'<p class="org-mark">{e(doc.org_mark)}</p>')
    if doc.signer:
        head.append(f'<p class="number up"><span>{e(doc.doc_number)}</span><span>签发人：'
                    f'<span class="signer-name">{e(doc.signer)}</span></span></p>')
    else:
        head.append(f'<p class="number">{e(doc.doc_number)}</p>')
    head.append('<div class="red-line"></div>')
    body = "".join(f'<p class="h{lvl}">{e(p.strip())}</p>' if (lvl := heading_level(p)) else f"<p>{e(p.strip())}</p>"
                   for p in doc.body if p.strip())
    parts = [*head, f'<p class="title">{e(doc.title)}</p>']
    if doc.main_to:
        parts.append(f'<p class="main-to">{e(doc.main_to)}：</p>')
    parts.append(f'<div class="body">{body}</div>')
    if doc.attachments:
        lines = [f"{n}. {e(a)}" if len(doc.attachments) > 1 else e(a) for n, a in enumerate(doc.attachments, 1)]
        parts.append('<div class="attachments"><p>附件：' + lines[0] + "</p>"
                     + "".join(f"<p>{line}</p>" for line in lines[1:]) + "</div>")
    parts.append(f'<div class="signature"><p>{e(doc.sender)}</p><p>{chinese_date(doc.signed_on)}</p></div>')
    if doc.note:
        parts.append(f'<p class="note">（{e(doc.note)}）</p>')
    colophon = ['<div class="colophon"><div class="rule"></div>']
    if doc.cc:
        colophon.append(f"<p>抄送：{e(doc.cc)}。</p><div class=\"rule thin\"></div>")
    printed = f"{chinese_date(doc.printed_on)}印发"
    colophon.append(f'<p class="printed"><span>{e(doc.printer)}</span><span>{printed}</span></p>'
                    '<div class="rule"></div></div>')
    parts += colophon
    return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{e(doc.title)}</title>'
            f"<style>{CSS}</style></head><body>{''.join(parts)}</body></html>")


def render_pdf(doc: LayoutDoc) -> bytes:
    from weasyprint import HTML  # type: ignore[import-untyped]  # here: it loads pango, only this path needs it

    out: bytes = HTML(string=render_html(doc)).write_pdf()
    return out


def fonts_used(pdf: bytes) -> list[str]:
    """The base names of the fonts a PDF embeds (subset prefixes removed), to name them in notes and tests."""
    names: set[str] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            base = str(ref.get_object().get("/BaseFont", ""))
            names.add(base.lstrip("/").split("+", 1)[-1])
    return sorted(n for n in names if n)
