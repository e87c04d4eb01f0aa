/* readout-chart.h: current against prior, drawn with Cairo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  double r, g, b, a;
} ReadoutRgba;

/* Plain colours and a font, filled by the widget from the theme. */
typedef struct
{
  ReadoutRgba  foreground;
  ReadoutRgba  background;
  ReadoutRgba  current;
  ReadoutRgba  prior;
  const char  *font;        /* a Pango font description, e.g. "Cantarell 10" */
} ReadoutChartStyle;

void readout_chart_style_init_default (ReadoutChartStyle *style,
                                       gboolean           dark);

/* Draws every currency figure of @figures (ReadoutFigure) with a current or
 * prior value into the @width x @height area at the origin of @cr. */
void readout_chart_draw (cairo_t                 *cr,
                         int                      width,
                         int                      height,
                         double                   scale,
                         GListModel              *figures,
                         const ReadoutChartStyle *style);

G_END_DECLS
