"""Pure functions that build the poll card from its state."""

from __future__ import annotations

from typing import Any

from hub.cards import ActionRule, CardActionDef, CardChange, CardField, CardSpec, CardStatus

KIND = "poll"


def _bar(count: int, total: int) -> str:
    share = count / total if total else 0.0
    return f"{count} 票（{share:.0%}）"


def tally(options: list[str], votes: dict[str, int]) -> list[int]:
    counts = [0] * len(options)
    for choice in votes.values():
        if 0 <= choice < len(counts):
            counts[choice] += 1
    return counts


def _fields(options: list[str], votes: dict[str, int]) -> list[CardField]:
    counts = tally(options, votes)
    total = sum(counts)
    rows = [CardField(label=opt, value=_bar(n, total)) for opt, n in zip(options, counts, strict=True)]
    return [*rows, CardField(label="参与人数", value=str(total))]


def _actions(options: list[str], creator_id: str, closed: bool) -> list[CardActionDef]:
    if closed:
        return []
    votes = [CardActionDef(id=f"vote:{i}", label=opt, style="default", rule=ActionRule(anyone=True), exclusive=False)
             for i, opt in enumerate(options)]
    close = CardActionDef(id="close", label="结束投票", style="danger", confirm="结束后将不能再投票，确定结束吗？",
                          rule=ActionRule(users=[creator_id]), manage=True)
    return [*votes, close]


def _fallback(title: str, options: list[str], votes: dict[str, int], closed: bool) -> str:
    counts = tally(options, votes)
    lines = [f"【投票{'（已结束）' if closed else ''}】{title}"]
    lines += [f"{opt}：{n} 票" for opt, n in zip(options, counts, strict=True)]
    return "\n".join(lines)


def new_poll(title: str, options: list[str], creator_id: str, creator_name: str) -> CardSpec:
    context: dict[str, Any] = {"options": options, "votes": {}, "creator_id": creator_id, "closed": False}
    return CardSpec(
        kind=KIND, title=title, fields=_fields(options, {}),
        body=f"发起人：{creator_name}。可以改投，以最后一次为准。",
        status=CardStatus(code="open", label="进行中", tone="info"), actions=_actions(options, creator_id, False),
        context=context, fallback_text=_fallback(title, options, {}, False))


def after_vote(title: str, context: dict[str, Any]) -> CardChange:
    options, votes = context["options"], context["votes"]
    return CardChange(fields=_fields(options, votes), context=context,
                      fallback_text=_fallback(title, options, votes, False))


def after_close(title: str, context: dict[str, Any]) -> CardChange:
    """The timeline entry names who closed it; the text says what came of it."""
    options, votes = context["options"], context["votes"]
    counts = tally(options, votes)
    best = max(counts) if counts else 0
    winners = [o for o, n in zip(options, counts, strict=True) if n == best and best > 0]
    summary = f"结果：{'、'.join(winners)}" if winners else "无人投票"
    return CardChange(fields=_fields(options, votes), context={**context, "closed": True},
                      status=CardStatus(code="closed", label="已结束", tone="neutral"),
                      actions=_actions(options, context["creator_id"], True),
                      timeline=f"结束了投票。{summary}",
                      fallback_text=_fallback(title, options, votes, True))
