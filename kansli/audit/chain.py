"""The hash chain itself, in plain Python: canonical JSON in, SHA-256 out."""

import hashlib
import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder


def to_json_value(value: Any) -> Any:
    """Return `value` as it will come back from a JSON column (dates become ISO strings)."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def event_hash(prev_hash: str, payload: dict[str, Any]) -> str:
    canonical = json.dumps(
        payload, cls=DjangoJSONEncoder, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(f"{prev_hash}\n{canonical}".encode()).hexdigest()
