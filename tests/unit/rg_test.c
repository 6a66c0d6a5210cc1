#include "rg_test.h"

int rg_test_pass, rg_test_fail;

int rg_test_done(void)
{
    printf("%d passed, %d failed\n", rg_test_pass, rg_test_fail);
    return rg_test_fail ? 1 : 0;
}
