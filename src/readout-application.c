/* readout-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "readout-application.h"
#include "readout-preferences-window.h"
#include "readout-window.h"

struct _ReadoutApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (ReadoutApplication, readout_application, ADW_TYPE_APPLICATION)

static ReadoutWindow *
get_window (ReadoutApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (READOUT_IS_WINDOW (window))
    return READOUT_WINDOW (window);
  return readout_window_new (self);
}

static void
readout_application_activate (GApplication *application)
{
  gtk_window_present (GTK_WINDOW (get_window (READOUT_APPLICATION (application))));
}

static void
readout_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  ReadoutWindow *window = get_window (READOUT_APPLICATION (application));

  readout_window_open_files (window, files, (guint) n_files);
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = user_data;
  static const char *developers[] = { "The Readout developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", _("Readout"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Readout developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Review the figures of biotech earnings releases and export them as CSV"),
                         "developers", developers,
                         "copyright", "© 2026 The Readout developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *application = user_data;
  GtkWindow *parent = gtk_application_get_active_window (application);
  GtkWidget *window = readout_preferences_window_new ();

  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  /* The number style is the "app.number-style" action. */
  gtk_window_set_application (GTK_WINDOW (window), application);
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = user_data;
  GList *windows = gtk_application_get_windows (application);

  /* Close each window so each can ask about edits not exported. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
readout_application_startup (GApplication *application)
{
  ReadoutApplication *self = READOUT_APPLICATION (application);
  static const GActionEntry entries[] = {
    { "about", about_action },
    { "preferences", preferences_action },
    { "quit", quit_action },
  };
  g_autoptr(GAction) number_style = NULL;

  G_APPLICATION_CLASS (readout_application_parent_class)->startup (application);

  g_set_application_name (_("Readout"));
  gtk_window_set_default_icon_name (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  self->settings = g_settings_new (APPLICATION_ID);
  number_style = g_settings_create_action (self->settings, "number-style");
  g_action_map_add_action (G_ACTION_MAP (self), number_style);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.about",
                                         (const char *[]) { "F1", NULL });
}

static void
readout_application_dispose (GObject *object)
{
  ReadoutApplication *self = READOUT_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (readout_application_parent_class)->dispose (object);
}

static void
readout_application_class_init (ReadoutApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = readout_application_dispose;
  app_class->startup = readout_application_startup;
  app_class->activate = readout_application_activate;
  app_class->open = readout_application_open;
}

static void
readout_application_init (ReadoutApplication *self)
{
}

ReadoutApplication *
readout_application_new (void)
{
  return g_object_new (READOUT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/readout/Readout",
                       NULL);
}
