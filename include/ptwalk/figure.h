/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Figures: a command's result drawn as a picture.  A figure is built once
 * as a small description (boxes, arrows, lines, labels, a caption); SVG is
 * written from it with every label a <text> element, and PNG and PDF are
 * rendered from that SVG with librsvg.  Colours, patterns and fonts are
 * chosen in one place (the style table of src/ui/figure.c): a style is a
 * role (a direct-mapped region, a gap, a table entry), never a colour, and
 * every style that fills also carries a pattern or a label, so that a
 * figure printed in black and white reads the same.
 *
 * The dispatcher gives the commands whose entry says CMD_FIGURE the
 * options --svg FILE, --png FILE and --pdf FILE; such a command builds its
 * figure from the same result it prints (cmd_figure_wanted, then
 * cmd_set_figure), and the dispatcher writes the files.
 */
#ifndef PTWALK_FIGURE_H
#define PTWALK_FIGURE_H

#include "cmd.h"

/* What an item is drawn as (one entry of the style table each). */
enum fig_style {
	FS_NONE,		/* no fill, black outline */
	FS_USER,		/* user space */
	FS_DIRECT,		/* a linear map: pa = va - offset */
	FS_MAPPED,		/* mapped page by page through the tables */
	FS_GAP,			/* a hole: hatched */
	FS_REG,			/* a register (CR3, TTBR ...) */
	FS_SLICE,		/* a bit slice of an address */
	FS_OFFSET,		/* the page offset slice */
	FS_TABLE,		/* a page table */
	FS_ENTRY,		/* the indexed entry of a table */
	FS_PAGE,		/* the page a walk ends in */
	FS_FAULT,		/* where a walk stopped: cross-hatched */
	FS_NOTREACHED,		/* a level a walk did not reach: dashed */
	FS_EXEC,		/* executable, not writable */
	FS_WRITE,		/* writable, not executable */
	FS_READ,		/* read-only */
	FS_RWX,			/* writable and executable */
	FS_PRESENT,		/* the present part of a span */
	FS_FREE,		/* free frames (buddy blocks) */
	FS_SLABPG,		/* frames of slabs */
	FS_PTPG,		/* frames of page tables */
	FS_VMALLOCPG,		/* frames of vmalloc areas */
	FS_USERPG,		/* frames of user pages (anon, page cache) */
	FS_KERNELPG,		/* the kernel's, reserved at boot */
	FS_OTHERPG,		/* other allocated frames */
	FS_RAM,			/* RAM on a physical strip */
	FS_IOPG,		/* ioremapped frames (device memory) */
	FS_INUSE,		/* a slab object in use */
	FS_FREEOBJ,		/* a free slab object */
	FS_FREEPTR,		/* the free pointer in a free object */
	FS_LINK,		/* a thin line from a page to its frame */
	FS_SPLIT,		/* the user/kernel split: a thick dashed line */
	FS_ARROW,		/* an arrow */
	NR_FIG_STYLES
};

/* Fonts, also from the one table. */
enum fig_font {
	FF_LABEL,		/* names in boxes */
	FF_SMALL,		/* descriptions beside boxes */
	FF_MONO,		/* addresses and entries */
	FF_MONO_SMALL,
	FF_TITLE,
	FF_CAPTION,
	NR_FIG_FONTS
};

enum fig_anchor { FA_START, FA_MIDDLE, FA_END };

enum fig_kind { FIG_BOX, FIG_TEXT, FIG_LINE, FIG_ARROW };

/*
 * One item.  A box is [x, x + w) x [y, y + h); a line or an arrow goes
 * from (x, y) to (x + w, y + h).  A box may say what it stands for (its
 * role, "region", "table", "entry" ...; its name; the addresses it spans),
 * which the SVG keeps as data- attributes for readers and tests.
 */
struct fig_item {
	enum fig_kind kind;
	enum fig_style style;
	enum fig_font font;
	enum fig_anchor anchor;
	double x, y, w, h;
	char *text;		/* FIG_TEXT: the label */
	const char *role;	/* FIG_BOX: a constant string, or NULL */
	char *name;		/* FIG_BOX: what it is, or NULL */
	bool has_span;
	u64 start, end;		/* FIG_BOX with has_span: [start, end) */
};

struct figure {
	char *title;		/* <title>, and drawn on top */
	struct strbuf caption;	/* drawn under the figure, and <desc> */
	double width, height;
	struct fig_item *items;
	int n, alloc;
};

void fig_init(struct figure *f, const char *title);
void fig_release(struct figure *f);
void fig_free(struct figure *f);

/* Items; each returns the item, valid until the next one is added. */
struct fig_item *fig_box(struct figure *f, double x, double y, double w,
			 double h, enum fig_style s);
/* The box's role, name and span (name copied). */
void fig_box_what(struct fig_item *it, const char *role, const char *name);
void fig_box_span(struct fig_item *it, u64 start, u64 end);
struct fig_item *fig_text(struct figure *f, double x, double y,
			  enum fig_font font, enum fig_anchor a,
			  const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
struct fig_item *fig_line(struct figure *f, double x1, double y1, double x2,
			  double y2, enum fig_style s);
struct fig_item *fig_arrow(struct figure *f, double x1, double y1, double x2,
			   double y2);
/* A line of the caption. */
void fig_caption(struct figure *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The font's size and the width of n characters in it (an estimate). */
double fig_font_size(enum fig_font font);
double fig_text_width(enum fig_font font, size_t n);
/*
 * Break text into lines of at most `cols` characters at spaces; returns
 * the number of lines (at most max), each a copy in lines[].
 */
int fig_wrap(const char *text, size_t cols, char **lines, int max);

/*
 * The legend of the styles the boxes use and the caption, under all that
 * is drawn (from y); sets the height.  A figure's builder calls it last.
 */
void fig_finish(struct figure *f, double y);

/* The figure as SVG (appended to sb). */
void fig_svg(const struct figure *f, struct strbuf *sb);

/* The formats a figure is written in. */
enum fig_format { FIG_SVG, FIG_PNG, FIG_PDF, NR_FIG_FORMATS };

/*
 * Write the figure to path in format fmt: into a temporary file beside it,
 * renamed over path once complete, so that a failure leaves nothing half
 * written.  PNG and PDF are rendered from the SVG by librsvg.
 */
int fig_write(const struct figure *f, const char *path, enum fig_format fmt,
	      struct error *e);
/* Render SVG text to a stream as PNG or PDF. */
int fig_render(const char *svg, size_t len, enum fig_format fmt, FILE *out,
	       struct error *e);

/*
 * The figures the commands draw, from the results their text shows
 * (src/ui/figure_*.c).
 */
struct walk;
struct cpu;
void fig_layout(struct figure *f, const struct machine *m);
/* The same with physical memory beside it: zones, direct-map arrows. */
void fig_layout_phys(struct figure *f, struct machine *m);
void fig_walk(struct figure *f, const struct machine *m, struct cpu *c,
	      const struct walk *w);

/*
 * Spans of an address space (VMAs, mapped ranges) for fig_spans: each
 * with its rights ("r-x"), a line of detail and the bytes of it that are
 * present in the page tables.
 */
struct fig_span {
	u64 start, end;
	u64 present;
	char name[64];
	char rights[8];
	char detail[96];
};
struct fig_spans {
	struct fig_span *v;
	int n, alloc;
};
/* Add a span (present: all of it, until fig_spans_present says). */
void fig_spans_add(struct fig_spans *s, u64 start, u64 end, const char *name,
		   const char *rights, const char *detail);
/* Count what the tree under root maps of each span. */
void fig_spans_present(struct fig_spans *s, struct machine *m, u64 root);
void fig_spans_release(struct fig_spans *s);
/* The spans as a column, high addresses on top; role: "vma", "range". */
void fig_spans(struct figure *f, const struct machine *m, const char *title,
	       const struct fig_spans *s, const char *role);
/*
 * Physical memory, a frame map per zone (buddyinfo, zoneinfo): the
 * simulated kernel's, or on a memory image the zones zs read from it
 * (with their start pfns) and each frame's struct page in the dump.
 */
struct kzones;
void fig_frames(struct figure *f, struct machine *m, const struct kzones *zs);
struct kvm_areas;
/*
 * The vmalloc areas (vmallocinfo) with their guard pages and the frames
 * their pages map, read from the page tables.
 */
void fig_vmalloc(struct figure *f, struct machine *m,
		 const struct kvm_areas *vs);
struct kmem_cache;
/* A slab cache's slabs with their objects and free lists (slab NAME). */
void fig_slab(struct figure *f, struct machine *m, struct kmem_cache *s);
struct mm_struct;
/* A process's VMAs (maps), present pages counted in its tables. */
void fig_maps(struct figure *f, struct machine *m, int pid,
	      const struct mm_struct *mm);

/*
 * The command side: whether the running command was asked for a figure,
 * and handing it the figure (the dispatcher writes and frees it).
 */
bool cmd_figure_wanted(const struct ctx *ctx);
void cmd_set_figure(struct ctx *ctx, struct figure *f);
/*
 * The dispatcher's side (src/ui/cmd.c): before the command runs, check
 * that every figure option names a file; after, write the running command's
 * figure to every file asked for; 0 or -1 (the command fails).
 */
int cmd_check_figure(struct ctx *ctx);
int cmd_write_figure(struct ctx *ctx);

#endif
