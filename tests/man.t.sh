#!/bin/sh
# The man pages against the code, so that they cannot drift apart:
#   1. mandoc -Tlint -Wwarning is clean on man/* (skipped without mandoc);
#   2. every long option a tool's --help prints is an option item
#      (".It Fl -name") of its page, and every option item of the page is
#      in --help;
#   3. every field of field_order in lib/doc.c is an item (".It ... Cm name")
#      of pith-record(5), and the page's field-order list is that list.
# Usage: tests/man.t.sh BUILD_DIR (run from anywhere); exit 0 = pass.
bin=${1:-build}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
cd "$(dirname "$0")/.." || exit 1
fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
bad() { echo "man.t.sh: $*"; fail=1; }

# 1. lint
if command -v mandoc >/dev/null 2>&1; then
	if ! mandoc -Tlint -Wwarning man/* >"$tmp/lint" 2>&1; then
		bad "mandoc -Tlint -Wwarning man/* is not clean:"
		cat "$tmp/lint"
	fi
else
	echo "man.t.sh: mandoc not found, lint skipped"
fi

# 2. options: --help against the page's ".It Fl" items
for tool in pith pith-decode pith-strip pith-meta pith-links pith-clean; do
	page=man/$tool.1
	if [ ! -f "$page" ]; then
		bad "$page: missing"
		continue
	fi
	if ! "$bin/$tool" --help >"$tmp/help" 2>&1; then
		bad "$tool --help failed"
		continue
	fi
	grep -o -- '--[a-z][a-z0-9-]*' "$tmp/help" | sort -u >"$tmp/opt.help"
	grep '^\.It Fl ' "$page" | grep -o 'Fl -[a-z][a-z0-9-]*' |
		sed 's/^Fl -/--/' | sort -u >"$tmp/opt.man"
	for o in $(comm -23 "$tmp/opt.help" "$tmp/opt.man"); do
		bad "$tool: $o is in --help but not in $page"
	done
	for o in $(comm -13 "$tmp/opt.help" "$tmp/opt.man"); do
		bad "$tool: $o is in $page but not in --help"
	done
done

# 3. record fields: lib/doc.c's field_order against pith-record(5)
page=man/pith-record.5
sed -n '/field_order\[\] = {/,/};/p' lib/doc.c | grep -o '"[a-z_]*"' | tr -d '"' >"$tmp/fields"
if [ ! -s "$tmp/fields" ]; then
	bad "no field_order found in lib/doc.c"
elif [ ! -f "$page" ]; then
	bad "$page: missing"
else
	while read -r f; do
		grep -Eq "^\.It .*Cm $f( |\$)" "$page" || bad "$page: field '$f' has no item"
	done <"$tmp/fields"
	# the list after the comment that names this test, up to its .Ed
	awk '/tests\/man\.t\.sh checks the list below/ { on = 1; next }
	     on && /^\.Bd/ { next }
	     on && /^\.Ed/ { exit }
	     on { for (i = 1; i <= NF; i++) print $i }' "$page" >"$tmp/order"
	if ! cmp -s "$tmp/fields" "$tmp/order"; then
		bad "$page: the field-order list differs from lib/doc.c:"
		diff "$tmp/fields" "$tmp/order"
	fi
fi

[ $fail = 0 ] && echo "man.t.sh: ok"
exit $fail
