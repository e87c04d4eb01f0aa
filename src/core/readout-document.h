/* readout-document.h: a loaded release, its figures and their checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "readout-types.h"
#include "readout-text.h"
#include "readout-figure.h"
#include "readout-check.h"

G_BEGIN_DECLS

#define READOUT_TYPE_DOCUMENT (readout_document_get_type ())
G_DECLARE_FINAL_TYPE (ReadoutDocument, readout_document, READOUT, DOCUMENT, GObject)

/* Loads, normalizes and extracts in the calling thread (the CLI, workers).
 * Errors are READOUT_LOAD_ERROR or G_IO_ERROR; the message names the file. */
ReadoutDocument *readout_document_load              (GFile               *file,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
/* The same from bytes already read; @file_name is used in messages and the
 * CSV's file column. */
ReadoutDocument *readout_document_new_from_bytes    (const char          *file_name,
                                                     GBytes              *bytes,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
/* The same in a worker thread (GTask); the result is built there and
 * handed over whole. */
void             readout_document_load_async        (GFile               *file,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ReadoutDocument *readout_document_load_finish       (GAsyncResult        *result,
                                                     GError             **error);

GFile           *readout_document_get_file          (ReadoutDocument *self);
/* Basename, as written in the CSV's file column. */
const char      *readout_document_get_file_name     (ReadoutDocument *self);
/* SHA-256 of the file's bytes, in hex: the key of its review state
 * (computed on first use; readout_document_load_async computes it in its
 * worker thread). */
const char      *readout_document_get_content_hash  (ReadoutDocument *self);
ReadoutText     *readout_document_get_text          (ReadoutDocument *self);
const char      *readout_document_get_company       (ReadoutDocument *self);
/* e.g. "Q2 2017", "Q3 FY2024", "FY 2021"; NULL when not found. */
const char      *readout_document_get_period        (ReadoutDocument *self);
const char      *readout_document_get_prior_period  (ReadoutDocument *self);
/* ISO date of the period's end ("2017-06-30"), or NULL. */
const char      *readout_document_get_period_end    (ReadoutDocument *self);

/* A GListModel of ReadoutFigure: one per catalogue metric, in catalogue
 * order (a metric not found has neither current nor prior), then the rows
 * the reader added. */
GListModel      *readout_document_get_figures       (ReadoutDocument *self);
ReadoutFigure   *readout_document_get_figure        (ReadoutDocument *self,
                                                     ReadoutMetric    metric);
/* Number of catalogue metrics with a current or prior value. */
guint            readout_document_count_found       (ReadoutDocument *self);

/* A reader's row ("custom", status "added"), appended at the end. */
ReadoutFigure   *readout_document_add_figure        (ReadoutDocument *self,
                                                     const char      *label,
                                                     guint            source_start,
                                                     guint            source_end);
/* Only added rows can be removed; FALSE otherwise. */
gboolean         readout_document_remove_figure     (ReadoutDocument *self,
                                                     ReadoutFigure   *figure);
/* Puts an added row back at @position (for undo). */
void             readout_document_insert_figure     (ReadoutDocument *self,
                                                     guint            position,
                                                     ReadoutFigure   *figure);

/* The cross-checks, recomputed whenever a figure changes (ReadoutCheck *). */
GPtrArray       *readout_document_get_checks        (ReadoutDocument *self);
/* The checks that involve @figure (ReadoutCheck *, borrowed). */
GPtrArray       *readout_document_get_checks_for    (ReadoutDocument *self,
                                                     ReadoutFigure   *figure);

/* Signals:
 *   "changed" (): a figure's value, status or the set of figures changed;
 *                 emitted after the checks were recomputed.
 */

G_END_DECLS
