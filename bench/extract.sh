#!/usr/bin/env bash
# bench/extract.sh - HTML extraction benchmark: `parallax extract` against
# @mozilla/readability on jsdom and Debian's python3-readability, over the
# same pages in one run, each with its F1 on those pages.
#
#   make bench            (bench/run.sh runs this after the sentence benchmark)
#   bash bench/extract.sh (this benchmark alone)
#
# The pages are ../shared/eval/article-extraction/html/*.html (with
# ground-truth.json beside them); without them the benchmark says so and
# stops, leaving docs/benchmarks.md alone. Builds parallax in Release mode
# (build-bench/, unless bench/run.sh hands over its build), installs the
# pinned node peers (bench/package.json + package-lock.json) and Debian's
# python3-readability when missing, then times each tool EXTRACT_RUNS times
# (median reported) and writes the results table into docs/benchmarks.md
# between the extraction markers. Not a test.
#
# Every tool does the same work: for each page, read it, find the article and
# write its text to bench/out/extract/TOOL/ID.txt. The tools:
#   parallax-cli  `parallax extract PAGE > ID.txt`, a process per page, as one
#                 would run it by hand (each process timed by bench/measure.c;
#                 the shell loop around them is not counted)
#   parallax      bench/px_extract.c: px_ingest_path() with PX_FORMAT_HTML for
#                 each page in one process (what the CLI does, less start-up)
#   readability.js  bench/readability.js: new JSDOM(html, {url}), then
#                 new Readability(document).parse().textContent, in one node
#   python3-readability  bench/readability_py.py under /usr/bin/python3:
#                 Document(html, url=url).summary(), then lxml's text_content()
# Two times per tool: wall (the whole process, or the sum of the processes,
# start-up included; bench/measure.c) and extract (timed in-process: the sum
# over pages of read + parse + extract). Peak memory is the max RSS. The
# outputs are scored by the evaluation's own code: build*/eval_extraction
# --predictions DIR (tests/eval/eval_extraction.c, built here from source).
#
# Environment:
#   EXTRACT_RUNS=N   timed rounds (default 5)
#   SHARED=DIR       the shared data (default: ../shared beside the repo)
#   BENCH_DOC=FILE   where to write the table (default docs/benchmarks.md);
#                    BENCH_DOC=- prints it only
#   BENCH_REV=COMMIT build parallax from that commit (git archive) rather
#                    than from the working tree
#   PX_BUILD, PX_SRC, PX_REV   a Release build of parallax, its source tree
#                    and revision (bench/run.sh hands over its own build)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
OUT=$BENCH/out
XOUT=$OUT/extract
RUNS=${EXTRACT_RUNS:-5}
SHARED=${SHARED:-$ROOT/../shared}
DOC=${BENCH_DOC:-$ROOT/docs/benchmarks.md}
SET=$SHARED/eval/article-extraction
PY=/usr/bin/python3

say() { printf 'bench: extraction: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

case $RUNS in '' | *[!0-9]*) die "EXTRACT_RUNS must be a number, not '$RUNS'" ;; esac
[ "$RUNS" -ge 1 ] || die "EXTRACT_RUNS must be at least 1"
if [ ! -f "$SET/ground-truth.json" ] || [ ! -d "$SET/html" ]; then
  say "no pages: $SET (html/ and ground-truth.json) is absent; skipped"
  exit 0
fi
PAGES=("$SET"/html/*.html)
[ -f "${PAGES[0]}" ] || die "no pages in $SET/html"
case "$ROOT$SET" in *[[:space:]]*) die "the paths must not contain white space" ;; esac
mkdir -p "$XOUT"

# ---- node, npm, python3-readability --------------------------------------
as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo > /dev/null; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}
apt_install() {
  command -v apt-get > /dev/null || die "$* missing, and no apt-get to install it"
  say "installing $* (apt-get)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" > /dev/null
}
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then apt_install nodejs npm; fi
if ! "$PY" -c 'import readability, lxml.html' 2> /dev/null; then apt_install python3-readability; fi
"$PY" -c 'import readability, lxml.html' || die "$PY cannot import readability and lxml"
if [ ! -f "$BENCH/node_modules/.package-lock.json" ] ||
  [ "$BENCH/package-lock.json" -nt "$BENCH/node_modules/.package-lock.json" ] ||
  [ ! -d "$BENCH/node_modules/jsdom" ] || [ ! -d "$BENCH/node_modules/@mozilla/readability" ]; then
  say "installing jsdom and @mozilla/readability (npm ci)"
  (cd "$BENCH" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in bench/"
fi
for tool in cmake cc pkg-config; do
  command -v "$tool" > /dev/null || die "$tool is missing (make deps installs the build tools)"
done

# ---- parallax (Release), px_extract, measure, the scorer -----------------
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
cc -O2 -std=c17 -D_POSIX_C_SOURCE=200809L -I"$SRC/include" -o "$OUT/px_extract" "$BENCH/px_extract.c" -L"$BUILD" \
  $(PKG_CONFIG_PATH=$BUILD pkg-config --static --libs parallax) -lpthread ||
  die "cannot build bench/px_extract.c"
# The scorer is the working tree's (it has --predictions), built against the
# library being measured (it does not call it with --predictions).
# shellcheck disable=SC2046 # word splitting of the link flags is intended
cc -O2 -std=c17 -D_POSIX_C_SOURCE=200809L -I"$SRC/include" -o "$OUT/eval_extraction" "$ROOT/tests/eval/eval_extraction.c" -L"$BUILD" \
  $(PKG_CONFIG_PATH=$BUILD pkg-config --static --libs parallax) -lpthread ||
  die "cannot build tests/eval/eval_extraction.c"

# ---- timing --------------------------------------------------------------
N_PAGES=${#PAGES[@]}
BYTES=$(cat "${PAGES[@]}" | wc -c | tr -d ' ')
MB=$(awk -v b="$BYTES" 'BEGIN { printf "%.2f", b / 1e6 }')
say "$N_PAGES pages, $BYTES bytes"

# median and json_field: bench/lib.sh.

TOOLS=(parallax-cli parallax readability.js python3-readability)
declare -A CMD
CMD[parallax]="$OUT/px_extract $XOUT/parallax"
CMD[readability.js]="node $BENCH/readability.js $XOUT/readability.js"
CMD[python3-readability]="$PY $BENCH/readability_py.py $XOUT/python3-readability"

# run TOOL [measure RESULT]: one pass of a tool over every page, writing its
# texts to bench/out/extract/TOOL/; a tool's JSON line goes to TOOL.err. For
# parallax-cli, each process is measured into TOOL.pages and one line
# "WALL_SUM MAXRSS 0 CPU_SUM" is appended to RESULT.
run() {
  local t=$1 cmd
  mkdir -p "$XOUT/$t"
  if [ "$t" = parallax-cli ]; then
    : > "$XOUT/$t.pages"
    for page in "${PAGES[@]}"; do
      id=$(basename "$page" .html)
      "$OUT/measure" "$XOUT/$t.pages" "$PX" extract "$page" > "$XOUT/$t/$id.txt" 2> "$XOUT/$t.err" || {
        cat "$XOUT/$t.err" >&2
        die "parallax extract $page failed"
      }
    done
    if [ -n "${2:-}" ]; then
      awk '{ w += $1; c += $4; if ($2 > r) r = $2 } END { printf "%.6f %d 0 %.6f\n", w, r, c }' \
        "$XOUT/$t.pages" >> "$3"
    fi
    return
  fi
  # shellcheck disable=SC2206 # the commands are split at spaces on purpose
  cmd=(${CMD[$t]})
  if [ -n "${2:-}" ]; then cmd=("$2" "$3" "${cmd[@]}"); fi
  "${cmd[@]}" "${PAGES[@]}" 2> "$XOUT/$t.err" || {
    cat "$XOUT/$t.err" >&2
    die "$t failed"
  }
}

# One warm-up pass of each tool writes the texts that are scored; then RUNS
# rounds run every tool once in turn, so that a burst of load on the machine
# hits every tool alike.
for t in "${TOOLS[@]}"; do
  say "$t: warm-up"
  rm -rf "${XOUT:?}/$t"
  run "$t"
  cp "$XOUT/$t.err" "$XOUT/$t.warmup.err"
  : > "$XOUT/$t.wall"
  : > "$XOUT/$t.inproc"
done
LOAD_BEFORE=$(cut -d ' ' -f 1-3 /proc/loadavg 2> /dev/null || echo "?")
for ((i = 1; i <= RUNS; i++)); do
  say "round $i of $RUNS"
  for t in "${TOOLS[@]}"; do
    run "$t" "$OUT/measure" "$XOUT/$t.wall"
    if [ "$t" != parallax-cli ]; then grep '^{' "$XOUT/$t.err" >> "$XOUT/$t.inproc"; fi
  done
done
LOAD_AFTER=$(cut -d ' ' -f 1-3 /proc/loadavg 2> /dev/null || echo "?")

if ! diff -rq "$XOUT/parallax-cli" "$XOUT/parallax" > /dev/null; then
  say "warning: bench/px_extract writes other texts than parallax extract (bench/out/extract/parallax*/)"
fi

# ---- scores and the table ------------------------------------------------
declare -A WALL CPUT RSS EXT F1 P R FAILED
for t in "${TOOLS[@]}"; do
  WALL[$t]=$(median "$XOUT/$t.wall" 1)
  CPUT[$t]=$(median "$XOUT/$t.wall" 4)
  RSS[$t]=$(median "$XOUT/$t.wall" 2)
  if [ "$t" = parallax-cli ]; then
    EXT[$t]=
    FAILED[$t]=0
  else
    EXT[$t]=$(json_field "$XOUT/$t.inproc" extract_s > "$XOUT/$t.extract_s" && median "$XOUT/$t.extract_s" 1)
    FAILED[$t]=$(json_field "$XOUT/$t.warmup.err" failed)
  fi
  score=$("$OUT/eval_extraction" --predictions "$XOUT/$t" "$SHARED/eval") || die "scoring $t failed"
  read -r "F1[$t]" "P[$t]" "R[$t]" <<< "$(sed -n 's/.*F1 \([0-9.]*\) *P \([0-9.]*\) *R \([0-9.]*\).*/\1 \2 \3/p' <<< "$score")"
  [ -n "${R[$t]}" ] || die "cannot read the score of $t: $score"
done

pkgver() { node -p "require('$BENCH/node_modules/$1/package.json').version"; }
debver() { dpkg-query -W -f='${Version}' "$1" 2> /dev/null || echo "?"; }
NODE_V=$(node --version)
JSDOM_V=$(pkgver jsdom)
RJS_V=$(pkgver @mozilla/readability)
PY_V=$("$PY" -c 'import platform; print(platform.python_version())')
RPY_V=$(debver python3-readability)
LXML_V=$("$PY" -c 'import lxml.etree as e; print(".".join(map(str, e.LXML_VERSION[:3])), "on libxml2", ".".join(map(str, e.LIBXML_VERSION)))')
PX_V=$("$PX" --version 2> /dev/null | awk 'NR == 1 { print $2 }')
CPU_MODEL=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2> /dev/null | head -n 1)
CPU_MODEL=${CPU_MODEL:-$(uname -m)}
NPROC=$(nproc)
KERNEL=$(uname -sr)
DATE=$(date -u '+%Y-%m-%d %H:%M UTC')

row() { # row TOOL LABEL
  awk -v n="$N_PAGES" -v mb="$MB" -v w="${WALL[$1]}" -v c="${CPUT[$1]}" -v e="${EXT[$1]}" -v r="${RSS[$1]}" \
    -v f1="${F1[$1]}" -v p="${P[$1]}" -v rc="${R[$1]}" -v label="$2" 'BEGIN {
      if (e == "") ext = "| – | – | –"
      else ext = sprintf("| %.3f | %.1f | %.2f", e, n / e, mb / e)
      printf "| %s | %.3f | %.3f | %.1f | %.2f %s | %.1f | %s | %s | %s |\n",
        label, w, c, n / w, mb / w, ext, r / 1024, f1, p, rc }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
verdict() { awk -v x="$1" 'BEGIN { print (x >= 10 ? "met" : "not met") }'; }
X_CLI=$(ratio "${WALL[readability.js]}" "${WALL[parallax-cli]}")
X_WALL=$(ratio "${WALL[readability.js]}" "${WALL[parallax]}")
X_EXT=$(ratio "${EXT[readability.js]}" "${EXT[parallax]}")
RJS_PPS=$(awk -v n="$N_PAGES" -v w="${WALL[readability.js]}" 'BEGIN { printf "%.1f", n / w }')
failures() { # the pages a peer failed on, from its warm-up's messages
  local f=${FAILED[$1]:-0} what="readability or lxml"
  [ "$1" = readability.js ] && what="jsdom or Readability"
  [ "$f" -gt 0 ] 2> /dev/null || return 0
  echo "- $1 failed on $f page(s) ($what threw), scored as no output:"
  # shellcheck disable=SC2016 # the backquotes are Markdown's
  grep -v '^{' "$XOUT/$1.warmup.err" | sed 's/^[^:]*: /  `/; s/$/`/' | head -n 5
}

SECTION=$OUT/extraction.md
{
  echo "<!-- extraction:begin -->"
  echo "<!-- Generated by bench/extract.sh; edits between these markers are overwritten. -->"
  echo "## HTML extraction"
  echo
  echo "Measured $DATE on $NPROC × $CPU_MODEL ($KERNEL); load average $LOAD_BEFORE before the"
  echo "timed runs, $LOAD_AFTER after (the benchmark's own processes count in that, node's"
  echo "collector threads too; a busy machine slows every tool)."
  echo "Pages: the $N_PAGES pages of shared/eval/article-extraction/html ($BYTES bytes, $MB MB of HTML,"
  echo "all UTF-8). Median of $RUNS runs per tool (one warm-up run each, then $RUNS rounds running every"
  echo "tool in turn); MB/s is 10^6 bytes of HTML per second. F1, P and R: the outputs of the warm-up"
  echo "run scored by \`eval_extraction --predictions\` (tests/eval/eval_extraction.c, the metric of"
  echo "the article-extraction benchmark: word 4-gram shingles, means over pages)."
  echo
  echo "| tool | wall (s) | CPU (s) | pages/s wall | MB/s wall | extract (s) | pages/s extract | MB/s extract | peak RSS (MiB) | F1 | P | R |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  row parallax-cli "parallax ${PX_V:-?} ($px_rev): \`parallax extract\`, a process per page"
  row parallax "parallax ${PX_V:-?} ($px_rev): in-process, bench/px_extract.c"
  row readability.js "@mozilla/readability $RJS_V on jsdom $JSDOM_V (node $NODE_V)"
  row python3-readability "python3-readability $RPY_V (Python $PY_V, lxml $LXML_V)"
  echo
  echo "Target (parallax ≥ 10× readability.js's pages/s, readability.js at $RJS_PPS pages/s here):"
  echo "**$(verdict "$X_CLI") with a process per page** (${X_CLI}× by wall time, against one node process for every page),"
  echo "**$(verdict "$X_WALL") in one process** (${X_WALL}× by wall time), **$(verdict "$X_EXT") by extract time** (${X_EXT}×)."
  echo
  echo "- *wall*: the whole process, start-up included, timed from fork to wait4 (bench/measure.c); for"
  echo "  \`parallax extract\` the sum of its $N_PAGES processes (the shell loop around them is not counted)."
  echo "  *CPU*: user + system time. *peak RSS*: the max resident set size (for \`parallax extract\`,"
  echo "  that of its largest process)."
  echo "- *extract*: timed in-process, the sum over pages of reading the file, parsing it and"
  echo "  finding the article's text: \`px_ingest_path()\` with \`PX_FORMAT_HTML\` (bench/px_extract.c,"
  echo "  a new corpus per page); \`new JSDOM(html, {url})\` and \`new Readability(document).parse()\`"
  echo "  (bench/readability.js; jsdom runs no scripts and loads no resources); \`Document(html,"
  echo "  url=url).summary()\` and \`lxml.html.fromstring(summary).text_content()\`"
  echo "  (bench/readability_py.py). The peers get each page decoded as UTF-8 and the page's url"
  echo "  from ground-truth.json. Writing the texts is in the wall time only."
  failures readability.js
  failures python3-readability
  echo "- Each tool's texts are in bench/out/extract/TOOL/ID.txt after a run."
  echo
  echo "Reproduce: \`make bench\` (or \`bash bench/extract.sh\` for this table alone;"
  echo "\`EXTRACT_RUNS=9 bash bench/extract.sh\` for more runs)."
  echo "<!-- extraction:end -->"
} > "$SECTION"

if [ "$DOC" = - ]; then
  cat "$SECTION"
  exit 0
fi
write_doc_section extraction "$SECTION" "$DOC"
sed -n '/^| tool/,/^$/p' "$SECTION"
say "wrote ${DOC#"$ROOT"/}"
