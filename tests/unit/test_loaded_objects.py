"""Objects alive when the server has loaded are kept out of later garbage collections."""
import gc
import weakref

from server.loaded_objects import freeze_loaded_objects


class Node:
    """Something that can sit in a reference cycle, which only the collector frees."""


def test_objects_alive_after_loading_are_frozen_and_garbage_is_not():
    loaded = [Node() for _ in range(1000)]
    garbage = Node()
    garbage.itself = garbage
    freed = weakref.ref(garbage)
    del garbage
    try:
        freeze_loaded_objects()
        assert freed() is None  # collected before the freeze, not kept for ever
        assert gc.get_freeze_count() >= len(loaded)
    finally:
        gc.unfreeze()
