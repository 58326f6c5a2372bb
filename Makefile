# Kestrel: a small x86-64 kernel that boots the way Linux does.
#
#   make            build bzImage, vmlinux and System.map (default config)
#   make run        build and boot it in QEMU on this terminal
#   make check      all tests (host unit tests and QEMU boot tests)
#   make defconfig | menuconfig | olddefconfig | savedefconfig
#   make V=1        show full command lines
#
# The image is put together as Linux's arch/x86/boot does it:
#   vmlinux (kernel ELF) -> stripped, gzipped
#   -> piggy.o -> compressed/vmlinux (decompressor + payload, linked at 0)
#   -> boot/vmlinux.bin; boot/setup.bin (real-mode setup) + that -> bzImage

VERSION := 0.1.0

MAKEFLAGS += --no-builtin-rules --no-builtin-variables
.SUFFIXES:
.DELETE_ON_ERROR:

CC      := gcc
LD      := ld
OBJCOPY := objcopy
NM      := nm
HOSTCC  := gcc
KCONF   := kconfig-conf
KMCONF  := kconfig-mconf

# Kbuild-style output: "  CC      init/main.o", or the whole command with V=1.
ifeq ($(V),1)
Q :=
cmd = $(3)
else
Q := @
cmd = @printf '  %-7s %s\n' '$(1)' '$(2)'; $(3)
endif

comma := ,

# ---------------------------------------------------------------------------
# Configuration (Debian's kconfig-frontends reading our Kconfig)

config-targets := defconfig menuconfig olddefconfig savedefconfig oldconfig
no-config-targets := $(config-targets) clean distclean help

.PHONY: $(config-targets)
defconfig: deps-build
	$(Q)$(KCONF) --defconfig=arch/x86/configs/defconfig Kconfig
menuconfig: deps-build
	$(KMCONF) Kconfig
olddefconfig: deps-build
	$(KCONF) --olddefconfig Kconfig
oldconfig: deps-build
	$(KCONF) --oldconfig Kconfig
savedefconfig: deps-build
	$(KCONF) --savedefconfig=defconfig Kconfig
	@echo "Minimal configuration written to ./defconfig"

.config:
	@tools/ensure-deps.sh build
	@echo "*** No .config: using the default configuration (make defconfig)."
	$(Q)$(KCONF) --defconfig=arch/x86/configs/defconfig Kconfig

# New symbols take their defaults (no questions in the middle of a build),
# then silentoldconfig writes autoconf.h and auto.conf.
include/config/auto.conf include/generated/autoconf.h &: .config Kconfig
	@tools/ensure-deps.sh build
	$(call cmd,CONF,include/generated/autoconf.h,mkdir -p include/config include/generated && \
		$(KCONF) -s --olddefconfig Kconfig && $(KCONF) -s --silentoldconfig Kconfig)

ifeq ($(filter $(no-config-targets),$(MAKECMDGOALS)),)
-include include/config/auto.conf
endif

include/generated/utsrelease.h: Makefile
	$(call cmd,GEN,$@,mkdir -p include/generated && \
		echo '#define UTS_RELEASE "$(VERSION)"' > $@)

# ---------------------------------------------------------------------------
# Flags. Three kinds of freestanding code, plus host programs.

GCC_INC := $(shell $(CC) -print-file-name=include)

KBUILD_CPPFLAGS := -nostdinc -isystem $(GCC_INC) -Iinclude -Iarch/x86/include \
	-include include/generated/autoconf.h
KBUILD_CFLAGS := -std=gnu11 -ffreestanding -Wall -Wextra -Werror \
	-fno-strict-aliasing -fno-common -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-tree-loop-distribute-patterns \
	-fcf-protection=none -MMD -MP
# Real-mode code reads fixed low addresses (0x20, 0x484); they are not NULL.
REALMODE_CFLAGS := --param=min-pagesize=0

# Real-mode setup: 16-bit code from gcc -m16; -mregparm=3 is the calling
# convention bioscall.S and pmjump.S are written for.
REALMODE_CFLAGS += -m16 -march=i386 -mregparm=3 -Os -fno-pic -mno-mmx -mno-sse \
	-mpreferred-stack-boundary=2
# Decompressor: position-independent, runs wherever it was loaded.
ZO_CFLAGS := -m64 -O2 -fPIE -mno-red-zone -mgeneral-regs-only \
	-include include/linux/hidden.h
# Kernel: top 2 GiB, no SSE (its state is not saved), no red zone
# (interrupts push onto the stack below %rsp).
VO_CFLAGS := -m64 -O2 -mcmodel=kernel -fno-pic -fno-pie -mno-red-zone \
	-mgeneral-regs-only -fno-omit-frame-pointer

# The boot stages run with everything writable and executable; the
# linker's warnings about that do not apply, every other warning fails.
LDFLAGS := --fatal-warnings -z noexecstack --no-warn-rwx-segments

HOSTCFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -Iinclude -Iarch/x86/include

# ---------------------------------------------------------------------------
# Objects

LIB_SHARED := string vsprintf cmdline early_serial_console

SETUP_OBJS := boot/header.o boot/main.o boot/tty.o boot/regs.o boot/bioscall.o \
	boot/cpu.o boot/memory.o boot/video.o boot/a20.o boot/pm.o boot/pmjump.o \
	boot/version.o $(patsubst %,boot/lib/%.o,$(LIB_SHARED))

ZO_OBJS := compressed/head_64.o compressed/misc.o compressed/output.o compressed/console.o \
	compressed/elf.o compressed/kernel_info.o compressed/efi_stub.o \
	$(patsubst %,compressed/lib/%.o,$(LIB_SHARED) early_vga_console inflate crc32 \
		tsc_stopwatch) \
	compressed/piggy.o

VO_OBJS := arch/x86/kernel/head_64.o arch/x86/kernel/head64.o \
	arch/x86/kernel/setup.o arch/x86/kernel/e820.o arch/x86/kernel/reboot.o \
	arch/x86/kernel/entry_64.o arch/x86/kernel/traps.o arch/x86/kernel/traps_test.o \
	arch/x86/kernel/delay.o arch/x86/kernel/i8259.o arch/x86/kernel/irq.o \
	arch/x86/kernel/time.o kernel/time/timer.o kernel/time/timer_test.o \
	arch/x86/kernel/tsc.o \
	arch/x86/kernel/switch_to.o arch/x86/kernel/process_64.o \
	kernel/sched/core.o kernel/sched/sched_test.o kernel/fork.o kernel/exit.o \
	arch/x86/kernel/e820_sanitize.o arch/x86/kernel/e820_test.o \
	arch/x86/mm/init_64.o arch/x86/mm/pgtable_test.o \
	mm/memblock.o mm/page_alloc.o mm/slab.o mm/mm_init.o \
	mm/memblock_test.o mm/page_alloc_test.o mm/slab_test.o \
	kernel/panic.o kernel/kallsyms.o kernel/ktest.o \
	init/main.o init/initcall_test.o kernel/params.o kernel/printk/printk.o \
	kernel/printk/printk_ringbuffer.o kernel/printk/printk_test.o \
	drivers/tty/serial/8250_early.o drivers/video/console/vgacon.o \
	$(patsubst %,lib/%.o,$(LIB_SHARED) early_vga_console tsc_stopwatch crc32)

HOST_TOOLS := tools/build tools/mkpiggy tools/bzinfo tools/relocs tools/kallsyms \
	tools/dmesg

ALL_OBJS := $(SETUP_OBJS) $(ZO_OBJS) $(VO_OBJS) init/version.o
-include $(ALL_OBJS:.o=.d)

# Every object sees the configuration.
$(ALL_OBJS): include/generated/autoconf.h

# ---------------------------------------------------------------------------
# Compile rules (the shortest matching pattern wins: boot/ before %)

boot/%.o: boot/%.c
	$(call cmd,CC,$@,$(CC) $(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS) $(REALMODE_CFLAGS) -c -o $@ $<)
boot/%.o: boot/%.S
	$(call cmd,AS,$@,$(CC) $(KBUILD_CPPFLAGS) -D__ASSEMBLY__ -m32 -MMD -MP -c -o $@ $<)
boot/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	$(call cmd,CC,$@,$(CC) $(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS) $(REALMODE_CFLAGS) -c -o $@ $<)

compressed/%.o: compressed/%.c
	$(call cmd,CC,$@,$(CC) $(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS) $(ZO_CFLAGS) -c -o $@ $<)
compressed/%.o: compressed/%.S
	$(call cmd,AS,$@,$(CC) $(KBUILD_CPPFLAGS) -D__ASSEMBLY__ -m64 -MMD -MP -c -o $@ $<)
compressed/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	$(call cmd,CC,$@,$(CC) $(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS) $(ZO_CFLAGS) -c -o $@ $<)

%.o: %.c
	$(call cmd,CC,$@,$(CC) $(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS) $(VO_CFLAGS) -c -o $@ $<)
%.o: %.S
	$(call cmd,AS,$@,$(CC) $(KBUILD_CPPFLAGS) -D__ASSEMBLY__ -m64 -MMD -MP -c -o $@ $<)

tools/%: tools/%.c tools/util.c
	$(call cmd,HOSTCC,$@,$(HOSTCC) $(HOSTCFLAGS) -MMD -MP -MF tools/.$*.d -o $@ $< tools/util.c $(TOOL_LIBS_$*))
-include $(patsubst tools/%,tools/.%.d,$(HOST_TOOLS))

# The image tools check the bzImage's CRC-32 with the kernel's own code.
TOOL_LIBS_build := lib/crc32.c
TOOL_LIBS_bzinfo := lib/crc32.c
tools/build tools/bzinfo: lib/crc32.c

# ---------------------------------------------------------------------------
# The kernel: vmlinux and System.map

arch/x86/kernel/vmlinux.lds: arch/x86/kernel/vmlinux.lds.S include/generated/autoconf.h
	$(call cmd,LDS,$@,$(CC) -E -P $(KBUILD_CPPFLAGS) -D__ASSEMBLY__ -MMD -MP -MT $@ -MF $@.d -x c -o $@ $<)
-include arch/x86/kernel/vmlinux.lds.d

# The build number and date change only when the kernel is relinked.
init/version.o: init/version.c $(VO_OBJS) include/generated/utsrelease.h
	$(call cmd,GEN,include/generated/compile.h,tools/mkcompile_h.sh include/generated/compile.h $(CC) $(LD))
	$(call cmd,CC,$@,$(CC) $(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS) $(VO_CFLAGS) -c -o $@ $<)

# Linked three times to build the symbol table in (link-vmlinux.sh).
vmlinux: $(VO_OBJS) init/version.o arch/x86/kernel/vmlinux.lds tools/kallsyms \
		tools/link-vmlinux.sh
	$(call cmd,LD,$@,NM=$(NM) tools/link-vmlinux.sh $@ \
		"$(LD) -m elf_x86_64 -z max-page-size=0x1000 $(LDFLAGS) -T arch/x86/kernel/vmlinux.lds" \
		"$(CC) -m64" $(VO_OBJS) init/version.o)

System.map: vmlinux
	$(call cmd,SYSMAP,$@,$(NM) -n $< | grep -v ' [aNUw] \| \.L' > $@)

# ---------------------------------------------------------------------------
# The decompressor and its payload

compressed/vmlinux.bin: vmlinux
	$(call cmd,OBJCOPY,$@,$(OBJCOPY) -R .comment -S $< $@)

compressed/vmlinux.bin.gz: compressed/vmlinux.bin
	$(call cmd,GZIP,$@,gzip -n -9 -c $< > $@)

ifdef CONFIG_KERNEL_UNCOMPRESSED
PAYLOAD := compressed/vmlinux.bin
MKPIGGY_FLAGS := --none
else
PAYLOAD := compressed/vmlinux.bin.gz
MKPIGGY_FLAGS :=
endif

compressed/piggy.S: $(PAYLOAD) tools/mkpiggy include/config/auto.conf
	$(call cmd,MKPIGGY,$@,tools/mkpiggy $(MKPIGGY_FLAGS) $(PAYLOAD) > $@)
compressed/piggy.o: $(PAYLOAD)

# --emit-relocs only so that tools/relocs can prove no absolute address
# slipped in: nobody relocates the decompressor.
compressed/vmlinux: $(ZO_OBJS) compressed/vmlinux.lds tools/relocs
	$(call cmd,LD,$@,$(LD) -m elf_x86_64 $(LDFLAGS) \
		--emit-relocs -T compressed/vmlinux.lds -o $@ $(ZO_OBJS) && tools/relocs --check-pic $@)

boot/vmlinux.bin: compressed/vmlinux
	$(call cmd,OBJCOPY,$@,$(OBJCOPY) -O binary -R .note -R .comment -S $< $@)

# ---------------------------------------------------------------------------
# The setup and the image

# The symbols header.S computes the setup header from.
ZO_SYMS := startup_32|startup_64|input_data|kernel_info|_end|_ehead|_text|z_[a-z_]*|efi_pe_entry|efi64_stub_entry
VO_SYMS := _text|_end|__bss_start|_edata

boot/zoffset.h: compressed/vmlinux
	$(call cmd,ZOFFSET,$@,$(NM) $< | sed -n -E 's/^([0-9a-fA-F]+) [a-zA-Z] ($(ZO_SYMS))$$/#define ZO_\2 0x\1/p' > $@)
boot/voffset.h: vmlinux
	$(call cmd,VOFFSET,$@,$(NM) $< | sed -n -E 's/^([0-9a-fA-F]+) [a-zA-Z] ($(VO_SYMS))$$/#define VO_\2 0x\1/p' > $@)

boot/header.o: boot/zoffset.h boot/voffset.h

# The kernel's symbols the decompressor writes to.
compressed/voffset.h: vmlinux
	$(call cmd,VOFFSET,$@,$(NM) $< | sed -n -E 's/^([0-9a-fA-F]+) [a-zA-Z] (_text|decompress_stats)$$/#define VO_\2 0x\1/p' > $@)
compressed/misc.o: compressed/voffset.h
boot/version.o: init/version.o

boot/setup.elf: $(SETUP_OBJS) boot/setup.ld
	$(call cmd,LD,$@,$(LD) -m elf_i386 $(LDFLAGS) -T boot/setup.ld -o $@ $(SETUP_OBJS))

boot/setup.bin: boot/setup.elf
	$(call cmd,OBJCOPY,$@,$(OBJCOPY) -O binary $< $@)

bzImage: boot/setup.bin boot/vmlinux.bin tools/build
	$(call cmd,BUILD,$@,tools/build boot/setup.bin boot/vmlinux.bin $@ > /dev/null)

# ---------------------------------------------------------------------------
# Host unit tests: lib/ code built for the host, under ASan and UBSan

TEST_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	-Iinclude -Iarch/x86/include
HOST_TESTS := $(patsubst tests/host/%.c,tests/host/bin/%,$(wildcard tests/host/test_*.c))
-include $(join $(dir $(HOST_TESTS)),$(patsubst %,.%.d,$(notdir $(HOST_TESTS))))

# What each test links besides its own file (the others #include the lib
# file they test, renaming its functions so they do not replace libc's).
TEST_LIBS_test_inflate := lib/inflate.c lib/crc32.c -lz
TEST_LIBS_test_inflate_enough := lib/crc32.c
TEST_LIBS_test_crc32 := -lz
TEST_LIBS_test_inflate_stream := lib/inflate.c lib/crc32.c -lz
TEST_LIBS_test_inflate_corrupt := lib/inflate.c lib/crc32.c -lz

tests/host/bin/%: tests/host/%.c | deps-check
	@mkdir -p $(@D)
	$(call cmd,HOSTCC,$@,$(HOSTCC) $(TEST_CFLAGS) -MMD -MP -MF $(@D)/.$(@F).d -o $@ $< $(TEST_LIBS_$*))

# ---------------------------------------------------------------------------
# Inflate benchmark: lib/inflate.c and lib/crc32.c built as the decompressor
# builds them (but for hidden visibility, which would keep the C library's
# memcpy out of reach), timed against the host's zlib and libdeflate. Our
# crc32 and adler32 are renamed: libz would otherwise call ours.

BENCH_BIN := tests/bench/bin
BENCH_CORPUS := tests/bench/out/text tests/bench/out/binary
BENCH_LIB_CFLAGS := $(filter-out -MMD -MP,$(KBUILD_CFLAGS)) \
	$(filter-out -include include/linux/hidden.h,$(ZO_CFLAGS)) \
	-nostdinc -isystem $(GCC_INC) -Iinclude -Iarch/x86/include \
	-Dcrc32=kern_crc32 -Dadler32=kern_adler32
BENCH_ARGS = vmlinux=vmlinux text=tests/bench/out/text binary=tests/bench/out/binary

$(BENCH_BIN)/%.o: lib/%.c | deps-check
	@mkdir -p $(@D)
	$(call cmd,CC,$@,$(CC) $(BENCH_LIB_CFLAGS) -MMD -MP -c -o $@ $<)
-include $(BENCH_BIN)/inflate.d $(BENCH_BIN)/crc32.d

$(BENCH_BIN)/bench_inflate: tests/bench/bench_inflate.c $(BENCH_BIN)/inflate.o $(BENCH_BIN)/crc32.o
	$(call cmd,HOSTCC,$@,$(HOSTCC) $(HOSTCFLAGS) -o $@ $^ -lz -ldeflate)

$(BENCH_CORPUS) &: tests/bench/corpus.sh
	$(call cmd,CORPUS,tests/bench/out,tests/bench/corpus.sh tests/bench/out > /dev/null)

.PHONY: bench
bench: all $(BENCH_BIN)/bench_inflate $(BENCH_CORPUS)
	@$(BENCH_BIN)/bench_inflate $(BENCH_ARGS)

# ---------------------------------------------------------------------------
# Fuzzing the inflate with libFuzzer, against zlib: make fuzz FUZZ_TIME=600
# FUZZ_WORKERS=2 (make check runs it for 20 seconds)

FUZZ_TIME ?= 300
FUZZ_WORKERS ?= 1
FUZZER := tests/fuzz/fuzz_inflate

$(FUZZER): tests/fuzz/fuzz_inflate.c lib/inflate.c lib/crc32.c | deps-check
	$(call cmd,CLANG,$@,clang -g -O1 -fsanitize=fuzzer$(comma)address$(comma)undefined \
		-fno-sanitize-recover=all -Wall -Wextra -Werror -Iinclude -Iarch/x86/include \
		-MMD -MP -MF tests/fuzz/.fuzz_inflate.d -o $@ $(filter %.c,$^) -lz)
-include tests/fuzz/.fuzz_inflate.d

.PHONY: fuzz
fuzz: $(FUZZER)
	@tests/fuzz/run.sh $(FUZZER) $(FUZZ_TIME) $(FUZZ_WORKERS)

# ---------------------------------------------------------------------------
# Top-level targets

.DEFAULT_GOAL := all
.PHONY: all run check deps-build deps-check clean distclean help

all: deps-build bzImage vmlinux System.map tools/bzinfo tools/dmesg
	@echo "Kernel: bzImage is ready"

deps-build:
	@tools/ensure-deps.sh build
deps-check:
	@tools/ensure-deps.sh check

QEMU := qemu-system-x86_64 -accel tcg -m 256 -no-reboot
RUN_CMDLINE ?= earlyprintk=serial,ttyS0,115200 console=ttyS0,115200 debug

run: all
	@tools/ensure-deps.sh run
	@echo "Booting bzImage in QEMU (quit: Ctrl-A X)"
	$(QEMU) -kernel bzImage -append "$(RUN_CMDLINE)" -display none -serial mon:stdio

check: all $(HOST_TESTS) $(BENCH_BIN)/bench_inflate $(BENCH_CORPUS) $(FUZZER) | deps-check
	@tests/run-all.sh

clean:
	rm -f bzImage vmlinux System.map $(ALL_OBJS) $(ALL_OBJS:.o=.d) \
		$(HOST_TOOLS) $(patsubst tools/%,tools/.%.d,$(HOST_TOOLS)) arch/x86/kernel/vmlinux.lds arch/x86/kernel/vmlinux.lds.d \
		compressed/vmlinux compressed/vmlinux.bin compressed/vmlinux.bin.gz \
		compressed/piggy.S \
		boot/vmlinux.bin boot/setup.elf boot/setup.bin boot/zoffset.h boot/voffset.h \
		compressed/voffset.h \
		include/generated/compile.h include/generated/utsrelease.h
	rm -f .tmp_vmlinux* .tmp_kallsyms*
	rm -rf tests/host/bin tests/boot/out tests/build/out tests/bench/bin tests/bench/out
	rm -rf $(FUZZER) tests/fuzz/.fuzz_inflate.d tests/fuzz/corpus

distclean: clean
	rm -rf .config .config.old .version include/config include/generated defconfig

help:
	@sed -n '2,9p' Makefile | sed 's/^# \{0,1\}//'
