/*
 * The first frame of a new thread: what __switch_to pops (six callee-
 * saved registers, %r12 = fn, %r13 = arg) and returns into
 * (ret_from_fork), placed so that %rsp is 16-byte aligned at ret_from_fork's
 * call, as the ABI requires.
 */
#include <linux/sched.h>

extern const char ret_from_fork[];

struct fork_frame {
	unsigned long r15, r14, r13, r12, rbx, rbp;
	unsigned long ret_addr;
};

_Static_assert(offsetof(struct task_struct, sp) == 0,
	       "__switch_to finds sp at offset 0");

void thread_setup_stack(struct task_struct *p, int (*fn)(void *), void *arg)
{
	unsigned long top = (unsigned long)p->stack + THREAD_SIZE;
	struct fork_frame *frame;

	/* After the ret, %rsp = frame + 1; that must be 16-byte aligned. */
	frame = (struct fork_frame *)((top & ~15UL) - 16) - 1;
	*frame = (struct fork_frame) {
		.r12 = (unsigned long)fn,
		.r13 = (unsigned long)arg,
		.ret_addr = (unsigned long)ret_from_fork,
	};
	p->sp = (unsigned long)frame;
}
