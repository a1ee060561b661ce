#!/usr/bin/env bash
# Measures the platform's own life under the AppHost, as run.sh starts it: the time from launching the AppHost
# (after the build) until it reports everything healthy, the idle memory (PSS) of every process it runs, and the
# time from SIGTERM until nothing it started is left. The first start creates the databases and is reported apart.
#   benchmarks/platform-lifecycle.sh [starts=4]
# Needs the Release build (./run.sh or: dotnet build CoCreation.AppHost -c Release) and nothing else on its ports.
set -euo pipefail
cd "$(dirname "$0")/.."
starts="${1:-4}"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export Platform__DataFolder="$data" ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development \
  ASPNETCORE_URLS=http://localhost:15080 ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://localhost:19080 \
  ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:20080 ASPIRE_ALLOW_UNSECURED_TRANSPORT=true DOTNET_CLI_TELEMETRY_OPTOUT=1
platform_processes='dcp |beam.smp|epmd -address|net10.0/CoCreation|Aspire.Dashboard'

descendants() { echo "$1"; for child in $(pgrep -P "$1"); do descendants "$child"; done; }

memory() {
  declare -A pss
  local total=0 count=0
  for root in $(pgrep -f 'net10.0/CoCreation.AppHost$') $(pgrep -f 'dcp start-apiserver'); do
    for pid in $(descendants "$root"); do
      [ -r "/proc/$pid/smaps_rollup" ] || continue
      local kb cmd name
      kb=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup")
      cmd=$(tr '\0' ' ' < "/proc/$pid/cmdline")
      case "$cmd" in
        *beam.smp*|*epmd*|*rabbit*|*erl_child*|*inet_gethost*) name="rabbitmq";; # before dcp: beam's flags contain "dcpu"
        *"dcp monitor-process"*) name="orchestrator monitors";;
        */tools/dcp*) name="orchestrator (dcp)";;
        *Aspire.Dashboard*) name="dashboard";;
        *CoCreation.AppHost*) name="apphost";;
        *) name=$(basename "${cmd%% *}");;
      esac
      pss[$name]=$(( ${pss[$name]:-0} + kb )); total=$((total + kb)); count=$((count + 1))
    done
  done
  for name in "${!pss[@]}"; do printf '    %5d MB  %s\n' $((pss[$name] / 1024)) "$name"; done | sort -rn
  echo "    idle total: $((total / 1024)) MB PSS in $count processes"
}

for run in $(seq 1 "$starts"); do
  log="$data/apphost-$run.log"
  started=$(date +%s%N)
  (cd CoCreation.AppHost && exec bin/Release/net10.0/CoCreation.AppHost > "$log" 2>&1) &
  apphost=$!
  until grep -q "CoCreation is running" "$log"; do
    kill -0 "$apphost" 2>/dev/null || { echo "The AppHost stopped while starting:"; tail -20 "$log"; exit 1; }
    sleep 0.1
  done
  healthy_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  label="start $run"; [ "$run" -eq 1 ] && label="start 1 (creates the databases)"
  echo "$label: everything healthy after $(awk "BEGIN {printf \"%.1f\", $healthy_ms / 1000}") s"
  if [ "$run" -eq "$starts" ]; then
    sleep 30 # idle: start-up allocations collected, telemetry flowing
    echo "  memory when idle:"; memory
  fi
  stopping=$(date +%s%N)
  kill -TERM "$apphost"
  wait "$apphost" || true
  exited_ms=$(( ($(date +%s%N) - stopping) / 1000000 ))
  while pgrep -f "$platform_processes" > /dev/null; do sleep 0.05; done
  gone_ms=$(( ($(date +%s%N) - stopping) / 1000000 ))
  echo "  stop: the AppHost exited after $(awk "BEGIN {printf \"%.1f\", $exited_ms / 1000}") s, nothing left after $(awk "BEGIN {printf \"%.1f\", $gone_ms / 1000}") s"
done
