/*
 * Threads. One CPU; every thread is a kernel thread with its own stack.
 * The boot thread becomes task 0, the idle task ("swapper/0"), which runs
 * only when nothing else can. The others are scheduled round robin with a
 * time slice of SCHED_SLICE ticks, preempted on the tick unless they hold
 * preempt_disable().
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/list.h>

#define TASK_RUNNING		0
#define TASK_INTERRUPTIBLE	1
#define TASK_UNINTERRUPTIBLE	2
#define TASK_DEAD		16	/* exited, waiting to be reaped */

#define TASK_COMM_LEN		16
#define THREAD_SIZE		16384	/* kernel stack per thread */
#define SCHED_SLICE		4	/* ticks */
#define MAX_SCHEDULE_TIMEOUT	(~0ULL)

struct task_struct {
	unsigned long sp;		/* saved stack pointer while switched out:
					   first, __switch_to finds it at 0 */
	volatile long state;
	int pid;
	char comm[TASK_COMM_LEN];
	void *stack;			/* THREAD_SIZE bytes, NULL for task 0 */
	struct task_struct *parent;
	struct list_head run_list;	/* on the run queue */
	struct list_head wait_list;	/* on a wait queue */
	struct list_head tasks;		/* every task, for pid lookup */
	struct list_head timer_list;	/* on the sleepers list */
	u64 wake_at;			/* jiffies, for schedule_timeout() */
	int time_slice;
	int exit_code;
	u64 switches;			/* times it was switched in */
};

extern struct task_struct *current;
extern struct task_struct init_task;
extern volatile bool need_resched;

void sched_init(void);
void schedule(void);
u64 schedule_timeout(u64 timeout);
void wake_up_process(struct task_struct *p);
void scheduler_tick(void);
void preempt_schedule_irq(void);
void __attribute__((noreturn)) cpu_idle(void);

void preempt_disable(void);
void preempt_enable(void);

int kernel_thread(int (*fn)(void *), void *arg, unsigned long flags);
void __attribute__((noreturn)) do_exit(int code);
int kernel_wait(int pid, int *status);
struct task_struct *find_task_by_pid(int pid);

/* arch/x86/kernel/process_64.c */
void __switch_to(struct task_struct *prev, struct task_struct *next);
void thread_setup_stack(struct task_struct *p, int (*fn)(void *), void *arg);

#endif
