/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A client of the gdb remote serial protocol, as QEMU's gdbstub speaks it
 * (gdbstub/gdbstub.c): packets "$data#cs", no acks once QStartNoAckMode
 * is accepted, replies read with a timeout so that a peer that is not a
 * gdbstub is an error, never a hang.
 */
#ifndef PTWALK_LIVE_QEMU_H
#define PTWALK_LIVE_QEMU_H

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
/* Hex little-endian register bytes to a value. */
bool gdb_hex_le(const char *s, u64 *v);

#endif
