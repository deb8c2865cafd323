import datetime

from django.utils import timezone

from kansli.organisation.models import Position
from kansli.organisation.selectors import director_of, holders_of


def test_the_director_post_is_in_security_class_2_with_one_holder_today(demo):
    director = Position.objects.get(body=demo["vanersborg"], slug="kommundirektor")

    holders = holders_of(position=director, on=timezone.localdate())

    assert director.security_class == Position.SecurityClass.CLASS_2
    assert len(holders) == 1
    assert not holders[0].acting


def test_the_deputy_director_post_is_in_security_class_2_too(demo):
    deputy = Position.objects.get(body=demo["vanersborg"], slug="bitradande-kommundirektor")

    assert deputy.security_class == Position.SecurityClass.CLASS_2


def test_the_previous_director_is_kept_as_history(demo):
    director = Position.objects.get(body=demo["vanersborg"], slug="kommundirektor")

    ended = director.appointments.filter(end__isnull=False)

    assert ended.count() == 1
    assert ended.get().end < timezone.localdate()


def test_one_department_is_led_by_an_acting_head(demo):
    head = Position.objects.get(
        body=demo["vanersborg"], slug="forvaltningschef-socialforvaltningen"
    )

    assert [a.acting for a in holders_of(position=head, on=timezone.localdate())] == [True]


def test_every_post_has_a_holder_today(demo):
    today = timezone.localdate()

    vacant = [p.slug for p in Position.objects.all() if not holders_of(position=p, on=today)]

    assert vacant == []


def test_each_body_names_its_director_even_where_the_director_heads_a_staff(demo):
    today = timezone.localdate()

    assert director_of(body=demo["vanersborg"], on=today).name == "Katarina Holmgren"
    assert director_of(body=demo["blekinge"], on=today).name == "Charlotte Brandt"
    assert director_of(body=demo["blekinge"], on=datetime.date(2020, 1, 1)).name == (
        "Göran Törnqvist"
    )
