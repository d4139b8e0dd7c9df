"""The poll bot: anyone in the channel votes and may change their vote; the creator closes it."""

from __future__ import annotations

import shlex
from typing import ClassVar

from bots.poll import cards
from bots.protocol import ActionEvent, Bot, BotAPI, BotError, CommandEvent, CommandSpec
from hub.cards import CardChange

MAX_OPTIONS = 10
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "＂": '"'})


def parse_poll(args: str) -> tuple[str, list[str]]:
    try:
        words = shlex.split(args.translate(_QUOTES))
    except ValueError:
        raise BotError('引号不成对。用法：/poll "题目" 选项1 选项2') from None
    if len(words) < 3:
        raise BotError('至少需要题目和两个选项。用法：/poll "题目" 选项1 选项2')
    title, options = words[0], list(dict.fromkeys(words[1:]))
    if len(options) < 2 or len(options) > MAX_OPTIONS:
        raise BotError(f"选项需要 2 到 {MAX_OPTIONS} 个，且不能重复")
    if len(title) > 100 or any(len(o) > 40 for o in options):
        raise BotError("题目最长 100 字，选项最长 40 字")
    return title, options


class PollBot(Bot):
    key: ClassVar[str] = "poll"
    name: ClassVar[str] = "投票助手"
    commands: ClassVar[list[CommandSpec]] = [
        CommandSpec(name="poll", description="发起投票", usage='/poll "题目" 选项1 选项2 …'),
    ]

    async def on_command(self, api: BotAPI, event: CommandEvent) -> str | None:
        title, options = parse_poll(event.args)
        await api.post_card(cards.new_poll(title, options, event.user.id, event.user.name),
                            channel_ids=[event.channel_id])
        return None

    async def on_action(self, api: BotAPI, event: ActionEvent) -> CardChange:
        context = dict(event.card.context)
        if context.get("closed"):
            raise BotError("投票已结束")
        if event.action_id == "close":
            return cards.after_close(event.card.title, context)
        if event.action_id.startswith("vote:"):
            choice = int(event.action_id.split(":", 1)[1])
            if not 0 <= choice < len(context["options"]):
                raise BotError("没有这个选项")
            context["votes"] = {**context["votes"], event.actor.id: choice}
            return cards.after_vote(event.card.title, context)
        raise BotError("未知操作")
