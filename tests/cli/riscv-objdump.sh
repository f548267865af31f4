# dis of RISC-V code against binutils' objdump (riscv64-linux-gnu-objdump,
# Debian binutils-riscv64-linux-gnu), instruction by instruction: the same
# addresses, lengths, mnemonics and operands, on every xv6 user program
# (read through the process's page table of --kernel xv6) and on the text
# of the real xv6 kernel in the guest dump (read through the guest's own
# table).  Written alike before comparing: objdump's spelling of the
# immediate forms (binutils 2.40 prints addi as add, slli as sll ...), its
# hex shift amounts and branch targets without 0x, and the "# address"
# notes, which the two place differently (objdump keeps a register's
# upper immediate across jumps and returns; ptwalk forgets it there).
OD=riscv64-linux-gnu-objdump
command -v $OD >/dev/null || { echo "$OD is missing (binutils-riscv64-linux-gnu)"; exit 1; }
t=$(mktemp -d)
# "ADDR LEN MNEMONIC OPERANDS" from objdump's lines or from ptwalk's
norm() {	# od|pt
	awk -v who="$1" '
	function dec(s,   n, i, c, neg) {
		neg = 0
		if (substr(s, 1, 1) == "-") { neg = 1; s = substr(s, 2) }
		if (s !~ /^0x[0-9a-f]+$/) return (neg ? "-" : "") s
		n = 0
		for (i = 3; i <= length(s); i++) {
			c = index("0123456789abcdef", substr(s, i, 1)) - 1
			n = n * 16 + c
		}
		return sprintf("%s%.0f", neg ? "-" : "", n)
	}
	BEGIN {
		split("addi:add addiw:addw andi:and ori:or xori:xor slli:sll srli:srl srai:sra slliw:sllw srliw:srlw sraiw:sraw", a, " ")
		for (i in a) { split(a[i], p, ":"); alias[p[1]] = p[2] }
		split("j jal beq bne blt bge bltu bgeu beqz bnez blez bgez bltz bgtz bgt ble bgtu bleu", b, " ")
		for (i in b) br[b[i]] = 1
	}
	who == "od" && /^ *[0-9a-f]+:\t/ {
		n = split($0, f, "\t")
		if (n < 3) next
		gsub(/[ :]/, "", f[1]); addr = dec("0x" f[1])
		len = length(f[2]); sub(/ +$/, "", f[2]); len = length(f[2]) / 2
		mn = f[3]; ops = (n >= 4) ? f[4] : ""
		if (mn ~ /^\./) next
		if (mn in br) { k = split(ops, o, ","); if (o[k] !~ /^0x/) o[k] = "0x" o[k]; ops = o[1]; for (i = 2; i <= k; i++) ops = ops "," o[i] }
	}
	who == "pt" && /^  0x[0-9a-f]+ / {
		addr = dec($1); i = 2
		if ($i ~ /^</) i++
		len = 0
		while ($i ~ /^[0-9a-f][0-9a-f]$/) { len++; i++ }
		mn = $i; ops = ""
		for (i++; i <= NF; i++) ops = ops $i
		if (mn in alias) mn = alias[mn]
	}
	(who == "od" && /^ *[0-9a-f]+:\t/) || (who == "pt" && /^  0x[0-9a-f]+ /) {
		sub(/#.*/, "", ops); sub(/<.*/, "", ops); gsub(/ /, "", ops)
		k = split(ops, o, /[,()]/); out = ""
		for (i = 1; i <= k; i++) if (o[i] != "") out = out " " dec(o[i])
		print addr, len, mn out
	}'
}
compare() {	# what objdump-listing ptwalk-listing [end]
	lim=${4:-0x10000000000}
	norm od <"$2" | awk -v l=$((lim)) '$1 < l' | LC_ALL=C sort >"$t/od"
	norm pt <"$3" | awk -v l=$((lim)) '$1 < l' | LC_ALL=C sort >"$t/pt"
	n=$(wc -l <"$t/od")
	same=$(LC_ALL=C comm -12 "$t/od" "$t/pt" | wc -l)
	echo "$1: $n instructions, $same the same"
	LC_ALL=C comm -23 "$t/od" "$t/pt" | head -n 3 | sed 's/^/  objdump: /'
	LC_ALL=C comm -13 "$t/od" "$t/pt" | head -n 3 | sed 's/^/  ptwalk:  /'
}
# the xv6 programs, code at 0 in their own page tables
for p in _cat _echo _grep _init _ls _sh _wc; do
	f=../../testdata/xv6/$p
	$OD -d -w "$f" >"$t/od.txt"
	# .text's end, from objdump's section list
	end=$($OD -h "$f" | awk '$2 == ".text" { print "0x" $3 }')
	$PTWALK -q -a riscv64 --kernel xv6 -e $p \
		-c "dis 0 1000; dis \$_ 1000; dis \$_ 1000" >"$t/pt.txt" 2>&1
	compare "$p (text 0-$end)" "$t/od.txt" "$t/pt.txt" "$end"
done
# the guest's kernel text, KERNBASE to etext, read through its satp
xz -dc ../../testdata/xv6/guest.core.xz >"$t/core"
off=$(LC_ALL=C readelf -lW "$t/core" | awk '$1 == "LOAD" && $3 == "0x0000000080000000" { print $2 }')
etext=$(sed -n 's/^etext //p' ../../testdata/xv6/kernel.sym)
tail -c +$((off + 1)) "$t/core" | head -c $((etext - 0x80000000)) >"$t/ktext"
$OD -D -z -b binary -m riscv:rv64 --adjust-vma=0x80000000 "$t/ktext" >"$t/od.txt"
cmds="dis 0x80000000 1000"
i=0; while [ $i -lt 15 ]; do cmds="$cmds; dis \$_ 1000"; i=$((i + 1)); done
$PTWALK -q -a riscv64 -i "$t/core" --cr3 auto -c "$cmds" >"$t/pt.txt" 2>&1
compare "xv6 kernel 0x80000000-$etext" "$t/od.txt" "$t/pt.txt" "$etext"
# the trampoline, as the user page table maps it (MAXVA - PGSIZE)
$PTWALK -q -a riscv64 -i "$t/core" --cr3 auto -c 'dis 0x3ffffff000 6'
rm -rf "$t"
