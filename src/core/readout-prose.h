/* readout-prose.h: figures stated in sentences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "readout-candidate.h"
#include "readout-period.h"

G_BEGIN_DECLS

/* Reads every sentence of @text (table rows are left to the table finder)
 * and fills @found[metric] with the best statement of each catalogue
 * metric: the current period's value and, where the sentence gives it, the
 * prior year's (stated, or derived from a stated change). */
void readout_prose_find (const char          *text,
                         gsize                len,
                         const ReadoutPeriod *period,
                         const char          *currency,
                         ReadoutCandidate     found[READOUT_N_CATALOGUE_METRICS]);

G_END_DECLS
