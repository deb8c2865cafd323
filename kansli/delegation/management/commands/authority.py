"""`kansli authority rules` and `kansli authority check`: the delegation engine on the command
line. With --json the output is a stable contract (docs/delegation-order-format.md):

    kansli authority rules --body vanersborg --json
    kansli authority check --body vanersborg --position kommundirektor \\
        --decision organisationsforandring --concerning socialforvaltningen \\
        --done approval:pfu --json
    kansli authority check --body blekinge --position regiondirektor \\
        --decision befogenheter-och-ansvar --concerning landstingsservice \\
        --waived consultation:regionstyrelsen-ordforande

Exit code 0 for any answer, 2 for a question that cannot be asked.
"""

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandParser
from django.utils.translation import gettext as _

from kansli.delegation import engine, labels
from kansli.delegation.selectors import authority_check_named, rules_for
from kansli.organisation.commands import (
    KansliCommand,
    amount_or_none,
    bad_input,
    body_named,
    date_or_today,
    whole_number,
)


class Command(KansliCommand):
    help = _(
        "Delegationen: rules listar reglerna som gäller, check prövar om någon får fatta "
        "ett beslut."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        rules = sub.add_parser("rules", help=_("Reglerna som gäller ett datum."))
        check = sub.add_parser("check", help=_("Får beslutsfattaren fatta beslutet?"))
        for command in (rules, check):
            command.add_argument(
                "--body", required=True, help=_("Kommunens eller regionens kortnamn.")
            )
            command.add_argument("--date", help=_("Dagen frågan gäller, ÅÅÅÅ-MM-DD; i dag utan."))
            command.add_argument("--json", action="store_true", help=_("Svara med JSON."))
        rules.add_argument("--decision", help=_("Bara regler för denna beslutstyp."))
        actor = check.add_mutually_exclusive_group(required=True)
        actor.add_argument("--position", help=_("Befattningens kortnamn."))
        actor.add_argument("--person", help=_("Personens id."))
        actor.add_argument("--organization", help=_("Organisationens kortnamn."))
        check.add_argument("--decision", required=True, help=_("Beslutstypens kod."))
        check.add_argument("--concerning", help=_("Kortnamnet på organisationen beslutet gäller."))
        check.add_argument("--amount", help=_("Beloppet i kronor."))
        check.add_argument("--months", help=_("Tiden beslutet gäller, i månader."))
        check.add_argument(
            "--done",
            nargs="+",
            action="extend",
            default=[],
            metavar="SLAG:PART",
            help=_("Krav som är uppfyllda, t.ex. approval:pfu."),
        )
        check.add_argument(
            "--waived",
            nargs="+",
            action="extend",
            default=[],
            metavar="SLAG:PART",
            help=_(
                "Samråd vid behov som inte behövdes, t.ex. "
                "consultation:regionstyrelsen-ordforande; ett krav som inte är vid behov kan "
                "inte avstås."
            ),
        )
        check.add_argument(
            "--condition",
            nargs="+",
            action="extend",
            default=[],
            metavar="KOD",
            help=_("Villkor som är uppfyllda."),
        )
        check.add_argument(
            "--delegate-unavailable",
            action="store_true",
            help=_("Delegaten har förhinder eller är jävig."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        body = body_named(options["body"])
        on = date_or_today(options["date"])
        if options["subcommand"] == "rules":
            found = rules_for(body=body, on=on, decision_type=options["decision"])
            if options["json"]:
                self._json([rule.as_dict() for rule in found])
            else:
                self._rules(found)
            return
        try:
            verdict = authority_check_named(
                body=body,
                decision_type=options["decision"],
                on=on,
                position=options["position"],
                person=whole_number(options["person"], _("person-id")),
                organization=options["organization"],
                concerning=options["concerning"],
                amount=amount_or_none(options["amount"]),
                months=whole_number(options["months"], _("antal månader")),
                done=options["done"],
                waived=options["waived"],
                conditions=options["condition"],
                delegate_unavailable=options["delegate_unavailable"],
            )
        except ValidationError as error:
            raise bad_input(" ".join(error.messages)) from error
        if options["json"]:
            self._json(verdict.as_dict())
        else:
            self._verdict(verdict)

    def _json(self, data: object) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))

    def _rules(self, rules: list[engine.Rule]) -> None:
        if not rules:
            self.stdout.write(_("Inga regler."))
        for rule in rules:
            self.stdout.write(
                f"{rule.number}  [{rule.decision_type}]  {rule.matter}\n"
                f"    {_('Delegat')}: {rule.delegate.name} {rule.source.citation}"
            )

    def _verdict(self, verdict: engine.Verdict) -> None:
        write = self.stdout.write
        write(f"{labels.OUTCOMES[verdict.outcome]}.")
        for basis in verdict.basis:
            write(_("Grund: %(document)s %(section)s, regel %(rule)s") % basis.__dict__)
        for status in verdict.requirements:
            requirement = status.requirement
            mark = "[x]" if status.satisfied else "[ ]"
            line = f"{mark} {labels.requirement(requirement)} ({labels.WHEN[requirement.when]})"
            write(f"{line}: {labels.NOT_NEEDED}" if status.waived else line)
        for requirement in verdict.reporting:
            write(f"{_('Efteråt')}: {labels.requirement(requirement)}")
        for reason in verdict.reasons:
            write(f"- {reason}")
