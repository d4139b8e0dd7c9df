"""The benchmark harness itself runs: a tiny fan-out against the real hub and the bare aiohttp reference."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench import run

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node is required by the bench harness")


def test_tiny_fanout_against_hub_and_reference(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert (run.BENCH / "node_modules" / "socket.io-client").is_dir(), "run `make bench-deps`"
    monkeypatch.setattr(run, "WARMUP_S", 0.3)
    res = run.t1_fanout(tmp_path, ["hub", "aiohttp"], clients=5, rates=[20], step_s=1.0)
    for kind in ("hub", "aiohttp"):
        step = res[kind]["steps"][0]
        assert res[kind]["connect"]["errors"] == 0
        assert step["sent"] == 20 and step["acked"] == 20, step
        assert step["delivered"] == step["expected"] == 100, step  # 20 messages x 5 members, none lost
        assert step["latency"]["p99"] is not None and step["cpu_ms"] >= 0
    text = run.table({"params": {}, "scenarios": {"T1": res}})
    assert "T1 fan-out" in text and "deliveries/s" in text


def test_a_history_run_on_secantusdb_reads_real_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The `@server` scenarios give the hub a SecantusDB of its own and count that server's CPU too."""
    monkeypatch.setattr(run, "WARMUP_S", 0.3)
    res = run.t7_history(tmp_path, messages=300, rate=20, seconds=1.0, store="server")
    assert res["messages_in_channel"] == 300 and not res.get("errors") and not res.get("bad_pages"), res
    assert res["latency"]["p99"] is not None and res["cpu_ms_per_request"] > 0, res
    text = run.table({"params": {}, "scenarios": {"T7@server": res}})
    assert "T7 history (300 msgs) [SecantusDB]" in text


def test_the_knee_is_walked_in_five_percent_steps() -> None:
    coarse = [{"rate": r} for r in (10, 20, 40, 50)]
    assert run.fine_rates(coarse, {"rate": 40}) == [42, 44, 46, 49]
    assert run.fine_rates(coarse, {"rate": 50}) == []  # nothing failed above the best
    assert run.fine_rates(coarse, None) == []  # nothing passed: there is no knee to walk


def test_the_t8_paper_model_scales_with_cores_until_redis_caps_it() -> None:
    t8 = {"one": {"steady": {"cpu_ms_per_1k_deliveries": 22.0}, "steady_hub_cpu_ms_per_1k": 20.0},
          "none": {"steady": {"cpu_ms_per_1k_deliveries": 20.5}}}
    # A hub core gives 1e6 / 20 = 50,000 deliveries/s; Redis (2 ms per 1k per hub process) caps N hubs at
    # 1e6 / (2 N): 125,000 at 4 and 62,500 at 8.
    assert run.t8_model(t8) == [(1, 50_000.0), (2, 100_000.0), (4, 125_000.0), (8, 62_500.0)]
    assert run.t8_model({"one": {"steady": {}}}) is None
