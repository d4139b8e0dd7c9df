"""A 公文 as OFD (GB/T 33190-2016), written by us: a zip of XML parts whose text is real TextObjects in
referenced fonts, so the file is searchable and a reader can extract the title, the 文号 and the body.

The page geometry follows GB/T 9704 as the PDF does (A4, type area 156×225 mm from 28 mm left and 37 mm top,
3号 text at 28 characters a line and 22 lines a page). Line breaking is by character cells: a full-width
character takes one cell, a half-width one half, and no line starts with closing punctuation (避头尾)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

from hub.layout.model import LayoutDoc, chinese_date, heading_level

NS = "http://www.ofdspec.org/2016"
LEFT, TOP, WIDTH, HEIGHT = 28.0, 37.0, 156.0, 225.0
CELL = WIDTH / 28            # one full-width character of 3号 text
PITCH = HEIGHT / 22          # one line
PT = 25.4 / 72               # mm per point
RED, BLACK = "230 0 18", "0 0 0"
# Font ids in PublicRes.xml: referenced by name; a reader substitutes what it has.
FONTS = {"biaosong": (11, "方正小标宋简体"), "fangsong": (12, "仿宋_GB2312"), "kaiti": (13, "楷体_GB2312"),
         "heiti": (14, "黑体"), "song": (15, "宋体")}
NO_LINE_START = set("，。、；：？！）》」』”’…—,.;:?!)")


@dataclass
class Run:
    x: float
    y: float            # baseline, from the page top
    text: str
    font: str = "fangsong"
    size_pt: float = 16
    color: str = BLACK


@dataclass
class Rule:
    y: float
    width_mm: float
    color: str = BLACK


@dataclass
class Page:
    runs: list[Run] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)


def _cells(ch: str) -> float:
    return 0.5 if ord(ch) < 0x2E80 and ch not in "“”‘’—…" else 1.0


def wrap(text: str, first_indent: float, cells: float = 28) -> list[tuple[float, str]]:
    """(indent in cells, text) per line; closing punctuation never starts a line."""
    lines: list[tuple[float, str]] = []
    indent, line, used = first_indent, "", first_indent
    for ch in text:
        w = _cells(ch)
        if used + w > cells + 1e-9 and line and ch not in NO_LINE_START:
            lines.append((indent, line))
            indent, line, used = 0, "", 0
        line += ch
        used += w
    if line:
        lines.append((indent, line))
    return lines


class Flow:
    """Lines down the type area, a new page when one is full."""

    def __init__(self) -> None:
        self.pages: list[Page] = [Page()]
        self.y = TOP

    def skip(self, mm: float) -> None:
        self.y += mm

    def line(self, text: str, *, x: float = 0, font: str = "fangsong", size_pt: float = 16, color: str = BLACK,
             align: str = "left", pitch: float = PITCH) -> None:
        if self.y + pitch > TOP + HEIGHT + 0.01:
            self.pages.append(Page())
            self.y = TOP
        width = sum(_cells(c) for c in text) * size_pt * PT * (CELL / (16 * PT))
        left = LEFT + x if align == "left" else LEFT + (WIDTH - width) / 2 if align == "center" else \
            LEFT + WIDTH - width - x
        self.pages[-1].runs.append(Run(left, self.y + pitch * 0.75, text, font, size_pt, color))
        self.y += pitch

    def paragraph(self, text: str, *, indent: float = 2, font: str = "fangsong") -> None:
        for cells, part in wrap(text, indent):
            self.line(part, x=cells * CELL, font=font)

    def rule(self, width_mm: float = 0.35, color: str = BLACK) -> None:
        self.pages[-1].rules.append(Rule(self.y, width_mm, color))


def lay_out(doc: LayoutDoc) -> list[Page]:
    f = Flow()
    if doc.urgency:
        f.line(doc.urgency, font="heiti")
    f.y = TOP + 25
    f.line(doc.org_mark, font="biaosong", size_pt=42, color=RED, align="center", pitch=18)
    f.skip(PITCH)
    if doc.signer:
        # 上行文: the number on the left and the 签发人 on the right of one line.
        f.line(doc.doc_number, x=CELL)
        f.y -= PITCH
        f.line(f"签发人：{doc.signer}", x=CELL, align="right")
    else:
        f.line(doc.doc_number, align="center")
    f.skip(4 - PITCH * 0.25)
    f.rule(0.6, RED)
    f.skip(20)
    # 2号 type fits 20 characters a line; a longer title is cut into lines of even length (回行均衡).
    count = -(-len(doc.title) // 20)
    per = -(-len(doc.title) // count)
    for start in range(0, len(doc.title), per):
        f.line(doc.title[start:start + per], font="biaosong", size_pt=22, align="center", pitch=PITCH * 1.1)
    f.skip(PITCH)
    if doc.main_to:
        f.paragraph(doc.main_to + "：", indent=0)
    for p in doc.body:
        level = heading_level(p)
        if p.strip():
            f.paragraph(p.strip(), font={1: "heiti", 2: "kaiti"}.get(level, "fangsong"))
    if doc.attachments:
        f.skip(PITCH)
        for n, name in enumerate(doc.attachments, 1):
            label = f"{n}. {name}" if len(doc.attachments) > 1 else name
            f.line(("附件：" if n == 1 else "") + label, x=(2 if n == 1 else 5) * CELL)
    f.skip(PITCH * 2)
    f.line(doc.sender, x=4 * CELL, align="right")
    f.line(chinese_date(doc.signed_on), x=4 * CELL, align="right")
    if doc.note:
        f.skip(PITCH)
        f.paragraph(f"（{doc.note}）")
    f.skip(PITCH)
    f.rule()
    if doc.cc:
        for cells, part in wrap(f"抄送：{doc.cc}。", 1, cells=30):
            f.line(part, x=cells * CELL, size_pt=14)
        f.rule(0.25)
    f.line(doc.printer, x=CELL, size_pt=14)
    f.y -= PITCH
    f.line(f"{chinese_date(doc.printed_on)}印发", x=CELL, size_pt=14, align="right")
    f.rule()
    for n, page in enumerate(f.pages, 1):
        folio = f"— {n} —"
        x = LEFT + WIDTH - 7 - len(folio) * 14 * PT if n % 2 else LEFT + 7
        page.runs.append(Run(x, TOP + HEIGHT + 7 + 14 * PT, folio, "song", 14))
    return f.pages


def _text_object(obj_id: int, r: Run) -> str:
    size = r.size_pt * PT
    advance = size * (CELL / (16 * PT))
    deltas = " ".join(f"{_cells(c) * advance:.3f}" for c in r.text[:-1])
    width = sum(_cells(c) for c in r.text) * advance
    return (f'<ofd:TextObject ID="{obj_id}" Boundary="{r.x:.3f} {r.y - size:.3f} {width + 1:.3f} {size * 1.4:.3f}" '
            f'Font="{FONTS[r.font][0]}" Size="{size:.3f}"><ofd:FillColor Value="{r.color}"/>'
            f'<ofd:TextCode X="0" Y="{size:.3f}"' + (f' DeltaX="{deltas}"' if deltas else "")
            + f">{escape(r.text)}</ofd:TextCode></ofd:TextObject>")


def write_ofd(doc: LayoutDoc, *, doc_id: str, created: datetime) -> bytes:
    """The OFD package of one 公文: OFD.xml, the document, its public resources (fonts) and one content per page."""
    pages = lay_out(doc)
    ids = iter(range(100, 1_000_000))
    page_entries, contents = [], []
    for n, page in enumerate(pages):
        objects = [_text_object(next(ids), r) for r in page.runs]
        for rule in page.rules:
            objects.append(f'<ofd:PathObject ID="{next(ids)}" Boundary="{LEFT:.3f} {rule.y:.3f} {WIDTH:.3f} 1" '
                           f'LineWidth="{rule.width_mm}" Stroke="true" Fill="false">'
                           f'<ofd:StrokeColor Value="{rule.color}"/>'
                           f'<ofd:AbbreviatedData>M 0 0.5 L {WIDTH:.3f} 0.5</ofd:AbbreviatedData></ofd:PathObject>')
        contents.append((f"Doc_0/Pages/Page_{n}/Content.xml",
                         f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
                         f'<ofd:Layer ID="{next(ids)}">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>'))
        page_entries.append(f'<ofd:Page ID="{n + 1}" BaseLoc="Pages/Page_{n}/Content.xml"/>')
    fonts = "".join(f'<ofd:Font ID="{fid}" FontName={quoteattr(name)} FamilyName={quoteattr(name)}/>'
                    for fid, name in FONTS.values())
    stamp = created.strftime("%Y-%m-%d")
    parts = {
        "OFD.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD">'
                   f"<ofd:DocBody><ofd:DocInfo><ofd:DocID>{escape(doc_id)}</ofd:DocID><ofd:Title>{escape(doc.title)}"
                   f"</ofd:Title><ofd:Author>{escape(doc.sender)}</ofd:Author><ofd:CreationDate>{stamp}"
                   "</ofd:CreationDate><ofd:Creator>Xietong</ofd:Creator></ofd:DocInfo>"
                   "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        "Doc_0/Document.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
                              f"<ofd:MaxUnitID>{next(ids)}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297"
                              "</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"
                              f"</ofd:CommonData><ofd:Pages>{''.join(page_entries)}</ofd:Pages></ofd:Document>",
        "Doc_0/PublicRes.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res">'
                               f"<ofd:Fonts>{fonts}</ofd:Fonts></ofd:Res>",
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in [*parts.items(), *contents]:
            # A fixed timestamp: the same document gives the same bytes, so its hash can go into the audit chain.
            info = zipfile.ZipInfo(name, date_time=(created.year, created.month, created.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, xml.encode())
    return buf.getvalue()
