"""Input channels, named in credentials.yml: REST, socket.io and the widget's files."""
