#!/usr/bin/env bash
# A directory whose symbolic links point back at itself, beside a good file:
# each directory is read once (two links to "." once made 2^64 paths), one
# warning per skipped link, exit 0, no document twice.
. "$(dirname "$0")/common.bash"

mkdir -p loop/sub
printf 'Looped headline\n\nRead once only.\n' > loop/story.txt
ln -s . loop/a
ln -s .. loop/sub/up
ln -s ../sub loop/sub/self
analyze_beside "links back to the directory" loop
expect_status 0
expect_stderr 'parallax: loop/a: warning: directory already read \(a symbolic link\); skipped' \
  'parallax: loop/sub/self: warning: directory already read \(a symbolic link\); skipped' \
  'parallax: loop/sub/up: warning: directory already read \(a symbolic link\); skipped'
expect_docs 2
expect_doc good
expect_doc story

pass
