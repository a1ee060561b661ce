#!/usr/bin/env bash
# One private RabbitMQ node with its own epmd, run as one Aspire resource (see LocalRabbitMqResource.cs).
# epmd runs in the foreground as our child: left to rabbitmq-server it would start as a daemon on every
# interface and outlive the platform. On SIGTERM or SIGINT the broker stops first, then epmd, so nothing
# is left behind. The node is configured by the RABBITMQ_* and ERL_EPMD_PORT variables the AppHost sets.
set -uo pipefail

server=/usr/lib/rabbitmq/bin/rabbitmq-server
if [ ! -x "$server" ]; then
  echo "RabbitMQ is not installed ($server is missing): run scripts/prerequisites.sh, or give a broker in ConnectionStrings__messaging." >&2
  exit 1
fi
mkdir -p "$RABBITMQ_MNESIA_BASE" "$RABBITMQ_LOG_BASE"

epmd -address 127.0.0.1 -port "$ERL_EPMD_PORT" &
epmd_pid=$!
"$server" &
server_pid=$!

stop() {
  kill -TERM "$server_pid" 2>/dev/null
  wait "$server_pid" 2>/dev/null
  kill -TERM "$epmd_pid" 2>/dev/null
  wait "$epmd_pid" 2>/dev/null
  exit 0
}
trap stop TERM INT

# Whichever ends first ends the node: a broker that dies takes epmd with it, and the resource shows the exit.
wait -n "$server_pid" "$epmd_pid"
status=$?
kill -TERM "$server_pid" "$epmd_pid" 2>/dev/null
wait 2>/dev/null
exit "$status"
