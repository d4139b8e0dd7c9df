"""Beanie documents of the hub; ALL_MODELS is what init_beanie registers."""

from __future__ import annotations

from beanie import Document

from hub.models.audit import AuditEntry
from hub.models.bots import BotAccount, BotJob, BotToken, BotValue, Integration, IntegrationReceipt
from hub.models.cards import ActionRequest, Card, Delegation
from hub.models.channels import Channel, Subscription
from hub.models.messages import Message
from hub.models.org import Membership, Unit, User
from hub.models.sessions import AuthSession

ALL_MODELS: list[type[Document]] = [
    Unit, User, Membership, AuthSession, Channel, Subscription, Message, Card, ActionRequest, Delegation,
    AuditEntry, BotAccount, BotToken, BotJob, BotValue, Integration, IntegrationReceipt,
]

__all__ = [
    "ALL_MODELS", "ActionRequest", "AuditEntry", "AuthSession", "BotAccount", "BotJob", "BotToken", "BotValue",
    "Card", "Channel", "Delegation", "Integration", "IntegrationReceipt", "Membership", "Message",
    "Subscription", "Unit", "User",
]
