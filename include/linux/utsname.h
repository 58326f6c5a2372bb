/* The kernel's release and build, as init/version.c recorded them. */
#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H

extern const char uts_release[];	/* "0.1.0" */
extern const char uts_version[];	/* "#12 Sat Nov 21 18:00:00 UTC 2026" */

#endif
