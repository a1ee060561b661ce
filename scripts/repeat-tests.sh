#!/usr/bin/env bash
# Runs one test project (or a filter of it) N times and prints, per test, how often it failed: the way to find a
# flaky test and to show that a fix holds. Exits non-zero when any run failed.
#
#   scripts/repeat-tests.sh N [PROJECT] [FILTER] [--load]
#
#   PROJECT  a test project's folder; the end-to-end project (tests/CoCreation.EndToEnd.Tests) when left out
#   FILTER   a dotnet test filter, e.g. "FullyQualifiedName~ChallengeWebTests"
#   --load   keeps both cores busy with a busy loop beside the tests, as a compiler or another test host would
set -uo pipefail
cd "$(dirname "$0")/.."

runs="${1:-}"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "Usage: scripts/repeat-tests.sh N [PROJECT] [FILTER] [--load]   (N: how many runs, 1 or more)" >&2
  exit 2
fi
shift
project=tests/CoCreation.EndToEnd.Tests
filter=""
load=false
for arg in "$@"; do
  if [ "$arg" = "--load" ]; then
    load=true
  elif [ -d "$arg" ] && ls "$arg"/*.csproj >/dev/null 2>&1; then
    project="${arg%/}"
  else
    filter="$arg"
  fi
done

results=$(mktemp -d)
burners=()
cleanup() {
  [ ${#burners[@]} -gt 0 ] && kill "${burners[@]}" 2>/dev/null
  rm -rf "$results"
}
trap cleanup EXIT

echo "==> Building $project ..."
dotnet build "$project" --nologo -v quiet -clp:ErrorsOnly || { echo "The build failed (errors above)." >&2; exit 1; }
if $load; then
  for _ in $(seq "$(nproc)"); do
    ( while :; do :; done ) &
    burners+=($!)
  done
  echo "==> Under load: ${#burners[@]} busy loops beside the tests"
fi

failed_runs=0
for run in $(seq "$runs"); do
  args=(test "$project" --no-build --nologo --logger "trx;LogFileName=run-$run.trx" --results-directory "$results")
  [ -n "$filter" ] && args+=(--filter "$filter")
  begun=$SECONDS
  if dotnet "${args[@]}" >"$results/run-$run.log" 2>&1; then outcome=green; else outcome=FAILED; failed_runs=$((failed_runs + 1)); fi
  echo "==> Run $run of $runs: $outcome in $((SECONDS - begun)) s ($(grep -E '^(Passed|Failed)!' "$results/run-$run.log" | tail -n 1 | sed 's/^ *//'))"
  if [ ! -f "$results/run-$run.trx" ]; then
    echo "    No results: the test host did not start or crashed. Its last lines:"
    tail -n 30 "$results/run-$run.log" | sed 's/^/    /'
  fi
done

echo "==> Failures per test over $runs runs (tests that never failed are counted, not listed):"
python3 - "$results" "$runs" <<'PY'
import collections, glob, sys, xml.etree.ElementTree as ET
ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
results, runs = sys.argv[1], int(sys.argv[2])
failures, seen, messages = collections.Counter(), set(), {}
for path in sorted(glob.glob(f"{results}/run-*.trx")):
    for r in ET.parse(path).getroot().iter(f"{ns}UnitTestResult"):
        name = r.get("testName")
        seen.add(name)
        if r.get("outcome") != "Passed" and r.get("outcome") != "NotExecuted":
            failures[name] += 1
            message = r.find(f".//{ns}Message")
            messages.setdefault(name, (message.text or "").strip().splitlines()[0][:300] if message is not None and message.text else "")
for name, count in failures.most_common():
    print(f"    {count}/{runs}  {name}")
    if messages.get(name):
        print(f"           first failure: {messages[name]}")
print(f"    {len(seen) - len(failures)} of {len(seen)} tests never failed")
PY
[ "$failed_runs" -eq 0 ]
