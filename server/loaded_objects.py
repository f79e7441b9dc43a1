"""Keeps Python's garbage collector from re-walking the loaded model on every full collection.

Once the model is loaded, the Rasa server holds hundreds of thousands of long-lived objects
(the domain, the rule and memoization lookups, the featurizers' vocabularies, spaCy's tables).
Every full collection walks them all, and meanwhile no conversation is answered: under load
this shows as a long tail of slow replies. Frozen after the load, they are left out of every
collection; they live as long as the server anyway.
"""

from __future__ import annotations

import gc


def freeze_loaded_objects() -> None:
    """Collects what loading left behind, then moves every survivor out of the collector's way."""
    gc.collect()
    gc.freeze()
