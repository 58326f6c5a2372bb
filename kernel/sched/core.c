/*
 * The scheduler: one run queue, round robin. current runs; the run queue
 * holds the other runnable tasks; task 0 (idle) runs when it is empty.
 * Everything here runs with interrupts off (the tick, which also wakes
 * sleepers and ends time slices, is an interrupt).
 */
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <asm/irqflags.h>

struct task_struct init_task = {
	.state = TASK_RUNNING,
	.pid = 0,
	.comm = "swapper/0",
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.wait_list = LIST_HEAD_INIT(init_task.wait_list),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.timer_list = LIST_HEAD_INIT(init_task.timer_list),
};

struct task_struct *current = &init_task;
volatile bool need_resched;

static LIST_HEAD(runqueue);
static LIST_HEAD(sleepers);		/* tasks in schedule_timeout() */
static int preempt_count;

void sched_init(void)
{
	pr_info("sched: round robin, %d-tick time slices, HZ=%d\n", SCHED_SLICE, HZ);
}

static struct task_struct *pick_next_task(void)
{
	struct task_struct *p;

	if (list_empty(&runqueue))
		return &init_task;
	p = list_first_entry(&runqueue, struct task_struct, run_list);
	list_del_init(&p->run_list);
	return p;
}

void schedule(void)
{
	unsigned long flags = local_irq_save();
	struct task_struct *prev = current, *next;

	need_resched = false;
	if (prev->state == TASK_RUNNING && prev != &init_task)
		list_add_tail(&prev->run_list, &runqueue);
	next = pick_next_task();
	next->time_slice = SCHED_SLICE;
	if (next != prev) {
		next->switches++;
		current = next;
		__switch_to(prev, next);	/* back here when prev runs again */
	}
	local_irq_restore(flags);
}

void wake_up_process(struct task_struct *p)
{
	unsigned long flags = local_irq_save();

	if (p->state != TASK_RUNNING && p->state != TASK_DEAD) {
		p->state = TASK_RUNNING;
		list_del_init(&p->timer_list);
		/* current is not queued: it is woken before it went to sleep. */
		if (p != current)
			list_add_tail(&p->run_list, &runqueue);
		if (current == &init_task)
			need_resched = true;
	}
	local_irq_restore(flags);
}

/*
 * Sleep until woken or for timeout ticks, in the state the caller set.
 * Returns the ticks left (0 if the time ran out).
 */
u64 schedule_timeout(u64 timeout)
{
	unsigned long flags;
	u64 until;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	flags = local_irq_save();
	until = jiffies + timeout;
	current->wake_at = until;
	list_add_tail(&current->timer_list, &sleepers);
	schedule();
	list_del_init(&current->timer_list);
	local_irq_restore(flags);
	return time_after(until, jiffies) ? until - jiffies : 0;
}

/* From the timer interrupt: wake the sleepers whose time has come. */
static void wake_sleepers(void)
{
	struct list_head *pos = sleepers.next, *next;

	for (; pos != &sleepers; pos = next) {
		struct task_struct *p = list_entry(pos, struct task_struct, timer_list);

		next = pos->next;
		if (!time_before(jiffies, p->wake_at))
			wake_up_process(p);
	}
}

void scheduler_tick(void)
{
	wake_sleepers();
	if (current == &init_task) {
		if (!list_empty(&runqueue))
			need_resched = true;
	} else if (--current->time_slice <= 0) {
		need_resched = true;
	}
}

/* At the end of an interrupt: preempt the interrupted task if due. */
void preempt_schedule_irq(void)
{
	if (need_resched && !preempt_count)
		schedule();
}

void preempt_disable(void)
{
	preempt_count++;
}

void preempt_enable(void)
{
	if (!--preempt_count && need_resched)
		schedule();
}

/* The idle task: halt until an interrupt makes something runnable. */
void cpu_idle(void)
{
	for (;;) {
		local_irq_disable();
		if (!need_resched && list_empty(&runqueue))
			safe_halt();
		else
			local_irq_enable();
		schedule();
	}
}

void prepare_to_wait(struct wait_queue_head *wq, long state)
{
	unsigned long flags = local_irq_save();

	current->state = state;
	if (list_empty(&current->wait_list))
		list_add_tail(&current->wait_list, &wq->head);
	local_irq_restore(flags);
}

void finish_wait(struct wait_queue_head *wq)
{
	unsigned long flags = local_irq_save();

	(void)wq;
	current->state = TASK_RUNNING;
	list_del_init(&current->wait_list);
	local_irq_restore(flags);
}

void wake_up(struct wait_queue_head *wq)
{
	unsigned long flags = local_irq_save();

	while (!list_empty(&wq->head)) {
		struct task_struct *p =
			list_first_entry(&wq->head, struct task_struct, wait_list);

		list_del_init(&p->wait_list);
		wake_up_process(p);
	}
	local_irq_restore(flags);
}
