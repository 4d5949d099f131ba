#!/usr/bin/env bash
# Capacity of 1 against 2 app processes behind nginx (deploy/run-local.sh), on PostgreSQL, measured
# side by side with the same load.
#   bash bench/scaleout.sh [USERS]        (default: 400)
# Prints one JSON line per run (also saved in bench/results/).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || PY=python3
users=${1:-400}
port=8090
mkdir -p bench/results
IDS=$("$PY" -c "from quiz.load import load_quiz; print('%2C'.join(s.id for s in load_quiz('statements.yaml').statements[:30]))")
for n in 1 2; do
    PYTHON="$PY" bash deploy/run-local.sh "$n" --port "$port" >/dev/null 2>&1 &
    runner=$!
    for _ in $(seq 120); do curl -fs "http://127.0.0.1:$port/_stcore/health" >/dev/null && break; sleep 0.5; done
    pids=$(pgrep -f "streamlit run app.py .*--server.port 85" | paste -sd, -)
    "$PY" ../shared/tools/stload.py --url "http://127.0.0.1:$port/?embed=true&layout=list&statements=$IDS" \
        --users "$users" --ramp 20 --interactions 32 --think 3 --duration 150 --first-click Starta \
        --click "Visa resultat" --server-pid "$pids" --quiet | tail -n 1 | tee "bench/results/scaleout-$n.json"
    kill "$runner"; wait "$runner" 2>/dev/null || true
    sleep 2
done
