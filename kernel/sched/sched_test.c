/*
 * Tests of threads: many of them at once, exit codes, sleeping and
 * waking through a wait queue, timed sleeps, and preemption: two threads
 * that never yield must both make progress, and so must the tester.
 * They run in kernel_init (pid 1), so they can wait for children.
 */
#include <linux/ktest.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <asm/irqflags.h>

#define MANY	40

static volatile int counter;

static int count_and_exit(void *arg)
{
	unsigned long flags = local_irq_save();

	counter++;
	local_irq_restore(flags);
	return (int)(unsigned long)arg * 3;
}

static void many_threads(struct ktest *test)
{
	int pids[MANY], i, status;

	counter = 0;
	for (i = 0; i < MANY; i++) {
		pids[i] = kernel_thread(count_and_exit, (void *)(unsigned long)i, 0);
		KTEST_EXPECT_TRUE(test, pids[i] > 1);
		if (i)
			KTEST_EXPECT_TRUE(test, pids[i] > pids[i - 1]);
	}
	for (i = 0; i < MANY; i++) {
		KTEST_EXPECT_EQ(test, kernel_wait(pids[i], &status), pids[i]);
		KTEST_EXPECT_EQ(test, status, i * 3);
		KTEST_EXPECT_TRUE(test, find_task_by_pid(pids[i]) == NULL);
	}
	KTEST_EXPECT_EQ(test, counter, MANY);
}

static DECLARE_WAIT_QUEUE_HEAD(event_wq);
static volatile bool event_flag;

static int wait_for_event(void *arg)
{
	(void)arg;
	wait_event(event_wq, event_flag);
	return 42;
}

static void sleep_and_wake(struct ktest *test)
{
	struct task_struct *p;
	int pid, status;

	event_flag = false;
	pid = kernel_thread(wait_for_event, NULL, 0);
	msleep(20);	/* it runs, finds no event, sleeps */
	p = find_task_by_pid(pid);
	KTEST_EXPECT_TRUE(test, p != NULL);
	if (p)
		KTEST_EXPECT_EQ(test, p->state, TASK_UNINTERRUPTIBLE);
	event_flag = true;
	wake_up(&event_wq);
	KTEST_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
	KTEST_EXPECT_EQ(test, status, 42);
}

static void timed_sleep(struct ktest *test)
{
	u64 start = jiffies;

	msleep(100);
	KTEST_EXPECT_TRUE(test, jiffies - start >= msecs_to_jiffies(100));
	KTEST_EXPECT_TRUE(test, jiffies - start < msecs_to_jiffies(100) * 5 + 5);
}

static volatile bool stop_spinning;
static volatile u64 spins[2];

static int spin(void *arg)
{
	int i = (int)(unsigned long)arg;

	while (!stop_spinning)
		spins[i]++;
	return 0;
}

/* Neither spinner yields: only the tick can take the CPU from them. */
static void preemption(struct ktest *test)
{
	int a, b, status;
	u64 a1, b1;

	stop_spinning = false;
	spins[0] = spins[1] = 0;
	a = kernel_thread(spin, (void *)0, 0);
	b = kernel_thread(spin, (void *)1, 0);
	msleep(100);
	a1 = spins[0];
	b1 = spins[1];
	msleep(100);
	KTEST_EXPECT_TRUE(test, a1 > 0 && b1 > 0);
	KTEST_EXPECT_TRUE(test, spins[0] > a1 && spins[1] > b1);
	stop_spinning = true;
	KTEST_EXPECT_EQ(test, kernel_wait(a, &status), a);
	KTEST_EXPECT_EQ(test, kernel_wait(b, &status), b);
	KTEST_EXPECT_TRUE(test, find_task_by_pid(a) == NULL);
}

static void wait_only_for_children(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, kernel_wait(0, NULL), -1);	/* idle */
	KTEST_EXPECT_EQ(test, kernel_wait(12345, NULL), -1);	/* none */
	KTEST_EXPECT_EQ(test, current->pid, 1);
}

static const struct ktest_case sched_cases[] = {
	KTEST_CASE(many_threads),
	KTEST_CASE(sleep_and_wake),
	KTEST_CASE(timed_sleep),
	KTEST_CASE(preemption),
	KTEST_CASE(wait_only_for_children),
	{}
};

static const struct ktest_suite sched_suite = { "sched", sched_cases };
ktest_register_suite(sched_suite);
