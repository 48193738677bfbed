#!/usr/bin/env bash
# bench/story.sh - how the story stage scales: time against the number of
# articles, from 10 to 5,000, on one core.
#
#   make bench            (bench/run.sh runs this after the other benchmarks)
#   bash bench/story.sh   (this benchmark alone)
#
# For each size N in STORY_SIZES, bench/make_story.js mixes the benchmark's
# articles (the reference corpus and the extraction set's article bodies, or
# examples/*.txt without ../shared) into N articles of one stream; then
# bench/px_story.c (pinned to one CPU with taskset when it can be) reads them,
# analyses each one (px_doc_analyze) and compares them all (px_story_build),
# timing the steps apart, STORY_RUNS times (median reported). The CLI's
# whole run (`parallax analyze --jobs 1 --format json -o /dev/null`) is timed
# too for the sizes up to 500. The table and an SVG chart
# (docs/story-scaling.svg) go into docs/benchmarks.md between the story
# markers. There is no peer: no other tool does this comparison. Not a test.
#
# Environment:
#   STORY_RUNS=N        timed runs per size (default 3)
#   STORY_SIZES="..."   the sizes (default "10 50 100 500 1000 2000 5000")
#   STORY_CPU=N         the CPU the processes are pinned to (default 0)
#   SHARED=DIR, BENCH_DOC=FILE, BENCH_REV=COMMIT, PX_BUILD, PX_SRC, PX_REV
#                       as in bench/facts.sh
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
OUT=$BENCH/out
SOUT=$OUT/story
RUNS=${STORY_RUNS:-3}
SIZES=${STORY_SIZES:-"10 50 100 500 1000 2000 5000"}
CPU=${STORY_CPU:-0}
SHARED=${SHARED:-$ROOT/../shared}
DOC=${BENCH_DOC:-$ROOT/docs/benchmarks.md}
SVG=$ROOT/docs/story-scaling.svg

say() { printf 'bench: story: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

case $RUNS in '' | *[!0-9]*) die "STORY_RUNS must be a number, not '$RUNS'" ;; esac
[ "$RUNS" -ge 1 ] || die "STORY_RUNS must be at least 1"
case "$ROOT" in *[[:space:]]*) die "the checkout's path must not contain white space" ;; esac
mkdir -p "$SOUT"
command -v node > /dev/null || need_node_peers

BUILD=${PX_BUILD:-}
SRC=${PX_SRC:-$ROOT}
if [ -z "$BUILD" ]; then
  build_bench_parallax
else
  px_rev=${PX_REV:-unknown}
fi
PX=$BUILD/parallax
[ -x "$PX" ] || die "no parallax in $BUILD"
# shellcheck disable=SC2046 # word splitting of the link flags is intended
cc -O2 -std=c17 -D_POSIX_C_SOURCE=200809L -I"$SRC/include" -o "$OUT/px_story" "$BENCH/px_story.c" -L"$BUILD" \
  $(PKG_CONFIG_PATH=$BUILD pkg-config --static --libs parallax) -lpthread ||
  die "cannot build bench/px_story.c"
PIN=()
PINNED="not pinned (no taskset)"
if command -v taskset > /dev/null && taskset -c "$CPU" true 2> /dev/null; then
  PIN=(taskset -c "$CPU")
  PINNED="pinned to one CPU (taskset -c $CPU)"
fi

LOAD_BEFORE=$(cut -d ' ' -f 1-3 /proc/loadavg 2> /dev/null || echo "?")
: > "$SOUT/rows"
for n in $SIZES; do
  docs=$SOUT/docs-$n.jsonl
  made=$(node "$BENCH/make_story.js" "$docs" "$n" "$SHARED" "$ROOT/examples" 2020-01-15) ||
    { say "no text to benchmark; skipped"; exit 0; }
  read -r _ _ SOURCE <<< "$made"
  : > "$SOUT/$n.runs"
  : > "$SOUT/$n.cli"
  for ((i = 1; i <= RUNS; i++)); do
    say "$n articles: run $i of $RUNS"
    "${PIN[@]}" "$OUT/px_story" "$docs" 2>> "$SOUT/$n.runs" || die "px_story failed on $n articles"
    if [ "$n" -le 500 ]; then
      s=$(date +%s.%N)
      "${PIN[@]}" "$PX" analyze --jobs 1 --format json -o /dev/null "$docs" 2> /dev/null ||
        die "parallax analyze failed on $n articles"
      e=$(date +%s.%N)
      awk -v s="$s" -v e="$e" 'BEGIN { printf "%.6f\n", e - s }' >> "$SOUT/$n.cli"
    fi
  done
  grep '^{' "$SOUT/$n.runs" > "$SOUT/$n.json" || die "px_story printed no timing"
  f() { json_field "$SOUT/$n.json" "$1" > "$SOUT/$n.$1" && median "$SOUT/$n.$1" 1; }
  cli=-
  [ -s "$SOUT/$n.cli" ] && cli=$(median "$SOUT/$n.cli" 1)
  echo "$n $(f bytes) $(f sentences) $(f analyze_s) $(f story_s) $cli $(f supports) $(f claim_groups)" >> "$SOUT/rows"
done
LOAD_AFTER=$(cut -d ' ' -f 1-3 /proc/loadavg 2> /dev/null || echo "?")

# ---- the chart: seconds against articles, both axes logarithmic ----------
awk -v px="$px_rev" '
  function lx(v) { return 60 + (log(v) - log(minn)) / (log(maxn) - log(minn)) * 480 }
  function ly(v) { return 290 - (log(v) - log(mint)) / (log(maxt) - log(mint)) * 260 }
  { n[NR] = $1; a[NR] = $4; s[NR] = $5; t[NR] = $4 + $5
    if (NR == 1 || $1 < minn) minn = $1; if ($1 > maxn) maxn = $1
    lo = ($5 < $4 ? $5 : $4); if (lo <= 0) lo = 0.0001
    if (NR == 1 || lo < mint) mint = lo; if (t[NR] > maxt) maxt = t[NR] }
  END {
    if (NR < 2) exit
    mint /= 1.5; maxt *= 1.5
    print "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"340\" font-family=\"sans-serif\" font-size=\"11\">"
    print "<rect width=\"600\" height=\"340\" fill=\"white\"/>"
    print "<line x1=\"60\" y1=\"290\" x2=\"540\" y2=\"290\" stroke=\"black\"/><line x1=\"60\" y1=\"30\" x2=\"60\" y2=\"290\" stroke=\"black\"/>"
    for (i = 1; i <= NR; i++) printf "<text x=\"%.1f\" y=\"305\" text-anchor=\"middle\">%d</text>\n", lx(n[i]), n[i]
    for (e = -4; e <= 4; e++) { v = 10 ^ e; if (v >= mint && v <= maxt)
      printf "<text x=\"55\" y=\"%.1f\" text-anchor=\"end\">%g s</text><line x1=\"60\" y1=\"%.1f\" x2=\"540\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", ly(v) + 4, v, ly(v), ly(v) }
    print "<text x=\"300\" y=\"325\" text-anchor=\"middle\">articles (log scale)</text>"
    split("#1f77b4 #d62728 #2ca02c", col, " "); split("analysis story total", name, " ")
    for (k = 1; k <= 3; k++) {
      printf "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"", col[k]
      for (i = 1; i <= NR; i++) { v = (k == 1 ? a[i] : k == 2 ? s[i] : t[i]); if (v <= 0) v = mint; printf "%.1f,%.1f ", lx(n[i]), ly(v) }
      print "\"/>"
      printf "<text x=\"%d\" y=\"20\" fill=\"%s\">%s</text>\n", 70 + (k - 1) * 120, col[k], name[k]
    }
    printf "<text x=\"540\" y=\"20\" text-anchor=\"end\" fill=\"#666\">parallax %s, one core</text>\n", px
    print "</svg>"
  }' "$SOUT/rows" > "$SVG.tmp"
if [ -s "$SVG.tmp" ]; then mv "$SVG.tmp" "$SVG"; else rm -f "$SVG.tmp"; fi

CPU_MODEL=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2> /dev/null | head -n 1)
DATE=$(date -u '+%Y-%m-%d %H:%M UTC')
SECTION=$SOUT/story.md
{
  echo "<!-- story:begin -->"
  echo "<!-- Generated by bench/story.sh; edits between these markers are overwritten. -->"
  echo "## Story comparison: time against the number of articles"
  echo
  echo "Measured $DATE on $(nproc) × ${CPU_MODEL:-$(uname -m)}, $PINNED; load average $LOAD_BEFORE"
  echo "before, $LOAD_AFTER after. Articles: mixes of $SOURCE (bench/make_story.js). Median of $RUNS"
  echo "runs per size. *analysis*: px_doc_analyze() on every article, one thread; *story*:"
  echo "px_story_build() (entities, labels, claims, timeline, corroboration, framing, summary);"
  echo "*CLI*: \`parallax analyze --jobs 1 --format json -o /dev/null\` (reading and writing"
  echo "included; timed up to 500 articles)."
  echo
  echo "| articles | MB | sentences | analysis (s) | story (s) | story ms / article | CLI (s) | supports | claim groups |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  awk '{ printf "| %d | %.2f | %d | %.3f | %.3f | %.2f | %s | %d | %d |\n", $1, $2 / 1e6, $3, $4, $5, $5 * 1000 / $1, ($6 == "-" ? "-" : sprintf("%.3f", $6)), $7, $8 }' "$SOUT/rows"
  echo
  awk '$1 == 50 { printf "Target (50 articles in under 1 s on one core, analysis and story together): **%s** (%.3f s).\n", ($4 + $5 < 1 ? "met" : "not met"), $4 + $5 }' "$SOUT/rows"
  echo
  echo "![time against articles](story-scaling.svg)"
  echo
  echo "Reproduce: \`bash bench/story.sh\` (part of \`make bench\`); \`STORY_SIZES=\"10 50\" bash bench/story.sh\` for a quick run."
  echo "<!-- story:end -->"
} > "$SECTION"
if [ "$DOC" = - ]; then
  cat "$SECTION"
  exit 0
fi
write_doc_section story "$SECTION" "$DOC"
sed -n '/^| articles/,/^$/p' "$SECTION"
say "wrote ${DOC#"$ROOT"/}"
