#!/usr/bin/env bash
# Start N valkompass processes behind nginx on this machine, all sharing one PostgreSQL database.
#   bash deploy/run-local.sh N [--port 8080] [--address 127.0.0.1] [--base-port 8501]
# The app processes listen on 127.0.0.1:8501, 8502, ... (--base-port), nginx on --address:--port.
# Files (rendered nginx.conf, logs, pid) go to deploy/.run/PORT/. Ctrl-C or SIGTERM stops everything.
# Environment:
#   VALKOMPASS_DATABASE_URL  default postgresql+psycopg://postgres@127.0.0.1:5432/test
#   PYTHON                   the Python with the app's requirements (default .venv/bin/python, else python3)
#   APP_SCRIPT               the Streamlit script (default app.py)
# Needs Debian's nginx (apt-get install nginx) and curl. Use one process per core (nproc).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

usage() {
    echo "usage: deploy/run-local.sh N [--port 8080] [--address 127.0.0.1] [--base-port 8501]" >&2
    exit 2
}

[ $# -ge 1 ] || usage
n=$1
shift
[[ $n =~ ^[1-9][0-9]?$ ]] || { echo "run-local: N must be a number from 1 to 99, not '$n'" >&2; usage; }
port=8080
address=127.0.0.1
base_port=8501
while [ $# -gt 0 ]; do
    case $1 in
        --port) [ $# -ge 2 ] || usage; port=$2; shift 2 ;;
        --port=*) port=${1#*=}; shift ;;
        --address) [ $# -ge 2 ] || usage; address=$2; shift 2 ;;
        --address=*) address=${1#*=}; shift ;;
        --base-port) [ $# -ge 2 ] || usage; base_port=$2; shift 2 ;;
        --base-port=*) base_port=${1#*=}; shift ;;
        -h | --help) usage ;;
        *) echo "run-local: unknown argument '$1'" >&2; usage ;;
    esac
done
for number in "$port" "$base_port"; do
    if ! [[ $number =~ ^[1-9][0-9]{0,4}$ ]] || [ "$number" -gt 65535 ]; then
        echo "run-local: not a port: '$number'" >&2
        usage
    fi
done
[[ $address =~ ^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "run-local: --address must be an IPv4 address" >&2; usage; }

python=${PYTHON:-.venv/bin/python}
[ -x "$python" ] || command -v "$python" >/dev/null || python=python3
app=${APP_SCRIPT:-app.py}
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "run-local: nginx is missing: apt-get install nginx" >&2; exit 1; }
command -v curl >/dev/null || { echo "run-local: curl is missing: apt-get install curl" >&2; exit 1; }
"$python" -c "import streamlit" 2>/dev/null \
    || { echo "run-local: $python cannot import streamlit; set PYTHON or create .venv (see README)" >&2; exit 1; }

export VALKOMPASS_DATABASE_URL=${VALKOMPASS_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}
# The URL as printed: without its password.
database_shown=$(sed -E 's#(//[^:/@]*):[^@/]*@#\1:***@#' <<<"$VALKOMPASS_DATABASE_URL")
if [[ $VALKOMPASS_DATABASE_URL == postgresql* ]]; then
    "$python" - <<'PY' || { echo "run-local: cannot reach the database $database_shown; start PostgreSQL or set VALKOMPASS_DATABASE_URL" >&2; exit 1; }
import os
from sqlalchemy import create_engine, text
with create_engine(os.environ["VALKOMPASS_DATABASE_URL"], connect_args={"connect_timeout": 5}).connect() as conn:
    conn.execute(text("select 1"))
PY
fi

# Something already on a port would answer our health checks in place of our process.
in_use() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
app_ports=()
for ((i = 0; i < n; i++)); do app_ports+=($((base_port + i))); done
for p in "$port" "${app_ports[@]}"; do
    if in_use "$p"; then
        echo "run-local: port $p is in use (another run-local.sh or Streamlit?); stop it or use --port/--base-port" >&2
        exit 1
    fi
done

run=$root/deploy/.run/$port
mkdir -p "$run"
rm -f "$run"/app-*.log "$run/error.log"

pids=()
# shellcheck disable=SC2317  # only called from the EXIT trap
stop() {
    trap - EXIT INT TERM
    [ ${#pids[@]} -gt 0 ] || return 0
    kill -TERM "${pids[@]}" 2>/dev/null || true
    local pid alive=()
    for _ in $(seq 50); do  # up to 10 s for a clean stop, then force
        alive=()
        for pid in "${pids[@]}"; do
            if kill -0 "$pid" 2>/dev/null; then alive+=("$pid"); fi
        done
        [ ${#alive[@]} -gt 0 ] || break
        sleep 0.2
    done
    [ ${#alive[@]} -eq 0 ] || kill -KILL "${alive[@]}" 2>/dev/null || true
    wait 2>/dev/null || true
    echo "run-local: stopped" >&2
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# wait_healthy URL PID NAME LOG: until URL answers, failing early if PID died.
wait_healthy() {
    for _ in $(seq 180); do
        curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null && return 0
        if ! kill -0 "$2" 2>/dev/null; then
            echo "run-local: $3 exited during start-up; the end of $4:" >&2
            tail -n 20 "$4" >&2 || true
            exit 1
        fi
        sleep 0.5
    done
    echo "run-local: $3 did not answer $1 within 90 s; see $4" >&2
    exit 1
}

for p in "${app_ports[@]}"; do
    "$python" -m streamlit run "$app" --server.port "$p" --server.address 127.0.0.1 --server.headless true \
        >"$run/app-$p.log" 2>&1 &
    pids+=("$!")
done
for i in "${!app_ports[@]}"; do
    p=${app_ports[$i]}
    wait_healthy "http://127.0.0.1:$p/_stcore/health" "${pids[$i]}" "the app on port $p" "$run/app-$p.log"
done

bash deploy/render-nginx.sh "$run" "$address:$port" "${app_ports[@]}" >"$run/nginx.conf"
"$nginx" -t -q -e "$run/error.log" -p "$run" -c "$run/nginx.conf"
"$nginx" -e "$run/error.log" -p "$run" -c "$run/nginx.conf" &
pids+=("$!")
wait_healthy "http://127.0.0.1:$port/_stcore/health" "$!" "nginx" "$run/error.log"

echo "valkompass: $n process(es) on 127.0.0.1:${app_ports[0]}-${app_ports[-1]} behind http://$address:$port/"
echo "  database: $database_shown"
echo "  health:   curl http://127.0.0.1:$port/_stcore/health"
echo "  files:    $run/ (nginx.conf, app-PORT.log, error.log)"
echo "  Ctrl-C stops everything."

# Run until a signal, or until one of the processes ends on its own (then stop the rest).
status=0
wait -n || status=$?
echo "run-local: a process ended (exit status $status); stopping the others" >&2
exit 1
