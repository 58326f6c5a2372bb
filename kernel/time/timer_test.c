/*
 * Tests of the tick and of waiting. Time is compared between independent
 * clocks (the PIT tick behind jiffies, the TSC behind udelay, PIT channel
 * 2 behind tsc_stopwatch) with wide margins: under emulation on a busy
 * host, ticks arrive late and then in a burst, so over a short interval
 * jiffies can run ahead of real time or behind it. The bounds catch a
 * tick that is missing or at the wrong rate, not jitter.
 */
#include <linux/ktest.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/tsc_stopwatch.h>
#include <asm/irqflags.h>

/* 200 ms busy wait: jiffies must advance by about HZ / 5. */
static void jiffies_follow_time(struct ktest *test)
{
	u64 start = jiffies, ticks;

	mdelay(200);
	ticks = jiffies - start;
	KTEST_EXPECT_TRUE(test, ticks >= HZ / 5 / 2);
	KTEST_EXPECT_TRUE(test, ticks <= HZ / 5 * 3);
}

static void interrupts_are_on(struct ktest *test)
{
	KTEST_EXPECT_TRUE(test, !irqs_disabled());
}

/* msleep(100) lasts about 100 ms by the PIT (ticks may burst: half). */
static void msleep_duration(struct ktest *test)
{
	struct tsc_stopwatch sw;
	u64 cycles, us;
	u32 khz;

	tsc_stopwatch_start(&sw);
	msleep(100);
	khz = tsc_stopwatch_stop(&sw, &cycles);
	KTEST_EXPECT_TRUE(test, khz != 0);
	if (!khz)
		return;
	us = cycles * 1000 / khz;
	KTEST_EXPECT_TRUE(test, us >= 50000);
	KTEST_EXPECT_TRUE(test, us < 1000000);
}

/* udelay(20000) lasts 20 ms by the PIT: it must not be short. */
static void udelay_duration(struct ktest *test)
{
	struct tsc_stopwatch sw;
	u64 cycles, us;
	u32 khz;

	tsc_stopwatch_start(&sw);
	udelay(20000);
	khz = tsc_stopwatch_stop(&sw, &cycles);
	KTEST_EXPECT_TRUE(test, khz != 0);
	if (!khz)
		return;
	us = cycles * 1000 / khz;
	KTEST_EXPECT_TRUE(test, us >= 19000);
	KTEST_EXPECT_TRUE(test, us < 200000);
}

static const struct ktest_case timer_cases[] = {
	KTEST_CASE(interrupts_are_on),
	KTEST_CASE(jiffies_follow_time),
	KTEST_CASE(msleep_duration),
	KTEST_CASE(udelay_duration),
	{}
};

static const struct ktest_suite timer_suite = { "timer", timer_cases };
ktest_register_suite(timer_suite);
