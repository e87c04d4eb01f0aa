/* readout-figure.h: one figure of a release (current and prior value).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "readout-types.h"

G_BEGIN_DECLS

#define READOUT_TYPE_FIGURE (readout_figure_get_type ())
G_DECLARE_FINAL_TYPE (ReadoutFigure, readout_figure, READOUT, FIGURE, GObject)

/* Properties (all G_PARAM_EXPLICIT_NOTIFY, notified only on change):
 *   metric (ReadoutMetric, construct-only), label, unit ("USD", "USD/share",
 *   "shares"), current / has-current, prior / has-prior (values in full
 *   units: $2.2 million is 2200000), current-tolerance / prior-tolerance
 *   (half a unit of the last printed digit, in full units), status, flags,
 *   source (the sentence or row, whitespace folded), source-start /
 *   source-end (byte offsets in the document's normalized text; both 0 when
 *   there is no source), prior-period (e.g. "Q2 2016" or "2016-12-31"),
 *   stated-change / has-stated-change / stated-change-tolerance (a change
 *   the release states in words, "an increase of $1.2 million", signed as
 *   current - prior; only what the release printed, never computed).
 */
ReadoutFigure      *readout_figure_new                (ReadoutMetric  metric);

ReadoutMetric       readout_figure_get_metric         (ReadoutFigure *self);
const char         *readout_figure_get_label          (ReadoutFigure *self);
void                readout_figure_set_label          (ReadoutFigure *self,
                                                       const char    *label);
const char         *readout_figure_get_unit           (ReadoutFigure *self);
void                readout_figure_set_unit           (ReadoutFigure *self,
                                                       const char    *unit);

gboolean            readout_figure_get_has_current    (ReadoutFigure *self);
double              readout_figure_get_current        (ReadoutFigure *self);
double              readout_figure_get_current_tolerance (ReadoutFigure *self);
void                readout_figure_set_current        (ReadoutFigure *self,
                                                       double         value,
                                                       double         tolerance);
void                readout_figure_clear_current      (ReadoutFigure *self);

gboolean            readout_figure_get_has_prior      (ReadoutFigure *self);
double              readout_figure_get_prior          (ReadoutFigure *self);
double              readout_figure_get_prior_tolerance (ReadoutFigure *self);
void                readout_figure_set_prior          (ReadoutFigure *self,
                                                       double         value,
                                                       double         tolerance);
void                readout_figure_clear_prior        (ReadoutFigure *self);

/* change = current - prior; FALSE when either is unknown. */
gboolean            readout_figure_get_change         (ReadoutFigure *self,
                                                       double        *change);
/* 100 x change / |prior|; FALSE when unknown or prior is zero. */
gboolean            readout_figure_get_change_percent (ReadoutFigure *self,
                                                       double        *percent);

gboolean            readout_figure_get_has_stated_change (ReadoutFigure *self);
double              readout_figure_get_stated_change  (ReadoutFigure *self);
double              readout_figure_get_stated_change_tolerance (ReadoutFigure *self);
void                readout_figure_set_stated_change  (ReadoutFigure *self,
                                                       double         value,
                                                       double         tolerance);

ReadoutStatus       readout_figure_get_status         (ReadoutFigure *self);
void                readout_figure_set_status         (ReadoutFigure *self,
                                                       ReadoutStatus  status);
ReadoutFigureFlags  readout_figure_get_flags          (ReadoutFigure *self);
void                readout_figure_set_flags          (ReadoutFigure *self,
                                                       ReadoutFigureFlags flags);

const char         *readout_figure_get_source         (ReadoutFigure *self);
guint               readout_figure_get_source_start   (ReadoutFigure *self);
guint               readout_figure_get_source_end     (ReadoutFigure *self);
void                readout_figure_set_source         (ReadoutFigure *self,
                                                       const char    *source,
                                                       guint          start,
                                                       guint          end);
const char         *readout_figure_get_prior_period   (ReadoutFigure *self);
void                readout_figure_set_prior_period   (ReadoutFigure *self,
                                                       const char    *prior_period);

/* Reader edits: set the value and move the status to "edited" (an extracted
 * or confirmed row) or keep "added". Equal values change nothing. */
void                readout_figure_edit_current       (ReadoutFigure *self,
                                                       gboolean       known,
                                                       double         value);
void                readout_figure_edit_prior         (ReadoutFigure *self,
                                                       gboolean       known,
                                                       double         value);

G_END_DECLS
