"""Who is in which channel, for each scenario: the same layout feeds the hub and both reference servers."""

from __future__ import annotations

from typing import Any


def one_channel(users: int) -> dict[str, Any]:
    return {"users": users, "channels": [list(range(users))]}


def chat(users: int, groups: int = 50, group_size: int = 50) -> dict[str, Any]:
    """groups x group_size members in group channels, the remaining users paired in direct channels."""
    grouped = min(users, groups * group_size)
    channels = [list(range(g * group_size, (g + 1) * group_size)) for g in range(grouped // group_size)]
    kinds = ["group"] * len(channels)
    for a in range(grouped, users - 1, 2):
        channels.append([a, a + 1])
        kinds.append("direct")
    return {"users": users, "channels": channels, "kinds": kinds}


def three_each(users: int, size: int = 100) -> dict[str, Any]:
    """Every user in exactly three channels of `size` members (three independent partitions)."""
    per = max(1, users // size)
    channels: list[list[int]] = [[] for _ in range(3 * per)]
    for i in range(users):
        channels[(i // size) % per].append(i)
        channels[per + (i % per)].append(i)
        channels[2 * per + ((i // size + i) % per)].append(i)
    return {"users": users, "channels": [c for c in channels if c]}


def groups_of(users: int, size: int) -> dict[str, Any]:
    return {"users": users, "channels": [list(range(s, min(users, s + size))) for s in range(0, users, size)]}


def user_channels(layout: dict[str, Any]) -> list[list[int]]:
    out: list[list[int]] = [[] for _ in range(layout["users"])]
    for ci, members in enumerate(layout["channels"]):
        for u in members:
            out[u].append(ci)
    return out


def reference_seed(layout: dict[str, Any]) -> dict[str, Any]:
    """Seed file for the reference servers: made-up tokens and channel ids, same membership."""
    return {"tokens": [f"ref-{i}" for i in range(layout["users"])],
            "channels": [{"id": f"c{ci}", "members": m} for ci, m in enumerate(layout["channels"])],
            "user_channels": user_channels(layout)}
