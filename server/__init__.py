"""The one place where Reconnect changes how Rasa itself behaves, and the names its layers share.

`server.bootstrap.apply()` makes every change (each in its own module here, each tested against
Rasa's own behaviour in tests/unit). Our launchers call it explicitly: `python -m server <rasa
command line>` is `rasa <command line>` with the changes applied, and every Rasa command of the
Makefile and the scripts goes through it. Nothing else in the project patches Rasa.

This package's `__init__` imports nothing, so the action server can read `server.names`
without loading Rasa.
"""
