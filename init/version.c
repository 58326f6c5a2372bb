/*
 * The banner: who built this kernel, with what, and when. compile.h is
 * generated at each link of vmlinux (tools/mkcompile_h.sh).
 */
#include <generated/compile.h>
#include <generated/utsrelease.h>

const char uts_release[] = UTS_RELEASE;
const char uts_version[] = UTS_VERSION;

const char linux_banner[] =
	"Kestrel version " UTS_RELEASE " (" COMPILE_BY "@" COMPILE_HOST ") ("
	COMPILER ") " UTS_VERSION "\n";
