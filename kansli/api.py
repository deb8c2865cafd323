"""The REST API under /api/v1/ (django-ninja, OpenAPI at /api/v1/openapi.json).

Each app contributes a router from its own `api.py`; authentication is by bearer token.
Every error has one body, `Error`: a Swedish `detail`, a `code` a client can test, and the
messages per field in `fields`. A service's refusal (PermissionDenied) is 403, its
ValidationError 400, or 409 when the error's code is "conflict"; a missing row is 404.
"""

import functools
from collections.abc import Callable
from typing import Any, get_args

from csp.constants import SELF
from csp.decorators import csp_update
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files import File
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern
from django.utils.datastructures import MultiValueDict
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as RequestValidationError
from ninja.openapi.schema import OpenAPISchema
from ninja.parser import Parser
from pydantic_core.core_schema import ErrorType

from kansli.accounts.api import TokenAuth
from kansli.decisions.api import router as decisions_router
from kansli.delegation.api import router as delegation_router
from kansli.followup.api import router as followup_router
from kansli.governance.api import router as governance_router
from kansli.integrations.api import router as integrations_router
from kansli.meetings.api import router as meetings_router
from kansli.organisation.api import router as organisation_router
from kansli.preparation.api import router as preparation_router
from kansli.registry.intake_api import router as registry_router
from kansli.search.api import router as search_router
from kansli.texts import gettext_lazy as _lazy


class Error(Schema):
    """The body of every error the API answers."""

    detail: str = Field(description=_lazy("Vad som gick fel, på svenska."))
    code: str = Field(
        description=_lazy(
            "Felets slag: invalid (400), unauthenticated (401), permission_denied (403), "
            "not_found (404), conflict (409), too_large (413), validation (422), eller "
            "tjänstens egen kod."
        )
    )
    fields: dict[str, list[str]] = Field(
        default_factory=dict, description=_lazy("Felen per fält, på svenska.")
    )


CODES = {
    400: "invalid",
    401: "unauthenticated",
    403: "permission_denied",
    404: "not_found",
    409: "conflict",
    413: "too_large",
    422: "validation",
    429: "throttled",
}


# The errors an operation can answer, declared in the OpenAPI description of each.
ERROR_DESCRIPTIONS = {
    400: gettext_lazy("Uppgifterna godtogs inte; detail säger varför."),
    401: gettext_lazy("En giltig API-nyckel saknas."),
    403: gettext_lazy("Användaren har inte behörighet; detail säger varför."),
    404: gettext_lazy("Det som efterfrågades finns inte."),
    409: gettext_lazy("Det krockar med hur det redan är (code conflict)."),
    413: gettext_lazy("Anropet eller en fil i det är för stort (code too_large)."),
    422: gettext_lazy("Parametrarna eller innehållet har fel form; felen per fält i fields."),
}
WRITES = frozenset({"post", "put", "patch", "delete"})
ERROR_REF = {"$ref": "#/components/schemas/Error"}


def operation_errors(method: str, operation: dict[str, Any]) -> list[int]:
    """The errors the operation can answer: 401 with a key, 404 with path parameters (and
    403 when a key reads one body's rows), 422 with parameters or a body, and a write's 400,
    403 and 409 from its service."""
    parameters = operation.get("parameters", [])
    keyed = bool(operation.get("security"))
    errors = []
    if keyed:
        errors.append(401)
    if any(parameter["in"] == "path" for parameter in parameters):
        errors += [403, 404] if keyed else [404]
    if parameters or "requestBody" in operation:
        errors.append(422)
    if method in WRITES:
        errors += [400, 403, 409]
    if "multipart/form-data" in operation.get("requestBody", {}).get("content", {}):
        errors.append(413)
    return sorted(set(errors))


NUL = "\x00"
NUL_REFUSED = gettext_lazy("Texten får inte innehålla nolltecken (NUL).")


class NulCharactersError(Exception):
    """A request whose text holds NUL characters, which PostgreSQL cannot store or compare:
    the fields that hold them."""

    def __init__(self, fields: list[str]) -> None:
        super().__init__(fields)
        self.fields = fields


def nul_fields(data: object, path: tuple[str, ...] = ()) -> list[str]:
    """The fields of parsed JSON or parameters whose text (or name) holds a NUL character."""
    if isinstance(data, str):
        return [".".join(path) or "body"] if NUL in data else []
    if isinstance(data, dict):
        return [
            field
            for key, value in data.items()
            for field in nul_fields(key, (*path, str(key))) + nul_fields(value, (*path, str(key)))
        ]
    if isinstance(data, list):
        return [
            field
            for index, item in enumerate(data)
            for field in nul_fields(item, (*path, str(index)))
        ]
    return []


def refuse_nul(data: object) -> None:
    """Raise NulCharactersError if any text in `data` holds a NUL character."""
    fields = nul_fields(data)
    if fields:
        raise NulCharactersError(sorted(set(fields)))


class KansliParser(Parser):
    """ninja's parser of the body and the query, refusing NUL characters in any text."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = super().parse_body(request)
        refuse_nul(data)
        return data

    def parse_querydict(
        self, data: MultiValueDict, list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        parsed = super().parse_querydict(data, list_fields, request)
        refuse_nul({key: value for key, value in parsed.items() if not isinstance(value, File)})
        return parsed


def refusing_nul_in_path(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The view, refusing a path whose parameters hold a NUL character."""

    @functools.wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            refuse_nul(kwargs)
        except NulCharactersError as error:
            return nul_refused(request, error)
        return view(request, *args, **kwargs)

    return checked


class KansliAPI(NinjaAPI):
    @property
    def urls(self) -> tuple[list, str, str]:
        """The API's URLs, exempt from the site's login redirect: a token, not a session,
        admits a client, and a client without one gets 401 from the API itself. A path
        parameter holding a NUL character is refused before the operation runs."""
        patterns, app_name, namespace = super().urls
        for pattern in patterns:
            if isinstance(pattern, URLPattern):  # every one: an operation's path, no include
                pattern.callback = refusing_nul_in_path(pattern.callback)
                login_not_required(pattern.callback)
        return patterns, app_name, namespace

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        """The description, with the errors of every operation that an operation's own
        declaration leaves out (`operation_errors`), all with the `Error` body."""
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schema["components"]["schemas"]["Error"] = Error.model_json_schema()
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                for status in operation_errors(method, operation):
                    operation["responses"].setdefault(
                        status,
                        {
                            "description": str(ERROR_DESCRIPTIONS[status]),
                            "content": {"application/json": {"schema": ERROR_REF}},
                        },
                    )
        return schema


api = KansliAPI(
    title="Kansli API",
    version="1",
    description=_lazy(
        "Kanslis API: organisation, styrdokument, delegation, beslut, diarium, beredning, "
        "sammanträden och uppföljning. Varje anrop kräver en API-nyckel "
        "(`Authorization: Bearer <nyckel>`); nycklar skapas med `kansli apitoken create`. "
        "Sammanträden och anslagstavlan kan läsas utan nyckel, så som allmänheten ser dem. "
        "Varje fel svarar med `Error`: `detail` på svenska, `code` och felen per fält i `fields`."
    ),
    auth=TokenAuth(),
    parser=KansliParser(),
    urls_namespace="api",
    # Swagger UI draws its icons as data: images; only its page allows them.
    docs_decorator=csp_update({"img-src": [SELF, "data:"]}),
)
api.add_router("", organisation_router, tags=["organisation"])
api.add_router("", governance_router, tags=["styrdokument"])
api.add_router("", delegation_router, tags=["delegation"])
api.add_router("", decisions_router, tags=["beslut"])
api.add_router("", registry_router, tags=["diarium"])
api.add_router("", search_router, tags=["diarium"])
api.add_router("", preparation_router, tags=["beredning"])
api.add_router("", meetings_router, tags=["sammanträden"])
api.add_router("", followup_router, tags=["uppföljning"])
api.add_router("", integrations_router, tags=["webhooks"])


def error_response(
    request: HttpRequest,
    status: int,
    detail: str | Promise,
    *,
    code: str | None = None,
    fields: dict[str, list[str]] | None = None,
) -> HttpResponse:
    """The API's error body with the status."""
    return api.create_response(
        request,
        {"detail": str(detail), "code": code or CODES.get(status, "error"), "fields": fields or {}},
        status=status,
    )


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = error_response(request, 401, _("En giltig API-nyckel krävs."))
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return error_response(request, 403, str(exc) or _("Du har inte behörighet att göra detta."))


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    # get_object_or_404 says "No Case matches the given query." in English, and a bare Http404
    # says nothing: both become the Swedish text.
    message = str(exc)
    if not message or message.endswith("matches the given query."):
        message = _("Det som efterfrågades finns inte.")
    return error_response(request, 404, message)


@api.exception_handler(ObjectDoesNotExist)
def does_not_exist(request: HttpRequest, exc: ObjectDoesNotExist) -> HttpResponse:
    return error_response(request, 404, _("Det som efterfrågades finns inte."))


@api.exception_handler(DjangoValidationError)
def invalid(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    """A service's Swedish error: 409 when one of its codes is "conflict", else 400."""
    errors = exc.error_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.error_list}
    codes = {error.code for errors_ in errors.values() for error in errors_ if error.code}
    fields = {
        name: DjangoValidationError(errors_).messages
        for name, errors_ in errors.items()
        if name != NON_FIELD_ERRORS
    }
    detail = " ".join(exc.messages)
    if "conflict" in codes:
        return error_response(request, 409, detail, fields=fields)
    refused = sorted(codes & FILE_REFUSALS.keys())
    if refused:
        return error_response(
            request, FILE_REFUSALS[refused[0]], detail, code=refused[0], fields=fields
        )
    code = codes.pop() if len(codes) == 1 else None
    return error_response(request, 400, detail, code=code, fields=fields)


# A file the registry refuses (kansli.registry.files): 413 when it is too large, 422 when it is
# not what it says it is, or cannot be read.
FILE_REFUSALS = {
    "too_large": 413,
    "empty": 422,
    "type": 422,
    "mislabelled": 422,
    "inflated": 422,
    "encrypted": 422,
    "unreadable": 422,
}


# ninja's own texts for its HttpErrors, in Swedish.
HTTP_ERROR_TEXTS = {
    "Cannot parse request body": gettext_lazy("Anropets innehåll kunde inte läsas som JSON."),
    "Forbidden": gettext_lazy("Du har inte behörighet att göra detta."),
    "Too many requests.": gettext_lazy("För många anrop. Försök igen om en stund."),
}


@api.exception_handler(NulCharactersError)
def nul_refused(request: HttpRequest, exc: NulCharactersError) -> HttpResponse:
    return error_response(
        request,
        422,
        _("Anropets uppgifter är inte giltiga; se fälten."),
        fields={field: [str(NUL_REFUSED)] for field in exc.fields},
    )


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # ninja wraps what its parser raises while reading the body; the parser's own refusal.
    if isinstance(exc.__cause__, NulCharactersError):
        return nul_refused(request, exc.__cause__)
    message = exc.message
    for english, swedish in HTTP_ERROR_TEXTS.items():
        if message.startswith(english):
            message = str(swedish)
    return error_response(request, exc.status_code, message)


@api.exception_handler(RequestValidationError)
def request_invalid(request: HttpRequest, exc: RequestValidationError) -> HttpResponse:
    """ninja's check of the parameters and the body: Swedish messages per field."""
    fields: dict[str, list[str]] = {}
    for error in exc.errors:
        fields.setdefault(field_name(error["loc"]), []).append(pydantic_message(error))
    return error_response(
        request, 422, _("Anropets uppgifter är inte giltiga; se fälten."), fields=fields
    )


def field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    """The field as the client names it: "titel", "datum", "punkter.0.titel"; a body's
    parameter name (ninja's "payload") is left out, "body" only when the whole body is wrong."""
    source, *path = loc
    if source == "body" and len(path) > 1:
        path = path[1:]
    return ".".join(str(part) for part in path) or str(source)


def pydantic_message(error: dict[str, Any]) -> str:
    """The Swedish text for one of pydantic's errors; our own validators' errors (custom types,
    ValueError) already speak Swedish."""
    context = error.get("ctx") or {}
    kind = error["type"]
    if kind not in PYDANTIC_ERROR_TYPES:
        return error["msg"]
    if kind == "value_error" and "error" in context:
        return str(context["error"])
    text = PYDANTIC_TEXTS.get(kind, gettext_lazy("Värdet är inte giltigt."))
    return str(text) % {key: _plain(value) for key, value in context.items()}


def _plain(value: object) -> object:
    return value if isinstance(value, int | float) else str(value)


PYDANTIC_ERROR_TYPES = frozenset(get_args(ErrorType))
DATE = gettext_lazy("Ange ett giltigt datum i formen ÅÅÅÅ-MM-DD.")
DATETIME = gettext_lazy("Ange en giltig tidpunkt i formen ÅÅÅÅ-MM-DDTHH:MM.")
NUMBER = gettext_lazy("Ange ett tal.")
INTEGER = gettext_lazy("Ange ett heltal.")
CHOICE = gettext_lazy("Välj ett av värdena %(expected)s.")

# pydantic's error types (https://docs.pydantic.dev/latest/errors/validation_errors/) that a
# client meets; the placeholders are the error's context.
PYDANTIC_TEXTS = {
    "missing": gettext_lazy("Fältet måste fyllas i."),
    "extra_forbidden": gettext_lazy("Fältet finns inte."),
    "string_type": gettext_lazy("Ange en text."),
    "string_too_short": gettext_lazy("Ange minst %(min_length)s tecken."),
    "string_too_long": gettext_lazy("Ange högst %(max_length)s tecken."),
    "string_pattern_mismatch": gettext_lazy("Värdet har inte rätt form."),
    "int_type": INTEGER,
    "int_parsing": INTEGER,
    "int_from_float": INTEGER,
    "float_type": NUMBER,
    "float_parsing": NUMBER,
    "decimal_type": NUMBER,
    "decimal_parsing": NUMBER,
    "decimal_max_digits": gettext_lazy("Ange högst %(max_digits)s siffror."),
    "decimal_max_places": gettext_lazy("Ange högst %(decimal_places)s decimaler."),
    "bool_type": gettext_lazy("Ange true eller false."),
    "bool_parsing": gettext_lazy("Ange true eller false."),
    "greater_than": gettext_lazy("Ange ett värde större än %(gt)s."),
    "greater_than_equal": gettext_lazy("Ange ett värde som är minst %(ge)s."),
    "less_than": gettext_lazy("Ange ett värde mindre än %(lt)s."),
    "less_than_equal": gettext_lazy("Ange ett värde som är högst %(le)s."),
    "date_type": DATE,
    "date_parsing": DATE,
    "date_from_datetime_parsing": DATE,
    "date_from_datetime_inexact": DATE,
    "datetime_type": DATETIME,
    "datetime_parsing": DATETIME,
    "datetime_from_date_parsing": DATETIME,
    "time_parsing": gettext_lazy("Ange en giltig tid i formen HH:MM."),
    "uuid_type": gettext_lazy("Ange ett giltigt UUID."),
    "uuid_parsing": gettext_lazy("Ange ett giltigt UUID."),
    "url_parsing": gettext_lazy("Ange en giltig webbadress."),
    "enum": CHOICE,
    "literal_error": CHOICE,
    "list_type": gettext_lazy("Ange en lista."),
    "too_short": gettext_lazy("Ange minst %(min_length)s värden."),
    "too_long": gettext_lazy("Ange högst %(max_length)s värden."),
    "dict_type": gettext_lazy("Ange ett objekt."),
    "model_type": gettext_lazy("Ange ett objekt."),
    "model_attributes_type": gettext_lazy("Ange ett objekt."),
    "json_invalid": gettext_lazy("Anropets innehåll kunde inte läsas som JSON."),
}
