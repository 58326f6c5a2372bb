/*
 * The two cascaded 8259A interrupt controllers of the PC. The BIOS leaves
 * them raising vectors 0x08-0x0f and 0x70-0x77, which collide with CPU
 * exceptions in protected mode, so they are reprogrammed to 0x20-0x2f
 * (Intel 8259A data sheet: ICW1-ICW4, OCW1-OCW3).
 */
#include <linux/types.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/traps.h>

#define PIC_MASTER_CMD	0x20
#define PIC_MASTER_IMR	0x21
#define PIC_SLAVE_CMD	0xa0
#define PIC_SLAVE_IMR	0xa1
#define PIC_CASCADE_IR	2
#define PIC_EOI		0x20
#define PIC_READ_ISR	0x0b

static u16 irq_mask = 0xffff & ~(1 << PIC_CASCADE_IR);

static void write_masks(void)
{
	outb(irq_mask & 0xff, PIC_MASTER_IMR);
	outb(irq_mask >> 8, PIC_SLAVE_IMR);
}

void init_8259A(void)
{
	outb(0x11, PIC_MASTER_CMD);	/* ICW1: edge triggered, cascade, ICW4 */
	io_delay();
	outb(FIRST_EXTERNAL_VECTOR, PIC_MASTER_IMR);		/* ICW2 */
	io_delay();
	outb(1 << PIC_CASCADE_IR, PIC_MASTER_IMR);		/* ICW3: slave on IR2 */
	io_delay();
	outb(0x01, PIC_MASTER_IMR);	/* ICW4: 8086 mode, normal EOI */
	io_delay();

	outb(0x11, PIC_SLAVE_CMD);
	io_delay();
	outb(FIRST_EXTERNAL_VECTOR + 8, PIC_SLAVE_IMR);
	io_delay();
	outb(PIC_CASCADE_IR, PIC_SLAVE_IMR);	/* its cascade identity */
	io_delay();
	outb(0x01, PIC_SLAVE_IMR);
	io_delay();

	write_masks();
}

void enable_8259A_irq(int irq)
{
	irq_mask &= ~(1 << irq);
	write_masks();
}

void disable_8259A_irq(int irq)
{
	irq_mask |= 1 << irq;
	write_masks();
}

/*
 * IRQ 7 and 15 also arrive when a request went away before the CPU
 * acknowledged it; then the in-service bit is clear and no EOI is owed
 * (except to the master for a spurious slave interrupt).
 */
bool i8259A_irq_real(int irq)
{
	u16 port = irq < 8 ? PIC_MASTER_CMD : PIC_SLAVE_CMD;
	u8 isr;

	if ((irq & 7) != 7)
		return true;
	outb(PIC_READ_ISR, port);
	isr = inb(port);
	if (isr & 0x80)
		return true;
	if (irq == 15)
		outb(PIC_EOI, PIC_MASTER_CMD);
	return false;
}

void i8259A_eoi(int irq)
{
	if (irq >= 8)
		outb(PIC_EOI, PIC_SLAVE_CMD);
	outb(PIC_EOI, PIC_MASTER_CMD);
}
