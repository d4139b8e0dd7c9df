"""The webhook bot (通知助手): posts what a signed integration pushes in, and records decisions on its cards."""

from bots.webhook.bot import WebhookBot

__all__ = ["WebhookBot"]
