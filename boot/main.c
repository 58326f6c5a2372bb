/*
 * Real-mode setup, in C: what the BIOS can tell us, gathered while we can
 * still call it. main() fills the zero page (boot_params) that every later
 * stage reads, then leaves real mode for good.
 */
#include "boot.h"

struct boot_params boot_params __attribute__((aligned(16)));
char cmdline[COMMAND_LINE_SIZE];

/*
 * The pre-2.02 command line protocol (boot.rst, "The old command line
 * protocol"): a magic at 0x20 of the setup segment, an offset at 0x22.
 */
#define OLD_CL_MAGIC_ADDR	0x20
#define OLD_CL_OFFSET_ADDR	0x22

/* The header into the zero page; true if the command line came the old way. */
static bool copy_boot_params(void)
{
	memcpy(&boot_params.hdr, &hdr, sizeof(hdr));
	set_fs(ds());
	if (boot_params.hdr.cmd_line_ptr ||
	    rdfs16(OLD_CL_MAGIC_ADDR) != OLD_CL_MAGIC)
		return false;
	boot_params.hdr.cmd_line_ptr = (ds() << 4) + rdfs16(OLD_CL_OFFSET_ADDR);
	return true;
}

/*
 * Bring the command line into our segment so the shared parser can read
 * it with plain pointers. Real mode reaches only the first MiB; a loader
 * that put it higher gets an empty command line here (the later stages,
 * running with flat addressing, still read all of it).
 */
static bool copy_cmdline(void)
{
	u32 ptr = boot_params.hdr.cmd_line_ptr;
	u32 i;

	if (!ptr || ptr >= 0x100000)
		return true;
	set_fs(ptr >> 4);
	for (i = 0; i < sizeof(cmdline) - 1; i++) {
		cmdline[i] = rdfs8((ptr & 0xf) + i);
		if (!cmdline[i])
			return true;
	}
	cmdline[i] = '\0';
	return false;
}

/*
 * Tell the BIOS we are going to run in long mode (int 15h, AX=EC00h,
 * BL=2: "long mode target only"), as AMD's BIOS writer's guide asks.
 */
static void set_bios_mode(void)
{
	struct biosregs ireg;

	initregs(&ireg);
	ireg.ax = 0xec00;
	ireg.bx = 2;
	intcall(0x15, &ireg, NULL);
}

void main(void)
{
	bool old_cmdline, terminated;

	old_cmdline = copy_boot_params();
	terminated = copy_cmdline();
	console_init();
	if (boot_debug)
		puts("early console in setup code\n");
	if (boot_debug && old_cmdline)
		puts("Command line from the pre-2.02 protocol (cmd_line_ptr was 0)\n");
	/*
	 * type_of_loader 0 is reserved for loaders older than protocol 2.00
	 * (boot.rst), which load a kernel at 0x10000, not where a bzImage's
	 * protected-mode part must be.
	 */
	if (!boot_params.hdr.type_of_loader) {
		puts("This kernel needs a boot loader of protocol 2.00 or later (type_of_loader is 0): unable to boot\n");
		die();
	}
	if (!terminated)
		printf("Command line longer than %d bytes: truncated\n",
		       COMMAND_LINE_SIZE - 1);
	/* Protocol 2.00 loaders grant no heap; we never need one. */
	if (!(boot_params.hdr.loadflags & CAN_USE_HEAP))
		puts("WARNING: Ancient bootloader, some functionality may be limited!\n");

	if (validate_cpu()) {
		puts("Unable to boot - please use a kernel appropriate for your CPU.\n");
		die();
	}
	set_bios_mode();
	detect_memory();
	check_kernel_memory();
	query_video();
	go_to_protected_mode();
}
