/* readout-chart.h: current against prior, drawn with Cairo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "readout-types.h"

G_BEGIN_DECLS

typedef struct
{
  double r, g, b, a;
} ReadoutRgba;

/* Plain colours and a font, filled by the widget from the theme. */
typedef struct
{
  ReadoutRgba  foreground;
  ReadoutRgba  background;  /* alpha 0: leave the area as it is */
  ReadoutRgba  current;
  ReadoutRgba  prior;
  const char  *font;        /* a Pango font description, e.g. "Cantarell 10" */
} ReadoutChartStyle;

void readout_chart_style_init_default (ReadoutChartStyle *style,
                                       gboolean           dark);

/* Draws every currency figure of @figures (ReadoutFigure) with a current or
 * prior value into the @width x @height area at the origin of @cr; nothing
 * outside it.  @scale is the device scale of @cr's target (1 or 2), used to
 * keep lines one device pixel sharp. */
void readout_chart_draw (cairo_t                 *cr,
                         int                      width,
                         int                      height,
                         double                   scale,
                         GListModel              *figures,
                         const ReadoutChartStyle *style);

/* Writes the chart as PNG, SVG or PDF, chosen by @path's extension, and
 * atomically: a reader never sees a half-written file.  @width x @height are
 * pixels (PNG, which gets @width * @scale x @height * @scale device pixels)
 * or points (SVG, PDF). */
gboolean readout_chart_export (GListModel               *figures,
                               const char               *path,
                               int                       width,
                               int                       height,
                               double                    scale,
                               const ReadoutChartStyle  *style,
                               GError                  **error);

/* A sentence per charted figure, for the accessible description. */
char *readout_chart_describe (GListModel *figures);

/* The geometry readout_chart_draw() draws, in user units (logical pixels),
 * y growing downwards. */
typedef struct
{
  double         x, y, width, height;  /* height >= 0, also for losses */
  double         value;
  ReadoutMetric  metric;
  guint          position;             /* of the figure in the model */
  gboolean       is_prior;
} ReadoutChartBar;

typedef struct
{
  double  value;
  double  y;
  char   *label;                       /* e.g. "$20M" */
} ReadoutChartTick;

typedef struct
{
  double         x, width;             /* the group's slot along the X axis */
  ReadoutMetric  metric;
  guint          position;
  char          *label;                /* as shown: translated, maybe shortened */
  double         label_y;              /* top of the label, below the plot */
  gboolean       label_rotated;        /* runs upwards, its end at label_y */
  char          *change;               /* "+8.6%"; NULL when unknown or no room */
  double         change_y;             /* top of the change text */
} ReadoutChartGroup;

typedef struct
{
  double   plot_x, plot_y, plot_width, plot_height;  /* the plot box */
  double   zero_y;
  double   legend_x, legend_y;          /* top left of the legend */
  double   line_height;                 /* of one line of text */
  guint    n_charted;                   /* figures to chart, room or not */
  GArray  *groups;                      /* ReadoutChartGroup, model order */
  GArray  *bars;                        /* ReadoutChartBar, current before prior */
  GArray  *ticks;                       /* ReadoutChartTick, ascending, one is 0 */
} ReadoutChartLayout;

/* Lays the chart out for a @width x @height area; text is measured with
 * @font (NULL: the default style's).  Ticks and bars are empty when there
 * is nothing to chart or no room. */
ReadoutChartLayout *readout_chart_layout      (GListModel         *figures,
                                               int                 width,
                                               int                 height,
                                               const char         *font);
void                readout_chart_layout_free (ReadoutChartLayout *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutChartLayout, readout_chart_layout_free)

G_END_DECLS
