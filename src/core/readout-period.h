/* readout-period.h: which period a release reports, and whose it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  READOUT_PERIOD_UNKNOWN,
  READOUT_PERIOD_QUARTER,
  READOUT_PERIOD_YEAR,
} ReadoutPeriodKind;

typedef struct
{
  ReadoutPeriodKind kind;
  int      quarter;      /* 1..4 for a quarter */
  int      year;         /* the year in the label: calendar or fiscal */
  gboolean fiscal;      /* an off-calendar fiscal period ("Q3 FY2024") */
  int      end_year;     /* the period's last day, when known */
  int      end_month;
  int      end_day;
} ReadoutPeriod;

void  readout_period_find     (const char          *text,
                               gsize                len,
                               ReadoutPeriod       *period);
/* "Q2 2017", "Q3 FY2024", "FY 2021"; @years_back 1 for the prior period.
 * NULL when unknown. */
char *readout_period_label    (const ReadoutPeriod *period,
                               int                  years_back);
/* "2017-06-30" or NULL. */
char *readout_period_end_iso  (const ReadoutPeriod *period);

/* The company's name as the release spells it most often, preferring the
 * "About …" paragraph and the name before the ticker; NULL when none. */
char *readout_company_find    (const char          *text,
                               gsize                len);

G_END_DECLS
