/* readout-metric.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "readout-metric.h"

typedef struct
{
  const char      *id;
  const char      *label;
  ReadoutUnitKind  unit_kind;
  gboolean         is_signed;
} MetricInfo;

static const MetricInfo metrics[] = {
  [READOUT_METRIC_REVENUE]          = { "revenue", N_("Revenue"), READOUT_UNIT_KIND_MONEY, FALSE },
  [READOUT_METRIC_RD_EXPENSE]       = { "rd_expense", N_("Research and development"), READOUT_UNIT_KIND_MONEY, FALSE },
  [READOUT_METRIC_GA_EXPENSE]       = { "ga_expense", N_("General and administrative"), READOUT_UNIT_KIND_MONEY, FALSE },
  [READOUT_METRIC_SGA_EXPENSE]      = { "sga_expense", N_("Selling, general and administrative"), READOUT_UNIT_KIND_MONEY, FALSE },
  [READOUT_METRIC_TOTAL_OPEX]       = { "total_opex", N_("Total operating expenses"), READOUT_UNIT_KIND_MONEY, FALSE },
  [READOUT_METRIC_OPERATING_INCOME] = { "operating_income", N_("Operating income (loss)"), READOUT_UNIT_KIND_MONEY, TRUE },
  [READOUT_METRIC_NET_INCOME]       = { "net_income", N_("Net income (loss)"), READOUT_UNIT_KIND_MONEY, TRUE },
  [READOUT_METRIC_EPS]              = { "eps", N_("Earnings (loss) per share"), READOUT_UNIT_KIND_PER_SHARE, TRUE },
  [READOUT_METRIC_CASH]             = { "cash", N_("Cash and equivalents"), READOUT_UNIT_KIND_MONEY, FALSE },
  [READOUT_METRIC_SHARES_WEIGHTED]  = { "shares_weighted", N_("Weighted-average shares"), READOUT_UNIT_KIND_SHARES, FALSE },
  [READOUT_METRIC_CUSTOM]           = { "custom", N_("Custom figure"), READOUT_UNIT_KIND_MONEY, TRUE },
};

static const char * const statuses[] = {
  [READOUT_STATUS_EXTRACTED] = "extracted",
  [READOUT_STATUS_CONFIRMED] = "confirmed",
  [READOUT_STATUS_EDITED]    = "edited",
  [READOUT_STATUS_ADDED]     = "added",
};

const char *
readout_metric_id (ReadoutMetric metric)
{
  g_return_val_if_fail (metric <= READOUT_METRIC_CUSTOM, NULL);
  return metrics[metric].id;
}

const char *
readout_metric_label (ReadoutMetric metric)
{
  g_return_val_if_fail (metric <= READOUT_METRIC_CUSTOM, NULL);
  return metrics[metric].label;
}

ReadoutUnitKind
readout_metric_unit_kind (ReadoutMetric metric)
{
  g_return_val_if_fail (metric <= READOUT_METRIC_CUSTOM, READOUT_UNIT_KIND_MONEY);
  return metrics[metric].unit_kind;
}

gboolean
readout_metric_is_signed (ReadoutMetric metric)
{
  g_return_val_if_fail (metric <= READOUT_METRIC_CUSTOM, FALSE);
  return metrics[metric].is_signed;
}

gboolean
readout_metric_from_id (const char    *id,
                        ReadoutMetric *metric)
{
  for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
    {
      if (g_strcmp0 (id, metrics[i].id) == 0)
        {
          *metric = (ReadoutMetric) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
readout_status_id (ReadoutStatus status)
{
  g_return_val_if_fail (status <= READOUT_STATUS_ADDED, NULL);
  return statuses[status];
}

gboolean
readout_status_from_id (const char    *id,
                        ReadoutStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      if (g_strcmp0 (id, statuses[i]) == 0)
        {
          *status = (ReadoutStatus) i;
          return TRUE;
        }
    }
  return FALSE;
}
