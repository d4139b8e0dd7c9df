"""`python -m bots KEY`: run one bot outside the hub, with XIETONG_URL and XIETONG_BOT_TOKEN."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os

from bots.remote import Runner
from hub.botplatform.registry import builtin


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bots", description="Run a Xietong bot as its own process")
    parser.add_argument("key", help="which bot, e.g. poll")
    parser.add_argument("--url", default=os.environ.get("XIETONG_URL", "http://127.0.0.1:8080"))
    parser.add_argument("--token", default=os.environ.get("XIETONG_BOT_TOKEN"))
    args = parser.parse_args()
    logging.basicConfig(level=os.environ.get("HUB_LOG_LEVEL", "INFO"),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not args.token:
        parser.error("a bot token is needed: --token or XIETONG_BOT_TOKEN (python -m hub bots token KEY)")
    asyncio.run(Runner(builtin(args.key), args.url, args.token).run())
    return 0


raise SystemExit(main())
