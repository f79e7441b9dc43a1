#!/usr/bin/env bash
# Prints the path of a Python interpreter that Rasa 3.6 supports (3.10, 3.9 or 3.8),
# looking on PATH first and then under pyenv's root. Exits 1 with a clear message if none.
set -u

supported() {
  "$1" -c 'import sys; sys.exit(0 if (3, 8) <= sys.version_info[:2] <= (3, 10) else 1)' 2>/dev/null
}

candidates=()
for v in 3.10 3.9 3.8; do
  command -v "python$v" >/dev/null 2>&1 && candidates+=("$(command -v "python$v")")
done
pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
for v in 3.10 3.9 3.8; do
  for p in $(ls -d "$pyenv_root"/versions/"$v".*/bin/python 2>/dev/null | sort -rV); do
    candidates+=("$p")
  done
done

for p in "${candidates[@]+"${candidates[@]}"}"; do
  if supported "$p"; then
    echo "$p"
    exit 0
  fi
done

cat >&2 <<'MSG'
No Python 3.8, 3.9 or 3.10 interpreter found (Rasa Open Source 3.6 supports only these).
Install one, for example:
  pyenv install 3.10.13            (with pyenv), or
  apt-get install python3.10-venv  (Debian/Ubuntu, where packaged)
then run the make command again. Set PYTHON=/path/to/python3.10 to choose one yourself.
MSG
exit 1
