/*
 * Fixed-width types for every stage: the 16-bit setup, the decompressor, the
 * kernel and the host tools that read our image. They come from the
 * compiler's own freestanding <stdint.h>, so the same header works with and
 * without a C library.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

#endif
