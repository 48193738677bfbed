# manual.sh - the man page is generated beside the binary, and --help and the
# man page list the same options (both come from docs/parallax.md), which the
# binary accepts.
source "$(dirname "$0")/lib.bash"

MAN=$PX_DIR/parallax.1
STEP="man page"
[ -s "$MAN" ] || fail "$MAN was not generated"
grep -q '^\.TH PARALLAX 1 ' "$MAN" || fail "no .TH PARALLAX 1 header"
for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS 'EXIT STATUS'; do
  grep -q "^\\.SH $section\$" "$MAN" || fail "no section $section"
done
"$PX" --version > version.txt
v=$(sed -n 's/^parallax \([0-9.]*\) .*/\1/p' version.txt)
grep -q "^\\.TH .*\"parallax $v\"" "$MAN" || fail "the man page is not for version $v"

# groff, where present, reads it without warnings
if command -v groff > /dev/null 2>&1; then
  groff -z -man -ww "$MAN" 2> groff.err || fail "groff failed"
  [ ! -s groff.err ] || fail "groff warnings: $(head -5 groff.err)"
fi

# Long options: the man page writes them as \-\-name (and \fB...\fR around terms).
sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' "$MAN" | grep -oE -- '--[a-z][a-z-]*' | sort -u > man.opts
"$PX" --help > help.txt
grep -oE -- '--[a-z][a-z-]*' help.txt | sort -u > help.opts
[ -s man.opts ] || fail "no options found in the man page"
STEP="--help vs man page"
missing=$(comm -23 help.opts man.opts | tr '\n' ' ')
[ -z "$missing" ] || fail "in --help but not in the man page: $missing"
missing=$(comm -13 help.opts man.opts | tr '\n' ' ')
[ -z "$missing" ] || fail "in the man page but not in --help: $missing"

# The OPTIONS sections list the same options, short ones included.
sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' "$MAN" |
  awk '/^\.SH /{on = ($0 == ".SH OPTIONS")} on && prev == ".TP" {print} {prev = $0}' |
  grep -oE -- '(^|[ ,])--?[a-zA-Z][a-z-]*' | tr -d ' ,' | sort -u > man.section
awk '/^[A-Z][A-Z ]*:$/{on = ($0 == "OPTIONS:")} on && /^  -/' help.txt |
  grep -oE -- '(^|[ ,])--?[a-zA-Z][a-z-]*' | tr -d ' ,' | sort -u > help.section
[ "$(wc -l < man.section)" -ge 12 ] || fail "too few options in the man page's OPTIONS: $(tr '\n' ' ' < man.section)"
cmp -s man.section help.section ||
  fail "OPTIONS differ: man [$(tr '\n' ' ' < man.section)] help [$(tr '\n' ' ' < help.section)]"

# Every documented option is one the binary knows.
STEP="options accepted"
while read -r opt; do
  "$PX" "$opt" > /dev/null 2> opt.err
  if grep -qE 'unrecognized option|invalid option' opt.err; then
    fail "documented option $opt is not accepted: $(head -1 opt.err)"
  fi
done < help.section
