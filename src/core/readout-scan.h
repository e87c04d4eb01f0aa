/* readout-scan.h: recognizing amounts, numbers and dates in release text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A money amount written in prose: "$2.2 million", "\$2.2 million" (after
 * normalization), "$2,200,000", "$(0.23)", "($4.8) million", "USD 3.4
 * million", "C$1.2 billion", "€5 million", "9 cents". */
typedef struct
{
  gsize    start;         /* byte offsets in the scanned text */
  gsize    end;
  double   value;         /* full units, sign as printed */
  double   tolerance;     /* half a unit of the last printed digit */
  char     currency[4];   /* ISO 4217 */
  guint    negative : 1;  /* printed in parentheses or with a minus */
  guint    per_share : 1; /* followed by "per share", "per basic share" … */
  guint    diluted_only : 1; /* "per diluted share" */
  guint    cents : 1;     /* "9 cents" */
} ReadoutAmount;

/* Appends every money amount of @text[0..len) to @amounts (ReadoutAmount).
 * Percentages, years, dates, phone numbers, counts and trial phases are
 * not money and are skipped. */
void     readout_scan_amounts      (const char *text,
                                    gsize       len,
                                    GArray     *amounts);

/* A number in a table cell: "3,145", "(3,145)", "(3,145" (the closing
 * parenthesis in a cell of its own), "$ 1,234", "-", "—" (zero), "0.23",
 * "(1.84)".  FALSE for text, percentages and empty cells. */
gboolean readout_scan_cell_number  (const char *cell,
                                    double     *value,
                                    int        *decimals);

/* A year 1950..2099 standing alone as a word at @p; returns it or 0. */
int      readout_scan_year         (const char *p,
                                    const char *start,
                                    const char *end);

/* A date such as "June 30, 2017", "Dec. 31, 2025", "June 30,2008",
 * "September 30 2013" or "2017-06-30" at @p.  Returns its length in bytes
 * (0 when none) and fills @year, @month, @day. */
gsize    readout_scan_date         (const char *p,
                                    const char *end,
                                    int        *year,
                                    int        *month,
                                    int        *day);

/* "January".."December" and their abbreviations at @p: 1..12, or 0. */
int      readout_scan_month        (const char *p,
                                    const char *end,
                                    gsize      *len);

G_END_DECLS
