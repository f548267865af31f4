# roots on the real guests' dumps (testdata/images): the scan, blind to
# the notes' roots, must rank first the kernel's own table, whose address
# the VMCOREINFO (or arm's System.map) and QEMU's `info registers` give;
# --cr3 auto must pick it and say so; a LiME dump (no CR3, no notes read
# for roots) opens with --cr3 auto; an image with no page table makes
# roots say so and --cr3 auto fail; without symbols (arm64 as LiME) the
# table that maps kernel code wins.  Simulated riscv machines, saved,
# are found too, and arm64's user-space tables apart from the kernel's.
MKDUMP=$(dirname "$PTWALK")/mkdump
t=$(mktemp -d)
for n in x86_64 i386 i386-pae-1g arm64 arm; do
	xz -dc "../../testdata/images/$n.core.xz" >"$t/core"
	sym=
	[ $n = arm ] && { xz -dc ../../testdata/images/arm.System.map.xz >"$t/map"; sym="--symbols $t/map"; }
	opt=--cr3
	case $n in arm) opt=--ttbr0 ;; arm64) opt=--ttbr1 ;; esac
	echo "$n: swapper_pg_dir translates to $($PTWALK -q -i "$t/core" $sym -c 'translate swapper_pg_dir' | tail -n 1)"
	$PTWALK -q -i "$t/core" $sym $opt auto -c 'machine; roots -n 3' 2>&1 |
		grep -E '^(roots|cr3 |ttbr|kernel check|  [0-9a-z]+ )'
	# arm64's user-space tables (TTBR0): processes, not the kernel's
	[ $n = arm64 ] && $PTWALK -q -i "$t/core" -c 'roots --user -n 3' | sed -n 3,6p
done
echo "-- a LiME dump: no arch, no root"
xz -dc ../../testdata/images/x86_64.core.xz >"$t/core"
"$MKDUMP" lime "$t/core" "$t/lime"
$PTWALK -q -i "$t/lime" --arch x86_64 --cr3 auto -c 'machine; pa 0xffffffff81000000' 2>&1 |
	grep -E '^(roots|cr3 |\$)'
echo "-- arm64 as LiME: no VMCOREINFO, no symbols; the kernel's code ranks"
echo "   swapper_pg_dir above a table that maps more RAM, never-execute"
xz -dc ../../testdata/images/arm64.core.xz >"$t/core"
"$MKDUMP" lime "$t/core" "$t/lime"
$PTWALK -q -i "$t/lime" --arch arm64 --ttbr1 auto -c 'machine; roots -n 3' 2>&1 |
	grep -E '^(roots|ttbr|kernel check|  [0-9a-z]+ )'
echo "-- no page table at all"
dd if=/dev/zero of="$t/zero" bs=1M count=4 2>/dev/null
$PTWALK -q -i "$t/zero" --arch x86_64 --cr3 auto -c machine; echo "[exit $?]"
$PTWALK -q -i "$t/zero" --arch riscv32 --cr3 0 -c roots; echo "[exit $?]"
echo "-- simulated riscv machines, saved"
for a in riscv64 riscv32 riscv64-sv48; do
	$PTWALK -q -a $a -c "save $t/sim" >/dev/null
	echo "$a: __pa(swapper_pg_dir) $($PTWALK -q -i "$t/sim" -c 'pa swapper_pg_dir' | tail -n 1)"
	$PTWALK -q -i "$t/sim" --cr3 auto -c 'machine; roots' | grep -E '^(roots|satp |  0x[0-9a-f]* )'
done
rm -rf "$t"
