# gen_manual.awk - turns docs/parallax.md into the man page (mode=man) or the
# --help text as C string literals, one line each followed by a comma, for an
# array initialiser (mode=help; one literal per line keeps each far below the
# 4095 characters C guarantees for a literal). One source, two outputs.
#   awk -v mode=man -v version=0.1.0 -f tools/gen_manual.awk docs/parallax.md > parallax.1
#   awk -v mode=help -f tools/gen_manual.awk docs/parallax.md > help.inc

function plain(s) { gsub(/\*\*/, "", s); gsub(/`/, "", s); return s }
function roff(s) {
  gsub(/\\/, "\\e", s)
  gsub(/-/, "\\-", s)
  while (match(s, /`[^`]*`/)) s = substr(s, 1, RSTART - 1) "\\fB" substr(s, RSTART + 1, RLENGTH - 2) "\\fR" substr(s, RSTART + RLENGTH)
  while (match(s, /\*\*[^*]*\*\*/)) s = substr(s, 1, RSTART - 1) "\\fB" substr(s, RSTART + 2, RLENGTH - 4) "\\fR" substr(s, RSTART + RLENGTH)
  if (s ~ /^[.']/) s = "\\&" s
  return s
}
function cstr(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\\n\"," }
function emit_help(s) { if (in_help) print cstr(s) }

BEGIN { in_comment = 0; in_help = 0; section = "" }
/^<!--/ { in_comment = 1 }
in_comment { if ($0 ~ /-->/) in_comment = 0; next }

/^# / {
  if (mode == "man") {
    print ".\\\" Generated from docs/parallax.md by tools/gen_manual.awk. Do not edit."
    print ".TH PARALLAX 1 \"\" \"parallax " version "\" \"User Commands\""
  }
  next
}
/^## / {
  section = substr($0, 4)
  in_help = (section ~ /\(help\)$/)
  sub(/ *\(help\)$/, "", section)
  if (mode == "man") print ".SH " toupper(section)
  else if (in_help) { if (printed) print cstr(""); print cstr(section ":"); printed = 1 }
  next
}
/^    / {
  line = substr($0, 5)
  if (mode == "man") { if (!in_code) print ".nf"; in_code = 1; print roff(line) }
  else emit_help("  " line)
  next
}
{ if (in_code && mode == "man") { print ".fi"; in_code = 0 } }
/^\* `/ {
  term = $0; sub(/^\* /, "", term)
  if (mode == "man") { print ".TP"; print roff(term) }
  else emit_help("  " plain(term))
  next
}
/^  [^ ]/ {
  line = $0; sub(/^  /, "", line)
  if (mode == "man") print roff(line)
  else emit_help("      " plain(line))
  next
}
/^$/ { if (mode == "man" && section != "") print ".PP"; next }
{ if (mode == "man") print roff($0); else emit_help("  " plain($0)) }
END { if (in_code && mode == "man") print ".fi" }
