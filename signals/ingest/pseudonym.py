"""Pseudonymisation at the door: a keyed hash (HMAC-SHA256) of employee ids.

The key lives outside the database: in SIGNALS_PSEUDONYM_KEY (hex, given by the
operator) or in a key file created on first use, readable by its owner only.
The database stores the key's fingerprint, so a different key is refused
instead of silently breaking the link between files.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
import string
from pathlib import Path

from .. import config
from .messages import Message

KEY_BYTES = 32
SHA256_BLOCK = 64           # bytes: HMAC pads the key to the hash's block size
MIN_KEY_BYTES = 16          # shorter keys can be found by trying guessed ids


class KeyProblem(config.ConfigError):
    """The key cannot be used (malformed, too short, unreadable, another database's key).

    `message` says it in nl, fr, en or de; `text` is the English line of the command line.
    """

    def __init__(self, message: Message, where: str = ""):
        super().__init__(message.text(), where)
        self.message = message


class KeyMismatch(KeyProblem):
    """The key in use is not the key this database was filled with."""


def _describe_not_hex(text: str) -> str:
    """What an operator's key looks like, without repeating any of it."""
    if any(char not in string.hexdigits for char in text):
        return "characters that are not hexadecimal digits"
    return f"{len(text)} hexadecimal digits"


def _key_from_hex(text: str) -> bytes | None:
    """The key written in `text`, None unless it is at least MIN_KEY_BYTES of hex digits."""
    if len(text) < 2 * MIN_KEY_BYTES or len(text) % 2:
        return None
    try:
        return bytes.fromhex(text)
    except ValueError:
        return None


def _read_key_file(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise KeyProblem(Message("key.file_unreadable", {"reason": reason}), str(path)) from None
    try:
        text = data.decode("ascii").strip()
    except UnicodeDecodeError:
        raise KeyProblem(Message("key.file_not_hex"), str(path)) from None
    if len(text) < 2 * MIN_KEY_BYTES:
        raise KeyProblem(Message("key.file_too_short", {"size": len(data)}), str(path))
    key = _key_from_hex(text)
    if key is None:
        raise KeyProblem(Message("key.file_not_hex"), str(path))
    return key


def _create_key_file(path: Path) -> bytes:
    key = secrets.token_bytes(KEY_BYTES)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # O_EXCL: two processes starting at once cannot both create a key.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise KeyProblem(Message("key.file_unreadable", {"reason": reason}), str(path)) from None
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")
    return key


def _key_from_environment(given: str) -> bytes:
    text = given.strip()
    key = _key_from_hex(text)
    if key is None:
        raise KeyProblem(Message("key.env_not_hex", {"found": _describe_not_hex(text)}))
    return key


def load_key() -> bytes:
    """The operator's key (SIGNALS_PSEUDONYM_KEY), else the key file, created if missing.

    KeyProblem (one line, no traceback) when the key is malformed, shorter than
    16 bytes, or the key file cannot be read.
    """
    given = os.environ.get("SIGNALS_PSEUDONYM_KEY")
    if given:
        return _key_from_environment(given)
    path = config.key_file_path()
    if path.exists() or path.is_symlink():
        return _read_key_file(path)
    try:
        return _create_key_file(path)
    except FileExistsError:
        return _read_key_file(path)


def key_file_warning() -> Message | None:
    """A warning when the key file can be read by its group or by others (None if not)."""
    if os.environ.get("SIGNALS_PSEUDONYM_KEY") or os.name == "nt":
        return None
    try:
        mode = config.key_file_path().stat().st_mode
    except OSError:
        return None
    if mode & 0o077:
        return Message("key.readable_by_others", {"mode": oct(stat.S_IMODE(mode))[2:]})
    return None


def fingerprint(key: bytes) -> str:
    """A public fingerprint of the key: tells keys apart without revealing them."""
    return hashlib.sha256(b"fingerprint:" + key).hexdigest()[:16]


def pseudonymise(employee_id: str, key: bytes) -> str:
    # hmac.digest is the one-shot C implementation: about 5x faster than hmac.new per id.
    return hmac.digest(key, employee_id.encode("utf-8"), "sha256").hex()[:32]


def pseudonym_sql(column: str, key: bytes) -> tuple[str, list[bytes]]:
    """SQL computing `pseudonymise` of the VARCHAR `column` in DuckDB, and its parameters.

    HMAC-SHA256 written out (RFC 2104): sha256((K ^ opad) || sha256((K ^ ipad) || id)),
    so that DuckDB hashes a file's ids on all cores, without a round trip through Python.
    The key travels as query parameters (in memory), never in the SQL text."""
    block = key if len(key) <= SHA256_BLOCK else hashlib.sha256(key).digest()
    block = block.ljust(SHA256_BLOCK, b"\0")
    inner, outer = (bytes(byte ^ pad for byte in block) for pad in (0x36, 0x5C))
    expression = f"left(sha256(? || unhex(sha256(? || encode({column})))), 32)"
    return expression, [outer, inner]


def check_key(con, key: bytes) -> None:
    """Bind the database to this key on first use; refuse a different key later."""
    from ..store import get_meta, set_meta

    expected = get_meta(con, "key_fingerprint")
    actual = fingerprint(key)
    if expected is None:
        set_meta(con, "key_fingerprint", actual)
    elif expected != actual:
        raise KeyMismatch(Message("key.mismatch", {"expected": expected, "actual": actual}))
