#!/bin/busybox sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# /init of the fixture guests (make-fixtures.sh puts it in the initramfs
# beside a static busybox).  It starts a few user processes with distinct
# mappings, lets the boot settle, prints the guest's own view of itself on
# the console between PTWALK-VIEW-BEGIN and PTWALK-VIEW-END (one "@@ NAME"
# line before each file or command output), then says PTWALK-READY and
# waits: the host stops the guest and dumps its memory while nothing runs
# but these processes.
/bin/busybox mount -t proc proc /proc
/bin/busybox --install -s /bin
PATH=/bin
export PATH
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mkdir -p /tmp
# the vmcoreinfo device needs the fw_cfg driver to learn where the
# kernel's VMCOREINFO note is (the guest writes it to etc/vmcoreinfo)
[ -f /qemu_fw_cfg.ko ] && insmod /qemu_fw_cfg.ko
# only emergencies on the console from now on: the view is not interleaved
# with kernel messages (the log itself keeps everything, see dmesg)
dmesg -n 1
# %pK pointers (vmallocinfo) are printed raw for a root with CAP_SYSLOG
# when kptr_restrict is 1 (0 would hash them); kallsyms below with 0
echo 1 >/proc/sys/kernel/kptr_restrict

# User processes, all waiting for ever.  A long sleep, started by init.
sleep 1000000000 &
# a shell running a loop (its child is a sleep)
sh -c 'while :; do sleep 1000000000; done' &
# a shell holding a 512 KiB string: malloc gives large blocks an anonymous
# mmap of their own, beside the [heap] of smaller ones
sh -c 'x=$(head -c 524288 /dev/zero | tr "\0" x); while :; do sleep 1000000000; done' &
# dd blocked writing into a pipe that nothing reads: its 2 MiB buffer is an
# anonymous mapping, every page of it written
dd if=/dev/zero bs=2M count=1 2>/dev/null | sleep 1000000000 &
# init's own child, started before the view so that the view lists it
sleep 1000000000 &
# late boot work (deferred probes, the first kworkers) settles
sleep 3

# a file the kernel does not have (no THP on arm) has no section
sec() {
	[ -e "$1" ] || return 0
	echo "@@ $1"
	cat "$1"
}

echo PTWALK-VIEW-BEGIN
for f in /proc/version /proc/cmdline /proc/meminfo /proc/zoneinfo \
	/proc/buddyinfo /proc/pagetypeinfo /proc/vmstat /proc/vmallocinfo \
	/proc/slabinfo /proc/iomem /proc/modules \
	/sys/kernel/mm/transparent_hugepage/enabled \
	/sys/kernel/mm/transparent_hugepage/defrag \
	/proc/sys/vm/min_free_kbytes /proc/sys/vm/lowmem_reserve_ratio; do
	sec "$f"
done
# ps lists itself (and the shell of this loop): those two are gone at dump
echo "@@ ps"
ps
echo "@@ ps -o pid,ppid,pgid,stat,vsz,rss,comm,args"
ps -o pid,ppid,pgid,stat,vsz,rss,comm,args
# every process, numerically; one that ended meanwhile is left out
for pid in $(ls /proc | grep '^[0-9][0-9]*$' | sort -n); do
	[ -d "/proc/$pid" ] || continue
	sec "/proc/$pid/maps"
	sec "/proc/$pid/status"
done
echo "@@ dmesg"
dmesg
# a sample of the symbols: every 200th line, the named ones and every
# module symbol
echo 0 >/proc/sys/kernel/kptr_restrict
echo "@@ /proc/kallsyms"
awk 'BEGIN {
	n = split("_text _stext _etext _sdata _edata __bss_start __bss_stop " \
		"_end __init_begin __init_end __start_rodata __end_rodata " \
		"__start_BTF __stop_BTF init_task init_mm jiffies jiffies_64 " \
		"schedule swapper_pg_dir init_top_pgt early_top_pgt " \
		"level4_kernel_pgt level3_kernel_pgt " \
		"page_offset_base vmalloc_base vmemmap_base phys_base " \
		"kimage_voffset memstart_addr vabits_actual " \
		"high_memory max_low_pfn max_pfn min_low_pfn totalram_pages " \
		"mem_map mem_section contig_page_data node_data " \
		"vmap_area_list vmap_area_root slab_caches kmalloc_caches " \
		"vmcoreinfo_data vmcoreinfo_note prb printk_rb_static " \
		"kallsyms_names kallsyms_num_syms kallsyms_token_table " \
		"kallsyms_token_index kallsyms_offsets kallsyms_relative_base " \
		"kallsyms_markers init_pid_ns pid_max " \
		"cpu_entry_area empty_zero_page idt_table " \
		"vectors_page __vectors_start __stubs_start " \
		"start_kernel do_page_fault handle_mm_fault " \
		"__kmalloc kmalloc_caches vmalloc vfree __vmalloc_node_range " \
		"module_alloc kmap_high pkmap_page_table " \
		"init_thread_union init_stack ", w, " ")
	for (i = 1; i <= n; i++)
		want[w[i]] = 1
}
NR % 200 == 0 || ($3 in want) || NF > 3' /proc/kallsyms
echo PTWALK-VIEW-END
echo PTWALK-READY
# a builtin: init forks nothing more until the dump
wait
