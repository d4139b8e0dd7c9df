"""Settings from the environment, prefix HUB_, through pydantic-settings."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything configurable about one hub process."""

    model_config = SettingsConfigDict(env_prefix="HUB_", extra="ignore")

    mongodb_url: str | None = None
    mongodb_db: str = "xietong"
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

    webclient_dir: str | None = Field(default=None, description="Built web client to serve at /")
    cors_origins: list[str] = Field(default_factory=list)
