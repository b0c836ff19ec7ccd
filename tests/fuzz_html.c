/* libFuzzer harness: the HTML pipeline: page bytes (or a JSON record's
 * "html") through every stage, at once or one stage at a time as in a pipe
 * of the stage tools.
 * See fz_pipeline_case in fuzz.h for the options the
 * first two bytes pick and the invariants checked. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fz_pipeline_case(data, size, 1);
}
