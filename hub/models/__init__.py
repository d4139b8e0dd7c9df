"""Beanie documents of the hub; ALL_MODELS is what init_beanie registers."""

from __future__ import annotations

from beanie import Document

from hub.models.channels import Channel, Subscription
from hub.models.messages import Message
from hub.models.org import Membership, Unit, User
from hub.models.sessions import AuthSession

ALL_MODELS: list[type[Document]] = [Unit, User, Membership, AuthSession, Channel, Subscription, Message]

__all__ = ["ALL_MODELS", "AuthSession", "Channel", "Membership", "Message", "Subscription", "Unit", "User"]
