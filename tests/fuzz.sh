#!/bin/sh
# Builds the libFuzzer harnesses (tests/fuzz_*.c) against a library built
# with the same sanitizers, then runs each one for SECONDS.
#
# Usage: sh tests/fuzz.sh [SECONDS] [TARGET...]
#   SECONDS  per target (default 30)
#   TARGET   jsonl warc decode html text date (default: every tests/fuzz_*.c)
# Environment:
#   FUZZ_BUILD    build tree (default build-fuzz)
#   FUZZ_FLAGS    more libFuzzer options, e.g. "-jobs=2 -workers=2"
#   FUZZ_TIMEOUT  seconds one input may take before it counts as a hang (10)
#
# The corpus each target grows is kept in $FUZZ_BUILD/corpus/TARGET, so
# later runs start where the last one ended; seeds come from
# testdata/fuzz/TARGET and the pages of the testdata/ cases. A crash,
# hang, leak or broken invariant leaves its input in
# $FUZZ_BUILD/crash/TARGET-* (reproduce: $FUZZ_BUILD/fuzz/TARGET FILE)
# and makes the exit status 1.
set -u
secs=${1:-30}
[ $# -gt 0 ] && shift
targets=$*
[ -n "$targets" ] || targets=$(ls tests/fuzz_*.c | sed 's,^tests/fuzz_,,; s,\.c$,,')
B=${FUZZ_BUILD:-build-fuzz}
CC=${FUZZ_CC:-clang}
command -v "$CC" >/dev/null 2>&1 || { echo "fuzz: $CC not found (scripts/deps.sh)" >&2; exit 2; }

SAN="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
PKGS="libxml-2.0 jansson uchardet libpcre2-8 zlib opencc"
# The word-list header first and alone: its rule writes two files and
# would run twice under -j.
make -s BUILD="$B" CC="$CC" CFLAGS="$SAN -fsanitize=fuzzer-no-link" "$B/gen/lexicon_data.h" &&
make -s -j2 BUILD="$B" CC="$CC" CFLAGS="$SAN -fsanitize=fuzzer-no-link" "$B/libpith.a" ||
	{ echo "fuzz: library build failed" >&2; exit 2; }
mkdir -p "$B/fuzz" "$B/corpus" "$B/seeds" "$B/crash" "$B/dict" "$B/log"

# Words of data/*.txt as dictionary entries (\xNN escapes: libFuzzer
# takes printable ASCII only), the part before a tab, no comments.
data_words() {
	for f in data/*.txt; do
		od -An -v -tx1 "$f"
	done | awk 'BEGIN { start = 1 }
		{ for (i = 1; i <= NF; i++) {
			b = $i
			if (b == "0a") {
				if (w != "" && skip != 1) print "\"" w "\""
				w = ""; skip = 0; start = 1; continue
			}
			if (start && b == "23") skip = 1  # a comment line
			start = 0
			if (b == "09" && !skip) skip = 2  # the flags after a tab
			if (!skip) w = w "\\x" b
		} }' | sort -u
}

# Seeds from the testdata cases, each behind the option bytes that pick
# the defaults of its harness.
seed() { # target option-bytes files...
	t=$1 ob=$2
	shift 2
	mkdir -p "$B/seeds/$t"
	for f in "$@"; do
		[ -f "$f" ] || continue
		name=$(basename "$(dirname "$f")")
		{ printf "$ob"; cat "$f"; } >"$B/seeds/$t/$name"
	done
}

fail=0
for t in $targets; do
	src=tests/fuzz_$t.c
	[ -f "$src" ] || { echo "fuzz: no $src" >&2; fail=1; continue; }
	# shellcheck disable=SC2046
	$CC -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -D_GNU_SOURCE \
		-Ilib -Itests -I"$B/gen" $(pkg-config --cflags $PKGS) $SAN -fsanitize=fuzzer \
		-o "$B/fuzz/$t" "$src" "$B/libpith.a" $(pkg-config --libs $PKGS) -lpthread -lm ||
		{ echo "fuzz: $t: build failed" >&2; fail=1; continue; }
	cp "tests/fuzz_$t.dict" "$B/dict/$t.dict" 2>/dev/null || : >"$B/dict/$t.dict"
	case $t in
	jsonl) seed jsonl '\000\000' testdata/*/in.jsonl; max=16384 ;;
	warc) seed warc '\000\000\000' testdata/*/in.warc testdata/*/in.warc.gz; max=16384 ;;
	decode) seed decode '\000\000' testdata/*/in.html testdata/*/in.txt testdata/*/in.bin
		max=16384 ;;
	html) seed html '\000\000' testdata/*/in.html; data_words >>"$B/dict/$t.dict"; max=32768 ;;
	text) seed text '\000\000' testdata/*/in.txt; data_words >>"$B/dict/$t.dict"; max=16384 ;;
	*) max=4096 ;;
	esac
	mkdir -p "$B/corpus/$t" "$B/seeds/$t"
	rm -f "$B/crash/$t-"*
	log=$B/log/$t.log
	echo "fuzz: $t for ${secs}s"
	# shellcheck disable=SC2086
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=print_stacktrace=1 \
	"$B/fuzz/$t" -max_total_time="$secs" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 \
		-max_len=$max -dict="$B/dict/$t.dict" -artifact_prefix="$B/crash/$t-" \
		-print_final_stats=1 ${FUZZ_FLAGS:-} \
		"$B/corpus/$t" "$B/seeds/$t" "testdata/fuzz/$t" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | awk '{s += $1} END {print s + 0}')
	crashes=$(ls "$B/crash/$t-"* 2>/dev/null)
	if [ $rc != 0 ] || [ -n "$crashes" ]; then
		fail=1
		echo "fuzz: $t FAILED (exit $rc) after $runs runs: ${crashes:-see $log}"
		grep -m 3 -E 'ERROR|invariant|runtime error|SUMMARY' "$log"
	else
		echo "fuzz: $t ok, $runs runs, corpus $(ls "$B/corpus/$t" | wc -l)"
	fi
done
exit $fail
