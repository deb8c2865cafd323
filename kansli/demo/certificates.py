"""Demo certificates: every demo person gets a key and a certificate from the local certificate
authority (kansli.meetings.signing), so that anyone may sign the minutes in the demo.

The authority makes each certificate once and reuses it, so a second load makes nothing new.
"""

from kansli.meetings.signing import LocalCertificateAuthority, person_key
from kansli.organisation.models import Person


def load_certificates_demo(*, body_slugs: list[str]) -> None:
    """Issue a certificate in the person's name to every person of the demo bodies."""
    authority = LocalCertificateAuthority()
    for person in Person.objects.filter(body__slug__in=body_slugs):
        authority.issue(name=person.name, key=person_key(person.pk))
