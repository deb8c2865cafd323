"""A subscriber's address is http(s), and, unless KANSLI_WEBHOOK_ALLOW_PRIVATE is set (the
tests' receivers listen on 127.0.0.1), not on a private, loopback or link-local network:
Kansli must not be made to POST into its own network (SSRF)."""

import pytest
from django.core.exceptions import ValidationError
from pytest_django.fixtures import Settings

from kansli.integrations.webhooks import check_subscriber_url


@pytest.mark.parametrize(
    "url",
    ["ftp://arkiv.example.se/", "file:///etc/passwd", "javascript:alert(1)", "http:///utan-vard"],
)
def test_only_http_and_https_are_accepted(url: str) -> None:
    with pytest.raises(ValidationError) as refused:
        check_subscriber_url(url)

    assert refused.value.message_dict == {
        "url": ["Adressen ska börja med http:// eller https:// och ha ett värdnamn."]
    }


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("http://127.0.0.1:8000/", "127.0.0.1"),
        ("http://10.1.2.3/", "10.1.2.3"),
        ("https://192.168.0.10/hook", "192.168.0.10"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
        ("http://[::1]/", "::1"),
        ("http://0.0.0.0/", "0.0.0.0"),  # noqa: S104
    ],
)
def test_private_and_loopback_addresses_are_refused_in_production(
    settings: Settings, url: str, address: str
) -> None:
    settings.KANSLI_WEBHOOK_ALLOW_PRIVATE = False

    with pytest.raises(ValidationError) as refused:
        check_subscriber_url(url)

    assert refused.value.message_dict == {
        "url": [
            f"Adressen pekar på ett internt nät ({address}); webhooks skickas bara till "
            "adresser på internet."
        ]
    }


def test_a_public_address_is_accepted(settings: Settings) -> None:
    settings.KANSLI_WEBHOOK_ALLOW_PRIVATE = False

    check_subscriber_url("https://93.184.215.14/kansli")


def test_the_setting_lets_the_tests_use_loopback(settings: Settings) -> None:
    settings.KANSLI_WEBHOOK_ALLOW_PRIVATE = True

    check_subscriber_url("http://127.0.0.1:8000/")
