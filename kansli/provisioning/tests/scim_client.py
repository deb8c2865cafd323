"""scim2-client over real HTTP to Django's live server.

scim2-client 0.13 ships its network engine for httpx2 (the extra `httpx2`; the project pins
the extra `httpx`, which that version no longer has, so no engine is installed). This engine
is the same few lines on `requests`: the client builds, sends and validates every payload.
"""

from typing import Any
from urllib.parse import urlunsplit

import requests
from scim2_client import BaseSyncSCIMClient
from scim2_client.engines.inprocess import _build_url, _check_base_url, _stays_under_base_url


class LiveSCIMClient(BaseSyncSCIMClient):
    def __init__(self, base_url: str, key: str | None, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.base_url = _check_base_url(base_url)
        self.session = requests.Session()
        if key is not None:
            self.session.headers["Authorization"] = f"Bearer {key}"

    def _stays_under_base_url(self, endpoint: str) -> bool:
        return _stays_under_base_url(self.base_url, endpoint)

    def _parse_json(self, response: Any) -> Any:
        return response.json()

    def request(
        self, method: str, url: str, *, content: bytes | None = None, **kwargs: Any
    ) -> requests.Response:
        target = urlunsplit(_build_url(self.base_url, url))
        return self.session.request(method, target, data=content, timeout=60, **kwargs)
