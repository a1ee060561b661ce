#!/usr/bin/env bash
# Partner matching at scale, with BenchmarkDotNet: the top 20 partners for an idea among 100,000 and 1,000,000
# organisation profiles (targets: p95 under 20 ms and under 200 ms), the index's memory, and the naive approach
# (one database query scoring every profile) for the ratio. Takes about ten minutes; the naive comparison's SQLite
# files are built once into .local/bench/. Results: the tables below and .local/bench/matching-results/.
#   benchmarks/matching.sh [BenchmarkDotNet arguments, e.g. --filter '*MatchingIndex*']
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .local/bench
echo "==> Building the matching benchmarks (Release)"
dotnet build benchmarks/CoCreation.PartnerMatching.Benchmarks -c Release -v quiet -clp:ErrorsOnly --nologo
echo "==> Running (each size builds its index first; the index memory is printed as '// matching index of ...')"
if [ $# -eq 0 ]; then set -- --filter '*'; fi
COCREATION_BENCH_DATA="$PWD/.local/bench" dotnet benchmarks/CoCreation.PartnerMatching.Benchmarks/bin/Release/net10.0/CoCreation.PartnerMatching.Benchmarks.dll \
  --artifacts "$PWD/.local/bench/matching-results" "$@" \
  | grep -E '^// matching index|^\|| Method |^-+$|Top20' | grep -v '^// \*' || true
echo "==> Full reports: .local/bench/matching-results/results/"
