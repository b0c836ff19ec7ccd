#!/bin/sh
# Text dumps: the zh and scrapinghub pages dumped by w3m, lynx and html2text
# (as crawlers make them), the page's gold body as truth. The dumps are made
# once into $bin/dumps (not in the repo). Prints F1/P/R per source and tool.
bin=$1; bench=$2
dumps=$bin/dumps
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
tools=
# (html2text is measured, never tuned on: a dumper the method has not seen;
# markdown is python's html2text, whose marks lib/markdown.c takes out)
for t in w3m lynx html2text; do command -v $t >/dev/null 2>&1 && tools="$tools $t"; done
# lynx-refs: lynx as crawlers often run it, with [n] marks and References
command -v lynx >/dev/null 2>&1 && tools="$tools lynx-refs"
/usr/bin/python3 -c 'import html2text' 2>/dev/null && tools="$tools markdown"
[ -n "$tools" ] || { echo "dumps: no w3m/lynx/html2text, skipped"; exit 0; }
dump() { # tool utf8-html-file
	case $1 in
	w3m) timeout 20 w3m -dump -T text/html -I UTF-8 -O UTF-8 -cols 100 "$2" ;;
	lynx) timeout 20 lynx -dump -nolist -assume_charset=utf-8 -display_charset=utf-8 -width=100 "$2" ;;
	lynx-refs) timeout 20 lynx -dump -assume_charset=utf-8 -display_charset=utf-8 -width=100 "$2" ;;
	html2text) timeout 20 html2text -nobs -utf8 -width 100 "$2" ;;
	markdown) timeout 20 /usr/bin/python3 -c 'import sys, html2text
h = html2text.HTML2Text(); h.body_width = 100
sys.stdout.write(h.handle(open(sys.argv[1], encoding="utf-8", errors="replace").read()))' "$2" ;;
	esac
}
for set in zh scrapinghub; do
	[ -d "$bench/$set/html" ] || continue
	for t in $tools; do
		mkdir -p "$dumps/$set/$t"
		for f in "$bench/$set"/html/*.html; do
			id=$(basename "$f" .html)
			out="$dumps/$set/$t/$id.txt"
			[ -s "$out" ] && continue
			# decode to UTF-8 first and drop the charset declaration, so the
			# dumper reads what the page really says
			"$bin/pith-decode" -f text "$f" 2>/dev/null |
				sed 's/charset=[A-Za-z0-9_-]*/charset=utf-8/I' >"$tmp/page.html"
			dump $t "$tmp/page.html" >"$out" 2>/dev/null
		done
	done
done
for set in zh scrapinghub; do
	for t in $tools; do
		[ -d "$dumps/$set/$t" ] || continue
		mkdir -p "$tmp/pred/$set/$t"
		for f in "$dumps/$set/$t"/*.txt; do
			"$bin/pith" -j 1 -f text "$f" >"$tmp/pred/$set/$t/$(basename "$f")" 2>/dev/null
		done
		printf '%-12s %-10s ' "$set" "$t"
		python3 "$bench/score.py" --truth "$bench/$set/truth" --pred "$tmp/pred/$set/$t" |
			awk '/^(precision|recall|F1) / {printf "%s %s  ", $1, $2} END {print ""}'
	done
done
# The same dumps as one batch per set and tool, with and without the site
# memory (lines repeated across pages of one site are boilerplate): what a
# batch knows that one page does not.
for set in zh scrapinghub; do
	for t in $tools; do
		[ -d "$dumps/$set/$t" ] || continue
		for mode in site-memory no-site-memory; do
			opt=; [ $mode = no-site-memory ] && opt=--no-site-memory
			rm -rf "$tmp/batch"; mkdir -p "$tmp/batch"
			"$bin/pith" -j 2 $opt "$dumps/$set/$t"/*.txt 2>/dev/null |
				python3 -c 'import json, os, sys
for line in sys.stdin:
    r = json.loads(line)
    name = os.path.basename(r.get("file", "x"))
    open(os.path.join(sys.argv[1], name), "w", encoding="utf-8").write(r.get("body") or "")' "$tmp/batch"
			printf '%-12s %-10s batch, %-15s ' "$set" "$t" "$mode"
			python3 "$bench/score.py" --truth "$bench/$set/truth" --pred "$tmp/batch" |
				awk '/^(precision|recall|F1) / {printf "%s %s  ", $1, $2} END {print ""}'
		done
	done
done
