#!/bin/sh
# Runs every fuzz target for a share of SECONDS, one process at a time
# (no -jobs/-workers: they fork a child that logs to ./fuzz-N.log; one
# process at a time, the machine is shared), and prints the
# executions and coverage of each.  A target that crashes is restarted on
# its corpus until its share of time is used; the inputs that failed are
# left in $FUZZ_DIR/artifacts/<target>/.
#
#   tests/fuzz/run-fuzzers.sh SECONDS [TARGET...]
#
# Environment: FUZZ_BUILD (default build-fuzz, set up as below if missing),
# FUZZ_DIR (scratch directory for corpora, logs and artifacts, default
# /tmp/readout-fuzz; never committed), FUZZ_ROUND (seconds per round, 600:
# each round gives every target its share, so a rebuilt target is picked up
# by the next round).
#
#   CC=clang meson setup build-fuzz -Dfuzzing=true \
#     -Db_sanitize=address,undefined -Db_lundef=false
set -u

total=${1:?usage: $0 SECONDS [TARGET...]}
shift
targets=${*:-text amount csv html pdf}
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD:-$src/build-fuzz}
scratch=${FUZZ_DIR:-/tmp/readout-fuzz}
round=${FUZZ_ROUND:-600}
data=$src/tests/data
fuzz=$src/tests/fuzz

if [ ! -d "$build" ]; then
  CC=clang meson setup "$build" -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false || exit 1
fi

# Share of each round in percent: the text path holds most of the code;
# amount and csv are small and reach millions of runs in seconds.
weight () {
  case $1 in
    text) echo 45 ;; amount) echo 10 ;; csv) echo 5 ;; html) echo 25 ;; pdf) echo 15 ;;
  esac
}

options () {
  common="-rss_limit_mb=2048 -print_final_stats=1 -dict=$fuzz/release.dict"
  case $1 in
    text) echo "$common -max_len=16384 -timeout=5" ;;
    html) echo "$common -max_len=32768 -timeout=5" ;;
    pdf) echo "$common -max_len=65536 -timeout=10 -close_fd_mask=2" ;;
    csv) echo "$common -max_len=4096 -timeout=5" ;;
    amount) echo "$common -max_len=512 -timeout=5" ;;
  esac
}

# Seed directories: the releases of tests/data, then tests/fuzz/seeds and
# the regression inputs (read only: libFuzzer writes to the first corpus).
seeds () {
  case $1 in
    text) echo "$data/corpus/raw" ;;
    html) echo "$data/html" ;;
    pdf) echo "$data/pdf" ;;
  esac
  for d in "$fuzz/seeds/$1" "$fuzz/regressions/$1"; do
    [ -d "$d" ] && echo "$d"
  done
}

# Undefined behaviour is a failure like a crash; leaks in system libraries
# that cannot be freed are in tests/lsan.supp.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$src/tests/lsan.supp}

for t in $targets; do
  mkdir -p "$scratch/corpus/$t" "$scratch/artifacts/$t" "$scratch/logs"
  [ -f "$scratch/stats-$t" ] || echo "0 0 0" > "$scratch/stats-$t"
done
# A one-file seed that is not in a directory of its own.
cp -n "$data/seed-cellectar-q2-2017.txt" "$scratch/corpus/text/" 2>/dev/null
cp -n "$data/html/106_pfizer-2023q2.pdf" "$scratch/corpus/pdf/" 2>/dev/null

# Runs one target for $2 seconds; adds its executions to stats-<target>
# ("executions coverage crashes").
run_target () {
  t=$1 budget=$2
  end=$(( $(date +%s) + budget ))
  restarts=0
  while [ "$(date +%s)" -lt "$end" ] && [ $restarts -lt 5 ]; do
    left=$(( end - $(date +%s) ))
    [ $left -lt 2 ] && break
    log=$scratch/logs/$t-$(date +%H%M%S).log
    # shellcheck disable=SC2046
    "$build/tests/fuzz/fuzz-$t" $(options "$t") -max_total_time=$left \
      -artifact_prefix="$scratch/artifacts/$t/" \
      "$scratch/corpus/$t" $(seeds "$t") > "$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    [ -n "$runs" ] || runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
    read -r old_runs old_cov crashes < "$scratch/stats-$t"
    [ $rc -ne 0 ] && crashes=$(( crashes + 1 )) && restarts=$(( restarts + 1 )) &&
      echo "$t: failure (exit $rc), see $log" &&
      grep -m 3 'ERROR\|check failed\|SUMMARY' "$log"
    [ -n "$cov" ] && [ "$cov" -gt "$old_cov" ] && old_cov=$cov
    echo "$(( old_runs + ${runs:-0} )) $old_cov $crashes" > "$scratch/stats-$t"
    [ $rc -ne 0 ] && sleep 1
  done
}

report () {
  sum=0
  printf '%-8s %14s %8s %8s\n' target executions cov failures
  for t in $targets; do
    read -r runs cov crashes < "$scratch/stats-$t"
    printf '%-8s %14s %8s %8s\n' "$t" "$runs" "$cov" "$crashes"
    sum=$(( sum + runs ))
  done
  printf '%-8s %14s\n' total "$sum"
}

start=$(date +%s)
while [ $(( $(date +%s) - start )) -lt "$total" ]; do
  this_round=$(( total - ($(date +%s) - start) ))
  [ "$this_round" -gt "$round" ] && this_round=$round
  sum=0
  for t in $targets; do sum=$(( sum + $(weight "$t") )); done
  for t in $targets; do
    share=$(( this_round * $(weight "$t") / sum ))
    [ $share -ge 2 ] && run_target "$t" "$share"
  done
  echo "== $(date +%H:%M:%S), $(( $(date +%s) - start )) s"
  report
done
