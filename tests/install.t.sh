#!/bin/sh
# make install into a scratch prefix, then a program built against it with
# pkg-config runs: the header, the shared library's exported symbols and
# libpith.pc agree.
bin=$1
[ "${PITH_SANITIZED:-0}" = 1 ] && { echo "install: skipped under sanitizers"; exit 0; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
make -s install BUILD="$bin" PREFIX="$tmp/usr" >/dev/null 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
for f in bin/pith bin/pith-decode include/pith.h lib/libpith.so lib/libpith.a \
	lib/pkgconfig/libpith.pc share/man/man1/pith.1 share/man/man3/libpith.3 \
	share/man/man5/pith-record.5; do
	[ -e "$tmp/usr/$f" ] || { echo "install: $f missing"; exit 1; }
done
cat >"$tmp/t.c" <<'C'
#include <pith.h>
#include <stdio.h>
#include <string.h>
int main(void)
{
	const char page[] = "<html><head><title>T</title></head><body><article><h1>Rain</h1>"
		"<p>Rain fell across the valley on Thursday, the most in a single day since records began. "
		"Farmers said the fields would need a week to drain, and the roads were closed.</p>"
		"<p>The council opened two shelters for the night.</p>"
		"</article></body></html>";
	pith_ctx *ctx = pith_ctx_new(NULL);
	pith_doc *doc;
	if (!ctx || pith_extract(ctx, page, strlen(page), "https://example.com/a", &doc) != PITH_OK)
		return 1;
	const char *body = pith_doc_body(doc);
	int ok = body && strstr(body, "Rain fell") != NULL;
	printf("%s\n%s\n", pith_version(), body ? body : "(none)");
	pith_doc_free(doc);
	pith_ctx_free(ctx);
	return ok ? 0 : 1;
}
C
export PKG_CONFIG_PATH="$tmp/usr/lib/pkgconfig"
cc -o "$tmp/t" "$tmp/t.c" $(pkg-config --cflags --libs libpith) || exit 1
LD_LIBRARY_PATH="$tmp/usr/lib" "$tmp/t" || exit 1
cc -static-libgcc -o "$tmp/ts" "$tmp/t.c" $(pkg-config --cflags libpith) "$tmp/usr/lib/libpith.a" \
	$(pkg-config --libs --static libpith) || exit 1
"$tmp/ts" >/dev/null || exit 1
echo "install: ok"
