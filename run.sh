#!/usr/bin/env bash
# Runs the whole platform on this machine: installs what is missing, builds, starts a private RabbitMQ node,
# the four services and the gateway, waits until all are healthy and prints the gateway's URL.
# Ctrl-C (or SIGTERM) stops everything it started. Data stays in .local/ between runs.
set -euo pipefail
cd "$(dirname "$0")"

scripts/prerequisites.sh
echo "==> Building ..."
dotnet build CoCreation.Local.slnf -c Release --nologo -v quiet -clp:ErrorsOnly
# exec: the launcher receives Ctrl-C and SIGTERM itself and stops its children.
exec dotnet tools/CoCreation.LocalRun/bin/Release/net10.0/CoCreation.LocalRun.dll
