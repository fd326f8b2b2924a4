#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan, the library too) and runs each for a
# bounded time. Usage: fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...] (default 60 s, every
# fuzz/*_fuzz.cpp), FUZZ_JOBS targets at once (default: the number of cores). Build dir:
# build-fuzz/. CI runs 25 s per target (.ci/run): the 22 targets in about 5 min on 2 cores. New inputs found go to build-fuzz/corpus-*/ (the seed corpus in
# fuzz/corpus/<name>/ is not modified); a crash leaves its input in build-fuzz/ and makes the
# script fail. The registry and journal seeds are cut from the SAMPLE registry
# (data/registry/sample-registry.json; registry/seed1-3 from its earlier hand-list version,
# seed9 from the current one on the national register's units), the other document seeds from
# the bundled data files (progress/phu-yen-2020.json and reports/first-*.json of earlier versions
# of the schemas, *-register.json the current sample);
# the encoding seeds are the founding text's opening in each Vietnamese encoding, the docx and
# html seeds small WordprocessingML and HTML fragments (a docx seed's first byte selects the
# part it fills, see fuzz/docx_fuzz.cpp).
set -euo pipefail
seconds=${1:-60}
[ $# -gt 0 ] && shift
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-fuzz"
cxx=${CXX_FUZZ:-clang++-14}
command -v "$cxx" >/dev/null 2>&1 || cxx=clang++
if [ $# -gt 0 ]; then
  targets="$*"
else
  targets=$(cd "$root/fuzz" && ls ./*_fuzz.cpp | sed 's|^\./||; s|_fuzz\.cpp$||')
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$cxx" -DDANVAN_BUILD_FUZZ=ON -DDANVAN_SANITIZE=address,undefined \
  -DDANVAN_BUILD_TESTS=OFF -DDANVAN_BUILD_BENCH=OFF -DDANVAN_BUILD_EXAMPLES=OFF \
  -DDANVAN_BUILD_TOOLS=ON -DDANVAN_BUILD_PYTHON=OFF -DDANVAN_INSTALL=OFF >/dev/null
names=""
for target in $targets; do names="$names ${target}_fuzz"; done
# shellcheck disable=SC2086
cmake --build "$build" -j2 --target $names
# Each target runs in its own process, FUZZ_JOBS (default: the number of cores) at a time; its
# output goes to build-fuzz/log-<target>.txt and is printed when it ends. Any failure fails the
# script after the others have finished, with the failing targets named.
run_one() {
  target=$1
  work="$build/corpus-$target"
  mkdir -p "$work"
  log="$build/log-$target.txt"
  if (cd "$build" && "./fuzz/${target}_fuzz" -max_total_time="$seconds" -max_len=16384 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$work" "$root/fuzz/corpus/$target") \
    >"$log" 2>&1; then
    status=ok
  else
    status=FAILED
  fi
  # A passing target's final stats; a failing one's whole output (its crash and stack).
  echo "== ${target}_fuzz for ${seconds}s: $status"
  if [ "$status" = ok ]; then grep -E '^(Done|stat::)' "$log" || true; else cat "$log"; fi
  [ "$status" = ok ]
}
jobs=${FUZZ_JOBS:-$(nproc)}
rm -f "$build/failed.txt"
for target in $targets; do
  while [ "$(jobs -pr | wc -l)" -ge "$jobs" ]; do sleep 1; done
  run_one "$target" || echo "$target" >>"$build/failed.txt" &
done
wait
if [ -s "$build/failed.txt" ]; then
  echo "fuzz/run.sh: failed: $(tr '\n' ' ' <"$build/failed.txt")" >&2
  exit 1
fi
