/* readout-types.h: enums and forward declarations shared by the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The metric catalogue of DESIGN.md, in catalogue (and CSV) order. */
typedef enum
{
  READOUT_METRIC_REVENUE,
  READOUT_METRIC_RD_EXPENSE,
  READOUT_METRIC_GA_EXPENSE,
  READOUT_METRIC_SGA_EXPENSE,
  READOUT_METRIC_TOTAL_OPEX,
  READOUT_METRIC_OPERATING_INCOME,
  READOUT_METRIC_NET_INCOME,
  READOUT_METRIC_EPS,
  READOUT_METRIC_CASH,
  READOUT_METRIC_SHARES_WEIGHTED,
  READOUT_METRIC_CUSTOM,
} ReadoutMetric;

#define READOUT_N_CATALOGUE_METRICS READOUT_METRIC_CUSTOM

typedef enum
{
  READOUT_STATUS_EXTRACTED,
  READOUT_STATUS_CONFIRMED,
  READOUT_STATUS_EDITED,
  READOUT_STATUS_ADDED,
} ReadoutStatus;

typedef enum /*< flags >*/
{
  READOUT_FIGURE_FLAGS_NONE          = 0,
  READOUT_FIGURE_FLAGS_PRIOR_DERIVED = 1 << 0,
  READOUT_FIGURE_FLAGS_CHECK_FAILED  = 1 << 1,
} ReadoutFigureFlags;

/* What a figure measures, which decides its unit and how it is shown. */
typedef enum
{
  READOUT_UNIT_KIND_MONEY,
  READOUT_UNIT_KIND_PER_SHARE,
  READOUT_UNIT_KIND_SHARES,
} ReadoutUnitKind;

typedef struct _ReadoutFigure   ReadoutFigure;
typedef struct _ReadoutDocument ReadoutDocument;
typedef struct _ReadoutText     ReadoutText;
typedef struct _ReadoutCheck    ReadoutCheck;

G_END_DECLS
