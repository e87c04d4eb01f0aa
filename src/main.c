/* main.c: the headless exporter or the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "readout-application.h"
#include "readout-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ReadoutApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* --export-csv, --help and --version never need a display: answer them
   * before GTK is initialised (GTK is only initialised on startup). */
  if (readout_cli_wants (argc, argv))
    return readout_cli_run (argc, argv);

  app = readout_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
