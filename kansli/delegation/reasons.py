"""The engine's reasons in words: the one place where a `engine.Reason` (a code and the facts
it names) becomes a sentence, through Django's translations with the facts as named
parameters. Every page, API answer and command that shows a reason gets it from here."""

from __future__ import annotations

import dataclasses
import datetime
from decimal import Decimal

from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansli.charts import swedish_number
from kansli.delegation import engine, labels, orderfile

_SENTENCES: dict[str, Promise] = {
    "not_entitled": gettext_lazy("%(actor)s har inte rätt att besluta om %(matter)s den %(date)s."),
    "decided_by": gettext_lazy("Beslutet fattas av %(delegate)s enligt regel %(rule)s %(source)s."),
    "no_rule": gettext_lazy("Ingen ordning som gäller den %(date)s har en regel om %(matter)s."),
    "not_delegable": gettext_lazy("Ärendet gäller %(category)s och får inte delegeras %(source)s."),
    "acting": gettext_lazy("%(actor)s är t.f. %(position)s den %(date)s."),
    "may_decide": gettext_lazy("%(delegate)s får besluta: %(matter)s %(source)s."),
    "decides_as_substitute": gettext_lazy(
        "%(actor)s beslutar som ersättare för %(delegate)s, som har förhinder: "
        "%(matter)s %(source)s."
    ),
    "decides_as_subdelegate": gettext_lazy(
        "%(actor)s beslutar på vidaredelegering från %(delegate)s %(granted)s: "
        "%(matter)s %(source)s."
    ),
    "name_organization": gettext_lazy(
        "Beslutet fattas av %(delegate)s; ange vilken organisation beslutet gäller %(source)s."
    ),
    "decided_by_other": gettext_lazy(
        "Beslutet fattas av %(delegate)s, inte av %(actor)s %(source)s."
    ),
    "delegate_unavailable": gettext_lazy(
        "%(delegate)s har förhinder och får inte besluta %(source)s."
    ),
    "substitute_only": gettext_lazy(
        "%(actor)s är ersättare och får besluta bara när %(delegate)s har förhinder %(source)s."
    ),
    "substitute_first": gettext_lazy("%(substitute)s går före %(actor)s som ersättare %(source)s."),
    "scope_unnamed": gettext_lazy(
        "Regeln gäller %(scope)s; ange vilken organisation beslutet gäller %(source)s."
    ),
    "scope_other": gettext_lazy(
        "Regeln gäller %(scope)s, men beslutet gäller %(concerned)s %(source)s."
    ),
    "scope_partly_owned": gettext_lazy(
        "Regeln gäller bara helägda bolag, men %(concerned)s ägs till %(share)s "
        "%(source)s; ingen regel täcker beslutet för bolaget."
    ),
    "scope_ownership_unknown": gettext_lazy(
        "Regeln gäller bara helägda bolag, men ägarandelen i %(concerned)s är inte "
        "registrerad %(source)s."
    ),
    "amount_missing": gettext_lazy(
        "Regeln gäller belopp upp till %(limit)s; ange beloppet %(source)s."
    ),
    "amount_over": gettext_lazy("Beloppet %(amount)s överstiger gränsen %(limit)s %(source)s."),
    "months_missing": gettext_lazy("Regeln gäller högst %(limit)s månader; ange tiden %(source)s."),
    "months_over": gettext_lazy(
        "Tiden %(months)s månader överstiger gränsen %(limit)s månader %(source)s."
    ),
    "condition": gettext_lazy("Regeln gäller bara när %(condition)s %(source)s."),
    # Questions the engine cannot answer (engine.CheckError).
    "done_syntax": gettext_lazy("”%(text)s” ska skrivas SLAG:PART, där SLAG är %(kinds)s."),
    "unknown_body": gettext_lazy("Okänd huvudman ”%(slug)s”."),
    "unknown_decision_type": gettext_lazy("Okänd beslutstyp ”%(type)s” hos %(body)s."),
    "unknown_organization": gettext_lazy("%(body)s har ingen organisation ”%(slug)s”."),
    "unknown_position": gettext_lazy("%(body)s har ingen befattning ”%(slug)s”."),
    "unknown_person": gettext_lazy("%(body)s har ingen person med id %(ref)s."),
    "unknown_actor_kind": gettext_lazy("Okänd sorts beslutsfattare ”%(kind)s”."),
    "not_waivable": gettext_lazy(
        "%(requirement)s krävs enligt %(document)s %(section)s och kan inte avstås; bara ett "
        "samråd vid behov kan registreras som inte behövt."
    ),
    # What is wrong with an order (engine.Problem).
    "in_order": gettext_lazy("%(document)s (%(id)s): %(problem)s"),
    "ends_before_start": gettext_lazy("Slutdatum före startdatum."),
    "unknown_category": gettext_lazy("Okänd kategori ”%(category)s”; kända: %(known)s."),
    "unknown_rule": gettext_lazy("Okänd regel ”%(rule)s”."),
    "unknown_recurrence": gettext_lazy("Okänd återkomst ”%(recurrence)s”; kända: %(known)s."),
    "duplicate_id": gettext_lazy("Id ”%(id)s” finns redan."),
    "duplicate_party": gettext_lazy("Parten ”%(key)s” finns redan."),
    "unknown_party_kind": gettext_lazy("Okänd sorts part ”%(kind)s”; kända: %(known)s."),
    "not_relative": gettext_lazy("”%(concerned)s” kan inte användas för sorten ”%(kind)s”."),
    "undefined_decision_type": gettext_lazy(
        "Okänd beslutstyp ”%(type)s”; lägg till den under decision_types."
    ),
    "delegated_non_delegable": gettext_lazy(
        "”%(decision_type)s” gäller %(category)s och får inte delegeras till %(delegate)s "
        "%(source)s."
    ),
    "employees_delegate": gettext_lazy(
        "Beslutanderätt kan inte ges till en grupp anställda; ange en befattning."
    ),
    "subdelegation_by_employee": gettext_lazy(
        "Bara en anställd delegat kan vidaredelegera beslutanderätten %(source)s."
    ),
    "optional_not_consultation": gettext_lazy(
        "Bara ett samråd före beslutet kan ske vid behov (optional)."
    ),
    "wholly_owned_not_companies": gettext_lazy(
        "Bara en omfattning med typen company kan begränsas till helägda bolag (wholly_owned)."
    ),
    "subdelegation_by_non_department_head": gettext_lazy(
        "Bara en förvaltningschef kan vidaredelegera beslutanderätten %(source)s; "
        "%(delegate)s är inte chef för en förvaltning."
    ),
    "subdelegation_to_employees": gettext_lazy(
        "Vidaredelegering kan bara ges till anställda, inte till %(party)s."
    ),
    "unknown_requirement": gettext_lazy(
        "Okänt krav ”%(kind)s”/”%(when)s”; kända: %(kinds)s och %(whens)s."
    ),
    "unknown_organization_kind": gettext_lazy(
        "Okänd organisationstyp ”%(kind)s”; kända: %(known)s."
    ),
    "not_subdelegable": gettext_lazy("Regel %(rule)s får inte vidaredelegeras."),
    "subdelegation_to_position": gettext_lazy("Vidaredelegering ges till en befattning."),
    "subdelegation_only_to": gettext_lazy(
        "Regel %(rule)s får bara vidaredelegeras till %(names)s."
    ),
    "subdelegation_scope_wider": gettext_lazy(
        "Vidaredelegeringen gäller hela organisationen, men regel %(rule)s har ett avgränsat "
        "tillämpningsområde; ange ett lika snävt eller snävare."
    ),
    "subdelegation_no_amount_limit": gettext_lazy(
        "Vidaredelegeringen ger ingen beloppsgräns, men regel %(rule)s gäller högst %(most)s."
    ),
    "subdelegation_wider_amount": gettext_lazy(
        "Vidaredelegeringen ger %(given)s, men regel %(rule)s gäller högst %(most)s."
    ),
    "subdelegation_no_time_limit": gettext_lazy(
        "Vidaredelegeringen ger ingen tidsgräns, men regel %(rule)s gäller högst %(most)s månader."
    ),
    "subdelegation_wider_time": gettext_lazy(
        "Vidaredelegeringen ger %(given)s månader, men regel %(rule)s gäller högst %(most)s "
        "månader."
    ),
    "other_body": gettext_lazy("Ordningen gäller ”%(order)s”, inte %(body)s (”%(slug)s”)."),
    "unknown_party_position": gettext_lazy(
        "%(body)s har ingen befattning ”%(slug)s” (för %(name)s)."
    ),
    "unknown_party": gettext_lazy("%(body)s har ingen organisation ”%(slug)s” (för %(name)s)."),
    "decision_type_twice": gettext_lazy("Beslutstypen ”%(type)s” är definierad på två olika sätt."),
    # What is wrong in an order file (orderfile.FileProblem).
    "not_yaml": gettext_lazy("Filen är inte giltig YAML: %(error)s"),
    "empty_file": gettext_lazy("Filen är tom."),
    "too_deep": gettext_lazy("Filen har listor eller fält i för många nivåer i varandra."),
    "not_fields": gettext_lazy("Ska vara en samling fält (namn: värde)."),
    "unknown_field": gettext_lazy("Okänt fält ”%(key)s”; tillåtna: %(allowed)s."),
    "field_twice": gettext_lazy("Fältet ”%(key)s” finns två gånger."),
    "field_missing": gettext_lazy("Fältet ”%(key)s” saknas."),
    "not_list": gettext_lazy("Ska vara en lista."),
    "not_mapping": gettext_lazy("Ska vara en samling (nyckel: värde)."),
    "key_twice": gettext_lazy("Nyckeln ”%(key)s” finns två gånger."),
    "not_scalar": gettext_lazy("Ska vara %(what)s."),
    "empty_text": gettext_lazy("Får inte vara tom."),
    "not_date": gettext_lazy("”%(value)s” är inget datum; skriv ÅÅÅÅ-MM-DD."),
    "year_out_of_bounds": gettext_lazy("”%(value)s”: ange ett år mellan %(min)s och %(max)s."),
    "not_amount": gettext_lazy(
        "”%(value)s” är inget belopp i kronor; skriv t.ex. 250000 eller 1500.50."
    ),
    "not_whole_number": gettext_lazy("”%(value)s” är inget heltal större än eller lika med noll."),
    "not_boolean": gettext_lazy("”%(value)s” ska vara true eller false."),
    "unknown_value": gettext_lazy("Okänt värde ”%(value)s”; tillåtna: %(allowed)s."),
    "party_key": gettext_lazy("En part av sorten %(kind)s ska ha en nyckel som ”%(example)s”."),
    "unknown_party_key": gettext_lazy("Okänd part ”%(key)s”; lägg till den under parties."),
}

# What a field of an order file should be (the reason "not_scalar").
_SCALARS: dict[str, Promise] = {
    "text": gettext_lazy("en text"),
    "date": gettext_lazy("ett datum"),
    "amount": gettext_lazy("ett belopp"),
    "whole_number": gettext_lazy("ett heltal"),
    "boolean": gettext_lazy("true eller false"),
}

# A requirement's reason, by whether it is pending, done or due after the decision, and kind.
_REQUIREMENTS: dict[str, dict[str, Promise]] = {
    "requirement_pending": {
        "consultation": gettext_lazy("Beslutet kräver samråd med %(party)s %(source)s."),
        "approval": gettext_lazy("Beslutet kräver godkännande av %(party)s %(source)s."),
        "notification": gettext_lazy(
            "Beslutet kräver att %(party)s informeras i förväg %(source)s."
        ),
        "report": gettext_lazy(
            "Ärendet ska anmälas till %(party)s innan beslutet fattas %(source)s."
        ),
    },
    "requirement_done": {
        "consultation": gettext_lazy("Samråd med %(party)s har skett %(source)s."),
        "approval": gettext_lazy("Godkännande av %(party)s har lämnats %(source)s."),
        "notification": gettext_lazy("%(party)s har informerats i förväg %(source)s."),
        "report": gettext_lazy("Ärendet har anmälts till %(party)s %(source)s."),
    },
    "requirement_after": {
        "consultation": gettext_lazy("Samråd med %(party)s ska ske efter beslutet %(source)s."),
        "approval": gettext_lazy("Beslutet ska godkännas av %(party)s i efterhand %(source)s."),
        "notification": gettext_lazy("%(party)s ska underrättas om beslutet %(source)s."),
        "report": gettext_lazy("Beslutet ska anmälas till %(party)s %(source)s."),
    },
    # KL 6 kap. 39 §: a decision in a matter too urgent to wait for the committee.
    "requirement_at_next_meeting": {
        "report": gettext_lazy(
            "Beslutet ska anmälas vid nästa sammanträde med %(party)s %(source)s."
        ),
    },
    # A consultation "vid behov": held, or found not needed with a recorded reason.
    "requirement_optional": {
        "consultation": gettext_lazy(
            "Beslutet kräver samråd med %(party)s vid behov %(source)s: registrera samrådet, "
            "eller att det inte behövdes och varför."
        ),
    },
    "requirement_waived": {
        "consultation": gettext_lazy(
            "Samråd med %(party)s behövdes inte, med angivet skäl %(source)s."
        ),
    },
}


def citation(source: engine.Source) -> str:
    """Where a rule comes from, as a reason cites it: "(Kommundirektörsinstruktion 5.2.3)"."""
    return _("(%(document)s %(section)s)") % {
        "document": source.document,
        "section": source.section,
    }


def scope_words(scopes: tuple[engine.Scope, ...]) -> str:
    """Where a rule applies, its organizations named (engine.Engine.named_scope):
    "förvaltningar utom kommunstyrelseförvaltningen"."""
    return f" {_('eller')} ".join(_scope_words(scope) for scope in scopes)


def _scope_words(scope: engine.Scope) -> str:
    words = []
    if scope.wholly_owned:
        words.append(_("helägda bolag"))
    elif scope.kinds:
        kinds = [str(labels.SCOPE_KINDS.get(kind, kind)) for kind in scope.kinds]
        words.append(f" {_('och')} ".join(kinds))
    if scope.organization is not None:
        where = _("inom %(name)s") if scope.subtree else _("i %(name)s")
        words.append(where % {"name": scope.organization})
    if scope.excluding:
        words.append(_("utom %(names)s") % {"names": ", ".join(scope.excluding)})
    return " ".join(words)


def sek(amount: Decimal) -> str:
    """1500000 and 1500000.00 → "1 500 000 kronor", 1500.5 → "1 500,50 kronor"."""
    return _("%(amount)s kronor") % {"amount": swedish_number(amount)}


def _word(key: str, value: object) -> str:
    if key == "scope" and isinstance(value, tuple):
        return scope_words(value)
    if isinstance(value, engine.Source):
        return citation(value)
    if key == "share" and isinstance(value, Decimal):
        return _("%(share)s procent") % {"share": swedish_number(value)}
    if isinstance(value, Decimal):
        return sek(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, engine.Reason):
        return sentence(value)
    if isinstance(value, engine.Party):
        return labels.party_name(value)
    if isinstance(value, engine.Requirement):
        return labels.requirement(value)
    if key == "category":
        return str(labels.NON_DELEGABLE.get(str(value), value))
    if key == "what":
        return str(_SCALARS.get(str(value), value))
    return str(value)


def sentence(reason: engine.Reason) -> str:
    """The reason as a sentence in the reader's language, starting with a capital letter."""
    data = {key: _word(key, value) for key, value in reason.params}
    if reason.code in _REQUIREMENTS:
        template = _REQUIREMENTS[reason.code][data["kind"]]
    else:
        template = _SENTENCES[reason.code]
    return capfirst(str(template) % data)


def worded(verdict: engine.Verdict) -> engine.Verdict:
    """The verdict with its grounds as sentences in `reasons` and each party resolved for the
    organization concerned named, as pages, the API, the stored decision and the commands
    show it."""
    return dataclasses.replace(
        verdict,
        requirements=tuple(
            dataclasses.replace(status, requirement=_named(status.requirement))
            for status in verdict.requirements
        ),
        reporting=tuple(_named(requirement) for requirement in verdict.reporting),
        reasons=tuple(sentence(r) for r in verdict.grounds),
    )


def _named(requirement: engine.Requirement) -> engine.Requirement:
    party = requirement.party
    if party.relation is None:
        return requirement
    return dataclasses.replace(
        requirement, party=dataclasses.replace(party, name=labels.party_name(party))
    )


def problem_text(problem: engine.Problem) -> str:
    """What is wrong with an order, in words."""
    return sentence(problem.reason)


def file_problem_text(problem: orderfile.FileProblem) -> str:
    """ "ordning.yaml:7: order.valid_from: Slutdatum före startdatum." """
    return f"{problem.file}:{problem.line}: {problem.field}: {sentence(problem.reason)}"
