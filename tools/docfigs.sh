#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The figures README.md shows, drawn by ptwalk itself (make docs writes
# them; make check redraws them and fails when they differ).
# usage: tools/docfigs.sh PTWALK DIR
set -eu
bin=$1
dir=$2
mkdir -p "$dir"
"$bin" -q -a arm --kernel 3.4 -c "layout --svg $dir/layout-arm-3.4.svg" >/dev/null
"$bin" -q -a x86_64 -c "vmalloc 100; walk \$_ --svg $dir/walk-x86_64.svg" >/dev/null
