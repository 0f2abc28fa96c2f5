#!/usr/bin/env bash
# End-to-end month-end benchmark (docs/performance.md): for each practice size, generates a
# synthetic practice (once; kept under $CCM_PERF_DIR), then in one run tokenizes its NDJSON with
# plain Jackson (the floor) and runs the month-end on it, printing wall time, CPU time,
# resources per second, the month-end/tokenize ratio and peak RSS.
#
#   ./mvnw -B -ntp package -DskipTests          # builds examples/target/ccm.jar and the benchmarks jar
#   tools/perf-e2e.sh                           # 10,000 and 100,000 patients
#   tools/perf-e2e.sh 1000 10000                # other sizes
#   JAVA_OPTS="-Xmx2g" tools/perf-e2e.sh 100000 # JVM options for the month-end
#
# Generated data stays out of the repository (default /tmp/ccm-perf).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
ccm="$root/examples/target/ccm.jar"
bench="$root/ccm-benchmarks/target/ccm-benchmarks.jar"
dir="${CCM_PERF_DIR:-/tmp/ccm-perf}"
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then sizes=(10000 100000); fi
java_opts=${JAVA_OPTS:-}
for jar in "$ccm" "$bench"; do
  if [ ! -f "$jar" ]; then
    echo "perf-e2e: $jar is missing; run ./mvnw -B -ntp package -DskipTests first" >&2
    exit 2
  fi
done
mkdir -p "$dir"

# measure NAME CMD...: runs CMD, sets wall, cpu (user+sys, s) and rss (KiB, or "n/a").
measure() {
  local name=$1
  shift
  local tf
  tf=$(mktemp)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%e %U %S %M" -o "$tf" "$@" > "$dir/$name.stdout"
    read -r wall user sys rss < "$tf"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  else
    local start end
    start=$(date +%s.%N)
    "$@" > "$dir/$name.stdout"
    end=$(date +%s.%N)
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
    cpu="n/a"
    rss="n/a"
  fi
  rm -f "$tf"
}

echo "perf-e2e: $(nproc) cores, $(java -version 2>&1 | head -1), load: $(uptime | sed 's/.*load average: //')"
for n in "${sizes[@]}"; do
  practice="$dir/p$n"
  if [ ! -f "$practice/Patient.ndjson" ]; then
    measure "generate-$n" java -jar "$ccm" generate --patients "$n" --out "$practice"
    echo "generate $n patients: ${wall}s wall, peak RSS ${rss} KiB"
  fi
  resources=$(cat "$practice"/*.ndjson | wc -l)
  measure "tokenize-$n" java -cp "$bench" org.ccmkit.benchmarks.Tokenize "$practice"
  tok_wall=$wall tok_cpu=$cpu tok_rss=$rss
  # shellcheck disable=SC2086
  measure "month-end-$n" java $java_opts -jar "$ccm" month-end --month 2026-03 --in "$practice" \
    --out "$dir/out$n" --quiet
  me_wall=$wall me_cpu=$cpu me_rss=$rss
  awk -v n="$n" -v r="$resources" -v tw="$tok_wall" -v tc="$tok_cpu" -v tr="$tok_rss" \
    -v mw="$me_wall" -v mc="$me_cpu" -v mr="$me_rss" 'BEGIN {
      printf "%d patients, %d resources (NDJSON lines)\n", n, r
      printf "  jackson tokenize  %8.2f s wall  %8s s CPU  %10.0f resources/s  peak RSS %s KiB\n", tw, tc, r / tw, tr
      printf "  month-end         %8.2f s wall  %8s s CPU  %10.0f resources/s  peak RSS %s KiB\n", mw, mc, r / mw, mr
      printf "  ratio month-end / tokenize: %.2f (wall)", mw / tw
      if (tc != "n/a" && tc > 0) printf ", %.2f (CPU)", mc / tc
      printf "\n"
    }'
  echo "  load after: $(uptime | sed 's/.*load average: //')"
done
