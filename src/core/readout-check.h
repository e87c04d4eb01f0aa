/* readout-check.h: cross-checks between the figures of a release.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "readout-types.h"

G_BEGIN_DECLS

typedef enum
{
  READOUT_CHECK_OPEX_SUM,         /* R&D + G&A (or SG&A) <= / = total opex */
  READOUT_CHECK_OPERATING_RESULT, /* revenue - total opex = operating income */
  READOUT_CHECK_EPS,              /* net income / weighted shares = EPS */
  READOUT_CHECK_STATED_CHANGE,    /* a stated change = current - prior */
} ReadoutCheckKind;

struct _ReadoutCheck
{
  ReadoutCheckKind  kind;
  gboolean          passed;
  gboolean          on_prior;     /* checks the prior column, not current */
  guint             metrics;      /* bit (1 << ReadoutMetric) per figure */
  double            expected;     /* what the other figures give */
  double            actual;       /* what the release printed */
  char             *description;  /* translated, e.g. "Revenue − total … " */
};

void          readout_check_free      (ReadoutCheck *check);
gboolean      readout_check_involves  (const ReadoutCheck *check,
                                       ReadoutMetric       metric);

/* Computes every check the figures of @figures (ReadoutFigure, catalogue
 * order) allow, and sets or clears READOUT_FIGURE_FLAGS_CHECK_FAILED on
 * them.  Returns a new array of ReadoutCheck. */
GPtrArray    *readout_checks_compute  (GListModel *figures);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutCheck, readout_check_free)

G_END_DECLS
