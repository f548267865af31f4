// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Figures as descriptions, and the SVG written from them: one element per
 * item, every label a <text> element (searchable, selectable, read by
 * screen readers and by the tests), the colours, patterns and fonts of
 * the style table below and nowhere else.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ptwalk/figure.h"

/*
 * The styles: a CSS class each, its rule, and the name a legend gives it.
 * Every filled style has a pattern or an outline of its own besides its
 * colour, so that black and white prints keep them apart.
 */
static const struct {
	const char *cls, *css, *legend;
} styles[NR_FIG_STYLES] = {
	[FS_NONE] = { "none", "fill:none;stroke:#000;stroke-width:1", NULL },
	[FS_USER] = { "user", "fill:url(#p-user);stroke:#000;stroke-width:1",
		      "user space" },
	[FS_DIRECT] = { "direct", "fill:#cfe2ff;stroke:#000;stroke-width:1",
			"linear map (pa = va - offset)" },
	[FS_MAPPED] = { "mapped", "fill:url(#p-mapped);stroke:#000;"
			"stroke-width:1", "mapped page by page (walk)" },
	[FS_GAP] = { "gap", "fill:url(#p-gap);stroke:#666;stroke-width:1",
		     "gap, guard or unused" },
	[FS_REG] = { "reg", "fill:#e4e4e4;stroke:#000;stroke-width:1.5",
		     NULL },
	[FS_SLICE] = { "slice", "fill:#e8ecff;stroke:#000;stroke-width:1",
		       NULL },
	[FS_OFFSET] = { "offset", "fill:url(#p-user);stroke:#000;"
			"stroke-width:1", NULL },
	[FS_TABLE] = { "table", "fill:#fff;stroke:#000;stroke-width:1.2",
		       NULL },
	[FS_ENTRY] = { "entry", "fill:#ffe680;stroke:#000;stroke-width:2.5",
		       "the entry the walk reads" },
	[FS_PAGE] = { "page", "fill:url(#p-mapped);stroke:#000;"
		      "stroke-width:2", NULL },
	[FS_FAULT] = { "fault", "fill:url(#p-fault);stroke:#a00;"
		       "stroke-width:2.5", "fault: the walk stops" },
	[FS_NOTREACHED] = { "notreached", "fill:none;stroke:#888;"
			    "stroke-width:1;stroke-dasharray:4 3", NULL },
	[FS_EXEC] = { "exec", "fill:url(#p-exec);stroke:#000;stroke-width:1",
		      "executable (r-x)" },
	[FS_WRITE] = { "write", "fill:#cfe2ff;stroke:#000;stroke-width:1",
		       "writable (rw-)" },
	[FS_READ] = { "read", "fill:url(#p-mapped);stroke:#000;"
		      "stroke-width:1", "read-only (r--)" },
	[FS_RWX] = { "rwx", "fill:url(#p-fault);stroke:#a00;stroke-width:2",
		     "writable and executable (rwx)" },
	[FS_PRESENT] = { "present", "fill:#333;stroke:#000;stroke-width:0.5",
			 "present in the page tables" },
	[FS_FREE] = { "free", "fill:#fff;stroke:#000;stroke-width:0.6",
		      "free (buddy blocks)" },
	[FS_SLABPG] = { "slabpg", "fill:#e07b39;stroke:none", "slab" },
	[FS_PTPG] = { "ptpg", "fill:#1b6f66;stroke:none", "page tables" },
	[FS_VMALLOCPG] = { "vmallocpg", "fill:#7fb8dd;stroke:none",
			   "vmalloc" },
	[FS_USERPG] = { "userpg", "fill:#f2c94c;stroke:none",
			"user pages" },
	[FS_KERNELPG] = { "kernelpg", "fill:#444;stroke:none",
			  "kernel, reserved at boot" },
	[FS_OTHERPG] = { "otherpg", "fill:#a58fd6;stroke:none",
			 "other allocated" },
	[FS_RAM] = { "ram", "fill:#fff;stroke:#000;stroke-width:1", NULL },
	[FS_IOPG] = { "iopg", "fill:url(#p-fault);stroke:#a00;"
		      "stroke-width:0.6", "ioremapped (device, firmware)" },
	[FS_INUSE] = { "inuse", "fill:#e07b39;stroke:#000;stroke-width:0.6",
		       "object in use" },
	[FS_FREEOBJ] = { "freeobj", "fill:#fff;stroke:#000;"
			 "stroke-width:0.6", "free object" },
	[FS_FREEPTR] = { "freeptr", "fill:#000;stroke:none",
			 "its free pointer" },
	[FS_LINK] = { "link", "fill:none;stroke:#356;stroke-width:0.6;"
		      "stroke-opacity:0.7", NULL },
	[FS_SPLIT] = { "split", "fill:none;stroke:#b00;stroke-width:2.5;"
		       "stroke-dasharray:10 5", NULL },
	[FS_ARROW] = { "arrow", "fill:none;stroke:#000;stroke-width:1.4",
		       NULL },
};

/* The patterns the styles fill with. */
static const char fig_patterns[] =
	"<pattern id=\"p-user\" width=\"6\" height=\"6\" "
	"patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" "
	"fill=\"#fff2b3\"/><line x1=\"0\" y1=\"5.5\" x2=\"6\" y2=\"5.5\" "
	"stroke=\"#c9b24a\" stroke-width=\"0.8\"/></pattern>\n"
	"<pattern id=\"p-mapped\" width=\"6\" height=\"6\" "
	"patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" "
	"fill=\"#d5efcc\"/><circle cx=\"3\" cy=\"3\" r=\"0.9\" "
	"fill=\"#4a7a3c\"/></pattern>\n"
	"<pattern id=\"p-gap\" width=\"8\" height=\"8\" "
	"patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
	"<rect width=\"8\" height=\"8\" fill=\"#fff\"/><line x1=\"0\" "
	"y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#aaa\" stroke-width=\"2\"/>"
	"</pattern>\n"
	"<pattern id=\"p-fault\" width=\"12\" height=\"12\" "
	"patternUnits=\"userSpaceOnUse\"><rect width=\"12\" height=\"12\" "
	"fill=\"#ffe0e0\"/><path d=\"M0 0L12 12M12 0L0 12\" "
	"stroke=\"#e8a0a0\" stroke-width=\"0.6\"/></pattern>\n"
	"<pattern id=\"p-exec\" width=\"6\" height=\"6\" "
	"patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" "
	"fill=\"#f7d2b4\"/><line x1=\"3\" y1=\"0\" x2=\"3\" y2=\"6\" "
	"stroke=\"#b5733f\" stroke-width=\"0.8\"/></pattern>\n"
	"<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
	"markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
	"<path d=\"M0 0L10 5L0 10z\" fill=\"#000\"/></marker>\n";

/* The fonts: family, size, weight. */
#define FIG_SANS "DejaVu Sans, Bitstream Vera Sans, Arial, sans-serif"
#define FIG_MONO "DejaVu Sans Mono, Bitstream Vera Sans Mono, monospace"
static const struct {
	const char *cls, *family;
	double size;
	const char *weight;
} fonts[NR_FIG_FONTS] = {
	[FF_LABEL] = { "label", FIG_SANS, 12, "bold" },
	[FF_SMALL] = { "small", FIG_SANS, 10.5, "normal" },
	[FF_MONO] = { "mono", FIG_MONO, 11, "normal" },
	[FF_MONO_SMALL] = { "monosmall", FIG_MONO, 9.5, "normal" },
	[FF_TITLE] = { "title", FIG_SANS, 16, "bold" },
	[FF_CAPTION] = { "caption", FIG_SANS, 11, "normal" },
};

double
fig_font_size(enum fig_font font)
{
	return fonts[font].size;
}

/* Both families advance about 0.6 em a character (DejaVu's average). */
double
fig_text_width(enum fig_font font, size_t n)
{
	return (double)n * fonts[font].size * (fonts[font].weight[0] == 'b' ?
					       0.66 : 0.6);
}

void
fig_init(struct figure *f, const char *title)
{
	memset(f, 0, sizeof(*f));
	f->title = xstrdup(title);
	sb_init(&f->caption);
}

void
fig_release(struct figure *f)
{
	int i;

	for (i = 0; i < f->n; i++) {
		free(f->items[i].text);
		free(f->items[i].name);
	}
	free(f->items);
	free(f->title);
	sb_release(&f->caption);
	memset(f, 0, sizeof(*f));
}

void
fig_free(struct figure *f)
{
	if (f == NULL)
		return;
	fig_release(f);
	free(f);
}

static struct fig_item *
fig_add(struct figure *f, enum fig_kind kind, double x, double y, double w,
	double h, enum fig_style s)
{
	struct fig_item *it;

	if (f->n == f->alloc) {
		f->alloc = f->alloc ? f->alloc * 2 : 64;
		f->items = xrealloc(f->items, (size_t)f->alloc *
				    sizeof(*f->items));
	}
	it = &f->items[f->n++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->style = s;
	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	return it;
}

struct fig_item *
fig_box(struct figure *f, double x, double y, double w, double h,
	enum fig_style s)
{
	return fig_add(f, FIG_BOX, x, y, w, h, s);
}

void
fig_box_what(struct fig_item *it, const char *role, const char *name)
{
	it->role = role;
	free(it->name);
	it->name = name != NULL ? xstrdup(name) : NULL;
}

void
fig_box_span(struct fig_item *it, u64 start, u64 end)
{
	it->has_span = true;
	it->start = start;
	it->end = end;
}

struct fig_item *
fig_text(struct figure *f, double x, double y, enum fig_font font,
	 enum fig_anchor a, const char *fmt, ...)
{
	struct fig_item *it = fig_add(f, FIG_TEXT, x, y, 0, 0, FS_NONE);
	struct strbuf sb;
	va_list ap;

	sb_init(&sb);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	it->text = xstrdup(sb.buf);
	sb_release(&sb);
	it->font = font;
	it->anchor = a;
	return it;
}

struct fig_item *
fig_line(struct figure *f, double x1, double y1, double x2, double y2,
	 enum fig_style s)
{
	return fig_add(f, FIG_LINE, x1, y1, x2 - x1, y2 - y1, s);
}

struct fig_item *
fig_arrow(struct figure *f, double x1, double y1, double x2, double y2)
{
	return fig_add(f, FIG_ARROW, x1, y1, x2 - x1, y2 - y1, FS_ARROW);
}

void
fig_caption(struct figure *f, const char *fmt, ...)
{
	va_list ap;

	if (f->caption.len)
		sb_addc(&f->caption, '\n');
	va_start(ap, fmt);
	sb_vaddf(&f->caption, fmt, ap);
	va_end(ap);
}

int
fig_wrap(const char *text, size_t cols, char **lines, int max)
{
	const char *p = text;
	int n = 0;

	while (*p == ' ')
		p++;
	while (*p && n < max) {
		size_t len = strlen(p), cut = len;

		if (len > cols) {
			cut = cols;
			while (cut > 0 && p[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = cols;
		}
		if (n == max - 1 && len > cols) {
			/* the last line that fits says that more was cut */
			lines[n] = xmalloc(cut + 4);
			memcpy(lines[n], p, cut);
			memcpy(lines[n] + cut, "...", 4);
		} else {
			lines[n] = xmalloc(cut + 1);
			memcpy(lines[n], p, cut);
			lines[n][cut] = 0;
		}
		n++;
		p += cut;
		while (*p == ' ')
			p++;
	}
	return n;
}

/*
 * Text as XML character data: the five special characters escaped, bytes
 * XML 1.0 does not allow (controls but the newline) and bytes that are not ASCII (a name
 * read from an image may be anything) shown as '?'.
 */
static void
xml_text(struct strbuf *sb, const char *s)
{
	for (; s != NULL && *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '<': sb_adds(sb, "&lt;"); break;
		case '>': sb_adds(sb, "&gt;"); break;
		case '&': sb_adds(sb, "&amp;"); break;
		case '"': sb_adds(sb, "&quot;"); break;
		case '\'': sb_adds(sb, "&apos;"); break;
		default:
			sb_addc(sb, (c < 0x20 && c != '\n') || c >= 0x7f ? '?' :
				(char)c);
		}
	}
}

static void
svg_head(const struct figure *f, struct strbuf *sb)
{
	int i;

	sb_addf(sb, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
		"width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">\n",
		f->width, f->height, f->width, f->height);
	sb_adds(sb, "<title>");
	xml_text(sb, f->title);
	sb_adds(sb, "</title>\n<desc>");
	xml_text(sb, f->caption.buf);
	sb_adds(sb, "</desc>\n<defs>\n");
	sb_adds(sb, fig_patterns);
	sb_adds(sb, "<style type=\"text/css\">\n");
	for (i = 0; i < NR_FIG_STYLES; i++)
		sb_addf(sb, ".s-%s{%s}\n", styles[i].cls, styles[i].css);
	for (i = 0; i < NR_FIG_FONTS; i++)
		sb_addf(sb, ".f-%s{font-family:%s;font-size:%gpx;"
			"font-weight:%s;fill:#000}\n", fonts[i].cls,
			fonts[i].family, fonts[i].size, fonts[i].weight);
	sb_adds(sb, "</style>\n</defs>\n");
	sb_addf(sb, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" "
		"fill=\"#fff\"/>\n", f->width, f->height);
}

static void
svg_item(const struct fig_item *it, struct strbuf *sb)
{
	static const char *const anchors[] = { "start", "middle", "end" };

	switch (it->kind) {
	case FIG_BOX:
		sb_addf(sb, "<rect class=\"s-%s\" x=\"%.1f\" y=\"%.1f\" "
			"width=\"%.1f\" height=\"%.1f\"", styles[it->style].cls,
			it->x, it->y, it->w, it->h);
		if (it->role != NULL) {
			sb_adds(sb, " data-role=\"");
			xml_text(sb, it->role);
			sb_adds(sb, "\"");
		}
		if (it->name != NULL) {
			sb_adds(sb, " data-name=\"");
			xml_text(sb, it->name);
			sb_adds(sb, "\"");
		}
		if (it->has_span && it->end == 0 && it->start != 0)
			/* an end of 0 is the top: 2^64 */
			sb_addf(sb, " data-start=\"0x%llx\" data-end=\"0x1%016x\"",
				(unsigned long long)it->start, 0);
		else if (it->has_span)
			sb_addf(sb, " data-start=\"0x%llx\" data-end=\"0x%llx\"",
				(unsigned long long)it->start,
				(unsigned long long)it->end);
		sb_adds(sb, "/>\n");
		break;
	case FIG_TEXT:
		sb_addf(sb, "<text class=\"f-%s\" x=\"%.1f\" y=\"%.1f\"",
			fonts[it->font].cls, it->x, it->y);
		if (it->anchor != FA_START)
			sb_addf(sb, " text-anchor=\"%s\"", anchors[it->anchor]);
		sb_adds(sb, ">");
		xml_text(sb, it->text);
		sb_adds(sb, "</text>\n");
		break;
	case FIG_LINE:
	case FIG_ARROW:
		sb_addf(sb, "<line class=\"s-%s\" x1=\"%.1f\" y1=\"%.1f\" "
			"x2=\"%.1f\" y2=\"%.1f\"%s/>\n", styles[it->style].cls,
			it->x, it->y, it->x + it->w, it->y + it->h,
			it->kind == FIG_ARROW ? " marker-end=\"url(#arrow)\"" :
			"");
		break;
	}
}

void
fig_svg(const struct figure *f, struct strbuf *sb)
{
	int i;

	svg_head(f, sb);
	for (i = 0; i < f->n; i++)
		svg_item(&f->items[i], sb);
	sb_adds(sb, "</svg>\n");
}

/*
 * The legend of the styles a figure's boxes use, then its caption, under
 * everything drawn so far (from y); sets the figure's height.  The
 * builders call it last.
 */
void
fig_finish(struct figure *f, double y)
{
	bool used[NR_FIG_STYLES] = { false };
	double x = 20, lh = fig_font_size(FF_CAPTION) + 5;
	const char *p;
	int i, n = f->n;

	for (i = 0; i < n; i++)
		if (f->items[i].kind == FIG_BOX)
			used[f->items[i].style] = true;
	y += 14;
	for (i = 0; i < NR_FIG_STYLES; i++) {
		double tw;

		if (!used[i] || styles[i].legend == NULL)
			continue;
		tw = fig_text_width(FF_SMALL, strlen(styles[i].legend));
		if (x + 22 + tw > f->width - 10 && x > 20) {
			x = 20;
			y += 20;
		}
		fig_box(f, x, y, 16, 12, (enum fig_style)i);
		fig_text(f, x + 21, y + 10, FF_SMALL, FA_START, "%s",
			 styles[i].legend);
		x += 21 + tw + 18;
	}
	y += 24;
	for (p = f->caption.buf; f->caption.len && p != NULL && *p; ) {
		const char *nl = strchr(p, '\n');
		size_t l = nl ? (size_t)(nl - p) : strlen(p);
		size_t cols = (size_t)((f->width - 40) /
				       fig_text_width(FF_CAPTION, 1));
		char *line = xmalloc(l + 1), *w[8];
		int k, j;

		memcpy(line, p, l);
		line[l] = 0;
		k = fig_wrap(line, cols, w, 8);

		for (j = 0; j < k; j++) {
			y += lh;
			fig_text(f, 20, y, FF_CAPTION, FA_START, "%s", w[j]);
			free(w[j]);
		}
		free(line);
		p = nl ? nl + 1 : NULL;
	}
	f->height = y + 14;
}
