from io import StringIO

from django.core.management import call_command

from kansli.demo.services import DEMO_LOGINS, DEMO_PASSWORD


def test_loaddemo_ends_with_every_demo_login_and_the_password(demo):
    out = StringIO()

    call_command("loaddemo", stdout=out)

    output = out.getvalue()
    assert DEMO_PASSWORD in output
    for login in DEMO_LOGINS:
        line = next(line for line in output.splitlines() if line.split()[:1] == [login.username])
        assert login.body in line
        assert str(login.role.label) in line
    assert {"admin", "blekinge-admin", "direktor", "blekinge-direktor"} <= {
        login.username for login in DEMO_LOGINS
    }
