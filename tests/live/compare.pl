# compare.pl VAS QEMU PTWALK...: VAS holds one address a line, QEMU the
# monitor's answer to "gva2gpa VA" for each ("gpa: 0x..." or "Unmapped"),
# each PTWALK the output of ptwalk's "translate" of them all.  Prints, for
# each PTWALK file, how many translations agree with QEMU's and every one
# that does not.
use strict; no warnings 'portable';
my ($vas, $qemu, @pt) = @ARGV;
open(my $f, '<', $vas) or die "$vas: $!\n"; my @va = map { chomp; hex($_) } <$f>;
open($f, '<', $qemu) or die "$qemu: $!\n"; my @q = map { /^gpa: (0x[0-9a-f]+)/ ? hex($1) : -1 } <$f>;
die "QEMU answered " . scalar(@q) . " of " . scalar(@va) . " gva2gpa\n" if @q != @va;
for my $p (@pt) {
	my (%t, $bad, $mapped);
	open($f, '<', $p) or die "$p: $!\n";
	while (<$f>) { $t{hex($1)} = $2 eq 'fault' ? -1 : hex($2) if /^(0x[0-9a-f]+) -> (0x[0-9a-f]+|fault)/; }
	for my $i (0 .. $#va) {
		my $w = exists $t{$va[$i]} ? $t{$va[$i]} : -2;
		$mapped++ if $q[$i] >= 0;
		next if $w == $q[$i];
		$bad++;
		printf "%s: va 0x%x: ptwalk %s, gva2gpa %s\n", $p =~ s|.*/||r, $va[$i],
			$w == -2 ? "no answer" : $w < 0 ? "unmapped" : sprintf("0x%x", $w),
			$q[$i] < 0 ? "unmapped" : sprintf("0x%x", $q[$i]);
	}
	printf "%s: %d addresses (%d mapped): %s\n", $p =~ s|.*/||r, scalar(@va),
		$mapped, $bad ? "$bad disagree" : "all agree with gva2gpa";
}
