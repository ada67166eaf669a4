#!/bin/sh
# One image, several roles. The first argument picks the role; extra arguments are passed on.
#   api      HTTP API (listens on $PORT, default 3000)
#   worker   BullMQ worker
#   migrate  run database migrations (advisory-locked, safe to run concurrently)
#   seed     seed demo data
#   anything else is executed as-is, e.g. `docker compose run --rm api sh`
# `exec` replaces this shell so node receives SIGTERM directly (tini is PID 1 and forwards it).
set -eu

if [ "$#" -eq 0 ]; then
  set -- api
fi

role="$1"
case "$role" in
  api)
    shift
    exec node /app/dist/apps/api/main.js "$@"
    ;;
  worker)
    shift
    exec node /app/dist/apps/worker/main.js "$@"
    ;;
  migrate | seed)
    shift
    exec node /app/dist/apps/cli/main.js "$role" "$@"
    ;;
  *)
    exec "$@"
    ;;
esac
