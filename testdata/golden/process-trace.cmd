# args: --kernel 2.6
# trace: a file of accesses replayed through the MMU, then the same again
# (no faults the second time: every page is mapped, most are in the TLB);
# with 'set verbose on' every fault's steps show.
trace process-trace.trace
trace process-trace.trace
exec ../elf/demo-i386
set verbose on
trace process-trace.trace
set verbose off
trace nosuch.trace
trace process-i386.cmd
ps
