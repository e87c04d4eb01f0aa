/* test-window-common.h: what the window's test programs share: a display
 * or a skip, one application, a main loop to drive, a window to close.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "readout-application.h"
#include "readout-window.h"
#include "test-common.h"

static gboolean have_display;
/* A scratch $XDG_DATA_HOME for review state. */
static char *data_home;

#define REQUIRE_DISPLAY() \
  G_STMT_START { \
    if (!have_display) \
      { \
        g_test_skip ("no display"); \
        return; \
      } \
  } G_STMT_END

static inline void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* One application for the whole program (its D-Bus path is unique). */
static ReadoutApplication *app;

static inline ReadoutApplication *
get_app (void)
{
  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = readout_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }
  return app;
}

/* Ends any edit (the focus leaves its cell) and lets what the window
 * scheduled run before the window goes. */
static inline void
destroy_window (ReadoutWindow *window)
{
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  iterate (300);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (300);
}

/* Before g_test_run(): the test framework, review state in a scratch
 * folder, GTK and libadwaita when there is a display. */
static inline void
window_test_init (int    *argc,
                  char ***argv)
{
  gtk_disable_setlocale ();
  g_test_init (argc, argv, NULL);

  data_home = make_temp_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      /* GtkRecentManager (4.8) leaks a GDateTime per change it reads back;
       * the suite runs under LeakSanitizer, and recent files are GTK's. */
      g_object_set (gtk_settings_get_default (), "gtk-recent-files-enabled", FALSE, NULL);
    }
}

/* After g_test_run(). */
static inline void
window_test_cleanup (void)
{
  g_clear_object (&app);
  remove_tree (data_home);
  g_clear_pointer (&data_home, g_free);
}
