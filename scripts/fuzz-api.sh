#!/usr/bin/env bash
# Property-based fuzzing of the HTTP API against its own OpenAPI document (schemathesis, from PyPI).
# Starts a throwaway tartip (dev Temporal, embedded PostgreSQL, worker, API) in a temporary data
# directory on free ports, creates an administrator token, runs schemathesis, stops everything.
#   scripts/fuzz-api.sh                 # defaults: 40 examples per operation
#   FUZZ_EXAMPLES=200 scripts/fuzz-api.sh
# Exit code: schemathesis's (0 = no failures).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ST_VERSION=4.32.5
VENV=$ROOT/.tools/fuzz-venv
EXAMPLES=${FUZZ_EXAMPLES:-40}

if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$ST_VERSION"; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "schemathesis==$ST_VERSION"
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
DATA=$(mktemp -d /tmp/tartip-fuzz.XXXXXX)
chmod 755 "$DATA" # embedded PostgreSQL runs as another user
export TARTIP_DATA_DIR=$DATA
export TARTIP_TEMPORAL_PORT=$(free_port) TARTIP_UI_PORT=$(free_port) TARTIP_PG_PORT=$(free_port) TARTIP_HTTP_PORT=$(free_port)
export TARTIP_TASK_QUEUE=fuzz
unset TEMPORAL_ADDRESS DATABASE_URL

node --import tsx worker/main.ts >"$DATA/tartip.log" 2>&1 &
TARTIP_PID=$!
stop() {
  kill -INT "$TARTIP_PID" 2>/dev/null || true
  wait "$TARTIP_PID" 2>/dev/null || true
  rm -rf "$DATA"
}
trap stop EXIT

for _ in $(seq 1 240); do
  grep -q 'HTTP API:' "$DATA/tartip.log" && break
  kill -0 "$TARTIP_PID" 2>/dev/null || { cat "$DATA/tartip.log"; echo "fuzz-api: tartip did not start" >&2; exit 1; }
  sleep 1
done
grep -q 'HTTP API:' "$DATA/tartip.log" || { cat "$DATA/tartip.log"; echo "fuzz-api: tartip did not start in 240 s" >&2; exit 1; }
API=http://127.0.0.1:$TARTIP_HTTP_PORT

TOKEN=$(node --import tsx client/cli.ts token create --role administrator --body KZ-FUZZ --actor fuzzer --name "API fuzzer" --json |
  node -e 'let s="";process.stdin.on("data",(d)=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).token))')

echo "fuzz-api: schemathesis $ST_VERSION against $API/openapi.json, $EXAMPLES examples per operation"
set +e
"$VENV/bin/schemathesis" run "$API/openapi.json" \
  --header "Authorization: Bearer $TOKEN" \
  --checks all \
  --exclude-checks positive_data_acceptance \
  --max-examples "$EXAMPLES" \
  --phases examples,coverage,fuzzing \
  --workers 2 \
  --generation-deterministic \
  --suppress-health-check too_slow,filter_too_much \
  --request-timeout 30
RC=$?
set -e
if grep -q 'tartip api: internal error' "$DATA/tartip.log"; then
  echo "fuzz-api: the server logged internal errors:" >&2
  grep -A5 'tartip api: internal error' "$DATA/tartip.log" | head -60 >&2
  RC=${RC/#0/1}
fi
exit $RC
