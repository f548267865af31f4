#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make bench: print throughput figures (never asserted).
build=${1:-build}
echo "ptwalk benchmarks on $(uname -m), $(nproc) CPUs ($(date -u +%Y-%m-%d))"
shift; PTWALK="$build/ptwalk" "$build/ptwalk-bench" "$@" 2>&1
