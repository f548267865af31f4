# The pager: at the prompt (stdin and stdout terminals: a pseudo-terminal
# made by script(1)), output longer than the screen goes through $PAGER;
# shorter output, 'set pager off', --no-pager, PAGER=cat and '| CMD' do
# not use it; a pager that quits early or cannot run loses nothing.
d=$(mktemp -d)
cat > $d/pg <<'PG'
#!/bin/sh
n=$(wc -l)
echo "[the pager got $n lines]"
PG
chmod +x $d/pg
# commands typed at a 10-line screen; the transcript from the first prompt
run() {
	printf '%s\n' "$@" quit > $d/in
	script -qec "stty rows 10 cols 80; $PTWALK -q $OPTS" /dev/null <$d/in 2>&1 |
		tr -d '\r' | sed -n '/^ptwalk> /,$p' | sed "s|$d/||g"
}
export TERM=dumb PAGER=$d/pg
unset PTWALK_PAGER LESS
OPTS=
echo "== long output through the pager, short output not"
run 'x/64wx PAGE_OFFSET' 'x/4wx PAGE_OFFSET' 'set pager off' 'x/40wx PAGE_OFFSET'
echo "== '| CMD' and '> FILE' instead of the pager"
run 'x/64wx PAGE_OFFSET | wc -l' "x/64wx PAGE_OFFSET > $d/x" 'echo done'
wc -l < $d/x
echo "== --no-pager"
OPTS=--no-pager run 'x/40wx PAGE_OFFSET' | tail -n 2
echo "== PAGER=cat: no pager"
PAGER=cat run 'x/40wx PAGE_OFFSET' | tail -n 2
echo "== PTWALK_PAGER first"
PTWALK_PAGER="$d/pg" PAGER=false run 'x/64wx PAGE_OFFSET'
echo "== a pager that quits early: ptwalk goes on"
PAGER='head -n 1' run 'x/16384wx PAGE_OFFSET' 'echo alive'
echo "== a pager that cannot run: a warning, and the output here"
PAGER=$d/nosuchpager run 'x/64wx PAGE_OFFSET' 'echo alive' | sed 's/^sh: [0-9]*: /sh: /' | sed -n '1,3p;/warning/p;$p'
rm -rf "$d"
