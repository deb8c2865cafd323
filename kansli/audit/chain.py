"""The hash chain itself, in plain Python: canonical JSON in, HMAC-SHA256 out.

Each event's hash is keyed with the audit key (settings.KANSLI_AUDIT_KEY), which is kept outside
the database: whoever can write the database but lacks the key cannot compute the hash of an
edited event, so recomputing the chain after an edit leaves it broken.
"""

import hashlib
import hmac
import json
from collections.abc import Callable
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

HashFunction = Callable[[str, dict[str, Any]], str]
# What the anchor line says the hashes are: keyed, so a line can be shown without the key.
KEYED = "hmac-sha256"


def to_json_value(value: Any) -> Any:
    """Return `value` as it will come back from a JSON column (dates become ISO strings)."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _message(prev_hash: str, payload: dict[str, Any]) -> bytes:
    canonical = json.dumps(
        payload, cls=DjangoJSONEncoder, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return f"{prev_hash}\n{canonical}".encode()


def event_hash(key: str, prev_hash: str, payload: dict[str, Any]) -> str:
    """The keyed hash of an event following `prev_hash`."""
    return hmac.new(key.encode(), _message(prev_hash, payload), hashlib.sha256).hexdigest()


def unkeyed_event_hash(prev_hash: str, payload: dict[str, Any]) -> str:
    """The plain SHA-256 the chain used before it was keyed, to check it once when re-keying."""
    return hashlib.sha256(_message(prev_hash, payload)).hexdigest()
