#!/bin/sh
# The hostile corpus: inputs an archive-wide run will meet sooner or later
# (empty and binary files, cut gzip, huge and deeply nested pages, NULs,
# invalid UTF-8, lying WARC lengths, huge attributes, absurd colspans, a
# million-line dump), generated here at test time, never committed.
#
# Each goes through $1/pith (a few also through the stage pipe) and must:
# finish within 60 s; give exactly one record per input record (a raw
# file is one record), each a JSON object on one line; carry "error" or
# "warning" where due; exit 0/1/2 as DESIGN.md says; and peak below
# 10 x the largest page + 64 MB of RSS. Under PITH_SANITIZED=1 (ASan) the
# big inputs are smaller and the memory bar is 3 times higher: ASan's
# shadow memory and quarantine are not pith's.
#
# Usage: sh tests/hostile.t.sh BUILD_DIR. Prints one line per input with
# its records, exit status, seconds and peak RSS; exit 0 when all pass.
set -u
bin=${1:-build}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# ASan keeps freed memory in quarantine (256 MB by default): a small one
# makes its RSS reflect pith's own peak.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}:quarantine_size_mb=16
export LC_ALL=C # awk's printf "%c" writes bytes
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
san=${PITH_SANITIZED:-0}
fail=0
# Open bugs in code this script's author may not change: these cases
# print XFAIL (XPASS once fixed) and do not fail the run.
#   tiny-elements  a page of a million tiny elements ("<p>w1</p>") needs
#                  about 23 times its size (dom.c, page_html.c and
#                  strip_html.c keep ~300 bytes per element).
KNOWN="tiny-elements"
MB=1048576

if [ "$san" = 1 ]; then
	BIG=20000000 BIG_LIMIT=16M LINES=200000 NEST=100000 TAGS=300000 ATTR=2000000 RSSX=3
else
	BIG=100000000 BIG_LIMIT=64M LINES=1000000 NEST=100000 TAGS=1000000 ATTR=10000000 RSSX=1
fi

# ---- running and measuring ------------------------------------------------

# Runs a command with a 60 s limit; sets $code, $secs and $kb (peak RSS of
# the command and its children). /usr/bin/time when present (Debian
# package "time"), else (or with HOSTILE_NO_TIME=1) VmHWM polled from
# /proc, which may miss the last moments of a process.
measure() {
	if [ -x /usr/bin/time ] && [ -z "${HOSTILE_NO_TIME:-}" ]; then
		/usr/bin/time -f '%e %M' -o "$tmp/time" timeout 60 "$@" >"$tmp/out" 2>"$tmp/err"
		code=$?
		# a killed child makes time(1) write a line before the figures
		set -- $(tail -n 1 "$tmp/time") ? 0
		secs=$1 kb=$2
	else
		start=$(date +%s.%N)
		timeout 60 "$@" >"$tmp/out" 2>"$tmp/err" &
		pid=$!
		kb=0
		while kill -0 $pid 2>/dev/null; do
			# timeout(1), the command, and a pipe's stages under sh
			kids=$(pgrep -P $pid 2>/dev/null)
			for p in $pid $kids $(for k in $kids; do pgrep -P "$k"; done 2>/dev/null); do
				h=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\).*/\1/p' /proc/$p/status 2>/dev/null)
				[ -n "$h" ] && [ "$h" -gt "$kb" ] && kb=$h
			done
			sleep 0.02
		done
		wait $pid
		code=$?
		secs=$(echo "$start $(date +%s.%N)" | awk '{printf "%.2f", $2 - $1}')
	fi
}

# Every output line is a JSON object (python3 is a test dependency; the
# check is skipped without it).
json_ok() {
	command -v python3 >/dev/null 2>&1 || return 0
	python3 -c '
import json, sys
for n, line in enumerate(sys.stdin.buffer, 1):
    try:
        ok = line.endswith(b"\n") and isinstance(json.loads(line), dict)
    except ValueError:
        ok = False
    if not ok:
        sys.exit("line %d is not one JSON object" % n)
' <"$tmp/out"
}

# check NAME RECORDS EXIT WANT PAGE_BYTES -- CMD...
#   RECORDS: "-" when the output is not JSON Lines (-f markdown).
#   WANT: "error" or "warning" (some record has it), "-" (no record has an
#   error), "*" (no check). PAGE_BYTES: the largest page, for the RSS bar;
#   commands reading several pages run with -j 1, one page in memory.
check() {
	name=$1 want_n=$2 want_code=$3 want=$4 page=$5
	shift 6
	measure "$@"
	n=$(wc -l <"$tmp/out")
	[ "$want_n" = - ] && n=-
	bar=$(( (10 * page + 64 * MB) / 1024 * RSSX ))
	why=
	[ "$code" = 124 ] && why="$why timed out after 60 s;"
	[ "$code" = "$want_code" ] || why="$why exit $code, want $want_code;"
	[ "$n" = "$want_n" ] || why="$why $n records, want $want_n;"
	case $want in
	error | warning) grep -q "\"$want\":" "$tmp/out" || why="$why no \"$want\" field;" ;;
	-) grep -q '"error":' "$tmp/out" && why="$why unexpected \"error\";" ;;
	esac
	[ "$kb" -le "$bar" ] || why="$why peak RSS $kb KB over $bar KB;"
	grep -q 'Sanitizer\|runtime error' "$tmp/err" && why="$why sanitizer report;"
	[ "$want_n" = - ] || json_ok || why="$why output not JSON Lines;"
	case " $KNOWN " in
	*" $name "*)
		if [ -n "$why" ]; then echo "XFAIL $name:$why"; else echo "XPASS $name"; fi
		return ;;
	esac
	if [ -n "$why" ]; then
		fail=1
		echo "FAIL $name:$why"
		head -c 600 "$tmp/out"
		head -n 20 "$tmp/err"
	else
		printf 'ok   %-22s records %-5s exit %s  %6ss  %7s KB\n' "$name" "$n" "$code" "$secs" "$kb"
	fi
}

# The body of the last run's first record holds this text.
body_has() {
	grep -q "\"body\":\"[^\"]*$1" "$tmp/out" || { fail=1; echo "FAIL $name: body lacks '$1'"; }
}

# The five stage tools in a pipe, as DESIGN.md shows them, with $OPTS
# given to each; a script, so that timeout(1) and time(1) can run it.
cat >"$tmp/stages.sh" <<'EOF'
b=$1
shift
"$b/pith-decode" ${OPTS:-} "$@" | "$b/pith-strip" ${OPTS:-} | "$b/pith-meta" ${OPTS:-} |
	"$b/pith-links" ${OPTS:-} | "$b/pith-clean" ${OPTS:-} --drop-source
EOF
PIPE="sh $tmp/stages.sh $bin"

# ---- the inputs -----------------------------------------------------------

S="The council met on Friday and decided that the new bridge will be built next year, officials said."
cd "$tmp" || exit 1

# An article of distinct paragraphs, $1 bytes.
article() {
	awk -v n="$1" 'BEGIN {
		print "<html><head><title>Big page</title></head><body><article><h1>Big page</h1>"
		for (i = 0; t < n; i++) {
			s = sprintf("<p>Paragraph %d of the article says that the council met on Friday, and %d people came.</p>\n", i, i * 7)
			t += length(s)
			printf "%s", s
		}
		print "</article></body></html>"
	}'
}

: >empty.html
check empty 1 1 error 0 -- "$bin/pith" empty.html

# Binary garbage: deflate output has no structure at all (the gzip header
# is cut off so the reader does not unpack it).
article 2000000 | gzip -c | tail -c +11 >garbage.bin
check binary-garbage 1 1 error 2000000 -- "$bin/pith" garbage.bin

article 200000 | gzip -c | head -c 5000 >cut.html.gz
check truncated-gzip 1 1 error 200000 -- "$bin/pith" cut.html.gz

article $BIG >big.html
check big-page 1 0 warning $BIG -- "$bin/pith" --max-page-size $BIG_LIMIT big.html
rm -f big.html
# An endless input: the page is cut and reading stops (it went on for ever).
check endless-input 1 1 error $((64 * MB)) -- "$bin/pith" --max-page-size $BIG_LIMIT /dev/zero

awk -v n=$((LINES / 2)) 'BEGIN { for (i = 0; i < n; i++) printf "<p>w%d</p>\n", i }' >tiny.html
check tiny-elements 1 0 '*' "$(wc -c <tiny.html)" -- "$bin/pith" tiny.html
rm -f tiny.html

# A GBK page within the page limit grows by half in UTF-8, and its record
# holds it escaped: the stage after pith-decode must still read it.
awk 'BEGIN {
	printf "<html><head><meta charset=\"gbk\"><title>%c%c%c%c</title></head><body>", 214, 208, 206, 196
	for (i = 0; i < 60000; i++) printf "<p>%c%c%c%c\"%d\"</p>\n", 214, 208, 206, 196, i
	print "</body></html>"
}' >gbk.html
sz=$(wc -c <gbk.html)
check gbk-page-pipe 1 0 - "$sz" -- env OPTS="--max-page-size $((sz + 1000))" $PIPE gbk.html

# libxml2 keeps its own element stack; pith flattens past --max-depth.
awk -v n=$NEST -v s="$S" 'BEGIN {
	printf "<html><body><p>Before: %s</p>", s
	for (i = 0; i < n; i++) printf "<div>"
	printf "<p>Deep: %s</p>", s
	for (i = 0; i < n; i++) printf "</div>"
	printf "<p>After: %s</p><p>After two: %s</p></body></html>", s, s
}' >nested.html
check nested-divs 1 0 - 1000000 -- "$bin/pith" nested.html
body_has "Deep: The council"
body_has "After two: The council"
check nested-divs-pipe 1 0 - 1000000 -- $PIPE nested.html
body_has "After two: The council"
check nested-divs-depth4 1 0 - 1000000 -- "$bin/pith" --max-depth 4 --time-budget 5000 nested.html
body_has "After two: The council"

for tag in div b p li td font a table; do
	awk -v n=$TAGS -v s="$S" -v t=$tag 'BEGIN {
		printf "<html><body><p>Before: %s</p>", s
		for (i = 0; i < n; i++) printf "<%s>", t
		printf "<p>After: %s</p></body></html>", s
	}' >unclosed-$tag.html
done
check unclosed-tags 8 0 - $((TAGS * 7)) -- "$bin/pith" -j 1 unclosed-*.html
check unclosed-tags-md - 0 '*' $((TAGS * 7)) -- "$bin/pith" -j 1 -f markdown unclosed-*.html
rm -f unclosed-*.html

printf '<html><body><p>Text with a NUL\000 inside, and more text after it in the sentence.</p>\000\000<p>%s</p><p>Last: %s</p></body></html>' "$S" "$S" >nul.html
check nul-html 1 0 - 1000 -- "$bin/pith" nul.html
body_has "Last: The council"
printf 'Headline of the dump\n\nFirst line with a NUL\000 byte inside, and more text.\n\000\000\000\n%s\nLast: %s\n' "$S" "$S" >nul.txt
check nul-dump 1 0 - 1000 -- "$bin/pith" nul.txt
body_has "Last: The council"

printf '{"id":1,"text":"Good line one."}\n{"id":2,"text":"bad \377\376 bytes"}\n{"id":3,"html":"<p>ok</p>"}\n{"id":4,"html":"\355\240\200 surrogate"}\n\n{"id":5,"text":"\300\200 overlong"}\n' >bad-utf8.jsonl
check jsonl-invalid-utf8 5 1 error 100 -- "$bin/pith" bad-utf8.jsonl
grep -q '"id":1,' "$tmp/out" && grep -q '"id":3,' "$tmp/out" ||
	{ fail=1; echo "FAIL jsonl-invalid-utf8: good records lost"; }
check jsonl-invalid-utf8-pipe 5 1 error 100 -- $PIPE bad-utf8.jsonl

# WARC records 2 and 3 lie about their length (too long, too short);
# records 1 and 4 must still come out whole.
blk=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>%s</p></body></html>' "$S")
len=${#blk}
for i in 1 2 3 4; do
	case $i in 2) l=$((len + 100)) ;; 3) l=$((len - 20)) ;; *) l=$len ;; esac
	printf 'WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/%d\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n' $i $l "$blk"
done >lying.warc
check warc-lying-length 4 1 error 1000 -- "$bin/pith" lying.warc
[ "$(grep -c '"error":' "$tmp/out")" = 2 ] || { fail=1; echo "FAIL warc-lying-length: want 2 error records"; }
check warc-lying-length-pipe 4 1 error 1000 -- $PIPE lying.warc
gzip -c lying.warc >lying.warc.gz
check warc-gz-lying-length 4 1 error 1000 -- "$bin/pith" lying.warc.gz
# A Content-Length past the end of the file, and one beyond any size.
{ cat lying.warc; printf 'WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 18446744073709551615\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>'; } >huge-length.warc
check warc-huge-length 5 1 error 1000 -- "$bin/pith" huge-length.warc

awk -v n=$ATTR -v s="$S" 'BEGIN {
	printf "<html><body><div title=\""
	for (i = 0; i < n / 100; i++) printf "%s", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	printf "\" class=\""
	for (i = 0; i < n / 2000; i++) printf "article related nav "
	printf "\"><a href=\"http://example.com/"
	for (i = 0; i < n / 1000; i++) printf "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"
	printf "\">link</a><p>%s</p><p>%s</p></div></body></html>", s, s
}' >attr.html
check huge-attribute 1 0 - $((ATTR * 2)) -- "$bin/pith" attr.html
body_has "The council"

# Text that makes pattern matchers backtrack or rescan: runs of digits,
# dates, colons, CJK punctuation, labels; each as a text dump and as the
# title and body of an HTML page.
i=0
for pat in 0123456789 '2025-06-06 ' '2025年6月6日' ':' '：' '。' '，' '12:34:' 'June 6, 2025 ' \
	'6天前' '2025/06/06/' '发布时间：' '来源：作者：' '10时30分' '二〇二四年' '2025. 6. ' '-' \
	'上一篇：' 'http://' '&amp;' '<!--' '\\' '"'; do
	i=$((i + 1))
	awk -v p="$pat" 'BEGIN { for (i = 0; i < 300000 / length(p); i++) printf "%s", p; print "" }' >rx$i.txt
	awk -v p="$pat" 'BEGIN { for (i = 0; i < 20000; i++) print p "x" i }' >rxl$i.txt
	{ printf '<html><head><title>'; head -c 3000 rx$i.txt; printf '</title><meta name="date" content="'
	  head -c 3000 rx$i.txt; printf '"></head><body><p>'; cat rx$i.txt; printf '</p></body></html>'; } >rx$i.html
done
check regex-hostile $((i * 3)) 0 '*' 400000 -- "$bin/pith" -j 1 rx*
rm -f rx*

printf '<html><body><table><tr><td colspan=9007199254740991 rowspan=9007199254740991>%s</td><td colspan=-1>x</td><td colspan=99999999999999999999999>y</td></tr><tr><td colspan="2147483648">%s</td><td colspan="0x7fffffff">z</td></tr></table><p>%s</p></body></html>' "$S" "$S" "$S" >colspan.html
check colspan 1 0 - 1000 -- "$bin/pith" colspan.html
check colspan-md - 0 '*' 1000 -- "$bin/pith" -f markdown colspan.html
check colspan-pipe 1 0 - 1000 -- $PIPE colspan.html

awk -v s="$S" 'BEGIN {
	printf "<html><body>"
	for (i = 0; i < 10000; i++) printf "<table><tr><td>cell %d", i
	printf "<p>%s</p>", s
	for (i = 0; i < 10000; i++) printf "</td></tr></table>"
	for (i = 0; i < 10000; i++) printf "<ul><li>item %d", i
	for (i = 0; i < 10000; i++) printf "</li></ul>"
	for (i = 0; i < 10000; i++) printf "<ol><li><dl><dt>t<dd>d %d", i
	printf "<p>Last: %s</p></body></html>", s
}' >tables.html
check nested-tables-lists 1 0 - 1000000 -- "$bin/pith" tables.html
check nested-tables-lists-md - 0 '*' 1000000 -- "$bin/pith" -f markdown tables.html
check nested-tables-lists-pipe 1 0 - 1000000 -- $PIPE tables.html

# A million distinct short lines (a crawler's dump of a listing page).
awk -v n=$LINES 'BEGIN {
	print "Headline of the page"
	srand(2)
	for (i = 0; i < n; i++)
		printf "Line %c%c%c%c with words %c%c\n", 97 + int(rand() * 26), 97 + int(rand() * 26),
			97 + int(rand() * 26), 97 + int(rand() * 26), 97 + int(rand() * 26), 97 + int(rand() * 26)
}' >lines.txt
sz=$(wc -c <lines.txt)
check million-line-dump 1 0 - "$sz" -- "$bin/pith" lines.txt
check million-line-dump-pipe 1 0 - "$sz" -- $PIPE lines.txt
rm -f lines.txt

# Many records in one stream, hostile pages among them: one out for each.
awk -v s="$S" 'BEGIN {
	for (i = 0; i < 2000; i++) {
		if (i % 4 == 0) printf "{\"id\":%d,\"html\":\"<div><p>%s</p></div>\"}\n", i, s
		else if (i % 4 == 1) printf "{\"id\":%d,\"text\":\"\"}\n", i
		else if (i % 4 == 2) printf "{\"id\":%d,\"html\":\"<table><td colspan=99999999>%d</table>\"}\n", i, i
		else printf "{\"id\":%d}\n", i
	}
}' >many.jsonl
check many-records 2000 1 error 1000 -- "$bin/pith" -j 2 many.jsonl
check many-records-j1 2000 1 error 1000 -- "$bin/pith" -j 1 many.jsonl
check many-records-pipe 2000 1 error 1000 -- $PIPE many.jsonl

# -r over a tree with symlinks back up it: two links to "." made 2^40
# paths (a hang); each page is read once.
mkdir -p tree/sub
cp nul.html tree/sub/page.html
ln -s . tree/a
ln -s . tree/b
ln -s .. tree/sub/up
check dir-symlink-loop 1 0 - 1000 -- "$bin/pith" -r -j 1 tree

# Exit status 2: nothing readable; 1: some inputs unreadable.
check missing-file 1 2 error 0 -- "$bin/pith" no-such-file.html
check some-missing 2 1 error 1000 -- "$bin/pith" -j 1 no-such-file.html nul.html
mkdir -p adir
check directory 1 2 error 0 -- "$bin/pith" adir

exit $fail
