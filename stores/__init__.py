"""Where Reconnect keeps conversations (loaded by Rasa from endpoints.yml)."""
