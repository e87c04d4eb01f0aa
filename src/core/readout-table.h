/* readout-table.h: figures in financial statement tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "readout-candidate.h"
#include "readout-period.h"

G_BEGIN_DECLS

/* One row of a text table: its label and its cells, in order. */
typedef struct
{
  char      *label;
  GPtrArray *cells;     /* char *, trimmed, "$" / ")" / "%" cells dropped */
  gsize      start;     /* the row's span in the text */
  gsize      end;
} ReadoutTableRow;

typedef struct
{
  GPtrArray *rows;      /* ReadoutTableRow * */
  gsize      start;     /* the block's span in the text */
  gsize      end;
} ReadoutTable;

void       readout_table_free   (ReadoutTable *table);
/* The tables of @text: rows of " | " cells, or the SEC rendering with one
 * cell per line between "|" lines.  Returns ReadoutTable *. */
GPtrArray *readout_tables_parse (const char *text,
                                 gsize       len);

/* Fills @found[metric] from the statement tables: the reporting period's
 * column and the prior year's beside it, scaled as the table says. */
void       readout_table_find   (const char          *text,
                                 gsize                len,
                                 const ReadoutPeriod *period,
                                 const char          *currency,
                                 ReadoutCandidate     found[READOUT_N_CATALOGUE_METRICS]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutTable, readout_table_free)

G_END_DECLS
