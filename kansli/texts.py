"""Texts for the type checker: a translated text where a parameter takes one, and a lazy text
where a library's types ask for a `str`.

`StrOrPromise` is a text or a lazy translated text (`gettext_lazy`), what Django's own
labels take; the project's labels and messages take it too.

`gettext_lazy` here is Django's: a lazy text that django-ninja (summaries, descriptions) and
pydantic (field descriptions) turn into text only when they render it, in the language of the
request. The type checker is told it is a `str`, which is how it behaves there and what
django-stubs cannot know of a third party's parameters.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    def gettext_lazy(message: str) -> str: ...

else:
    from django.utils.functional import Promise
    from django.utils.translation import gettext_lazy

    StrOrPromise = str | Promise

__all__ = ["StrOrPromise", "gettext_lazy"]
