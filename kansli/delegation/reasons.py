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

from kansli.delegation import engine, labels

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
}

# A requirement's reason, by whether it is pending, done or due after the decision, and kind.
_REQUIREMENTS: dict[str, dict[str, Promise]] = {
    "requirement_pending": {
        "consultation": gettext_lazy("Beslutet kräver samråd med %(party)s %(source)s."),
        "approval": gettext_lazy("Beslutet kräver godkännande av %(party)s %(source)s."),
        "notice": gettext_lazy("Beslutet kräver att %(party)s informeras i förväg %(source)s."),
        "report": gettext_lazy(
            "Ärendet ska anmälas till %(party)s innan beslutet fattas %(source)s."
        ),
    },
    "requirement_done": {
        "consultation": gettext_lazy("Samråd med %(party)s har skett %(source)s."),
        "approval": gettext_lazy("Godkännande av %(party)s har lämnats %(source)s."),
        "notice": gettext_lazy("%(party)s har informerats i förväg %(source)s."),
        "report": gettext_lazy("Ärendet har anmälts till %(party)s %(source)s."),
    },
    "requirement_after": {
        "consultation": gettext_lazy("Samråd med %(party)s ska ske efter beslutet %(source)s."),
        "approval": gettext_lazy("Beslutet ska godkännas av %(party)s i efterhand %(source)s."),
        "notice": gettext_lazy("%(party)s ska underrättas om beslutet %(source)s."),
        "report": gettext_lazy("Beslutet ska anmälas till %(party)s %(source)s."),
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
    if scope.kinds:
        kinds = [str(labels.SCOPE_KINDS.get(kind, kind)) for kind in scope.kinds]
        words.append(f" {_('och')} ".join(kinds))
    if scope.organization is not None:
        where = _("inom %(name)s") if scope.subtree else _("i %(name)s")
        words.append(where % {"name": scope.organization})
    if scope.excluding:
        words.append(_("utom %(names)s") % {"names": ", ".join(scope.excluding)})
    return " ".join(words)


def _word(key: str, value: object) -> str:
    if key == "scope" and isinstance(value, tuple):
        return scope_words(value)
    if isinstance(value, engine.Source):
        return citation(value)
    if isinstance(value, Decimal):
        return engine.sek(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if key == "category":
        return str(labels.NON_DELEGABLE[str(value)])
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
    """The verdict with its grounds as sentences in `reasons`, as pages, the API, the stored
    decision and the commands show it."""
    return dataclasses.replace(verdict, reasons=tuple(sentence(r) for r in verdict.grounds))
