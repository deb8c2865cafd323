"""OParl writes nothing and is the public's: every route is open to everyone and shows what the
anonymous user may see (registry/visibility.py, meetings/policy.py), whoever asks; a secret
object is never listed (test_secrecy.py)."""

_OPARL = "OParl 1.1, read-only, always as the anonymous user sees it"
_KINDS = (
    "organization",
    "person",
    "membership",
    "meeting",
    "agendaitem",
    "consultation",
    "paper",
    "file",
    "location",
    "legislativeterm",
)

PUBLIC: dict[str, str] = {
    "oparl:system": _OPARL + ": the System object",
    "oparl:body_list": _OPARL + ": the bodies",
    "oparl:body": _OPARL + ": a body",
    **{f"oparl:{kind}_list": _OPARL + f": the list of {kind}" for kind in _KINDS},
    **{
        f"oparl:{kind}": _OPARL + f": one {kind}; a secret one answers as a deleted object"
        for kind in _KINDS
    },
    "oparl:file_download": (
        _OPARL + ": a file the public may have (a public document on a public agenda), else 404"
    ),
}
