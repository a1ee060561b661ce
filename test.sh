#!/usr/bin/env bash
# Runs every test project (unit, functional, integration over a real RabbitMQ, end-to-end on the real AppHost)
# and ends with one line of totals: "N passed, N failed, N skipped". Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"

scripts/prerequisites.sh --tests || exit 1
results=$(mktemp -d)
echo "==> Building ..."
dotnet build CoCreation.sln --nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
echo "==> Testing ..."
dotnet test CoCreation.sln --no-build --nologo --logger "trx" --results-directory "$results" -- RunConfiguration.TestSessionTimeout=3000000
status=$?

python3 - "$results" "$status" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
results, status = sys.argv[1], int(sys.argv[2])
passed = failed = skipped = 0
for path in glob.glob(f"{results}/*.trx"):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
if status != 0 and failed == 0:
    failed = 1  # a test host crashed or a project did not run: never report green
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$results"
exit $status
