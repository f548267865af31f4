# args: --kernel 2.6 -e none
# Processes on i386: exec of a fixture, its VMAs, demand paging through
# page faults (file pages, the zero page, anonymous pages, copy-on-write),
# symbols and disassembly, fork with copy-on-write, SIGSEGV, stack growth.
ps
exec ../elf/demo-i386 hello
maps
sym main
sym big
sym main + 5
sym 0x0804908b
# dis reads the text as a debugger does: the page stays unmapped until
# touch fetches from it
dis main 6
walk main
dis main+4 2
dis fork_and_write 8
touch main x
touch counter
x/1dw counter
write/w counter 43
x/1dw counter
touch big + 8192
pagemap big + 8192
touch big + 8192 w
pagemap big + 8192
touch big w 1M
ps
smaps --addr big
fork
pagemap counter
switch 2
pagemap counter
x/1dw counter
write/w counter 44
pagemap counter
x/1dw counter
switch 1
x/1dw counter
pagemap counter
touch counter w
touch start_stack - 128K w
touch start_stack - 200K w
maps
touch 0x1000
ps
touch main
exit 1
exit 2
ps
maps
