# Memory images on the command line: bad files get a clear message and
# exit 2, warnings go to stderr, and the file is never written.
run() { "$@" >out.$$.tmp 2>&1; rc=$?; sed -e "s|$t|TMP|g" out.$$.tmp | head -n 6 | sed 's/^/  /'; echo "  -> exit $rc"; rm -f out.$$.tmp; }
t=$(mktemp -d)
: >"$t/empty"
head -c 5000 /dev/zero >"$t/raw"
printf '\375' >"$t/xz"; printf '7zXZ\000\000' >>"$t/xz"
$PTWALK -q --arch x86_64 --mem 256M --boot clean -c "save $t/x.core" >/dev/null
head -c 2000 "$t/x.core" >"$t/cut.core"
echo "no such file:";         run $PTWALK -i "$t/none" -c machine
echo "empty file:";           run $PTWALK -i "$t/empty" -c machine
echo "compressed:";           run $PTWALK -i "$t/xz" -c machine
echo "raw without --arch:";   run $PTWALK -i "$t/raw" -c machine
echo "raw without root:";     run $PTWALK -i "$t/raw" --arch i386 -c machine
echo "raw, unaligned:";       run $PTWALK -i "$t/raw" --arch i386 --cr3 0 -c 'walk 0x1000'
echo "cr3 outside:";          run $PTWALK -i "$t/raw" --arch x86_64 --cr3 0x7000000 -c 'walk 0x1000'
echo "not a core:";           run $PTWALK -i /proc/self/exe -c machine
echo "--mem with --image:";   run $PTWALK -i "$t/x.core" --mem 1G -c machine
echo "--cr3 without --image:"; run $PTWALK --cr3 0x1000 -c machine
echo "truncated core:";       run $PTWALK -i "$t/cut.core" -c 'cpus'
echo "a saved core:";        run $PTWALK -i "$t/x.core" -c "pa 0xffff888000001000; va 0x2000; cpu 1"
# writes and a save leave the file as it was
sum1=$(cksum <"$t/x.core"); m1=$(stat -c %Y.%y "$t/x.core")
$PTWALK -q -i "$t/x.core" -c "xp/2gx 0x1000; save $t/y.core; save $t/x.core" >/dev/null 2>"$t/err"
sed "s|$t|TMP|g" "$t/err"
sum2=$(cksum <"$t/x.core"); m2=$(stat -c %Y.%y "$t/x.core")
[ "$sum1" = "$sum2" ] && [ "$m1" = "$m2" ] && echo "image unchanged after a save" || echo "IMAGE CHANGED"
w="walk 0xffff888000000000; walk 0xffffffff81000000; layout; xp/4gx 0x2800000"
$PTWALK -q -i "$t/x.core" -c "$w" >"$t/a" 2>&1
$PTWALK -q -i "$t/y.core" -c "$w" >"$t/b" 2>&1
cmp -s "$t/a" "$t/b" && echo "the saved copy walks the same" || echo "the saved copy differs"
rm -rf "$t"
