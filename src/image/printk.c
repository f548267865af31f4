// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * The kernel log of an image: Linux 5.10+'s lockless printk ring buffer
 * (kernel/printk/printk_ringbuffer.c), found by SYMBOL(prb) and laid out
 * by VMCOREINFO's printk_ringbuffer, prb_desc_ring, prb_desc,
 * prb_data_blk_lpos, prb_data_ring and printk_info lines.  Descriptors are
 * read from the tail id to the head id; a descriptor whose id is not the
 * one expected (overwritten) or that is reserved or reusable is skipped,
 * a record whose text block is gone is counted in a note.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/kstate.h"

/* desc_ring state_var: the state in the top 2 bits, the id below */
enum { DESC_RESERVED, DESC_COMMITTED, DESC_FINALIZED, DESC_REUSABLE };
#define NO_LPOS		0x3	/* a data-less record of an empty line */

struct prb_layout {
	u64 prb, rb_desc, rb_text;
	u64 dr_count_bits, dr_descs, dr_infos, dr_head, dr_tail;
	u64 desc_size, desc_state, desc_text_blk, lpos_begin, lpos_next;
	u64 info_size, info_seq, info_ts, info_len, info_caller;
	u64 data_size_bits, data_data, counter;
	u64 clear_seq, latched_val;
};

static int
prb_layout(struct machine *m, struct prb_layout *L, struct error *e)
{
	const struct kneed need[] = {
		{ "SYMBOL(prb)", &L->prb },
		{ "OFFSET(printk_ringbuffer.desc_ring)", &L->rb_desc },
		{ "OFFSET(printk_ringbuffer.text_data_ring)", &L->rb_text },
		{ "OFFSET(prb_desc_ring.count_bits)", &L->dr_count_bits },
		{ "OFFSET(prb_desc_ring.descs)", &L->dr_descs },
		{ "OFFSET(prb_desc_ring.infos)", &L->dr_infos },
		{ "OFFSET(prb_desc_ring.head_id)", &L->dr_head },
		{ "OFFSET(prb_desc_ring.tail_id)", &L->dr_tail },
		{ "SIZE(prb_desc)", &L->desc_size },
		{ "OFFSET(prb_desc.state_var)", &L->desc_state },
		{ "OFFSET(prb_desc.text_blk_lpos)", &L->desc_text_blk },
		{ "OFFSET(prb_data_blk_lpos.begin)", &L->lpos_begin },
		{ "OFFSET(prb_data_blk_lpos.next)", &L->lpos_next },
		{ "SIZE(printk_info)", &L->info_size },
		{ "OFFSET(printk_info.seq)", &L->info_seq },
		{ "OFFSET(printk_info.ts_nsec)", &L->info_ts },
		{ "OFFSET(printk_info.text_len)", &L->info_len },
		{ "OFFSET(printk_info.caller_id)", &L->info_caller },
		{ "OFFSET(prb_data_ring.size_bits)", &L->data_size_bits },
		{ "OFFSET(prb_data_ring.data)", &L->data_data },
		{ "OFFSET(atomic_long_t.counter)", &L->counter },
	};

	if (kneed_all(m, need, ARRAY_SIZE(need), e))
		return -1;
	L->clear_seq = 0;
	if (!kinfo_symbol(m, "clear_seq", &L->clear_seq) ||
	    !kinfo_offset(m, "latched_seq", "val", &L->latched_val))
		L->clear_seq = 0;
	return 0;
}

/* The ring's geometry and arrays, read once. */
struct prb_state {
	unsigned count_bits, size_bits;
	u64 head_id, tail_id;
	u8 *descs, *infos, *data;
	u64 ndesc, data_size;
};

static u64
get(const u8 *p, unsigned size)
{
	u64 v = 0;

	while (size-- > 0)
		v = v << 8 | p[size];
	return v;
}

static int
prb_read_rings(struct kmem *k, const struct prb_layout *L,
	       struct prb_state *s, struct error *e)
{
	u64 rb, dr, tr, v, descs, infos, data;

	if (kmem_read_ulong(k, L->prb, &rb, e))
		return -1;
	dr = rb + L->rb_desc;
	tr = rb + L->rb_text;
	if (kmem_read_uint(k, dr + L->dr_count_bits, 4, &v, e))
		return -1;
	s->count_bits = (unsigned)v;
	if (kmem_read_uint(k, tr + L->data_size_bits, 4, &v, e))
		return -1;
	s->size_bits = (unsigned)v;
	/* Linux's log_buf_len is at most 2^25 (LOG_BUF_SHIFT 25 + CPUs) */
	if (s->count_bits > 24 || s->size_bits > 30 || s->size_bits < 4)
		return error_set(e, -EINVAL, "the ring buffer at 0x%llx "
				 "has %u descriptor bits and %u data bits: not "
				 "a printk ring buffer",
				 (unsigned long long)rb, s->count_bits,
				 s->size_bits);
	if (kmem_read_ulong(k, dr + L->dr_descs, &descs, e) ||
	    kmem_read_ulong(k, dr + L->dr_infos, &infos, e) ||
	    kmem_read_ulong(k, dr + L->dr_head + L->counter, &s->head_id, e) ||
	    kmem_read_ulong(k, dr + L->dr_tail + L->counter, &s->tail_id, e) ||
	    kmem_read_ulong(k, tr + L->data_data, &data, e))
		return -1;
	s->ndesc = 1ULL << s->count_bits;
	s->data_size = 1ULL << s->size_bits;
	s->descs = xmalloc(s->ndesc * L->desc_size);
	s->infos = xmalloc(s->ndesc * L->info_size);
	s->data = xmalloc(s->data_size);
	if (kmem_read(k, descs, s->descs, s->ndesc * L->desc_size, e) ||
	    kmem_read(k, infos, s->infos, s->ndesc * L->info_size, e) ||
	    kmem_read(k, data, s->data, s->data_size, e))
		return -1;
	return 0;
}

/*
 * The text of a record (get_data()): NULL when its block is gone; "" for
 * an empty line.
 */
static const u8 *
prb_text(const struct prb_state *s, unsigned ls, u64 begin, u64 next,
	 u64 *len)
{
	u64 mask = s->data_size - 1, wrap_begin, wrap_next, lmask;
	const u8 *db;

	lmask = ls == 8 ? ~0ULL : 0xffffffffULL;
	if ((begin & 1) && (next & 1)) {
		*len = 0;
		return begin == NO_LPOS && next == NO_LPOS ? s->data : NULL;
	}
	wrap_begin = begin >> s->size_bits;
	wrap_next = next >> s->size_bits;
	if (wrap_begin == wrap_next && begin < next) {
		db = s->data + (begin & mask);
		*len = next - begin;
	} else if ((((begin + s->data_size) & lmask) >> s->size_bits) ==
		   wrap_next) {
		db = s->data;
		*len = next & mask;
	} else {
		return NULL;
	}
	if ((begin | next) & (ls - 1) || *len < ls ||
	    (u64)(db - s->data) + *len > s->data_size)
		return NULL;
	*len -= ls;
	return db + ls;
}

/* One descriptor; false when it holds no record to show. */
static bool
prb_record(const struct prb_layout *L, const struct prb_state *s,
	   unsigned ls, u64 id, struct klog_rec *r, bool *lost)
{
	u64 idx = id & (s->ndesc - 1), sv, idmask, tl, dl;
	const u8 *d = s->descs + idx * L->desc_size;
	const u8 *in = s->infos + idx * L->info_size;
	const u8 *text;
	unsigned state;

	idmask = (ls == 8 ? ~0ULL : 0xffffffffULL) >> 2;
	sv = get(d + L->desc_state + L->counter, ls);
	state = (unsigned)(sv >> (ls * 8 - 2)) & 3;
	*lost = false;
	if ((sv & idmask) != (id & idmask) ||
	    (state != DESC_COMMITTED && state != DESC_FINALIZED))
		return false;
	r->seq = get(in + L->info_seq, 8);
	r->ts_nsec = get(in + L->info_ts, 8);
	tl = get(in + L->info_len, 2);
	r->caller_id = (u32)get(in + L->info_caller, 4);
	/*
	 * u16 text_len; u8 facility; u8 flags:5, level:3 (printk_info):
	 * the two bytes after text_len, which VMCOREINFO does not name
	 */
	r->facility = in[L->info_len + 2];
	r->level = in[L->info_len + 3] >> 5;
	text = prb_text(s, ls, get(d + L->desc_text_blk + L->lpos_begin, ls),
			get(d + L->desc_text_blk + L->lpos_next, ls), &dl);
	if (text == NULL) {
		*lost = true;
		return false;
	}
	r->text_len = (u32)MIN(tl, dl);
	r->text = xmalloc(r->text_len + 1);
	memcpy(r->text, text, r->text_len);
	r->text[r->text_len] = 0;
	return true;
}

static u64
read_clear_seq(struct kmem *k, const struct prb_layout *L)
{
	struct error e;
	u64 latch, v;

	/* latched_seq: a seqcount_latch_t, then u64 val[2] */
	if (L->clear_seq == 0 || kmem_read_uint(k, L->clear_seq, 4, &latch, &e) ||
	    kmem_read_uint(k, L->clear_seq + L->latched_val + 8 * (latch & 1), 8,
		       &v, &e))
		return 0;
	return v;
}

int
klog_read(struct machine *m, struct klog *log, struct error *e)
{
	struct prb_layout L;
	struct prb_state s = { 0 };
	struct kmem k;
	u64 id, n, lost = 0, idmask;
	size_t alloc = 0;
	int r = -1;

	memset(log, 0, sizeof(*log));
	if (prb_layout(m, &L, e) || kmem_init(&k, m, e) ||
	    prb_read_rings(&k, &L, &s, e))
		goto out;
	idmask = (k.long_size == 8 ? ~0ULL : 0xffffffffULL) >> 2;
	/* from the tail to the head, each id once: at most ndesc records */
	for (id = s.tail_id, n = 0; n < s.ndesc; id = (id + 1) & idmask, n++) {
		struct klog_rec rec;
		bool gone;

		if (prb_record(&L, &s, k.long_size, id, &rec, &gone)) {
			if (log->n == alloc) {
				alloc = alloc ? 2 * alloc : 256;
				log->rec = xrealloc(log->rec, alloc *
						    sizeof(*log->rec));
			}
			log->rec[log->n++] = rec;
		}
		lost += gone;
		if ((id & idmask) == (s.head_id & idmask))
			break;
	}
	if (n == s.ndesc)
		knote(&log->notes, "the descriptor ring's head id 0x%llx is "
		      "not within %llu ids of its tail 0x%llx: read %llu "
		      "descriptors", (unsigned long long)s.head_id,
		      (unsigned long long)s.ndesc,
		      (unsigned long long)s.tail_id,
		      (unsigned long long)s.ndesc);
	if (lost)
		knote(&log->notes, "%llu records have lost their text (the "
		      "data ring overwrote it)", (unsigned long long)lost);
	log->clear_seq = read_clear_seq(&k, &L);
	r = 0;
out:
	free(s.descs);
	free(s.infos);
	free(s.data);
	return r;
}

void
klog_release(struct klog *log)
{
	size_t i;

	for (i = 0; i < log->n; i++)
		free(log->rec[i].text);
	free(log->rec);
	knotes_release(&log->notes);
	memset(log, 0, sizeof(*log));
}

/* record_print_text() with the time and without the syslog "<N>" */
void
klog_format(const struct klog_rec *r, struct strbuf *sb)
{
	char prefix[32];
	const char *p = r->text, *end = r->text + r->text_len;

	snprintf(prefix, sizeof(prefix), "[%5llu.%06llu] ",
		 (unsigned long long)(r->ts_nsec / 1000000000),
		 (unsigned long long)(r->ts_nsec % 1000000000 / 1000));
	for (;;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		sb_adds(sb, prefix);
		sb_add(sb, p, (size_t)((nl ? nl : end) - p));
		sb_addc(sb, '\n');
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}
