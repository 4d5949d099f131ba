#!/usr/bin/env bash
# Start N valkompass processes behind nginx on this machine, sharing one PostgreSQL database.
#   bash deploy/run-local.sh N [--port 8080]
# Needs Debian's nginx and the app's virtualenv (.venv, from the README). Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:?usage: deploy/run-local.sh N [--port 8080]}
port=8080
[ "${2:-}" = "--port" ] && port=${3:?--port needs a number}
python=${PYTHON:-.venv/bin/python}
export VALKOMPASS_DATABASE_URL=${VALKOMPASS_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}
run=deploy/.run
mkdir -p "$run"
pids=()

stop() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop EXIT INT TERM

upstreams=""
for i in $(seq 1 "$n"); do
    app_port=$((8500 + i))
    "$python" -m streamlit run app.py --server.headless true --server.address 127.0.0.1 \
        --server.port "$app_port" >"$run/app-$app_port.log" 2>&1 &
    pids+=("$!")
    upstreams+="        server 127.0.0.1:$app_port max_fails=3 fail_timeout=10s;"$'\n'
done

for i in $(seq 1 "$n"); do
    app_port=$((8500 + i))
    for _ in $(seq 120); do
        curl -fs "http://127.0.0.1:$app_port/_stcore/health" >/dev/null && break
        sleep 0.5
    done
    curl -fs "http://127.0.0.1:$app_port/_stcore/health" >/dev/null || { echo "process on $app_port did not start"; exit 1; }
done

conf="$run/nginx.conf"
python3 - "$conf" "$port" "$(pwd)/$run" "$upstreams" <<'PY'
import sys
target, port, run, upstreams = sys.argv[1:]
text = open("deploy/nginx.conf.template", encoding="utf-8").read()
text = text.replace("@UPSTREAMS@", upstreams.rstrip("\n")).replace("@PORT@", port).replace("@RUN@", run)
open(target, "w", encoding="utf-8").write(text)
PY
nginx -t -q -c "$(pwd)/$conf" -p "$(pwd)/$run"
nginx -c "$(pwd)/$conf" -p "$(pwd)/$run" &
pids+=("$!")
echo "valkompass: $n processes behind http://127.0.0.1:$port/ (database: $VALKOMPASS_DATABASE_URL)"
wait
