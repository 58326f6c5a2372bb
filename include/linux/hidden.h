/*
 * Forced into every decompressor C file (-include): with hidden
 * visibility the compiler knows no symbol can come from a shared object,
 * so it reaches all of them %rip-relative instead of through a GOT.
 */
#pragma GCC visibility push(hidden)
