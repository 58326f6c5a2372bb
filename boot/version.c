/*
 * The kernel_version string the setup header points at (boot.rst,
 * "kernel_version"): loaders show it to users picking a kernel.
 */
#include <generated/compile.h>
#include <generated/utsrelease.h>

const char kernel_version[] =
	UTS_RELEASE " (" COMPILE_BY "@" COMPILE_HOST ") " UTS_VERSION;
