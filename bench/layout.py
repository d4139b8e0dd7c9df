"""The 版式 files of one 公文: p50 and p99 of writing the PDF (WeasyPrint) and the OFD (our writer), side by side.

No store is involved: both are pure functions of the document. Run with `.venv/bin/python bench/layout.py`;
BENCH_LAYOUT_RUNS sets the number of runs (default 20). Prints one table and the ratio PDF / OFD."""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hub.layout.model import LayoutDoc
from hub.layout.ofd import write_ofd
from hub.layout.pdf import fonts_used, render_pdf

RUNS = int(os.environ.get("BENCH_LAYOUT_RUNS", "20"))
BODY = ["为深入贯彻落实省委、省政府关于优化营商环境的决策部署，现就有关事项通知如下。", "一、提高政务服务效能",
        "各级政务服务中心要全面推行“一网通办”，实现企业群众办事“最多跑一次”。" * 4, "（一）压缩审批时限。",
        "1.工程建设项目审批时限压缩至60个工作日以内。", "二、强化督促落实"]


def main() -> None:
    doc = LayoutDoc(org_mark="白银市人民政府文件", doc_number="白政发〔2026〕12号",
                    title="白银市人民政府关于进一步优化营商环境的通知", main_to="各县、区人民政府，市政府各部门",
                    body=BODY * 3, attachments=["重点任务清单"], sender="白银市人民政府", signed_on=date(2026, 12, 2),
                    cc="市委各部门", printer="白银市人民政府办公室", printed_on=date(2026, 12, 3))
    timings: dict[str, list[float]] = {"pdf": [], "ofd": []}
    pdf = render_pdf(doc)  # warm: fonts are loaded once per process
    for _ in range(RUNS):
        t = time.perf_counter()
        pdf = render_pdf(doc)
        timings["pdf"].append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        write_ofd(doc, doc_id="bench", created=datetime(2026, 12, 2, tzinfo=UTC))
        timings["ofd"].append((time.perf_counter() - t) * 1000)
    print(f"版式 files of a 3-page 公文, {RUNS} runs, no store; PDF fonts: {', '.join(fonts_used(pdf))}")
    print(f"{'file':<6}{'p50 ms':>10}{'p99 ms':>10}")
    for name, values in timings.items():
        values.sort()
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        print(f"{name:<6}{statistics.median(values):>10.1f}{p99:>10.1f}")
    print(f"ratio PDF / OFD at p50: {statistics.median(timings['pdf']) / statistics.median(timings['ofd']):.0f}×")


if __name__ == "__main__":
    main()
