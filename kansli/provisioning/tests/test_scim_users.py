"""The directory creates, finds, replaces, changes and removes users over SCIM 2.0, through
scim2-client against the running server; each change is the user's and its person's, in the
event log."""

from scim2_models import Email, EnterpriseUser, Group, Name, PatchOp, PatchOperation, SearchRequest

from kansli.accounts.models import Role
from kansli.accounts.models import User as Account
from kansli.audit.models import Event
from kansli.organisation.models import Body, Person
from kansli.provisioning.tests.conftest import ScimUser
from kansli.provisioning.tests.scim_client import LiveSCIMClient


def anna() -> ScimUser:
    return ScimUser(
        user_name="anna.andersson",
        external_id="0f3c-anna",
        name=Name(given_name="Anna", family_name="Andersson"),
        emails=[Email(value="anna.andersson@vanersborg.se", primary=True, type="work")],
        active=True,
        EnterpriseUser=EnterpriseUser(employee_number="4711"),
    )


def test_the_directory_creates_a_user_of_a_new_person_of_its_body(
    scim: LiveSCIMClient, vanersborg: Body
) -> None:
    created = scim.create(anna())

    user = Account.objects.get(pk=created.id)
    assert user.username == "anna.andersson"
    assert user.external_id == "0f3c-anna"
    assert user.is_active and not user.has_usable_password()
    assert user.person.body == vanersborg
    assert (user.person.given_name, user.person.family_name) == ("Anna", "Andersson")
    assert user.person.employee_number == "4711"
    assert created[EnterpriseUser].employee_number == "4711"
    assert {"person.create", "user.create"} <= set(
        Event.objects.filter(actor__username="katalogen").values_list("action", flat=True)
    )


def test_the_directory_links_the_person_of_the_employee_number(
    scim: LiveSCIMClient, vanersborg: Body
) -> None:
    person = Person.objects.create(
        body=vanersborg, given_name="Anna", family_name="Ek", employee_number="4711"
    )

    created = scim.create(anna())

    assert Account.objects.get(pk=created.id).person == person
    person.refresh_from_db()
    assert person.family_name == "Andersson"


def test_the_directory_finds_a_user_by_user_name_and_external_id(scim: LiveSCIMClient) -> None:
    created = scim.create(anna())

    by_name = scim.query(
        ScimUser, query_parameters=SearchRequest(filter='userName eq "anna.andersson"')
    )
    by_external = scim.query(
        ScimUser, query_parameters=SearchRequest(filter='externalId eq "0f3c-anna"')
    )
    nobody = scim.query(ScimUser, query_parameters=SearchRequest(filter='userName eq "bertil"'))

    assert [user.id for user in by_name.resources] == [created.id]
    assert [user.id for user in by_external.resources] == [created.id]
    assert nobody.total_results == 0
    assert scim.query(ScimUser, created.id).user_name == "anna.andersson"


def test_the_directory_replaces_and_patches_a_user(scim: LiveSCIMClient) -> None:
    created = scim.create(anna())

    created.name.family_name = "Berg"
    created.emails[0].value = "anna.berg@vanersborg.se"
    scim.replace(created)
    scim.modify(
        ScimUser,
        created.id,
        PatchOp[ScimUser](
            operations=[
                PatchOperation(op="replace", path="externalId", value="0f3c-berg"),
                PatchOperation(
                    op="replace",
                    path="urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
                    value="4712",
                ),
            ]
        ),
    )

    user = Account.objects.get(pk=created.id)
    assert (user.last_name, user.email, user.external_id) == (
        "Berg",
        "anna.berg@vanersborg.se",
        "0f3c-berg",
    )
    assert (user.person.family_name, user.person.employee_number) == ("Berg", "4712")


def test_the_directory_gives_and_takes_roles_by_the_groups_members(
    scim: LiveSCIMClient, directory: Account
) -> None:
    created = scim.create(anna())
    groups = scim.query(Group, query_parameters=SearchRequest(filter='displayName eq "registrar"'))
    registrars = groups.resources[0]

    scim.modify(
        Group,
        registrars.id,
        PatchOp[Group](
            operations=[PatchOperation(op="add", path="members", value=[{"value": created.id}])]
        ),
    )
    assert Account.objects.get(pk=created.id).roles == [Role.REGISTRAR]
    members = [member.value for member in scim.query(Group, registrars.id).members]
    assert members == [str(directory.pk), created.id]

    scim.modify(
        Group,
        registrars.id,
        PatchOp[Group](
            operations=[PatchOperation(op="remove", path=f'members[value eq "{created.id}"]')]
        ),
    )
    assert Account.objects.get(pk=created.id).roles == []


def test_deleting_a_user_deactivates_it_and_keeps_the_account(scim: LiveSCIMClient) -> None:
    created = scim.create(anna())

    scim.delete(ScimUser, created.id)

    user = Account.objects.get(pk=created.id)
    assert not user.is_active
    assert user.deprovisioned_at is not None
    gone = scim.query(
        ScimUser, query_parameters=SearchRequest(filter='userName eq "anna.andersson"')
    )
    assert gone.total_results == 0
