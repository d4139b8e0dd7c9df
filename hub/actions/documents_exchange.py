"""The province leg of 公文交换: receipts and returns go back through a signed outgoing webhook, as timers.

Each notice is a timer document (durable and leased, so nothing is lost across a restart and no two processes
post it at once); a failed post schedules the next attempt with exponential backoff. The receiver deduplicates
by `delivery_id`, since a process that dies after posting and before finishing its timer posts again."""

from __future__ import annotations

import hashlib
import hmac
import time
from datetime import timedelta
from typing import Any

import aiohttp
import orjson

from hub.actions.audit import do_audit
from hub.actions.integrations import sign
from hub.actions.timers import do_schedule_timer
from hub.context import Hub
from hub.models import Timer
from hub.models.documents import IncomingRecord, OfficialDocument

NOTICE_TIMER = "documents.province_notice"
MAX_ATTEMPTS = 12
BACKOFF_START = timedelta(seconds=30)
BACKOFF_MAX = timedelta(hours=2)


def exchange_secret(hub: Hub) -> str:
    """Derived from the server key, like the integration secrets; the province is told it once, out of band."""
    return hmac.new(hub.settings.secret_key.encode(), b"exchange:province:outgoing", hashlib.sha256).hexdigest()


async def queue_province_notice(hub: Hub, doc: OfficialDocument, record: IncomingRecord, kind: str,
                                reason: str | None) -> None:
    """Queue once per record and kind (the timer key), right after the receipt or return has committed."""
    delivery_id = f"{record.id}:{kind}"
    payload: dict[str, Any] = {
        "delivery_id": delivery_id, "kind": kind, "document_id": str(doc.id),
        "doc_number": doc.elements.doc_number, "title": doc.elements.title, "unit": record.unit_name,
        "by": record.signed_by_name, "at": hub.clock.now().isoformat(), "reason": reason,
        "content_hash": doc.content_hash,
    }
    await do_schedule_timer(hub, NOTICE_TIMER, f"{NOTICE_TIMER}:{delivery_id}:1", hub.clock.now(),
                            {"notice": payload, "attempt": 1})


async def _post(hub: Hub, url: str, notice: dict[str, Any]) -> bool:
    body = orjson.dumps(notice)
    stamp = str(int(time.time()))
    headers = {"Content-Type": "application/json", "X-Xietong-Timestamp": stamp,
               "X-Xietong-Signature": sign(exchange_secret(hub), stamp, body),
               "X-Xietong-Delivery": str(notice["delivery_id"])}
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as http, \
                http.post(url, data=body, headers=headers) as resp:
            return 200 <= resp.status < 300
    except (aiohttp.ClientError, TimeoutError, OSError):
        return False


async def notice_fired(hub: Hub, timer: Timer) -> None:
    """Post one notice; on failure schedule the next attempt (a new timer key per attempt)."""
    notice = dict(timer.payload["notice"])
    attempt = int(timer.payload["attempt"])
    url = hub.settings.province_exchange_url
    if url and await _post(hub, url, notice):
        await do_audit(hub, "document.exchange_delivered", actor=None, object_type="document",
                       object_id=notice["document_id"], detail={"delivery": notice["delivery_id"],
                                                                "attempt": attempt})
        return
    if attempt >= MAX_ATTEMPTS:
        await do_audit(hub, "document.exchange_failed", actor=None, object_type="document",
                       object_id=notice["document_id"], outcome="gave_up",
                       detail={"delivery": notice["delivery_id"], "attempts": attempt})
        return
    delay = min(BACKOFF_START * (2 ** (attempt - 1)), BACKOFF_MAX)
    await do_schedule_timer(hub, NOTICE_TIMER, f"{NOTICE_TIMER}:{notice['delivery_id']}:{attempt + 1}",
                            hub.clock.now() + delay, {"notice": notice, "attempt": attempt + 1})
