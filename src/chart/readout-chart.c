/* readout-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "readout-chart.h"

void
readout_chart_style_init_default (ReadoutChartStyle *style,
                                  gboolean           dark)
{
  *style = (ReadoutChartStyle) {
    .foreground = dark ? (ReadoutRgba) { 1, 1, 1, 1 } : (ReadoutRgba) { 0, 0, 0, 0.8 },
    .background = dark ? (ReadoutRgba) { 0.14, 0.14, 0.14, 1 } : (ReadoutRgba) { 1, 1, 1, 1 },
    .current = { 0.21, 0.52, 0.89, 1 },
    .prior = { 0.6, 0.6, 0.6, 1 },
    .font = "Sans 10",
  };
}

void
readout_chart_draw (cairo_t                 *cr,
                    int                      width,
                    int                      height,
                    double                   scale,
                    GListModel              *figures,
                    const ReadoutChartStyle *style)
{
  /* Placeholder until the chart lands. */
}
