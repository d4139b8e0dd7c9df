"""All writes and realtime events: check_* validates, do_* persists and then notifies."""
