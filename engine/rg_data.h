/* rg_data: data files from data/ compiled into the library at build time
 * (see cmake/embed.cmake). Paths are relative to data/, e.g.
 * "lexicon/countries.txt". The bytes are static and NUL-terminated; never
 * free them. */
#ifndef RG_DATA_H
#define RG_DATA_H

#include <stddef.h>

typedef struct rg_data_file {
    const char *path;
    const unsigned char *bytes;
    const size_t *len;
} rg_data_file;

extern const rg_data_file rg_data_files[]; /* terminated by {0,0,0} */

/* Returns the file's bytes and sets *len, or NULL when no such file. */
const char *rg_data_get(const char *path, size_t *len);

#endif
