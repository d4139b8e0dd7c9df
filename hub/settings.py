"""Settings from the environment, prefix HUB_, through pydantic-settings."""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything configurable about one hub process."""

    model_config = SettingsConfigDict(env_prefix="HUB_", extra="ignore")

    # Where data lives: HUB_MONGODB_URL (production) wins; otherwise "embedded" starts a SecantusDB server as a
    # child process with its data under data_dir, and "memory" runs the throw-away in-process emulation.
    mongodb_url: str | None = None
    mongodb_db: str = "xietong"
    store: Literal["embedded", "memory"] = "embedded"
    data_dir: str = ".data"
    redis_url: str | None = None
    # Lets several hubs (or several tests) share one Redis without hearing each other.
    redis_prefix: str = "xietong:"
    host: str = "127.0.0.1"
    port: int = 8080
    secret_key: str = "dev-insecure-change-me"
    log_level: str = "INFO"

    session_ttl_hours: float = 12.0
    session_idle_minutes: float = 30.0
    login_max_failures: int = 5
    login_lock_minutes: float = 15.0
    cookie_secure: bool = False

    argon2_time_cost: int = 3
    argon2_memory_kib: int = 65536

    message_max_chars: int = 8000
    recall_window_seconds: int = 120
    history_page_max: int = 100
    catchup_max: int = 200
    max_body_bytes: int = 256 * 1024

    bot_timeout_seconds: float = 5.0
    # Bots run inside the hub; the rest are expected as `python -m bots` processes with a token.
    embedded_bots: list[str] = Field(default_factory=lambda: ["poll", "webhook"])
    # 公文交换 with the province: receipts and returns are posted here, signed (hub/actions/documents_exchange.py).
    province_exchange_url: str | None = None

    webclient_dir: str | None = Field(default=None, description="Built web client to serve at /")
    cors_origins: list[str] = Field(default_factory=list)

    # Durable time (hub/lib/workdays.py, hub/scheduler/). Office hours are Beijing wall-clock periods.
    office_hours: list[str] = Field(default_factory=lambda: ["09:00-12:00", "13:30-17:30"])
    calendar_refresh_seconds: float = 60.0
    # What `run --demo` loads: "full" is the demo city with every feature's examples; "org" only its units,
    # people and channels (the multi-process tests, which start many hubs on a slow store and need no more).
    demo_scope: Literal["full", "org"] = "full"
    # POST /api/v1/test/clock moves this hub's clock; only for test and demo servers, never production.
    test_clock: bool = False
    # How often the timer runner looks for timers that other processes scheduled.
    scheduler_poll_seconds: float = 1.0
    scheduler_lease_seconds: float = 60.0
    scheduler_batch: int = 50
    # A bot replica that claimed a job and did not answer within this long loses it to another replica.
    bot_job_lease_seconds: float = 30.0
    # Hardening (issue 11). Login: per (username, source) and per source limits, a growing delay per account.
    login_ip_max_failures: int = 30
    login_window_minutes: float = 15.0
    login_delay_base_seconds: float = 0.25
    login_delay_max_seconds: float = 8.0
    # Comma-separated addresses or networks of reverse proxies whose X-Forwarded-For/-Proto are believed.
    trusted_proxies: str = ""
    # JSON bodies: nesting deeper than this is refused at the edge (the encoders recurse).
    max_json_depth: int = 32
    # Audit: a signed checkpoint every N entries, also written to this directory (the anchor).
    audit_checkpoint_every: int = 100
    # Group commit: entries queued while one write is in flight go out together, up to this many per write
    # (1 writes each entry on its own, as before).
    audit_batch_max: int = Field(default=256, ge=1, le=10_000)
    # Unset: `audit-anchors` under data_dir, beside the embedded store (production: a separate volume).
    audit_anchor_dir: str | None = None
    audit_retention_days: int = Field(default=180, ge=180, description="等保: at least 180 days")
    # Failed unauthenticated writes (bad signatures) from one source per minute before it is refused outright.
    unauth_failures_per_minute: int = 60
    # The periodic sweep (outbox effects to retry, process cards behind their instance); 0 turns it off.
    outbox_sweep_seconds: float = 60.0
    # Files (hub/files): one upload's limit, and the default total per scope object (a channel, a document).
    file_max_bytes: int = 50 * 1024 * 1024
    file_scope_max_bytes: int = 2 * 1024 * 1024 * 1024
    # 共享文件库: the total bytes of one unit's library (every folder's entries together).
    library_unit_max_bytes: int = 1024 * 1024 * 1024
    # Text extraction for search stops at this many characters per file.
    file_text_max_chars: int = 200_000
    # Files up to this size have their text extracted during the upload, so a 密级 marking in them is refused
    # before anything is stored; larger ones (or slower ones) are read by the timer and withheld if marked.
    file_inline_text_bytes: int = 5 * 1024 * 1024
    file_inline_text_seconds: float = 5.0
    # 行政审批: the 办件编号 template ({region} {year} {matter} {seq}) and the region code it starts with.
    licensing_number_template: str = "{region}{year}{matter}{seq:06d}"
    licensing_region_code: str = Field(default="620400", pattern=r"^[0-9]{6}$")
    # The public /query page: requests per minute per address and per 办件编号, and the lock after wrong codes.
    query_per_ip_per_minute: int = 30
    query_per_case_per_minute: int = 10
    query_max_wrong_codes: int = 5
    query_lock_minutes: float = 30.0
    # The 政务服务中心 (unit code) whose window clerks enter applications for every 实施机关.
    licensing_hall_unit: str = "zwfw"
    # The 08:30 daily digest of pending items (hub/actions/digest.py); tests that are not about it turn it off.
    daily_digest: bool = True
    # The security policy (issue 17): the 安全保密管理员 edits these in the console; the stored policy document
    # (hub/actions/security_policy.py) then overrides these start values on every process without a restart.
    password_min_length: int = 8
    # How many of the four kinds (lower case, upper case, digits, symbols) a password must mix.
    password_classes: int = 1
    upload_max_mb: float = 20.0
    upload_types: list[str] = Field(default_factory=lambda: ["pdf", "ofd", "docx", "xlsx", "jpg", "png"])
