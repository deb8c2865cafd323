"""The one visibility function: who sees a secret document's masked parts and its file."""

from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser, Permission

from kansli.accounts.models import Role, User
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Person
from kansli.registry.models import Document
from kansli.registry.visibility import case_view, document_view

MASK = "[Sekretess enligt OSL 23 kap. 1 §]"


def sees_everything(user: User | AnonymousUser, document: Document) -> bool:
    view = document_view(user, document)
    return (
        view.counterpart == "Förälder Föräldersson"
        and view.description == "Anmälan om kränkande behandling av elev"
        and view.files_visible
    )


def test_the_public_sees_the_entry_with_sender_and_description_masked(
    secret_letter: Document,
) -> None:
    view = document_view(AnonymousUser(), secret_letter)

    assert view.document.number == "KS 2026/00001-1"
    assert view.counterpart == MASK
    assert view.description == MASK
    assert view.masked
    assert not view.files_visible


def test_the_case_officer_sees_through_secrecy(secret_letter: Document, officer: Person) -> None:
    user = User.objects.create(username="hanna", person=officer)

    assert sees_everything(user, secret_letter)


def test_a_registrar_of_the_body_sees_through_secrecy(
    secret_letter: Document, staff: Callable[..., User]
) -> None:
    assert sees_everything(staff("rut", Role.REGISTRAR), secret_letter)


def test_a_model_permission_alone_does_not_see_through_secrecy(
    secret_letter: Document, staff: Callable[..., User]
) -> None:
    user = staff("sam", Role.SECRETARY)
    user.user_permissions.add(Permission.objects.get(codename="view_secret_document"))

    assert document_view(User.objects.get(pk=user.pk), secret_letter).masked


def test_the_administrator_of_the_body_does_not_see_through_secrecy(
    secret_letter: Document, staff: Callable[..., User]
) -> None:
    assert document_view(staff("ada", Role.ADMINISTRATOR), secret_letter).masked


def test_other_staff_of_the_body_see_it_masked_and_without_file(
    secret_letter: Document, staff: Callable[..., User]
) -> None:
    view = document_view(staff("dan", Role.DIRECTOR), secret_letter)

    assert (view.counterpart, view.description, view.files_visible) == (MASK, MASK, False)


def test_a_registrar_of_another_body_sees_it_masked(
    secret_letter: Document, staff: Callable[..., User]
) -> None:
    other = organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )
    stranger = organisation.person_create(
        actor=None, body=other, given_name="Rita", family_name="Registrator"
    )

    view = document_view(staff("rita", Role.REGISTRAR, person=stranger), secret_letter)

    assert (view.description, view.files_visible) == (MASK, False)


def test_only_the_parts_marked_are_masked(secret_letter: Document) -> None:
    Document.objects.filter(pk=secret_letter.pk).update(counterpart_masked=False)
    secret_letter.refresh_from_db()

    view = document_view(AnonymousUser(), secret_letter)

    assert (view.counterpart, view.description) == ("Förälder Föräldersson", MASK)


def test_staff_of_the_body_get_the_file_of_an_open_document(
    secret_letter: Document, staff: Callable[..., User]
) -> None:
    Document.objects.filter(pk=secret_letter.pk).update(
        secrecy_reference="", counterpart_masked=False, description_masked=False
    )
    secret_letter.refresh_from_db()

    assert sees_everything(staff("dan", Role.DIRECTOR), secret_letter)
    assert not document_view(AnonymousUser(), secret_letter).files_visible


def test_a_secret_case_title_is_masked_for_the_public(secret_letter: Document) -> None:
    case = secret_letter.case
    case.secrecy_reference = "OSL 26 kap. 1 §"

    view = case_view(AnonymousUser(), case)

    assert view.title == "[Sekretess enligt OSL 26 kap. 1 §]"
    assert view.title_masked


def test_a_secret_document_on_a_published_agenda_keeps_its_file_from_the_public(
    secret_letter: Document,
) -> None:
    view = document_view(AnonymousUser(), secret_letter, on_agenda=True)

    assert (view.description, view.files_visible) == (MASK, False)


def test_an_open_document_on_a_published_agenda_gives_the_public_its_file(
    secret_letter: Document,
) -> None:
    Document.objects.filter(pk=secret_letter.pk).update(
        secrecy_reference="", counterpart_masked=False, description_masked=False
    )
    open_letter = Document.objects.get(pk=secret_letter.pk)

    assert not document_view(AnonymousUser(), open_letter).files_visible
    assert document_view(AnonymousUser(), open_letter, on_agenda=True).files_visible
