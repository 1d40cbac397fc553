"""Accounts: passwords, API tokens, browser sessions and removing a learner.

Passwords are hashed with argon2id through ``argon2-cffi`` (the reference implementation's
maintained Python binding; its ``PasswordHasher`` picks salts, encodes parameters in the
hash and says when a hash needs upgrading) and are never stored, returned or logged in
clear. A token (API or browser session) is a random 256-bit secret shown once; the
database keeps only its SHA-256 digest, so a copy of the database signs nobody in. A
token of high entropy needs no slow hash: SHA-256 is what GitHub and Django REST
framework's successors use for the same job.

Nothing here commits: the caller does.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from claims.errors import NotFound, UsageError
from claims.models import AccessToken, CardEdit, CardState, Learner, Meta, Review
from claims.study.learners import clean_name

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MIN_PASSWORD = 8  # characters (NIST SP 800-63B's minimum for a chosen password)
MAX_PASSWORD = 1024  # characters: argon2 takes any length; this bounds the work per try
API = "api"
SESSION = "session"
SESSION_LIFETIME = timedelta(days=14)
SECRET_KEY = "web.secret_key"  # the Meta row holding the site's signing key
REMOVED_PREFIX = "removed-"

_hasher: PasswordHasher | None = None


def _password_hasher() -> PasswordHasher:
    global _hasher
    if _hasher is None:
        from argon2 import PasswordHasher

        _hasher = PasswordHasher()  # argon2id, RFC 9106's second recommended parameters
    return _hasher


def check_password(password: str) -> str:
    """``password`` if it can be used; a UsageError saying why not.

    >>> check_password("correct horse")
    'correct horse'
    """
    if len(password) < MIN_PASSWORD:
        raise UsageError(f"a password has at least {MIN_PASSWORD} characters",
                         hint="a few words make a good one")
    if len(password) > MAX_PASSWORD:
        raise UsageError(f"a password has at most {MAX_PASSWORD} characters")
    if "\x00" in password:
        raise UsageError("a password cannot contain a NUL character")
    return password


def hash_password(password: str) -> str:
    """The argon2id hash of ``password`` (salted; the parameters are in the string)."""
    return _password_hasher().hash(check_password(password))


def add_account(session: Session, name: str, password: str | None, *,
                teacher: bool = False) -> Learner:
    """A new learner (UsageError if the name is taken), with a password if one is given
    (without, the learner studies from the CLI only), a teacher if ``teacher``."""
    from claims.study.learners import add_learner

    hashed = hash_password(password) if password is not None else None
    learner = add_learner(session, name)
    learner.password_hash = hashed
    learner.teacher = teacher
    session.add(learner)
    session.flush()
    return learner


def set_password(session: Session, name: str, password: str) -> Learner:
    """Give the learner ``name`` a new password; their browser sessions end."""
    learner = find_account(session, name)
    learner.password_hash = hash_password(password)
    session.add(learner)
    session.execute(delete(AccessToken).where(col(AccessToken.learner_id) == learner.id,
                                              col(AccessToken.kind) == SESSION))
    session.flush()
    return learner


def find_account(session: Session, name: str) -> Learner:
    """The learner named ``name`` who was not removed, or NotFound."""
    found = session.exec(select(Learner).where(Learner.name == clean_name(name))).first()
    if found is None or found.removed_at is not None:
        raise NotFound(f"no learner named {clean_name(name)!r}",
                       hint="list learners with: `claims.study.learners.list_learners()`")
    return found


# A hash of a random password: an unknown name costs the same time as a wrong password.
_DUMMY: list[str] = []


def authenticate(session: Session, name: str, password: str) -> Learner | None:
    """The learner if ``password`` is theirs, else None: an unknown name, a removed
    learner, one without a password and a wrong password all look the same and take
    the same time."""
    from argon2.exceptions import InvalidHashError, VerificationError

    hasher = _password_hasher()
    text = name.strip()
    learner = None
    if 0 < len(text) <= 100 and text.isprintable() and len(password) <= MAX_PASSWORD:
        learner = session.exec(select(Learner).where(Learner.name == text)).first()
    stored = learner.password_hash if learner is not None else None
    if learner is None or learner.removed_at is not None or stored is None:
        if not _DUMMY:
            _DUMMY.append(hasher.hash(secrets.token_urlsafe(16)))
        try:
            hasher.verify(_DUMMY[0], password[:MAX_PASSWORD])
        except (VerificationError, InvalidHashError):
            pass
        return None
    try:
        hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    if hasher.check_needs_rehash(stored):
        learner.password_hash = hasher.hash(password)
        session.add(learner)
    return learner


def _digest(token: str) -> str:
    """The stored form of a token.

    >>> len(_digest("x"))
    64
    """
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def issue_token(session: Session, learner: Learner, *, kind: str = API,
                now: datetime | None = None) -> str:
    """A new token for ``learner`` (API tokens do not expire; sessions last
    SESSION_LIFETIME); the secret is returned once and only its digest is stored."""
    if learner.id is None or learner.removed_at is not None:
        raise UsageError("a removed learner gets no token")
    moment = now or datetime.now(UTC)
    session.execute(delete(AccessToken).where(  # this learner's sessions that ran out
        col(AccessToken.learner_id) == learner.id, col(AccessToken.expires_at) < moment))
    token = secrets.token_urlsafe(32)
    expires = moment + SESSION_LIFETIME if kind == SESSION else None
    session.add(AccessToken(learner_id=learner.id, digest=_digest(token), kind=kind,
                            created_at=moment, expires_at=expires))
    session.flush()
    return token


def token_for(session: Session, name: str, *, now: datetime | None = None) -> str:
    """A new API token for the learner ``name`` (`claims learner token`)."""
    return issue_token(session, find_account(session, name), now=now)


def learner_for_token(session: Session, token: str | None, *, kind: str = API,
                      now: datetime | None = None) -> Learner | None:
    """The learner a token of ``kind`` belongs to; None for a missing, unknown, expired
    or malformed token."""
    if not token or len(token) > 200:
        return None
    moment = now or datetime.now(UTC)
    row = session.exec(select(AccessToken, Learner)
                       .join(Learner, col(Learner.id) == col(AccessToken.learner_id))
                       .where(AccessToken.digest == _digest(token),
                              AccessToken.kind == kind)).first()
    if row is None:
        return None
    access, learner = row
    expires = access.expires_at
    if expires is not None and expires.replace(tzinfo=expires.tzinfo or UTC) <= moment:
        return None
    return None if learner.removed_at is not None else learner


def revoke_token(session: Session, token: str | None) -> None:
    """Forget a token (signing out); an unknown one is ignored."""
    if token and len(token) <= 200:
        session.execute(delete(AccessToken).where(col(AccessToken.digest) == _digest(token)))


def remove_learner(session: Session, name: str, *, purge: bool = False,
                   now: datetime | None = None) -> dict[str, Any]:
    """Remove the learner ``name``: their password and tokens go, their name becomes
    ``removed-ID``, their card states and reviews stay (a class's statistics keep
    them, under no name); with ``purge``, the states and reviews go too."""
    learner = find_account(session, name)
    lid = learner.id
    session.execute(delete(AccessToken).where(col(AccessToken.learner_id) == lid))
    if purge:
        session.execute(update(Review).where(col(Review.learner_id) == lid)
                        .values(undoes=None).execution_options(synchronize_session=False))
        session.execute(delete(Review).where(col(Review.learner_id) == lid))
        session.execute(delete(CardState).where(col(CardState.learner_id) == lid))
        session.execute(update(CardEdit).where(col(CardEdit.edited_by) == lid)
                        .values(edited_by=None))
        session.delete(learner)
        session.flush()
        return {"id": lid, "name": name, "removed": "purged"}
    learner.name = f"{REMOVED_PREFIX}{lid}"
    learner.password_hash = None
    learner.teacher = False
    learner.removed_at = now or datetime.now(UTC)
    session.add(learner)
    session.flush()
    return {"id": lid, "name": name, "removed": "anonymised", "now_named": learner.name}


def site_secret(session: Session) -> str:
    """The key the web app signs its forms with: made once, kept in the database, so
    every server process on one database agrees and a restart signs nobody out."""
    row = session.get(Meta, SECRET_KEY)
    if row is None:
        row = Meta(key=SECRET_KEY, value=secrets.token_urlsafe(48))
        session.add(row)
        session.flush()
    return row.value
