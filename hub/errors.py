"""The one error type of the hub, with stable codes and bilingual messages."""

from __future__ import annotations

from typing import Any

# code -> (HTTP status, Chinese message, English message). Codes are a public contract: never rename.
ERRORS: dict[str, tuple[int, str, str]] = {
    "invalid_request": (400, "请求格式不正确", "The request is malformed"),
    "unauthenticated": (401, "请先登录", "Please log in first"),
    "bad_credentials": (401, "用户名或密码错误", "Wrong username or password"),
    "account_locked": (423, "账号已被锁定，请稍后再试", "The account is locked; try again later"),
    "account_disabled": (403, "账号已停用", "The account is disabled"),
    "session_expired": (401, "会话已过期，请重新登录", "The session has expired; please log in again"),
    "forbidden": (403, "无权执行此操作", "You are not allowed to do this"),
    "not_found": (404, "对象不存在或无权访问", "Not found"),
    "not_member": (403, "你不是该频道的成员", "You are not a member of this channel"),
    "message_too_long": (413, "消息过长", "The message is too long"),
    "empty_message": (400, "消息内容不能为空", "The message is empty"),
    "payload_too_large": (413, "请求内容过大", "The request body is too large"),
    "recall_expired": (409, "已超过可撤回时间（2分钟）", "Messages can only be recalled within 2 minutes"),
    "message_recalled": (409, "消息已撤回", "The message has been recalled"),
    "conflict": (409, "与现有数据冲突", "Conflicts with existing data"),
    "username_taken": (409, "用户名已存在", "The username is already taken"),
    "weak_password": (400, "密码至少需要8个字符", "The password needs at least 8 characters"),
    "admin_separation": (
        409,
        "三员分立：同一账号不能兼任多个管理员角色",
        "Separation of duties: one account cannot hold more than one administrator role",
    ),
    "unit_channel_managed": (
        409,
        "单位频道的成员由组织架构决定",
        "Members of a unit channel follow the org tree",
    ),
    "classified_content": (
        422,
        "内容含有涉密标识（秘密/机密/绝密）。根据《保密法》，涉密信息严禁在非涉密网络中传输，本系统仅可处理公开和内部（工作秘密）信息",
        "The content is marked as a state secret (秘密/机密/绝密). Under the Law on Guarding State Secrets, "
        "classified information must not travel on a non-classified network; this system carries only "
        "公开 (public) and 内部 (internal) content",
    ),
    "action_not_allowed": (403, "你无权执行此操作", "You are not allowed to take this action"),
    "stale_card": (409, "卡片已被他人处理", "Someone has already acted on this card"),
    "bot_failed": (502, "机器人处理失败，卡片未改变", "The bot failed; the card is unchanged"),
    "bot_timeout": (504, "机器人响应超时，卡片未改变", "The bot did not answer in time; the card is unchanged"),
    "bot_unavailable": (503, "机器人当前不在线", "The bot is not running"),
    "request_in_progress": (409, "相同请求正在处理中", "The same request is still being processed"),
    "unknown_command": (404, "没有这个命令", "No such command"),
    "bad_signature": (401, "签名无效", "The signature is invalid"),
    "stale_request": (401, "请求已过期（时间戳超过5分钟）", "The request timestamp is more than 5 minutes off"),
    "replayed_request": (409, "重复的请求已被拒绝", "This request was already received"),
    "internal": (500, "服务器内部错误", "Internal server error"),
}


class HubError(Exception):
    """A failure with a stable code, shown to users in Chinese and English."""

    def __init__(self, code: str, detail: str | None = None, **extra: Any) -> None:
        if code not in ERRORS:
            raise ValueError(f"unknown error code {code!r}")
        super().__init__(code if detail is None else f"{code}: {detail}")
        self.code = code
        self.detail = detail
        self.extra = extra

    @property
    def status(self) -> int:
        return ERRORS[self.code][0]

    def to_dict(self) -> dict[str, Any]:
        _, zh, en = ERRORS[self.code]
        body: dict[str, Any] = {"code": self.code, "message": zh, "message_en": en}
        if self.detail:
            body["detail"] = self.detail
        body.update(self.extra)
        return body
