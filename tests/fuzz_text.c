/* libFuzzer harness: the text-dump pipeline: page bytes as text/plain (or
 * a JSON record's "text") through every stage, at once or one stage at a time
 * as in a pipe of the stage tools.
 * See fz_pipeline_case in fuzz.h for the options the
 * first two bytes pick and the invariants checked. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fz_pipeline_case(data, size, 0);
}
