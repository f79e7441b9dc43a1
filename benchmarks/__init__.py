"""Benchmarks of Reconnect against a stock Rasa assistant (`make bench`)."""
