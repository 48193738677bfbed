# version.sh - --version and -V print one line with the version and schema.
source "$(dirname "$0")/lib.bash"

for opt in --version -V; do
  run "$opt" "$opt"
  expect_status 0
  expect_err_empty
  [ "$(wc -l < out)" -eq 1 ] || fail "one line expected"
  expect_out '^parallax [0-9]+\.[0-9]+\.[0-9]+ \(schema parallax/1\)$'
done
# the version is the project's (CMakeLists.txt)
if [ -n "${PX_SOURCE_DIR:-}" ] && [ -f "$PX_SOURCE_DIR/CMakeLists.txt" ]; then
  v=$(sed -n 's/^project(parallax VERSION \([0-9.]*\).*/\1/p' "$PX_SOURCE_DIR/CMakeLists.txt")
  [ -n "$v" ] || fail "no version in CMakeLists.txt"
  expect_fixed out "parallax $v "
fi
