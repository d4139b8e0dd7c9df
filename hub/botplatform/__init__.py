"""The hub's side of the bot platform: accounts, dispatch to in-process or remote bots, the bot API."""
