/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the libFuzzer harnesses of tests/fuzz share: quiet output, a
 * sandbox for the files and programs a fuzzed script may name, and the
 * fuzzer's bytes as a file for the loaders that take a path.
 */
#ifndef PTWALK_FUZZ_H
#define PTWALK_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ptwalk/types.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The source tree (FUZZ_TOP, or $PTWALK_TOP). */
extern const char *fuzz_top;
/*
 * Once per process: fuzz_top, the sandbox's root (testdata/), stdin from
 * /dev/null.  With $PTWALK_FUZZ_VERBOSE set, fuzz_mute() keeps the output.
 */
void fuzz_init(void);

/*
 * While muted, stdio's stdout and stderr write to /dev/null (the
 * sanitizers and libFuzzer write to the descriptors and are still heard).
 */
void fuzz_mute(bool on);
/* /dev/null as a stream, for ctx->out. */
FILE *fuzz_devnull(void);

/*
 * While the sandbox is on, the working directory is testdata/golden (as
 * for the golden tests), the process may read only files under testdata/
 * and may not write a file, rename, unlink or start a program:
 * open(), fopen() and the rest fail with EACCES (commands report it as
 * any unreadable file).  Off, they are the C library's.  A crash, a
 * sanitizer report or libFuzzer's timeout ends the sandbox first, so that
 * libFuzzer can write the input out.
 */
void fuzz_sandbox(bool on);

/*
 * The bytes as an anonymous file: its path ("/proc/self/fd/N") in path.
 * Returns the descriptor (close it after use) or -1.
 */
int fuzz_file(const uint8_t *data, size_t size, char *path, size_t n);

#endif
