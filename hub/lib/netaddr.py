"""The client's address: the socket peer, or what a trusted reverse proxy says it forwarded."""

from __future__ import annotations

import ipaddress
from functools import lru_cache

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=16)
def parse_proxies(spec: str) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(part.strip(), strict=False) for part in spec.split(",") if part.strip())


def is_trusted(address: str | None, proxies: tuple[Network, ...]) -> bool:
    if not address or not proxies:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in proxies)


def client_ip(peer: str | None, forwarded_for: str | None, proxies_spec: str) -> str | None:
    """Walk X-Forwarded-For from the right while the hop is a trusted proxy; a client can prepend anything,
    so only entries added by our own proxies count."""
    proxies = parse_proxies(proxies_spec)
    if not is_trusted(peer, proxies) or not forwarded_for:
        return peer
    hops = [h.strip() for h in forwarded_for.split(",") if h.strip()]
    current = peer
    while hops and is_trusted(current, proxies):
        current = hops.pop()
    return current


def forwarded_https(peer: str | None, proto_header: str | None, proxies_spec: str) -> bool:
    """X-Forwarded-Proto says https, and the peer is a proxy we trust to say so."""
    if not proto_header or not is_trusted(peer, parse_proxies(proxies_spec)):
        return False
    return proto_header.split(",")[0].strip().lower() == "https"
