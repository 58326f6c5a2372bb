/*
 * Wait queues: a list of sleeping tasks that an event wakes. The wait
 * condition is checked again after every wake-up, so a spurious one is
 * harmless (Linux's wait_event() contract).
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/sched.h>

struct wait_queue_head {
	struct list_head head;
};

#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = { LIST_HEAD_INIT(name.head) }

static inline void init_waitqueue_head(struct wait_queue_head *wq)
{
	INIT_LIST_HEAD(&wq->head);
}

void prepare_to_wait(struct wait_queue_head *wq, long state);
void finish_wait(struct wait_queue_head *wq);
void wake_up(struct wait_queue_head *wq);

#define wait_event(wq, condition)					\
	do {								\
		for (;;) {						\
			prepare_to_wait(&(wq), TASK_UNINTERRUPTIBLE);	\
			if (condition)					\
				break;					\
			schedule();					\
		}							\
		finish_wait(&(wq));					\
	} while (0)

#endif
