// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The gdb remote serial protocol, the client side, for QEMU's gdbstub.
 *
 * cf. gdb's remote.c and "Remote Protocol" of the gdb manual: a packet is
 * $DATA#XX with XX the sum of DATA's bytes mod 256 in hex; replies may
 * be run-length encoded (X*N: N - 29 more X); binary data escapes #, $, }
 * and * as } then the byte ^ 0x20.  QEMU accepts QStartNoAckMode, after
 * which neither side sends + acks.
 */
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "live_qemu.h"

static int
connect_unix(const char *path, struct error *e)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd;

	if (strlen(path) >= sizeof(sa.sun_path))
		return error_set(e, -ENAMETOOLONG, "--qemu unix:%s: the path is "
				 "too long for a socket", path);
	strcpy(sa.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return error_set(e, -errno, "socket: %s", strerror(errno));
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		int err = errno;

		close(fd);
		return error_set(e, -err, "--qemu unix:%s: cannot connect: %s "
				 "(is QEMU running with -gdb unix:%s,server=on?)",
				 path, strerror(err), path);
	}
	return fd;
}

static int
connect_tcp(const char *addr, struct error *e)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *res, *ai;
	char host[256];
	const char *colon = strrchr(addr, ':');
	int fd = -1, err = 0, r;

	if (colon == NULL || colon == addr || colon[1] == 0 ||
	    (size_t)(colon - addr) >= sizeof(host))
		return error_set(e, -EINVAL, "--qemu '%s': give host:port or "
				 "unix:PATH", addr);
	memcpy(host, addr, (size_t)(colon - addr));
	host[colon - addr] = 0;
	r = getaddrinfo(host, colon + 1, &hints, &res);
	if (r != 0)
		return error_set(e, -EINVAL, "--qemu %s: %s", addr,
				 gai_strerror(r));
	for (ai = res; ai != NULL && fd < 0; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
			    ai->ai_protocol);
		if (fd >= 0 && connect(fd, ai->ai_addr, ai->ai_addrlen) < 0) {
			err = errno;
			close(fd);
			fd = -1;
		}
	}
	freeaddrinfo(res);
	if (fd < 0)
		return error_set(e, -err, "--qemu %s: cannot connect: %s (is "
				 "QEMU running with -gdb tcp::%s?)", addr,
				 strerror(err), colon + 1);
	return fd;
}

int
gdb_connect(struct gdb *g, const char *addr, struct error *e)
{
	memset(g, 0, sizeof(*g));
	g->fd = -1;
	g->pkt_max = 4096;
	g->mem_chunk = 2048;
	if (!strncmp(addr, "unix:", 5))
		g->fd = connect_unix(addr + 5, e);
	else
		g->fd = connect_tcp(addr, e);
	if (g->fd < 0)
		return -1;
	g->addr = xstrdup(addr);
	return 0;
}

void
gdb_close(struct gdb *g)
{
	if (g->fd >= 0)
		close(g->fd);
	g->fd = -1;
	free(g->addr);
	free(g->buf);
	g->addr = NULL;
	g->buf = NULL;
}

static int
write_all(struct gdb *g, const char *p, size_t n, struct error *e)
{
	while (n > 0) {
		ssize_t w = send(g->fd, p, n, MSG_NOSIGNAL);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return error_set(e, -EIO, "%s: the gdbstub went away "
					 "(%s)", g->addr, strerror(errno));
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int
gdb_send(struct gdb *g, const char *data, struct error *e)
{
	size_t n = strlen(data), i;
	char *pkt = xmalloc(n + 5);
	unsigned sum = 0;
	int r;

	pkt[0] = '$';
	for (i = 0; i < n; i++)
		sum += (u8)data[i];
	memcpy(pkt + 1, data, n);
	snprintf(pkt + 1 + n, 4, "#%02x", sum & 0xff);
	r = write_all(g, pkt, n + 4, e);
	free(pkt);
	return r;
}

/* The next byte from the stub, waiting at most GDB_TIMEOUT_MS. */
static int
next_byte(struct gdb *g, struct error *e)
{
	if (g->in_off == g->in_len) {
		struct pollfd p = { .fd = g->fd, .events = POLLIN };
		ssize_t n;
		int r;

		do
			r = poll(&p, 1, GDB_TIMEOUT_MS);
		while (r < 0 && errno == EINTR);
		if (r == 0)
			return error_set(e, -ETIMEDOUT, "%s: no answer in %d s: "
					 "not a gdbstub, or one busy with "
					 "another client", g->addr,
					 GDB_TIMEOUT_MS / 1000);
		n = recv(g->fd, g->in, sizeof(g->in), 0);
		if (n <= 0)
			return error_set(e, -EIO, "%s: the connection closed: "
					 "not a gdbstub, or QEMU exited",
					 g->addr);
		g->in_len = (size_t)n;
		g->in_off = 0;
	}
	return (u8)g->in[g->in_off++];
}

static void
put(struct gdb *g, char c)
{
	if (g->len + 2 > g->cap) {
		g->cap = g->cap ? g->cap * 2 : 4096;
		g->buf = xrealloc(g->buf, g->cap);
	}
	g->buf[g->len++] = c;
}

int
gdb_recv(struct gdb *g, struct error *e)
{
	unsigned sum = 0, want;
	int c, junk = 0, i;
	char cs[3] = "";

	do {
		c = next_byte(g, e);
		if (c < 0)
			return -1;
		if (c != '$' && c != '+' && ++junk > 64)
			return error_set(e, -EPROTO, "%s: the peer does not "
					 "speak the gdb remote protocol: not "
					 "a gdbstub", g->addr);
	} while (c != '$');
	g->len = 0;
	for (;;) {
		c = next_byte(g, e);
		if (c < 0)
			return -1;
		if (c == '#')
			break;
		sum += (unsigned)c;
		if (c == '*' && g->len > 0) {
			int n = next_byte(g, e), k;

			if (n < 0)
				return -1;
			sum += (unsigned)n;
			for (k = 0; k < n - 29; k++)
				put(g, g->buf[g->len - 1]);
			continue;
		}
		if (g->len > (64u << 20))
			return error_set(e, -EPROTO, "%s: a reply of more than "
					 "64 MiB: not a gdbstub", g->addr);
		put(g, (char)c);
	}
	for (i = 0; i < 2; i++) {
		c = next_byte(g, e);
		if (c < 0)
			return -1;
		cs[i] = (char)c;
	}
	g->buf[g->len] = 0;
	if (sscanf(cs, "%2x", &want) != 1 || want != (sum & 0xff))
		return error_set(e, -EPROTO, "%s: a reply with a bad checksum: "
				 "not a gdbstub, or a garbled line", g->addr);
	if (!g->noack)
		return write_all(g, "+", 1, e);
	return 0;
}

int
gdb_cmd(struct gdb *g, const char *data, struct error *e)
{
	bool stop = !strcmp(data, "?");

	if (gdb_send(g, data, e))
		return -1;
	/*
	 * Console output (O...) is skipped, and so are stop replies (T, S)
	 * to anything but '?': QEMU sends one unasked when a client
	 * connects, as it stops the guest.
	 */
	do
		if (gdb_recv(g, e))
			return -1;
	while ((g->buf[0] == 'O' && g->buf[1] != 0 && g->buf[1] != 'K') ||
	       (!stop && (g->buf[0] == 'T' || g->buf[0] == 'S')));
	return 0;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool
gdb_unhex(const char *s, size_t n, u8 *dst)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int h = hexval(s[2 * i]), l = h < 0 ? -1 : hexval(s[2 * i + 1]);

		if (l < 0)
			return false;
		dst[i] = (u8)(h << 4 | l);
	}
	return true;
}

bool
gdb_hex_le(const char *s, u64 *v)
{
	size_t n = strlen(s) / 2, i;
	u8 b[8];

	if (n == 0 || n > 8 || strlen(s) != 2 * n || !gdb_unhex(s, n, b))
		return false;
	*v = 0;
	for (i = 0; i < n; i++)
		*v |= (u64)b[i] << (8 * i);
	return true;
}

int
gdb_monitor(struct gdb *g, const char *cmd, struct strbuf *out,
	    struct error *e)
{
	struct strbuf pkt;
	size_t i;
	int r;

	sb_init(&pkt);
	sb_adds(&pkt, "qRcmd,");
	for (i = 0; cmd[i]; i++)
		sb_addf(&pkt, "%02x", (u8)cmd[i]);
	r = gdb_send(g, pkt.buf, e);
	sb_release(&pkt);
	while (r == 0 && (r = gdb_recv(g, e)) == 0) {
		u8 c;

		if (g->buf[0] != 'O' || !strcmp(g->buf, "OK"))
			break;
		for (i = 1; g->buf[i] && g->buf[i + 1]; i += 2)
			if (gdb_unhex(g->buf + i, 1, &c))
				sb_addc(out, (char)c);
	}
	if (r == 0 && strcmp(g->buf, "OK"))
		return error_set(e, -ENOTSUP, "%s: the gdbstub does not run "
				 "monitor commands (qRcmd): '%s'", g->addr,
				 g->buf);
	return r;
}

int
gdb_xfer(struct gdb *g, const char *object, const char *annex,
	 struct strbuf *out, struct error *e)
{
	u64 off = 0, chunk = g->pkt_max > 64 ? g->pkt_max - 32 : 1000;

	for (;;) {
		char req[256];

		snprintf(req, sizeof(req), "qXfer:%s:read:%s:%llx,%llx", object,
			 annex, (unsigned long long)off,
			 (unsigned long long)chunk);
		if (gdb_cmd(g, req, e))
			return -1;
		if (g->buf[0] != 'm' && g->buf[0] != 'l')
			return error_set(e, -ENOTSUP, "%s: qXfer:%s:read:%s "
					 "is refused ('%s')", g->addr, object,
					 annex, g->buf);
		sb_add(out, g->buf + 1, g->len - 1);
		off += g->len - 1;
		if (g->buf[0] == 'l' || g->len == 1)
			return 0;
	}
}

int
gdb_read_mem(struct gdb *g, u64 addr, u8 *dst, u64 len, struct error *e)
{
	u64 done, n, sent;
	char req[64];

	/* every request of the span goes out before the first reply is read */
	for (sent = 0; sent < len; sent += n) {
		n = MIN(g->mem_chunk, len - sent);
		snprintf(req, sizeof(req), "m%llx,%llx",
			 (unsigned long long)(addr + sent),
			 (unsigned long long)n);
		if (gdb_send(g, req, e))
			return -1;
	}
	for (done = 0; done < len; done += n) {
		n = MIN(g->mem_chunk, len - done);
		if (gdb_recv(g, e))
			return -1;
		if (g->len != 2 * n || !gdb_unhex(g->buf, n, dst + done))
			return error_set(e, -EIO, "%s: reading 0x%llx bytes at "
					 "0x%llx: '%.40s'", g->addr,
					 (unsigned long long)n,
					 (unsigned long long)(addr + done),
					 g->buf);
	}
	return 0;
}

int
gdb_interrupt(struct gdb *g, struct error *e)
{
	if (write_all(g, "\003", 1, e))
		return -1;
	do
		if (gdb_recv(g, e))
			return -1;
	while (g->buf[0] != 'T' && g->buf[0] != 'S');
	return 0;
}
