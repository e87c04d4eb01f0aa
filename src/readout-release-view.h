/* readout-release-view.h: one release in a tab (figures, chart, text).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "readout-document.h"
#include "readout-undo-stack.h"

G_BEGIN_DECLS

#define READOUT_TYPE_RELEASE_VIEW (readout_release_view_get_type ())
G_DECLARE_FINAL_TYPE (ReadoutReleaseView, readout_release_view, READOUT, RELEASE_VIEW, AdwBin)

/* Signals:
 *   "state-changed" (): selection, undo state or "modified" changed.
 *   "show-toast" (const char *message): a message for the window.
 * Properties: document (construct-only), modified (edits not exported). */
GtkWidget        *readout_release_view_new              (ReadoutDocument    *document,
                                                         const char         *review_dir);
ReadoutDocument  *readout_release_view_get_document     (ReadoutReleaseView *self);
ReadoutUndoStack *readout_release_view_get_undo_stack   (ReadoutReleaseView *self);
GtkWidget        *readout_release_view_get_chart        (ReadoutReleaseView *self);
/* Title for the tab and window ("seed.txt"), subtitle ("Company · Q2 2017"). */
char             *readout_release_view_dup_subtitle     (ReadoutReleaseView *self);

gboolean          readout_release_view_get_modified     (ReadoutReleaseView *self);
void              readout_release_view_set_modified     (ReadoutReleaseView *self,
                                                         gboolean            modified);

ReadoutFigure    *readout_release_view_get_selected     (ReadoutReleaseView *self);
gboolean          readout_release_view_select_figure    (ReadoutReleaseView *self,
                                                         ReadoutFigure      *figure);
void              readout_release_view_focus_list       (ReadoutReleaseView *self);

/* The actions of the window, applied to this release. */
gboolean          readout_release_view_can_delete       (ReadoutReleaseView *self);
gboolean          readout_release_view_can_confirm      (ReadoutReleaseView *self);
void              readout_release_view_add_row          (ReadoutReleaseView *self);
void              readout_release_view_delete_row       (ReadoutReleaseView *self);
void              readout_release_view_toggle_confirmed (ReadoutReleaseView *self);
void              readout_release_view_add_from_selection (ReadoutReleaseView *self);
void              readout_release_view_undo             (ReadoutReleaseView *self);
void              readout_release_view_redo             (ReadoutReleaseView *self);
/* Starts editing the current (or prior) cell of the selected row. */
void              readout_release_view_edit_selected    (ReadoutReleaseView *self,
                                                         gboolean            prior);
/* Starts editing the name of the selected added row. */
void              readout_release_view_rename_selected  (ReadoutReleaseView *self);
/* Applies what the reader typed in a cell, as the cell does on Enter:
 * TRUE when accepted (or unchanged), FALSE (and a bell) when refused. */
gboolean          readout_release_view_commit_input     (ReadoutReleaseView *self,
                                                         ReadoutFigure      *figure,
                                                         gboolean            prior,
                                                         const char         *text);

G_END_DECLS
