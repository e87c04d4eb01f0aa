/* readout-window.h: the main window, one release per tab.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "readout-application.h"
#include "readout-release-view.h"

G_BEGIN_DECLS

#define READOUT_TYPE_WINDOW (readout_window_get_type ())
G_DECLARE_FINAL_TYPE (ReadoutWindow, readout_window, READOUT, WINDOW, AdwApplicationWindow)

ReadoutWindow      *readout_window_new              (ReadoutApplication *application);
/* Loads each file in a worker thread and opens it in a tab (an already
 * open file is selected); failures are toasts naming the file. */
void                readout_window_open_files       (ReadoutWindow      *self,
                                                     GFile             **files,
                                                     guint               n_files);
/* Opens an already loaded document (restoring its review state). */
ReadoutReleaseView *readout_window_add_document     (ReadoutWindow      *self,
                                                     ReadoutDocument    *document);
ReadoutReleaseView *readout_window_get_current_view (ReadoutWindow      *self);
guint               readout_window_get_n_loading    (ReadoutWindow      *self);
/* Writes the CSV of @views (ReadoutReleaseView) to @path and marks them
 * exported; errors also appear as a toast. */
gboolean            readout_window_export_to_path   (ReadoutWindow      *self,
                                                     GPtrArray          *views,
                                                     const char         *path,
                                                     GError            **error);

/* Draws @view's chart into @path (PNG, SVG or PDF by its extension). */
gboolean            readout_window_export_chart_to_path (ReadoutWindow      *self,
                                                         ReadoutReleaseView *view,
                                                         const char         *path,
                                                         GError            **error);

G_END_DECLS
