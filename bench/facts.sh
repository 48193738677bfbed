#!/usr/bin/env bash
# bench/facts.sh - fact extraction benchmark: `parallax analyze` (every fact
# layer: quantities, times, entities, quotes) against npm's compromise
# (people, places, organisations, numbers) and chrono-node (dates), over the
# same documents in one run.
#
#   make bench            (bench/run.sh runs this after the other benchmarks)
#   bash bench/facts.sh   (this benchmark alone)
#
# The documents: the articles of the sentence benchmark's text (the
# reference corpus's texts and the extraction set's article bodies, or
# examples/*.txt without ../shared), one document each, repeated until they
# make BENCH_MIN_BYTES together, written as JSON Lines ({"id", "published",
# "text"}) into bench/out/facts/docs.jsonl by bench/make_docs.js. Every tool
# reads that file and analyses each document on its own, relative dates
# resolved against the document's "published". Builds parallax in Release
# mode (build-bench/, unless bench/run.sh hands over its build), installs the
# pinned node peers (bench/package.json + package-lock.json), then times
# each tool FACTS_RUNS times (median reported) and writes the results into
# docs/benchmarks.md between the facts markers. Not a test.
#
# The tools (parallax's processes pinned to one CPU, taskset -c FACTS_CPU,
# when taskset is there, since its target is for one core; the node peers
# are left free to use every CPU for their compiler and collector threads,
# which makes them faster than pinned: the comparison favours them):
#   parallax-cli  `parallax analyze --jobs 1 --format json -o /dev/null
#                 docs.jsonl`: read, analyse, render the JSON (text and fact
#                 layers) on one thread
#   parallax-cli-all  the same with --jobs NPROC, not pinned: every CPU (shown
#                 for information; only where the CLI has --jobs)
#   parallax      bench/px_facts.c: px_ingest_path(), then per document
#                 px_doc_segment() (with tokens) and px_doc_analyze()
#   compromise    bench/compromise.js: per document nlp(text), .people(),
#                 .places(), .organizations() (.out('array')), .numbers().get()
#   chrono-node   bench/chrono.js: per document chrono.parse(text, published)
# Two times per tool: wall (the whole process, start-up included;
# bench/measure.c, which also gives the CPU time and the peak RSS) and
# analysis (timed in-process: the sum over documents of the analysis calls
# above; reading the input and writing the results are not in it). The
# combined peers (compromise + chrono-node, which do a part of the job each)
# are reported as the sum of the two.
#
# Environment:
#   FACTS_RUNS=N       timed rounds (default: RUNS, else 5)
#   BENCH_MIN_BYTES=N  minimum size of the documents' texts (default 4 MiB)
#   FACTS_REF_DATE=D   publication date of the documents that give none
#                      (default 2020-01-15)
#   FACTS_CPU=N        the CPU every process is pinned to (default 0)
#   SHARED=DIR         the shared data (default: ../shared beside the repo)
#   BENCH_DOC=FILE     where to write the table (default docs/benchmarks.md);
#                      BENCH_DOC=- prints it only
#   BENCH_REV=COMMIT   build parallax from that commit (git archive) rather
#                      than from the working tree
#   PX_BUILD, PX_SRC, PX_REV   a Release build of parallax, its source tree
#                      and revision (bench/run.sh hands over its own build)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
OUT=$BENCH/out
FOUT=$OUT/facts
RUNS=${FACTS_RUNS:-${RUNS:-5}}
MIN_BYTES=${BENCH_MIN_BYTES:-4194304}
REF_DATE=${FACTS_REF_DATE:-2020-01-15}
CPU=${FACTS_CPU:-0}
SHARED=${SHARED:-$ROOT/../shared}
DOC=${BENCH_DOC:-$ROOT/docs/benchmarks.md}

say() { printf 'bench: facts: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

case $RUNS in '' | *[!0-9]*) die "FACTS_RUNS must be a number, not '$RUNS'" ;; esac
[ "$RUNS" -ge 1 ] || die "FACTS_RUNS must be at least 1"
case "$ROOT" in *[[:space:]]*) die "the checkout's path must not contain white space" ;; esac
mkdir -p "$FOUT"

# ---- node, the peers, the build tools ------------------------------------
need_node_peers compromise chrono-node
for tool in cmake cc pkg-config; do
  command -v "$tool" > /dev/null || die "$tool is missing (make deps installs the build tools)"
done

# ---- the documents -------------------------------------------------------
DOCS=$FOUT/docs.jsonl
if ! made=$(node "$BENCH/make_docs.js" "$DOCS" "$MIN_BYTES" "$SHARED" "$ROOT/examples" "$REF_DATE"); then
  say "no text to benchmark: neither $SHARED nor examples/*.txt; skipped"
  exit 0
fi
read -r N_DOCS BYTES COPIES DOC_MEDIAN SOURCE <<< "$made"
MB=$(awk -v b="$BYTES" 'BEGIN { printf "%.2f", b / 1e6 }')
say "$N_DOCS documents, $BYTES bytes ($COPIES copies of $SOURCE)"

# ---- parallax (Release), px_facts, measure -------------------------------
BUILD=${PX_BUILD:-}
SRC=${PX_SRC:-$ROOT}
if [ -z "$BUILD" ]; then
  build_bench_parallax
else
  px_rev=${PX_REV:-unknown}
fi
PX=$BUILD/parallax
[ -x "$PX" ] || die "no parallax in $BUILD"
[ -x "$OUT/measure" ] && [ "$OUT/measure" -nt "$BENCH/measure.c" ] ||
  cc -O2 -std=c17 -o "$OUT/measure" "$BENCH/measure.c" || die "cannot build bench/measure.c"
# shellcheck disable=SC2046 # word splitting of the link flags is intended
cc -O2 -std=c17 -D_POSIX_C_SOURCE=200809L -I"$SRC/include" -o "$OUT/px_facts" "$BENCH/px_facts.c" -L"$BUILD" \
  $(PKG_CONFIG_PATH=$BUILD pkg-config --static --libs parallax) -lpthread ||
  die "cannot build bench/px_facts.c"

# ---- timing --------------------------------------------------------------
# parallax runs on one CPU; the node peers may use every CPU (see above).
PIN=()
PINNED="parallax not pinned to a CPU (no taskset; it runs on one thread)"
if command -v taskset > /dev/null && taskset -c "$CPU" true 2> /dev/null; then
  PIN=(taskset -c "$CPU")
  PINNED="parallax pinned to one CPU (taskset -c $CPU), the node peers free to use all $(nproc)"
fi

TOOLS=(parallax-cli parallax compromise chrono-node)
declare -A CMD
NPROC=$(nproc)
# Since --jobs, analyze runs a thread per CPU by default: one is asked for,
# and a run on every CPU is added (a build from before --jobs has one thread).
ONE_JOB=()
if "$PX" --help 2>&1 | grep -q -- --jobs; then
  ONE_JOB=(--jobs 1)
  if [ "$NPROC" -gt 1 ]; then
    TOOLS=(parallax-cli parallax-cli-all parallax compromise chrono-node)
    CMD[parallax-cli-all]="$PX analyze --jobs $NPROC --format json -o /dev/null $DOCS"
  fi
fi
CMD[parallax-cli]="$PX analyze ${ONE_JOB[*]} --format json -o /dev/null $DOCS"
CMD[parallax]="$OUT/px_facts $DOCS"
CMD[compromise]="node $BENCH/compromise.js $DOCS"
CMD[chrono-node]="node $BENCH/chrono.js $DOCS"

# run TOOL [measure RESULT] > out: one pass of a tool over every document
# (parallax's pinned); its JSON line (and any message) goes to TOOL.err.
# Stops the benchmark with the tool's messages when it fails.
run() {
  local t=$1 cmd
  # shellcheck disable=SC2206 # the commands are split at spaces on purpose
  cmd=(${CMD[$t]})
  case $t in parallax-cli-all) ;; parallax*) cmd=("${PIN[@]}" "${cmd[@]}") ;; esac
  if [ -n "${2:-}" ]; then cmd=("$2" "$3" "${cmd[@]}"); fi
  "${cmd[@]}" 2> "$FOUT/$t.err" || {
    cat "$FOUT/$t.err" >&2
    die "$t failed"
  }
}

# One warm-up pass of each tool keeps what it found (the node peers' JSON
# lines in bench/out/facts/TOOL.jsonl, parallax's JSON in parallax.json);
# then RUNS rounds run every tool once in turn, so that a burst of load on
# the machine hits every tool alike.
for t in "${TOOLS[@]}"; do
  say "$t: warm-up"
  case $t in
    parallax-cli) # its command, with the JSON kept
      "${PIN[@]}" "$PX" analyze "${ONE_JOB[@]}" --format json -o "$FOUT/parallax.json" "$DOCS" 2> "$FOUT/$t.err" || {
        cat "$FOUT/$t.err" >&2
        die "parallax analyze failed"
      } ;;
    parallax | parallax-cli-all) run "$t" ;;
    *) run "$t" > "$FOUT/$t.jsonl" ;;
  esac
  cp "$FOUT/$t.err" "$FOUT/$t.warmup.err"
  : > "$FOUT/$t.wall"
  : > "$FOUT/$t.inproc"
done
LOAD_BEFORE=$(cut -d ' ' -f 1-3 /proc/loadavg 2> /dev/null || echo "?")
for ((i = 1; i <= RUNS; i++)); do
  say "round $i of $RUNS"
  for t in "${TOOLS[@]}"; do
    run "$t" "$OUT/measure" "$FOUT/$t.wall" > /dev/null
    grep '^{' "$FOUT/$t.err" >> "$FOUT/$t.inproc" || true
  done
done
LOAD_AFTER=$(cut -d ' ' -f 1-3 /proc/loadavg 2> /dev/null || echo "?")

# ---- the tables ----------------------------------------------------------
declare -A WALL CPUT RSS ANA
for t in "${TOOLS[@]}"; do
  WALL[$t]=$(median "$FOUT/$t.wall" 1)
  CPUT[$t]=$(median "$FOUT/$t.wall" 4)
  RSS[$t]=$(median "$FOUT/$t.wall" 2)
  ANA[$t]=
  if [ "${t#parallax-cli}" = "$t" ]; then
    json_field "$FOUT/$t.inproc" analyze_s > "$FOUT/$t.analyze_s"
    ANA[$t]=$(median "$FOUT/$t.analyze_s" 1)
    [ -n "${ANA[$t]}" ] || die "$t printed no analyze_s (bench/out/facts/$t.err)"
  fi
done
# The combined peers: one pass of each, one after the other.
sum() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", a + b }'; }
WALL[peers]=$(sum "${WALL[compromise]}" "${WALL[chrono-node]}")
CPUT[peers]=$(sum "${CPUT[compromise]}" "${CPUT[chrono-node]}")
ANA[peers]=$(sum "${ANA[compromise]}" "${ANA[chrono-node]}")
RSS[peers]=$(awk -v a="${RSS[compromise]}" -v b="${RSS[chrono-node]}" 'BEGIN { print (a > b ? a : b) }')
PX_INGEST=$(json_field "$FOUT/parallax.inproc" ingest_s > "$FOUT/parallax.ingest_s" && median "$FOUT/parallax.ingest_s" 1)
PX_SEGMENT=$(json_field "$FOUT/parallax.inproc" segment_s > "$FOUT/parallax.segment_s" && median "$FOUT/parallax.segment_s" 1)
PX_FACTS=$(json_field "$FOUT/parallax.inproc" facts_s > "$FOUT/parallax.facts_s" && median "$FOUT/parallax.facts_s" 1)

count() { json_field "$FOUT/$1.warmup.err" "$2" | head -n 1; } # count TOOL FIELD
PX_FOUND=0 # facts found by parallax, and the layers where it found none (stubs?)
PX_EMPTY=
for f in quantities times entities quotes; do
  n=$(count parallax "$f")
  PX_FOUND=$((PX_FOUND + n))
  if [ "$n" -eq 0 ]; then PX_EMPTY="$PX_EMPTY${PX_EMPTY:+, }$f"; fi
done

pkgver() { node -p "require('$BENCH/node_modules/$1/package.json').version"; }
NODE_V=$(node --version)
COMPROMISE_V=$(pkgver compromise)
CHRONO_V=$(pkgver chrono-node)
PX_V=$("$PX" --version 2> /dev/null | awk 'NR == 1 { print $2 }')
CPU_MODEL=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2> /dev/null | head -n 1)
CPU_MODEL=${CPU_MODEL:-$(uname -m)}
KERNEL=$(uname -sr)
DATE=$(date -u '+%Y-%m-%d %H:%M UTC')

row() { # row TOOL LABEL
  awk -v mb="$MB" -v w="${WALL[$1]}" -v c="${CPUT[$1]}" -v a="${ANA[$1]}" -v r="${RSS[$1]}" \
    -v cw="${WALL[compromise]}" -v ca="${ANA[compromise]}" -v label="$2" 'BEGIN {
      if (a == "") ana = "| – | – | – |"
      else ana = sprintf("| %.3f | %.2f | %.1f× |", a, mb / a, ca / a)
      printf "| %s | %.3f | %.3f | %.2f | %.1f× %s %.1f |\n", label, w, c, mb / w, cw / w, ana, r / 1024 }'
}
crow() { # crow LABEL NUMBERS DATES PEOPLE PLACES ORGANISATIONS GROUPS QUOTES
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$@"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
mbs() { awk -v mb="$MB" -v s="$1" 'BEGIN { printf "%.2f", mb / s }'; }
verdict() { awk -v x="$1" -v min="$2" 'BEGIN { print (x >= min ? "met" : "not met") }'; }
MBS_CLI=$(mbs "${WALL[parallax-cli]}")
MBS_CPU=$(mbs "${CPUT[parallax-cli]}")
MBS_ANA=$(mbs "${ANA[parallax]}")
X_CLI=$(ratio "${WALL[compromise]}" "${WALL[parallax-cli]}")
X_CPU=$(ratio "${CPUT[compromise]}" "${CPUT[parallax-cli]}")
X_ANA=$(ratio "${ANA[compromise]}" "${ANA[parallax]}")
XP_CLI=$(ratio "${WALL[peers]}" "${WALL[parallax-cli]}")
XP_ANA=$(ratio "${ANA[peers]}" "${ANA[parallax]}")
CHRONO_X=$(ratio "${ANA[chrono-node]}" "${ANA[parallax]}")

SECTION=$FOUT/facts.md
{
  echo "<!-- facts:begin -->"
  echo "<!-- Generated by bench/facts.sh; edits between these markers are overwritten. -->"
  echo "## Fact extraction"
  echo
  echo "Measured $DATE on $NPROC × $CPU_MODEL ($KERNEL); load average $LOAD_BEFORE before the"
  echo "timed runs, $LOAD_AFTER after (a busy machine slows every tool);"
  echo "$PINNED."
  echo "Documents: $N_DOCS ($BYTES bytes, $MB MB of text; median article $DOC_MEDIAN bytes): $COPIES copies of"
  echo "$SOURCE, one document each, as JSON Lines. Relative dates resolve against each document's date"
  echo "(its sidecar's, else $REF_DATE). Median of $RUNS runs per tool (one warm-up run each, then $RUNS"
  echo "rounds running every tool in turn); MB/s is 10^6 bytes of text per second."
  echo
  if [ "$PX_FOUND" -eq 0 ]; then
    echo "**parallax found no fact at this commit: its extractors were stubs, so its times are those of"
    echo "the pipeline around them (reading, segmenting, rendering), not of fact extraction, and the"
    echo "verdicts below say nothing yet.**"
    echo
  elif [ -n "$PX_EMPTY" ]; then
    echo "**parallax found no $PX_EMPTY at this commit (those extractors were stubs?): its times leave"
    echo "out the work of those layers.**"
    echo
  fi
  echo "| tool | wall (s) | CPU (s) | MB/s wall | × compromise wall | analysis (s) | MB/s analysis | × compromise analysis | peak RSS (MiB) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  row parallax-cli "parallax ${PX_V:-?} ($px_rev): \`parallax analyze --format json\`, one thread"
  if [ -n "${CMD[parallax-cli-all]:-}" ]; then
    row parallax-cli-all "parallax ${PX_V:-?} ($px_rev): the same with \`--jobs $NPROC\` (every CPU, not pinned)"
  fi
  row parallax "parallax ${PX_V:-?} ($px_rev): in-process, bench/px_facts.c"
  row compromise "compromise $COMPROMISE_V (node $NODE_V)"
  row chrono-node "chrono-node $CHRONO_V (node $NODE_V)"
  row peers "compromise + chrono-node (the two runs added)"
  echo
  echo "What each found (warm-up run; mentions, not distinct entities):"
  echo
  echo "| tool | numbers | dates and times | people | places | organisations | groups | quotes |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  crow "parallax" "$(count parallax quantities)" "$(count parallax times)" "$(count parallax people)" \
    "$(count parallax places)" "$(count parallax organisations)" "$(count parallax groups)" "$(count parallax quotes)"
  crow "compromise" "$(count compromise numbers)" – "$(count compromise people)" "$(count compromise places)" \
    "$(count compromise organisations)" – –
  crow "chrono-node" – "$(count chrono-node dates)" – – – – –
  echo
  echo "Targets: parallax's \`analyze\` with every layer ≥ 5 MB/s on one core: **$(verdict "$MBS_CLI" 5) by the"
  echo "CLI's wall time** ($MBS_CLI MB/s), **$(verdict "$MBS_CPU" 5) by its CPU time** ($MBS_CPU MB/s), **$(verdict "$MBS_ANA" 5)"
  echo "by analysis time** ($MBS_ANA MB/s); ≥ 20× compromise's throughput on the same text: **$(verdict "$X_CLI" 20) by"
  echo "wall time** (${X_CLI}×), **$(verdict "$X_CPU" 20) by CPU time** (${X_CPU}×), **$(verdict "$X_ANA" 20) by analysis time**"
  echo "(${X_ANA}×). Against compromise and chrono-node together:"
  echo "${XP_CLI}× by wall time, ${XP_ANA}× by analysis time; against chrono-node alone (dates only),"
  echo "${CHRONO_X}× by analysis time."
  echo
  echo "- *wall*: the whole process, start-up included, timed from fork to wait4 (bench/measure.c);"
  echo "  for \`parallax analyze\` that is reading the JSON Lines (UTF-8 check, NFC), analysing and"
  echo "  writing the JSON (text and fact layers) to /dev/null. *CPU*: user + system time (node's"
  echo "  compiler and collector threads run beside the script on the other CPUs: compromise pinned"
  echo "  to one CPU took about 1.4× as long when this benchmark was written, so leaving it free"
  echo "  favours it)."
  echo "  *peak RSS*: the max resident set size (for the two peers together, the larger)."
  echo "- *analysis*: timed in-process, the sum over documents of the analysis alone: for parallax"
  echo "  \`px_doc_segment()\` with tokens and \`px_doc_analyze()\` (bench/px_facts.c: of the"
  echo "  $(awk -v a="${ANA[parallax]}" 'BEGIN { printf "%.3f", a }') s, segmenting $(awk -v s="$PX_SEGMENT" 'BEGIN { printf "%.3f", s }') s and the fact layers $(awk -v f="$PX_FACTS" 'BEGIN { printf "%.3f", f }') s; reading the input, not"
  echo "  in it, $(awk -v i="$PX_INGEST" 'BEGIN { printf "%.3f", i }') s); for compromise \`nlp(text)\`, \`.people()\`, \`.places()\`,"
  echo "  \`.organizations()\` (each \`.out('array')\`) and \`.numbers().get()\` (bench/compromise.js); for"
  echo "  chrono-node \`chrono.parse(text, published)\` with each result's \`.start.date()\` (bench/chrono.js)."
  echo "- The tools do not do the same job: parallax also finds quotes and their speakers, group"
  echo "  actors, what a number counts and who claims it; compromise tags every word (its numbers"
  echo "  include years, ordinals and parts of names); chrono-node finds dates and times only. The"
  echo "  counts above are a sanity check, not a score (the evaluation scores parallax on the gold)."
  echo "- What each tool found is in bench/out/facts/ after a run (parallax.json, compromise.jsonl,"
  echo "  chrono-node.jsonl)."
  echo
  echo "Reproduce: \`make bench\` (or \`bash bench/facts.sh\` for this table alone;"
  echo "\`FACTS_RUNS=9 bash bench/facts.sh\` for more runs)."
  echo "<!-- facts:end -->"
} > "$SECTION"

if [ "$DOC" = - ]; then
  cat "$SECTION"
  exit 0
fi
write_doc_section facts "$SECTION" "$DOC"
sed -n '/^| tool/,/^$/p' "$SECTION"
say "wrote ${DOC#"$ROOT"/}"
