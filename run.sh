#!/usr/bin/env bash
# Runs the whole platform on this machine under .NET Aspire: installs what is missing, builds, and starts the
# AppHost, which starts the broker, a database per service, every service, the gateway and the dashboard, says
# when each is healthy and prints where to go. Ctrl-C (or SIGTERM) stops everything. Data stays in .local/.
set -euo pipefail
cd "$(dirname "$0")"

scripts/prerequisites.sh
echo "==> Building ..."
dotnet build CoCreation.AppHost -c Release --nologo -v quiet -clp:ErrorsOnly

# The dashboard on loopback over http; the AppHost lets it in without a token only in Development on loopback.
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-$ASPNETCORE_ENVIRONMENT}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:15080}"
export ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="${ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL:-http://localhost:19080}"
export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="${ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL:-http://localhost:20080}"
export ASPIRE_ALLOW_UNSECURED_TRANSPORT="${ASPIRE_ALLOW_UNSECURED_TRANSPORT:-true}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1

# exec: the AppHost receives Ctrl-C and SIGTERM itself and stops everything it started.
cd CoCreation.AppHost
exec bin/Release/net10.0/CoCreation.AppHost
