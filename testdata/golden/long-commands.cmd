# args: -a x86_64 -m 2G --boot clean
# Long commands: settings for the progress line and the host memory
# limit; a 1G touch and a 512M vzalloc (cheap for the host: frames without
# data cost nothing) and their summaries; files that cannot be traced.
set progress off
set host-mem-limit 64M
set
set host-mem-limit 1
set host-mem-limit off
set host-mem-limit auto
set progress on
mmap 0 1G rw private,anonymous
touch $_ w 1G
vzalloc 512M
vfree $_
buddyinfo
trace .
trace nosuch.trace
translate -f .
