#!/usr/bin/env bash
# make install into a temporary prefix, then build a small program against the
# installed library with pkg-config and run it; also check the man page is installed.
set -euo pipefail
bin=$1
build=$(dirname "$bin")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
pc=$(find "$tmp/prefix" -name parallax.pc | head -1)
[ -n "$pc" ] || { echo "FAIL: parallax.pc not installed"; exit 1; }
[ -f "$tmp/prefix/share/man/man1/parallax.1" ] || { echo "FAIL: man page not installed"; exit 1; }
[ -x "$tmp/prefix/bin/parallax" ] || { echo "FAIL: CLI not installed"; exit 1; }
cat > "$tmp/use.c" <<'C'
#include <parallax.h>
#include <stdio.h>
#include <string.h>
int main(void) {
  const char text[] = "Officials met on Monday. They agreed.";
  px_span *s = NULL;
  int n = px_split_sentences(text, strlen(text), &s);
  printf("%s %d %s\n", px_version(), n, px_strerror(PX_EJSON));
  free(s);
  return n == 2 ? 0 : 1;
}
C
sed -i 's/#include <string.h>/#include <string.h>\n#include <stdlib.h>/' "$tmp/use.c"
export PKG_CONFIG_PATH=$(dirname "$pc")
cc -std=c17 -Wall -Werror $(pkg-config --cflags parallax) "$tmp/use.c" -o "$tmp/use" $(pkg-config --static --libs parallax)
out=$("$tmp/use")
echo "$out"
case "$out" in "$("$bin" --version | awk '{print $2}') 2 malformed JSON") echo "PASS" ;; *) echo "FAIL: $out"; exit 1 ;; esac
