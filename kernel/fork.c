/*
 * Creating kernel threads: a task_struct, a THREAD_SIZE stack whose first
 * frame starts the thread in fn(arg) (arch/x86/kernel/process_64.c), a
 * pid, and a place on the run queue.
 */
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <asm/irqflags.h>

LIST_HEAD(all_tasks);
static int last_pid;

static struct task_struct *alloc_task(void)
{
	struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return NULL;
	p->stack = kmalloc(THREAD_SIZE, GFP_KERNEL);
	if (!p->stack) {
		kfree(p);
		return NULL;
	}
	return p;
}

void free_task(struct task_struct *p)
{
	kfree(p->stack);
	kfree(p);
}

/*
 * flags (CLONE_FS, CLONE_SIGHAND... in Linux) mean nothing yet: kernel
 * threads share everything. Returns the pid, or -1 if out of memory.
 */
int kernel_thread(int (*fn)(void *), void *arg, unsigned long flags)
{
	struct task_struct *p = alloc_task();
	unsigned long irq;

	(void)flags;
	if (!p)
		return -1;
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->wait_list);
	INIT_LIST_HEAD(&p->timer_list);
	memcpy(p->comm, current->comm, sizeof(p->comm));
	p->parent = current;
	thread_setup_stack(p, fn, arg);

	irq = local_irq_save();
	p->pid = ++last_pid;
	list_add_tail(&p->tasks, &all_tasks);
	p->state = TASK_UNINTERRUPTIBLE;
	local_irq_restore(irq);
	wake_up_process(p);
	return p->pid;
}

struct task_struct *find_task_by_pid(int pid)
{
	struct task_struct *p;

	list_for_each_entry(p, &all_tasks, tasks)
		if (p->pid == pid)
			return p;
	return pid == 0 ? &init_task : NULL;
}
