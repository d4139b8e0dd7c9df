"""A demo hub for the card browser tests: the demo organisation, an integration, and the webhook bot in 市财政局.

Run as `python -m tests.browser.cardhub`; settings come from HUB_* like `python -m hub run`. The integration's
secret is written to the file named by CARDHUB_SECRET_FILE once everything is ready, so the test can sign pushes.
"""

from __future__ import annotations

import os
from pathlib import Path

from aiohttp import web

INTEGRATION = "province"


async def _prepare(app: web.Application) -> None:
    from hub.actions.channels import subscribe
    from hub.actions.integrations import do_create_integration
    from hub.models import BotAccount, Channel
    from hub.seed.demo import load_demo, stable_id
    from hub.views.base import HUB_KEY

    hub = app[HUB_KEY]
    await load_demo(hub)
    _, secret = await do_create_integration(hub, None, INTEGRATION, "省公文交换", "webhook")
    webhook = await BotAccount.find_one(BotAccount.key == "webhook")
    channel = await Channel.find_one(Channel.unit_id == stable_id("unit", "czj"))
    assert webhook is not None and channel is not None
    await subscribe(hub, channel, [webhook.user_id])
    target = Path(os.environ["CARDHUB_SECRET_FILE"])
    tmp = target.with_suffix(".tmp")
    tmp.write_text(secret)
    tmp.replace(target)


def main() -> None:
    from hub.app import create_app
    from hub.settings import Settings

    settings = Settings()
    app = create_app(settings, banner=False)
    app.on_startup.append(_prepare)
    web.run_app(app, host=settings.host, port=settings.port, print=None)


if __name__ == "__main__":
    main()
