#!/usr/bin/env bash
# Load test: simulated quiz-takers (think ~3 s) answer 30 statements and open the results,
# at 50, 100, 200 and 400 concurrent users against ONE app process.
#   bash bench/load.sh [USERS...]        (default: 50 100 200 400)
# Uses ../shared/tools/stload.py (Streamlit's websocket protocol). Loopback only; every run is
# bounded in time. Prints one JSON line per run (also saved in bench/results/).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || PY=python3
PORT=${PORT:-8599}
OUT=bench/results
mkdir -p "$OUT"
IDS=$("$PY" -c "from quiz.load import load_quiz; print('%2C'.join(s.id for s in load_quiz('statements.yaml').statements[:30]))")
URL="http://127.0.0.1:$PORT/?embed=true&layout=list&statements=$IDS"
for users in "${@:-50 100 200 400}"; do
  for n in $users; do
    VALKOMPASS_DB_PATH=$(mktemp -d)/class.sqlite3 "$PY" -m streamlit run app.py --server.headless true \
        --server.port "$PORT" --server.address 127.0.0.1 >/dev/null 2>&1 &
    pid=$!
    trap 'kill $pid 2>/dev/null || true' EXIT
    for _ in $(seq 60); do curl -fs "http://127.0.0.1:$PORT/_stcore/health" >/dev/null && break; sleep 0.5; done
    "$PY" ../shared/tools/stload.py --url "$URL" --users "$n" --ramp 20 --interactions 32 --think 3 \
        --duration 150 --first-click Starta --click "Visa resultat" --server-pid "$pid" --quiet \
        | tail -n 1 | tee "$OUT/load-$n.json"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
