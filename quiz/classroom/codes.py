"""Join codes and teacher tokens.

A join code is 8 characters from a 31-character alphabet without look-alikes (no 0/O, 1/I/L):
31⁸ ≈ 8.5·10¹¹ codes, about 39 bits. Rooms expire after days and room creation is rate-limited, so
with even 10,000 open rooms a guesser needs ~85 million tries per hit; join attempts only ever
reveal whether a room exists, never its answers. The teacher's control token is 256 random bits;
the projector's view token is derived from it one way (`board_token`), so the control page can
always show the projector link, while a photo of the projector link gives no control. Only the
SHA-256 hashes of both are stored.
"""

from __future__ import annotations

import base64
import hashlib
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    """ABCDEFGH → ABCD-EFGH, easier to read from a projector."""
    return f"{code[:4]}-{code[4:]}"


def normalise_code(typed: str) -> str:
    """What a pupil typed, as a stored code: case, spaces and dashes don't matter."""
    return "".join(ch for ch in typed.upper() if ch.isalnum())[:40]


def new_token() -> str:
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def board_token(token: str) -> str:
    """The projector's read-only token for a control token (one way: it never gives the control token)."""
    raw = hashlib.sha256(b"valkompass board\n" + token.encode("utf-8")).digest()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
