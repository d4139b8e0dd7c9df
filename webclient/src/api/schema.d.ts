// Generated from the hub's OpenAPI document by `npm run api:types`; do not edit.
export interface paths {
    "/api/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first: by actor, action (or 'prefix.'), object, outcome, time range, or what one administrator role did (audit_admin) */
        get: operations["admin_audit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The filtered entries as CSV or XLSX, oldest first (audit_admin) */
        get: operations["admin_audit_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the whole hash chain and its anchors (audit_admin) */
        get: operations["admin_audit_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/bots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bot accounts and how many live tokens each has (sys_admin) */
        get: operations["admin_bots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/bots/{key}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a token for a bot process, shown once (sys_admin) */
        post: operations["admin_issue_token"];
        /** Revoke every token of a bot (sys_admin) */
        delete: operations["admin_revoke_tokens"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/calendar/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dates made working days or holidays by hand (sys_admin) */
        get: operations["list_overrides"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/calendar/overrides/{day}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Make a date a working day or a holiday (sys_admin) */
        put: operations["set_override"];
        post?: never;
        /** Remove a date's override (sys_admin) */
        delete: operations["remove_override"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/calendar/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Working-day calendar: covered years and warnings (sys_admin) */
        get: operations["calendar_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/definitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every published version of every process definition (sys_admin) */
        get: operations["admin_definitions"];
        put?: never;
        /** Publish a process definition (JSON as in hub/workflow/definitions/); a new version unless it equals the latest, running instances keep theirs (sys_admin) */
        post: operations["admin_publish_definition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/definitions/shipped": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the shipped definitions; a new version only where they changed (sys_admin) */
        post: operations["admin_load_shipped"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload an XLSX (the raw file as the body): every row validated, a preview with an error report; nothing is created yet (sys_admin) */
        post: operations["admin_import_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/import/{batch_id}/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create everything in a previewed file, only if every row is valid; applying again changes nothing (sys_admin) */
        post: operations["admin_import_apply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/import/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The XLSX template for importing units and people (sys_admin) */
        get: operations["admin_import_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/integrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incoming integrations (sys_admin) */
        get: operations["admin_integrations"];
        put?: never;
        /** Create an integration; its secret is shown once (sys_admin) */
        post: operations["admin_create_integration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/integrations/{key}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new secret for an integration, shown once; the old one stops working (sys_admin) */
        post: operations["admin_rotate_integration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/security/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts and their roles (sec_admin) */
        get: operations["sec_accounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/security/accounts/{user_id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set an account's roles, the three administrator roles included (never two to one account); ends its sessions (sec_admin) */
        put: operations["sec_set_roles"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/security/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The security policy in force: passwords, lockout, sessions, uploads (sec_admin) */
        get: operations["sec_policy"];
        /** Replace the security policy; every hub process applies it within seconds, without a restart (sec_admin) */
        put: operations["sec_put_policy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/supervision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 分管: which leader is in charge of which units (sys_admin) */
        get: operations["admin_supervision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/supervision/{leader_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the units a leader is in charge of; empty clears (sys_admin) */
        put: operations["admin_set_supervision"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every unit, retired ones included (sys_admin) */
        get: operations["admin_units"];
        put?: never;
        /** Create a unit (sys_admin) */
        post: operations["admin_create_unit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/units/{unit_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename or move a unit (sys_admin) */
        patch: operations["admin_update_unit"];
        trace?: never;
    };
    "/api/v1/admin/units/{unit_id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire (撤销) an empty unit (sys_admin) */
        post: operations["admin_retire_unit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People, disabled ones included, with their seats (sys_admin) */
        get: operations["admin_users"];
        put?: never;
        /** Add a person (sys_admin; administrator roles are the 安全保密管理员's) */
        post: operations["admin_create_user"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a person's name (sys_admin) */
        patch: operations["admin_update_user"];
        trace?: never;
    };
    "/api/v1/admin/users/{user_id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable an account at once (sys_admin) */
        post: operations["admin_disable_user"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{user_id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable an account and clear its lockout (sys_admin) */
        post: operations["admin_enable_user"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{user_id}/memberships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a person a seat (岗位, 职务) in a unit (sys_admin) */
        post: operations["admin_add_membership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{user_id}/memberships/{unit_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a person's seat in a unit (sys_admin) */
        delete: operations["admin_remove_membership"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{user_id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset a password; ends the person's sessions (sys_admin) */
        post: operations["admin_reset_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My announcements: box=inbox (to me, newest first) or sent (by me) */
        get: operations["announcement_list_mine"];
        put?: never;
        /** Publish an announcement now or at publish_at (公告/通知, 群公告) */
        post: operations["announcement_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements/{announcement_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One announcement (recipients and its publisher) */
        get: operations["announcement_get_one"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements/{announcement_id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 确认收到 (counted once) */
        post: operations["announcement_confirm_one"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements/{announcement_id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that I opened it (counted once) */
        post: operations["announcement_open_one"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements/{announcement_id}/pin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pin or unpin it in its channels (the publisher) */
        post: operations["announcement_pin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements/{announcement_id}/recall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回 (the publisher): it vanishes for readers */
        post: operations["announcement_recall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements/{announcement_id}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The publisher's receipt board: read rate per unit, who has not read or confirmed */
        get: operations["announcement_board"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/archive/export.zip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The archive of a unit and year: 版式 files, one metadata JSON per 件 and 归档目录.xlsx */
        get: operations["archive_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/archive/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 归档目录 of a unit and year in 档号 order, optionally searched */
        get: operations["archive_catalogue"];
        put?: never;
        /** 归档: file a 办结 收文 (kind incoming) or a sent 发文 (kind outgoing) as one 件 with its 档号 and stamped 版式 file; once per document, never undone */
        post: operations["archive_file_item"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/archive/items/{item_id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A 件's 版式 file (PDF with the 归档章) */
        get: operations["archive_item_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/archive/pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 待归档: the unit's 办结 收文 and sent 发文 not yet filed */
        get: operations["archive_pending"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/archive/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the unit's 全宗号 (as the 档案馆 assigned it) */
        put: operations["archive_set_fonds"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log (安全审计员 only), newest first, with filters */
        get: operations["audit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bot/cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bot: post a card */
        post: operations["post_card"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bot/cards/{card_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Bot: update one of its own cards */
        patch: operations["update_card"];
        trace?: never;
    };
    "/api/v1/bot/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bot: post a message to channels it is in, or to users directly */
        post: operations["post_message"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bot/storage/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bot: read a value from its storage */
        get: operations["storage_get"];
        /** Bot: write a value to its storage */
        put: operations["storage_set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{card_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A card with its timeline and the buttons you may press */
        get: operations["get_card"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{card_id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Press a button; the same request_id twice acts once */
        post: operations["act"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My channels, with unread counts */
        get: operations["channels"];
        put?: never;
        /** Create an ad-hoc channel and invite members */
        post: operations["create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channel_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One channel */
        get: operations["get"];
        put?: never;
        post?: never;
        /** Dissolve a group (群主 only): every membership ends */
        delete: operations["dissolve"];
        options?: never;
        head?: never;
        /** Rename a group (群主 or admin) */
        patch: operations["rename"];
        trace?: never;
    };
    "/api/v1/channels/{channel_id}/admins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a member an admin, or not (群主 only) */
        post: operations["set_admin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channel_id}/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a slash command in a channel */
        post: operations["run_command"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channel_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of a channel */
        get: operations["members"];
        put?: never;
        /** Invite people to an ad-hoc channel */
        post: operations["add_members"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channel_id}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Leave (the 群主 must hand over first), or (群主/admin) remove a member */
        delete: operations["remove_member"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channel_id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** History, paged by sequence number */
        get: operations["list_messages"];
        put?: never;
        /** Send; a repeated client_msg_id returns the original */
        post: operations["send"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channel_id}/owner": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand the group to another member (群主 only) */
        post: operations["transfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channel_id}/pinned": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The channel's 置顶 area: its pinned announcements */
        get: operations["channel_pinned"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channel_id}/prefs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set 免打扰 (muted) or 置顶 (pinned) on a conversation of mine */
        put: operations["set_conversation_prefs"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channel_id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark read up to a sequence number */
        post: operations["mark_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channel_id}/read-positions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How far each member has read (read receipts) */
        get: operations["positions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channel_id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The group's 群主 and admins */
        get: operations["roles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/direct": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open (or create) the direct conversation with a person */
        post: operations["direct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messaging limits: the recall (撤回) window, the longest message */
        get: operations["chat_settings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Slash commands the composer can suggest */
        get: operations["commands"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/starred": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My starred contacts (常用联系人) */
        get: operations["list_starred"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/starred/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Star or unstar a contact */
        put: operations["star"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/definitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Processes one can start (latest version of each) */
        get: operations["list_definitions"];
        put?: never;
        /** Publish a new version of a definition (系统管理员 only) */
        post: operations["publish_definition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/definitions/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest version of one definition, with its form schema */
        get: operations["get_definition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/delegations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delegations you gave or received */
        get: operations["delegations"];
        put?: never;
        /** Name a delegate (代理) for a period */
        post: operations["delegate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/delegations/{delegation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End a delegation early */
        delete: operations["revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/doc-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 编号: the next 发文字号 for a document (the unit's 文书; once per document) */
        post: operations["allocate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/doc-numbers/{number_id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a reserved number to a document */
        post: operations["assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/doc-numbers/{number_id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 作废 a number, with the reason (it stays in the register) */
        post: operations["void"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/doc-numbers/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The register of one sequence, gaps explained */
        get: operations["number_register"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/doc-numbers/register.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 发文登记簿 of one sequence as an Excel workbook, gaps with their reasons */
        get: operations["docnumbers_register_xlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/doc-numbers/reserve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 预留: take the next number now, with a reason */
        post: operations["reserve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/doc-numbers/sequences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 发文字号 sequences (代字, year) of the units the clerk numbers for */
        get: operations["docnumbers_sequences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Documents I sent, or my unit sent (for its clerk, office director, leaders), newest first, with tracking counts */
        get: operations["list_sent"];
        put?: never;
        /** Send a 公文 to units (公文交换): one 收文 record and process per recipient unit; the same request_id sends it once */
        post: operations["send_document"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/{document_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A document with its elements, the records you may see (flow, trail, your buttons) and receipts; a 传阅 reader opening it is marked opened */
        get: operations["get_document"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/{document_id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a file (附件; multipart with one part named file), by the person who sent the document until a recipient signs; within a per-document total */
        post: operations["attach"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/{document_id}/tracking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sender's view: per recipient unit signed (who, when), not yet, or returned (reason) */
        get: operations["get_tracking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/{document_id}/urge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 一键催办: chase every unit that has not signed (each at most every 30 minutes) */
        post: operations["urge_unsigned"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duban": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 督办 items I follow (scope=following) or my units host (scope=hosting), red first */
        get: operations["get_duban_list"];
        put?: never;
        /** Open a 督办 item (leaders and the office): 主办 unit, deadline, optionally from a card */
        post: operations["open_duban"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duban/{item_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One 督办 item with its stage, light and progress reports */
        get: operations["get_duban"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duban/{item_id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report progress (the 主办 unit), once per request_id */
        post: operations["report_progress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The files attached to one object */
        get: operations["listing"];
        put?: never;
        /** Upload a file (multipart: scope_kind, scope_id, then file), streamed */
        post: operations["upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{file_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file's metadata */
        get: operations["metadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{file_id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a file (as an attachment) */
        get: operations["content"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{file_id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show a PDF or an image inline (other kinds: not_found) */
        get: operations["preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incoming": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 收文箱: box=pending 待签收, handling 办理中, done 已办结, circulated 传阅给我; filters by 紧急程度, 文种, sender */
        get: operations["get_incoming"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incoming-register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The clerk's 收文登记簿 for a year */
        get: operations["get_register"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incoming-register.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 收文登记簿 as an Excel workbook */
        get: operations["get_register_xlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incoming/{record_id}/receipt.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 签收回执 (or 退回 record) of one unit as PDF */
        get: operations["get_receipt_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incoming/{record_id}/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Press a 收文 button: sign, return, register, review, propose, instruct, handle, reply, read, recall, finish_circulation, close, archive */
        post: operations["post_step"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/info/issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The issues of 《白银信息》, newest first */
        get: operations["list_issues"];
        put?: never;
        /** Compile adopted items into the next issue and send it (office) */
        post: operations["compile_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/info/issues/{issue_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One issue of 《白银信息》 */
        get: operations["get_issue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/info/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 政务信息: mine, my unit's, waiting for 采用 (office), or adopted (office) */
        get: operations["list_items"];
        put?: never;
        /** Submit a 政务信息 item on behalf of my unit */
        post: operations["submit_item"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/info/items/{item_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One 政务信息 item */
        get: operations["get_item"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/info/items/{item_id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 采用 (市级 or 报省) or 退回 an item (office) */
        post: operations["decide_item"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/info/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per department: submitted, adopted, 报省, returned and score */
        get: operations["info_stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/info/subscription": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Receive each new issue of 《白银信息》, or stop */
        put: operations["set_subscription"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a process with its form; the same request_id starts it once */
        post: operations["start_instance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instances/{instance_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A process with its steps, holders, trail and what you may do */
        get: operations["get_instance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instances/{instance_id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Act: approve, reject, add_sign, transfer, return, withdraw, retrieve, cc, urge, void */
        post: operations["act_on_instance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instances/{instance_id}/chase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 催办 the current step's holders (initiator, their head or 分管领导, the office director), once per holder per 30 minutes */
        post: operations["chase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/{key}/incoming": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Signed push from an external system: X-Xietong-Timestamp, X-Xietong-Signature */
        post: operations["incoming"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/{key}/licensing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 政务大厅 pushes an application, signed like every incoming integration; answers the 受理回执 */
        post: operations["hall_intake"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My units' libraries and the folders shared with me */
        get: operations["library_get_index"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/entries/{entry_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an entry and its file */
        delete: operations["library_delete_entry"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/entries/{entry_id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an entry to another folder of its library */
        post: operations["library_move_entry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/entries/{entry_id}/rename": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rename an entry (its title and file name) */
        post: operations["library_rename_entry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/folders/{folder_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A folder's entries and subfolders */
        get: operations["library_get_folder"];
        put?: never;
        post?: never;
        /** Delete an empty folder */
        delete: operations["library_delete_folder"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/folders/{folder_id}/file-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 归入文件库: file a published announcement's attachments or a 公文's files */
        post: operations["library_file_in"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/folders/{folder_id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a file into a folder (multipart: file) */
        post: operations["library_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/folders/{folder_id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a folder within its library */
        post: operations["library_move_folder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/folders/{folder_id}/rename": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rename a folder */
        post: operations["library_rename_folder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/folders/{folder_id}/share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Share a folder read-only (units, or 全市共享) */
        put: operations["library_share_folder"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/units/{unit_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One unit's library: folders, usage, rights */
        get: operations["library_get_unit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/units/{unit_id}/editors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The unit head names the library's editors */
        put: operations["library_set_editors"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/library/units/{unit_id}/folders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a folder */
        post: operations["library_create_folder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licensing/cards/{card_id}/duban": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A leader turns a yellow or red 电子监察 card into a 督办 item (once per card) */
        post: operations["licensing_card_duban"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licensing/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases the user may see, filtered for the dashboard's drill-down */
        get: operations["list_cases"];
        put?: never;
        /** A window clerk enters an application: the 受理回执 with the query code */
        post: operations["submit_case"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licensing/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case, for staff of its department and its leaders */
        get: operations["get_case"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licensing/cases/{id}/act": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 受理, 补正, 不予受理, 意见, 暂停/恢复计时, 延期, 决定 or 送达 */
        post: operations["act_case"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licensing/counters/rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recount the 审批动态 counters from every case (系统管理员; while no one acts on cases) */
        post: operations["licensing_rebuild_counters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licensing/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审批动态: figures per department and per 事项, weekly trend */
        get: operations["get_dashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licensing/dashboard.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审批动态 as an Excel workbook */
        get: operations["export_dashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licensing/followups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 差评 follow-ups still open, for the department and leaders */
        get: operations["list_follow_ups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licensing/followups/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record how a 差评 was answered */
        post: operations["close_follow_up"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licensing/matters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 事项 catalogue */
        get: operations["list_matters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/conversation-prefs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My 免打扰 and 置顶 settings, per conversation */
        get: operations["my_conversation_prefs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My role's guided tour, whether it is due, and the tours I have seen */
        get: operations["onboarding_my_tours"];
        put?: never;
        /** Record a tour as completed or skipped at the version shown */
        post: operations["onboarding_record_tour"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{message_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit your own message */
        patch: operations["edit"];
        trace?: never;
    };
    "/api/v1/messages/{message_id}/reactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set or clear your reaction (👍 ✅ 😄 🙏 👏 ❤️) */
        post: operations["react"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{message_id}/reads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who has read a message and who has not */
        get: operations["reads"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{message_id}/recall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recall (撤回) your own message within the recall window */
        post: operations["recall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/forward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forward messages you can read to a conversation you are in */
        post: operations["forward"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outgoing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 发文: drafts I wrote, my unit's (leaders and clerks), and those with a step of mine; box=todo only those waiting for me */
        get: operations["outgoing_list"];
        put?: never;
        /** 拟稿: create a 发文稿 (version 1) and start its 发文 process at 核稿; the same request_id creates it once */
        post: operations["outgoing_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outgoing-preview.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The live preview of a draft not saved yet (the 拟稿 page) */
        post: operations["outgoing_new_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outgoing/{draft_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A 发文稿 with its newest version, flow, 会签 opinions and my buttons */
        get: operations["outgoing_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Save a new version (the drafter, 核稿, or the clerk at 编号/复核); refused with stale_version unless base_version is the newest */
        patch: operations["outgoing_edit"];
        trace?: never;
    };
    "/api/v1/outgoing/{draft_id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A readable line diff between two versions (from_version, to_version) */
        get: operations["outgoing_diff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outgoing/{draft_id}/preview.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The GB/T 9704 layout of a saved version as PDF (a preview: the 文号 is blank until 编号) */
        get: operations["outgoing_preview"];
        put?: never;
        /** The live preview: unsaved content laid out as PDF */
        post: operations["outgoing_live_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outgoing/{draft_id}/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Press a 发文 button: review, countersign, sign, number, recheck, seal, distribute, return (to the drafter), resubmit */
        post: operations["outgoing_step"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outgoing/{draft_id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every saved version (留痕), oldest first */
        get: operations["outgoing_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/classification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 密级 policy: levels refused and words allowed */
        get: operations["get_policy"];
        /** Replace the 密级 policy (audited) */
        put: operations["put_policy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/licensing/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Public: a case by its number and query code (no account) */
        post: operations["public_query"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/licensing/rate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Public: 好差评 of a finished case, once */
        post: operations["public_rate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My reminders (status=pending by default, soonest first) */
        get: operations["get_reminders"];
        put?: never;
        /** Remind me about a message, card, task or process (quick choice or a time); the same request_id sets it once */
        post: operations["set_reminder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reminders/{reminder_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Cancel a pending reminder: it will never fire */
        delete: operations["cancel_reminder"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search messages (of your channels), people and units; results grouped by kind */
        get: operations["search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with username and password */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log out: revoke this session and close its sockets */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged-in user */
        get: operations["me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/me/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set my own office phone, mobile and room */
        put: operations["set_my_contact"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Targets this person may see (目标管理), with lights */
        get: operations["list_targets"];
        put?: never;
        /** Set a yearly target (市委/市政府 office) */
        post: operations["create_target"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets/{target_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One target with its milestones, reports and history */
        get: operations["get_target"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets/{target_id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 销号: close a target that is done */
        post: operations["close_target"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets/{target_id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report progress (主责 and 配合 units) */
        post: operations["report_target_progress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The target board: per 主责 unit, counts by light */
        get: operations["target_board"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The year's targets as an Excel workbook */
        get: operations["export_targets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets/reports/{report_id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 复核 a progress report: accept or return */
        post: operations["review_report"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My 工作台: box=pending 待办, done 已办, started 我发起的, cc 抄送我的; with counts */
        get: operations["get_tasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve, reject or transfer several processes at once; each item has its own request_id and its own result */
        post: operations["batch_act"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/test/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the hub clock forward (only with HUB_TEST_CLOCK=true) */
        post: operations["advance_clock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The org tree, as a flat list with parent ids */
        get: operations["units"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{unit_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People in a unit */
        get: operations["unit_members"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search people by name, pinyin or initials */
        get: operations["users"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person's profile */
        get: operations["user"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's office phone, room and mobile (masked unless allowed) */
        get: operations["get_contact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}/supervision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The units a leader is in charge of (分管) */
        get: operations["get_supervision"];
        /** Set the units a leader is in charge of (系统管理员 only) */
        put: operations["set_supervision"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** State of the store and of Redis */
        get: operations["healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** AccountList */
        AccountList: {
            /** Users */
            users: components["schemas"]["UserOut"][];
        };
        /** ActIn */
        ActIn: {
            /**
             * Op
             * @enum {string}
             */
            op: "approve" | "reject" | "add_sign" | "transfer" | "return" | "withdraw" | "retrieve" | "cc" | "urge" | "void";
            /**
             * Opinion
             * @default null
             */
            opinion: string | null;
            /**
             * Position
             * @default null
             */
            position: ("before" | "after" | "parallel") | null;
            /** Request Id */
            request_id: string;
            /**
             * Target
             * @default null
             */
            target: string | null;
            /** Users */
            users?: string[];
            /**
             * Version
             * @description the instance version the person saw
             * @default null
             */
            version: number | null;
        };
        /**
         * ActionInput
         * @description What a button asks for before it acts: nothing, a comment, or one of several choices.
         */
        "ActionInput-Input": {
            /**
             * Kind
             * @default none
             * @enum {string}
             */
            kind: "none" | "comment" | "choice";
            /**
             * Label
             * @default null
             */
            label: string | null;
            /** Options */
            options?: string[];
            /**
             * Required
             * @default false
             */
            required: boolean;
        };
        /**
         * ActionInput
         * @description What a button asks for before it acts: nothing, a comment, or one of several choices.
         */
        "ActionInput-Output": {
            /**
             * Kind
             * @default none
             * @enum {string}
             */
            kind: "none" | "comment" | "choice";
            /**
             * Label
             * @default null
             */
            label: string | null;
            /** Options */
            options: string[];
            /**
             * Required
             * @default false
             */
            required: boolean;
        };
        /**
         * ActionRule
         * @description Who may press a button. Empty means nobody; anyone means anyone who can see the card.
         */
        ActionRule: {
            /**
             * Anyone
             * @default false
             */
            anyone: boolean;
            /** Positions */
            positions?: components["schemas"]["PositionRule"][];
            /** Roles */
            roles?: string[];
            /** Users */
            users?: string[];
        };
        /** ActOut */
        ActOut: {
            instance: components["schemas"]["InstanceOut"];
        };
        /** AdminAuditList */
        AdminAuditList: {
            /** Chain Ok */
            chain_ok: boolean;
            /** Entries */
            entries: components["schemas"]["AuditEntryOut"][];
        };
        /** AdminDefinitionList */
        AdminDefinitionList: {
            /** Definitions */
            definitions: components["schemas"]["AdminDefinitionOut"][];
        };
        /** AdminDefinitionOut */
        AdminDefinitionOut: {
            /** Key */
            key: string;
            /** Name */
            name: string;
            /**
             * Published At
             * Format: date-time
             */
            published_at: string;
            /** Published By */
            published_by: string | null;
            /** Version */
            version: number;
        };
        /** AdminIn */
        AdminIn: {
            /** Admin */
            admin: boolean;
            /** User Id */
            user_id: string;
        };
        /** AdminSupervisionIn */
        AdminSupervisionIn: {
            /** Unit Ids */
            unit_ids: string[];
        };
        /** AdminSupervisionList */
        AdminSupervisionList: {
            /** Supervision */
            supervision: components["schemas"]["AdminSupervisionOut"][];
        };
        /** AdminSupervisionOut */
        AdminSupervisionOut: {
            /** Leader Id */
            leader_id: string;
            /** Leader Name */
            leader_name: string;
            /** Unit Ids */
            unit_ids: string[];
        };
        /** AdminUnitList */
        AdminUnitList: {
            /** Units */
            units: components["schemas"]["AdminUnitOut"][];
        };
        /** AdminUnitOut */
        AdminUnitOut: {
            /**
             * Channel Id
             * @default null
             */
            channel_id: string | null;
            /** Code */
            code: string;
            /** External */
            external: boolean;
            /** Id */
            id: string;
            /** Kind */
            kind: string;
            /** Name */
            name: string;
            /** Order */
            order: number;
            /** Parent Id */
            parent_id: string | null;
            /** Retired */
            retired: boolean;
            /** Short Name */
            short_name: string;
        };
        /** AdminUserList */
        AdminUserList: {
            /** Users */
            users: components["schemas"]["UserOut"][];
        };
        /** AllocateIn */
        AllocateIn: {
            /** Code */
            code: string;
            /** Document Id */
            document_id: string;
            /** Request Id */
            request_id: string;
            /** Unit Id */
            unit_id: string;
            /** Year */
            year: number;
        };
        /**
         * AnnouncementIn
         * @description Publish now (publish_at absent or past) or at publish_at. request_id makes a repeated send harmless.
         *     Address org subtrees, named units and named people together, or one ad-hoc group alone (群公告).
         */
        AnnouncementIn: {
            /** Body */
            body: string;
            /**
             * Chase Interval Minutes
             * @default 60
             */
            chase_interval_minutes: number;
            /**
             * Chase Max
             * @default 0
             */
            chase_max: number;
            /** File Ids */
            file_ids?: string[];
            /**
             * Group Channel Id
             * @default null
             */
            group_channel_id: string | null;
            /**
             * Pinned
             * @default true
             */
            pinned: boolean;
            /**
             * Publish At
             * @default null
             */
            publish_at: string | null;
            /** Request Id */
            request_id: string;
            /** Subtree Unit Ids */
            subtree_unit_ids?: string[];
            /** Title */
            title: string;
            /** Unit Ids */
            unit_ids?: string[];
            /**
             * Urgent
             * @default false
             */
            urgent: boolean;
            /**
             * Urgent After Minutes
             * @default 30
             */
            urgent_after_minutes: number;
            /** User Ids */
            user_ids?: string[];
        };
        /** AnnouncementList */
        AnnouncementList: {
            /** Announcements */
            announcements: components["schemas"]["AnnouncementOut"][];
        };
        /** AnnouncementOut */
        AnnouncementOut: {
            /** Body */
            body: string;
            /** Chase Interval Minutes */
            chase_interval_minutes: number;
            /** Chase Max */
            chase_max: number;
            /** Confirmed */
            confirmed: number;
            /** File Ids */
            file_ids: string[];
            /** Group Channel Id */
            group_channel_id: string | null;
            /** Id */
            id: string;
            /**
             * Is Publisher
             * @default false
             */
            is_publisher: boolean;
            /** @default null */
            mine: components["schemas"]["ReceiptState"] | null;
            /** Opened */
            opened: number;
            /** Pinned */
            pinned: boolean;
            /**
             * Publish At
             * Format: date-time
             */
            publish_at: string;
            /** Published At */
            published_at: string | null;
            /** Publisher Id */
            publisher_id: string;
            /** Publisher Name */
            publisher_name: string;
            /** Recalled At */
            recalled_at: string | null;
            /** Recipients */
            recipients: number;
            /**
             * Status
             * @enum {string}
             */
            status: "scheduled" | "published" | "recalled";
            /** Title */
            title: string;
            /** Unit Ids */
            unit_ids: string[];
            /** Urgent */
            urgent: boolean;
            /** Urgent After Minutes */
            urgent_after_minutes: number;
        };
        /**
         * Applicant
         * @description Kept minimal: who applies and how to reach them, nothing else.
         */
        Applicant: {
            /**
             * Kind
             * @enum {string}
             */
            kind: "enterprise" | "citizen";
            /** Name */
            name: string;
            /** Phone */
            phone: string;
        };
        /**
         * ApplicationIn
         * @description An application from a window clerk or the 政务大厅's system.
         */
        ApplicationIn: {
            applicant: components["schemas"]["Applicant"];
            /** Materials */
            materials?: string[];
            /** Matter Key */
            matter_key: string;
        };
        /**
         * Approvers
         * @description Who acts on a step; a step may list several rules, their people are merged in order.
         */
        "Approvers-Input": {
            /**
             * Kind
             * @enum {string}
             */
            kind: "users" | "role" | "unit_head" | "position" | "initiator_unit_head" | "initiator_unit_supervisor" | "chosen";
            /**
             * Position
             * @description position: the 岗位 name inside the unit
             * @default null
             */
            position: string | null;
            /**
             * Role
             * @description role: e.g. sys_admin, leader
             * @default null
             */
            role: string | null;
            /**
             * Unit
             * @description unit_head, position: the unit's code
             * @default null
             */
            unit: string | null;
            /**
             * Users
             * @description users: usernames
             */
            users?: string[];
        };
        /**
         * Approvers
         * @description Who acts on a step; a step may list several rules, their people are merged in order.
         */
        "Approvers-Output": {
            /**
             * Kind
             * @enum {string}
             */
            kind: "users" | "role" | "unit_head" | "position" | "initiator_unit_head" | "initiator_unit_supervisor" | "chosen";
            /**
             * Position
             * @description position: the 岗位 name inside the unit
             * @default null
             */
            position: string | null;
            /**
             * Role
             * @description role: e.g. sys_admin, leader
             * @default null
             */
            role: string | null;
            /**
             * Unit
             * @description unit_head, position: the unit's code
             * @default null
             */
            unit: string | null;
            /**
             * Users
             * @description users: usernames
             */
            users: string[];
        };
        /**
         * ArchiveIn
         * @description 归档 one 件: a 办结 收文 record (kind incoming) or a distributed 发文 document (kind outgoing).
         */
        ArchiveIn: {
            /**
             * Kind
             * @enum {string}
             */
            kind: "incoming" | "outgoing";
            /**
             * Org Code
             * @description 机构(问题) code, e.g. BGS
             */
            org_code: string;
            /**
             * Pages
             * @description 页数; default: the 版式 file's pages
             * @default null
             */
            pages: number | null;
            /** Request Id */
            request_id: string;
            /**
             * Retention
             * @description 保管期限: Y 永久, D30 30年, D10 10年
             * @enum {string}
             */
            retention: "Y" | "D30" | "D10";
            /**
             * Source Id
             * @description incoming: the record id; outgoing: the document id
             */
            source_id: string;
        };
        /** ArchiveItemOut */
        ArchiveItemOut: {
            /**
             * Archive No
             * @description 档号
             */
            archive_no: string;
            /** Category */
            category: string;
            /** Doc Number */
            doc_number: string;
            /** Doc Type */
            doc_type: string;
            /** Document Id */
            document_id: string;
            /** File Sha256 */
            file_sha256: string;
            /** File Size */
            file_size: number;
            /** File Source */
            file_source: string;
            /**
             * Filed At
             * Format: date-time
             */
            filed_at: string;
            /** Filed By Name */
            filed_by_name: string;
            /** Fonds */
            fonds: string;
            /** Id */
            id: string;
            /** Issuer */
            issuer: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "incoming" | "outgoing";
            /** Org Code */
            org_code: string;
            /** Pages */
            pages: number;
            /** Piece No */
            piece_no: number;
            /**
             * Retention
             * @enum {string}
             */
            retention: "Y" | "D30" | "D10";
            /** Source Id */
            source_id: string;
            /** Title */
            title: string;
            /** Unit Id */
            unit_id: string;
            /**
             * Written On
             * Format: date
             */
            written_on: string;
            /** Year */
            year: number;
        };
        /**
         * ArchiveListOut
         * @description The 归档目录 of a unit and year, in 档号 order.
         */
        ArchiveListOut: {
            /** Fonds */
            fonds: string;
            /** Items */
            items: components["schemas"]["ArchiveItemOut"][];
            /** Unit Id */
            unit_id: string;
            /** Unit Name */
            unit_name: string;
            /** Year */
            year: number;
        };
        /** ArchiveSettingsIn */
        ArchiveSettingsIn: {
            /**
             * Fonds
             * @description 全宗号 as the 档案馆 assigned it, e.g. J001
             */
            fonds: string;
            /** Unit Id */
            unit_id: string;
        };
        /** AssignIn */
        AssignIn: {
            /** Document Id */
            document_id: string;
        };
        /**
         * AttachmentOut
         * @description A file carried by a message: GET /api/v1/files/{id}/content downloads it, /preview shows it.
         */
        AttachmentOut: {
            /** Content Type */
            content_type: string;
            /** File Id */
            file_id: string;
            /** Kind */
            kind: string;
            /** Name */
            name: string;
            /** Previewable */
            previewable: boolean;
            /** Size */
            size: number;
        };
        /** AuditEntryOut */
        AuditEntryOut: {
            /** Action */
            action: string;
            /** Actor Id */
            actor_id: string | null;
            /** Actor Name */
            actor_name: string;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Detail */
            detail: {
                [key: string]: unknown;
            };
            /** Hash */
            hash: string;
            /** Ip */
            ip: string | null;
            /** Object Id */
            object_id: string;
            /** Object Type */
            object_type: string;
            /** On Behalf Of Name */
            on_behalf_of_name: string | null;
            /** Outcome */
            outcome: string;
            /** Seq */
            seq: number;
            /** User Agent */
            user_agent: string | null;
        };
        /** AuditList */
        AuditList: {
            /** Chain Ok */
            chain_ok: boolean;
            /** Entries */
            entries: components["schemas"]["AuditEntryOut"][];
        };
        /** BatchIn */
        BatchIn: {
            /** Items */
            items: components["schemas"]["BatchItemIn"][];
            /**
             * Op
             * @enum {string}
             */
            op: "approve" | "reject" | "transfer";
            /**
             * Opinion
             * @default null
             */
            opinion: string | null;
            /**
             * Users
             * @description transfer: the one person to hand to
             */
            users?: string[];
        };
        /** BatchItemIn */
        BatchItemIn: {
            /** Instance Id */
            instance_id: string;
            /**
             * Request Id
             * @description this item's own id: a replay of it is answered without acting again
             */
            request_id: string;
            /**
             * Version
             * @description the instance version the person saw
             * @default null
             */
            version: number | null;
        };
        /** BatchItemOut */
        BatchItemOut: {
            /**
             * Code
             * @description the error code when the item failed
             * @default null
             */
            code: string | null;
            /**
             * Current Step
             * @default null
             */
            current_step: string | null;
            /**
             * Detail
             * @default null
             */
            detail: string | null;
            /** Instance Id */
            instance_id: string;
            /**
             * Instance Status
             * @default null
             */
            instance_status: ("running" | "approved" | "rejected" | "withdrawn" | "voided") | null;
            /**
             * Message
             * @default null
             */
            message: string | null;
            /**
             * Message En
             * @default null
             */
            message_en: string | null;
            /** Ok */
            ok: boolean;
            /** Request Id */
            request_id: string;
            /**
             * Title
             * @default null
             */
            title: string | null;
        };
        /** BatchOut */
        BatchOut: {
            /** Failed */
            failed: number;
            /**
             * Op
             * @enum {string}
             */
            op: "approve" | "reject" | "transfer";
            /** Results */
            results: components["schemas"]["BatchItemOut"][];
            /** Succeeded */
            succeeded: number;
        };
        /**
         * Block
         * @description One block of the 正文: a heading of level 1–4 (一、（一）1.（1）, numbered when rendered) or a paragraph (0).
         */
        Block: {
            /** Level */
            level: number;
            /** Text */
            text: string;
        };
        /** BoardRow */
        BoardRow: {
            /** Closed */
            closed: number;
            /** Green */
            green: number;
            /** Red */
            red: number;
            /** Total */
            total: number;
            unit: components["schemas"]["UnitRef"];
            /** Yellow */
            yellow: number;
        };
        /** BotCardIn */
        BotCardIn: {
            card: components["schemas"]["CardSpec"];
            /** Channel Ids */
            channel_ids?: string[];
            /** User Ids */
            user_ids?: string[];
        };
        /** BotIdOut */
        BotIdOut: {
            /** Id */
            id: string;
            /**
             * Version
             * @default null
             */
            version: number | null;
        };
        /** BotList */
        BotList: {
            /** Bots */
            bots: components["schemas"]["BotOut"][];
        };
        /** BotMessageIn */
        BotMessageIn: {
            /** Channel Ids */
            channel_ids?: string[];
            /** Text */
            text: string;
            /** User Ids */
            user_ids?: string[];
        };
        /** BotOut */
        BotOut: {
            /** Active Tokens */
            active_tokens: number;
            /** Commands */
            commands: string[];
            /** Key */
            key: string;
            /** Name */
            name: string;
        };
        /**
         * Branch
         * @description Taken when every comparison holds (no comparisons: the default). Lower priority first.
         */
        "Branch-Input": {
            /**
             * Goto
             * @description a later step's key, or 'end'
             */
            goto: string;
            /**
             * Priority
             * @default 0
             */
            priority: number;
            /** When */
            when?: components["schemas"]["Comparison-Input"][];
        };
        /**
         * Branch
         * @description Taken when every comparison holds (no comparisons: the default). Lower priority first.
         */
        "Branch-Output": {
            /**
             * Goto
             * @description a later step's key, or 'end'
             */
            goto: string;
            /**
             * Priority
             * @default 0
             */
            priority: number;
            /** When */
            when: components["schemas"]["Comparison-Output"][];
        };
        /**
         * CalendarStatus
         * @description What administrators see: which years have data, and a warning for each year the hub would guess.
         */
        CalendarStatus: {
            /** Loaded At */
            loaded_at: string | null;
            /** Missing Years */
            missing_years: number[];
            /** Office Hours */
            office_hours: string[];
            /** Override Count */
            override_count: number;
            /** Package Years */
            package_years: [
                number,
                number
            ];
            /** Warnings */
            warnings: string[];
        };
        /**
         * CardActionDef
         * @description A button as a bot declares it; rule and exclusive never leave the server.
         */
        CardActionDef: {
            /**
             * Confirm
             * @default null
             */
            confirm: string | null;
            /**
             * Exclusive
             * @default true
             */
            exclusive: boolean;
            /** Id */
            id: string;
            input?: components["schemas"]["ActionInput-Input"];
            /** Label */
            label: string;
            /**
             * Manage
             * @default false
             */
            manage: boolean;
            rule?: components["schemas"]["ActionRule"];
            /**
             * Style
             * @default default
             * @enum {string}
             */
            style: "primary" | "danger" | "default";
        };
        /** CardActionIn */
        CardActionIn: {
            /** Action Id */
            action_id: string;
            /**
             * Choice
             * @default null
             */
            choice: string | null;
            /**
             * Comment
             * @default null
             */
            comment: string | null;
            /** Request Id */
            request_id: string;
            /** Version */
            version: number;
        };
        /** CardAttachment */
        "CardAttachment-Input": {
            /**
             * Mime
             * @default application/octet-stream
             */
            mime: string;
            /** Name */
            name: string;
            /**
             * Size
             * @default null
             */
            size: number | null;
            /** Url */
            url: string;
        };
        /** CardAttachment */
        "CardAttachment-Output": {
            /**
             * Mime
             * @default application/octet-stream
             */
            mime: string;
            /** Name */
            name: string;
            /**
             * Size
             * @default null
             */
            size: number | null;
            /** Url */
            url: string;
        };
        /**
         * CardChange
         * @description A bot's answer to an action, or an update it makes on its own: only what changes.
         */
        CardChange: {
            /**
             * Actions
             * @default null
             */
            actions: components["schemas"]["CardActionDef"][] | null;
            /**
             * Body
             * @default null
             */
            body: string | null;
            /**
             * Context
             * @default null
             */
            context: {
                [key: string]: unknown;
            } | null;
            /**
             * Fallback Text
             * @default null
             */
            fallback_text: string | null;
            /**
             * Fields
             * @default null
             */
            fields: components["schemas"]["CardField"][] | null;
            /**
             * Reply
             * @default null
             */
            reply: string | null;
            /** @default null */
            status: components["schemas"]["CardStatus-Input"] | null;
            /**
             * Timeline
             * @default null
             */
            timeline: string | null;
            /**
             * Title
             * @default null
             */
            title: string | null;
        };
        /** CardField */
        CardField: {
            /** Label */
            label: string;
            /** Value */
            value: string;
        };
        /**
         * CardOut
         * @description A card as one viewer sees it: actions holds only the buttons this viewer may press.
         */
        CardOut: {
            /** Actions */
            actions: components["schemas"]["hub__cards__CardActionOut"][];
            /** Attachments */
            attachments: components["schemas"]["CardAttachment-Output"][];
            /**
             * Body
             * @default
             */
            body: string;
            /** Bot */
            bot: string;
            /**
             * Bot Name
             * @default
             */
            bot_name: string;
            /**
             * Classification
             * @default 公开
             * @enum {string}
             */
            classification: "公开" | "内部";
            /**
             * Deadline
             * @default null
             */
            deadline: string | null;
            /** Fallback Text */
            fallback_text: string;
            /** Fields */
            fields: components["schemas"]["CardField"][];
            /** Id */
            id: string;
            /** Kind */
            kind: string;
            status: components["schemas"]["CardStatus-Output"];
            /** Timeline */
            timeline: components["schemas"]["CardTimelineEntry"][];
            /** Title */
            title: string;
            /**
             * Urgency
             * @default 平件
             * @enum {string}
             */
            urgency: "特急" | "加急" | "平件";
            /**
             * Version
             * @default 1
             */
            version: number;
        };
        /**
         * CardSpec
         * @description What a bot posts. context is the bot's private state and is never shown to users.
         */
        CardSpec: {
            /** Actions */
            actions?: components["schemas"]["CardActionDef"][];
            /** Attachments */
            attachments?: components["schemas"]["CardAttachment-Input"][];
            /**
             * Body
             * @default
             */
            body: string;
            /**
             * Classification
             * @default 公开
             * @enum {string}
             */
            classification: "公开" | "内部";
            /** Context */
            context?: {
                [key: string]: unknown;
            };
            /**
             * Deadline
             * @default null
             */
            deadline: string | null;
            /**
             * Fallback Text
             * @default null
             */
            fallback_text: string | null;
            /** Fields */
            fields?: components["schemas"]["CardField"][];
            /** Kind */
            kind: string;
            status: components["schemas"]["CardStatus-Input"];
            /** Title */
            title: string;
            /**
             * Urgency
             * @default 平件
             * @enum {string}
             */
            urgency: "特急" | "加急" | "平件";
        };
        /** CardStatus */
        "CardStatus-Input": {
            /** Code */
            code: string;
            /** Label */
            label: string;
            /**
             * Tone
             * @default neutral
             * @enum {string}
             */
            tone: "neutral" | "info" | "success" | "warning" | "danger";
        };
        /** CardStatus */
        "CardStatus-Output": {
            /** Code */
            code: string;
            /** Label */
            label: string;
            /**
             * Tone
             * @default neutral
             * @enum {string}
             */
            tone: "neutral" | "info" | "success" | "warning" | "danger";
        };
        /** CardTimelineEntry */
        CardTimelineEntry: {
            /** Actor Name */
            actor_name: string;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Text */
            text: string;
        };
        /**
         * CaseActIn
         * @description One act on a case. The fields an act needs: see do_case_act.
         */
        CaseActIn: {
            /**
             * Act
             * @enum {string}
             */
            act: "accept" | "correction" | "complete" | "refuse" | "opinion" | "pause" | "resume" | "extend" | "approve_extension" | "decide" | "deliver";
            /**
             * Granted
             * @default null
             */
            granted: boolean | null;
            /** Missing */
            missing?: string[];
            /**
             * Pause Kind
             * @default null
             */
            pause_kind: ("听证" | "检验" | "检测" | "鉴定" | "专家评审") | null;
            /**
             * Reason
             * @default
             */
            reason: string;
            /**
             * Text
             * @default
             */
            text: string;
            /** Version */
            version: number;
        };
        /** CaseList */
        CaseList: {
            /** Cases */
            cases: components["schemas"]["CaseSummary"][];
        };
        /**
         * CaseOut
         * @description The staff view: with internal opinions, the light history and the pauses.
         */
        CaseOut: {
            applicant: components["schemas"]["Applicant"];
            /** Applicant Name */
            applicant_name: string;
            /** Correction */
            correction: string[] | null;
            /** Decide Days */
            decide_days: number | null;
            decision: components["schemas"]["Decision"] | null;
            /** Due At */
            due_at: string | null;
            extension: components["schemas"]["ExtensionOut"] | null;
            /** Id */
            id: string;
            /** Light */
            light: string;
            /** Lights */
            lights: components["schemas"]["LightChange"][];
            /** Materials */
            materials: string[];
            /** Matter Key */
            matter_key: string;
            /** Matter Name */
            matter_name: string;
            /** Number */
            number: string;
            /** Opinions */
            opinions: components["schemas"]["Opinion"][];
            /** Paused */
            paused: boolean;
            /** Pauses */
            pauses: components["schemas"]["Pause"][];
            /** Refusal */
            refusal: string | null;
            /** Stage */
            stage: string;
            /** Stages */
            stages: components["schemas"]["StageEntry"][];
            /** Status */
            status: string;
            /**
             * Submitted At
             * Format: date-time
             */
            submitted_at: string;
            /** Unit Name */
            unit_name: string;
            /** Version */
            version: number;
        };
        /** CaseSummary */
        CaseSummary: {
            /** Applicant Name */
            applicant_name: string;
            /** Due At */
            due_at: string | null;
            /** Id */
            id: string;
            /** Light */
            light: string;
            /** Matter Key */
            matter_key: string;
            /** Matter Name */
            matter_name: string;
            /** Number */
            number: string;
            /** Stage */
            stage: string;
            /** Status */
            status: string;
            /**
             * Submitted At
             * Format: date-time
             */
            submitted_at: string;
            /** Unit Name */
            unit_name: string;
        };
        /** ChainVerification */
        ChainVerification: {
            /** Anchors */
            anchors: number;
            /** Anchors Ok */
            anchors_ok: boolean;
            /** Anchors Reason */
            anchors_reason: string;
            /** Broken At */
            broken_at: number | null;
            /** Entries */
            entries: number;
            /** Ok */
            ok: boolean;
            /** Reason */
            reason: string;
        };
        /** ChannelCreateIn */
        ChannelCreateIn: {
            /** Member Ids */
            member_ids?: string[];
            /** Name */
            name: string;
            /**
             * Topic
             * @default
             */
            topic: string;
        };
        /** ChannelList */
        ChannelList: {
            /** Channels */
            channels: components["schemas"]["ChannelOut"][];
        };
        /** ChannelOut */
        ChannelOut: {
            /** Id */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "unit" | "group" | "direct";
            /** @default null */
            last_message: components["schemas"]["MessageOut"] | null;
            /** Last Message At */
            last_message_at: string | null;
            /**
             * Last Read Seq
             * @default null
             */
            last_read_seq: number | null;
            /** Last Seq */
            last_seq: number;
            /** Name */
            name: string;
            /**
             * Peer Id
             * @default null
             */
            peer_id: string | null;
            /**
             * Pending Card Ids
             * @default null
             */
            pending_card_ids: string[] | null;
            /** Rev */
            rev: number;
            /**
             * Role
             * @default null
             */
            role: ("owner" | "admin" | "member") | null;
            /** Topic */
            topic: string;
            /** Unit Id */
            unit_id: string | null;
            /**
             * Unread
             * @default null
             */
            unread: number | null;
        };
        /**
         * Chase
         * @description Automatic 催办 of a step's holders: every `every_hours` office hours after the step opens, `count` times;
         *     then, if still undone, one escalation to the holder's unit head (or, for a head, the unit's 分管领导).
         */
        "Chase-Input": {
            /**
             * Count
             * @default 3
             */
            count: number;
            /**
             * Escalate
             * @default head
             * @enum {string}
             */
            escalate: "head" | "supervisor" | "none";
            /** Every Hours */
            every_hours: number;
        };
        /**
         * Chase
         * @description Automatic 催办 of a step's holders: every `every_hours` office hours after the step opens, `count` times;
         *     then, if still undone, one escalation to the holder's unit head (or, for a head, the unit's 分管领导).
         */
        "Chase-Output": {
            /**
             * Count
             * @default 3
             */
            count: number;
            /**
             * Escalate
             * @default head
             * @enum {string}
             */
            escalate: "head" | "supervisor" | "none";
            /** Every Hours */
            every_hours: number;
        };
        /** Chased */
        Chased: {
            /** Name */
            name: string;
            /**
             * Next Allowed At
             * Format: date-time
             */
            next_allowed_at: string;
            /** Task Id */
            task_id: string;
            /**
             * Urged At
             * Format: date-time
             */
            urged_at: string;
            /** User Id */
            user_id: string;
        };
        /** ChaseIn */
        ChaseIn: {
            /**
             * Note
             * @default
             */
            note: string;
            /** Request Id */
            request_id: string;
            /**
             * User Id
             * @description one holder of the current step; default: every holder you may chase
             * @default null
             */
            user_id: string | null;
        };
        /** ChaseOut */
        ChaseOut: {
            /** Chased */
            chased: components["schemas"]["Chased"][];
            /** Instance Id */
            instance_id: string;
        };
        /**
         * ChatSettingsOut
         * @description What the client needs to offer the same limits the hub enforces.
         */
        ChatSettingsOut: {
            /** Message Max Chars */
            message_max_chars: number;
            /** Recall Window Seconds */
            recall_window_seconds: number;
        };
        /** ClassificationPolicyIn */
        ClassificationPolicyIn: {
            /** Allow */
            allow?: string[];
            /** Levels */
            levels: string[];
            /**
             * Version
             * @description The version you read; a stale one is refused with conflict
             */
            version: number;
        };
        /** ClassificationPolicyOut */
        ClassificationPolicyOut: {
            /** Allow */
            allow: string[];
            /** Defaults */
            defaults: {
                [key: string]: unknown;
            };
            /** Levels */
            levels: string[];
            /** Version */
            version: number;
        };
        /** ClockIn */
        ClockIn: {
            /** Advance Seconds */
            advance_seconds: number;
        };
        /** ClockOut */
        ClockOut: {
            /**
             * Now
             * Format: date-time
             */
            now: string;
            /** Offset Seconds */
            offset_seconds: number;
        };
        /** CommandIn */
        CommandIn: {
            /** Text */
            text: string;
        };
        /** CommandInfo */
        CommandInfo: {
            /** Bot Name */
            bot_name: string;
            /** Description */
            description: string;
            /** Name */
            name: string;
            /** Usage */
            usage: string;
        };
        /** CommandList */
        CommandList: {
            /** Commands */
            commands: components["schemas"]["CommandInfo"][];
        };
        /** CommandOut */
        CommandOut: {
            /**
             * Reply
             * @default null
             */
            reply: string | null;
        };
        /**
         * Comparison
         * @description `form[field] op value`: numbers compare as numbers, dates as ISO dates, others as text.
         */
        "Comparison-Input": {
            /** Field */
            field: string;
            /**
             * Op
             * @enum {string}
             */
            op: "eq" | "ne" | "gt" | "ge" | "lt" | "le" | "in" | "not_in" | "empty" | "not_empty";
            /**
             * Value
             * @default null
             */
            value: string | number | boolean | (string | number | boolean)[] | null;
        };
        /**
         * Comparison
         * @description `form[field] op value`: numbers compare as numbers, dates as ISO dates, others as text.
         */
        "Comparison-Output": {
            /** Field */
            field: string;
            /**
             * Op
             * @enum {string}
             */
            op: "eq" | "ne" | "gt" | "ge" | "lt" | "le" | "in" | "not_in" | "empty" | "not_empty";
            /**
             * Value
             * @default null
             */
            value: string | number | boolean | (string | number | boolean)[] | null;
        };
        /** ContactIn */
        ContactIn: {
            /**
             * Mobile
             * @default
             */
            mobile: string;
            /**
             * Office Phone
             * @default
             */
            office_phone: string;
            /**
             * Office Room
             * @default
             */
            office_room: string;
        };
        /** ContactOut */
        ContactOut: {
            /**
             * Mobile
             * @description In full, or masked (138****5678) when the rule does not show it to the viewer
             */
            mobile: string;
            /** Mobile Masked */
            mobile_masked: boolean;
            /** Office Phone */
            office_phone: string;
            /** Office Room */
            office_room: string;
            /** Starred */
            starred: boolean;
            /** User Id */
            user_id: string;
        };
        /**
         * ConversationPrefIn
         * @description Change one or both; an absent field keeps its value.
         */
        ConversationPrefIn: {
            /**
             * Muted
             * @default null
             */
            muted: boolean | null;
            /**
             * Pinned
             * @default null
             */
            pinned: boolean | null;
        };
        /** ConversationPrefList */
        ConversationPrefList: {
            /** Prefs */
            prefs: components["schemas"]["ConversationPrefOut"][];
        };
        /** ConversationPrefOut */
        ConversationPrefOut: {
            /** Channel Id */
            channel_id: string;
            /** Muted */
            muted: boolean;
            /** Pinned */
            pinned: boolean;
        };
        /**
         * CountersignOut
         * @description One 会签 unit's head: their opinion once they have acted.
         */
        CountersignOut: {
            /** At */
            at: string | null;
            /** Opinion */
            opinion: string | null;
            /** Status */
            status: string;
            /** Unit Name */
            unit_name: string;
            /** User Name */
            user_name: string;
        };
        /** CountersRebuilt */
        CountersRebuilt: {
            /** Documents */
            documents: number;
        };
        /** Dashboard */
        Dashboard: {
            /** By Matter */
            by_matter: components["schemas"]["StatRow"][];
            /** By Unit */
            by_unit: components["schemas"]["StatRow"][];
            /**
             * Generated At
             * Format: date-time
             */
            generated_at: string;
            /** Trend */
            trend: components["schemas"]["TrendPoint"][];
        };
        /** Decision */
        Decision: {
            /** Appeal */
            appeal: string;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Granted */
            granted: boolean;
            /** Reason */
            reason: string;
        };
        /** DecisionIn */
        DecisionIn: {
            /**
             * Decision
             * @enum {string}
             */
            decision: "adopt" | "return";
            /**
             * Level
             * @default null
             */
            level: ("city" | "province") | null;
            /**
             * Reason
             * @default null
             */
            reason: string | null;
            /** Request Id */
            request_id: string;
        };
        /**
         * Definition
         * @description A process as data: validated here, stored versioned, and published by administrators.
         */
        "Definition-Input": {
            /**
             * Card
             * @description post a live process card to a channel; off where the subject has its own page and notices (a busy 行政审批 window would flood its channel)
             * @default true
             */
            card: boolean;
            /**
             * Card Unit
             * @description the code of the unit whose channel gets each instance's card; default: the initiator's unit (a start may name a channel)
             * @default null
             */
            card_unit: string | null;
            /**
             * Description
             * @default
             */
            description: string;
            form?: components["schemas"]["FormSchema-Input"];
            /** Key */
            key: string;
            /** Name */
            name: string;
            /** Steps */
            steps: components["schemas"]["Step-Input"][];
            /**
             * Title Field
             * @description a text field that titles each instance
             * @default null
             */
            title_field: string | null;
        };
        /**
         * Definition
         * @description A process as data: validated here, stored versioned, and published by administrators.
         */
        "Definition-Output": {
            /**
             * Card
             * @description post a live process card to a channel; off where the subject has its own page and notices (a busy 行政审批 window would flood its channel)
             * @default true
             */
            card: boolean;
            /**
             * Card Unit
             * @description the code of the unit whose channel gets each instance's card; default: the initiator's unit (a start may name a channel)
             * @default null
             */
            card_unit: string | null;
            /**
             * Description
             * @default
             */
            description: string;
            form: components["schemas"]["FormSchema-Output"];
            /** Key */
            key: string;
            /** Name */
            name: string;
            /** Steps */
            steps: components["schemas"]["Step-Output"][];
            /**
             * Title Field
             * @description a text field that titles each instance
             * @default null
             */
            title_field: string | null;
        };
        /** DefinitionList */
        DefinitionList: {
            /** Definitions */
            definitions: components["schemas"]["DefinitionOut"][];
        };
        /** DefinitionOut */
        DefinitionOut: {
            /** Id */
            id: string;
            /** Key */
            key: string;
            /** Name */
            name: string;
            /**
             * Published At
             * Format: date-time
             */
            published_at: string;
            spec: components["schemas"]["Definition-Output"];
            /** Version */
            version: number;
        };
        /** DelegationIn */
        DelegationIn: {
            /** Delegate Id */
            delegate_id: string;
            /**
             * Ends At
             * Format: date-time
             */
            ends_at: string;
            /**
             * Reason
             * @default
             */
            reason: string;
            /**
             * Starts At
             * Format: date-time
             */
            starts_at: string;
        };
        /** DelegationList */
        DelegationList: {
            /** Delegations */
            delegations: components["schemas"]["DelegationOut"][];
        };
        /** DelegationOut */
        DelegationOut: {
            /** Active */
            active: boolean;
            /** Delegate Id */
            delegate_id: string;
            /** Delegate Name */
            delegate_name: string;
            /**
             * Ends At
             * Format: date-time
             */
            ends_at: string;
            /** Id */
            id: string;
            /** Principal Id */
            principal_id: string;
            /** Principal Name */
            principal_name: string;
            /** Reason */
            reason: string;
            /**
             * Starts At
             * Format: date-time
             */
            starts_at: string;
        };
        /** DiffLine */
        DiffLine: {
            /**
             * Op
             * @enum {string}
             */
            op: "same" | "added" | "removed";
            /** Text */
            text: string;
        };
        /** DiffOut */
        DiffOut: {
            /** From Version */
            from_version: number;
            /** Lines */
            lines: components["schemas"]["DiffLine"][];
            /**
             * Substantive
             * @description more than spacing or punctuation changed
             */
            substantive: boolean;
            /** To Version */
            to_version: number;
        };
        /** DirectIn */
        DirectIn: {
            /** User Id */
            user_id: string;
        };
        /**
         * DocumentElements
         * @description What a sender fills in. 份号, 密级 and 保密期限 exist only on 涉密 documents, refused at the door: the
         *     fields are named here only so that a marked document is refused with a clear error, never stored.
         */
        "DocumentElements-Input": {
            /**
             * Body
             * @description 正文
             */
            body: string;
            /**
             * Cc To
             * @description 抄送机关: unit ids
             */
            cc_to?: string[];
            /**
             * Copy No
             * @description 份号: 涉密 documents only, refused
             * @default null
             */
            copy_no: string | null;
            /**
             * Direction
             * @description 上行文 up, 下行文 down, 平行文 parallel
             * @default down
             * @enum {string}
             */
            direction: "up" | "down" | "parallel";
            /**
             * Doc Number
             * @description 发文字号, e.g. 白政发〔2026〕12号
             */
            doc_number: string;
            /**
             * Doc Type
             * @description 文种
             * @enum {string}
             */
            doc_type: "决议" | "决定" | "命令" | "公报" | "公告" | "通告" | "意见" | "通知" | "通报" | "报告" | "请示" | "批复" | "议案" | "函" | "纪要";
            /**
             * Issuer
             * @description 发文机关 (as printed)
             */
            issuer: string;
            /**
             * Main To
             * @description 主送机关: unit ids
             */
            main_to: string[];
            /**
             * Note
             * @description 附注
             * @default
             */
            note: string;
            /**
             * Openness
             * @description 公开 or 内部 (工作秘密)
             * @default 内部
             * @enum {string}
             */
            openness: "公开" | "内部";
            /**
             * Secrecy Term
             * @description 保密期限: 涉密 documents only, refused
             * @default null
             */
            secrecy_term: string | null;
            /**
             * Secret Level
             * @description 密级: 涉密 documents only, refused
             * @default null
             */
            secret_level: string | null;
            /**
             * Signer
             * @description 签发人: 上行文 only
             * @default null
             */
            signer: string | null;
            /**
             * Title
             * @description 标题
             */
            title: string;
            /**
             * Urgency
             * @description 紧急程度: only when urgent; 平件 is no marking
             * @default null
             */
            urgency: ("特急" | "加急") | null;
            /**
             * Written On
             * Format: date
             * @description 成文日期
             */
            written_on: string;
        };
        /**
         * DocumentElements
         * @description What a sender fills in. 份号, 密级 and 保密期限 exist only on 涉密 documents, refused at the door: the
         *     fields are named here only so that a marked document is refused with a clear error, never stored.
         */
        "DocumentElements-Output": {
            /**
             * Body
             * @description 正文
             */
            body: string;
            /**
             * Cc To
             * @description 抄送机关: unit ids
             */
            cc_to: string[];
            /**
             * Copy No
             * @description 份号: 涉密 documents only, refused
             * @default null
             */
            copy_no: string | null;
            /**
             * Direction
             * @description 上行文 up, 下行文 down, 平行文 parallel
             * @default down
             * @enum {string}
             */
            direction: "up" | "down" | "parallel";
            /**
             * Doc Number
             * @description 发文字号, e.g. 白政发〔2026〕12号
             */
            doc_number: string;
            /**
             * Doc Type
             * @description 文种
             * @enum {string}
             */
            doc_type: "决议" | "决定" | "命令" | "公报" | "公告" | "通告" | "意见" | "通知" | "通报" | "报告" | "请示" | "批复" | "议案" | "函" | "纪要";
            /**
             * Issuer
             * @description 发文机关 (as printed)
             */
            issuer: string;
            /**
             * Main To
             * @description 主送机关: unit ids
             */
            main_to: string[];
            /**
             * Note
             * @description 附注
             * @default
             */
            note: string;
            /**
             * Openness
             * @description 公开 or 内部 (工作秘密)
             * @default 内部
             * @enum {string}
             */
            openness: "公开" | "内部";
            /**
             * Secrecy Term
             * @description 保密期限: 涉密 documents only, refused
             * @default null
             */
            secrecy_term: string | null;
            /**
             * Secret Level
             * @description 密级: 涉密 documents only, refused
             * @default null
             */
            secret_level: string | null;
            /**
             * Signer
             * @description 签发人: 上行文 only
             * @default null
             */
            signer: string | null;
            /**
             * Title
             * @description 标题
             */
            title: string;
            /**
             * Urgency
             * @description 紧急程度: only when urgent; 平件 is no marking
             * @default null
             */
            urgency: ("特急" | "加急") | null;
            /**
             * Written On
             * Format: date
             * @description 成文日期
             */
            written_on: string;
        };
        /** DocumentOut */
        DocumentOut: {
            /**
             * Attachments
             * @description 附件, oldest first
             */
            attachments: components["schemas"]["FileOut"][];
            /** Content Hash */
            content_hash: string;
            elements: components["schemas"]["DocumentElements-Output"];
            /** External */
            external: boolean;
            /** Id */
            id: string;
            /** Is Sender */
            is_sender: boolean;
            /** Receipts */
            receipts: components["schemas"]["ReceiptOut"][];
            /** Records */
            records: components["schemas"]["RecordOut"][];
            /** Sender Unit Id */
            sender_unit_id: string;
            /** Sender Unit Name */
            sender_unit_name: string;
            /**
             * Sent At
             * Format: date-time
             */
            sent_at: string;
            /** Sent By Name */
            sent_by_name: string;
        };
        /**
         * DraftContent
         * @description The GB/T 9704 elements a drafter writes; the 发文字号, 签发人 and dates are added by the flow.
         */
        "DraftContent-Input": {
            /**
             * Attachments
             * @description 附件: file ids of this draft
             */
            attachments?: string[];
            /**
             * Blocks
             * @description 正文, structured
             */
            blocks: components["schemas"]["Block"][];
            /**
             * Cc To
             * @description 抄送: units
             */
            cc_to?: string[];
            /**
             * Direction
             * @description 上行文 up (签发 by the principal), 下行文, 平行文
             * @default down
             * @enum {string}
             */
            direction: "up" | "down" | "parallel";
            /**
             * Doc Type
             * @description 文种
             * @enum {string}
             */
            doc_type: "决议" | "决定" | "命令" | "公报" | "公告" | "通告" | "意见" | "通知" | "通报" | "报告" | "请示" | "批复" | "议案" | "函" | "纪要";
            /**
             * Main To
             * @description 主送: units
             */
            main_to: string[];
            /**
             * Note
             * @description 附注
             * @default
             */
            note: string;
            /**
             * Openness
             * @description 公开 or 内部
             * @default 内部
             * @enum {string}
             */
            openness: "公开" | "内部";
            /**
             * Title
             * @description 标题
             */
            title: string;
            /**
             * Urgency
             * @description 紧急程度; none is 平件
             * @default null
             */
            urgency: ("特急" | "加急") | null;
        };
        /**
         * DraftContent
         * @description The GB/T 9704 elements a drafter writes; the 发文字号, 签发人 and dates are added by the flow.
         */
        "DraftContent-Output": {
            /**
             * Attachments
             * @description 附件: file ids of this draft
             */
            attachments: string[];
            /**
             * Blocks
             * @description 正文, structured
             */
            blocks: components["schemas"]["Block"][];
            /**
             * Cc To
             * @description 抄送: units
             */
            cc_to: string[];
            /**
             * Direction
             * @description 上行文 up (签发 by the principal), 下行文, 平行文
             * @default down
             * @enum {string}
             */
            direction: "up" | "down" | "parallel";
            /**
             * Doc Type
             * @description 文种
             * @enum {string}
             */
            doc_type: "决议" | "决定" | "命令" | "公报" | "公告" | "通告" | "意见" | "通知" | "通报" | "报告" | "请示" | "批复" | "议案" | "函" | "纪要";
            /**
             * Main To
             * @description 主送: units
             */
            main_to: string[];
            /**
             * Note
             * @description 附注
             * @default
             */
            note: string;
            /**
             * Openness
             * @description 公开 or 内部
             * @default 内部
             * @enum {string}
             */
            openness: "公开" | "内部";
            /**
             * Title
             * @description 标题
             */
            title: string;
            /**
             * Urgency
             * @description 紧急程度; none is 平件
             * @default null
             */
            urgency: ("特急" | "加急") | null;
        };
        /** DubanIn */
        DubanIn: {
            /** Body */
            body: string;
            /**
             * Deadline
             * Format: date
             */
            deadline: string;
            /** Host Unit Id */
            host_unit_id: string;
            /** Request Id */
            request_id: string;
            /** @default null */
            source: components["schemas"]["DubanSourceIn"] | null;
            /** Title */
            title: string;
            /**
             * Urgency
             * @default 平件
             * @enum {string}
             */
            urgency: "平件" | "加急" | "特急";
        };
        /** DubanList */
        DubanList: {
            /** Done */
            done: number;
            /** Green */
            green: number;
            /** Items */
            items: components["schemas"]["DubanOut"][];
            /** Red */
            red: number;
            /** Yellow */
            yellow: number;
        };
        /** DubanOut */
        DubanOut: {
            /** Body */
            body: string;
            /** Can Report */
            can_report: boolean;
            /** Closed */
            closed: boolean;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Deadline
             * Format: date-time
             */
            deadline: string;
            /** Host Unit Id */
            host_unit_id: string;
            /** Host Unit Name */
            host_unit_name: string;
            /** Id */
            id: string;
            /** Instance Id */
            instance_id: string | null;
            /** Leader Id */
            leader_id: string;
            /** Leader Name */
            leader_name: string;
            /**
             * Light
             * @enum {string}
             */
            light: "green" | "yellow" | "red" | "done";
            /** Percent */
            percent: number;
            /** Progress */
            progress: components["schemas"]["ProgressOut"][];
            /** Source Id */
            source_id: string | null;
            /** Source Kind */
            source_kind: string;
            /** Stage */
            stage: string;
            /** Title */
            title: string;
        };
        /**
         * DubanSourceIn
         * @description A card it comes from (a red card); a 批示 source is given by the 公文 work calling the action.
         */
        DubanSourceIn: {
            /** Id */
            id: string;
            /**
             * Kind
             * @constant
             */
            kind: "card";
        };
        /** EditIn */
        EditIn: {
            /** Content */
            content: string;
        };
        /** EditorsIn */
        EditorsIn: {
            /** User Ids */
            user_ids?: string[];
        };
        /** EntryList */
        EntryList: {
            /** Entries */
            entries: components["schemas"]["EntryOut"][];
            folder: components["schemas"]["FolderOut"];
            /**
             * Subfolders
             * @description Folders directly inside (for readers of a shared folder)
             */
            subfolders: components["schemas"]["FolderOut"][];
        };
        /** EntryMoveIn */
        EntryMoveIn: {
            /** Folder Id */
            folder_id: string;
        };
        /** EntryOut */
        EntryOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** File Id */
            file_id: string;
            /** Folder Id */
            folder_id: string;
            /** Id */
            id: string;
            /** Kind */
            kind: string;
            /** Origin Id */
            origin_id: string | null;
            /**
             * Origin Kind
             * @enum {string}
             */
            origin_kind: "upload" | "announcement" | "document";
            /** Origin Title */
            origin_title: string | null;
            /** Previewable */
            previewable: boolean;
            /** Size */
            size: number;
            /** Title */
            title: string;
            /** Uploaded By */
            uploaded_by: string;
            /** Uploader Name */
            uploader_name: string;
        };
        /** ErrorOut */
        ErrorOut: {
            /** Code */
            code: string;
            /**
             * Detail
             * @default null
             */
            detail: string | null;
            /** Message */
            message: string;
            /** Message En */
            message_en: string;
        };
        /** ExtensionOut */
        ExtensionOut: {
            /** Approved */
            approved: boolean;
            /** Reason */
            reason: string;
            /**
             * Requested At
             * Format: date-time
             */
            requested_at: string;
        };
        /**
         * FileHit
         * @description A file (of a scope the searcher may read) whose name or extracted text contains every query word.
         */
        FileHit: {
            /** File Id */
            file_id: string;
            /** Highlights */
            highlights: components["schemas"]["Highlight"][];
            /**
             * Kind
             * @enum {string}
             */
            kind: "pdf" | "ofd" | "docx" | "xlsx" | "png" | "jpeg";
            /** Name */
            name: string;
            /** Scope Id */
            scope_id: string;
            /** Scope Kind */
            scope_kind: string;
            /** Size */
            size: number;
            /**
             * Snippet
             * @description Plain text around the first hit (from the name when the text has none)
             */
            snippet: string;
            /**
             * Uploaded At
             * Format: date-time
             */
            uploaded_at: string;
        };
        /**
         * FileInIn
         * @description File a published announcement's attachments, or a 公文's files, into this folder.
         */
        FileInIn: {
            /** Origin Id */
            origin_id: string;
            /**
             * Origin Kind
             * @enum {string}
             */
            origin_kind: "announcement" | "document";
        };
        /** FileListOut */
        FileListOut: {
            /** Files */
            files: components["schemas"]["FileOut"][];
        };
        /** FileOut */
        FileOut: {
            /** Content Type */
            content_type: string;
            /** Id */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "pdf" | "ofd" | "docx" | "xlsx" | "png" | "jpeg";
            /** Name */
            name: string;
            /** Previewable */
            previewable: boolean;
            /** Scope Id */
            scope_id: string;
            /** Scope Kind */
            scope_kind: string;
            /** Sha256 */
            sha256: string;
            /** Size */
            size: number;
            /**
             * Text Status
             * @enum {string}
             */
            text_status: "pending" | "done" | "none" | "failed" | "withheld";
            /**
             * Uploaded At
             * Format: date-time
             */
            uploaded_at: string;
            /** Uploaded By */
            uploaded_by: string;
        };
        /** FileResults */
        FileResults: {
            /** Items */
            items: components["schemas"]["FileHit"][];
            /**
             * Truncated
             * @description The scan stopped at its cap: older matches may exist
             */
            truncated: boolean;
        };
        /** FolderIn */
        FolderIn: {
            /** Name */
            name: string;
            /**
             * Parent Id
             * @default null
             */
            parent_id: string | null;
        };
        /** FolderMoveIn */
        FolderMoveIn: {
            /**
             * Parent Id
             * @description The new parent in the same library; null: the top
             * @default null
             */
            parent_id: string | null;
        };
        /** FolderOut */
        FolderOut: {
            /** Can Write */
            can_write: boolean;
            /** Id */
            id: string;
            /**
             * Inherited Share
             * @description A folder above this one is shared, so this one is too
             */
            inherited_share: boolean;
            /** Name */
            name: string;
            /** Parent Id */
            parent_id: string | null;
            /** Share City */
            share_city: boolean;
            /** Share Unit Ids */
            share_unit_ids: string[];
            /** Unit Id */
            unit_id: string;
            /** Unit Name */
            unit_name: string;
        };
        /** FollowUpList */
        FollowUpList: {
            /** Follow Ups */
            follow_ups: components["schemas"]["FollowUpOut"][];
        };
        /** FollowUpOut */
        FollowUpOut: {
            /** Comment */
            comment: string;
            /**
             * Due At
             * Format: date-time
             */
            due_at: string;
            /** Id */
            id: string;
            /** Note */
            note: string;
            /** Number */
            number: string;
            /** Score */
            score: number;
            /** Status */
            status: string;
        };
        /**
         * FormField
         * @description One input of the start form; `kind` decides the widget and how a value is checked.
         */
        "FormField-Input": {
            /**
             * Help
             * @default
             */
            help: string;
            /** Key */
            key: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "text" | "number" | "money" | "date" | "daterange" | "choice" | "people" | "units" | "attachments" | "datetime";
            /** Label */
            label: string;
            /**
             * Max Length
             * @default 2000
             */
            max_length: number;
            /**
             * Maximum
             * @default null
             */
            maximum: number | null;
            /**
             * Minimum
             * @default null
             */
            minimum: number | null;
            /**
             * Multiple
             * @description choice, people, units: more than one value
             * @default false
             */
            multiple: boolean;
            /**
             * Options
             * @description choice: the allowed values
             */
            options?: string[];
            /**
             * Required
             * @default false
             */
            required: boolean;
            /**
             * Workdays Of
             * @description number: the working days (调休 included) of this daterange; the server fills it, or checks a typed one (half days) against it
             * @default null
             */
            workdays_of: string | null;
        };
        /**
         * FormField
         * @description One input of the start form; `kind` decides the widget and how a value is checked.
         */
        "FormField-Output": {
            /**
             * Help
             * @default
             */
            help: string;
            /** Key */
            key: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "text" | "number" | "money" | "date" | "daterange" | "choice" | "people" | "units" | "attachments" | "datetime";
            /** Label */
            label: string;
            /**
             * Max Length
             * @default 2000
             */
            max_length: number;
            /**
             * Maximum
             * @default null
             */
            maximum: number | null;
            /**
             * Minimum
             * @default null
             */
            minimum: number | null;
            /**
             * Multiple
             * @description choice, people, units: more than one value
             * @default false
             */
            multiple: boolean;
            /**
             * Options
             * @description choice: the allowed values
             */
            options: string[];
            /**
             * Required
             * @default false
             */
            required: boolean;
            /**
             * Workdays Of
             * @description number: the working days (调休 included) of this daterange; the server fills it, or checks a typed one (half days) against it
             * @default null
             */
            workdays_of: string | null;
        };
        /** FormSchema */
        "FormSchema-Input": {
            /** Fields */
            fields?: components["schemas"]["FormField-Input"][];
        };
        /** FormSchema */
        "FormSchema-Output": {
            /** Fields */
            fields: components["schemas"]["FormField-Output"][];
        };
        /**
         * ForwardedOut
         * @description The origin of a forwarded message: who wrote it, where, and when.
         */
        ForwardedOut: {
            /**
             * Channel Kind
             * @enum {string}
             */
            channel_kind: "unit" | "group" | "direct";
            /**
             * Channel Name
             * @description Empty for a direct conversation
             */
            channel_name: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Sender Name */
            sender_name: string;
        };
        /**
         * ForwardIn
         * @description Forward messages (each one you can read) to a conversation you are in, one new message each, in order.
         */
        ForwardIn: {
            /** Channel Id */
            channel_id: string;
            /** Client Msg Id */
            client_msg_id: string;
            /** Message Ids */
            message_ids: string[];
        };
        /** ForwardOut */
        ForwardOut: {
            /** Messages */
            messages: components["schemas"]["MessageOut"][];
        };
        /** GroupRolesOut */
        GroupRolesOut: {
            /** Admin Ids */
            admin_ids: string[];
            /** Owner Id */
            owner_id: string | null;
        };
        /**
         * Health
         * @description Anonymous callers get the status only; administrators also get the details.
         */
        Health: {
            /**
             * Redis
             * @default null
             */
            redis: {
                [key: string]: unknown;
            } | null;
            /**
             * Status
             * @enum {string}
             */
            status: "ok" | "degraded";
            /**
             * Store
             * @default null
             */
            store: {
                [key: string]: unknown;
            } | null;
        };
        /**
         * Highlight
         * @description A [start, end) range of the text, in Unicode code points (Array.from(text) in JavaScript).
         */
        Highlight: {
            /** End */
            end: number;
            /** Start */
            start: number;
        };
        /** HistoryOut */
        HistoryOut: {
            /** Has More */
            has_more: boolean;
            /** Messages */
            messages: components["schemas"]["MessageOut"][];
        };
        /** Holder */
        Holder: {
            /**
             * Acted By Id
             * @default null
             */
            acted_by_id: string | null;
            /**
             * Acted By Name
             * @default null
             */
            acted_by_name: string | null;
            /**
             * Added By
             * @default null
             */
            added_by: string | null;
            /**
             * Delegate Id
             * @default null
             */
            delegate_id: string | null;
            /**
             * Delegate Name
             * @default null
             */
            delegate_name: string | null;
            /** Name */
            name: string;
            /**
             * Status
             * @enum {string}
             */
            status: "waiting" | "open" | "approved" | "rejected" | "transferred" | "cancelled";
            /** User Id */
            user_id: string;
        };
        /**
         * CardActionOut
         * @description A button as a viewer gets it. personal: the rule names this viewer, not everyone who sees the card,
         *     so the card is waiting for them (a poll's vote buttons are not personal).
         */
        hub__cards__CardActionOut: {
            /**
             * Confirm
             * @default null
             */
            confirm: string | null;
            /** Id */
            id: string;
            input: components["schemas"]["ActionInput-Output"];
            /** Label */
            label: string;
            /**
             * Personal
             * @default false
             */
            personal: boolean;
            /**
             * Style
             * @default default
             * @enum {string}
             */
            style: "primary" | "danger" | "default";
        };
        /** SendIn */
        hub__documents_wire__SendIn: {
            elements: components["schemas"]["DocumentElements-Input"];
            /**
             * From Unit Id
             * @description default: the sender's first unit
             * @default null
             */
            from_unit_id: string | null;
            /** Request Id */
            request_id: string;
        };
        /** RenameIn */
        hub__library_wire__RenameIn: {
            /** Name */
            name: string;
        };
        /** CloseIn */
        hub__targets__wire__CloseIn: {
            /**
             * Note
             * @default
             */
            note: string;
        };
        /** CloseIn */
        hub__views__licensing__CloseIn: {
            /** Note */
            note: string;
        };
        /** CardActionOut */
        hub__wire__CardActionOut: {
            card: components["schemas"]["CardOut"];
            /**
             * Reply
             * @default null
             */
            reply: string | null;
        };
        /** RenameIn */
        hub__wire__RenameIn: {
            /** Name */
            name: string;
        };
        /** SendIn */
        hub__wire__SendIn: {
            /**
             * Client Msg Id
             * @default null
             */
            client_msg_id: string | null;
            /** Content */
            content: string;
            /** File Ids */
            file_ids?: string[];
            /**
             * Reply To
             * @description A message of the same channel to quote
             * @default null
             */
            reply_to: string | null;
        };
        /** ImportOut */
        ImportOut: {
            /** Errors */
            errors: {
                [key: string]: unknown;
            }[];
            /** Filename */
            filename: string;
            /** Id */
            id: string;
            /** People */
            people: {
                [key: string]: unknown;
            }[];
            /** Status */
            status: string;
            /** Units */
            units: {
                [key: string]: unknown;
            }[];
        };
        /** IncomingList */
        IncomingList: {
            /**
             * Box
             * @enum {string}
             */
            box: "pending" | "handling" | "done" | "circulated";
            /** Counts */
            counts: {
                [key: string]: number;
            };
            /** Records */
            records: components["schemas"]["RecordOut"][];
        };
        /** InfoIn */
        InfoIn: {
            /** Body */
            body: string;
            /** Request Id */
            request_id: string;
            /** Title */
            title: string;
        };
        /** InfoList */
        InfoList: {
            /** Is Office */
            is_office: boolean;
            /** Items */
            items: components["schemas"]["InfoOut"][];
            /** Subscribed */
            subscribed: boolean;
        };
        /** InfoOut */
        InfoOut: {
            /** Author Name */
            author_name: string;
            /** Body */
            body: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Decided At */
            decided_at: string | null;
            /** Id */
            id: string;
            /** Issue Id */
            issue_id: string | null;
            /** Level */
            level: ("city" | "province") | null;
            /** Reason */
            reason: string | null;
            /** Reviewer Name */
            reviewer_name: string | null;
            /** Score */
            score: number;
            /**
             * Status
             * @enum {string}
             */
            status: "submitted" | "adopted" | "returned";
            /** Title */
            title: string;
            /** Unit Id */
            unit_id: string;
            /** Unit Name */
            unit_name: string;
            /** Year */
            year: number;
        };
        /**
         * InfoStats
         * @description Per department: submissions, adoptions (报省 among them), returns and the score, from one aggregation.
         */
        InfoStats: {
            /** Units */
            units: components["schemas"]["UnitStats"][];
            /** Year */
            year: number;
        };
        /** InstanceOut */
        InstanceOut: {
            /** Cc */
            cc: string[];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Current Holders */
            current_holders: components["schemas"]["Holder"][];
            /** Current Step */
            current_step: string | null;
            /** Definition Key */
            definition_key: string;
            /** Definition Name */
            definition_name: string;
            /** Definition Version */
            definition_version: number;
            /** Form */
            form: {
                [key: string]: unknown;
            };
            /** Id */
            id: string;
            /** Initiator Id */
            initiator_id: string;
            /** Initiator Name */
            initiator_name: string;
            /** My Actions */
            my_actions: string[];
            /** Return Targets */
            return_targets: string[];
            /** Runs */
            runs: components["schemas"]["RunOut"][];
            /**
             * Status
             * @enum {string}
             */
            status: "running" | "approved" | "rejected" | "withdrawn" | "voided";
            subject: components["schemas"]["SubjectRef"] | null;
            /** Title */
            title: string;
            /** Trail */
            trail: components["schemas"]["TrailEntry"][];
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
        };
        /**
         * Instruction
         * @description 批示: enough to open a 督办 item from it later.
         */
        Instruction: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** By Id */
            by_id: string;
            /** By Name */
            by_name: string;
            /** Co Unit Ids */
            co_unit_ids: string[];
            /**
             * Deadline
             * @default null
             */
            deadline: string | null;
            /**
             * Duban Id
             * @default null
             */
            duban_id: string | null;
            /** Lead Unit Id */
            lead_unit_id: string;
            /** Lead Unit Name */
            lead_unit_name: string;
            /** Text */
            text: string;
        };
        /** IntegrationCreated */
        IntegrationCreated: {
            integration: components["schemas"]["IntegrationOut"];
            /** Secret */
            secret: string;
        };
        /** IntegrationIn */
        IntegrationIn: {
            /**
             * Bot Key
             * @default webhook
             */
            bot_key: string;
            /** Key */
            key: string;
            /** Name */
            name: string;
        };
        /** IntegrationList */
        IntegrationList: {
            /** Integrations */
            integrations: components["schemas"]["IntegrationOut"][];
        };
        /** IntegrationOut */
        IntegrationOut: {
            /** Bot Key */
            bot_key: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Disabled */
            disabled: boolean;
            /** Key */
            key: string;
            /** Name */
            name: string;
            /** Url */
            url: string;
        };
        /** IssueIn */
        IssueIn: {
            /** Item Ids */
            item_ids: string[];
            /** Request Id */
            request_id: string;
        };
        /** IssueList */
        IssueList: {
            /** Issues */
            issues: components["schemas"]["IssueOut"][];
        };
        /** IssueOut */
        IssueOut: {
            /** Compiled By Name */
            compiled_by_name: string;
            /** Id */
            id: string;
            /** Items */
            items: components["schemas"]["InfoOut"][];
            /** Number */
            number: number;
            /**
             * Published At
             * Format: date-time
             */
            published_at: string;
            /** Title */
            title: string;
            /** Year */
            year: number;
        };
        /**
         * LibraryIndexOut
         * @description The libraries of my units, and the folders other units share with me (or the whole city).
         */
        LibraryIndexOut: {
            /** Shared */
            shared: components["schemas"]["FolderOut"][];
            /** Units */
            units: components["schemas"]["LibraryUnitOut"][];
        };
        /**
         * LibraryOut
         * @description One unit's library as its member sees it: every folder (the client builds the tree), usage and rights.
         */
        LibraryOut: {
            /**
             * Can Manage
             * @description The unit head: names the library's editors
             */
            can_manage: boolean;
            /** Can Write */
            can_write: boolean;
            /** Editor Ids */
            editor_ids: string[];
            /** Folders */
            folders: components["schemas"]["FolderOut"][];
            /** Limit */
            limit: number;
            /** Unit Id */
            unit_id: string;
            /** Unit Name */
            unit_name: string;
            /** Used */
            used: number;
        };
        /** LibraryUnitOut */
        LibraryUnitOut: {
            /** Can Write */
            can_write: boolean;
            /** Unit Id */
            unit_id: string;
            /** Unit Name */
            unit_name: string;
        };
        /** LightChange */
        LightChange: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /**
             * Light
             * @enum {string}
             */
            light: "green" | "yellow" | "red";
            /** Stage */
            stage: string;
        };
        /** Limit */
        "Limit-Input": {
            /** Amount */
            amount: number;
            /**
             * Unit
             * @default workdays
             * @enum {string}
             */
            unit: "workdays" | "workhours";
        };
        /** Limit */
        "Limit-Output": {
            /** Amount */
            amount: number;
            /**
             * Unit
             * @default workdays
             * @enum {string}
             */
            unit: "workdays" | "workhours";
        };
        /** LoginIn */
        LoginIn: {
            /** Password */
            password: string;
            /** Username */
            username: string;
        };
        /** Material */
        Material: {
            /** Key */
            key: string;
            /** Name */
            name: string;
            /**
             * Required
             * @default true
             */
            required: boolean;
        };
        /**
         * MatterCode
         * @description The fields of a 事项编码 after GB/T 39554.1: 基本编码 (type, main item, sub item) and 实施编码 (region of
         *     the 实施机关, its 统一社会信用代码, and the business item).
         */
        MatterCode: {
            /**
             * Business Item
             * @description 业务办理项编码
             */
            business_item: string;
            /**
             * Item Type
             * @description 事项类型, e.g. XK 行政许可
             */
            item_type: string;
            /**
             * Main Item
             * @description 主项编码
             */
            main_item: string;
            /**
             * Org Code
             * @description 实施机关统一社会信用代码
             */
            org_code: string;
            /**
             * Region Code
             * @description 实施机关行政区划代码
             */
            region_code: string;
            /**
             * Sub Item
             * @description 子项编码
             */
            sub_item: string;
        };
        /** MatterList */
        MatterList: {
            /** Matters */
            matters: components["schemas"]["MatterOut"][];
        };
        /** MatterOut */
        MatterOut: {
            code: components["schemas"]["MatterCode"];
            /** Full Code */
            full_code: string;
            /** Key */
            key: string;
            /** Legal Days */
            legal_days: number;
            /** Materials */
            materials: components["schemas"]["Material"][];
            /** Name */
            name: string;
            /** Promised Days */
            promised_days: number;
            /** Stages */
            stages: components["schemas"]["StageLimit"][];
            thresholds: components["schemas"]["Thresholds"];
            /** Unit Id */
            unit_id: string;
        };
        /** MembersAddIn */
        MembersAddIn: {
            /** User Ids */
            user_ids: string[];
        };
        /** MembershipIn */
        MembershipIn: {
            /**
             * Is Head
             * @default false
             */
            is_head: boolean;
            /**
             * Position
             * @description 岗位
             */
            position: string;
            /**
             * Title
             * @description 职务
             */
            title: string;
            /** Unit Id */
            unit_id: string;
        };
        /** MembershipOut */
        MembershipOut: {
            /** Is Head */
            is_head: boolean;
            /** Position */
            position: string;
            /** Title */
            title: string;
            /** Unit Id */
            unit_id: string;
            /** Unit Name */
            unit_name: string;
        };
        /** MembersOut */
        MembersOut: {
            /** Members */
            members: components["schemas"]["UserOut"][];
        };
        /**
         * MessageHit
         * @description A message that contains every query word: plain text around the first hit, with the hits' ranges.
         */
        MessageHit: {
            /** Channel Id */
            channel_id: string;
            /**
             * Channel Kind
             * @enum {string}
             */
            channel_kind: "unit" | "group" | "direct";
            /**
             * Channel Name
             * @description For a direct conversation, the other person's name
             */
            channel_name: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Edited */
            edited: boolean;
            /** Highlights */
            highlights: components["schemas"]["Highlight"][];
            /** Message Id */
            message_id: string;
            /** Sender Id */
            sender_id: string;
            /** Sender Name */
            sender_name: string;
            /** Seq */
            seq: number;
            /**
             * Snippet
             * @description Plain text (markdown removed); never HTML
             */
            snippet: string;
        };
        /** MessageOut */
        MessageOut: {
            /** Attachments */
            attachments: components["schemas"]["AttachmentOut"][];
            /** @default null */
            card: components["schemas"]["CardOut"] | null;
            /** Channel Id */
            channel_id: string;
            /** Client Msg Id */
            client_msg_id: string;
            /** Content */
            content: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Edited At */
            edited_at: string | null;
            /** @default null */
            forwarded: components["schemas"]["ForwardedOut"] | null;
            /** Id */
            id: string;
            /** Mentions */
            mentions: string[];
            /** Reactions */
            reactions: components["schemas"]["ReactionOut"][];
            /** Recalled */
            recalled: boolean;
            /** @default null */
            reply_to: components["schemas"]["QuoteOut"] | null;
            /** Rev */
            rev: number;
            /** Sender Id */
            sender_id: string;
            /** Sender Name */
            sender_name: string;
            /** Seq */
            seq: number;
            /**
             * System
             * @default false
             */
            system: boolean;
        };
        /**
         * MessageReadsOut
         * @description Who of the channel (but the sender and bots) has read this message, and who has not.
         */
        MessageReadsOut: {
            /** Read */
            read: components["schemas"]["PersonRef"][];
            /** Unread */
            unread: components["schemas"]["PersonRef"][];
        };
        /** MessageResults */
        MessageResults: {
            /** Items */
            items: components["schemas"]["MessageHit"][];
            /**
             * Truncated
             * @description The scan stopped at its cap: older matches may exist; narrow the search
             */
            truncated: boolean;
        };
        /** MilestoneIn */
        MilestoneIn: {
            /**
             * Due
             * Format: date
             */
            due: string;
            /** Title */
            title: string;
            /** Weight */
            weight: number;
        };
        /** MilestoneOut */
        MilestoneOut: {
            /** Cumulative */
            cumulative: number;
            /**
             * Due
             * Format: date
             */
            due: string;
            /** Key */
            key: string;
            /** Reached */
            reached: boolean;
            /** Title */
            title: string;
            /** Weight */
            weight: number;
        };
        /** NumberAct */
        NumberAct: {
            /**
             * Act
             * @enum {string}
             */
            act: "reserved" | "used" | "voided";
            /** Actor Id */
            actor_id: string;
            /** Actor Name */
            actor_name: string;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /**
             * Note
             * @default
             */
            note: string;
        };
        /** NumberOut */
        NumberOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Document Id */
            document_id: string | null;
            /** History */
            history: components["schemas"]["NumberAct"][];
            /** Id */
            id: string;
            /** Number */
            number: number;
            /** Reason */
            reason: string;
            /**
             * Status
             * @enum {string}
             */
            status: "reserved" | "used" | "void";
            /** Text */
            text: string;
        };
        /**
         * NumberRegisterOut
         * @description Every number of the sequence in order; `unexplained` lists numbers passed with no row at all.
         */
        NumberRegisterOut: {
            /** Code */
            code: string;
            /** Numbers */
            numbers: components["schemas"]["NumberOut"][];
            /** Unexplained */
            unexplained: number[];
            /** Year */
            year: number;
        };
        /**
         * Opinion
         * @description An internal review opinion: never shown on the public page.
         */
        Opinion: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Text */
            text: string;
            user_id: components["schemas"]["PydanticObjectId"];
            /** User Name */
            user_name: string;
        };
        /**
         * OutgoingCreateIn
         * @description 拟稿: the content, the 机关代字 it will be numbered in, and who reviews, countersigns and signs.
         */
        OutgoingCreateIn: {
            /**
             * Code
             * @description 机关代字, e.g. 白政发
             */
            code: string;
            content: components["schemas"]["DraftContent-Input"];
            /**
             * Countersign Unit Ids
             * @description 会签单位 (their heads)
             */
            countersign_unit_ids?: string[];
            /** Request Id */
            request_id: string;
            /**
             * Reviewer Id
             * @description 核稿人
             */
            reviewer_id: string;
            /**
             * Signer Id
             * @description 签发领导; for 上行文 the unit's principal
             */
            signer_id: string;
        };
        /**
         * OutgoingEditIn
         * @description A new version on top of base_version (the version the editor loaded).
         */
        OutgoingEditIn: {
            /** Base Version */
            base_version: number;
            content: components["schemas"]["DraftContent-Input"];
        };
        /** OutgoingList */
        OutgoingList: {
            /** Drafts */
            drafts: components["schemas"]["OutgoingRow"][];
        };
        /** OutgoingOut */
        OutgoingOut: {
            /** Can Edit */
            can_edit: boolean;
            /** Code */
            code: string;
            content: components["schemas"]["DraftContent-Output"];
            /** Countersign */
            countersign: components["schemas"]["CountersignOut"][];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Current Holders */
            current_holders: components["schemas"]["Holder"][];
            /** Current Step */
            current_step: string | null;
            /** Current Step Key */
            current_step_key: string | null;
            /** Document Id */
            document_id: string | null;
            /** Drafter Name */
            drafter_name: string;
            /**
             * Files
             * @description 附件 uploaded to the draft, and the 版式 files
             */
            files: components["schemas"]["FileOut"][];
            /** Id */
            id: string;
            /**
             * Lines
             * @description the draft as rendered text (numbers generated)
             */
            lines: string[];
            /** My Actions */
            my_actions: string[];
            /** Number Text */
            number_text: string | null;
            /** Ofd File Id */
            ofd_file_id: string | null;
            /** Ofd Sha256 */
            ofd_sha256: string | null;
            /** Pdf File Id */
            pdf_file_id: string | null;
            /** Pdf Sha256 */
            pdf_sha256: string | null;
            /** Process Status */
            process_status: string;
            /** Province Units */
            province_units: string[];
            /** Reviewer Name */
            reviewer_name: string;
            /** Sealed At */
            sealed_at: string | null;
            /** Sealed By Name */
            sealed_by_name: string | null;
            /** Signed At */
            signed_at: string | null;
            /** Signed Version */
            signed_version: number | null;
            /** Signer Name */
            signer_name: string | null;
            /** Status */
            status: string;
            /** Title */
            title: string;
            /** Trail */
            trail: components["schemas"]["TrailOut"][];
            /** Unit Id */
            unit_id: string;
            /** Unit Name */
            unit_name: string;
            /** Unit Names */
            unit_names: {
                [key: string]: string;
            };
            /** Version */
            version: number;
        };
        /** OutgoingRow */
        OutgoingRow: {
            /** Current Step */
            current_step: string | null;
            /** Drafter Name */
            drafter_name: string;
            /** Id */
            id: string;
            /**
             * Mine Now
             * @description a step of it waits for me
             */
            mine_now: boolean;
            /** Number Text */
            number_text: string | null;
            /** Status */
            status: string;
            /** Title */
            title: string;
            /** Unit Name */
            unit_name: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * OutgoingStepIn
         * @description One press of a 发文 button; return sends the draft back to the drafter with the reason.
         */
        OutgoingStepIn: {
            /**
             * Op
             * @enum {string}
             */
            op: "review" | "countersign" | "sign" | "number" | "recheck" | "seal" | "distribute" | "return" | "resubmit";
            /**
             * Opinion
             * @description 意见; 会签 requires one
             * @default null
             */
            opinion: string | null;
            /** Request Id */
            request_id: string;
        };
        /** OverrideIn */
        OverrideIn: {
            /**
             * Kind
             * @enum {string}
             */
            kind: "workday" | "holiday";
            /**
             * Note
             * @default
             */
            note: string;
        };
        /** OverrideList */
        OverrideList: {
            /** Overrides */
            overrides: components["schemas"]["OverrideOut"][];
        };
        /** OverrideOut */
        OverrideOut: {
            /**
             * Day
             * Format: date
             */
            day: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "workday" | "holiday";
            /** Note */
            note: string;
            /** Set By */
            set_by: string | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** PasswordIn */
        PasswordIn: {
            /** Password */
            password: string;
        };
        /** Pause */
        Pause: {
            /**
             * End
             * @default null
             */
            end: string | null;
            /**
             * Kind
             * @enum {string}
             */
            kind: "听证" | "检验" | "检测" | "鉴定" | "专家评审";
            /** Reason */
            reason: string;
            /**
             * Start
             * Format: date-time
             */
            start: string;
        };
        /**
         * PendingOut
         * @description 待归档: the unit's 办结 收文 and distributed 发文 not yet filed.
         */
        PendingOut: {
            /** Fonds */
            fonds: string;
            /** Rows */
            rows: components["schemas"]["PendingRow"][];
            /** Unit Id */
            unit_id: string;
            /** Unit Name */
            unit_name: string;
        };
        /** PendingRow */
        PendingRow: {
            /**
             * At
             * Format: date-time
             * @description 办结 (incoming) or sent (outgoing)
             */
            at: string;
            /** Doc Number */
            doc_number: string;
            /** Doc Type */
            doc_type: string;
            /** Document Id */
            document_id: string;
            /** Issuer */
            issuer: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "incoming" | "outgoing";
            /** Source Id */
            source_id: string;
            /** Title */
            title: string;
            /**
             * Written On
             * Format: date
             */
            written_on: string;
        };
        /** PeopleResults */
        PeopleResults: {
            /** Items */
            items: components["schemas"]["PersonHit"][];
        };
        /** PersonHit */
        PersonHit: {
            /** Matched */
            matched: ("name" | "pinyin" | "username" | "title" | "position" | "unit")[];
            user: components["schemas"]["UserOut"];
        };
        /** PersonRef */
        PersonRef: {
            /** Id */
            id: string;
            /** Name */
            name: string;
        };
        /** PinIn */
        PinIn: {
            /** Pinned */
            pinned: boolean;
        };
        /**
         * PositionRule
         * @description A seat in a unit: its head, or whoever holds a named position (岗位) there.
         */
        PositionRule: {
            /**
             * Head
             * @default true
             */
            head: boolean;
            /**
             * Position
             * @default null
             */
            position: string | null;
            /** Unit Id */
            unit_id: string;
        };
        /**
         * PreviewIn
         * @description Unsaved content to lay out (the drafting page's live preview).
         */
        PreviewIn: {
            /**
             * Code
             * @description 机关代字 of a draft not created yet
             * @default null
             */
            code: string | null;
            content: components["schemas"]["DraftContent-Input"];
        };
        /** ProgressIn */
        ProgressIn: {
            /** Percent */
            percent: number;
            /** Request Id */
            request_id: string;
            /** Text */
            text: string;
        };
        /** ProgressOut */
        ProgressOut: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** By Name */
            by_name: string;
            /** Percent */
            percent: number;
            /** Seq */
            seq: number;
            /** Text */
            text: string;
        };
        /**
         * PublicCase
         * @description Everything an applicant may see; built field by field so nothing internal can slip in.
         */
        PublicCase: {
            /** Can Rate */
            can_rate: boolean;
            /** Correction */
            correction: string[] | null;
            /** Deadline */
            deadline: string | null;
            /** Department */
            department: string;
            /** Extension Reason */
            extension_reason: string | null;
            /** Matter Name */
            matter_name: string;
            /** Number */
            number: string;
            /** Paused */
            paused: boolean;
            /**
             * Rated
             * @enum {string}
             */
            rated: "" | "非常满意" | "满意" | "基本满意" | "不满意" | "非常不满意";
            /** Refusal */
            refusal: string | null;
            result: components["schemas"]["PublicResult"] | null;
            /** Stages */
            stages: components["schemas"]["PublicStage"][];
            /** Status */
            status: string;
            /** Status Label */
            status_label: string;
        };
        /** PublicResult */
        PublicResult: {
            /** Appeal */
            appeal: string;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Granted */
            granted: boolean;
            /** Reason */
            reason: string;
        };
        /** PublicStage */
        PublicStage: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Name */
            name: string;
            /** Note */
            note: string;
        };
        /** @example 5eb7cf5a86d9755df3a6c593 */
        PydanticObjectId: string;
        /** QueryIn */
        QueryIn: {
            /** Code */
            code: string;
            /** Number */
            number: string;
        };
        /**
         * QuoteOut
         * @description The message a reply quotes, as the reader may see it now: a recalled original shows as recalled.
         */
        QuoteOut: {
            /** Message Id */
            message_id: string;
            /** Recalled */
            recalled: boolean;
            /** Sender Id */
            sender_id: string;
            /** Sender Name */
            sender_name: string;
            /** Seq */
            seq: number;
            /**
             * Snippet
             * @description The start of the original's markdown; empty when recalled
             */
            snippet: string;
        };
        /** RateIn */
        RateIn: {
            /** Code */
            code: string;
            /**
             * Comment
             * @default
             */
            comment: string;
            /** Number */
            number: string;
            /** Score */
            score: number;
        };
        /**
         * ReactionIn
         * @description Set (on) or clear (off) your reaction; repeating either changes nothing.
         */
        ReactionIn: {
            /**
             * Key
             * @enum {string}
             */
            key: "like" | "ok" | "smile" | "thanks" | "clap" | "heart";
            /**
             * On
             * @default true
             */
            on: boolean;
        };
        /** ReactionOut */
        ReactionOut: {
            /** Count */
            count: number;
            /** Emoji */
            emoji: string;
            /**
             * Key
             * @enum {string}
             */
            key: "like" | "ok" | "smile" | "thanks" | "clap" | "heart";
            /**
             * User Ids
             * @description Who reacted, in the order they did
             */
            user_ids: string[];
        };
        /** Reader */
        Reader: {
            /**
             * Comment
             * @default null
             */
            comment: string | null;
            /**
             * Delivered At
             * Format: date-time
             */
            delivered_at: string;
            /** Name */
            name: string;
            /**
             * Opened At
             * @default null
             */
            opened_at: string | null;
            /**
             * Read At
             * @default null
             */
            read_at: string | null;
            /**
             * State
             * @default delivered
             * @enum {string}
             */
            state: "delivered" | "opened" | "read" | "recalled";
            /** User Id */
            user_id: string;
        };
        /** ReadIn */
        ReadIn: {
            /** Seq */
            seq: number;
        };
        /** ReadPositionOut */
        ReadPositionOut: {
            /** Last Read Seq */
            last_read_seq: number;
            /** Name */
            name: string;
            /** User Id */
            user_id: string;
        };
        /**
         * ReadPositionsOut
         * @description Every member's read position (bots left out); available is false above the receipt limit (200 members).
         */
        ReadPositionsOut: {
            /** Available */
            available: boolean;
            /** Positions */
            positions: components["schemas"]["ReadPositionOut"][];
        };
        /**
         * ReadUpdated
         * @description Sent to the reader's own sockets, so every device shows the same unread count.
         */
        ReadUpdated: {
            /** Channel Id */
            channel_id: string;
            /** Last Read Seq */
            last_read_seq: number;
            /** Unread */
            unread: number;
        };
        /**
         * Receipt
         * @description The 受理回执 the applicant takes away: the query code appears here and nowhere else, ever.
         */
        Receipt: {
            /**
             * Accept Due At
             * Format: date-time
             */
            accept_due_at: string;
            /** Case Id */
            case_id: string;
            /** Legal Days */
            legal_days: number;
            /** Matter Name */
            matter_name: string;
            /** Number */
            number: string;
            /** Promised Days */
            promised_days: number;
            /** Query Code */
            query_code: string;
            /**
             * Submitted At
             * Format: date-time
             */
            submitted_at: string;
            /** Unit Name */
            unit_name: string;
        };
        /** ReceiptBoard */
        ReceiptBoard: {
            announcement: components["schemas"]["AnnouncementOut"];
            /** Not Confirmed */
            not_confirmed: components["schemas"]["ReceiptRow"][];
            /** Not Read */
            not_read: components["schemas"]["ReceiptRow"][];
            /** Units */
            units: components["schemas"]["UnitRate"][];
        };
        /** ReceiptOut */
        ReceiptOut: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Content Hash */
            content_hash: string;
            /** Id */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "signed" | "returned";
            /** Reason */
            reason: string | null;
            /** Record Id */
            record_id: string;
            /** Unit Name */
            unit_name: string;
            /** User Name */
            user_name: string;
        };
        /** ReceiptRow */
        ReceiptRow: {
            /** Confirmed At */
            confirmed_at: string | null;
            /**
             * Delivered At
             * Format: date-time
             */
            delivered_at: string;
            /** Nudges */
            nudges: number;
            /** Opened At */
            opened_at: string | null;
            /** Unit Id */
            unit_id: string | null;
            /** Unit Name */
            unit_name: string;
            /** User Id */
            user_id: string;
            /** User Name */
            user_name: string;
        };
        /** ReceiptState */
        ReceiptState: {
            /** Confirmed At */
            confirmed_at: string | null;
            /**
             * Delivered At
             * Format: date-time
             */
            delivered_at: string;
            /** Nudges */
            nudges: number;
            /** Opened At */
            opened_at: string | null;
        };
        /**
         * RecordOut
         * @description One recipient unit's 收文: its process step, number, 批示, 传阅 and what the viewer may press.
         */
        RecordOut: {
            /** Checklist */
            checklist: {
                [key: string]: boolean;
            };
            /** Copied */
            copied: boolean;
            /** Current Holders */
            current_holders: components["schemas"]["Holder"][];
            /** Current Step */
            current_step: string | null;
            /** Doc Type */
            doc_type: string;
            /** Document Id */
            document_id: string;
            /** Due At */
            due_at: string | null;
            /** Id */
            id: string;
            /** Instance Id */
            instance_id: string | null;
            instruction: components["schemas"]["Instruction"] | null;
            /** My Actions */
            my_actions: string[];
            /** Overdue */
            overdue: boolean;
            /** Proposal */
            proposal: string | null;
            /** Readers */
            readers: components["schemas"]["Reader"][];
            /**
             * Received At
             * Format: date-time
             */
            received_at: string;
            /** Reg No */
            reg_no: string | null;
            /** Replies */
            replies: {
                [key: string]: unknown;
            }[];
            /** Returned Reason */
            returned_reason: string | null;
            /** Sender Unit Name */
            sender_unit_name: string;
            /** Signed At */
            signed_at: string | null;
            /** Signed By Name */
            signed_by_name: string | null;
            /** Status */
            status: string;
            /** Title */
            title: string;
            /** Trail */
            trail: components["schemas"]["TrailEntry"][];
            /** Unit Id */
            unit_id: string;
            /** Unit Name */
            unit_name: string;
            /** Urgency */
            urgency: string | null;
        };
        /** RegisterOut */
        RegisterOut: {
            /** Rows */
            rows: components["schemas"]["RegisterRow"][];
            /** Unit Id */
            unit_id: string;
            /** Unit Name */
            unit_name: string;
            /** Year */
            year: number;
        };
        /** RegisterRow */
        RegisterRow: {
            /** Doc Number */
            doc_number: string;
            /** Doc Type */
            doc_type: string;
            /** Record Id */
            record_id: string;
            /** Reg No */
            reg_no: string;
            /** Registered At */
            registered_at: string | null;
            /** Sender Unit Name */
            sender_unit_name: string;
            /** Status */
            status: string;
            /** Title */
            title: string;
            /** Urgency */
            urgency: string | null;
        };
        /**
         * ReminderIn
         * @description Exactly one of `preset` (in 1 hour, tomorrow 09:00, next working day 09:00, Beijing time) and `at`.
         */
        ReminderIn: {
            /**
             * At
             * @default null
             */
            at: string | null;
            /**
             * Note
             * @default
             */
            note: string;
            /**
             * Preset
             * @default null
             */
            preset: ("in_1h" | "tomorrow_0900" | "next_workday_0900") | null;
            /** Request Id */
            request_id: string;
            target: components["schemas"]["ReminderTargetIn"];
        };
        /** ReminderList */
        ReminderList: {
            /** Reminders */
            reminders: components["schemas"]["ReminderOut"][];
        };
        /** ReminderOut */
        ReminderOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Due At
             * Format: date-time
             */
            due_at: string;
            /** Id */
            id: string;
            /** Label */
            label: string;
            /** Link */
            link: string;
            /** Note */
            note: string;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "sent" | "cancelled";
            /** Target Id */
            target_id: string;
            /** Target Kind */
            target_kind: string;
        };
        /**
         * ReminderTargetIn
         * @description A typed reference: kind from the registry (message, card, task, process; 公文 adds its own) and id.
         */
        ReminderTargetIn: {
            /** Id */
            id: string;
            /** Kind */
            kind: string;
        };
        /** ReportIn */
        ReportIn: {
            /** Percent */
            percent: number;
            /** Request Id */
            request_id: string;
            /** Text */
            text: string;
        };
        /** ReportOut */
        ReportOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: string;
            /** Percent */
            percent: number;
            /** Reason */
            reason: string | null;
            /** Reporter Name */
            reporter_name: string;
            /** Reviewed At */
            reviewed_at: string | null;
            /** Reviewer Name */
            reviewer_name: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "accepted" | "returned";
            /** Text */
            text: string;
            unit: components["schemas"]["UnitRef"];
        };
        /** ReserveIn */
        ReserveIn: {
            /** Code */
            code: string;
            /** Reason */
            reason: string;
            /** Request Id */
            request_id: string;
            /** Unit Id */
            unit_id: string;
            /** Year */
            year: number;
        };
        /** ReviewIn */
        ReviewIn: {
            /**
             * Decision
             * @enum {string}
             */
            decision: "accept" | "return";
            /**
             * Reason
             * @default null
             */
            reason: string | null;
            /** Request Id */
            request_id: string;
        };
        /** RevokedOut */
        RevokedOut: {
            /** Revoked */
            revoked: number;
        };
        /** RolesIn */
        RolesIn: {
            /** Roles */
            roles: string[];
        };
        /** RunOut */
        RunOut: {
            /** Due At */
            due_at: string | null;
            /** Holders */
            holders: components["schemas"]["Holder"][];
            /** Id */
            id: string;
            /** Mode */
            mode: string;
            /** Name */
            name: string;
            /**
             * Opinion
             * @description when 同意/不同意 need an opinion on this run
             * @default on_reject
             * @enum {string}
             */
            opinion: "optional" | "required" | "on_reject";
            /** Status */
            status: string;
            /** Step Key */
            step_key: string;
        };
        /**
         * SearchOut
         * @description Groups are present for the kinds asked for; documents and announcements will be further groups.
         */
        SearchOut: {
            /** @default null */
            files: components["schemas"]["FileResults"] | null;
            /** @default null */
            messages: components["schemas"]["MessageResults"] | null;
            /** @default null */
            people: components["schemas"]["PeopleResults"] | null;
            /** Q */
            q: string;
            /** @default null */
            units: components["schemas"]["UnitResults"] | null;
            /**
             * Words
             * @description The words every message result contains (jieba's segmentation)
             */
            words: string[];
        };
        /**
         * SecretOut
         * @description Shown once: only a hash (bots) or a salt (integrations) is kept.
         */
        SecretOut: {
            /** Key */
            key: string;
            /** Secret */
            secret: string;
        };
        /** SecurityPolicyIn */
        SecurityPolicyIn: {
            /** Login Lock Minutes */
            login_lock_minutes: number;
            /** Login Max Failures */
            login_max_failures: number;
            /**
             * Password Classes
             * @description kinds of characters required: lower, upper, digit, symbol
             */
            password_classes: number;
            /** Password Min Length */
            password_min_length: number;
            /** Session Idle Minutes */
            session_idle_minutes: number;
            /** Session Ttl Hours */
            session_ttl_hours: number;
            /** Upload Max Mb */
            upload_max_mb: number;
            /** Upload Types */
            upload_types: string[];
            /**
             * Version
             * @description The version you read; a stale one is refused with conflict
             */
            version: number;
        };
        /** SecurityPolicyOut */
        SecurityPolicyOut: {
            /** Login Lock Minutes */
            login_lock_minutes: number;
            /** Login Max Failures */
            login_max_failures: number;
            /**
             * Password Classes
             * @description kinds of characters required: lower, upper, digit, symbol
             */
            password_classes: number;
            /** Password Min Length */
            password_min_length: number;
            /** Session Idle Minutes */
            session_idle_minutes: number;
            /** Session Ttl Hours */
            session_ttl_hours: number;
            /** Upload Max Mb */
            upload_max_mb: number;
            /** Upload Types */
            upload_types: string[];
            /** Version */
            version: number;
        };
        /** SentList */
        SentList: {
            /** Documents */
            documents: components["schemas"]["SentRow"][];
        };
        /**
         * SentRow
         * @description A document the person's unit sent, with its tracking counts.
         */
        SentRow: {
            /** Counts */
            counts: {
                [key: string]: number;
            };
            /** Doc Number */
            doc_number: string;
            /** Doc Type */
            doc_type: string;
            /** Id */
            id: string;
            /**
             * Sent At
             * Format: date-time
             */
            sent_at: string;
            /** Sent By Name */
            sent_by_name: string;
            /** Title */
            title: string;
            /** Urgency */
            urgency: string | null;
        };
        /**
         * SequenceList
         * @description The units the clerk numbers for (first: their own) and every 代字/year sequence they have.
         */
        SequenceList: {
            /** Sequences */
            sequences: components["schemas"]["SequenceRow"][];
            /** Units */
            units: {
                [key: string]: string;
            }[];
        };
        /** SequenceRow */
        SequenceRow: {
            /** Code */
            code: string;
            /** Last */
            last: number;
            /** Unit Id */
            unit_id: string;
            /** Unit Name */
            unit_name: string;
            /** Year */
            year: number;
        };
        /** SessionOut */
        SessionOut: {
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /** Token */
            token: string;
            user: components["schemas"]["UserOut"];
        };
        /** ShareIn */
        ShareIn: {
            /**
             * Share City
             * @default false
             */
            share_city: boolean;
            /** Share Unit Ids */
            share_unit_ids?: string[];
        };
        /**
         * StageEntry
         * @description A public step of the case: what the applicant may see (no names, no internal opinions).
         */
        StageEntry: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Name */
            name: string;
            /**
             * Note
             * @default
             */
            note: string;
        };
        /**
         * StageLimit
         * @description One step of the matter's procedure, with its own limit in working days (电子监察 watches each).
         */
        StageLimit: {
            /** Days */
            days: number;
            /**
             * Key
             * @enum {string}
             */
            key: "accept" | "decide" | "deliver";
            /** Name */
            name: string;
        };
        /** StarIn */
        StarIn: {
            /** Starred */
            starred: boolean;
        };
        /** StartIn */
        StartIn: {
            /**
             * Channel Id
             * @description where the process card goes; default: the initiator's unit channel
             * @default null
             */
            channel_id: string | null;
            /**
             * Chosen
             * @description 自选: step key -> user ids
             */
            chosen?: {
                [key: string]: string[];
            };
            /** Definition Key */
            definition_key: string;
            /** Form */
            form?: {
                [key: string]: unknown;
            };
            /** Request Id */
            request_id: string;
            /** @default null */
            subject: components["schemas"]["SubjectRef"] | null;
        };
        /** StatRow */
        StatRow: {
            /** Avg Days */
            avg_days: number | null;
            /** Bad Ratings */
            bad_ratings: number;
            /** Correction Rate */
            correction_rate: number | null;
            /** Decided */
            decided: number;
            /** Done Month */
            done_month: number;
            /** Done Week */
            done_week: number;
            /** Due Soon */
            due_soon: number;
            /** Extension Rate */
            extension_rate: number | null;
            /** Key */
            key: string;
            /** Label */
            label: string;
            /** P90 Days */
            p90_days: number | null;
            /** Pending */
            pending: number;
            /** Red */
            red: number;
            /** Total */
            total: number;
            /** Yellow */
            yellow: number;
        };
        /** Step */
        "Step-Input": {
            /** Approvers */
            approvers: components["schemas"]["Approvers-Input"][];
            /**
             * Branches
             * @description empty: the next step in the list, or end
             */
            branches?: components["schemas"]["Branch-Input"][];
            /** @default null */
            chase: components["schemas"]["Chase-Input"] | null;
            /** Key */
            key: string;
            /** @default null */
            limit: components["schemas"]["Limit-Input"] | null;
            /**
             * Mode
             * @default any
             * @enum {string}
             */
            mode: "sequential" | "all" | "any";
            /** Name */
            name: string;
            /**
             * One Rejection
             * @description 会签: one 不同意 rejects the step, or only counts against the quorum
             * @default rejects
             * @enum {string}
             */
            one_rejection: "rejects" | "counts";
            /**
             * Opinion
             * @default on_reject
             * @enum {string}
             */
            opinion: "optional" | "required" | "on_reject";
            /**
             * Quorum Percent
             * @description 会签: share of approvals that decides the step
             * @default 100
             */
            quorum_percent: number;
            /**
             * Skip Approved Before
             * @default true
             */
            skip_approved_before: boolean;
            /**
             * When Initiator
             * @default keep
             * @enum {string}
             */
            when_initiator: "keep" | "skip";
            /**
             * When Nobody
             * @default refuse
             * @enum {string}
             */
            when_nobody: "skip" | "admin" | "refuse";
        };
        /** Step */
        "Step-Output": {
            /** Approvers */
            approvers: components["schemas"]["Approvers-Output"][];
            /**
             * Branches
             * @description empty: the next step in the list, or end
             */
            branches: components["schemas"]["Branch-Output"][];
            /** @default null */
            chase: components["schemas"]["Chase-Output"] | null;
            /** Key */
            key: string;
            /** @default null */
            limit: components["schemas"]["Limit-Output"] | null;
            /**
             * Mode
             * @default any
             * @enum {string}
             */
            mode: "sequential" | "all" | "any";
            /** Name */
            name: string;
            /**
             * One Rejection
             * @description 会签: one 不同意 rejects the step, or only counts against the quorum
             * @default rejects
             * @enum {string}
             */
            one_rejection: "rejects" | "counts";
            /**
             * Opinion
             * @default on_reject
             * @enum {string}
             */
            opinion: "optional" | "required" | "on_reject";
            /**
             * Quorum Percent
             * @description 会签: share of approvals that decides the step
             * @default 100
             */
            quorum_percent: number;
            /**
             * Skip Approved Before
             * @default true
             */
            skip_approved_before: boolean;
            /**
             * When Initiator
             * @default keep
             * @enum {string}
             */
            when_initiator: "keep" | "skip";
            /**
             * When Nobody
             * @default refuse
             * @enum {string}
             */
            when_nobody: "skip" | "admin" | "refuse";
        };
        /**
         * StepIn
         * @description One press of a 收文 button; fields beyond op belong to that step.
         */
        StepIn: {
            /**
             * Checklist
             * @description 初审: organ, rules, format, countersigned; any false returns the document to its sender
             */
            checklist?: {
                [key: string]: boolean;
            };
            /**
             * Co Unit Ids
             * @description 批示: 协办单位
             */
            co_unit_ids?: string[];
            /**
             * Deadline
             * @description 批示: 办理时限
             * @default null
             */
            deadline: string | null;
            /**
             * Lead Unit Id
             * @description 批示: 主办单位
             * @default null
             */
            lead_unit_id: string | null;
            /**
             * Leader Ids
             * @description 拟办: leaders for 批示; 承办: leaders to 传阅
             */
            leader_ids?: string[];
            /**
             * Op
             * @enum {string}
             */
            op: "sign" | "return" | "register" | "review" | "propose" | "instruct" | "handle" | "reply" | "read" | "recall" | "finish_circulation" | "close" | "archive";
            /**
             * Opinion
             * @description 意见, 退回 reason, 批示 text, 答复
             * @default null
             */
            opinion: string | null;
            /** Request Id */
            request_id: string;
        };
        /** StorageValue */
        "StorageValue-Input": {
            /**
             * Value
             * @default null
             */
            value: unknown;
        };
        /** StorageValue */
        "StorageValue-Output": {
            /**
             * Value
             * @default null
             */
            value: unknown;
        };
        /**
         * SubjectRef
         * @description What the process is about (a 公文, an approval, a 督办 item), by kind and id.
         */
        SubjectRef: {
            /** Id */
            id: string;
            /** Kind */
            kind: string;
        };
        /** SubscriptionIn */
        SubscriptionIn: {
            /** Subscribed */
            subscribed: boolean;
        };
        /** SupervisedUnit */
        SupervisedUnit: {
            /** Code */
            code: string;
            /** Id */
            id: string;
            /** Name */
            name: string;
        };
        /** SupervisionIn */
        SupervisionIn: {
            /**
             * Unit Ids
             * @description the complete list; empty clears
             */
            unit_ids: string[];
        };
        /**
         * SupervisionOut
         * @description 分管: the units a leader is in charge of.
         */
        SupervisionOut: {
            /** Leader Id */
            leader_id: string;
            /** Leader Name */
            leader_name: string;
            /** Units */
            units: components["schemas"]["SupervisedUnit"][];
        };
        /**
         * TargetAct
         * @description One line of a target's history; the trail only grows.
         */
        TargetAct: {
            /**
             * Act
             * @enum {string}
             */
            act: "created" | "reported" | "accepted" | "returned" | "light" | "reminded" | "overdue" | "closed";
            /**
             * Actor Id
             * @default null
             */
            actor_id: string | null;
            /**
             * Actor Name
             * @default
             */
            actor_name: string;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /**
             * Light
             * @default null
             */
            light: ("green" | "yellow" | "red") | null;
            /**
             * Note
             * @default
             */
            note: string;
            /**
             * Percent
             * @default null
             */
            percent: number | null;
            /**
             * Report Id
             * @default null
             */
            report_id: string | null;
        };
        /**
         * TargetBoard
         * @description Counts per 主责 department and per light (closed ones apart), from one aggregation.
         */
        TargetBoard: {
            /** Rows */
            rows: components["schemas"]["BoardRow"][];
            /** Totals */
            totals: {
                [key: string]: number;
            };
            /** Year */
            year: number;
        };
        /**
         * TargetDetail
         * @description One target with its history and what this person may do with it.
         */
        TargetDetail: {
            /** Can Manage */
            can_manage: boolean;
            /** Can Report */
            can_report: boolean;
            /** Closed At */
            closed_at: string | null;
            /** Code */
            code: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By Name */
            created_by_name: string;
            /** Description */
            description: string;
            /** Expected */
            expected: number;
            /** Id */
            id: string;
            lead_unit: components["schemas"]["UnitRef"];
            /**
             * Light
             * @enum {string}
             */
            light: "green" | "yellow" | "red";
            /** Milestones */
            milestones: components["schemas"]["MilestoneOut"][];
            /** Partner Units */
            partner_units: components["schemas"]["UnitRef"][];
            /** Pending Reports */
            pending_reports: number;
            /** Progress */
            progress: number;
            /** Reports */
            reports: components["schemas"]["ReportOut"][];
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "closed";
            /** Title */
            title: string;
            /** Trail */
            trail: components["schemas"]["TargetAct"][];
            /** Year */
            year: number;
        };
        /**
         * TargetIn
         * @description A new yearly target; the milestones' weights add up to 100.
         */
        TargetIn: {
            /**
             * Description
             * @default
             */
            description: string;
            /** Lead Unit Id */
            lead_unit_id: string;
            /** Milestones */
            milestones: components["schemas"]["MilestoneIn"][];
            /** Partner Unit Ids */
            partner_unit_ids?: string[];
            /** Request Id */
            request_id: string;
            /** Title */
            title: string;
            /** Year */
            year: number;
        };
        /** TargetList */
        TargetList: {
            /** Can Manage */
            can_manage: boolean;
            /** Targets */
            targets: components["schemas"]["TargetOut"][];
        };
        /** TargetOut */
        TargetOut: {
            /** Closed At */
            closed_at: string | null;
            /** Code */
            code: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By Name */
            created_by_name: string;
            /** Description */
            description: string;
            /** Expected */
            expected: number;
            /** Id */
            id: string;
            lead_unit: components["schemas"]["UnitRef"];
            /**
             * Light
             * @enum {string}
             */
            light: "green" | "yellow" | "red";
            /** Milestones */
            milestones: components["schemas"]["MilestoneOut"][];
            /** Partner Units */
            partner_units: components["schemas"]["UnitRef"][];
            /** Pending Reports */
            pending_reports: number;
            /** Progress */
            progress: number;
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "closed";
            /** Title */
            title: string;
            /** Year */
            year: number;
        };
        /** TaskCounts */
        TaskCounts: {
            /** Cc */
            cc: number;
            /** Done */
            done: number;
            /** Overdue */
            overdue: number;
            /** Pending */
            pending: number;
            /** Started */
            started: number;
        };
        /** TaskList */
        TaskList: {
            /**
             * Box
             * @enum {string}
             */
            box: "pending" | "done" | "started" | "cc";
            counts: components["schemas"]["TaskCounts"];
            /** Tasks */
            tasks: components["schemas"]["TaskOut"][];
        };
        /**
         * TaskOut
         * @description One row of the 工作台: a 待办/已办 Assignment, or an instance I started or was copied on.
         */
        TaskOut: {
            /**
             * Box
             * @enum {string}
             */
            box: "pending" | "done" | "started" | "cc";
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Definition Key */
            definition_key: string;
            /**
             * Due At
             * @default null
             */
            due_at: string | null;
            /** Id */
            id: string;
            /** Initiator Name */
            initiator_name: string;
            /** Instance Id */
            instance_id: string;
            /**
             * Instance Status
             * @default null
             */
            instance_status: string | null;
            /**
             * On Behalf Of Name
             * @default null
             */
            on_behalf_of_name: string | null;
            /**
             * Overdue
             * @default false
             */
            overdue: boolean;
            /** Status */
            status: string;
            /**
             * Step Name
             * @default null
             */
            step_name: string | null;
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Urged At
             * @default null
             */
            urged_at: string | null;
        };
        /**
         * Thresholds
         * @description Yellow when this share of the time is used, or when this many working days are left, whichever first.
         */
        Thresholds: {
            /**
             * Yellow Days Left
             * @default 1
             */
            yellow_days_left: number;
            /**
             * Yellow Share
             * @default 0.8
             */
            yellow_share: number;
        };
        /** TourOut */
        TourOut: {
            /**
             * At
             * @default null
             */
            at: string | null;
            /**
             * Key
             * @enum {string}
             */
            key: "staff" | "leader" | "director" | "clerk" | "sys_admin" | "sec_admin" | "audit_admin";
            /**
             * Outcome
             * @default null
             */
            outcome: ("completed" | "skipped") | null;
            /**
             * Seen Version
             * @default null
             */
            seen_version: number | null;
            /** Version */
            version: number;
        };
        /**
         * TourRecordIn
         * @description A tour the person finished (completed) or closed early (skipped), at the version they were shown.
         */
        TourRecordIn: {
            /**
             * Outcome
             * @enum {string}
             */
            outcome: "completed" | "skipped";
            /**
             * Tour
             * @enum {string}
             */
            tour: "staff" | "leader" | "director" | "clerk" | "sys_admin" | "sec_admin" | "audit_admin";
            /** Version */
            version: number;
        };
        /**
         * ToursOut
         * @description My role's tour (from my roles, 岗位 and 职务), whether it is due (never seen at its version), every tour.
         */
        ToursOut: {
            /** Due */
            due: boolean;
            /**
             * Role
             * @enum {string}
             */
            role: "staff" | "leader" | "director" | "clerk" | "sys_admin" | "sec_admin" | "audit_admin";
            /** Tours */
            tours: components["schemas"]["TourOut"][];
        };
        /** TrackingOut */
        TrackingOut: {
            /** Counts */
            counts: {
                [key: string]: number;
            };
            /** Document Id */
            document_id: string;
            /** Rows */
            rows: components["schemas"]["TrackingRow"][];
        };
        /** TrackingRow */
        TrackingRow: {
            /** At */
            at: string | null;
            /** By Name */
            by_name: string | null;
            /** Copied */
            copied: boolean;
            /** Reason */
            reason: string | null;
            /** Record Id */
            record_id: string;
            /** Replies */
            replies: {
                [key: string]: unknown;
            }[];
            /**
             * State
             * @enum {string}
             */
            state: "signed" | "pending" | "returned";
            /** Status */
            status: string;
            /** Unit Id */
            unit_id: string;
            /** Unit Name */
            unit_name: string;
        };
        /**
         * TrailEntry
         * @description One act, with its opinion (意见); the trail only grows.
         */
        TrailEntry: {
            /**
             * Actor Id
             * @default null
             */
            actor_id: string | null;
            /** Actor Name */
            actor_name: string;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Detail */
            detail: {
                [key: string]: string;
            };
            /**
             * Kind
             * @enum {string}
             */
            kind: "start" | "approve" | "reject" | "add_sign" | "transfer" | "return" | "withdraw" | "retrieve" | "cc" | "urge" | "void" | "skip" | "resubmit";
            /**
             * On Behalf Of Id
             * @default null
             */
            on_behalf_of_id: string | null;
            /**
             * On Behalf Of Name
             * @default null
             */
            on_behalf_of_name: string | null;
            /**
             * Opinion
             * @default null
             */
            opinion: string | null;
            /**
             * Request Id
             * @default null
             */
            request_id: string | null;
            /**
             * Run Id
             * @default null
             */
            run_id: string | null;
            /** Seq */
            seq: number;
            /**
             * Step Name
             * @default null
             */
            step_name: string | null;
        };
        /** TrailOut */
        TrailOut: {
            /** Actor Name */
            actor_name: string;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Kind */
            kind: string;
            /** Opinion */
            opinion: string | null;
            /** Step Name */
            step_name: string | null;
        };
        /** TransferIn */
        TransferIn: {
            /** User Id */
            user_id: string;
        };
        /** TrendPoint */
        TrendPoint: {
            /** Completed */
            completed: number;
            /** Submitted */
            submitted: number;
            /** Week */
            week: string;
        };
        /** UnitCreateIn */
        UnitCreateIn: {
            /** Code */
            code: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "province" | "city" | "leadership" | "office" | "department" | "district" | "county" | "township";
            /** Name */
            name: string;
            /**
             * Order
             * @default 0
             */
            order: number;
            /**
             * Parent Id
             * @default null
             */
            parent_id: string | null;
            /**
             * Short Name
             * @default
             */
            short_name: string;
        };
        /** UnitList */
        UnitList: {
            /** Units */
            units: components["schemas"]["UnitOut"][];
        };
        /** UnitOut */
        UnitOut: {
            /**
             * Channel Id
             * @default null
             */
            channel_id: string | null;
            /** Code */
            code: string;
            /** External */
            external: boolean;
            /** Id */
            id: string;
            /** Kind */
            kind: string;
            /** Name */
            name: string;
            /** Order */
            order: number;
            /** Parent Id */
            parent_id: string | null;
            /** Short Name */
            short_name: string;
        };
        /** UnitRate */
        UnitRate: {
            /** Confirm Rate */
            confirm_rate: number;
            /** Confirmed */
            confirmed: number;
            /** Opened */
            opened: number;
            /** Read Rate */
            read_rate: number;
            /** Recipients */
            recipients: number;
            /** Unit Id */
            unit_id: string | null;
            /** Unit Name */
            unit_name: string;
        };
        /** UnitRef */
        UnitRef: {
            /** Id */
            id: string;
            /** Name */
            name: string;
        };
        /** UnitResults */
        UnitResults: {
            /** Items */
            items: components["schemas"]["UnitOut"][];
        };
        /** UnitStats */
        UnitStats: {
            /** Adopted */
            adopted: number;
            /** Province */
            province: number;
            /** Returned */
            returned: number;
            /** Score */
            score: number;
            /** Submitted */
            submitted: number;
            /** Unit Id */
            unit_id: string;
            /** Unit Name */
            unit_name: string;
        };
        /** UnitUpdateIn */
        UnitUpdateIn: {
            /**
             * Move
             * @description true: put the unit under parent_id (null: at the top)
             * @default false
             */
            move: boolean;
            /**
             * Name
             * @default null
             */
            name: string | null;
            /**
             * Order
             * @default null
             */
            order: number | null;
            /**
             * Parent Id
             * @default null
             */
            parent_id: string | null;
            /**
             * Short Name
             * @default null
             */
            short_name: string | null;
        };
        /** UrgeIn */
        UrgeIn: {
            /** Request Id */
            request_id: string;
        };
        /** UrgeOut */
        UrgeOut: {
            /**
             * Too Soon
             * @description units chased within the last 30 minutes
             */
            too_soon: string[];
            /**
             * Urged
             * @description units chased now
             */
            urged: string[];
        };
        /** UserCreateIn */
        UserCreateIn: {
            /** Name */
            name: string;
            /** Password */
            password: string;
            /** Roles */
            roles?: string[];
            /** Username */
            username: string;
        };
        /** UserList */
        UserList: {
            /** Users */
            users: components["schemas"]["UserOut"][];
        };
        /** UserOut */
        UserOut: {
            /** Disabled */
            disabled: boolean;
            /** Id */
            id: string;
            /** Initials */
            initials: string;
            /** Memberships */
            memberships: components["schemas"]["MembershipOut"][];
            /** Name */
            name: string;
            /** Pinyin */
            pinyin: string;
            /** Roles */
            roles: string[];
            /** Username */
            username: string;
        };
        /** UserUpdateIn */
        UserUpdateIn: {
            /** Name */
            name: string;
        };
        /** VersionList */
        VersionList: {
            /** Versions */
            versions: components["schemas"]["VersionOut"][];
        };
        /** VersionOut */
        VersionOut: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Author Name */
            author_name: string;
            /** N */
            n: number;
            /**
             * Signed
             * @description the version that was signed (签发)
             */
            signed: boolean;
            /** Step */
            step: string;
            /** Title */
            title: string;
        };
        /** VoidIn */
        VoidIn: {
            /** Reason */
            reason: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    admin_audit: {
        parameters: {
            query?: {
                action?: string | null;
                actor_id?: string | null;
                admin_role?: ("sys_admin" | "sec_admin" | "audit_admin") | null;
                limit?: number;
                object_id?: string | null;
                object_type?: string | null;
                outcome?: string | null;
                since?: string | null;
                until?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminAuditList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_audit_export: {
        parameters: {
            query?: {
                action?: string | null;
                actor_id?: string | null;
                admin_role?: ("sys_admin" | "sec_admin" | "audit_admin") | null;
                format?: "csv" | "xlsx";
                limit?: number;
                object_id?: string | null;
                object_type?: string | null;
                outcome?: string | null;
                since?: string | null;
                until?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_audit_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainVerification"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_bots: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_issue_token: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_revoke_tokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    list_overrides: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverrideList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    set_override: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                day: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OverrideIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverrideOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    remove_override: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                day: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    calendar_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarStatus"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_definitions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminDefinitionList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_publish_definition: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Definition-Input"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminDefinitionOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_load_shipped: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminDefinitionList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_import_preview: {
        parameters: {
            query: {
                filename: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_import_apply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batch_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_import_template: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_integrations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntegrationList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_create_integration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IntegrationIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntegrationCreated"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_rotate_integration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    sec_accounts: {
        parameters: {
            query?: {
                admins_only?: boolean;
                limit?: number;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    sec_set_roles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RolesIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    sec_policy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecurityPolicyOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    sec_put_policy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecurityPolicyIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecurityPolicyOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_supervision: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminSupervisionList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_set_supervision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                leader_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminSupervisionIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminSupervisionOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_units: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUnitList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_create_unit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnitCreateIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUnitOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_update_unit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnitUpdateIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUnitOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_retire_unit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUnitOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_users: {
        parameters: {
            query?: {
                limit?: number;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_create_user: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreateIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_update_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUpdateIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_disable_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_enable_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_add_membership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MembershipIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_remove_membership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    admin_reset_password: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordIn"];
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    announcement_list_mine: {
        parameters: {
            query?: {
                box?: "inbox" | "sent";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnouncementList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    announcement_publish: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnnouncementIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnouncementOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    announcement_get_one: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                announcement_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnouncementOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    announcement_confirm_one: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                announcement_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnouncementOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    announcement_open_one: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                announcement_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnouncementOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    announcement_pin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                announcement_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PinIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnouncementOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    announcement_recall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                announcement_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnouncementOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    announcement_board: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                announcement_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptBoard"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    archive_export: {
        parameters: {
            query: {
                q?: string | null;
                retention?: ("Y" | "D30" | "D10") | null;
                unit_id?: string | null;
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    archive_catalogue: {
        parameters: {
            query: {
                q?: string | null;
                retention?: ("Y" | "D30" | "D10") | null;
                unit_id?: string | null;
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArchiveListOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    archive_file_item: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ArchiveIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArchiveItemOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    archive_item_file: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                item_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    archive_pending: {
        parameters: {
            query?: {
                unit_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    archive_set_fonds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ArchiveSettingsIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    audit: {
        parameters: {
            query?: {
                action?: string | null;
                actor_id?: string | null;
                limit?: number;
                object_id?: string | null;
                since?: string | null;
                until?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    post_card: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BotCardIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotIdOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    update_card: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CardChange"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotIdOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    post_message: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BotMessageIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotIdOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    storage_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageValue-Output"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    storage_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StorageValue-Input"];
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_card: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CardOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    act: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CardActionIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["hub__wire__CardActionOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    channels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChannelCreateIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    dissolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    rename: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["hub__wire__RenameIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    set_admin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupRolesOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    run_command: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommandIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    members: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MembersOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    add_members: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MembersAddIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MembersOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    remove_member: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    list_messages: {
        parameters: {
            query?: {
                after?: number | null;
                before?: number | null;
                limit?: number;
            };
            header?: never;
            path: {
                channel_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    send: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["hub__wire__SendIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    transfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupRolesOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    channel_pinned: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnouncementList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    set_conversation_prefs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConversationPrefIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationPrefOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    mark_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReadIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadUpdated"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    positions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadPositionsOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    roles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupRolesOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    direct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DirectIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    chat_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatSettingsOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    commands: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    list_starred: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    star: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StarIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StarIn"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    list_definitions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitionList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    publish_definition: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Definition-Input"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitionOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_definition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitionOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    delegations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelegationList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    delegate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DelegationIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelegationList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delegation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    allocate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AllocateIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NumberOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    assign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NumberOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    void: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VoidIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NumberOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    number_register: {
        parameters: {
            query: {
                code: string;
                unit_id: string;
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NumberRegisterOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    docnumbers_register_xlsx: {
        parameters: {
            query: {
                code: string;
                unit_id: string;
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    reserve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReserveIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NumberOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    docnumbers_sequences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SequenceList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    list_sent: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SentList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    send_document: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["hub__documents_wire__SendIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_document: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    attach: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_tracking: {
        parameters: {
            query?: {
                state?: ("signed" | "pending" | "returned") | null;
            };
            header?: never;
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrackingOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    urge_unsigned: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UrgeIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UrgeOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_duban_list: {
        parameters: {
            query?: {
                open_only?: boolean;
                scope?: "following" | "hosting";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DubanList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    open_duban: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DubanIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DubanOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_duban: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                item_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DubanOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    report_progress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                item_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProgressIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DubanOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    listing: {
        parameters: {
            query: {
                scope_id: string;
                scope_kind: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileListOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    metadata: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    content: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_incoming: {
        parameters: {
            query?: {
                box?: "pending" | "handling" | "done" | "circulated";
                doc_type?: ("决议" | "决定" | "命令" | "公报" | "公告" | "通告" | "意见" | "通知" | "通报" | "报告" | "请示" | "批复" | "议案" | "函" | "纪要") | null;
                limit?: number;
                sender_unit_id?: string | null;
                urgency?: ("特急" | "加急") | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncomingList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_register: {
        parameters: {
            query: {
                unit_id?: string | null;
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_register_xlsx: {
        parameters: {
            query: {
                unit_id?: string | null;
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_receipt_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                record_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    post_step: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                record_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StepIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    list_issues: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    compile_issue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_issue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issue_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    list_items: {
        parameters: {
            query?: {
                box?: "mine" | "review" | "adopted" | "unit";
                year?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InfoList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    submit_item: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InfoIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InfoOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_item: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                item_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InfoOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    decide_item: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                item_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InfoOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    info_stats: {
        parameters: {
            query: {
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InfoStats"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    set_subscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionIn"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    start_instance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstanceOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_instance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                instance_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstanceOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    act_on_instance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                instance_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    chase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                instance_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChaseIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChaseOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    incoming: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    hall_intake: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Receipt"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    library_get_index: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LibraryIndexOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    library_delete_entry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entry_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    library_move_entry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entry_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EntryMoveIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    library_rename_entry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entry_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["hub__library_wire__RenameIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    library_get_folder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                folder_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    library_delete_folder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                folder_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    library_file_in: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                folder_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FileInIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    library_upload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                folder_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    library_move_folder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                folder_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FolderMoveIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FolderOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    library_rename_folder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                folder_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["hub__library_wire__RenameIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FolderOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    library_share_folder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                folder_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShareIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FolderOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    library_get_unit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LibraryOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    library_set_editors: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditorsIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LibraryOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    library_create_folder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FolderIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FolderOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    licensing_card_duban: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DubanOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    list_cases: {
        parameters: {
            query?: {
                filter?: "all" | "pending" | "due_soon" | "yellow" | "red" | "done";
                matter?: string | null;
                unit?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    submit_case: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Receipt"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_case: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    act_case: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseActIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    licensing_rebuild_counters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountersRebuilt"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_dashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dashboard"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    export_dashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    list_follow_ups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    close_follow_up: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["hub__views__licensing__CloseIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    list_matters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatterList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    my_conversation_prefs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationPrefList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    onboarding_my_tours: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ToursOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    onboarding_record_tour: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TourRecordIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ToursOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    edit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                message_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    react: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                message_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReactionIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    reads: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                message_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageReadsOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    recall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                message_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    forward: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForwardIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForwardOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    outgoing_list: {
        parameters: {
            query?: {
                box?: "all" | "todo";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutgoingList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    outgoing_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OutgoingCreateIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutgoingOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    outgoing_new_preview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewIn"];
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    outgoing_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draft_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutgoingOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    outgoing_edit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draft_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OutgoingEditIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutgoingOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    outgoing_diff: {
        parameters: {
            query: {
                from_version: number;
                to_version: number;
            };
            header?: never;
            path: {
                draft_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiffOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    outgoing_preview: {
        parameters: {
            query?: {
                version?: number | null;
            };
            header?: never;
            path: {
                draft_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    outgoing_live_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draft_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewIn"];
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    outgoing_step: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draft_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OutgoingStepIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutgoingOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    outgoing_versions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draft_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_policy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClassificationPolicyOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    put_policy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClassificationPolicyIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClassificationPolicyOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    public_query: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueryIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicCase"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    public_rate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RateIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicCase"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_reminders: {
        parameters: {
            query?: {
                status?: "pending" | "sent" | "cancelled" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    set_reminder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReminderIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    cancel_reminder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reminder_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    search: {
        parameters: {
            query: {
                channel_id?: string | null;
                kinds?: string;
                limit?: number;
                q: string;
                sender_id?: string | null;
                since?: string | null;
                until?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    set_my_contact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    list_targets: {
        parameters: {
            query?: {
                light?: ("green" | "yellow" | "red") | null;
                status?: ("active" | "closed") | null;
                unit_id?: string | null;
                year?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TargetList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    create_target: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TargetIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TargetDetail"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_target: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                target_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TargetDetail"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    close_target: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                target_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["hub__targets__wire__CloseIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TargetDetail"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    report_target_progress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                target_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    target_board: {
        parameters: {
            query: {
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TargetBoard"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    export_targets: {
        parameters: {
            query: {
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    review_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                report_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_tasks: {
        parameters: {
            query?: {
                box?: "pending" | "done" | "started" | "cc";
                definition_key?: string | null;
                limit?: number;
                offset?: number;
                overdue?: boolean;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    batch_act: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    advance_clock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClockIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    units: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    unit_members: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    users: {
        parameters: {
            query?: {
                limit?: number;
                q?: string;
                unit_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_contact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    get_supervision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    set_supervision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupervisionIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionOut"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
    healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
    };
}
