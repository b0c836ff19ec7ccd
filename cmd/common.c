/* The tools' shared skin: options, inputs (files, directories, lists,
 * stdin), the record loop with optional worker threads that keep input
 * order, output (plain or gzip'd), progress and exit codes. */
#include "common.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

struct opts {
	pith_format format;
	const char *output;
	bool drop_source, keep_source, detect, recursive, progress, no_progress;
	const char *files_from;
	int jobs;
	pith_options lib;
};

/* ---- output ---- */

struct out {
	FILE *f;
	gzFile gz;
	bool failed;
};

static void out_write(struct out *o, const char *s, size_t n)
{
	if (o->gz) {
		if (n && gzwrite(o->gz, s, (unsigned)n) != (int)n)
			o->failed = true;
	} else if (n && fwrite(s, 1, n, o->f) != n) {
		o->failed = true;
	}
}

/* ---- progress ---- */

struct progress {
	bool on, tty;
	double start, last;
	unsigned long long records, errors, bytes_done, bytes_total;
};

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void progress_show(struct progress *p, unsigned long long cur_bytes, bool final)
{
	if (!p->on)
		return;
	double t = now_s();
	if (!final && t - p->last < (p->tty ? 0.2 : 5.0))
		return;
	if (!final && t - p->start < 1.0)
		return;
	p->last = t;
	double el = t - p->start;
	unsigned long long bytes = p->bytes_done + cur_bytes;
	char eta[32] = "";
	if (p->bytes_total && bytes && !final) {
		double rest = el * ((double)p->bytes_total / (double)bytes - 1.0);
		snprintf(eta, sizeof eta, ", ETA %.0fs", rest > 0 ? rest : 0);
	}
	fprintf(stderr, "%s%llu records, %.1f MB, %.0f records/s, %llu errors%s%s",
		p->tty ? "\r" : "", p->records, (double)bytes / 1e6,
		el > 0 ? (double)p->records / el : 0.0, p->errors, eta,
		p->tty && !final ? "\033[K" : "\n");
	if (p->tty && final)
		fputs("", stderr);
	fflush(stderr);
}

/* ---- the record loop ---- */

#define RING_BYTES (64u << 20)

struct run {
	const struct tool *t;
	struct opts *o;
	struct out out;
	struct progress prog;
	int status;
	unsigned long long inputs_ok, inputs_failed;
	pith_ctx *ctx; /* -j 1 */
	pith_batch *batch;         /* cross-page line memory, NULL when off */
	unsigned long long seq;    /* records submitted so far */
	const char *site;          /* site key of the input being read */
	/* -r: the directories being walked, outermost first, so that a
	 * symlink back up the tree is not followed round forever */
	struct dir_id {
		dev_t dev;
		ino_t ino;
	} *walk;
	size_t nwalk, walkcap;
	/* workers (-j > 1) */
	int jobs;
	pthread_t *threads;
	pthread_mutex_t mu;
	pthread_cond_t can_take, can_put, can_write;
	struct slot {
		pith_doc *doc;
		char *text;
		size_t len;
		int state; /* 0 free, 1 queued, 2 taken, 3 done */
		bool error;
		size_t bytes;
		char *err; /* "TOOL: FILE: message" for stderr, or NULL */
	} *ring;
	size_t nring;
	unsigned long long put, take, written;
	size_t inflight;           /* page bytes in the ring */
	bool eof;
	pthread_t writer;
};

static char *render(struct run *r, pith_ctx *ctx, pith_doc *doc, size_t *len, bool *error)
{
	pith_doc_run(ctx, doc, r->t->stages);
	*error = pith_doc_error(doc) != NULL;
	if (r->o->format == PITH_FORMAT_TEXT && !*error) {
		/* one text per record, so that records stay apart */
		char *s = pith_doc_format(ctx, doc, r->t->text_format, len);
		if (s && !*len) {
			free(s);
			s = strdup("\n");
			*len = 1;
		}
		return s;
	}
	pith_format f = r->o->format;
	if (f == PITH_FORMAT_TEXT)
		f = r->t->text_format;
	char *s = pith_doc_format(ctx, doc, f, len);
	if (!s) {
		*len = 0;
		*error = true;
	}
	return s;
}

/* The stderr line of a record that carries an error ("TOOL: FILE: msg",
 * FILE the record's file, url or "-"), made while the document is at hand;
 * NULL when all is well. */
static char *report(struct run *r, const pith_doc *doc, const char *text)
{
	const char *err = pith_doc_error(doc);
	if (!err && text)
		return NULL;
	const char *where = pith_doc_get(doc, "file");
	if (!where)
		where = pith_doc_url(doc);
	char *line = NULL;
	if (asprintf(&line, "%s: %s: %s\n", r->t->name, where ? where : "-",
		     err ? err : "cannot format the record") < 0)
		line = strdup("record failed\n");
	return line;
}

/* Writes one record, and its error line on stderr. */
static void emit(struct run *r, char *s, size_t len, char *err)
{
	if (s)
		out_write(&r->out, s, len);
	free(s);
	r->prog.records++;
	if (err) {
		r->prog.errors++;
		r->status = TOOL_SOME_ERR;
		fputs(err, stderr);
		free(err);
	}
}

static void *worker(void *arg)
{
	struct run *r = arg;
	pith_ctx *ctx = pith_ctx_new(&r->o->lib);
	if (ctx)
		pith_ctx_set_batch(ctx, r->batch);
	for (;;) {
		pthread_mutex_lock(&r->mu);
		while (r->take == r->put && !r->eof)
			pthread_cond_wait(&r->can_take, &r->mu);
		if (r->take == r->put && r->eof) {
			pthread_mutex_unlock(&r->mu);
			break;
		}
		struct slot *s = &r->ring[r->take++ % r->nring];
		s->state = 2;
		pthread_mutex_unlock(&r->mu);
		bool error = true;
		char *text = ctx ? render(r, ctx, s->doc, &s->len, &error) : NULL;
		/* what it teaches the batch memory, then the page is freed here,
		 * in parallel, leaving the writer only the writing */
		pith_batch_learn(r->batch, s->doc);
		char *err = report(r, s->doc, text);
		pith_doc_free(s->doc);
		pthread_mutex_lock(&r->mu);
		s->doc = NULL;
		s->err = err;
		s->text = text;
		s->error = error;
		s->state = 3;
		pthread_cond_broadcast(&r->can_write);
		pthread_mutex_unlock(&r->mu);
	}
	pith_ctx_free(ctx);
	return NULL;
}

static void *writer(void *arg)
{
	struct run *r = arg;
	for (;;) {
		pthread_mutex_lock(&r->mu);
		struct slot *s = &r->ring[r->written % r->nring];
		while (!(r->written < r->put && s->state == 3) && !(r->eof && r->written == r->put))
			pthread_cond_wait(&r->can_write, &r->mu);
		if (r->eof && r->written == r->put) {
			pthread_mutex_unlock(&r->mu);
			break;
		}
		char *text = s->text, *err = s->err;
		size_t len = s->len;
		s->text = NULL;
		s->err = NULL;
		pthread_mutex_unlock(&r->mu);
		emit(r, text, len, err);
		pthread_mutex_lock(&r->mu);
		s->state = 0;
		r->inflight -= s->bytes;
		r->written++;
		pthread_cond_signal(&r->can_put);
		pthread_mutex_unlock(&r->mu);
	}
	return NULL;
}

static void submit(struct run *r, pith_doc *doc)
{
	if (r->site)
		pith_doc_set_seq(doc, r->seq++, r->site);
	if (r->jobs <= 1) {
		size_t len;
		bool error;
		char *s = render(r, r->ctx, doc, &len, &error);
		pith_batch_learn(r->batch, doc);
		emit(r, s, len, report(r, doc, s));
		pith_doc_free(doc);
		return;
	}
	/* at most nring pages and RING_BYTES of them in flight (one page
	 * always goes, however big): memory stays bounded by a few pages */
	size_t bytes = pith_doc_size(doc);
	pthread_mutex_lock(&r->mu);
	while (r->put - r->written >= r->nring ||
	       (r->put > r->written && r->inflight + bytes > RING_BYTES))
		pthread_cond_wait(&r->can_put, &r->mu);
	struct slot *s = &r->ring[r->put++ % r->nring];
	s->doc = doc;
	s->bytes = bytes;
	r->inflight += bytes;
	s->state = 1;
	pthread_cond_signal(&r->can_take);
	pthread_mutex_unlock(&r->mu);
}

static bool start_workers(struct run *r)
{
	if (r->jobs <= 1)
		return true;
	/* no more pages in flight than the batch memory's lag, so that what a
	 * page sees of earlier pages does not depend on thread timing */
	r->nring = (size_t)r->jobs * 4;
	if (r->nring > PITH_BATCH_LAG)
		r->nring = PITH_BATCH_LAG;
	r->ring = calloc(r->nring, sizeof *r->ring);
	r->threads = calloc((size_t)r->jobs, sizeof *r->threads);
	if (!r->ring || !r->threads)
		return false;
	pthread_mutex_init(&r->mu, NULL);
	pthread_cond_init(&r->can_take, NULL);
	pthread_cond_init(&r->can_put, NULL);
	pthread_cond_init(&r->can_write, NULL);
	for (int i = 0; i < r->jobs; i++)
		if (pthread_create(&r->threads[i], NULL, worker, r))
			return false;
	return pthread_create(&r->writer, NULL, writer, r) == 0;
}

static void stop_workers(struct run *r)
{
	if (r->jobs <= 1)
		return;
	pthread_mutex_lock(&r->mu);
	r->eof = true;
	pthread_cond_broadcast(&r->can_take);
	pthread_cond_broadcast(&r->can_write);
	pthread_mutex_unlock(&r->mu);
	for (int i = 0; i < r->jobs; i++)
		pthread_join(r->threads[i], NULL);
	pthread_join(r->writer, NULL);
	free(r->ring);
	free(r->threads);
}

/* ---- inputs ---- */

static long read_file(void *opaque, void *buf, size_t len)
{
	FILE *f = opaque;
	size_t n = fread(buf, 1, len, f);
	if (!n && ferror(f))
		return -1;
	return (long)n;
}

/* An input that cannot be read still makes a record, with the error. */
static void input_error(struct run *r, const char *name, const char *msg)
{
	r->inputs_failed++;
	if (r->o->detect) {
		/* --detect prints FILE<TAB>charset lines only */
		fprintf(stderr, "%s: %s: %s\n", r->t->name, name, msg);
		return;
	}
	pith_doc *doc = NULL;
	if (pith_doc_from_json(r->ctx, "{}", 2, &doc) == PITH_OK) {
		pith_doc_set(doc, "file", name);
		pith_doc_set_error(doc, msg);
		submit(r, doc);
	}
}

static void detect_file(struct run *r, const char *name, FILE *f)
{
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap);
	size_t n;
	while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap) {
			if (cap >= r->o->lib.max_page_bytes)
				break;
			char *nb = realloc(buf, cap * 2);
			if (!nb)
				break;
			buf = nb;
			cap *= 2;
		}
	}
	const char *cs = buf ? pith_detect_charset(r->ctx, buf, len, NULL) : "unknown";
	printf("%s\t%s\n", name, cs);
	free(buf);
	r->inputs_ok++;
}

static void do_file(struct run *r, const char *name)
{
	bool is_stdin = !strcmp(name, "-");
	FILE *f = is_stdin ? stdin : fopen(name, "rb");
	if (!f) {
		input_error(r, name, strerror(errno));
		return;
	}
	if (r->o->detect) {
		detect_file(r, name, f);
		if (!is_stdin)
			fclose(f);
		return;
	}
	/* the site of pages without a url: the directory they came from */
	char *dir = strdup(name);
	if (dir) {
		char *slash = strrchr(dir, '/');
		if (slash)
			*slash = 0;
		else
			strcpy(dir, ".");
	}
	/* stdin may be one piece of a split batch (GNU parallel, Hadoop
	 * streaming): its records must not depend on the pieces before it, so
	 * the batch memory is for named inputs only */
	r->site = is_stdin ? NULL : dir;
	pith_reader *rd = pith_reader_new(r->ctx, read_file, f, is_stdin ? "-" : name);
	if (!rd) {
		r->site = NULL;
		free(dir);
		input_error(r, name, "out of memory");
		if (!is_stdin)
			fclose(f);
		return;
	}
	pith_doc *doc;
	pith_status st;
	while ((st = pith_reader_next(rd, &doc)) == PITH_OK && doc) {
		submit(r, doc);
		progress_show(&r->prog, pith_reader_bytes(rd), false);
	}
	if (st != PITH_OK) {
		const char *msg = pith_ctx_errmsg(r->ctx);
		input_error(r, name, *msg ? msg : pith_strerror(st));
	}
	else
		r->inputs_ok++;
	r->prog.bytes_done += pith_reader_bytes(rd);
	pith_reader_free(rd);
	r->site = NULL;
	free(dir);
	if (!is_stdin)
		fclose(f);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void do_path(struct run *r, const char *path);

/* Directories are walked in name order, so runs repeat. */
static void do_dir(struct run *r, const char *path)
{
	DIR *d = opendir(path);
	if (!d) {
		input_error(r, path, strerror(errno));
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **nn = realloc(names, cap * sizeof *nn);
			if (!nn)
				break;
			names = nn;
		}
		size_t l = strlen(path) + strlen(e->d_name) + 2;
		names[n] = malloc(l);
		if (!names[n])
			break;
		snprintf(names[n], l, "%s/%s", path, e->d_name);
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n; i++) {
		do_path(r, names[i]);
		free(names[i]);
	}
	free(names);
}

static void do_path(struct run *r, const char *path)
{
	struct stat st;
	if (strcmp(path, "-") && !stat(path, &st) && S_ISDIR(st.st_mode)) {
		if (!r->o->recursive) {
			input_error(r, path, "is a directory (use -r)");
			return;
		}
		/* Two symlinks to "." would make 2^40 paths before ELOOP. */
		for (size_t i = 0; i < r->nwalk; i++)
			if (r->walk[i].dev == st.st_dev && r->walk[i].ino == st.st_ino) {
				fprintf(stderr, "%s: %s: directory loop, skipped\n", r->t->name, path);
				return;
			}
		if (r->nwalk == r->walkcap) {
			size_t cap = r->walkcap ? r->walkcap * 2 : 16;
			struct dir_id *w = realloc(r->walk, cap * sizeof *w);
			if (!w) {
				input_error(r, path, strerror(ENOMEM));
				return;
			}
			r->walk = w;
			r->walkcap = cap;
		}
		r->walk[r->nwalk++] = (struct dir_id){st.st_dev, st.st_ino};
		do_dir(r, path);
		r->nwalk--;
		return;
	}
	do_file(r, path);
}

static unsigned long long total_size(int n, char **paths)
{
	unsigned long long t = 0;
	struct stat st;
	for (int i = 0; i < n; i++)
		if (!stat(paths[i], &st) && S_ISREG(st.st_mode))
			t += (unsigned long long)st.st_size;
	return t;
}

/* ---- options ---- */

enum {
	OPT_DROP = 256, OPT_KEEP, OPT_NO_REPAIR, OPT_T2S, OPT_FOLD, OPT_NOW, OPT_MAXSIZE,
	OPT_MAXDEPTH, OPT_BUDGET, OPT_PROGRESS, OPT_NO_PROGRESS, OPT_FILES_FROM, OPT_NO_SITE,
	OPT_NO_SPAM, OPT_DETECT,
};

/* Does tool t offer option c? Options a tool does not offer are usage
 * errors, not silently ignored. */
static bool offered(const struct tool *t, int c)
{
	switch (c) {
	case OPT_NO_REPAIR: case OPT_DETECT:
		return t->is_decode;
	case OPT_T2S: case OPT_FOLD: case OPT_NO_SPAM:
		return t->stages & PITH_STAGE_CLEAN;
	case OPT_NOW:
		return t->stages & (PITH_STAGE_META | PITH_STAGE_LINKS);
	case OPT_MAXDEPTH: case OPT_BUDGET:
		return t->stages & (PITH_STAGE_STRIP | PITH_STAGE_META | PITH_STAGE_LINKS);
	case OPT_NO_SITE: case 'j':
		return t->is_pith;
	case OPT_DROP:
		return t->keeps_source;
	case OPT_KEEP:
		return !t->keeps_source;
	}
	return true;
}

static void usage(const struct tool *t, FILE *f)
{
	fprintf(f, "Usage: %s [OPTIONS] [FILE...]\n%s\n\n", t->name, t->summary);
	fputs("Input: files, '-' or nothing for stdin; JSON Lines, WARC (gzip'd too) or\n"
	      "one raw page per file (HTML or a text dump).\n\nOptions:\n"
	      "  -f, --format FMT      jsonl (default), json, text, markdown, or blocks\n"
	      "                        (each block with its label, to see why)\n"
	      "  -o, --output FILE     write there (gzip'd when FILE ends in .gz)\n"
	      "  -r, --recursive       read directories\n"
	      "      --files-from FILE read input paths from FILE, one a line ('-': stdin)\n",
	      f);
	if (t->keeps_source)
		fputs("      --drop-source     leave the page (html/text) out of the records\n", f);
	else
		fputs("      --keep-source     keep the page (html/text) in the records\n", f);
	if (t->is_decode)
		fputs("      --detect          print FILE<TAB>charset for each file, nothing else\n"
		      "      --no-repair       do not repair mojibake\n",
		      f);
	if (t->stages & PITH_STAGE_CLEAN)
		fputs("      --t2s             traditional to simplified Chinese (OpenCC)\n"
		      "      --fold-width      full-width ASCII to ASCII\n"
		      "      --no-spam         keep lines that look like injected spam\n",
		      f);
	if (t->stages & (PITH_STAGE_META | PITH_STAGE_LINKS))
		fputs("      --now TIME        reference time for relative dates (Unix seconds\n"
		      "                        or ISO 8601); without it \"6天前\" gives no date\n",
		      f);
	if (t->is_pith)
		fputs("  -j, --jobs N          worker threads (default: number of cores)\n"
		      "      --no-site-memory  in batches, do not take lines that repeat across\n"
		      "                        pages of one site as boilerplate\n",
		      f);
	fputs("      --max-page-size N page size limit in bytes (default 64M; K, M, G)\n", f);
	if (offered(t, OPT_MAXDEPTH))
		fputs("      --max-depth N     HTML nesting limit (default 256)\n"
		      "      --time-budget MS  per page; the page gets a warning past it\n",
		      f);
	fputs("      --progress        progress line on stderr\n"
	      "      --no-progress     no progress line, even on a terminal\n"
	      "  -h, --help            this help\n"
	      "  -V, --version         versions of pith and its libraries\n\n"
	      "Exit status: 0 all records processed, 1 some records have an \"error\",\n"
	      "2 usage error or no input readable.\n",
	      f);
}

static bool parse_size(const char *s, size_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s)
		return false;
	switch (*end) {
	case 'k': case 'K': v <<= 10; end++; break;
	case 'm': case 'M': v <<= 20; end++; break;
	case 'g': case 'G': v <<= 30; end++; break;
	}
	if (*end || !v)
		return false;
	*out = (size_t)v;
	return true;
}

/* --now: Unix seconds, or ISO 8601 "2025-06-16[THH:MM[:SS]][Z|±HH[:MM]]". */
static bool parse_now(const char *s, long long *out)
{
	char *end;
	long long v = strtoll(s, &end, 10);
	if (end != s && !*end) {
		*out = v;
		return true;
	}
	int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3)
		return false;
	const char *p = s + n;
	if (*p == 'T' || *p == ' ') {
		int m = 0;
		if (sscanf(p + 1, "%2d:%2d%n", &h, &mi, &m) != 2)
			return false;
		p += 1 + m;
		if (*p == ':' && sscanf(p + 1, "%2d%n", &sec, &m) == 1)
			p += 1 + m;
	}
	long long off = 0;
	if (*p == 'Z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		int oh = 0, om = 0, m = 0;
		if (sscanf(p + 1, "%2d%n", &oh, &m) != 1)
			return false;
		const char *q = p + 1 + m;
		if (*q == ':')
			q++;
		if (sscanf(q, "%2d%n", &om, &m) == 1)
			q += m;
		off = (oh * 3600LL + om * 60LL) * (*p == '-' ? -1 : 1);
		p = q;
	}
	if (*p || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
		return false;
	/* days from the civil date, UTC */
	y -= mo <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	*out = (era * 146097 + doe - 719468) * 86400 + h * 3600 + mi * 60 + sec - off;
	return true;
}

int tool_main(const struct tool *t, int argc, char **argv)
{
	struct opts o;
	memset(&o, 0, sizeof o);
	pith_options_init(&o.lib);
	o.format = PITH_FORMAT_JSONL;
	o.jobs = 1;
	if (t->is_pith) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		o.jobs = n > 0 ? (int)n : 1;
	}
	static const struct option longopts[] = {
		{"format", required_argument, 0, 'f'},
		{"output", required_argument, 0, 'o'},
		{"recursive", no_argument, 0, 'r'},
		{"jobs", required_argument, 0, 'j'},
		{"help", no_argument, 0, 'h'},
		{"version", no_argument, 0, 'V'},
		{"drop-source", no_argument, 0, OPT_DROP},
		{"keep-source", no_argument, 0, OPT_KEEP},
		{"no-repair", no_argument, 0, OPT_NO_REPAIR},
		{"t2s", no_argument, 0, OPT_T2S},
		{"fold-width", no_argument, 0, OPT_FOLD},
		{"now", required_argument, 0, OPT_NOW},
		{"max-page-size", required_argument, 0, OPT_MAXSIZE},
		{"max-depth", required_argument, 0, OPT_MAXDEPTH},
		{"time-budget", required_argument, 0, OPT_BUDGET},
		{"progress", no_argument, 0, OPT_PROGRESS},
		{"no-progress", no_argument, 0, OPT_NO_PROGRESS},
		{"files-from", required_argument, 0, OPT_FILES_FROM},
		{"no-site-memory", no_argument, 0, OPT_NO_SITE},
		{"no-spam", no_argument, 0, OPT_NO_SPAM},
		{"detect", no_argument, 0, OPT_DETECT},
		{0, 0, 0, 0},
	};
	int c;
	while ((c = getopt_long(argc, argv, "f:o:rj:hV", longopts, NULL)) != -1) {
		if (c != '?' && !offered(t, c)) {
			fprintf(stderr, "%s: %s is not an option of %s\nTry '%s --help'.\n", t->name,
				argv[optind - 1], t->name, t->name);
			return TOOL_USAGE;
		}
		switch (c) {
		case 'f':
			if (!strcmp(optarg, "jsonl"))
				o.format = PITH_FORMAT_JSONL;
			else if (!strcmp(optarg, "json"))
				o.format = PITH_FORMAT_JSON;
			else if (!strcmp(optarg, "text"))
				o.format = PITH_FORMAT_TEXT;
			else if (!strcmp(optarg, "markdown") || !strcmp(optarg, "md"))
				o.format = PITH_FORMAT_MARKDOWN;
			else if (!strcmp(optarg, "blocks"))
				o.format = PITH_FORMAT_BLOCKS;
			else {
				fprintf(stderr, "%s: unknown format '%s' (jsonl, json, text, markdown, blocks)\n",
					t->name, optarg);
				return TOOL_USAGE;
			}
			break;
		case 'o': o.output = optarg; break;
		case 'r': o.recursive = true; break;
		case 'j': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || n < 1 || n > 1024) {
				fprintf(stderr, "%s: -j: a number from 1 to 1024, not '%s'\n", t->name, optarg);
				return TOOL_USAGE;
			}
			o.jobs = (int)n;
			break;
		}
		case 'h': usage(t, stdout); return TOOL_OK;
		case 'V':
			printf("%s %s (libpith %s; %s)\n", t->name, PITH_VERSION_STRING, pith_version(),
			       pith_deps_version());
			return TOOL_OK;
		case OPT_DROP: o.drop_source = true; break;
		case OPT_KEEP: o.keep_source = true; break;
		case OPT_NO_REPAIR: o.lib.flags |= PITH_OPT_NO_REPAIR; break;
		case OPT_T2S: o.lib.flags |= PITH_OPT_T2S; break;
		case OPT_FOLD: o.lib.flags |= PITH_OPT_FOLD_WIDTH; break;
		case OPT_NO_SITE: o.lib.flags |= PITH_OPT_NO_SITE_MEMORY; break;
		case OPT_NO_SPAM: o.lib.flags |= PITH_OPT_NO_SPAM; break;
		case OPT_DETECT: o.detect = true; break;
		case OPT_PROGRESS: o.progress = true; break;
		case OPT_NO_PROGRESS: o.no_progress = true; break;
		case OPT_FILES_FROM: o.files_from = optarg; break;
		case OPT_NOW:
			if (!parse_now(optarg, &o.lib.now)) {
				fprintf(stderr, "%s: --now: not a time: '%s'\n", t->name, optarg);
				return TOOL_USAGE;
			}
			break;
		case OPT_MAXSIZE:
			if (!parse_size(optarg, &o.lib.max_page_bytes)) {
				fprintf(stderr, "%s: --max-page-size: not a size: '%s'\n", t->name, optarg);
				return TOOL_USAGE;
			}
			break;
		case OPT_MAXDEPTH:
		case OPT_BUDGET: {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || n < 1 || n > 1000000) {
				fprintf(stderr, "%s: %s: not a number: '%s'\n", t->name,
					c == OPT_MAXDEPTH ? "--max-depth" : "--time-budget", optarg);
				return TOOL_USAGE;
			}
			if (c == OPT_MAXDEPTH)
				o.lib.max_depth = (unsigned)n;
			else
				o.lib.time_budget_ms = (unsigned)n;
			break;
		}
		default:
			fprintf(stderr, "Try '%s --help'.\n", t->name);
			return TOOL_USAGE;
		}
	}
	if (t->keeps_source ? !o.drop_source : o.keep_source)
		o.lib.flags |= PITH_OPT_KEEP_SOURCE;

	struct run r;
	memset(&r, 0, sizeof r);
	r.t = t;
	r.o = &o;
	r.jobs = o.jobs;
	r.ctx = pith_ctx_new(&o.lib);
	/* a batch memory for pith's runs; single pages never need it */
	if (t->is_pith && !(o.lib.flags & PITH_OPT_NO_SITE_MEMORY) && !o.detect)
		r.batch = pith_batch_new(&o.lib);
	pith_ctx_set_batch(r.ctx, r.batch);
	if (!r.ctx) {
		fprintf(stderr, "%s: out of memory\n", t->name);
		return TOOL_USAGE;
	}
	r.out.f = stdout;
	if (o.output) {
		size_t l = strlen(o.output);
		if (l > 3 && !strcmp(o.output + l - 3, ".gz"))
			r.out.gz = gzopen(o.output, "wb6");
		else
			r.out.f = fopen(o.output, "wb");
		if (!r.out.gz && !r.out.f) {
			fprintf(stderr, "%s: %s: %s\n", t->name, o.output, strerror(errno));
			pith_ctx_free(r.ctx);
			return TOOL_USAGE;
		}
	}
	r.prog.tty = isatty(2);
	r.prog.on = !o.no_progress && !o.detect && (o.progress || (t->is_pith && r.prog.tty));
	r.prog.start = r.prog.last = now_s();
	if (!start_workers(&r)) {
		fprintf(stderr, "%s: cannot start worker threads\n", t->name);
		return TOOL_USAGE;
	}
	int nfiles = argc - optind;
	char **files = argv + optind;
	r.prog.bytes_total = total_size(nfiles, files);
	if (o.files_from) {
		FILE *lf = strcmp(o.files_from, "-") ? fopen(o.files_from, "r") : stdin;
		if (!lf) {
			fprintf(stderr, "%s: %s: %s\n", t->name, o.files_from, strerror(errno));
			r.status = TOOL_USAGE;
		} else {
			char *line = NULL;
			size_t cap = 0;
			ssize_t n;
			while ((n = getline(&line, &cap, lf)) > 0) {
				while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
					line[--n] = 0;
				if (n)
					do_path(&r, line);
			}
			free(line);
			if (lf != stdin)
				fclose(lf);
		}
	} else if (!nfiles) {
		do_path(&r, "-");
	}
	for (int i = 0; i < nfiles; i++)
		do_path(&r, files[i]);
	stop_workers(&r);
	progress_show(&r.prog, 0, true);
	if (r.out.gz) {
		if (gzclose(r.out.gz) != Z_OK)
			r.out.failed = true;
	} else if (fflush(r.out.f) || (r.out.f != stdout && fclose(r.out.f))) {
		r.out.failed = true;
	}
	pith_ctx_free(r.ctx);
	pith_batch_free(r.batch);
	free(r.walk);
	if (r.out.failed) {
		fprintf(stderr, "%s: %s: write error\n", t->name, o.output ? o.output : "stdout");
		return TOOL_USAGE;
	}
	if (r.inputs_failed && !r.inputs_ok)
		return TOOL_USAGE;
	if (r.inputs_failed)
		return TOOL_SOME_ERR;
	return r.status;
}
