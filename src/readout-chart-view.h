/* readout-chart-view.h: the chart of a release's figures, as a widget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define READOUT_TYPE_CHART_VIEW (readout_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (ReadoutChartView, readout_chart_view, READOUT, CHART_VIEW, GtkWidget)

GtkWidget  *readout_chart_view_new         (void);
/* A GListModel of ReadoutFigure; redraws when it or a figure changes. */
void        readout_chart_view_set_figures (ReadoutChartView *self,
                                            GListModel       *figures);
GListModel *readout_chart_view_get_figures (ReadoutChartView *self);

G_END_DECLS
