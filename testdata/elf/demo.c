/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * demo: the program of ptwalk's process fixtures.  It is never run: ptwalk
 * loads it as the kernel's ELF loader would and lets its pages fault in.
 * It has what a lesson on demand paging needs: text, read-only data, a
 * data page, a small bss, a big bss array, a function that forks and
 * writes (copy-on-write), and a recursive function (stack growth).
 * Freestanding: no libc, system calls by hand, so the file stays small.
 */
#define BIG_SIZE	(1 << 20)	/* 256 pages of bss */
#define PAGE		4096

#define T4(x)	(x), (x) + 1, (x) + 2, (x) + 3
#define T16(x)	T4(x), T4((x) + 4), T4((x) + 8), T4((x) + 12)
#define T64(x)	T16(x), T16((x) + 16), T16((x) + 32), T16((x) + 48)
#define T256(x)	T64(x), T64((x) + 64), T64((x) + 128), T64((x) + 192)
#define T1K(x)	T256(x), T256((x) + 256), T256((x) + 512), T256((x) + 768)

/* .rodata: 8K of distinct words, so that every file page differs */
const unsigned int table[2048] = {
	T1K(0x5a5a0000u), T1K(0xa5a50400u)
};
/* .data */
char message[] = "hello from ptwalk\n";
int counter = 42;
long data_page[PAGE / sizeof(long)] = { 1, 2, 3 };
/* .bss */
static char scratch[2 * PAGE];
char big[BIG_SIZE];

#if defined(__x86_64__)
#define NR_write	1
#define NR_fork		57
#define NR_exit		60
static long
syscall3(long n, long a, long b, long c)
{
	long r;

	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return r;
}
#elif defined(__i386__)
#define NR_write	4
#define NR_fork		2
#define NR_exit		1
static long
syscall3(long n, long a, long b, long c)
{
	long r;

	__asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b), "d"(c)
			 : "memory");
	return r;
}
#elif defined(__aarch64__)
#define NR_write	64
#define NR_fork		1079	/* none on arm64: clone is 220 */
#define NR_exit		93
static long
syscall3(long n, long a, long b, long c)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;

	__asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2)
			 : "memory");
	return x0;
}
#elif defined(__arm__)
#define NR_write	4
#define NR_fork		2
#define NR_exit		1
static long
syscall3(long n, long a, long b, long c)
{
	register long r7 __asm__("r7") = n;
	register long r0 __asm__("r0") = a;
	register long r1 __asm__("r1") = b;
	register long r2 __asm__("r2") = c;

	__asm__ volatile("svc #0" : "+r"(r0) : "r"(r7), "r"(r1), "r"(r2)
			 : "memory");
	return r0;
}
#elif defined(__riscv)
#define NR_write	64
#define NR_fork		1079	/* none on riscv: clone is 220 */
#define NR_exit		93
static long
syscall3(long n, long a, long b, long c)
{
	register long a7 __asm__("a7") = n;
	register long a0 __asm__("a0") = a;
	register long a1 __asm__("a1") = b;
	register long a2 __asm__("a2") = c;

	__asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2)
			 : "memory");
	return a0;
}
#endif

/* Fork, then write to *p in the child: the page is copied on write. */
int
fork_and_write(int *p)
{
	long pid = syscall3(NR_fork, 0, 0, 0);

	if (pid == 0) {
		*p += 1;
		syscall3(NR_exit, 0, 0, 0);
	}
	return (int)pid;
}

/* Each call takes a page of stack: deep calls grow the stack VMA. */
int
recurse(int depth)
{
	volatile char frame[PAGE];

	frame[0] = (char)depth;
	if (depth <= 0)
		return frame[0];
	return recurse(depth - 1) + frame[0];
}

#if defined(__arm__) && defined(__thumb__)
/* An ARM-state (A32) function in a Thumb-2 program. */
__attribute__((target("arm"), noinline)) int
arm_add(int a, int b)
{
	return a + b;
}
#else
__attribute__((noinline)) int
arm_add(int a, int b)
{
	return a + b;
}
#endif

int
main(int argc, char **argv)
{
	long i, sum = 0;

	(void)argv;
	for (i = 0; i < BIG_SIZE; i += PAGE)	/* demand paging, page by page */
		big[i] = (char)i;
	scratch[0] = message[0];
	sum += recurse(4) + arm_add(argc, counter);
	if (fork_and_write(&counter) > 0)
		syscall3(NR_write, 1, (long)message, sizeof(message) - 1);
	return (int)(sum + table[argc & 2047] + data_page[0]);
}

void __attribute__((noreturn, used))
_start_c(long *sp)
{
	int argc = (int)sp[0];

	syscall3(NR_exit, main(argc, (char **)(sp + 1)), 0, 0);
	for (;;)
		;
}

/* The entry point: pass the initial stack (argc, argv, envp, auxv) on. */
#if defined(__x86_64__)
__asm__(".text\n.globl _start\n.type _start,@function\n_start:\n"
	"\txor %ebp, %ebp\n\tmov %rsp, %rdi\n\tand $-16, %rsp\n"
	"\tcall _start_c\n\thlt\n.size _start, .-_start\n");
#elif defined(__i386__)
__asm__(".text\n.globl _start\n.type _start,@function\n_start:\n"
	"\txor %ebp, %ebp\n\tmov %esp, %eax\n\tand $-16, %esp\n"
	"\tsub $12, %esp\n\tpush %eax\n\tcall _start_c\n\thlt\n"
	".size _start, .-_start\n");
#elif defined(__aarch64__)
__asm__(".text\n.globl _start\n.type _start,%function\n_start:\n"
	"\tmov x29, #0\n\tmov x0, sp\n\tbl _start_c\n"
	".size _start, .-_start\n");
#elif defined(__arm__)
__asm__(".text\n.arm\n.globl _start\n.type _start,%function\n_start:\n"
	"\tmov fp, #0\n\tmov r0, sp\n\tbl _start_c\n"
	".size _start, .-_start\n");
#elif defined(__riscv)
__asm__(".text\n.globl _start\n.type _start,%function\n_start:\n"
	".option push\n.option norelax\n\tla gp, __global_pointer$\n"
	".option pop\n\tmv fp, zero\n\tmv a0, sp\n\tcall _start_c\n"
	".size _start, .-_start\n");
#endif
