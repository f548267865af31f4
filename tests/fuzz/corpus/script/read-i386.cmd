help walk; help gfp; echo reading only
layout; machine; cpus; fixmap
pa 0xc0100000; va 0x100000; virt_to_page 0xc0100000; page_to_pfn $_; pfn_to_page 0x100; page_address $_
fix_to_virt 3; virt_to_fix 0xfffff000; sym swapper_pg_dir; sym 0xc1000000
buddyinfo; zoneinfo; meminfo; page 0x100; slabinfo; slab kmalloc-64; vmallocinfo; lsmod
ps; maps; whatis 0xc0001000; xp/4x 0x1000; pte 0xc0000000; walk 0xc0001234; walk 0
lab list
