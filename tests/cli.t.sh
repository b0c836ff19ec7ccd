#!/bin/sh
# The command-line contract: -o (plain and .gz), -r and --files-from,
# --progress, exit codes, --help/--version for every tool, unknown options.
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "cli: $*"; exit 1; }
pages="testdata/demo-news-zh/in.html testdata/demo-article-en/in.html testdata/demo-dump-zh/in.txt"
# shellcheck disable=SC2086
"$bin/pith" -j 1 $pages >"$tmp/ref" || fail "pith on the demo pages: exit $?"
# shellcheck disable=SC2086
"$bin/pith" -j 1 -o "$tmp/o.jsonl" $pages && cmp -s "$tmp/ref" "$tmp/o.jsonl" || fail "-o differs"
# shellcheck disable=SC2086
"$bin/pith" -j 1 -o "$tmp/o.jsonl.gz" $pages && gzip -dc "$tmp/o.jsonl.gz" | cmp -s "$tmp/ref" - ||
	fail "-o .gz differs"
# shellcheck disable=SC2086
"$bin/pith" -j 1 --progress $pages >"$tmp/p" 2>"$tmp/perr" && cmp -s "$tmp/ref" "$tmp/p" ||
	fail "--progress changed the records"
printf '%s\n' $pages >"$tmp/list"
"$bin/pith" -j 1 --files-from "$tmp/list" >"$tmp/ff" && cmp -s "$tmp/ref" "$tmp/ff" || fail "--files-from differs"
mkdir -p "$tmp/d/sub"; cp testdata/demo-dump-zh/in.txt "$tmp/d/sub/a.txt"; cp testdata/demo-news-zh/in.html "$tmp/d/b.html"
[ "$("$bin/pith" -r "$tmp/d" | wc -l)" = 2 ] || fail "-r did not give 2 records"
"$bin/pith" "$tmp/d" >/dev/null 2>&1; [ $? = 2 ] || fail "a directory without -r: exit not 2"
# exit codes: 2 when nothing could be read, 1 when some records failed
"$bin/pith" "$tmp/nonexistent" >"$tmp/x" 2>"$tmp/xe"; [ $? = 2 ] || fail "missing file: exit not 2"
grep -q '"error"' "$tmp/x" || fail "missing file: no error record"
grep -q "^pith: $tmp/nonexistent: " "$tmp/xe" || fail "missing file: message not 'pith: FILE: …'"
"$bin/pith" "$tmp/nonexistent" testdata/demo-dump-zh/in.txt >"$tmp/x" 2>/dev/null; [ $? = 1 ] ||
	fail "one missing of two: exit not 1"
[ "$(wc -l <"$tmp/x")" = 2 ] || fail "one missing of two: not 2 records"
: >"$tmp/empty"; "$bin/pith" "$tmp/empty" >"$tmp/x" 2>/dev/null; [ $? = 1 ] || fail "empty file: exit not 1"
grep -q '"error":"empty page"' "$tmp/x" || fail "empty file: no error record"
for t in pith pith-decode pith-strip pith-meta pith-links pith-clean; do
	"$bin/$t" --help | grep -q "^Usage: $t " || fail "$t --help"
	"$bin/$t" --version | grep -q "^$t [0-9]" || fail "$t --version"
	"$bin/$t" --bogus </dev/null >/dev/null 2>&1; [ $? = 2 ] || fail "$t --bogus: exit not 2"
done
"$bin/pith-strip" --t2s </dev/null >/dev/null 2>&1; [ $? = 2 ] || fail "pith-strip --t2s accepted"
echo "cli: ok"
