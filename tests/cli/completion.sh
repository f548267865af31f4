# The bash completion: options, their values, and in the argument of -c
# ptwalk's commands and then their first words (lab start, tlb flush ...).
bash -c '
. ../../completions/ptwalk.bash
t() {
	COMP_LINE=$1
	COMP_POINT=${#1}
	shift
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_ptwalk
	printf "%-28s -> %s\n" "$COMP_LINE" "${COMPREPLY[*]}"
}
t "ptwalk --ar" ptwalk --ar
t "ptwalk --arch x86" ptwalk --arch x86
t "ptwalk -c la" ptwalk -c la
t "ptwalk -c '"'"'lab " ptwalk -c "'"'"'lab "
t "ptwalk -c '"'"'lab s" ptwalk -c "'"'"'lab" s
t "ptwalk -c '"'"'lab s" ptwalk -c "'"'"'lab s"
t "ptwalk -c '"'"'walk 1; tlb f" ptwalk -c "'"'"'walk 1; tlb f"
t "ptwalk -c '"'"'walk " ptwalk -c "'"'"'walk "
t "ptwalk -c '"'"'lab start 1'"'"' --se" ptwalk -c "'"'"'lab start 1'"'"'" --se
# one match inside quotes: offered with one space and with two, so that
# readline inserts the word and a space and leaves the quote open
t "ptwalk -c \"wa" ptwalk -c "\"wa"
t "ptwalk -c wa" ptwalk -c wa
# --opt=VALUE, split at = (bash'"'"'s default COMP_WORDBREAKS) or not
t "ptwalk --arch=" ptwalk --arch =
t "ptwalk --arch=x86" ptwalk --arch = x86
t "ptwalk --kernel=6.1-r" ptwalk --kernel=6.1-r
t "ptwalk --va-bits=" ptwalk --va-bits =
t "ptwalk --command=wa" ptwalk --command = wa
'
