/* readout-extract.h: finding the figures of a release in its text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "readout-types.h"
#include "readout-text.h"

G_BEGIN_DECLS

typedef struct
{
  char          *company;       /* NULL when not found */
  char          *period;        /* "Q2 2017", "Q3 FY2024", "FY 2021" */
  char          *prior_period;  /* the same period one year earlier */
  char          *period_end;    /* ISO date, "2017-06-30" */
  /* One per catalogue metric (never NULL); a metric not found has neither
   * a current nor a prior value. */
  ReadoutFigure *figures[READOUT_N_CATALOGUE_METRICS];
} ReadoutExtraction;

void     readout_extraction_clear (ReadoutExtraction *extraction);

/* Fills @extraction from @text.  FALSE only when cancelled. */
gboolean readout_extract          (ReadoutText        *text,
                                   ReadoutExtraction  *extraction,
                                   GCancellable       *cancellable,
                                   GError            **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReadoutExtraction, readout_extraction_clear)

G_END_DECLS
