// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * Writing figures: SVG as the description says it, PNG and PDF rendered
 * from that SVG by librsvg (which draws through cairo), every file built
 * in a temporary beside its name and renamed once whole (the options
 * --svg, --png and --pdf are the dispatcher's, in src/ui/cmd.c).  librsvg and
 * cairo are loaded when a figure is first rendered (dlopen), so that
 * ptwalk starts without them and runs without them when only SVG is
 * asked for.
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ptwalk/figure.h"
#include "ptwalk/util.h"

/* glib defines its own, the same */
#undef MIN
#undef MAX
#include <cairo.h>
#include <cairo-pdf.h>
#include <librsvg/rsvg.h>

/* The functions of librsvg, cairo and glib that rendering calls. */
static struct {
	bool tried, ok;
	char why[200];
	RsvgHandle *(*new_from_data)(const guint8 *, gsize, GError **);
	gboolean (*intrinsic_size)(RsvgHandle *, gdouble *, gdouble *);
	gboolean (*render_document)(RsvgHandle *, cairo_t *,
				    const RsvgRectangle *, GError **);
	void (*object_unref)(gpointer);
	void (*error_free)(GError *);
	cairo_t *(*create)(cairo_surface_t *);
	void (*destroy)(cairo_t *);
	cairo_status_t (*status)(cairo_t *);
	const char *(*status_to_string)(cairo_status_t);
	cairo_surface_t *(*pdf_create)(cairo_write_func_t, void *, double,
				       double);
	cairo_surface_t *(*image_create)(cairo_format_t, int, int);
	cairo_status_t (*write_png)(cairo_surface_t *, cairo_write_func_t,
				    void *);
	void (*surface_finish)(cairo_surface_t *);
	cairo_status_t (*surface_status)(cairo_surface_t *);
	void (*surface_destroy)(cairo_surface_t *);
} rs;

static bool
load_sym(void *lib, const char *name, void *fn)
{
	void *p = lib != NULL ? dlsym(lib, name) : NULL;

	if (p == NULL) {
		snprintf(rs.why, sizeof(rs.why), "%s is missing", name);
		return false;
	}
	memcpy(fn, &p, sizeof(p));
	return true;
}

/* Load librsvg (which brings cairo and glib) once. */
static int
rsvg_load(struct error *e)
{
	void *l;

	if (!rs.tried) {
		rs.tried = true;
		l = dlopen("librsvg-2.so.2", RTLD_NOW | RTLD_LOCAL);
		if (l == NULL)
			snprintf(rs.why, sizeof(rs.why), "%s", dlerror());
		else
			rs.ok = load_sym(l, "rsvg_handle_new_from_data",
					 &rs.new_from_data) &&
				load_sym(l, "rsvg_handle_get_intrinsic_size_in_pixels",
					 &rs.intrinsic_size) &&
				load_sym(l, "rsvg_handle_render_document",
					 &rs.render_document) &&
				load_sym(l, "g_object_unref", &rs.object_unref) &&
				load_sym(l, "g_error_free", &rs.error_free) &&
				load_sym(l, "cairo_create", &rs.create) &&
				load_sym(l, "cairo_destroy", &rs.destroy) &&
				load_sym(l, "cairo_status", &rs.status) &&
				load_sym(l, "cairo_status_to_string",
					 &rs.status_to_string) &&
				load_sym(l, "cairo_pdf_surface_create_for_stream",
					 &rs.pdf_create) &&
				load_sym(l, "cairo_image_surface_create",
					 &rs.image_create) &&
				load_sym(l, "cairo_surface_write_to_png_stream",
					 &rs.write_png) &&
				load_sym(l, "cairo_surface_finish",
					 &rs.surface_finish) &&
				load_sym(l, "cairo_surface_status",
					 &rs.surface_status) &&
				load_sym(l, "cairo_surface_destroy",
					 &rs.surface_destroy);
	}
	if (!rs.ok)
		return error_set(e, -ENOSYS, "PNG and PDF need librsvg "
				 "(Debian librsvg2-2): %s", rs.why);
	return 0;
}

static cairo_status_t
write_stream(void *closure, const unsigned char *data, unsigned int len)
{
	FILE *f = closure;

	return fwrite(data, 1, len, f) == len ? CAIRO_STATUS_SUCCESS :
		CAIRO_STATUS_WRITE_ERROR;
}

static int
rsvg_fail(struct error *e, const char *what, GError *ge)
{
	error_set(e, -EINVAL, "%s: %s", what, ge != NULL ? ge->message :
		  "failed");
	if (ge != NULL)
		rs.error_free(ge);
	return -1;
}

/*
 * Draw the handle's document on a surface of w x h pixels (scaled by
 * scale: PDF counts points, 72 an inch, where SVG counts 96 pixels).
 */
static int
render_on(RsvgHandle *h, cairo_surface_t *s, double w, double hgt,
	  double scale, struct error *e)
{
	RsvgRectangle vp = { 0, 0, w * scale, hgt * scale };
	GError *ge = NULL;
	cairo_t *cr = rs.create(s);
	int r = 0;

	if (!rs.render_document(h, cr, &vp, &ge))
		r = rsvg_fail(e, "rendering", ge);
	else if (rs.status(cr) != CAIRO_STATUS_SUCCESS)
		r = error_set(e, -EIO, "rendering: %s",
			      rs.status_to_string(rs.status(cr)));
	rs.destroy(cr);
	return r;
}

int
fig_render(const char *svg, size_t len, enum fig_format fmt, FILE *out,
	   struct error *e)
{
	GError *ge = NULL;
	RsvgHandle *h;
	cairo_surface_t *s;
	cairo_status_t st;
	double w, hgt;
	int r;

	if (rsvg_load(e))
		return -1;
	h = rs.new_from_data((const guint8 *)svg, len, &ge);
	if (h == NULL)
		return rsvg_fail(e, "reading the SVG", ge);
	if (!rs.intrinsic_size(h, &w, &hgt) ||
	    w < 1 || hgt < 1 || w > 32767 || hgt > 32767) {
		rs.object_unref(h);
		return error_set(e, -EINVAL, "the figure has no size a "
				 "picture can have (%.0fx%.0f)", w, hgt);
	}
	if (fmt == FIG_PDF)
		s = rs.pdf_create(write_stream, out,
							w * 0.75, hgt * 0.75);
	else
		s = rs.image_create(CAIRO_FORMAT_ARGB32, (int)w,
					       (int)hgt);
	r = render_on(h, s, w, hgt, fmt == FIG_PDF ? 0.75 : 1, e);
	if (r == 0 && fmt == FIG_PNG)
		st = rs.write_png(s, write_stream, out);
	else {
		rs.surface_finish(s);
		st = rs.surface_status(s);
	}
	if (r == 0 && st != CAIRO_STATUS_SUCCESS)
		r = error_set(e, -EIO, "writing: %s",
			      rs.status_to_string(st));
	rs.surface_destroy(s);
	rs.object_unref(h);
	return r;
}

/* A new file's mode: what the umask leaves of rw-rw-rw-. */
static mode_t
new_file_mode(void)
{
	mode_t u = umask(022);

	umask(u);
	return 0666 & ~u;
}

int
fig_write(const struct figure *f, const char *path, enum fig_format fmt,
	  struct error *e)
{
	char *tmp = host_temp_template(path);
	struct strbuf svg;
	FILE *out = NULL;
	int fd, r = 0;

	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		r = error_set(e, -errno, "cannot write '%s': %s", path,
			      strerror(errno));
		free(tmp);
		return r;
	}
	sb_init(&svg);
	fig_svg(f, &svg);
	out = fdopen(fd, "w");
	if (out == NULL) {
		r = error_set(e, -errno, "cannot write '%s': %s", path,
			      strerror(errno));
		close(fd);
	} else {
		if (fmt == FIG_SVG)
			fwrite(svg.buf, 1, svg.len, out);
		else
			r = fig_render(svg.buf, svg.len, fmt, out, e);
		int bad = fchmod(fileno(out), new_file_mode()) != 0;

		bad |= ferror(out);
		bad |= fclose(out) != 0;
		if (bad && r == 0)
			r = error_set(e, -EIO, "cannot write '%s': %s", path,
				      strerror(errno ? errno : EIO));
	}
	if (r == 0 && rename(tmp, path) != 0)
		r = error_set(e, -errno, "cannot write '%s': %s", path,
			      strerror(errno));
	if (r != 0)
		unlink(tmp);
	sb_release(&svg);
	free(tmp);
	return r;
}
