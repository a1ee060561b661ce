#!/usr/bin/env bash
# The ideas service's speed targets, measured through its HTTP API with wrk on a database of N published ideas
# (default 100,000; seeded once into .local/bench/ by CoCreation.Ideas.Seeder, about a minute):
#   a filtered full-text search page, p95 under 50 ms; a single idea read, p95 under 5 ms.
#   benchmarks/ideas-search.sh [ideas=100000] [seconds=20]
# One connection, so the numbers are latencies rather than queueing; a warm-up run precedes each measurement.
# The service runs alone, in Release, without a broker: neither path touches it (its reconnect logs are silenced).
set -euo pipefail
cd "$(dirname "$0")/.."
ideas="${1:-100000}"
seconds="${2:-20}"
port=5901
database=".local/bench/ideas-$ideas.db"

command -v wrk >/dev/null || { echo "==> Installing wrk"; sudo -n true 2>/dev/null && sudo apt-get install -y -qq wrk || apt-get install -y -qq wrk; }

echo "==> Building the ideas service and the seeder (Release)"
dotnet build services/ideas/CoCreation.Ideas -c Release -v quiet -clp:ErrorsOnly --nologo
dotnet build benchmarks/CoCreation.Ideas.Seeder -c Release -v quiet -clp:ErrorsOnly --nologo
mkdir -p .local/bench
echo "==> Seeding $database with $ideas published ideas (skipped when already there)"
dotnet benchmarks/CoCreation.Ideas.Seeder/bin/Release/net10.0/CoCreation.Ideas.Seeder.dll "$database" "$ideas"

echo "==> Starting the ideas service on http://127.0.0.1:$port"
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  Database__Provider=Sqlite ConnectionStrings__ideasdb="Data Source=$PWD/$database" \
  ConnectionStrings__messaging="amqp://guest:guest@127.0.0.1:1" \
  Logging__LogLevel__Default=Warning Logging__LogLevel__MassTransit=None \
  dotnet services/ideas/CoCreation.Ideas/bin/Release/net10.0/CoCreation.Ideas.dll > .local/bench/ideas-service.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/alive" >/dev/null && break; sleep 0.2; done

ids=$(mktemp)
sqlite3 "$database" "SELECT lower(Id) FROM Ideas ORDER BY random() LIMIT 5000" > "$ids" 2>/dev/null \
  || python3 -c "import sqlite3,sys; [print(r[0].lower()) for r in sqlite3.connect(sys.argv[1]).execute('SELECT Id FROM Ideas ORDER BY random() LIMIT 5000')]" "$database" > "$ids"

measure() { # name script
  wrk -t1 -c1 -d5s -s "benchmarks/$2" "http://127.0.0.1:$port" >/dev/null   # warm-up: JIT, caches
  echo "--- $1 ($seconds s, 1 connection)"
  IDS="$ids" wrk -t1 -c1 -d"${seconds}s" -s "benchmarks/$2" "http://127.0.0.1:$port" | sed -n '/^requests/,$p'
}
export IDS="$ids"
measure "filtered full-text search page (10 queries in turn)" ideas-search.lua
measure "single idea read (5,000 random ids)" ideas-read.lua
echo "--- ideas service resident memory: $(( $(awk '/VmRSS/ {print $2}' /proc/$service/status) / 1024 )) MiB; database $(du -m "$database" | cut -f1) MiB"
rm -f "$ids"
