#!/usr/bin/env bash
# Measures the walking journey on a running platform (./run.sh): the time from POST /api/v1/ideas at the gateway
# until the owner's notification is readable through the gateway, repeated N times; prints the median and p95,
# and each service's resident memory. Sends traffic to localhost only.
#   benchmarks/journey.sh [runs=20] [gateway=http://localhost:5080]
set -euo pipefail
runs="${1:-20}"
gateway="${2:-http://localhost:5080}"
org="5c0a7e10-0000-4000-8000-000000000001"
times=()
for i in $(seq 1 "$runs"); do
  person="bench-$RANDOM-$i"
  start=$(date +%s%N)
  curl -sf -o /dev/null -X POST "$gateway/api/v1/ideas" -H 'Content-Type: application/json' \
    -H "X-Dev-Person-Id: $person" -H "X-Dev-Organisation-Id: $org" \
    -d '{"kind":"need","title":"Benchmark idea","summary":"Measuring the journey","themes":["learning-and-teaching"],"language":"en"}'
  for _ in $(seq 1 500); do
    if curl -sf "$gateway/api/v1/notifications" -H "X-Dev-Person-Id: $person" | grep -q idea-published; then break; fi
    sleep 0.005
  done
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "journey over $runs runs: median ${sorted[$((runs / 2))]} ms, p95 ${sorted[$(( (runs * 95 + 99) / 100 - 1 ))]} ms, min ${sorted[0]} ms, max ${sorted[$((runs - 1))]} ms"
echo "resident memory:"
for dll in CoCreation.Identity CoCreation.Ideas CoCreation.PartnerMatching CoCreation.Projects CoCreation.Notifications CoCreation.Gateway; do
  pid=$(pgrep -f "$dll.dll" | head -1 || true)
  [ -n "$pid" ] && echo "  $dll: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MiB"
done
