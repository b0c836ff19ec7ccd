#!/bin/sh
# Under ASan+UBSan (make check's second pass), every page of ../shared/bench
# and the seeds through pith, when they are there: no sanitizer report, one
# record per page. Without sanitizers this is the bench's job, so it passes.
bin=$1
bench=${BENCH:-../shared/bench}
[ "${PITH_SANITIZED:-0}" = 1 ] || { echo "benchpages: not sanitized, skipped"; exit 0; }
[ -d "$bench" ] || { echo "benchpages: $bench absent, skipped"; exit 0; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
{
	find "$bench/scrapinghub/html" "$bench/zh/html" "$bench/encoding/files" -type f
	ls "$bench"/../seeds/*.txt
} 2>/dev/null | sort >"$tmp/list"
n=$(wc -l <"$tmp/list")
"$bin/pith" -j 2 --no-progress --files-from "$tmp/list" >"$tmp/out" 2>"$tmp/err"
if grep -q 'Sanitizer\|runtime error' "$tmp/err"; then
	grep -m 5 -B 2 -A 20 'Sanitizer\|runtime error' "$tmp/err"
	exit 1
fi
got=$(wc -l <"$tmp/out")
[ "$got" = "$n" ] || { echo "benchpages: $n pages, $got records"; exit 1; }
echo "benchpages: $n pages clean under sanitizers"
