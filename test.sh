#!/usr/bin/env bash
# Runs the tests and ends with one line of totals: "N passed, N failed, N skipped". Exits non-zero on any failure.
#
#   ./test.sh                  everything (what CI runs): the fast projects, then the AppHost and end-to-end ones
#   ./test.sh --quick          the fast projects only (unit, component, functional, real broker, migrations)
#   ./test.sh --filter EXPR    passes a dotnet test filter through, e.g. --filter "FullyQualifiedName~Challenge"
#
# The schedule keeps page waits away from compilers and other test hosts: the fast projects run first, two at a time
# (this machine has two cores), and the AppHost and end-to-end projects after them, each on its own. Each project's
# result and time is printed when it ends; the full output of a failed project is printed at the end.
set -uo pipefail
cd "$(dirname "$0")"

quick=false
filter=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --filter) filter="${2:?--filter needs an expression, e.g. --filter \"FullyQualifiedName~Challenge\"}"; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "Unknown option '$1': use --quick, --filter EXPR or nothing (./test.sh --help)." >&2; exit 2 ;;
  esac
  shift
done

# The projects that start the whole platform (the AppHost, eight processes, and Chromium for the browser tests).
platform_projects=(tests/CoCreation.AppHost.Tests tests/CoCreation.EndToEnd.Tests)
# The longest-running fast projects start first, so the two lanes end close together.
fast_projects=(tests/CoCreation.Projects.FunctionalTests tests/CoCreation.PartnerMatching.FunctionalTests tests/CoCreation.Ideas.FunctionalTests tests/CoCreation.Identity.FunctionalTests)
for project in tests/*/; do
  project="${project%/}"
  case " ${platform_projects[*]} ${fast_projects[*]} " in *" $project "*) continue ;; esac
  grep -q '<IsTestProject>false</IsTestProject>' "$project"/*.csproj && continue
  fast_projects+=("$project")
done

if $quick; then
  scripts/prerequisites.sh || exit 1
else
  scripts/prerequisites.sh --tests || exit 1
fi
# TEST_RESULTS_DIR keeps each project's trx and log there (to read each test's duration); otherwise they are removed.
if [ -n "${TEST_RESULTS_DIR:-}" ]; then
  results=$TEST_RESULTS_DIR
  mkdir -p "$results"
else
  results=$(mktemp -d)
  trap 'rm -rf "$results"' EXIT
fi
started=$SECONDS
elapsed() { printf '%4ds' $((SECONDS - started)); }

echo "==> [$(elapsed)] Building ..."
if ! dotnet build CoCreation.sln --nologo -v quiet -clp:ErrorsOnly; then
  echo "The build failed (errors above): fix them and run ./test.sh again."
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

# Runs one test project into $results/NAME.trx and $results/NAME.log, and prints one line when it ends.
run_project() {
  local project=$1 name
  name=$(basename "$project")
  local args=(test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results")
  [ -n "$filter" ] && args+=(--filter "$filter")
  local begun=$SECONDS
  if dotnet "${args[@]}" >"$results/$name.log" 2>&1; then
    if [ -f "$results/$name.trx" ]; then
      echo "    [$(elapsed)] ok     $name ($((SECONDS - begun)) s): $(summary "$name")"
    else
      echo "    [$(elapsed)] ok     $name ($((SECONDS - begun)) s): no test matches the filter"
    fi
  else
    echo "    [$(elapsed)] FAILED $name ($((SECONDS - begun)) s): $(summary "$name")"
    touch "$results/$name.failed"
  fi
}

# "N passed, N failed, N skipped" of one project's trx, or what went wrong when it wrote none.
summary() {
  python3 - "$results/$1.trx" <<'PY'
import os, sys, xml.etree.ElementTree as ET
path = sys.argv[1]
if not os.path.exists(path):
    print("no results: the test host did not start or crashed (its output is printed below)")
    sys.exit()
c = ET.parse(path).getroot().find(".//{*}Counters")
failed = sum(int(c.get(k, 0)) for k in ("failed", "error", "timeout", "aborted"))
print(f"{c.get('passed', 0)} passed, {failed} failed, {c.get('notExecuted', 0)} skipped")
PY
}

echo "==> [$(elapsed)] Testing ${#fast_projects[@]} fast projects, two at a time ..."
running=0
for project in "${fast_projects[@]}"; do
  run_project "$project" &
  running=$((running + 1))
  if [ $running -ge 2 ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait

if ! $quick; then
  for project in "${platform_projects[@]}"; do
    echo "==> [$(elapsed)] Testing $(basename "$project") on its own (it starts the whole platform) ..."
    run_project "$project"
  done
fi

for marker in "$results"/*.failed; do
  [ -e "$marker" ] || continue
  name=$(basename "$marker" .failed)
  echo
  echo "==> $name failed. Its output (the full log is the same as 'dotnet test tests/$name'):"
  grep -v -E '^\s*$' "$results/$name.log" | tail -n 200
done

echo "==> [$(elapsed)] Done. The ten slowest tests:"
python3 - "$results" <<'PY'
import glob, re, sys, xml.etree.ElementTree as ET
def seconds(d):
    h, m, s = d.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)
rows = []
for path in glob.glob(f"{sys.argv[1]}/*.trx"):
    for r in ET.parse(path).getroot().iter("{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}UnitTestResult"):
        if r.get("duration"):
            rows.append((seconds(r.get("duration")), r.get("testName")))
for duration, name in sorted(rows, reverse=True)[:10]:
    print(f"    {duration:7.1f} s  {name}")
PY

failed_projects=$(find "$results" -name '*.failed' | wc -l)
python3 - "$results" "$failed_projects" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
results, failed_projects = sys.argv[1], int(sys.argv[2])
passed = failed = skipped = 0
for path in glob.glob(f"{results}/*.trx"):
    c = ET.parse(path).getroot().find(".//{*}Counters")
    passed += int(c.get("passed", 0))
    failed += sum(int(c.get(k, 0)) for k in ("failed", "error", "timeout", "aborted"))
    skipped += int(c.get("notExecuted", 0))
if failed_projects and failed == 0:
    failed = failed_projects  # a test host crashed or a project did not run: never report green
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
[ "$failed_projects" -eq 0 ]
