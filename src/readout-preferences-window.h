/* readout-preferences-window.h: how figures are shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define READOUT_TYPE_PREFERENCES_WINDOW (readout_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ReadoutPreferencesWindow, readout_preferences_window, READOUT, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *readout_preferences_window_new (void);

G_END_DECLS
