/*
 * The IDT and what happens on an exception. At this stage of the kernel
 * every exception is a bug: print an oops the way Linux does (what, the
 * error code, CR2 for a page fault, RIP as symbol+off/len, all registers,
 * a call trace) and panic. The double fault runs on a stack of its own
 * (the TSS's IST1, Intel SDM vol. 3, 6.14.5): it usually means the
 * kernel stack overflowed, and then no handler could run on it.
 */
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/kallsyms.h>
#include <linux/sched.h>
#include <linux/utsname.h>
#include <asm/traps.h>
#include <asm/segment.h>
#include <asm/desc.h>
#include <asm/extable.h>
#include <asm/special_insns.h>

#define PAGE_SIZE	4096

static const char *const exception_names[NR_EXCEPTION_VECTORS] = {
	"divide error", "debug", "NMI", "int3", "overflow", "bounds",
	"invalid opcode", "device not available", "double fault",
	"coprocessor segment overrun", "invalid TSS", "segment not present",
	"stack segment", "general protection fault", "page fault",
	"spurious interrupt bug", "coprocessor error", "alignment check",
	"machine check", "SIMD coprocessor error", "virtualization exception",
	"control protection fault", "reserved 22", "reserved 23", "reserved 24",
	"reserved 25", "reserved 26", "reserved 27", "hypervisor injection",
	"VMM communication", "security exception", "reserved 31",
};

static struct idt_gate idt_table[256] __attribute__((aligned(PAGE_SIZE)));
static struct tss tss __attribute__((aligned(64)));
static u8 double_fault_stack[PAGE_SIZE] __attribute__((aligned(16)));

extern const char exception_stubs[];
extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

struct exception_info last_exception;
static bool oops_expected;

void expect_oops(void)
{
	oops_expected = true;
}

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++) {
		if (e->insn == regs->rip) {
			regs->rip = e->fixup;
			return true;
		}
	}
	return false;
}

/* #PF error code bits (SDM vol. 3, 4.7), described as Linux does. */
static void show_fault_oops(const struct pt_regs *regs, unsigned long address)
{
	unsigned long ec = regs->error_code;

	if (address < PAGE_SIZE)
		pr_alert("BUG: kernel NULL pointer dereference, address: %016lx\n", address);
	else
		pr_alert("BUG: unable to handle page fault for address: %016lx\n", address);
	pr_alert("#PF: %s %s in %s mode\n", ec & 4 ? "user" : "supervisor",
		 ec & 16 ? "instruction fetch" : ec & 2 ? "write access" : "read access",
		 ec & 4 ? "user" : "kernel");
	pr_alert("#PF: error_code(0x%04lx) - %s\n", ec,
		 !(ec & 1) ? "not-present page" :
		 ec & 8 ? "reserved bit violation" : "permissions violation");
}

void show_regs(const struct pt_regs *regs)
{
	char sym[KSYM_SYMBOL_LEN];
	u16 ds, es;

	asm volatile("mov %%ds, %0; mov %%es, %1" : "=r"(ds), "=r"(es));
	sprint_symbol(sym, sizeof(sym), regs->rip);
	pr_emerg("CPU: 0 PID: %d Comm: %s Not tainted %s %s\n",
		 current->pid, current->comm, uts_release, uts_version);
	pr_emerg("RIP: %04lx:%s\n", regs->cs, sym);
	pr_emerg("RSP: %04lx:%016lx EFLAGS: %08lx\n", regs->ss, regs->rsp, regs->eflags);
	pr_emerg("RAX: %016lx RBX: %016lx RCX: %016lx\n", regs->rax, regs->rbx, regs->rcx);
	pr_emerg("RDX: %016lx RSI: %016lx RDI: %016lx\n", regs->rdx, regs->rsi, regs->rdi);
	pr_emerg("RBP: %016lx R08: %016lx R09: %016lx\n", regs->rbp, regs->r8, regs->r9);
	pr_emerg("R10: %016lx R11: %016lx R12: %016lx\n", regs->r10, regs->r11, regs->r12);
	pr_emerg("R13: %016lx R14: %016lx R15: %016lx\n", regs->r13, regs->r14, regs->r15);
	pr_emerg("CS:  %04lx DS: %04x ES: %04x CR0: %016lx\n", regs->cs, ds, es, read_cr0());
	pr_emerg("CR2: %016lx CR3: %016lx CR4: %016lx\n", read_cr2(), __read_cr3(), __read_cr4());
}

/*
 * Frame-pointer call trace (the kernel is built with frame pointers):
 * [rbp] is the caller's rbp, [rbp + 8] the return address. Frames go up
 * the stack; anything else ends the walk.
 */
static void show_trace(unsigned long rbp)
{
	char sym[KSYM_SYMBOL_LEN];
	int depth;

	pr_emerg("Call Trace:\n");
	pr_emerg(" <TASK>\n");
	for (depth = 0; depth < 32 && rbp && !(rbp & 7); depth++) {
		const unsigned long *frame = (const unsigned long *)rbp;

		if (!kernel_text_address(frame[1]))
			break;
		sprint_symbol(sym, sizeof(sym), frame[1]);
		pr_emerg(" %s\n", sym);
		if (frame[0] <= rbp || frame[0] - rbp > 16384)
			break;
		rbp = frame[0];
	}
	pr_emerg(" </TASK>\n");
}

static void do_exception(struct pt_regs *regs)
{
	static int die_counter;
	unsigned long vector = regs->vector;
	bool expected = oops_expected;

	last_exception.vector = vector;
	last_exception.error_code = regs->error_code;
	last_exception.cr2 = vector == X86_TRAP_PF ? read_cr2() : 0;
	last_exception.rip = regs->rip;
	oops_expected = false;
	if (!expected && fixup_exception(regs))
		return;
	if (die_counter++) {
		pr_emerg("Recursive fault in the oops handler: %s at %016lx\n",
			 exception_names[vector & 31], regs->rip);
		panic("Recursive fault");
	}
	if (vector == X86_TRAP_PF) {
		show_fault_oops(regs, read_cr2());
		pr_emerg("Oops: %04lx [#%d]\n", regs->error_code, die_counter);
	} else {
		pr_emerg("%s: %04lx [#%d]\n", exception_names[vector & 31],
			 regs->error_code, die_counter);
	}
	show_regs(regs);
	show_trace(regs->rbp);
	pr_emerg("---[ end trace 0000000000000000 ]---\n");
	if (expected && fixup_exception(regs)) {
		pr_emerg("The oops was expected (a test): carrying on\n");
		die_counter--;
		return;
	}
	panic("Fatal exception");
}

void do_vector(struct pt_regs *regs)
{
	if (regs->vector < NR_EXCEPTION_VECTORS)
		do_exception(regs);
	else
		do_IRQ(regs);
}

static void set_gate(int n, const void *handler, int ist)
{
	unsigned long addr = (unsigned long)handler;
	struct idt_gate *g = &idt_table[n];

	g->offset_low = addr & 0xffff;
	g->selector = __KERNEL_CS;
	g->ist = ist;
	g->type_attr = GATE_INTERRUPT;
	g->offset_mid = (addr >> 16) & 0xffff;
	g->offset_high = addr >> 32;
	g->reserved = 0;
}

/* The TSS only carries IST1 for us; ring 3 does not exist yet. */
static void tss_init(void)
{
	tss.ist[IST_DOUBLE_FAULT - 1] =
		(unsigned long)double_fault_stack + sizeof(double_fault_stack);
	tss.iomap_base = sizeof(tss);
	set_tss_desc(&tss);
	asm volatile("ltr %w0" : : "r"(GDT_ENTRY_TSS * 8));
}

void trap_init(void)
{
	struct desc_ptr idt = { sizeof(idt_table) - 1, (unsigned long)idt_table };
	int n;

	tss_init();
	for (n = 0; n < NR_STUB_VECTORS; n++)
		set_gate(n, exception_stubs + n * EXCEPTION_STUB_SIZE,
			 n == X86_TRAP_DF ? IST_DOUBLE_FAULT : 0);
	asm volatile("lidt %0" : : "m"(idt));
}
