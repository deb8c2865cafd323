"""Translated texts for libraries whose types ask for a `str`: django-ninja's summaries and
descriptions, pydantic's field descriptions, the policy's `Action` labels read at run time.

`gettext_lazy` here is Django's: a lazy text that those libraries turn into text only when they
render it, in the language of the request. The type checker is told it is a `str`, which is how
it behaves there and what django-stubs cannot know of a third party's parameters.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:

    def gettext_lazy(message: str) -> str: ...

else:
    from django.utils.translation import gettext_lazy

__all__ = ["gettext_lazy"]
