/* readout-chart-private.h: what the chart's layout, drawing and export share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "readout-chart.h"
#include "readout-figure.h"

G_BEGIN_DECLS

#define READOUT_CHART_DEFAULT_FONT "Sans 10"

/* Whether @figure belongs in the chart: money with a current or prior. */
gboolean            readout_chart_is_charted        (ReadoutFigure              *figure);

/* The translated metric name, or a reader's own label for a custom row. */
const char         *readout_chart_figure_label      (ReadoutFigure              *figure);

/* A context that measures text the same way on every target (unhinted
 * metrics), taken from @cr when there is one. */
PangoContext       *readout_chart_create_context    (cairo_t                    *cr);

/* The one recipe for a metric label under a @slot wide group: centred,
 * at most two lines broken between words, ellipsized beyond that; its
 * width is at most @slot, to be centred in it. */
PangoLayout        *readout_chart_label_layout      (PangoContext               *context,
                                                     const PangoFontDescription *font,
                                                     const char                 *text,
                                                     double                      width);

/* The longest a label running upwards may be, in a chart @height high. */
#define READOUT_CHART_ROTATED_LENGTH(height) MAX ((height) * 0.3, 40)

/* The recipe for narrow slots: one line, at most @length long, drawn
 * turned a quarter to the left. */
PangoLayout        *readout_chart_rotated_label_layout (PangoContext               *context,
                                                        const PangoFontDescription *font,
                                                        const char                 *text,
                                                        double                      length);

ReadoutChartLayout *readout_chart_layout_compute    (GListModel                 *figures,
                                                     int                         width,
                                                     int                         height,
                                                     PangoContext               *context,
                                                     const PangoFontDescription *font);

/* Short tick or bar value, "$20M", "−$2.5M", in the figures' currency. */
char               *readout_chart_format_value      (double                      value,
                                                     const char                 *currency);

G_END_DECLS
