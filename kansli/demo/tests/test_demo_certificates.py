"""Every demo person can sign: the demo load gives each a certificate in their name from the
local certificate authority, and signing as them uses it."""

from pathlib import Path

from cryptography import x509
from cryptography.x509.oid import NameOID
from weasyprint import HTML

from kansli.demo.services import load_demo
from kansli.meetings import signing
from kansli.organisation.models import Person


def test_the_demo_gives_every_person_a_certificate_to_sign_with(demo, settings, tmp_path: Path):
    settings.KANSLI_SIGNING_DIR = tmp_path

    load_demo()

    root = x509.load_pem_x509_certificate((tmp_path / "ca.pem").read_bytes())
    people = Person.objects.filter(body__in=demo.values())
    assert people.count() > 100
    issued = {}
    for person in people:
        path = tmp_path / "signers" / f"{signing.person_key(person.pk)}.pem"
        certificate = x509.load_pem_x509_certificate(path.read_bytes())
        assert certificate.issuer == root.subject
        [name] = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        assert name.value == person.name
        issued[person.pk] = path.read_bytes()

    chair = people.first()
    signed = signing.signer().sign(
        HTML(string="<p>§ 1</p>").write_pdf(),
        name=chair.name,
        key=signing.person_key(chair.pk),
        reason="Justering",
    )

    assert [(seen.signer, seen.valid) for seen in signing.signatures(signed)] == [
        (chair.name, True)
    ]
    path = tmp_path / "signers" / f"{signing.person_key(chair.pk)}.pem"
    assert path.read_bytes() == issued[chair.pk]
