#!/bin/sh
# Builds the libFuzzer targets with clang (ASan + UBSan, the library too) and runs each for a
# bounded time. Usage: fuzz/run.sh [SECONDS_PER_TARGET] (default 60). Build dir: build-fuzz/.
# New inputs found go to build-fuzz/corpus-*/ (the seed corpus in fuzz/corpus/ is not modified);
# a crash leaves its input in build-fuzz/ and makes the script fail. The registry and journal
# seeds are cut from the SAMPLE registry (data/registry/sample-registry.json).
set -eu
seconds=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-fuzz"
cxx=${CXX_FUZZ:-clang++-14}
command -v "$cxx" >/dev/null 2>&1 || cxx=clang++
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$cxx" -DDANVAN_BUILD_FUZZ=ON -DDANVAN_SANITIZE=address,undefined \
  -DDANVAN_BUILD_TESTS=OFF -DDANVAN_BUILD_BENCH=OFF -DDANVAN_BUILD_EXAMPLES=OFF \
  -DDANVAN_BUILD_TOOLS=OFF -DDANVAN_BUILD_PYTHON=OFF -DDANVAN_INSTALL=OFF >/dev/null
cmake --build "$build" -j2 --target references_fuzz symbol_fuzz registry_fuzz journal_fuzz
for target in references symbol registry journal; do
  work="$build/corpus-$target"
  mkdir -p "$work"
  echo "== ${target}_fuzz for ${seconds}s"
  (cd "$build" && "./fuzz/${target}_fuzz" -max_total_time="$seconds" -max_len=4096 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$work" "$root/fuzz/corpus/$target")
done
