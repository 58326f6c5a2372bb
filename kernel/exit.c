/*
 * A thread ends by returning from its function or calling do_exit(); it
 * stays a TASK_DEAD task (a zombie) until its parent collects the exit
 * code with kernel_wait(), which frees it.
 */
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/panic.h>
#include <asm/irqflags.h>

void free_task(struct task_struct *p);

static DECLARE_WAIT_QUEUE_HEAD(child_exit);

void do_exit(int code)
{
	if (current == &init_task)
		panic("Attempted to kill the idle task!");
	local_irq_disable();
	current->exit_code = code;
	current->state = TASK_DEAD;
	wake_up(&child_exit);
	schedule();
	panic("do_exit: a dead task ran again");
}

/* Waits for the child pid to exit; returns pid, or -1 if there is none. */
int kernel_wait(int pid, int *status)
{
	struct task_struct *p = find_task_by_pid(pid);
	unsigned long flags;

	if (!p || p == &init_task || p->parent != current)
		return -1;
	wait_event(child_exit, p->state == TASK_DEAD);
	if (status)
		*status = p->exit_code;
	flags = local_irq_save();
	list_del_init(&p->tasks);
	local_irq_restore(flags);
	free_task(p);
	return pid;
}
