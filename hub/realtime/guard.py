"""Malformed Socket.IO and Engine.IO frames: one DEBUG line and the transport closed, never an ERROR traceback."""

from __future__ import annotations

import logging
from typing import Any

import engineio
import socketio
from socketio import packet

from hub.realtime.fast import close_websocket

log = logging.getLogger(__name__)


class MalformedPacket(ValueError):
    """A Socket.IO packet that does not decode."""


class GuardedPacket(packet.Packet):  # type: ignore[misc]
    """Socket.IO's packet, whose decoding failures are told apart from failures of the handlers behind it."""

    def decode(self, encoded_packet: Any) -> Any:
        try:
            return super().decode(encoded_packet)
        except Exception as exc:
            raise MalformedPacket(f"{type(exc).__name__}: {exc}"[:200]) from None


class _QuietEngineIO(logging.Filter):
    """Engine.IO reports a client's stale or made-up session id at ERROR; it is the client's mistake."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.levelno >= logging.INFO and message.startswith(_CLIENT_MISTAKES):
            log.debug("Engine.IO: %s", message.split(" (further", 1)[0])
            return False
        return True


_CLIENT_MISTAKES = ("Invalid session", "Socket for session", "Unexpected HTTP request", "'Session is disconnected'")


def install_frame_guards(sio: socketio.AsyncServer) -> None:
    """Decode with GuardedPacket, and close the transport of a client that sent a packet that does not decode."""
    eio_log = logging.getLogger("engineio.server")
    if not any(isinstance(f, _QuietEngineIO) for f in eio_log.filters):
        eio_log.addFilter(_QuietEngineIO())
    sio.packet_class = GuardedPacket
    original = sio._handle_eio_message

    async def guarded(eio_sid: str, data: Any) -> None:
        try:
            await original(eio_sid, data)
        except MalformedPacket as exc:
            log.debug("malformed Socket.IO packet, closing transport %s: %s", eio_sid, exc)
            sock = sio.eio.sockets.get(eio_sid)
            if sock is not None:
                # Not eio.disconnect: it waits for the queue to drain, which a polling client may never do.
                await sock.close(wait=False)
                await close_websocket(sock)

    sio.eio.on("message", guarded)
    original_connect = sio._handle_eio_connect

    async def guarded_connect(eio_sid: str, environ: dict[str, Any]) -> Any:
        sock = sio.eio.sockets.get(eio_sid)
        if sock is not None:
            _guard_polling(sock)
        return await original_connect(eio_sid, environ)

    sio.eio.on("connect", guarded_connect)


def _guard_polling(sock: Any) -> None:
    """A long-polling POST that does not decode (garbage, an unknown packet type) becomes Engine.IO's own
    protocol error, on which it closes the socket and answers 400, instead of an ERROR traceback and 200."""
    real = sock.handle_post_request

    async def handle_post_request(environ: dict[str, Any]) -> None:
        try:
            await real(environ)
        except engineio.exceptions.EngineIOError:
            raise
        except Exception as exc:
            log.debug("malformed Engine.IO polling payload, closing transport %s: %s", sock.sid,
                      type(exc).__name__)
            # Closed here without waiting for a poll to drain its queue (nobody polls while this POST waits).
            await sock.close(wait=False, abort=True)
            raise engineio.exceptions.UnknownPacketError() from None

    sock.handle_post_request = handle_post_request
