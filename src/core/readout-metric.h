/* readout-metric.h: the fixed metric catalogue (ids, labels, units, signs).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "readout-types.h"

G_BEGIN_DECLS

/* The CSV id, e.g. "rd_expense"; "custom" for a user-added row. */
const char      *readout_metric_id         (ReadoutMetric metric);
/* Untranslated English label (used in the CSV); mark-up with N_() so the
 * window can show `_(readout_metric_label (m))`. */
const char      *readout_metric_label      (ReadoutMetric metric);
ReadoutUnitKind  readout_metric_unit_kind  (ReadoutMetric metric);
/* TRUE for metrics where a loss is negative (operating/net income, EPS). */
gboolean         readout_metric_is_signed  (ReadoutMetric metric);
gboolean         readout_metric_from_id    (const char    *id,
                                            ReadoutMetric *metric);

const char      *readout_status_id         (ReadoutStatus status);
gboolean         readout_status_from_id    (const char    *id,
                                            ReadoutStatus *status);

G_END_DECLS
