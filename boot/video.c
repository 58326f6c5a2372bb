/*
 * Record the text screen the BIOS left us in screen_info, so that the
 * decompressor and the kernel can keep writing to it (at 0xb8000) from
 * where the cursor is, without the BIOS. We do not change video modes.
 */
#include "boot.h"

void query_video(void)
{
	struct screen_info *si = &boot_params.screen_info;
	struct biosregs ireg, oreg;

	initregs(&ireg);
	ireg.ah = 0x0f;			/* int 10h AH=0Fh: current mode */
	intcall(0x10, &ireg, &oreg);
	si->orig_video_mode = oreg.al & 0x7f;
	si->orig_video_cols = oreg.ah;
	si->orig_video_page = oreg.bh;

	initregs(&ireg);
	ireg.ah = 0x03;			/* int 10h AH=03h: cursor position */
	ireg.bh = si->orig_video_page;
	intcall(0x10, &ireg, &oreg);
	si->orig_x = oreg.dl;
	si->orig_y = oreg.dh;

	/* Rows - 1 is in the BIOS data area at 0x484 (EGA and later). */
	set_fs(0);
	si->orig_video_lines = rdfs8(0x484) + 1;
	if (si->orig_video_lines < 25)
		si->orig_video_lines = 25;
	si->orig_video_isVGA = 1;
	si->orig_video_points = rdfs16(0x485);
}
