/* readout-chart-view.h: the chart of a release's figures, as a widget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "readout-chart.h"

G_BEGIN_DECLS

#define READOUT_TYPE_CHART_VIEW (readout_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (ReadoutChartView, readout_chart_view, READOUT, CHART_VIEW, GtkWidget)

GtkWidget  *readout_chart_view_new         (void);
/* A GListModel of ReadoutFigure; redraws when it or a figure changes.
 * Also the "figures" property. */
void        readout_chart_view_set_figures (ReadoutChartView *self,
                                            GListModel       *figures);
GListModel *readout_chart_view_get_figures (ReadoutChartView *self);

/* The theme's colours and font as the widget draws them, with an opaque
 * background: what readout_chart_export() needs to export the chart as
 * seen.  @style->font stays valid until the theme changes. */
void        readout_chart_view_get_style   (ReadoutChartView  *self,
                                            ReadoutChartStyle *style);

G_END_DECLS
