# args: --arch arm --kernel 5.x --mem 256M
layout; machine; walk 0xc0008000; pte 0xffff0000; virt_to_fix 0xffc00000; page 0x60000
