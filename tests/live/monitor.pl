# Talk to a QEMU monitor socket: monitor.pl SOCKET COMMAND... prints
# the output of each command; with no COMMAND, the commands are the lines
# of stdin.
use IO::Socket::UNIX; my $s = IO::Socket::UNIX->new(Peer => $ARGV[0]) or die "monitor: $!\n";
my @cmds = @ARGV[1..$#ARGV]; if (!@cmds) { @cmds = <STDIN>; chomp @cmds; }
my $buf=''; sub rd { my $b=''; while ($b !~ /\(qemu\) $/) { my $r = sysread($s, my $c, 65536); last unless $r; $b .= $c; } return $b; }
rd(); for my $c (@cmds) { print $s "$c\n"; my $o = rd(); $o =~ s/\r//g; $o =~ s/\e\[[0-9;]*[A-Za-z]//g; $o =~ s/^.*?\n//; $o =~ s/\(qemu\) $//; print $o; }
