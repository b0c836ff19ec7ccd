/* libFuzzer harness: the JSON Lines reader (pith_reader over a memory
 * stream), plain and gzip'd, read in pieces of every size. See
 * fz_reader_case in fuzz.h for the options the first bytes pick and the
 * invariants checked. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fz_reader_case(data, size, NULL);
}
