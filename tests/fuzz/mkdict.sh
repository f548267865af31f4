#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The dictionary of the script harness, from the binary and the command
# sources: command names and aliases, their options, the options of the
# command line, GFP flags, arch names, and the words commands take.
# usage: tests/fuzz/mkdict.sh PTWALK > tests/fuzz/script.dict
set -eu
bin=$1
cd "$(dirname "$0")/../.."
LC_ALL=C
export LC_ALL
{
	"$bin" -q -e none -c help | sed -n 's/^  \([A-Za-z_][A-Za-z0-9_]*\)  .*/\1/p'
	grep -ho '\.aliases = "[^"]*"' cmds/*.c | sed 's/.*"\(.*\)"/\1/' | tr ' ' '\n'
	# options of the commands and of the command line
	grep -ho '{ "-[-A-Za-z0-9]*"' cmds/*.c src/ui/options.c src/ui/cmd.c | sed 's/.*"\(.*\)"/\1/'
	grep -ho '^	{ "[a-z][-a-z0-9]*", *'"'"'\?.' src/ui/options.c |
		sed 's/^	{ "\([^"]*\)".*/--\1/'
	"$bin" -q -e none -c 'help gfp' | grep -o '\b_*GFP_[A-Z0-9_]*' 
	"$bin" -q -a nosuch 2>&1 | sed -n 's/.*choose one of: //p' | tr -d ',' | tr ' ' '\n'
	# the words commands and expressions take
	for w in r w x rw rx rwx none private shared anonymous fixed noreplace \
		growsdown noreserve PROT_READ PROT_WRITE PROT_EXEC MAP_PRIVATE \
		MAP_SHARED MAP_ANONYMOUS MAP_FIXED kernel user flush stats on off \
		json echo verbose bail tlb seed list start answer check show solve \
		'$_' '$$' '$1' '$2' '$cr3' '$ttbr0' '$ttbr1' '$cr2' '$far' \
		'x/4x' 'x/s' 'x/8b' 'x/2g' 'x/i' 'xp/g' 'write/b' 'write/w' \
		'<<' '>>' '0x' 'K' 'M' 'G' 'T' '0xc0000000' '0xffffffff' \
		'0xffff888000000000' '0xffffffff81000000' '0x8000000000000000' \
		'../elf/demo-i386' '../elf/demo-x86_64' '../elf/demo-arm' \
		'../elf/demo-arm64' '../elf/hello-i386.ko' '../elf/hello-x86_64.ko' \
		'../elf/hello-arm.ko' '../elf/hello-arm64.ko' '# args: --arch'; do
		echo "$w"
	done
} | grep -v '^$' | sort -u | sed 's/\\/\\\\/g; s/"/\\"/g; s/.*/"&"/'
