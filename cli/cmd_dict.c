/* cmd_dict.c: `dyad dict ...` (being built; see issue 2). */
#include "cli.h"
int cmd_dict(int argc, char **argv) {
    (void)argc; (void)argv;
    cli_error("dict: not built yet");
    return EXIT_FAIL;
}
