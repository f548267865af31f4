# args: --arch arm64 --json
layout; machine; walk 0xffff000000000000; pte $_; xp/2g 0x40000000; fixmap; lsmod
