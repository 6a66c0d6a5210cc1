/* libFuzzer harness for the 'csv' target; the checks are in fuzz_target.c. */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_target.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (rg_fuzz_one("csv", data, size) != 0) {
        fputs("fuzz: target 'csv' is not available in this build\n", stderr);
        exit(1);
    }
    return 0;
}
