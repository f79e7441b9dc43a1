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
    assert all(gc.is_tracked(node) for node in loaded)  # the collector walks them so far
    try:
        freeze_loaded_objects()
        assert freed() is None  # collected before the freeze, not kept for ever
        gc.collect()
        # In no generation any more, so no collection, full or not, walks them again.
        walked = {id(o) for o in gc.get_objects()}
        assert [node for node in loaded if id(node) in walked] == []
    finally:
        gc.unfreeze()
