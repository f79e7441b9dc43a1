"""Rasa's lookup of an event's class by its type name, made once per name.

Rasa 3.6 reads a conversation back from the tracker store on every turn, and for each of
its events finds the event's class by walking the whole tree of Event subclasses (and
checking each for abstract methods). Under load that walk is a visible part of a turn in the
Rasa server's profile, and it grows with the conversation. The classes do not
change once imported, so the answer for a name is kept; unknown names are not kept, and
behave exactly as in Rasa (the default, or ValueError).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional, Text, Type

from rasa.shared.core.events import Event

_rasa_resolve_by_type = Event.resolve_by_type


@lru_cache(maxsize=None)
def _known_class(type_name: Text) -> Optional[Type[Event]]:
    """Rasa's answer for a name it knows (ValueError, which is not cached, for others)."""
    return _rasa_resolve_by_type(type_name)


def resolve_by_type(type_name: Any, default: Optional[Type[Event]] = None) -> Optional[Type[Event]]:
    """Event.resolve_by_type, answered from the cache for names seen before."""
    if not isinstance(type_name, str):  # not hashable, or not a name: Rasa's own answer
        return _rasa_resolve_by_type(type_name, default)
    try:
        return _known_class(type_name)
    except ValueError:
        if default is not None:
            return default
        raise


def look_up_event_classes_once() -> None:
    """Makes Rasa use the cached lookup everywhere it turns stored events into objects."""
    Event.resolve_by_type = staticmethod(resolve_by_type)
