# Set registers of a stopped QEMU's vCPU through its gdbstub:
# gdbset.pl SOCKET N=VALUE... with N the stub's register number (hex) and
# VALUE a 64-bit value (hex); prints the stub's answer to each.  QEMU
# serves registers only to a client that read the target description.
use strict; use IO::Socket::UNIX;
my ($path, @regs) = @ARGV;
my $s = IO::Socket::UNIX->new(Peer => $path) or die "gdbset: $!\n";
my $buf = '';
sub pkt { my $d = shift; my $c = 0; $c += ord($_) for split //, $d;
	print $s sprintf('$%s#%02x', $d, $c % 256); }
sub rd { while (1) { if ($buf =~ s/^[^\$]*\$([^#]*)#..//) { print $s '+';
		my $r = $1; next if $r =~ /^T/; return $r; }
	sysread($s, my $c, 65536) or die "gdbset: the stub went away\n"; $buf .= $c; } }
for my $c ('qSupported:xmlRegisters=i386', 'qXfer:features:read:target.xml:0,fe0', 'Hg1') {
	pkt($c); rd(); }
for my $r (@regs) {
	my ($n, $v) = split /=/, $r;
	my $le = join '', map { sprintf '%02x', (hex($v) >> (8 * $_)) & 0xff } 0 .. 7;
	pkt("P$n=$le"); print "$n: ", rd(), "\n";
}
