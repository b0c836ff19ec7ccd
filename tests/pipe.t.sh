#!/bin/sh
# The stage tools chained in a pipe give the same record as pith in one
# process, on every page of testdata/ (DESIGN.md, "The stages").
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0; n=0
for f in testdata/*/in.html testdata/*/in.txt testdata/*/in.htm; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	"$bin/pith" -j 1 "$f" >"$tmp/one" 2>/dev/null
	"$bin/pith-decode" "$f" 2>/dev/null | "$bin/pith-strip" | "$bin/pith-meta" |
		"$bin/pith-links" | "$bin/pith-clean" --drop-source >"$tmp/pipe" 2>/dev/null
	if ! cmp -s "$tmp/one" "$tmp/pipe"; then
		echo "pipe differs from pith: $f"
		diff "$tmp/one" "$tmp/pipe" | head -n 6
		fail=1
	fi
done
echo "pipe: $n pages"
exit $fail
