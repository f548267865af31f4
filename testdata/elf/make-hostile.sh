#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Write the hostile module objects of testdata/elf (hostile-*.ko) and the
# module with symbols (syms-x86_64.ko) from hostile_ko.c, which any C
# compiler builds (only <elf.h>).  The objects are committed; tests never
# need to run this.  tools/fixtures.sh runs it too.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
${CC:-cc} -O1 -o "$tmp/hostile_ko" "$here/hostile_ko.c"
"$tmp/hostile_ko" "$here" | sed "s|$here/|testdata/elf/|"
