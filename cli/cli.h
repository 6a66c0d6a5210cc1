/* cli: the thin command-line layer over librelgraph.
 *
 * Each subcommand lives in cli/cmd_<name>.c and defines
 *     const rg_command rg_cmd_<name>;
 * CMake generates the command table from the file names, so adding a
 * subcommand is adding a file. A command's run() returns the process exit
 * code: 0 success, 1 bad input, 2 usage error.
 */
#ifndef RG_CLI_H
#define RG_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "rg_graph.h"

typedef struct rg_command {
    const char *name;
    const char *summary;               /* one line for `relgraph --help` */
    const char *usage;                 /* full help for `relgraph help CMD` */
    int (*run)(int argc, char **argv); /* argv[0] is the command name */
} rg_command;

/* Option parsing: a small getopt_long wrapper so every command treats
 * `--opt value`, `--opt=value`, `-o value` and `--` alike. */
typedef struct rg_opt {
    const char *name; /* long name without dashes */
    char short_name;  /* 0 if none */
    bool takes_value;
} rg_opt;

typedef struct rg_args {
    char **positional;
    size_t npositional;
    /* parallel to the rg_opt array given to rg_parse_args: the last value
     * (or "1" for flags), NULL when absent. Repeated options are joined
     * with ',' so list options may be given several times. */
    char **values;
} rg_args;

/* Returns 0, or 2 after printing a usage error naming the command. */
int rg_parse_args(const rg_command *cmd, int argc, char **argv, const rg_opt *opts, size_t nopts,
                  rg_args *out);
void rg_args_free(rg_args *a, size_t nopts);

/* Prints "relgraph: MSG" to stderr and returns code (for `return rg_fail(...)`). */
int rg_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int rg_usage_error(const rg_command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Expands directories (recursively, sorted, keeping files whose extension is
 * one relgraph reads) into a list of paths. Files named explicitly are kept
 * whatever their extension. Returns 0 or 1 (a missing path). */
int rg_collect_inputs(char **paths, size_t npaths, char ***out, size_t *nout);
void rg_free_list(char **list, size_t n);

/* Loads a graph JSON file ("-" = stdin). Returns 0 or 1 after reporting. */
int rg_load_graph(const char *path, rg_graph *g);

/* Parses a non-negative integer option; returns false on junk. */
bool rg_parse_uint(const char *s, unsigned long *out);

/* Writes s as one RFC 4180 CSV field: quoted (quotes doubled) when it holds
 * a comma, quote or line break. */
void rg_csv_field(FILE *f, const char *s);

#endif
