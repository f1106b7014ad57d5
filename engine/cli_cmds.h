/* The rule-authoring subcommands of the trawl command: test, eval, explain,
 * check, repl. The work is Lua (scripts/trawl/<name>.lua); this side only
 * gives it an engine and a few host functions. */
#ifndef TRAWL_CLI_CMDS_H
#define TRAWL_CLI_CMDS_H

/* Whether argv[1] names a subcommand. */
int is_subcommand(const char *name);

/* Runs the subcommand argv[0] with its arguments; returns the exit status. */
int cmd_main(int argc, char **argv);

#endif
