#!/usr/bin/env bash
# One command: creates benches/.venv-peers (once), installs the peers and
# govnotice from this checkout (release build), then runs the comparison.
# Extra arguments go to compare_peers.py (e.g. --corpus-limit 200).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
venv="$here/.venv-peers"
python="${PYTHON:-python3.11}"

if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip
fi
# Each peer on its own line, so one that fails to install on this Python
# is reported and the others still run.
while read -r requirement; do
    case "$requirement" in '' | '#'*) continue ;; esac
    "$venv/bin/pip" install --quiet --pre "$requirement" ||
        echo "compare_peers: could not install $requirement; it will be skipped" >&2
done <"$here/requirements-peers.txt"
"$venv/bin/pip" install --quiet maturin
# A release wheel installed as a copy (not `maturin develop`, which would
# write the extension into python/govnotice/ of the checkout), so the ratios
# compare optimized code with optimized code.
wheels="$(mktemp -d)"
trap 'rm -rf "$wheels"' EXIT
(cd "$root" && CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}" \
    "$venv/bin/maturin" build --release --quiet --interpreter "$venv/bin/python" --out "$wheels")
"$venv/bin/pip" install --quiet --force-reinstall --no-deps "$wheels"/govnotice-*.whl
"$venv/bin/python" "$here/compare_peers.py" "$@"
