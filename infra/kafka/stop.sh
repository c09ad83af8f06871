#!/usr/bin/env bash
# Stops the broker that start.sh started and removes its temporary data (unless KAFKA_KEEP_DATA=1).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${1:-$(cat "$here/.run/dir" 2>/dev/null || true)}"
[ -n "$data" ] && [ -f "$data/kafka.pid" ] || { echo "kafka: nothing to stop" >&2; exit 0; }
pid="$(cat "$data/kafka.pid")"
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
fi
rm -f "$data/kafka.pid" "$here/.run/dir"
[ "${KAFKA_KEEP_DATA:-0}" = 1 ] || case "$data" in /tmp/casebook-kafka.*) rm -rf "$data" ;; esac
echo "kafka: stopped" >&2
