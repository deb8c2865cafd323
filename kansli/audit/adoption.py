"""Taking a row changed around the log into it, once an operator has looked into the change
(`kansli audit adopt`): until then `kansli audit verify` names the row at every run.

The adoption is an event of its own (`<model>.adopt`): the state the log described before and
the row as it stands now (nothing when it was deleted), so the change enters the chain with
when it was adopted, and verify compares the row with it from then on. The changes the
PostgreSQL triggers saw of the row are cleared.
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.audit.models import Event, RowChange
from kansli.audit.selectors import logged_states
from kansli.audit.tables import audited_models


@transaction.atomic
def row_adopt(*, object_type: str, object_id: str) -> Event:
    """Record the row `object_type` `object_id` as it stands now, in an adopt event. An
    operator's act from the command line, as re-keying is: the system is its actor."""
    model = _audited_model(object_type)
    row = model._base_manager.select_for_update().filter(pk=object_id).first()
    logged = logged_states(Event.objects.filter(object_type=object_type, object_id=object_id))
    before = logged[object_id][1] if object_id in logged else None
    after = audit.snapshot(row) if row is not None else None
    if before == after:
        raise ValidationError(
            _("Raden %(type)s %(id)s stämmer redan med händelseloggen.")
            % {"type": object_type, "id": object_id}
        )
    instance = row if row is not None else _deleted_row(model, object_id, before or {})
    event = audit.record(
        actor=None,
        action=audit.action_name(instance, "adopt"),
        instance=instance,
        before=before,
        after=after,
    )
    RowChange.objects.filter(object_type=object_type, object_id=object_id).delete()
    return event


def _audited_model(object_type: str) -> type[models.Model]:
    found = {model._meta.label_lower: model for model in audited_models()}.get(object_type)
    if found is None:
        raise ValidationError(
            _("%(type)s är ingen tabell som händelseloggen svarar för.") % {"type": object_type}
        )
    return found


def _deleted_row(model: type[models.Model], object_id: str, state: dict) -> models.Model:
    """A stand-in for a deleted row, with the keys its log last had, to name it and its body."""
    keys = {
        field.attname: state.get(field.attname)
        for field in model._meta.concrete_fields
        if field.is_relation
    }
    return model(pk=model._meta.pk.to_python(object_id), **keys)
