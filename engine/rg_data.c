#include "rg_data.h"

#include <string.h>

const char *rg_data_get(const char *path, size_t *len)
{
    for (const rg_data_file *f = rg_data_files; f->path; f++) {
        if (strcmp(f->path, path) == 0) {
            if (len) *len = *f->len;
            return (const char *)f->bytes;
        }
    }
    return NULL;
}
