#!/bin/sh
# make bench: every tests/bench-*.sh part against ../shared/bench.
# Usage: tests/bench.sh BUILD_DIR BENCH_DIR. Parts skip when the data is absent.
bin=${1:-build}; bench=${2:-../shared/bench}
if [ ! -d "$bench" ]; then
	echo "bench: $bench not found, skipped"
	exit 0
fi
bench=$(cd "$bench" && pwd)
for part in tests/bench-*.sh; do
	echo "== $(basename "$part" .sh)"
	sh "$part" "$bin" "$bench" || echo "(part failed: $part)"
done
