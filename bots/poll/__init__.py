"""The poll bot (投票): /poll "题目" 选项1 选项2 …"""

from bots.poll.bot import PollBot

__all__ = ["PollBot"]
