"""A demo hub for the card browser tests that tells them the demo integration's secret.

The demo itself creates the province integration and seats the webhook bot in 市财政局.

Run as `python -m tests.browser.cardhub`; settings come from HUB_* like `python -m hub run`. The integration's
secret is written to the file named by CARDHUB_SECRET_FILE once everything is ready, so the test can sign pushes.
"""

from __future__ import annotations

import os
from pathlib import Path

from aiohttp import web


async def _prepare(app: web.Application) -> None:
    from hub.actions.integrations import integration_secret
    from hub.models import Integration
    from hub.seed.demo import DEMO_INTEGRATION, load_demo
    from hub.views.base import HUB_KEY

    hub = app[HUB_KEY]
    await load_demo(hub)
    integration = await Integration.find_one(Integration.key == DEMO_INTEGRATION)
    assert integration is not None
    secret = integration_secret(hub, integration)
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
