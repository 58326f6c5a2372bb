/*
 * Early VGA text console. The decompressor and the early kernel run with
 * the first 4 GiB identity-mapped, so the text buffer is at its physical
 * address; the kernel moves it with early_vga_remap() when its own page
 * tables replace that map. The cursor position is kept in screen_info
 * itself, so the next stage carries on where this one stopped.
 */
#include <linux/types.h>
#include <linux/string.h>
#include <linux/early_vga.h>
#include <asm/io.h>

static struct screen_info *screen;
static u16 *vidmem;
static unsigned long phys_offset;	/* virtual - physical address */

bool early_vga_init(struct screen_info *si)
{
	unsigned long phys = si->orig_video_mode == 7 ? 0xb0000 : 0xb8000;

	/* No text mode (EFI, or a loader that filled nothing): stay silent. */
	if (!si->orig_video_lines || !si->orig_video_cols)
		return false;
	screen = si;
	vidmem = (u16 *)(phys + phys_offset);
	return true;
}

/*
 * Physical memory is now reached at its address + offset: for the text
 * buffer in use, and for one set up later.
 */
void early_vga_remap(unsigned long offset)
{
	if (vidmem)
		vidmem = (u16 *)((unsigned long)vidmem - phys_offset + offset);
	phys_offset = offset;
}

static void scroll(void)
{
	int cols = screen->orig_video_cols, lines = screen->orig_video_lines;
	int i;

	memmove(vidmem, vidmem + cols, (lines - 1) * cols * 2);
	for (i = (lines - 1) * cols; i < lines * cols; i++)
		vidmem[i] = 0x0720;	/* grey blank */
}

/* The CRT controller's cursor location registers (0x0e, 0x0f). */
static void set_cursor(void)
{
	int pos = screen->orig_y * screen->orig_video_cols + screen->orig_x;

	outb(0x0e, 0x3d4);
	outb(pos >> 8, 0x3d5);
	outb(0x0f, 0x3d4);
	outb(pos & 0xff, 0x3d5);
}

void early_vga_putc(int ch)
{
	if (!screen)
		return;
	if (ch == '\n') {
		screen->orig_x = 0;
		screen->orig_y++;
	} else if (ch != '\r') {
		vidmem[screen->orig_y * screen->orig_video_cols + screen->orig_x] =
			0x0700 | (u8)ch;
		if (++screen->orig_x >= screen->orig_video_cols) {
			screen->orig_x = 0;
			screen->orig_y++;
		}
	}
	if (screen->orig_y >= screen->orig_video_lines) {
		scroll();
		screen->orig_y = screen->orig_video_lines - 1;
	}
	if (ch == '\n')
		set_cursor();
}
