"""Deployment files of production mode (scripts/run_prod.sh) and the code Rasa loads from them."""
