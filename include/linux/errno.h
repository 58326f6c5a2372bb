/*
 * The few errno values our freestanding code returns (negated, as in Linux).
 * The numbers are the standard Linux/POSIX ones so that they read the same
 * in logs and match what a Linux reader expects.
 */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#define ENOENT		2	/* No such file or directory */
#define E2BIG		7	/* Argument list too long */
#define ENOMEM		12	/* Out of memory */
#define EINVAL		22	/* Invalid argument */
#define ERANGE		34	/* Result out of range */

#endif
