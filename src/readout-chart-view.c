/* readout-chart-view.c (placeholder until the chart lands)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "readout-chart-view.h"

struct _ReadoutChartView
{
  GtkWidget   parent_instance;
  GListModel *figures;
};

G_DEFINE_FINAL_TYPE (ReadoutChartView, readout_chart_view, GTK_TYPE_WIDGET)

static void
readout_chart_view_dispose (GObject *object)
{
  ReadoutChartView *self = READOUT_CHART_VIEW (object);

  g_clear_object (&self->figures);
  G_OBJECT_CLASS (readout_chart_view_parent_class)->dispose (object);
}

static void
readout_chart_view_class_init (ReadoutChartViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = readout_chart_view_dispose;
}

static void
readout_chart_view_init (ReadoutChartView *self)
{
}

GtkWidget *
readout_chart_view_new (void)
{
  return g_object_new (READOUT_TYPE_CHART_VIEW, NULL);
}

void
readout_chart_view_set_figures (ReadoutChartView *self,
                                GListModel       *figures)
{
  g_return_if_fail (READOUT_IS_CHART_VIEW (self));
  g_set_object (&self->figures, figures);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GListModel *
readout_chart_view_get_figures (ReadoutChartView *self)
{
  g_return_val_if_fail (READOUT_IS_CHART_VIEW (self), NULL);
  return self->figures;
}
