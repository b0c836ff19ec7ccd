#!/bin/sh
# End-to-end golden tests: every testdata/<case>/ that has an `args` file.
#   args       the tool and its options, e.g. "pith-decode -f json"
#              (the case's input file in.* is appended; "-" in args means
#              the input is fed on stdin instead)
#   in.*       the input
#   expected.* expected stdout (compared byte for byte)
#   exit       expected exit status (default 0)
#   ignore     JSON fields (one a line) left out of the comparison, so a
#              metadata case does not break when the body extraction changes
# Usage: tests/run.sh BUILD_DIR [CASE...]; prints "N passed, N failed".
bin=${1:-build}; shift
pass=0; fail=0; failed=
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cases=$*
[ -n "$cases" ] || cases=$(ls -d testdata/*/ | sed 's,/$,,')
for dir in $cases; do
	[ -f "$dir/args" ] || continue
	name=$(basename "$dir")
	set -- $(cat "$dir/args")
	tool=$1; shift
	in=$(ls "$dir"/in.* 2>/dev/null | head -n 1)
	want=$(ls "$dir"/expected.* 2>/dev/null | head -n 1)
	code=0; [ -f "$dir/exit" ] && code=$(cat "$dir/exit")
	stdin=/dev/null; last=
	for a in "$@"; do last=$a; done
	if [ "$last" = "-" ]; then stdin=$in; in=; fi
	# shellcheck disable=SC2086
	"$bin/$tool" "$@" $in <"$stdin" >"$tmp/out" 2>"$tmp/err"; got=$?
	ok=1
	[ "$got" = "$code" ] || { ok=0; echo "FAIL $name: exit $got, want $code"; }
	if [ -n "$want" ] && [ -f "$dir/ignore" ]; then
		# compare the JSON records without the ignored fields
		cp "$want" "$tmp/want"
		for x in "$tmp/want" "$tmp/out"; do
			python3 -c 'import json,sys
keys = open(sys.argv[1]).read().split()
dec = json.JSONDecoder()
text = open(sys.argv[2], encoding="utf-8").read()
i = 0
while i < len(text):
    if text[i].isspace():
        i += 1
        continue
    o, i = dec.raw_decode(text, i)
    for k in keys:
        o.pop(k, None)
    print(json.dumps(o, ensure_ascii=False, sort_keys=True))' "$dir/ignore" "$x" >"$x.cmp" 2>&1
		done
		if ! cmp -s "$tmp/want.cmp" "$tmp/out.cmp"; then
			ok=0; echo "FAIL $name: output differs (fields other than $(tr '\n' ' ' <"$dir/ignore"))"
			diff "$tmp/want.cmp" "$tmp/out.cmp" | head -n 10
		fi
	elif [ -n "$want" ] && ! cmp -s "$tmp/out" "$want"; then
		ok=0; echo "FAIL $name: output differs"; diff "$want" "$tmp/out" | head -n 10
	fi
	if grep -q 'Sanitizer\|runtime error' "$tmp/err"; then
		ok=0; echo "FAIL $name: sanitizer report"; head -n 20 "$tmp/err"
	fi
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); failed="$failed $name"; fi
done
# Scripted checks (pipes, batches, bad input) live in tests/*.t.sh.
for t in tests/*.t.sh; do
	[ -f "$t" ] || continue
	if sh "$t" "$bin" >"$tmp/tout" 2>&1; then pass=$((pass + 1)); else
		fail=$((fail + 1)); failed="$failed $(basename "$t")"; echo "FAIL $t"; tail -n 20 "$tmp/tout"
	fi
done
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
