# The guests' own views (testdata/images/NAME.view.xz, made by
# make-fixtures.sh) have every section the image tests read, each with the
# content it must have: a broken regeneration shows here.  Each fixture has
# its core, its view and QEMU's answers.
dir=../../testdata/images
for f in $dir/*.view.xz $dir/*.qemu.xz $dir/*.core.xz; do
	[ -f "$f" ] || continue
	n=$(basename "$f")
	echo "${n%%.*}"
done | sort -u | while read -r name; do
	t=$(mktemp -d)
	if [ ! -f "$dir/$name.view.xz" ] || [ ! -f "$dir/$name.qemu.xz" ]; then
		echo "$name: no view or no QEMU answers"
		rm -rf "$t"
		continue
	fi
	xz -dc "$dir/$name.view.xz" >"$t/view"
	[ -f "$dir/$name.core.xz" ] || echo "$name: no core"
	# a dump without VMCOREINFO comes with its System.map and QEMU's
	# translation of swapper_pg_dir
	xz -dc "$dir/$name.qemu.xz" | grep -q '^@@ gva2gpa swapper_pg_dir$' &&
		map=yes || map=no
	[ -f "$dir/$name.System.map.xz" ] && [ $map = no ] &&
		echo "$name: a System.map but no root from QEMU"
	[ ! -f "$dir/$name.System.map.xz" ] && [ $map = yes ] &&
		echo "$name: a root from QEMU but no System.map"
	[ $map = no ] || xz -dc "$dir/$name.System.map.xz" |
		grep -q '^[0-9a-f]* [A-Za-z] swapper_pg_dir$' ||
		echo "$name: System.map without swapper_pg_dir"
	awk -v name="$name" '
	function need(cond, what) { if (!cond) { bad++; print name ": " what } }
	/^@@ / {
		sec = substr($0, 4)
		nsec[sec]++
		if (sec ~ /^\/proc\/[0-9]+\/maps$/) {
			pid = sec
			sub(/^\/proc\//, "", pid)
			sub(/\/maps$/, "", pid)
		}
		if (sec ~ /^\/proc\/[0-9]+\/status$/)
			nstatus++
		next
	}
	{ lines[sec]++ }
	sec == "fixture" && /^kaslr: / { kaslr = $2 }
	sec == "fixture" && /^ram: / { ram = $2 }
	sec == "fixture" && /^kernel: / { pkg = $2 }
	sec == "/proc/version" { version = $0 }
	sec == "/proc/cmdline" { cmdline = $0 }
	sec == "/proc/meminfo" && /^MemTotal: +[0-9]+ kB$/ { memtotal = $2 }
	sec == "/proc/zoneinfo" && /^Node 0, zone/ { zones++ }
	sec == "/proc/zoneinfo" && /^ +managed +[0-9]+$/ { managed++ }
	sec == "/proc/buddyinfo" && /^Node 0, zone / && NF >= 15 { buddy++ }
	sec == "/proc/vmallocinfo" && /^0x[0-9a-f]+-0x[0-9a-f]+ +[0-9]+ / { vmalloc++ }
	sec == "/proc/slabinfo" && /^slabinfo - version: 2\.1$/ { slabhead = 1 }
	sec == "/proc/slabinfo" && /^kmalloc-/ { kmalloc++ }
	sec == "/proc/iomem" && /System RAM$/ { ram_ranges++ }
	sec == "/sys/kernel/mm/transparent_hugepage/enabled" && /\[[a-z]+\]/ { thp = 1 }
	sec == "ps" && $1 == "1" { ps1 = 1 }
	sec ~ /^\/proc\/[0-9]+\/maps$/ && /^[0-9a-f]+-[0-9a-f]+ [-r][-w][-x][ps] / {
		maps[pid]++
		if (/\[stack\]$/) stack++
		if (/\[heap\]$/) heap++
	}
	sec ~ /^\/proc\/[0-9]+\/status$/ && /^Pid:\t[0-9]+$/ { status++ }
	sec == "dmesg" && /^\[ *[0-9]+\.[0-9]+\] / { dmesg++ }
	sec == "dmesg" && /^\[ *0\.000000\] Linux version / { banner = 1 }
	sec == "/proc/kallsyms" && /^[0-9a-f]+ [A-Za-z] [A-Za-z_][A-Za-z0-9_.]*/ { sym[$3] = 1; nsym++ }
	sec ~ /^\/boot\/config-/ && /^CONFIG_PGTABLE_LEVELS=[2-5]$/ { config = 1 }
	sec ~ /^\/boot\/config-/ && /^CONFIG_KALLSYMS_ALL=y$/ { all = 1 }
	sec ~ /^\/boot\/config-/ && /^CONFIG_TRANSPARENT_HUGEPAGE=y$/ { thpconf = 1 }
	END {
		split("fixture /proc/version /proc/cmdline /proc/meminfo " \
			"/proc/zoneinfo /proc/buddyinfo /proc/pagetypeinfo " \
			"/proc/vmstat /proc/vmallocinfo /proc/slabinfo " \
			"/proc/iomem ps dmesg /proc/kallsyms /proc/1/maps /proc/1/status", must, " ")
		for (i = 1; i in must; i++)
			need(nsec[must[i]] == 1 && lines[must[i]] > 0,
			    "section " must[i] " missing, repeated or empty")
		need(kaslr == "on" || kaslr == "off", "the fixture header does not say whether KASLR is on")
		need(ram ~ /^[0-9]+$/, "the fixture header has no RAM size")
		need(version ~ /^Linux version / && index(pkg, "linux-image-") == 1 &&
		    index(version, substr(pkg, 13)) > 0, "/proc/version is not the kernel of " pkg)
		need((kaslr == "off") == (cmdline ~ /(^| )nokaslr( |$)/), "/proc/cmdline disagrees with the header on KASLR")
		need(memtotal > 0 && memtotal < ram * 1024, "MemTotal missing or above the RAM")
		need(zones >= 1 && managed == zones, "zoneinfo without zones or managed counts")
		need(buddy >= 1, "buddyinfo without a zone of 11 orders or more")
		need(vmalloc >= 5, "fewer than 5 vmalloc areas")
		need(slabhead && kmalloc >= 5, "slabinfo without its header or kmalloc caches")
		need(ram_ranges >= 1, "iomem without System RAM")
		need(thp == thpconf, "transparent_hugepage/enabled without a " \
		    "[choice], or there without CONFIG_TRANSPARENT_HUGEPAGE")
		need(ps1, "ps without pid 1")
		user = 0
		for (p in maps) user++
		need(user >= 6, "fewer than 6 processes with mappings")
		need(stack == user && heap >= 1, "maps without [stack] in each process or [heap]")
		need(status == nstatus && status >= user,
		    "a /proc/PID/status without its Pid line")
		need(banner && dmesg >= 50, "dmesg without the boot banner or shorter than 50 lines")
		need(nsym >= 200, "fewer than 200 kallsyms lines")
		# data symbols only where the kernel has CONFIG_KALLSYMS_ALL
		split("_stext schedule start_kernel", s, " ")
		for (i = 1; i in s; i++)
			need(s[i] in sym, "kallsyms without " s[i])
		split("_text init_task init_mm jiffies", s, " ")
		for (i = 1; all && i in s; i++)
			need(s[i] in sym, "kallsyms without " s[i])
		need(!all || ("swapper_pg_dir" in sym) || ("init_top_pgt" in sym),
		    "kallsyms without the kernel page-table root")
		need(config, "the kernel config without CONFIG_PGTABLE_LEVELS")
		if (!bad)
			print name ": view complete (" ram " MiB, KASLR " kaslr ")"
	}' "$t/view"
	rm -rf "$t"
done
