#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerate the seeds of tests/fuzz/corpus that ptwalk itself makes:
#   image/  every arch's small machine saved as an ELF core (`save`), and
#           raw images cut from them
#   lab/    each exercise answered with the solver's answers, then checked
# The other seeds (script/, expr/, elf/) are written by hand; the script
# and ELF harnesses also start from testdata/golden/*.cmd and testdata/elf.
# usage: tests/fuzz/mkseeds.sh PTWALK
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/corpus"
mkdir -p image lab
for am in i386:16M i386-pae:16M x86_64:64M x86_64-la57:64M arm:16M \
	  arm64:64M; do
	a=${am%:*}
	"$bin" -q -a "$a" -m "${am#*:}" -e none -c "save image/$a.core" >/dev/null
done
# kdump-compressed (each compression, the 32-bit header, a filtered and a
# split dump), LiME and AVML seeds, written by build/mkdump from a core
mk=$(dirname "$bin")/mkdump
t=$(mktemp -d)
"$bin" -q -a i386 -m 48M -c "save $t/core" >/dev/null
for c in zlib lzo zstd; do
	"$mk" kdump "$t/core" "image/kdump-$c" -c "$c"
done
"$mk" kdump "$t/core" image/kdump-snappy -c snappy --split 0x1d94-0x1f00
"$mk" kdump "$t/core" image/kdump-32 -c lzo --32
"$mk" kdump "$t/core" image/kdump-d31 -d 31 -x 0x1d95-0x1da0
"$mk" kdump "$t/core" image/kdump-split -c zstd --split 0x1d94-0x1e00
"$mk" lime "$t/core" "$t/lime"
head -c 8224 "$t/lime" >image/lime
printf '\377\137\331\001' | dd of=image/lime bs=1 seek=16 conv=notrunc 2>/dev/null
"$mk" avml "$t/core" image/avml
rm -rf "$t"
# a raw image: the pages of a saved i386 core past its headers,
# for the raw loader to start from
dd if=image/i386.core of=image/raw-i386 bs=4096 skip=1 count=3 2>/dev/null
for n in $(seq 1 14); do
	out=$("$bin" -q --json -c "lab start $n; lab solve" 2>/dev/null | tail -n 1) || continue
	{
		echo "$n"
		echo "$out" | grep -o '{"q":[0-9]*,"answer":[^}]*}' |
			sed 's/{"q":\([0-9]*\),"answer":"*\([^"}]*\)"*}/answer \1 \2/'
		echo check
		echo show
	} >"lab/exercise-$n"
done
