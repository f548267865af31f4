# trace: the format told by the content.  valgrind lackey (an M line is a
# load and a store; valgrind's ==PID== lines skipped), drcachesim's view
# (markers and prefetches skipped), r|w|x ADDR [SIZE] with expressions;
# accesses straddling a page boundary are one access, two lookups.
trace trace-lackey.trace
trace --vmas trace-lackey.trace
trace trace-dr.trace
trace trace-plain.trace
set json on
trace trace-plain.trace
trace --vmas trace-dr.trace
set json off
# bad lines: FILE:LINE, the replay stops with the statistics so far ...
trace trace-bad.trace
# ... or counts them and goes on; a SIGSEGV outside every VMA is counted
trace --keep-going trace-bad.trace
# the process lived on
ps
# an address wider than i386's 32 bits
trace trace-wide.trace
# binary data, and a file with no access at all: not a trace
trace --keep-going trace-binary.trace
trace --keep-going trace-notrace.trace
trace --every 0 --csv x.csv trace-plain.trace
trace --every 5 trace-plain.trace
