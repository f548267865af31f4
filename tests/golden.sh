# SPDX-License-Identifier: GPL-3.0-or-later
# What every runner of the golden transcripts shares: tests/check.sh and the
# CLI tests that replay them source this file.
#
# golden_scratch TOP DIR
#	Copy TOP/testdata/golden to DIR/golden, beside copies of the testdata
#	folders the transcripts reach as ../NAME (../elf/demo-i386).  Run the
#	transcripts from DIR/golden: their relative paths stay the same, and
#	what they write (save image.core, > FILE) never lands in the source
#	tree.
#
# golden_args ARGS
#	Whether ARGS, a transcript's "# args: ..." line, may be used: it is
#	split into words at spaces and never given to the shell, so a word may
#	hold only letters, digits and - _ . / = , : +  (no quotes, no $, no
#	globs, no tabs).  Says why on stderr when it may not.  Then
#		set -f; set -- $ARGS; set +f
#	makes the words the positional parameters, for "$@".

GOLDEN_ARG_CHARS='A-Za-z0-9_./=,:+-'

golden_scratch() {
	rm -rf "$2"
	mkdir -p "$2" || return 1
	cp -R "$1/testdata/golden" "$2/golden" || return 1
	# (the variables of a sourced function are the caller's: unusual names)
	for golden_dir in $(grep -ho '\.\./[A-Za-z0-9_-]*' "$1"/testdata/golden/*.cmd | sort -u); do
		golden_dir=${golden_dir#../}
		if [ -d "$1/testdata/$golden_dir" ] && [ ! -e "$2/$golden_dir" ]; then
			cp -R "$1/testdata/$golden_dir" "$2/$golden_dir" || return 1
		fi
	done
}

golden_args() {
	case $1 in
	*[!\ $GOLDEN_ARG_CHARS]*)
		echo "'# args: $1' holds more than words of $GOLDEN_ARG_CHARS" >&2
		return 1
		;;
	esac
	return 0
}
