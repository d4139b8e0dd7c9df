"""Realtime delivery over Socket.IO."""
