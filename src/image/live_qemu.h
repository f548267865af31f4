/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A client of the gdb remote serial protocol, as QEMU's gdbstub speaks it
 * (gdbstub/gdbstub.c): packets "$data#cs", no acks once QStartNoAckMode
 * is accepted, replies read with a timeout so that a peer that is not a
 * gdbstub is an error, never a hang.
 */
#ifndef PTWALK_LIVE_QEMU_H
#define PTWALK_LIVE_QEMU_H

#include "ptwalk/image_info.h"
#include "ptwalk/types.h"
#include "ptwalk/util.h"

#define GDB_TIMEOUT_MS	5000

struct gdb {
	int fd;
	bool noack;
	char *addr;		/* as given: "unix:PATH" or "host:port" */
	char *buf;		/* the last reply, decoded */
	size_t len, cap;
	u64 pkt_max;		/* PacketSize the stub accepts */
	u64 mem_chunk;		/* bytes per m packet */
	char in[8192];		/* bytes received, not yet parsed */
	size_t in_len, in_off;
};

int gdb_connect(struct gdb *g, const char *addr, struct error *e);
void gdb_close(struct gdb *g);
/* Send a packet (data without framing). */
int gdb_send(struct gdb *g, const char *data, struct error *e);
/* Read the next packet into g->buf (NUL-terminated); O packets too. */
int gdb_recv(struct gdb *g, struct error *e);
/* Send and read the reply, skipping console output (O...) unless keep. */
int gdb_cmd(struct gdb *g, const char *data, struct error *e);
/* A monitor command through qRcmd: its output appended to out. */
int gdb_monitor(struct gdb *g, const char *cmd, struct strbuf *out,
		struct error *e);
/* An object through qXfer:ANNEX:read, whole, into out. */
int gdb_xfer(struct gdb *g, const char *object, const char *annex,
	     struct strbuf *out, struct error *e);
/* len bytes of memory at addr (physical once PhyMemMode is on). */
int gdb_read_mem(struct gdb *g, u64 addr, u8 *dst, u64 len, struct error *e);
/* Interrupt a running guest (0x03) and read its stop reply. */
int gdb_interrupt(struct gdb *g, struct error *e);
/* n bytes from 2n hex digits; false on a bad digit. */
bool gdb_unhex(const char *s, size_t n, u8 *dst);
/* Hex little-endian register bytes to a value. */
bool gdb_hex_le(const char *s, u64 *v);

/*
 * live_vmci.c: the VMCOREINFO of a live guest, found in its RAM.  src
 * reads the guest: heads gives the first VMCI_HEAD bytes of each of n
 * pages from pa, read any bytes.
 */
#define VMCI_HEAD	32

struct vmci_src {
	void *ctx;
	int (*heads)(void *ctx, u64 pa, u64 n, u8 *out, struct error *e);
	int (*read)(void *ctx, u64 pa, u8 *dst, u64 len, struct error *e);
};

struct vmci_found {
	u64 pa;			/* the page that holds it */
	bool note;		/* vmcoreinfo_note (else vmcoreinfo_data) */
	char *text;		/* NULL: none found */
	u64 pages;		/* pages looked at */
	int rejected;		/* look-alikes whose text did not parse */
	bool cached;		/* where the last attach found it */
	char why[160];		/* an interrupted search: how far it got */
};

/*
 * Search ranges[i] = { start, size } of guest-physical memory for the
 * first VMCOREINFO whose text parses; first where the last attach to
 * target found it, when it holds the same kernel's text (target NULL:
 * no cache).  -1 with e set when the search stopped (Ctrl-C) or the
 * guest could not be read.
 */
int vmci_scan(const struct vmci_src *s, const u64 (*ranges)[2], int nr,
	      const char *target, struct vmci_found *f, struct error *e);

/* The target's place is forgotten: the next attach searches. */
void vmci_forget(const char *target);

struct machine;
/*
 * Does m's VMCOREINFO agree with the page tables at roots (init_uts_ns
 * reads "Linux" and its OSRELEASE)?  Why not into why.  true when
 * nroots is 0 (nothing to check against).
 */
bool vmci_check(struct machine *m, const u64 *roots, int nroots, char *why,
		size_t n);

#endif
