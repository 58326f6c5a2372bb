/*
 * A stopwatch on the TSC whose rate is measured against the 8254 PIT
 * while the timed work runs. Channel 2 (the speaker channel, whose gate
 * software controls through port 0x61) counts down from 0xffff at
 * 1.193182 MHz in mode 0 ("interrupt on terminal count": OUT2 goes high
 * at zero); reading its count at the end gives the elapsed time. Work
 * shorter than 1 ms is padded to 1 ms for precision (one PIT tick is
 * 0.84 us); work longer than 55 ms (the counter ran out) is followed by a
 * 10 ms measurement of its own, which the kernel also uses on its own
 * when the decompressor left no figure.
 */
#include <linux/tsc_stopwatch.h>
#include <asm/i8253.h>
#include <asm/io.h>
#include <asm/tsc.h>

#define PORT_61		0x61		/* bit 0: gate 2, bit 1: speaker, bit 5: OUT2 */
#define MIN_TICKS	(PIT_TICK_RATE / 1000)
#define LONG_TICKS	(PIT_TICK_RATE / 100)

/* Load channel 2 with count in mode 0, binary, and open its gate. */
static void pit_start(u16 count)
{
	outb((inb(PORT_61) & ~0x02) | 0x01, PORT_61);
	outb(0xb0, PIT_MODE);		/* channel 2, lobyte/hibyte, mode 0 */
	outb(count & 0xff, PIT_CH2);
	outb(count >> 8, PIT_CH2);
}

static u16 pit_read(void)
{
	u8 lo;

	outb(0x80, PIT_MODE);		/* latch channel 2 */
	lo = inb(PIT_CH2);
	return lo | inb(PIT_CH2) << 8;
}

static bool pit_expired(void)
{
	return inb(PORT_61) & 0x20;
}

void tsc_stopwatch_start(struct tsc_stopwatch *sw)
{
	pit_start(0xffff);
	sw->start = rdtsc();
}

/* TSC kHz from ticks PIT ticks and the TSC cycles they took. */
static u32 khz(u64 cycles, u32 ticks)
{
	return ticks ? cycles * PIT_TICK_RATE / ticks / 1000 : 0;
}

/* A 10 ms measurement, bounded in case there is no PIT at all. */
u32 pit_calibrate_tsc(void)
{
	u64 t0, t1, spins = 0;

	pit_start(LONG_TICKS);
	t0 = rdtsc();
	while (!pit_expired())
		if (++spins > 100000000)
			return 0;
	t1 = rdtsc();
	return khz(t1 - t0, LONG_TICKS);
}

u32 tsc_stopwatch_stop(struct tsc_stopwatch *sw, u64 *cycles)
{
	u64 end = rdtsc(), spins = 0;
	u32 ticks;

	*cycles = end - sw->start;
	if (pit_expired())
		return pit_calibrate_tsc();
	ticks = 0xffff - pit_read();
	while (ticks < MIN_TICKS) {
		if (++spins > 10000000)
			return 0;
		end = rdtsc();
		ticks = 0xffff - pit_read();
	}
	return khz(end - sw->start, ticks);
}
