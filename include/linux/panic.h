/* The end of the line: print why, then halt or reboot (panic=N). */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

void __attribute__((noreturn, format(printf, 1, 2))) panic(const char *fmt, ...);

#endif
