#!/usr/bin/env bash
# Installs what running and testing CoCreation need on a fresh Debian machine, and only what is missing:
# Debian's rabbitmq-server (the broker the local run and the tests start privately) and the dotnet-ef tool.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null; then
  echo "The .NET SDK is missing: install .NET 10 (https://dot.net) and run this again." >&2
  exit 1
fi

if [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ] && [ -z "${ConnectionStrings__messaging:-}" ]; then
  echo "==> Installing RabbitMQ from Debian (once, about 30 s) ..."
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq rabbitmq-server >/dev/null
  # If the package starts a system-wide broker, it keeps the standard ports; ours run privately beside it.
fi

dotnet tool restore >/dev/null
