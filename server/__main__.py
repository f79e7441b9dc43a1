"""`python -m server ARGS`: Rasa's command line (`rasa ARGS`) with Reconnect's changes applied."""

from server.bootstrap import apply

if __name__ == "__main__":
    apply()
    from rasa.__main__ import main

    main()
