/* libFuzzer harness: the WARC reader (pith_reader over a memory stream),
 * plain and gzip'd, read in pieces of every size. The input is prefixed
 * "WARC/1.1\r\n" when its first byte is odd: a fuzzer seldom keeps the
 * magic intact, and without it most inputs would be raw pages. See
 * fz_reader_case in fuzz.h for the options of the next two bytes and the
 * invariants checked. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	return fz_reader_case(data + 1, size - 1, data[0] & 1 ? "WARC/1.1\r\n" : NULL);
}
