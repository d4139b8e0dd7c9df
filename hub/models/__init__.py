"""Beanie documents of the hub; ALL_MODELS is what init_beanie registers."""

from __future__ import annotations

from beanie import Document

from hub.models.admin import ImportBatch, SecurityPolicy
from hub.models.announcements import Announcement, AnnouncementReceipt
from hub.models.archive import ARCHIVE_MODELS
from hub.models.audit import AuditEntry
from hub.models.bots import BotAccount, BotJob, BotToken, BotValue, Integration, IntegrationReceipt
from hub.models.calendar import WorkdayOverride
from hub.models.cards import ActionRequest, Card, Delegation
from hub.models.channels import Channel, Subscription
from hub.models.contacts import ContactStar
from hub.models.docnumbers import NUMBER_MODELS
from hub.models.documents import DOCUMENT_MODELS
from hub.models.files import FilePosting, FileScopeUsage, StoredFile
from hub.models.infoshare import INFO_MODELS
from hub.models.library import LIBRARY_MODELS
from hub.models.licensing import LICENSING_MODELS
from hub.models.messages import Message
from hub.models.onboarding import TourState
from hub.models.org import Membership, Unit, User
from hub.models.outbox import OutboxEntry
from hub.models.prefs import ConversationPref
from hub.models.reminders import REMIND_MODELS
from hub.models.search import SearchPosting
from hub.models.security import AuditAggregate, AuditCheckpoint, ClassificationPolicy, LoginThrottle
from hub.models.sessions import AuthSession
from hub.models.targets import TARGET_MODELS
from hub.models.timers import Timer
from hub.workflow.documents import WORKFLOW_MODELS

ALL_MODELS: list[type[Document]] = [
    Unit, User, Membership, AuthSession, Channel, Subscription, Message, Card, ActionRequest, Delegation,
    AuditEntry, BotAccount, BotToken, BotJob, BotValue, Integration, IntegrationReceipt,
    OutboxEntry,
    LoginThrottle, ClassificationPolicy, AuditAggregate, AuditCheckpoint,
    SearchPosting,
]
ALL_MODELS += WORKFLOW_MODELS
ALL_MODELS += [WorkdayOverride, Timer]
ALL_MODELS += TARGET_MODELS
ALL_MODELS += INFO_MODELS
ALL_MODELS += NUMBER_MODELS
ALL_MODELS += ARCHIVE_MODELS
ALL_MODELS += [ContactStar]
ALL_MODELS += [StoredFile, FileScopeUsage, FilePosting]
ALL_MODELS += LICENSING_MODELS
ALL_MODELS += REMIND_MODELS
ALL_MODELS += [Announcement, AnnouncementReceipt, ConversationPref]

__all__ = [
    "ALL_MODELS", "ActionRequest", "AuditEntry", "AuthSession", "BotAccount", "BotJob", "BotToken", "BotValue",
    "Card", "Channel", "Delegation", "Integration", "IntegrationReceipt", "Membership", "Message", "OutboxEntry",
    "SearchPosting", "Subscription", "Unit", "User",
]
__all__ += ["Timer", "WorkdayOverride"]
ALL_MODELS += DOCUMENT_MODELS
__all__ += ["FilePosting", "FileScopeUsage", "StoredFile"]
__all__ += ["Announcement", "AnnouncementReceipt", "ConversationPref"]
ALL_MODELS += [SecurityPolicy, ImportBatch]
ALL_MODELS += LIBRARY_MODELS
ALL_MODELS += [TourState]
from hub.models.outgoing import OUTGOING_MODELS  # noqa: E402

ALL_MODELS += OUTGOING_MODELS
