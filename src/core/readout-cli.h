/* readout-cli.h: the headless command line (no display, no GTK).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when the arguments hold an option (--export-csv, --help,
 * --version or a mistake): those never open a window. */
gboolean readout_cli_wants (int    argc,
                            char **argv);
/* Runs the headless command line; returns the exit status (0 all files
 * exported, 1 some failed, 2 usage error). */
int      readout_cli_run   (int    argc,
                            char **argv);

G_END_DECLS
