/* fuzz_regress DIR: replays every file under DIR/regressions/<target>/ and
 * DIR/corpus/<target>/ through rg_fuzz_one(), the same entry point and checks
 * as the libFuzzer harnesses, so crashes, leaks (under ASan) and broken
 * promises found by fuzzing stay fixed. Built in every build (no clang
 * needed); run by ctest as fuzz/regressions. Each input gets a time limit
 * (RG_FUZZ_TIMEOUT seconds, default 60): a hang is a failure too. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_target.h"
#include "rg_util.h"

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every regular file of dir through target; returns the count run. */
static int replay(const char *dir, const char *target, unsigned timeout, int *skipped)
{
    DIR *d = opendir(dir);
    if (!d) return 0;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)))
        if (de->d_name[0] != '.') *RG_PUSH(names, n, cap) = rg_sprintf("%s/%s", dir, de->d_name);
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    int ran = 0;
    for (size_t i = 0; i < n; i++) {
        char *data;
        size_t len;
        rg_error err = {0};
        if (rg_read_file(names[i], &data, &len, 0, &err) != RG_OK) {
            fprintf(stderr, "fuzz_regress: %s\n", err.msg);
            exit(1);
        }
        fprintf(stderr, "%s %s (%zu bytes)\n", target, names[i], len);
        alarm(timeout);
        int rc = rg_fuzz_one(target, (const uint8_t *)data, len);
        alarm(0);
        free(data);
        if (rc != 0) {
            printf("note: target '%s' not in this build; %s not replayed\n", target, names[i]);
            (*skipped)++;
        } else {
            ran++;
        }
        free(names[i]);
    }
    free(names);
    return ran;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: fuzz_regress DIR\n", stderr);
        return 2;
    }
    const char *env = getenv("RG_FUZZ_TIMEOUT");
    unsigned timeout = env && atoi(env) > 0 ? (unsigned)atoi(env) : 60;
    int ran = 0, skipped = 0;
    for (size_t t = 0; rg_fuzz_targets[t]; t++) {
        static const char *const kinds[] = {"regressions", "corpus"};
        for (size_t k = 0; k < 2; k++) {
            char *dir = rg_sprintf("%s/%s/%s", argv[1], kinds[k], rg_fuzz_targets[t]);
            ran += replay(dir, rg_fuzz_targets[t], timeout, &skipped);
            free(dir);
        }
    }
    /* Every input that ran kept every promise (a broken one aborts). */
    printf("%d passed, 0 failed (%d not replayed: target missing from this build)\n", ran, skipped);
    return ran > 0 ? 0 : 1;
}
