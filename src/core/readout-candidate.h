/* readout-candidate.h: what a finder proposes for one metric.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "readout-types.h"

G_BEGIN_DECLS

typedef enum
{
  READOUT_ORIGIN_NONE,
  READOUT_ORIGIN_PROSE,
  READOUT_ORIGIN_TABLE,
} ReadoutOrigin;

typedef struct
{
  ReadoutOrigin origin;
  gboolean      has_current;
  gboolean      has_prior;
  gboolean      prior_derived;
  double        current;
  double        current_tolerance;
  double        prior;
  double        prior_tolerance;
  gboolean      has_change;      /* stated in words beside a stated prior */
  double        change;          /* signed as current - prior */
  double        change_tolerance;
  gsize         source_start;    /* the sentence or table row */
  gsize         source_end;
  char          currency[4];
  char          prior_date[11];  /* ISO date of a balance-sheet prior */
  gboolean      anchored;        /* cash: stated "as of" the period's end */
} ReadoutCandidate;

G_END_DECLS
