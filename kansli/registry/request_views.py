"""The public records request pages (begäran om allmän handling).

For everyone: the form to ask for a document, and the page the requester follows their request
by, through the secret link they were given (no account, no name: TF 2 kap. 18 §), where they
fetch what was released and ask for the authority's decision on a refusal. For the registrar:
the queue with each request's wait, the intake of a request by telephone, desk, e-mail or
letter, the assessment and the answer. For the delegate the delegation order names: the
authority's decision. Thin views over the registry's services and selectors.
"""

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kansli.accounts.throttle import address_behind_proxy
from kansli.organisation.models import Body
from kansli.registry import policy, selectors, services
from kansli.registry.models import File, PublicRecordsRequest
from kansli.registry.request_forms import (
    AnswerForm,
    AssessForm,
    DecisionForm,
    IntakeForm,
    RequestForm,
)
from kansli.web.forms import add_errors

# How many requests one address may send through the form in an hour: more than anyone asks
# by hand, too few to flood the registrar's queue.
REQUESTS_PER_HOUR = 10


def _over_limit(request: HttpRequest, body: Body) -> bool:
    """Count the form's requests from the address; True once it has sent its hour's share.
    The address is kept only as a hash in the cache, for the hour."""
    address = address_behind_proxy(request) or ""
    key = f"records-request:{body.pk}:{hashlib.sha256(address.encode()).hexdigest()}"
    cache.add(key, 0, timeout=3600)
    return cache.incr(key) > REQUESTS_PER_HOUR


@login_not_required
@require_http_methods(["GET", "POST"])
def records_request_create(request: HttpRequest, body: str) -> HttpResponse:
    body_ = get_object_or_404(Body, slug=body)
    form = RequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid() and form.is_robot:
            # A robot is told what a person is told, and nothing is saved.
            messages.success(request, _("Din begäran är skickad."))
            return redirect("registry:records_request_create", body_.slug)
        if form.is_valid() and _over_limit(request, body_):
            form.add_error(
                None,
                _(
                    "Du har skickat många begäranden på kort tid. Försök igen om en timme, "
                    "eller ring registraturen."
                ),
            )
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            try:
                submission = services.records_request_submit(
                    actor=request.user,
                    body=body_,
                    subject=data["handling"],
                    requester=data["namn"],
                    requester_contact=data["kontakt"],
                )
            except ValidationError as error:
                add_errors(form, error, "handling")
            else:
                messages.success(
                    request,
                    _(
                        "Din begäran är skickad. Spara adressen till den här sidan: här ser du "
                        "svaret och hämtar det som lämnas ut."
                    ),
                )
                return redirect(
                    "registry:records_request_follow", body_.slug, submission.follow_key
                )
    context = {"body": body_, "form": form}
    return render(request, "registry/requests_create.html", context, status=status)


def _followed(body: str, key: str) -> PublicRecordsRequest:
    """The request the link's key was made for; to anyone with another key, none."""
    return get_object_or_404(
        PublicRecordsRequest.objects.select_related("body"),
        body__slug=body,
        follow_key_hash=PublicRecordsRequest.key_hash(key),
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def records_request_follow(request: HttpRequest, body: str, key: str) -> HttpResponse:
    """The requester's page: the answer, what was released, and the authority's decision."""
    records_request = _followed(body, key)
    if request.method == "POST":
        try:
            services.records_request_review_ask(
                actor=request.user, request=records_request, follow_key=key
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Du har begärt myndighetens beslut."))
        return redirect("registry:records_request_follow", body, key)
    context = {
        "body": records_request.body,
        "records_request": records_request,
        "copies": File.objects.filter(document__in=records_request.released_copies.all()),
        "key": key,
    }
    return render(request, "registry/requests_follow.html", context)


@login_not_required
@require_GET
def records_request_file(request: HttpRequest, body: str, key: str, file: int) -> FileResponse:
    """A file of what was released to the requester, by the link to their request."""
    records_request = _followed(body, key)
    file_ = get_object_or_404(File, pk=file, document__in=records_request.released_copies.all())
    return FileResponse(
        default_storage.open(file_.storage_name),
        as_attachment=True,
        filename=file_.original_name,
        content_type=file_.content_type,
    )


def _handling_body(request: HttpRequest, body: str) -> Body:
    body_ = get_object_or_404(Body, slug=body)
    if not _may_read(request, body_):
        raise PermissionDenied(
            _("Bara registratorer och den med delegation hos %(body)s hanterar begäranden.")
            % {"body": body_.name}
        )
    return body_


def _may_read(request: HttpRequest, body: Body) -> bool:
    return policy.may_handle_records_requests(
        request.user, body
    ) or policy.may_decide_for_authority(request.user, body, timezone.localdate())


@require_GET
def records_request_queue(request: HttpRequest, body: str) -> HttpResponse:
    body_ = _handling_body(request, body)
    waiting = selectors.records_requests_open(body=body_, now=timezone.now())
    context = {
        "body": body_,
        "waiting": waiting,
        "working_days": selectors.prompt_working_days(body_),
        "may_handle": policy.may_handle_records_requests(request.user, body_),
    }
    return render(request, "registry/requests_queue.html", context)


@require_http_methods(["GET", "POST"])
def records_request_intake(request: HttpRequest, body: str) -> HttpResponse:
    body_ = _handling_body(request, body)
    form = IntakeForm(request.POST or None, body=body_)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                created = services.records_request_register(
                    actor=request.user,
                    body=body_,
                    subject=data["handling"],
                    requester=data["namn"],
                    requester_contact=data["kontakt"],
                    documents=data["handlingar"],
                    channel=data["kanal"],
                )
            except PermissionDenied as error:
                form.add_error(None, str(error))
                status = 403
            except ValidationError as error:
                add_errors(form, error, "handling")
            else:
                messages.success(request, _("Begäran är registrerad."))
                return redirect("registry:records_request_detail", body_.slug, created.pk)
    return render(
        request, "registry/requests_intake.html", {"body": body_, "form": form}, status=status
    )


def _request_of(body: Body, pk: int) -> PublicRecordsRequest:
    return get_object_or_404(
        PublicRecordsRequest.objects.prefetch_related("documents", "released_copies"),
        body=body,
        pk=pk,
    )


def _detail(
    request: HttpRequest,
    body: Body,
    records_request: PublicRecordsRequest,
    *,
    status: int = 200,
    **forms: object,
) -> HttpResponse:
    today = timezone.localdate()
    numbers = ", ".join(document.number for document in records_request.documents.all())
    context = {
        "body": body,
        "records_request": records_request,
        "wait": selectors.request_wait(
            records_request, timezone.now(), working_days=selectors.prompt_working_days(body)
        ),
        "may_handle": policy.may_handle_records_requests(request.user, body),
        "may_decide": policy.may_decide_for_authority(request.user, body, today),
        "assess_form": AssessForm(body=body, initial={"handlingar": numbers}),
        "answer_form": AnswerForm(),
        "review_form": DecisionForm(),
        **forms,
    }
    return render(request, "registry/requests_detail.html", context, status=status)


@require_GET
def records_request_detail(request: HttpRequest, body: str, request_id: int) -> HttpResponse:
    body_ = _handling_body(request, body)
    return _detail(request, body_, _request_of(body_, request_id))


def _done(request: HttpRequest, body: Body, request_id: int, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("registry:records_request_detail", body.slug, request_id)


@require_POST
def records_request_assess(request: HttpRequest, body: str, request_id: int) -> HttpResponse:
    body_ = _handling_body(request, body)
    records_request = _request_of(body_, request_id)
    form = AssessForm(request.POST, body=body_)
    if form.is_valid():
        try:
            services.records_request_assess(
                actor=request.user,
                request=records_request,
                assessment=form.cleaned_data["bedomning"],
                documents=form.cleaned_data["handlingar"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return _done(request, body_, request_id, _("Sekretessprövningen är antecknad."))
    return _detail(request, body_, records_request, status=400, assess_form=form)


@require_POST
def records_request_answer(request: HttpRequest, body: str, request_id: int) -> HttpResponse:
    body_ = _handling_body(request, body)
    records_request = _request_of(body_, request_id)
    form = AnswerForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.records_request_answer(
                actor=request.user,
                request=records_request,
                outcome=data["svar"],
                refusal_ground=data["sekretessgrund"],
                decision_text=data["motivering"],
                masked_passages=data["maskera"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return _done(request, body_, request_id, _("Svaret är registrerat."))
    return _detail(request, body_, records_request, status=400, answer_form=form)


@require_POST
def records_request_review_ask(request: HttpRequest, body: str, request_id: int) -> HttpResponse:
    """The registrar asks for the authority's decision on the requester's behalf."""
    body_ = _handling_body(request, body)
    try:
        services.records_request_review_ask(
            actor=request.user, request=_request_of(body_, request_id)
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("registry:records_request_detail", body_.slug, request_id)
    return _done(request, body_, request_id, _("Myndighetens beslut är begärt."))


@require_POST
def records_request_review_decide(request: HttpRequest, body: str, request_id: int) -> HttpResponse:
    body_ = _handling_body(request, body)
    records_request = _request_of(body_, request_id)
    form = DecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.records_request_review_decide(
                actor=request.user,
                request=records_request,
                outcome=data["svar"],
                refusal_ground=data["sekretessgrund"],
                decision_text=data["motivering"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return _done(request, body_, request_id, _("Myndighetens beslut är registrerat."))
    return _detail(request, body_, records_request, status=400, review_form=form)
