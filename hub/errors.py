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
    # {window} and {window_en} come from the recall_window_seconds setting (hub/actions/messages.py).
    "recall_expired": (409, "已超过可撤回时间（{window}）", "Messages can only be recalled within {window_en}"),
    "message_recalled": (409, "消息已撤回", "The message has been recalled"),
    "conflict": (409, "与现有数据冲突", "Conflicts with existing data"),
    "already_archived": (409, "该文件已归档，不能重复归档", "This document has already been archived"),
    "not_closed": (409, "收文尚未办结，不能归档", "Only a closed (办结) incoming document can be archived"),
    "username_taken": (409, "用户名已存在", "The username is already taken"),
    "weak_password": (400, "密码不符合安全策略（长度或字符种类不足）",
                      "The password does not meet the security policy (too short or too few kinds of characters)"),
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
    "store_unavailable": (503, "数据库暂时不可用，未保存任何内容，请稍后重试",
                          "The store is unavailable; nothing was saved. Try again shortly"),
    "request_id_reused": (
        409,
        "该请求编号已用于另一张卡片、另一个流程或另一个操作，请使用新的请求编号",
        "This request_id was already used for another card, process or operation; use a new request_id",
    ),
    "client_msg_id_reused": (
        409,
        "该消息编号已在其他频道使用，请使用新的消息编号",
        "This client_msg_id was already used in another channel; use a new client_msg_id",
    ),
    "opinion_required": (400, "请填写意见", "An opinion is required"),
    "no_approver": (409, "该步骤没有可办理的人员，无法继续", "Nobody holds this step, so the process cannot continue"),
    "urge_too_soon": (429, "催办过于频繁，请稍后再试", "This was urged recently; try again later"),
    "stale_instance": (409, "流程已被他人处理", "Someone has already acted on this process"),
    "stale_version": (409, "文稿已被他人修改，请刷新后再改", "Someone saved a newer version; reload first"),
    "rate_limited": (429, "请求过于频繁，请稍后再试", "Too many failed requests; try again later"),
    "query_failed": (404, "办件编号或查询码不正确", "The case number or the query code is wrong"),
    "query_locked": (423, "查询码错误次数过多，该办件编号暂时锁定，请稍后再试",
                     "Too many wrong codes for this case number; it is locked for a while"),
    "cross_origin": (403, "拒绝来自其他网站的请求", "Requests from other sites are refused"),
    "file_empty": (400, "文件为空", "The file is empty"),
    "file_too_large": (413, "文件过大", "The file is too large"),
    "file_type_not_allowed": (415, "不支持的文件类型，仅允许 PDF、OFD、DOCX、XLSX、PNG、JPEG",
                              "This file type is not allowed; only PDF, OFD, DOCX, XLSX, PNG and JPEG are"),
    "file_name_invalid": (400, "文件名无效（不能包含路径或为空）",
                          "The file name is invalid (empty or has path parts)"),
    "folder_not_empty": (409, "文件夹不为空，请先移走或删除其中的内容", "The folder is not empty"),
    "folder_cycle": (409, "不能把文件夹移到它自己或它的子文件夹下", "A folder cannot move into itself or below itself"),
    "file_quota_exceeded": (413, "附件总大小超过上限", "The attachments together exceed the size allowed here"),
    "reminder_in_past": (400, "提醒时间须晚于现在", "The reminder time must be in the future"),
    "reminder_already_sent": (409, "提醒已发出，无法取消", "The reminder has already been sent"),
    "chase_forbidden": (403, "无权催办此事项", "You may not chase this item"),
    "unit_not_empty": (409, "该单位仍有人员或下级单位，不能撤销", "The unit still has members or sub-units"),
    "unsupported_file": (415, "文件类型不允许或文件无法读取", "This file type is not allowed or cannot be read"),
    "import_invalid": (422, "导入文件有错误行，未导入任何数据", "The file has rows with errors; nothing was imported"),
    "cannot_forward_card": (409, "卡片消息不能转发", "Card messages cannot be forwarded"),
    "cannot_react_card": (409, "卡片消息不能添加表情回应", "Card messages cannot take reactions"),
    "owner_must_transfer": (409, "群主需先转让群主身份才能退出群聊",
                            "The owner must hand the group to someone else before leaving"),
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
        if self.extra:
            # Messages may name the error's extra values ({window}); a name not given stays as written.
            values = _Keep({k: str(v) for k, v in self.extra.items()})
            try:
                zh, en = zh.format_map(values), en.format_map(values)
            except (ValueError, IndexError):
                pass  # a message with a literal brace is shown as written
        body: dict[str, Any] = {"code": self.code, "message": zh, "message_en": en}
        if self.detail:
            body["detail"] = self.detail
        body.update(self.extra)
        return body


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
