# SPDX-License-Identifier: GPL-3.0-or-later
# ptwalk: a single non-recursive GNU Makefile.
#
#   make run      set up (Debian packages), build, start the REPL
#   make check    set up, build, run every test; ends with "N passed, N failed"
#   make bench    throughput figures (never asserted)
#   make fuzz     run each libFuzzer harness FUZZ_TIME seconds (default 60)
#   make install  PREFIX=/usr/local (binary, man pages, completions)

# every core compiles unless -j says otherwise (make check from a clean
# tree builds ptwalk three times: plain, under ASan+UBSan, and the fuzzers)
ifeq ($(filter -j%,$(MAKEFLAGS)),)
MAKEFLAGS += -j$(shell nproc 2>/dev/null || echo 1)
endif

BUILD   ?= build
PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
V       ?= 0

DEB_PACKAGES := gcc libc6-dev pkg-config libreadline-dev libelf-dev libcapstone-dev libcmocka-dev libbpf-dev libdw-dev xz-utils \
                clang-14 libclang-rt-14-dev zlib1g-dev liblzo2-dev libsnappy-dev libzstd-dev \
                librsvg2-dev libxml2-utils fonts-dejavu-core qemu-system-x86 binutils \
                llvm-14-dev qemu-system-misc qemu-system-arm binutils-riscv64-linux-gnu \
                binutils-aarch64-linux-gnu binutils-arm-linux-gnueabihf

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral -Wwrite-strings
OPT     ?= -O2
# librsvg (and the cairo it draws with) is loaded when a figure is first
# rendered (src/ui/figure_render.c): its headers only at build time
PKG_I   := $(shell pkg-config --cflags-only-I readline libelf libdw capstone libbpf zlib lzo2 libzstd \
             librsvg-2.0 cairo-pdf cairo-png 2>/dev/null)
# LLVM's C disassembler (RISC-V dis, src/image/disasm_llvm.c) is loaded when
# first needed: its headers only at build time
LLVM_I  := -I$(shell llvm-config-14 --includedir 2>/dev/null || echo /usr/lib/llvm-14/include)
PKG_L   := $(shell pkg-config --libs readline libelf libdw capstone libbpf zlib lzo2 libzstd 2>/dev/null || echo -lreadline -lelf -ldw -lcapstone -lbpf -lz -llzo2 -lzstd) -lsnappy
CFLAGS_ALL = -std=gnu11 -g $(OPT) $(WARN) -D_GNU_SOURCE -Iinclude -Itools -I$(BUILD) $(ARCH_I) $(PKG_I) $(LLVM_I) \
           -MMD -MP $(SAN_CFLAGS) $(CFLAGS)
LDLIBS_ALL = $(PKG_L) -lm $(SAN_CFLAGS) $(LDFLAGS)

ifeq ($(SANITIZE),1)
SAN_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
OPT := -O1
endif
# the libFuzzer build (make fuzz): clang, coverage for the fuzzer, ASan+UBSan;
# clang's extra warnings are not fatal there (gcc's build keeps -Werror)
ifeq ($(SANITIZE),fuzz)
SAN_CFLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all \
              -fno-omit-frame-pointer
OPT := -O1
WARN += -Wno-error
endif

ifeq ($(V),0)
Q = @
QCC = @printf '  CC      %s\n' $<;
QLD = @printf '  LD      %s\n' $@;
else
Q =
QCC =
QLD =
endif

LIB_SRCS  := $(filter-out src/ui/main.c,$(wildcard src/*.c src/*/*.c src/*/*/*.c)) $(wildcard cmds/*.c)
LIB_OBJS  := $(patsubst %.c,$(BUILD)/%.o,$(LIB_SRCS)) $(BUILD)/demo_elf.o \
             $(BUILD)/boot_records.o $(BUILD)/xv6_elf.o
# the xv6 user programs (--kernel xv6 -e _NAME): testdata/xv6/_NAME
XV6_ELFS := $(sort $(wildcard testdata/xv6/_*))
# the boot records of the real guests (--boot booted), embedded
BOOT_RECORDS := $(sort $(wildcard data/boot/*.boot))
# the demo program of each ELF machine: testdata/elf/demo-ARCH (one word)
DEMO_ELFS := $(sort $(filter-out %.objdump %.c %-pie %-dyn,$(wildcard testdata/elf/demo-*)))
MAIN_OBJ  := $(BUILD)/src/ui/main.o
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))
UNIT_HELPERS := $(BUILD)/tests/unit/helpers.o

.PHONY: all run check check-unit check-golden bench install clean deps docs \
        fixtures asan fuzz fuzz-build check-fuzz
.DEFAULT_GOAL := all

all: $(BUILD)/ptwalk $(BUILD)/ptwalk-docgen $(BUILD)/mkdump

# --- set-up: Debian packages -------------------------------------------------
deps:
	$(Q)sh tools/deps.sh $(DEB_PACKAGES)

# --- the command table, generated from cmds/*.c ------------------------------
$(BUILD)/cmdlist.h: $(wildcard cmds/*.c) | $(BUILD)
	$(Q)grep -ho '^const struct cmd cmd_[A-Za-z0-9_]*' cmds/*.c | \
		sed 's/^const struct cmd cmd_\(.*\)/CMD(\1)/' | LC_ALL=C sort > $@.tmp
	$(Q)cmp -s $@.tmp $@ 2>/dev/null && rm -f $@.tmp || mv $@.tmp $@

$(BUILD):
	$(Q)mkdir -p $(BUILD)

$(BUILD)/%.o: %.c $(BUILD)/cmdlist.h
	$(Q)mkdir -p $(dir $@)
	$(QCC)$(CC) $(CFLAGS_ALL) -c -o $@ $<

# --- the built-in demo programs, embedded from testdata/elf ------------------
$(BUILD)/demo_elf.c: $(DEMO_ELFS) tools/bin2c.sh | $(BUILD)
	$(Q)sh tools/bin2c.sh demo_elf $(DEMO_ELFS) > $@.tmp && mv $@.tmp $@

$(BUILD)/demo_elf.o: $(BUILD)/demo_elf.c
	$(QCC)$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(BUILD)/xv6_elf.c: $(XV6_ELFS) tools/bin2c.sh | $(BUILD)
	$(Q)sh tools/bin2c.sh xv6_elf $(XV6_ELFS) > $@.tmp && mv $@.tmp $@

$(BUILD)/xv6_elf.o: $(BUILD)/xv6_elf.c
	$(QCC)$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(BUILD)/boot_records.c: $(BOOT_RECORDS) tools/boot2c.sh | $(BUILD)
	$(Q)sh tools/boot2c.sh $(BOOT_RECORDS) > $@.tmp && mv $@.tmp $@

$(BUILD)/boot_records.o: $(BUILD)/boot_records.c
	$(QCC)$(CC) $(CFLAGS_ALL) -c -o $@ $<

# --- ELF fixtures: rebuilt from testdata/elf/demo.c with cross compilers ------
fixtures:
	$(Q)sh tools/fixtures.sh

$(BUILD)/libptwalk.a: $(LIB_OBJS)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(BUILD)/ptwalk: $(MAIN_OBJ) $(BUILD)/libptwalk.a
	$(QLD)$(CC) -o $@ $^ $(LDLIBS_ALL)

$(BUILD)/ptwalk-docgen: $(BUILD)/tools/docgen.o $(BUILD)/libptwalk.a
	$(QLD)$(CC) -o $@ $^ $(LDLIBS_ALL)

# writes an ELF core's memory as kdump-compressed, LiME and AVML (tests)
$(BUILD)/mkdump: $(BUILD)/tools/mkdump.o
	$(QLD)$(CC) -o $@ $^ $(LDLIBS_ALL)

BENCH_SRCS := $(wildcard tools/bench_*.c)
$(BUILD)/benchlist.h: $(BENCH_SRCS) | $(BUILD)
	$(Q)grep -ho '^const struct bench bench_[A-Za-z0-9_]*' tools/bench_*.c | \
		sed 's/^const struct bench bench_\(.*\)/BENCH(\1)/' | LC_ALL=C sort > $@.tmp
	$(Q)cmp -s $@.tmp $@ 2>/dev/null && rm -f $@.tmp || mv $@.tmp $@

$(BUILD)/tools/bench.o: $(BUILD)/benchlist.h

$(BUILD)/ptwalk-bench: $(BUILD)/tools/bench.o $(patsubst %.c,$(BUILD)/%.o,$(BENCH_SRCS)) \
		$(BUILD)/libptwalk.a
	$(QLD)$(CC) -o $@ $^ $(LDLIBS_ALL)

# the unit test of an arch family, tests/unit/test_FAMILY.c, sees the
# headers of src/arch/FAMILY/ as the files of that folder do ("arm.h"),
# ahead of the system's headers of the same names (Capstone's)
unit_family = $(patsubst test_%.o,src/arch/%,$(notdir $@))
$(BUILD)/tests/unit/test_%.o: ARCH_I = $(if $(wildcard $(unit_family)/.),-I$(unit_family))

# every unit test links tests/unit/helpers.c (booting a machine ...)
$(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(UNIT_HELPERS) $(BUILD)/libptwalk.a
	$(Q)mkdir -p $(dir $@)
	$(QLD)$(CC) -o $@ $^ $(LDLIBS_ALL) -lcmocka

# the DWARF tests/unit/test_dwarf.c converts: its sample types built with
# -g into a shared object (linked: libdw reads no relocations), and the
# same without its debug sections
$(BUILD)/tests/dwarf-sample.so: tests/unit/dwarf/sample.c tests/unit/dwarf/sample.h
	$(Q)mkdir -p $(dir $@)
	$(QCC)$(CC) -g -O0 -shared -fPIC -o $@ $<
	$(Q)objcopy --strip-debug $@ $@.nodebug
$(BUILD)/tests/test_dwarf: $(BUILD)/tests/dwarf-sample.so
$(BUILD)/tests/unit/test_dwarf.o: CFLAGS_ALL += -DDWARF_SAMPLE='"$(abspath $(BUILD))/tests/dwarf-sample.so"'

# --- libFuzzer harnesses (tests/fuzz), built with clang into build/fuzz -----
FUZZ_CC    ?= clang-14
FUZZ_TIME  ?= 60
FUZZ_NAMES := script expr elf image lab

.SECONDARY: $(patsubst %,$(BUILD)/tests/fuzz/fuzz_%.o,$(FUZZ_NAMES))
$(BUILD)/tests/fuzz/fuzz_common.o: CFLAGS_ALL += -DFUZZ_TOP='"$(CURDIR)"'
$(BUILD)/tests/fuzz/%.o: CFLAGS_ALL += -Werror

$(BUILD)/fuzz_%: $(BUILD)/tests/fuzz/fuzz_%.o $(BUILD)/tests/fuzz/fuzz_common.o \
		$(BUILD)/libptwalk.a
	$(QLD)$(CC) -fsanitize=fuzzer -o $@ $^ $(LDLIBS_ALL) -ldl

fuzz-build:
	$(Q)$(MAKE) --no-print-directory BUILD=build/fuzz CC=$(FUZZ_CC) SANITIZE=fuzz \
		$(addprefix build/fuzz/fuzz_,$(FUZZ_NAMES))

# FUZZ=NAME runs one harness; the corpus grows in build/fuzz/corpus
fuzz: deps
	$(Q)$(MAKE) --no-print-directory all fuzz-build
	$(Q)sh tests/fuzz/run.sh fuzz build/fuzz $(FUZZ_TIME) $(FUZZ)

# --- generated documentation (checked in; make check verifies) ---------------
docs: $(BUILD)/ptwalk-docgen $(BUILD)/ptwalk
	$(Q)for t in man/*.in; do \
		$(BUILD)/ptwalk-docgen man $$t $(BUILD)/ptwalk > $${t%.in} || exit 1; \
	done
	$(Q)$(BUILD)/ptwalk-docgen bash > completions/ptwalk.bash
	$(Q)$(BUILD)/ptwalk-docgen zsh > completions/_ptwalk
	$(Q)sh tests/fuzz/mkdict.sh $(BUILD)/ptwalk > tests/fuzz/script.dict
	$(Q)sh tools/docfigs.sh $(BUILD)/ptwalk doc/figures
	@echo "  GEN     $(patsubst %.in,%,$(wildcard man/*.in)) completions/ptwalk.bash completions/_ptwalk tests/fuzz/script.dict doc/figures"

# --- the two commands ---------------------------------------------------------
run: deps
	$(Q)$(MAKE) --no-print-directory all
	$(BUILD)/ptwalk

asan:
	$(Q)$(MAKE) --no-print-directory BUILD=build/asan SANITIZE=1 build/asan/ptwalk \
		build/asan/tests/test_image

# harnesses that cannot be built are removed: check.sh counts them as
# failures rather than running stale ones
check: deps
	$(Q)$(MAKE) --no-print-directory all $(UNIT_BINS)
	$(Q)$(MAKE) --no-print-directory asan
	$(Q)$(MAKE) --no-print-directory fuzz-build || \
		rm -f $(addprefix build/fuzz/fuzz_,$(FUZZ_NAMES))
	$(Q)sh tests/check.sh $(BUILD) build/asan build/fuzz

check-unit: all $(UNIT_BINS)
	$(Q)sh tests/check.sh --only unit $(BUILD)

check-golden: all
	$(Q)sh tests/check.sh --only golden $(BUILD)

# the short runs of the harnesses and the hostile inputs alone
check-fuzz: all fuzz-build
	$(Q)sh tests/check.sh --only fuzz $(BUILD) "$(wildcard build/asan)" build/fuzz

bench: deps
	$(Q)$(MAKE) --no-print-directory all $(BUILD)/ptwalk-bench
	$(Q)sh tests/bench.sh $(BUILD) $(BENCH)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/man/man7 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions
	install -m 755 $(BUILD)/ptwalk $(DESTDIR)$(PREFIX)/bin/ptwalk
	install -m 644 man/ptwalk.1 $(DESTDIR)$(PREFIX)/share/man/man1/ptwalk.1
	for f in man/*.7; do [ -f "$$f" ] && install -m 644 "$$f" \
		$(DESTDIR)$(PREFIX)/share/man/man7/ || true; done
	install -m 644 completions/ptwalk.bash \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/ptwalk
	install -m 644 completions/_ptwalk $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_ptwalk

clean:
	rm -rf build

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
