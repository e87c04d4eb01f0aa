/* readout-undo-stack.h: undo and redo of a reader's edits to a release.
 *
 * Every change the window makes to a document goes through here: edits of
 * current and prior, labels, confirmations, added and removed rows.
 * GLib only, so it is testable without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "readout-document.h"

G_BEGIN_DECLS

#define READOUT_TYPE_UNDO_STACK (readout_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (ReadoutUndoStack, readout_undo_stack, READOUT, UNDO_STACK, GObject)

/* Properties: can-undo, can-redo (read-only, notified on change).
 * Signal "changed" (): after any change made through the stack. */
ReadoutUndoStack *readout_undo_stack_new           (ReadoutDocument  *document);
ReadoutDocument  *readout_undo_stack_get_document  (ReadoutUndoStack *self);

/* Each returns TRUE when the document changed (one undo step). */
gboolean          readout_undo_stack_edit_current  (ReadoutUndoStack *self,
                                                    ReadoutFigure    *figure,
                                                    gboolean          known,
                                                    double            value);
gboolean          readout_undo_stack_edit_prior    (ReadoutUndoStack *self,
                                                    ReadoutFigure    *figure,
                                                    gboolean          known,
                                                    double            value);
gboolean          readout_undo_stack_set_label     (ReadoutUndoStack *self,
                                                    ReadoutFigure    *figure,
                                                    const char       *label);
/* extracted -> confirmed, confirmed -> extracted; other rows: FALSE. */
gboolean          readout_undo_stack_toggle_confirmed (ReadoutUndoStack *self,
                                                       ReadoutFigure    *figure);
ReadoutFigure    *readout_undo_stack_add_figure    (ReadoutUndoStack *self,
                                                    const char       *label,
                                                    guint             source_start,
                                                    guint             source_end);
gboolean          readout_undo_stack_remove_figure (ReadoutUndoStack *self,
                                                    ReadoutFigure    *figure);

gboolean          readout_undo_stack_can_undo      (ReadoutUndoStack *self);
gboolean          readout_undo_stack_can_redo      (ReadoutUndoStack *self);
/* Return the figure the step touched (borrowed), or NULL when empty. */
ReadoutFigure    *readout_undo_stack_undo          (ReadoutUndoStack *self);
ReadoutFigure    *readout_undo_stack_redo          (ReadoutUndoStack *self);

G_END_DECLS
