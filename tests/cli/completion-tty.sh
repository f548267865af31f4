# The completions in real shells, driven through a pseudo-terminal (script(1)
# from util-linux): Tab inside ptwalk -c "..." leaves the quote open, and
# --opt=VALUE completes.  Each case types a line and Tab, then Ctrl-T prints
# the edited line as [LINE] and Ctrl-A Ctrl-K clears it.
d=$(mktemp -d)
comp=$(cd ../../completions && pwd)
: >$d/guest.core
cases='ptwalk -c "wa\t
ptwalk -c '\''walk 1; tl\t
ptwalk -c "lab st\t
ptwalk --arch=x86_64-\t
ptwalk --kernel=6.1-r\t
ptwalk --command=wa\t
ptwalk -a x86_64-\t
ptwalk -c wa\t
ptwalk --image='$d'/gue\t
ptwalk --exec='$d'/gue\t'
keys() {
	printf '%s\n' "$cases" | while IFS= read -r c; do
		printf "$c"'\024\001\013'
	done
	printf 'exit\n'
}
cat >$d/rc.bash <<EOR
PS1='\$ '
. $comp/ptwalk.bash
bind -x '"\C-t": echo "[\$READLINE_LINE]"'
EOR
echo "bash:"
keys | TERM=dumb INPUTRC=/dev/null timeout 60 script -qec \
	"bash --noprofile --rcfile $d/rc.bash -i" /dev/null | tr -d '\r' | grep -a '^\[' |
	sed "s|$d/||"
# zsh is not on every machine: its cases run where it is, and say only
# what differs from bash
if command -v zsh >/dev/null; then
	cat >$d/.zshrc <<EOR
PS1='\$ '
bindkey -e
fpath=($comp \$fpath)
autoload -U compinit && compinit -u -d $d/.zcompdump
show() { zle -I; print -r -- "[\$BUFFER]"; }
zle -N show
bindkey '^T' show
EOR
	keys | TERM=dumb ZDOTDIR=$d timeout 60 script -qec "zsh -i" /dev/null |
		tr -d '\r' | grep -a '^\[' >$d/zsh.out
	keys | TERM=dumb INPUTRC=/dev/null timeout 60 script -qec \
		"bash --noprofile --rcfile $d/rc.bash -i" /dev/null |
		tr -d '\r' | grep -a '^\[' >$d/bash.out
	diff $d/bash.out $d/zsh.out | sed -n 's/^[<>]/zsh differs: &/p'
fi
rm -rf $d
