"""Durable time: timer documents fired exactly once across hub processes (see runner.py, hub/actions/timers.py)."""

from hub.scheduler.runner import Scheduler, TimerHandler, TimerRegistry

__all__ = ["Scheduler", "TimerHandler", "TimerRegistry"]
