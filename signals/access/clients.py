"""Which client a login attempt comes from, for the lock-out (see control.authenticate).

- IPv4: the address. IPv6: its /64 network, since one end site usually gets a /64 and can
  rotate addresses inside it at will.
- X-Forwarded-For counts only when the direct peer is a trusted reverse proxy:
  SIGNALS_TRUSTED_PROXIES, addresses or networks separated by commas (default none). Then
  the client is the rightmost hop that is not itself a trusted proxy.
- Streamlit's web server (uvicorn) already puts the header's address in place of the peer
  for connections from its FORWARDED_ALLOW_IPS (default 127.0.0.1 and ::1), and Streamlit
  gives None for a loopback peer. When the address given is the one that server would take
  from the header, the real peer was such a local connection: it is undone here. Without a
  trusted proxy, a local connection with the header is the one client "forwarded" and a
  remote one its own address: a forged header never chooses the client.
"""

from __future__ import annotations

import ipaddress
import os
import warnings

TRUSTED_PROXIES_ENV = "SIGNALS_TRUSTED_PROXIES"
SERVER_TRUSTED_ENV = "FORWARDED_ALLOW_IPS"          # uvicorn's own setting
SERVER_TRUSTED_DEFAULT = "127.0.0.1,::1"
IPV6_CLIENT_PREFIX = 64
MAX_HOPS = 20
LOCAL_CLIENT = "local"
FORWARDED_CLIENT = "forwarded"       # a header from a peer that is not a trusted proxy
LOOPBACK = ipaddress.ip_address("127.0.0.1")

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_address(text: str | None) -> Address | None:
    """An address from a peer or a forwarded hop ("1.2.3.4:80", "[::1]:80" too); None if not one."""
    text = (text or "").strip()
    if text.startswith("[") and "]" in text:
        text = text[1:text.index("]")]
    elif text.count(":") == 1:
        text = text.split(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def parse_networks(value: str | None, source: str = TRUSTED_PROXIES_ENV) -> list[Network]:
    """Addresses or networks separated by commas; a wrong item is left out with a warning."""
    items = (value or "").split(",")
    networks = []
    for item in (item.strip() for item in items):
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            warnings.warn(f"{source}: {item!r} is not an address or network; ignored.", stacklevel=2)
    return networks


def trusted_proxies() -> list[Network]:
    """The reverse proxies whose X-Forwarded-For counts (SIGNALS_TRUSTED_PROXIES; default none)."""
    return parse_networks(os.environ.get(TRUSTED_PROXIES_ENV, ""))


def _within(address: Address | None, networks: list[Network]) -> bool:
    return address is not None and any(address in network for network in networks
                                       if network.version == address.version)


def _server_pick(hops: list[str]) -> Address | None:
    """The hop Streamlit's server takes in place of a peer it trusts: the rightmost it does
    not trust, else the leftmost (as uvicorn's ProxyHeadersMiddleware)."""
    setting = os.environ.get(SERVER_TRUSTED_ENV, SERVER_TRUSTED_DEFAULT)
    if setting.strip() == "*":
        return parse_address(hops[0])
    trusted = parse_networks(setting, SERVER_TRUSTED_ENV)
    untrusted = [hop for hop in reversed(hops) if not _within(parse_address(hop), trusted)]
    return parse_address(untrusted[0] if untrusted else hops[0])


def _direct_peer(peer_ip: str | None, hops: list[str]) -> Address | None:
    """The connection's own address: Streamlit hides a loopback peer (None), and its server
    has replaced a trusted local peer's address by a forwarded one (then: loopback)."""
    peer = parse_address(peer_ip) if peer_ip else LOOPBACK
    if hops and (peer_ip is None or peer is None or peer == _server_pick(hops)):
        return LOOPBACK
    return peer


def client_key(address: Address) -> str:
    """The lock-out's client: an IPv4 address, an IPv6 /64 network, "local" for loopback."""
    if address.is_loopback:
        return LOCAL_CLIENT
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/{IPV6_CLIENT_PREFIX}", strict=False))
    return str(address)


def client_identity(peer_ip: str | None, forwarded_for: str | None = None,
                    proxies: list[Network] | None = None) -> str:
    """The client of a connection from `peer_ip` (Streamlit's st.context.ip_address) with this
    X-Forwarded-For header, trusting the header only through `proxies` (default:
    SIGNALS_TRUSTED_PROXIES)."""
    proxies = trusted_proxies() if proxies is None else proxies
    hops = [hop for hop in (forwarded_for or "").split(",") if hop.strip()][-MAX_HOPS:]
    current = _direct_peer(peer_ip, hops)
    if current is None:                          # not an address (e.g. a socket path)
        return str(peer_ip).strip()[:100]
    if hops and not _within(current, proxies):
        # A header through a peer that is not a trusted proxy never names the client.
        return FORWARDED_CLIENT if current.is_loopback else client_key(current)
    for hop in reversed(hops):
        if not _within(current, proxies):
            break
        address = parse_address(hop)
        if address is None:                     # a malformed hop: stop at the last proxy
            break
        current = address
    return client_key(current)
