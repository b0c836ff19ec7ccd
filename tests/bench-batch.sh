#!/bin/sh
# Batches: pith -j 1 and -j 2 over the scrapinghub pages (same output, the
# speed-up), pith-decode's throughput alone, and peak memory.
bin=$1; bench=$2
[ -d "$bench/scrapinghub/html" ] || { echo "batch: scrapinghub absent, skipped"; exit 0; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# the pages four times over, so that start-up (threads, the word-list
# automaton) weighs as little as it does in a real batch
ls "$bench"/scrapinghub/html/*.html >"$tmp/one"
cat "$tmp/one" "$tmp/one" "$tmp/one" "$tmp/one" >"$tmp/list"
n=$(wc -l <"$tmp/list")
mb=$(cat $(cat "$tmp/list") | wc -c | awk '{printf "%.1f", $1 / 1e6}')
best() { # best of 3 wall-clock seconds of a command
	b=999
	for k in 1 2 3; do
		t0=$(date +%s.%N); "$@" >"$tmp/out" 2>/dev/null; t1=$(date +%s.%N)
		b=$(echo "$t0 $t1 $b" | awk '{d = $2 - $1; print (d < $3 ? d : $3)}')
	done
	echo "$b"
}
t1=$(best "$bin/pith" -j 1 --no-progress --files-from "$tmp/list"); cp "$tmp/out" "$tmp/j1"
t2=$(best "$bin/pith" -j 2 --no-progress --files-from "$tmp/list"); cp "$tmp/out" "$tmp/j2"
same=differs; cmp -s "$tmp/j1" "$tmp/j2" && same=same
td=$(best "$bin/pith-decode" --no-progress --files-from "$tmp/list")
echo "$n $mb $t1 $t2 $td $same" | awk '{
	printf "pith -j 1     %6.0f pages/s  %6.1f MB/s\n", $1 / $3, $2 / $3
	printf "pith -j 2     %6.0f pages/s  %6.1f MB/s  (%.2f x -j 1, output %s)\n", $1 / $4, $2 / $4, $3 / $4, $6
	printf "pith-decode   %6.0f pages/s  %6.1f MB/s  (JSON Lines with the page, one core)\n", $1 / $5, $2 / $5 }'
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f "%M" -o "$tmp/rss" "$bin/pith" -j 2 --no-progress --files-from "$tmp/list" >/dev/null 2>&1
	big=$(ls -S $(cat "$tmp/one") | head -n 1 | xargs wc -c | awk '{printf "%.1f", $1 / 1e6}')
	echo "peak RSS, pith -j 2: $(awk '{printf "%.1f", $1 / 1024}' "$tmp/rss") MB (largest page $big MB)"
fi
