/* relgraph: entry point. Dispatches to the subcommand named by argv[1]; the
 * table comes from cli/cmd_*.c via the generated rg_commands.inc. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

#define RG_COMMAND(name) extern const rg_command rg_cmd_##name;
#include "rg_commands.inc"
#undef RG_COMMAND

static const rg_command *const commands[] = {
#define RG_COMMAND(name) &rg_cmd_##name,
#include "rg_commands.inc"
#undef RG_COMMAND
    NULL};

static void print_help(FILE *f)
{
    fputs("usage: relgraph COMMAND [ARGS...]\n\n"
          "Builds a graph of people, organisations, institutions, places and events from\n"
          "documents and tables, analyses it and exports it.\n\ncommands:\n",
          f);
    for (size_t i = 0; commands[i]; i++)
        fprintf(f, "  %-12s %s\n", commands[i]->name, commands[i]->summary);
    fputs("\n'relgraph help COMMAND' shows a command's options; 'relgraph --version'.\n", f);
}

static const rg_command *find(const char *name)
{
    for (size_t i = 0; commands[i]; i++)
        if (strcmp(commands[i]->name, name) == 0) return commands[i];
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_help(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        print_help(stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("relgraph %s\n", RG_VERSION);
        return 0;
    }
    if (strcmp(cmd, "help") == 0) {
        if (argc < 3) {
            print_help(stdout);
            return 0;
        }
        const rg_command *c = find(argv[2]);
        if (!c) return rg_fail(2, "no such command '%s' (see 'relgraph --help')", argv[2]);
        fputs(c->usage, stdout);
        return 0;
    }
    const rg_command *c = find(cmd);
    if (!c) return rg_fail(2, "no such command '%s' (see 'relgraph --help')", cmd);
    return c->run(argc - 1, argv + 1);
}
