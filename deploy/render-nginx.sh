#!/usr/bin/env bash
# Print deploy/nginx.conf.template filled in for a set of app processes.
#   bash deploy/render-nginx.sh RUN_DIR LISTEN APP_PORT... > RUN_DIR/nginx.conf
# RUN_DIR: absolute folder for pid, error log and temp files. LISTEN: what nginx listens on,
# `8080` or `127.0.0.1:8080`. APP_PORT: one per Streamlit process on 127.0.0.1.
# Used by deploy/run-local.sh and by tests/test_deploy.py, so the tested config is the one run.
set -euo pipefail

usage() {
    echo "usage: deploy/render-nginx.sh RUN_DIR LISTEN APP_PORT..." >&2
    exit 2
}

[ $# -ge 3 ] || usage
run=$1 listen=$2
shift 2
# Goes between double quotes in the config: allow only plain path characters.
safe_path='^/[A-Za-z0-9._/@+~, -]*$'
[[ $run =~ $safe_path ]] || { echo "render-nginx: RUN_DIR must be an absolute path of plain characters, not '$run'" >&2; exit 2; }
[[ $listen =~ ^([0-9.]+:)?[0-9]+$ ]] || { echo "render-nginx: LISTEN must be PORT or ADDRESS:PORT, not '$listen'" >&2; exit 2; }

upstreams=""
for port in "$@"; do
    if ! [[ $port =~ ^[0-9]{1,5}$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
        echo "render-nginx: not a port: '$port'" >&2
        exit 2
    fi
    upstreams+="        server 127.0.0.1:$port max_fails=2 fail_timeout=10s;"$'\n'
done

template=$(<"$(dirname "$0")/nginx.conf.template")
template=${template//@UPSTREAMS@/"${upstreams%$'\n'}"}
template=${template//@LISTEN@/"$listen"}
template=${template//@RUN@/"$run"}
printf '%s\n' "$template"
