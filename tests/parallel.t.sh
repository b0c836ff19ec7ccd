#!/bin/sh
# Batches: -j 2 writes the same bytes as -j 1, and GNU parallel's
# split-and-join (the cluster recipe of README.md) equals a single run.
bin=$(cd "$1" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# a JSON Lines batch from the pages of testdata/, each record with an id
i=0
for f in testdata/*/in.html testdata/*/in.txt; do
	[ -f "$f" ] || continue
	i=$((i + 1))
	"$bin/pith-decode" "$f" 2>/dev/null | sed "s/^{/{\"id\":$i,/" >>"$tmp/in.jsonl"
done
[ -s "$tmp/in.jsonl" ] || { echo "no pages"; exit 1; }
# a named input (with the batch memory) and stdin (without it)
"$bin/pith" -j 1 "$tmp/in.jsonl" >"$tmp/one" 2>/dev/null
"$bin/pith" -j 2 "$tmp/in.jsonl" >"$tmp/two" 2>/dev/null
cmp -s "$tmp/one" "$tmp/two" || { echo "-j 2 differs from -j 1"; exit 1; }
[ "$(wc -l <"$tmp/one")" = "$(wc -l <"$tmp/in.jsonl")" ] || { echo "records lost"; exit 1; }
"$bin/pith" -j 1 <"$tmp/in.jsonl" >"$tmp/one" 2>/dev/null
"$bin/pith" -j 2 <"$tmp/in.jsonl" >"$tmp/two" 2>/dev/null
cmp -s "$tmp/one" "$tmp/two" || { echo "-j 2 differs from -j 1 on stdin"; exit 1; }
if command -v parallel >/dev/null 2>&1; then
	parallel --will-cite --pipe --keep-order -N 3 "$bin/pith" -j 1 <"$tmp/in.jsonl" >"$tmp/par" 2>/dev/null
	cmp -s "$tmp/one" "$tmp/par" || { echo "GNU parallel output differs"; exit 1; }
fi
echo "parallel: $i records"
