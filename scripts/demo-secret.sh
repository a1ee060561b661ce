#!/usr/bin/env bash
# Prints a development secret the AppHost generated and keeps in its user secrets:
#   scripts/demo-secret.sh demo-client-secret    # the demo API client's secret (client_id demo-partner)
#   scripts/demo-secret.sh demo-user-password    # the demo people's password (admin@cocreation.test, ...)
#   scripts/demo-secret.sh web-client-secret     # the web front end's client secret (client_id cocreation-web)
# Each is made on the first ./run.sh and stays the same after; the dashboard shows them under Parameters too.
set -euo pipefail
name="${1:?which secret: demo-client-secret, demo-user-password or web-client-secret}"
cd "$(dirname "$0")/.."
# The AppHost's user-secrets id, from its project file: one place names it.
id=$(sed -n 's:.*<UserSecretsId>\(.*\)</UserSecretsId>.*:\1:p' CoCreation.AppHost/CoCreation.AppHost.csproj)
file="$HOME/.microsoft/usersecrets/$id/secrets.json"
if [ ! -f "$file" ]; then
  echo "No development secrets yet: start the platform once with ./run.sh, which generates them." >&2
  exit 1
fi
python3 - "$file" "$name" <<'PY'
import json, sys
secrets = json.load(open(sys.argv[1], encoding="utf-8-sig"))  # dotnet writes a byte-order mark
value = secrets.get(f"Parameters:{sys.argv[2]}")
if value is None:
    sys.exit(f"{sys.argv[2]} is not among the development secrets: use demo-client-secret, demo-user-password or web-client-secret.")
print(value)
PY
