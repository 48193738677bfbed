#!/usr/bin/env bash
# bench/run.sh - sentence-splitting benchmark: parallax against npm's sbd and
# wink-nlp (with wink-eng-lite-web-model) on the same text, in one run; then
# the HTML extraction benchmark (bench/extract.sh) and the fact extraction
# benchmark (bench/facts.sh) on the same build.
#
#   make bench            (or: bash bench/run.sh)
#
# Builds parallax in Release mode (build-bench/), installs the pinned peers
# (bench/package.json + package-lock.json) into bench/node_modules, builds
# >= 4 MiB of English news text into bench/out/news.txt (never committed),
# then times each tool RUNS times (median reported) and writes the results
# table into docs/benchmarks.md between the sentences markers. Not a test.
#
# Every tool does the same work: read the file, split it into sentences
# (a blank line always ends one), write one sentence per line (white space
# runs made one space) to /dev/null. Two times are reported per tool:
#   wall   the whole process (bench/measure.c: fork to wait4), startup included
#   split  the split call alone, timed in-process: px_doc_segment() for
#          parallax (bench/px_split.c), sbd.sentences() for sbd, readDoc() +
#          sentences().out() for wink-nlp
# Peak memory is the process's max RSS (wait4's ru_maxrss).
#
# Environment:
#   RUNS=N              timed runs per tool (default 7; at least 5 is wise)
#   BENCH_MIN_BYTES=N   minimum size of the text (default 4194304 = 4 MiB)
#   SHARED=DIR          the shared data (default: ../shared beside the repo)
#   BENCH_REV=COMMIT    build parallax from that commit (git archive) rather
#                       than from the working tree
#   BENCH_DOC=FILE      where to write the table (default docs/benchmarks.md);
#                       BENCH_DOC=- prints it only
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
OUT=$BENCH/out
RUNS=${RUNS:-7}
MIN_BYTES=${BENCH_MIN_BYTES:-4194304}
SHARED=${SHARED:-$ROOT/../shared}
DOC=${BENCH_DOC:-$ROOT/docs/benchmarks.md}

say() { printf 'bench: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

case $RUNS in '' | *[!0-9]*) die "RUNS must be a number, not '$RUNS'" ;; esac
[ "$RUNS" -ge 1 ] || die "RUNS must be at least 1"
mkdir -p "$OUT"

# ---- node and npm --------------------------------------------------------
as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo > /dev/null; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  command -v apt-get > /dev/null || die "node and npm are missing; install Node.js >= 18 and npm"
  say "installing nodejs and npm (apt-get)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm > /dev/null
fi
for tool in cmake cc pkg-config; do
  command -v "$tool" > /dev/null || die "$tool is missing (make deps installs the build tools)"
done

# ---- the peers -----------------------------------------------------------
if [ ! -f "$BENCH/node_modules/.package-lock.json" ] ||
  [ "$BENCH/package-lock.json" -nt "$BENCH/node_modules/.package-lock.json" ]; then
  say "installing sbd and wink-nlp (npm ci)"
  (cd "$BENCH" && npm ci --no-audit --no-fund --loglevel=error) ||
    die "npm ci failed in bench/"
fi

# ---- parallax (Release) --------------------------------------------------
build_bench_parallax
PX=$BUILD/parallax
cc -O2 -std=c17 -o "$OUT/measure" "$BENCH/measure.c" || die "cannot build bench/measure.c"
# The HTML extraction and fact extraction benchmarks (bench/extract.sh,
# bench/facts.sh: their own sections of the doc) run after this one, on the
# same build.
others() {
  PX_BUILD=$BUILD PX_SRC=$SRC PX_REV=$px_rev bash "$BENCH/extract.sh"
  PX_BUILD=$BUILD PX_SRC=$SRC PX_REV=$px_rev bash "$BENCH/facts.sh"
  PX_BUILD=$BUILD PX_SRC=$SRC PX_REV=$px_rev bash "$BENCH/story.sh"
}
# shellcheck disable=SC2046 # word splitting of the link flags is intended
cc -O2 -std=c17 -I"$SRC/include" -o "$OUT/px_split" "$BENCH/px_split.c" -L"$BUILD" \
  $(PKG_CONFIG_PATH=$BUILD pkg-config --static --libs parallax) -lpthread ||
  die "cannot build bench/px_split.c"

# ---- the text ------------------------------------------------------------
TEXT=$OUT/news.txt
if ! made=$(node "$BENCH/make_text.js" "$TEXT" "$MIN_BYTES" "$SHARED" "$ROOT/examples"); then
  say "no text to benchmark: neither $SHARED nor examples/*.txt; skipped"
  others
  exit 0
fi
read -r BYTES COPIES SOURCE <<< "$made"
MB=$(awk -v b="$BYTES" 'BEGIN { printf "%.2f", b / 1e6 }')
say "text: $BYTES bytes ($COPIES copies of $SOURCE)"

# ---- timing --------------------------------------------------------------
# median and json_field: bench/lib.sh.

# Each tool has a wall command (timed from outside: wall time, CPU time, max
# RSS) and an in-process command that reports split_s on standard error (the
# same command for the node peers; bench/px_split for parallax).
TOOLS=(parallax sbd wink-nlp)
declare -A WALLCMD INCMD
WALLCMD[parallax]="$PX sentences $TEXT"
INCMD[parallax]="$OUT/px_split $TEXT"
WALLCMD[sbd]="node $BENCH/sbd.js $TEXT"
INCMD[sbd]=${WALLCMD[sbd]}
WALLCMD[wink-nlp]="node $BENCH/wink.js $TEXT"
INCMD[wink-nlp]=${WALLCMD[wink-nlp]}
case "$PX$OUT$BENCH$TEXT" in *[[:space:]]*) die "the checkout's path must not contain white space" ;; esac

# run TOOL what > out: runs the tool's wall or in-process command; stops the
# benchmark with the tool's messages when it fails.
run() {
  local cmd
  # shellcheck disable=SC2206 # the commands are split at spaces on purpose
  if [ "$2" = wall ]; then cmd=(${WALLCMD[$1]}); else cmd=(${INCMD[$1]}); fi
  if [ -n "${3:-}" ]; then cmd=("$3" "$4" "${cmd[@]}"); fi
  "${cmd[@]}" 2> "$OUT/$1.err" || {
    cat "$OUT/$1.err" >&2
    die "$1 failed"
  }
}

# One warm-up run of each tool writes its sentences to bench/out/TOOL.txt;
# then RUNS rounds run every tool once in turn, so that a burst of load on
# the machine hits every tool alike.
for t in "${TOOLS[@]}"; do
  say "$t: warm-up"
  run "$t" wall > "$OUT/$t.txt"
  : > "$OUT/$t.wall"
  : > "$OUT/$t.split"
  if [ "${INCMD[$t]}" != "${WALLCMD[$t]}" ]; then run "$t" inproc > "$OUT/$t.inproc.txt"; fi
done
LOAD_BEFORE=$(cut -d ' ' -f 1-3 /proc/loadavg 2> /dev/null || echo "?")
for ((i = 1; i <= RUNS; i++)); do
  say "round $i of $RUNS"
  for t in "${TOOLS[@]}"; do
    run "$t" wall "$OUT/measure" "$OUT/$t.wall" > /dev/null
    if [ "${INCMD[$t]}" = "${WALLCMD[$t]}" ]; then
      cat "$OUT/$t.err" >> "$OUT/$t.split"
    else
      run "$t" inproc > /dev/null
      cat "$OUT/$t.err" >> "$OUT/$t.split"
    fi
  done
done

if ! cmp -s "$OUT/parallax.txt" "$OUT/parallax.inproc.txt"; then
  say "warning: bench/px_split writes other sentences than parallax sentences (bench/out/parallax*.txt)"
fi

# ---- the table -----------------------------------------------------------
declare -A WALL CPUT SPLIT RSS SENT
for t in "${TOOLS[@]}"; do
  WALL[$t]=$(median "$OUT/$t.wall" 1)
  CPUT[$t]=$(median "$OUT/$t.wall" 4)
  RSS[$t]=$(median "$OUT/$t.wall" 2)
  SPLIT[$t]=$(json_field "$OUT/$t.split" split_s > "$OUT/$t.split_s" && median "$OUT/$t.split_s" 1)
  SENT[$t]=$(wc -l < "$OUT/$t.txt" | tr -d ' ')
done
CLEAN=$(json_field "$OUT/parallax.split" clean_s > "$OUT/parallax.clean_s" && median "$OUT/parallax.clean_s" 1)

pkgver() { node -p "require('$BENCH/node_modules/$1/package.json').version"; }
NODE_V=$(node --version)
SBD_V=$(pkgver sbd)
WINK_V=$(pkgver wink-nlp)
MODEL_V=$(pkgver wink-eng-lite-web-model)
PX_V=$("$PX" --version 2> /dev/null | awk 'NR == 1 { print $2 }')
CPU_MODEL=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2> /dev/null | head -n 1)
CPU_MODEL=${CPU_MODEL:-$(uname -m)}
LOAD_AFTER=$(cut -d ' ' -f 1-3 /proc/loadavg 2> /dev/null || echo "?")
NPROC=$(nproc)
KERNEL=$(uname -sr)
DATE=$(date -u '+%Y-%m-%d %H:%M UTC')

row() { # row TOOL LABEL
  awk -v mb="$MB" -v w="${WALL[$1]}" -v c="${CPUT[$1]}" -v s="${SPLIT[$1]}" -v r="${RSS[$1]}" \
    -v n="${SENT[$1]}" -v ws="${WALL[sbd]}" -v ss="${SPLIT[sbd]}" -v label="$2" 'BEGIN {
      printf "| %s | %s | %.3f | %.1f | %.3f | %.4f | %.1f | %.1f | %.1f× | %.1f× |\n",
        label, n, w, mb / w, c, s, mb / s, r / 1024, ws / w, ss / s }'
}
SPEEDUP=$(awk -v a="${WALL[sbd]}" -v b="${WALL[parallax]}" 'BEGIN { printf "%.1f", a / b }')
SPEEDUP_CPU=$(awk -v a="${CPUT[sbd]}" -v b="${CPUT[parallax]}" 'BEGIN { printf "%.1f", a / b }')
SPEEDUP_SPLIT=$(awk -v a="${SPLIT[sbd]}" -v b="${SPLIT[parallax]}" 'BEGIN { printf "%.1f", a / b }')
PX_MBS=$(awk -v mb="$MB" -v w="${WALL[parallax]}" 'BEGIN { printf "%.1f", mb / w }')
verdict() { awk -v x="$1" 'BEGIN { print (x >= 10 ? "met" : "not met") }'; }

SECTION=$OUT/sentences.md
{
  echo "<!-- sentences:begin -->"
  echo "<!-- Generated by bench/run.sh; edits between these markers are overwritten. -->"
  echo "## Sentence splitting"
  echo
  echo "Measured $DATE on $NPROC × $CPU_MODEL ($KERNEL); load average $LOAD_BEFORE before the"
  echo "timed runs, $LOAD_AFTER after (a busy machine slows every tool, node's more)."
  echo "Text: $BYTES bytes ($MB MB) of English news: $COPIES copies of $SOURCE."
  echo "Median of $RUNS runs per tool (one warm-up run each, then $RUNS rounds running every tool in"
  echo "turn); MB/s is 10^6 bytes per second."
  echo
  echo "| tool | sentences | wall (s) | MB/s wall | CPU (s) | split (s) | MB/s split | peak RSS (MiB) | × sbd wall | × sbd split |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  row parallax "parallax ${PX_V:-?} ($px_rev)"
  row sbd "sbd $SBD_V"
  row wink-nlp "wink-nlp $WINK_V + wink-eng-lite-web-model $MODEL_V"
  echo
  echo "Target (parallax ≥ 10× sbd's throughput): **$(verdict "$SPEEDUP") by wall time** (${SPEEDUP}×, $PX_MBS MB/s),"
  echo "**$(verdict "$SPEEDUP_CPU") by CPU time** (${SPEEDUP_CPU}×), **$(verdict "$SPEEDUP_SPLIT") by split time** (${SPEEDUP_SPLIT}×)."
  echo
  echo "- *wall*: the whole process (start-up, reading the file, splitting, writing one sentence"
  echo "  a line to /dev/null), timed from fork to wait4; node $NODE_V's start-up and module"
  echo "  loading count here. *CPU*: the process's user + system time (node uses more than one"
  echo "  thread). *peak RSS*: the process's max resident set size."
  echo "- *split*: the split call alone, timed in-process: \`px_doc_segment()\` (paragraphs,"
  echo "  then sentences) for parallax, via bench/px_split.c; \`sbd.sentences()\` on each"
  echo "  blank-line-separated paragraph (sbd does not end a sentence at a blank line by"
  echo "  itself; the cut is timed too); \`nlp.readDoc(text).sentences().out()\` for wink-nlp"
  echo "  with the pipe \`['sbd']\` (tokenisation and sentence boundaries, no POS tagger or NER)."
  echo "  parallax's wall time also covers cleaning the input (UTF-8 check, NFC:"
  echo "  $(awk -v c="$CLEAN" 'BEGIN { printf "%.4f", c }') s in-process), which the peers do not do."
  echo "- The sentence counts differ because the tools split differently (abbreviations,"
  echo "  quotes, headlines without a full stop); each tool's sentences are in"
  echo "  bench/out/TOOL.txt after a run."
  echo
  echo "Reproduce: \`make bench\` (or \`bash bench/run.sh\`; \`RUNS=9 bash bench/run.sh\` for more runs)."
  echo "<!-- sentences:end -->"
} > "$SECTION"

if [ "$DOC" = - ]; then
  cat "$SECTION"
  others
  exit 0
fi
write_doc_section sentences "$SECTION" "$DOC"
sed -n '/^| tool/,/^$/p' "$SECTION"
say "wrote ${DOC#"$ROOT"/}"
others
