/* chart-fixtures.h: figures the chart tests draw.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "readout-figure.h"

/* A figure with a current and/or prior value (NAN: unknown). */
static inline ReadoutFigure *
fixture_figure (ReadoutMetric metric,
                double        current,
                double        prior)
{
  ReadoutFigure *figure = readout_figure_new (metric);

  if (!isnan (current))
    readout_figure_set_current (figure, current, 0);
  if (!isnan (prior))
    readout_figure_set_prior (figure, prior, 0);
  return figure;
}

static inline void
fixture_add (GListStore    *store,
             ReadoutMetric  metric,
             double         current,
             double         prior)
{
  g_autoptr(ReadoutFigure) figure = fixture_figure (metric, current, prior);

  g_list_store_append (store, figure);
}

/* A quarter of a clinical-stage biotech, as in a real release, with an
 * EPS and a share count the chart must leave out. */
static inline GListStore *
fixture_release (void)
{
  GListStore *store = g_list_store_new (READOUT_TYPE_FIGURE);

  fixture_add (store, READOUT_METRIC_REVENUE, 25.6e6, 27.8e6);
  fixture_add (store, READOUT_METRIC_RD_EXPENSE, 34.0e6, 41.2e6);
  fixture_add (store, READOUT_METRIC_GA_EXPENSE, 26.2e6, 14.1e6);
  fixture_add (store, READOUT_METRIC_TOTAL_OPEX, 60.2e6, 55.3e6);
  fixture_add (store, READOUT_METRIC_OPERATING_INCOME, -34.6e6, -27.5e6);
  fixture_add (store, READOUT_METRIC_NET_INCOME, -52.9e6, -39.3e6);
  fixture_add (store, READOUT_METRIC_EPS, -0.23, -0.19);
  fixture_add (store, READOUT_METRIC_CASH, 286.5e6, 311.6e6);
  fixture_add (store, READOUT_METRIC_SHARES_WEIGHTED, 230e6, 206e6);
  return store;
}

/* Label widths depend on the fonts installed: where there are none (a bare
 * build sandbox), the layouts that compare widths cannot be judged. */
static inline gboolean
chart_fixtures_have_fonts (void)
{
  PangoFontFamily **families = NULL;
  int n = 0;

  pango_font_map_list_families (pango_cairo_font_map_get_default (), &families, &n);
  g_free (families);
  if (n == 0)
    g_test_skip ("no fonts installed: label widths cannot be judged");
  return n > 0;
}
