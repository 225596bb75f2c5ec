#!/usr/bin/env bash
# `npm start`: the API and one worker against the configured PostgreSQL and Redis (DATABASE_URL,
# REDIS_URL), after the migrations and the unit directory. Ctrl-C or SIGTERM stops both: the API
# finishes its requests, the worker its jobs, and every connection is closed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh
node dist/apps/cli/src/main.js migrate
node dist/apps/cli/src/main.js units:load

node dist/apps/api/src/main.js &
api=$!
node dist/apps/worker/src/main.js &
worker=$!

stop() {
  trap - INT TERM
  kill -TERM "$api" "$worker" 2>/dev/null || true
}
trap stop INT TERM

port=${API_PORT:-3000}
for _ in $(seq 1 60); do
  if node -e "fetch('http://127.0.0.1:$port/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
    printf '\n  API           http://127.0.0.1:%s\n  API docs      http://127.0.0.1:%s/docs\n  queue board   http://127.0.0.1:%s/admin/queues (admin)\n  stop          Ctrl-C\n\n' "$port" "$port" "$port" >&2
    break
  fi
  kill -0 "$api" 2>/dev/null || break
  sleep 0.5
done

# Both run until stopped; if either ends by itself, stop the other and report its status.
status=0
wait -n "$api" "$worker" || status=$?
stop
wait "$api" "$worker" 2>/dev/null || true
exit "$status"
