#!/usr/bin/env bash
# Runs each fuzz target (or the ones named) for SECONDS (default 60) and prints executions and
# crashes per target.   Usage: fuzz/run.sh [SECONDS] [TARGET...]
# Needs cargo-fuzz (`cargo install cargo-fuzz`); on a stable toolchain RUSTC_BOOTSTRAP=1 lets
# it use the sanitizer flags. Seeds come from the project's own lessons and fixtures.
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(lesson_parse render check_parse)
export RUSTC_BOOTSTRAP=1
mkdir -p corpus/lesson_parse corpus/render corpus/check_parse
cp ../lessons/*.md ../tests/fixtures/broken/*.md corpus/lesson_parse/ 2>/dev/null
cp ../lessons/*.md corpus/render/ 2>/dev/null
cp ../checks/*.yaml ../tests/fixtures/broken/*.yaml ../tests/fixtures/checks/*.yaml corpus/check_parse/ 2>/dev/null
status=0
for t in "${targets[@]}"; do
  log=$(mktemp)
  cargo fuzz run "$t" "corpus/$t" -- -max_total_time="$secs" -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1
  code=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  [ -z "$execs" ] && execs=$(grep -oE '^Done [0-9]+ runs' "$log" | tail -1 | grep -oE '[0-9]+')
  crashes=$(ls "artifacts/$t" 2>/dev/null | grep -c '^crash-' || true)
  echo "$t: ${secs}s, executions ${execs:-?}, crashes ${crashes:-0}, exit $code"
  [ "$code" -ne 0 ] && { tail -30 "$log"; status=1; }
  rm -f "$log"
done
exit $status
