"""Whether the public postlista names private persons is the body's setting: on by default,
turned off in the admin."""

from django.test import Client

from kansli.organisation.models import Body


def test_a_body_masks_private_persons_in_the_postlista_by_default(body: Body) -> None:
    assert body.postlista_masks_private_persons


def test_the_setting_is_turned_off_in_the_admin(admin_client: Client, body: Body) -> None:
    page = admin_client.get(f"/admin/organisation/body/{body.pk}/change/")
    assert "Dölj privatpersoners namn i postlistan" in page.text

    response = admin_client.post(
        f"/admin/organisation/body/{body.pk}/change/",
        {"slug": body.slug, "name": body.name, "kind": body.kind},
    )

    assert response.status_code == 302
    body.refresh_from_db()
    assert not body.postlista_masks_private_persons
