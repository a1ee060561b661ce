#!/usr/bin/env bash
# Installs what running and testing CoCreation need on a fresh Debian machine, and only what is missing:
# Debian's rabbitmq-server (the broker the AppHost runs as a local process where there is no container runtime),
# the dotnet-ef tool, and, with --tests, Debian's Chromium for the browser tests (Playwright drives it; its own
# browser download is never used).
#   scripts/prerequisites.sh [--tests]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null; then
  echo "The .NET SDK is missing: install .NET 10 (https://dot.net) and run this again." >&2
  exit 1
fi

missing=()
if [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ] && [ -z "${ConnectionStrings__messaging:-}" ]; then
  missing+=(rabbitmq-server)
fi
if [ "${1:-}" = "--tests" ] && [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installing ${missing[*]} from Debian (once, up to a few minutes) ..."
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  if ! { $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
    echo "Could not install ${missing[*]}: install them with 'apt-get install ${missing[*]}' and run this again." >&2
    exit 1
  fi
  # If the package starts a system-wide broker, it keeps the standard ports; ours runs privately beside it.
fi

dotnet tool restore >/dev/null
