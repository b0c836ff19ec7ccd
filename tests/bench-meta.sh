#!/bin/sh
# Metadata and links accuracy.
#   zh: the date (to the gold's precision, at most the day) and every gold
#       author among `authors`, over the pages whose truth has them.
#   set: testdata/meta-*/ and links-*/ against their expected.json: title,
#       date, authors, prev, next exact per case; related items by url
#       (title when there is no url): precision and recall over all items.
# Usage: tests/bench-meta.sh BUILD_DIR BENCH_DIR [-v]
bin=${1:-build}; bench=${2:-../shared/bench}; verbose=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
if [ -d "$bench/zh/html" ]; then
	for f in "$bench"/zh/html/*.html; do
		"$bin/pith" -j 1 -f json "$f" >"$tmp/$(basename "$f" .html).json" 2>/dev/null
	done
	python3 - "$bench/zh/truth" "$tmp" "$verbose" <<'PY'
import json, os, re, sys, unicodedata
truth, out, verbose = sys.argv[1], sys.argv[2], sys.argv[3] == "-v"
def fold(s):
    return unicodedata.normalize("NFKC", s or "").strip()
def names(s):
    # gold authors are separated by spaces (or 、); brackets are not names
    return [n for n in re.split(r"[\s、，,]+", re.sub(r"[()（）]", " ", fold(s))) if n]
nd = okd = na = oka = 0
for f in sorted(os.listdir(truth)):
    t = json.load(open(os.path.join(truth, f)))
    try:
        o = json.load(open(os.path.join(out, f)))
    except Exception:
        o = {}
    gd, ga = t.get("date"), t.get("author")
    if gd:
        nd += 1
        n = min(len(gd), 10)
        good = (o.get("date") or "")[:n] == gd[:n]
        okd += good
        if verbose and not good:
            print("date   %s: %s, want %s" % (f[:-5], o.get("date"), gd))
    if ga and ga.upper() not in ("UNKNOWN", "UNKNWON"):
        na += 1
        au = [fold(a) for a in o.get("authors") or []]
        good = all(any(n in a for a in au) for n in names(ga))
        oka += good
        if verbose and not good:
            print("author %s: %s, want %s" % (f[:-5], au, ga))
print("zh: date %d/%d %.1f%%  author %d/%d %.1f%%" %
      (okd, nd, 100.0 * okd / max(nd, 1), oka, na, 100.0 * oka / max(na, 1)))
PY
fi
# the labelled set (expected.json, hand-checked)
ls -d testdata/meta-*/ testdata/links-*/ >/dev/null 2>&1 || exit 0
for d in testdata/meta-*/ testdata/links-*/; do
	[ -f "$d/expected.json" ] || continue
	n=$(basename "$d")
	"$bin/pith" -j 1 -f json "$d/in.html" >"$tmp/set-$n.json" 2>/dev/null
done
python3 - "$tmp" "$verbose" <<'PY'
import glob, json, os, sys
out, verbose = sys.argv[1], sys.argv[2] == "-v"
fields = ["title", "date", "authors", "source", "site", "lang", "url", "prev", "next"]
ok = dict.fromkeys(fields, 0); n = 0
tp = fp = fn = 0
def key(it):
    return it.get("url") or it.get("title")
for d in sorted(glob.glob("testdata/meta-*/") + glob.glob("testdata/links-*/")):
    e = os.path.join(d, "expected.json")
    if not os.path.exists(e):
        continue
    want = json.load(open(e))
    try:
        got = json.load(open(os.path.join(out, "set-%s.json" % os.path.basename(d.rstrip("/")))))
    except Exception:
        got = {}
    n += 1
    for k in fields:
        good = got.get(k) == want.get(k)
        ok[k] += good
        if verbose and not good:
            print("%s %s: %r, want %r" % (d, k, got.get(k), want.get(k)))
    w = [key(i) for i in want.get("related") or []]
    g = [key(i) for i in got.get("related") or []]
    tp += sum(1 for x in g if x in w); fp += sum(1 for x in g if x not in w)
    fn += sum(1 for x in w if x not in g)
p = tp / max(tp + fp, 1); r = tp / max(tp + fn, 1)
print("set: %d pages  " % n + "  ".join("%s %.0f%%" % (k, 100.0 * ok[k] / max(n, 1)) for k in fields) +
      "  related P %.3f R %.3f (%d items)" % (p, r, tp + fn))
PY
