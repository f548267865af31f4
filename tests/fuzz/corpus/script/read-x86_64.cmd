# args: --arch x86_64 --mem 256M
layout; machine; cpus; walk 0xffff888000000000; pte 0xffffffff81000000
pa 0xffff888000100000; va 0x100000; virt_to_page 0xffff888000100000
buddyinfo; zoneinfo; slabinfo; vmallocinfo; maps; ps; whatis main; sym main
