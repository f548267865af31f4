# args: --kernel 2.6
# The session commands: help, echo, set, source, values.
help
help walk
help vtop
help gfp
echo hello "quoted; text" # a comment
set
set verbose on
set verbose off
walk 0xc0000000; pa $_ + PAGE_OFFSET
translate $1 + PAGE_OFFSET $_ + PAGE_OFFSET
va $2
source include.cmd
help nosuchcmd
quit
echo not reached
