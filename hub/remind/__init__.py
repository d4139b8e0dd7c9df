"""提醒, 催办, the daily digest and 督办: wire shapes and the registry of things a reminder can point at."""
