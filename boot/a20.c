/*
 * The A20 gate: on a PC, address line 20 may be held low so that
 * addresses wrap at 1 MiB like on the 8086. Protected mode above 1 MiB is
 * useless until it is open. There are three known ways to open it and no
 * way to know which one a machine needs, so we try each, from the politest
 * (ask the BIOS) to the most direct (port 0x92), and check after each one.
 */
#include "boot.h"

#define A20_TEST_ADDR	(4 * 0x80)	/* int 80h vector: harmless to use */

/*
 * With A20 closed, ffff:0210 = 0x100200 wraps to 0000:0200. Write a new
 * value at 0:200 and see whether it shows up at ffff:210.
 */
static bool a20_test(int loops)
{
	bool ok = false;
	u16 saved, ctr;

	set_fs(0x0000);
	set_gs(0xffff);
	saved = ctr = rdfs16(A20_TEST_ADDR);
	while (loops--) {
		wrfs16(++ctr, A20_TEST_ADDR);
		io_delay();	/* give a slow gate time to settle */
		if (rdgs16(A20_TEST_ADDR + 0x10) != ctr) {
			ok = true;
			break;
		}
	}
	wrfs16(saved, A20_TEST_ADDR);
	return ok;
}

static bool a20_test_short(void)
{
	return a20_test(32);
}

static bool a20_test_long(void)
{
	return a20_test(0x200000 >> 5);	/* some keyboard controllers are slow */
}

static void enable_a20_bios(void)
{
	struct biosregs ireg;

	initregs(&ireg);
	ireg.ax = 0x2401;	/* int 15h AX=2401h: enable A20 */
	intcall(0x15, &ireg, NULL);
}

/* Wait until the 8042's input buffer is empty; false if it never is. */
static bool empty_8042(void)
{
	int loops = 100000;
	u8 status;

	while (loops--) {
		io_delay();
		status = inb(0x64);
		if (status == 0xff)
			return false;	/* no controller at all */
		if (status & 1) {	/* output pending: read it away */
			io_delay();
			(void)inb(0x60);
		} else if (!(status & 2)) {
			return true;
		}
	}
	return false;
}

/* The 8042's output port has the A20 gate at bit 1 (command D1h). */
static void enable_a20_kbc(void)
{
	if (!empty_8042())
		return;
	outb(0xd1, 0x64);
	empty_8042();
	outb(0xdf, 0x60);	/* A20 on, keep the CPU out of reset */
	empty_8042();
	outb(0xff, 0x64);	/* null command, needed by some UHCI emulations */
	empty_8042();
}

/* "Fast A20": System Control Port A, bit 1. Bit 0 would reset the CPU. */
static void enable_a20_fast(void)
{
	u8 port_a = inb(0x92);

	port_a |= 0x02;
	port_a &= ~0x01;
	outb(port_a, 0x92);
}

/* Returns how A20 got enabled, or NULL if nothing worked. */
const char *enable_a20(void)
{
	int tries = 255;

	while (tries--) {
		if (a20_test_short())
			return "already enabled";
		enable_a20_bios();
		if (a20_test_short())
			return "BIOS";
		enable_a20_kbc();
		if (a20_test_long())
			return "keyboard controller";
		enable_a20_fast();
		if (a20_test_long())
			return "port 0x92";
	}
	return NULL;
}
