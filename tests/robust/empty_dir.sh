#!/usr/bin/env bash
# A directory with no readable files, beside a good file: an empty directory,
# and one holding only hidden files and sidecars (CI runs as root, so an
# unreadable file would still be readable). One error naming the directory, exit 1.
. "$(dirname "$0")/common.bash"

mkdir empty
analyze_beside "empty directory" empty
expect_status 1
expect_stderr 'parallax: empty: no readable files in directory'
expect_docs 1
expect_doc good

mkdir -p only-hidden/.git
printf 'A hidden article\n\nNot read.\n' > only-hidden/.draft.txt
printf 'Hidden too\n\nNot read.\n' > only-hidden/.git/HEAD.txt
printf '{"source": "Example"}\n' > only-hidden/story.meta.json
analyze_beside "directory of hidden files and sidecars" only-hidden
expect_status 1
expect_stderr 'parallax: only-hidden: no readable files in directory'
expect_docs 1
expect_doc good

# Empty subdirectories only: still nothing to read, still one line.
mkdir -p nested/a/b nested/c
analyze_beside "directory of empty directories" nested/
expect_status 1
expect_stderr 'parallax: nested/: no readable files in directory'
expect_docs 1
expect_doc good
pass
