/* A minimal unit-test harness: RG_CHECK records a failure with file and line
 * and goes on; rg_test_done() prints "N passed, N failed" and returns the
 * exit code. RG_SKIP exits 77, which ctest reports as skipped. */
#ifndef RG_TEST_H
#define RG_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern int rg_test_pass, rg_test_fail;

#define RG_CHECK(cond)                                                                             \
    do {                                                                                           \
        if (cond) rg_test_pass++;                                                                  \
        else {                                                                                     \
            rg_test_fail++;                                                                        \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);             \
        }                                                                                          \
    } while (0)

#define RG_CHECK_STR(a, b)                                                                         \
    do {                                                                                           \
        const char *a_ = (a), *b_ = (b);                                                           \
        if (a_ && b_ && strcmp(a_, b_) == 0) rg_test_pass++;                                       \
        else {                                                                                     \
            rg_test_fail++;                                                                        \
            fprintf(stderr, "%s:%d: \"%s\" != \"%s\"\n", __FILE__, __LINE__, a_ ? a_ : "(null)", \
                    b_ ? b_ : "(null)");                                                           \
        }                                                                                          \
    } while (0)

#define RG_SKIP(why)                                                                               \
    do {                                                                                           \
        printf("skipped: %s\n", why);                                                              \
        exit(77);                                                                                  \
    } while (0)

int rg_test_done(void);

#endif
