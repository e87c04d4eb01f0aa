/* readout-preferences-window.c
 *
 * The number style is the application's stateful "app.number-style"
 * action (made by g_settings_create_action), so the two check buttons of
 * the template are radio buttons of the setting with no code here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "readout-preferences-window.h"

struct _ReadoutPreferencesWindow
{
  AdwPreferencesWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (ReadoutPreferencesWindow, readout_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
readout_preferences_window_class_init (ReadoutPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/ui/readout-preferences-window.ui");
}

static void
readout_preferences_window_init (ReadoutPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
readout_preferences_window_new (void)
{
  return g_object_new (READOUT_TYPE_PREFERENCES_WINDOW, NULL);
}
