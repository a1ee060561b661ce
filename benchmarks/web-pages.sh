#!/usr/bin/env bash
# The web front end's speed targets, measured through the gateway on the whole platform (started by the AppHost,
# Release) with N published ideas (default 100,000, seeded once into .local/bench/web/ by CoCreation.Ideas.Seeder):
#   the home page, a filtered search page and an idea page each with a server p95 under 100 ms;
#   the home page transferring under 150 KB in total (its HTML and everything it links: one stylesheet, no script).
#   benchmarks/web-pages.sh [ideas=100000] [seconds=20]
# Anonymous visitors, one connection (latencies, not queueing), a warm-up run before each measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
ideas="${1:-100000}"
seconds="${2:-20}"
data=".local/bench/web"
gateway="http://localhost:5080"

command -v wrk >/dev/null || { echo "==> Installing wrk"; sudo -n true 2>/dev/null && sudo apt-get install -y -qq wrk || apt-get install -y -qq wrk; }
echo "==> Building the platform and the seeder (Release)"
dotnet build CoCreation.AppHost -c Release -v quiet -clp:ErrorsOnly --nologo
dotnet build benchmarks/CoCreation.Ideas.Seeder -c Release -v quiet -clp:ErrorsOnly --nologo
mkdir -p "$data"
echo "==> Seeding $data/ideas.db with $ideas published ideas (skipped when already there)"
dotnet benchmarks/CoCreation.Ideas.Seeder/bin/Release/net10.0/CoCreation.Ideas.Seeder.dll "$data/ideas.db" "$ideas"

echo "==> Starting the platform (data in $data)"
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development DOTNET_CLI_TELEMETRY_OPTOUT=1
export ASPNETCORE_URLS=http://localhost:15080 ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://localhost:19080
export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:20080 ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
# wrk is one client: without a higher limit the gateway would rightly answer it with 429s.
export Platform__DataFolder="$PWD/$data" Platform__GatewayRateLimit=10000000
(cd CoCreation.AppHost && exec bin/Release/net10.0/CoCreation.AppHost) > "$data/apphost.log" 2>&1 &
apphost=$!
trap 'kill -TERM $apphost 2>/dev/null; wait $apphost 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do grep -q "CoCreation is running" "$data/apphost.log" && break; sleep 1; done
grep -q "CoCreation is running" "$data/apphost.log" || { echo "The platform did not start; see $data/apphost.log"; exit 1; }

idea=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT lower(Id) FROM Ideas WHERE Status='Published' ORDER BY random() LIMIT 1\").fetchone()[0])" "$data/ideas.db" 2>/dev/null \
  || python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT lower(Id) FROM Ideas ORDER BY random() LIMIT 1').fetchone()[0])" "$data/ideas.db")
pages=$(mktemp)
measure() { # name path...
  local name=$1; shift
  printf '%s\n' "$@" > "$pages"
  for path in "$@"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "$gateway$path")
    [ "$status" = 200 ] || { echo "$path answered $status; see $data/apphost.log"; exit 1; }
  done
  PAGES="$pages" wrk -t1 -c1 -d5s -s benchmarks/web-pages.lua "$gateway" >/dev/null   # warm-up: JIT, caches
  echo "--- $name ($seconds s, 1 connection)"
  PAGES="$pages" wrk -t1 -c1 -d"${seconds}s" -s benchmarks/web-pages.lua "$gateway" | sed -n '/^requests/,$p'
}
measure "home page" "/"
measure "filtered search pages (3 in turn)" "/ideas?q=robots&theme=learning-and-teaching" "/ideas?q=kirjasto&environment=library&kind=need" "/ideas?theme=museums&sort=most-supported"
measure "idea page" "/ideas/$idea"

html=$(curl -s -H 'Accept-Language: fi' "$gateway/" | wc -c)
css_path=$(curl -s "$gateway/" | grep -o 'href="[^"]*\.css"' | head -1 | sed 's/href="//; s/"$//')
css=$(curl -s "$gateway/${css_path#/}" | wc -c)
echo "--- home page transfer: HTML $html bytes + stylesheet $css bytes = $(( (html + css) / 1024 )) KB (uncompressed; no script, no images)"
rm -f "$pages"
