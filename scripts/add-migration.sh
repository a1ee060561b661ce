#!/usr/bin/env bash
# Adds an EF Core migration for BOTH database providers of one service, so they never drift apart.
#   scripts/add-migration.sh <service-folder> <MigrationName>
#   scripts/add-migration.sh services/ideas/CoCreation.Ideas AddChallenges
# The service's DbContext has one thin subclass per provider (<Name>SqliteDbContext, <Name>SqlServerDbContext);
# each holds its own migrations under Infrastructure/Migrations/<Provider>.
set -euo pipefail
cd "$(dirname "$0")/.."

project="${1:?usage: scripts/add-migration.sh <service-folder> <MigrationName>}"
migration="${2:?usage: scripts/add-migration.sh <service-folder> <MigrationName>}"
context_base=$(grep -l 'SqliteDbContext(DbContextOptions' "$project"/Infrastructure/*.cs | head -1 | xargs grep -o 'class [A-Za-z]*SqliteDbContext' | sed 's/class //; s/SqliteDbContext//')
[ -n "$context_base" ] || { echo "No <Name>SqliteDbContext found in $project/Infrastructure" >&2; exit 1; }
database=$(grep -ho 'DatabaseName = "[a-z-]*"' "$project"/Extensions/*.cs | sed 's/.*"\(.*\)"/\1/')
[ -n "$database" ] || { echo "No DatabaseName constant found in $project/Extensions" >&2; exit 1; }

dotnet tool restore >/dev/null
# Design time builds the service's host, which wants its settings; no server or broker is contacted.
export ConnectionStrings__messaging="amqp://guest:guest@localhost:5672"
for provider in Sqlite SqlServer; do
  echo "== $context_base: $migration ($provider)"
  if [ $provider = Sqlite ]; then connection="Data Source=design-time.db"; else connection="Server=localhost;Initial Catalog=design-time;TrustServerCertificate=true"; fi
  env Database__Provider=$provider "ConnectionStrings__$database=$connection" \
    dotnet ef migrations add "$migration" \
      --project "$project" \
      --context "${context_base}${provider}DbContext" \
      --output-dir "Infrastructure/Migrations/$provider"
done
rm -f "$project"/design-time.db*
