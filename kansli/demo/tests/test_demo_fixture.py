from kansli.accounts.models import User
from kansli.audit.selectors import chain_verify
from kansli.demo.services import DEMO_LOGINS, DEMO_PASSWORD
from kansli.organisation.models import Person


def test_demo_fixture_gives_both_bodies_with_people_and_an_intact_chain(demo):
    assert sorted(demo) == ["blekinge", "vanersborg"]
    assert Person.objects.filter(body=demo["vanersborg"]).count() > 50
    assert chain_verify().intact


def test_every_demo_user_has_the_demo_password_its_role_and_a_person_of_its_body(demo):
    for login in DEMO_LOGINS:
        user = User.objects.get(username=login.username)

        assert user.check_password(DEMO_PASSWORD)
        assert user.roles == [login.role]
        assert user.person.body.name == login.body


def test_demo_fixture_works_in_a_transactional_test(transactional_db, demo):
    assert User.objects.get(username="admin").has_perm("governance.change_section")
    assert chain_verify().intact


def test_demo_fixture_works_again_once_a_transactional_test_has_emptied_the_database(
    transactional_db, demo
):
    assert User.objects.get(username="admin").has_perm("governance.change_section")
    assert chain_verify().intact
