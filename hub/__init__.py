"""Xietong hub: realtime department channels, cards and bots for government office work."""
