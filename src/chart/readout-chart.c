/* readout-chart.c: draws the layout with Cairo and PangoCairo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "readout-amount.h"
#include "readout-metric.h"

#include "readout-chart-private.h"

#define RGBA(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1 }

void
readout_chart_style_init_default (ReadoutChartStyle *style,
                                  gboolean           dark)
{
  /* libadwaita's view colours and the GNOME palette: blue 3 for the
   * current period, light 5 (a mid grey) for the prior, which keeps its
   * contrast on both white and near-black. */
  static const ReadoutChartStyle light = {
    .foreground = { 0, 0, 0, 0.8 },
    .background = RGBA (0xffffff),
    .current = RGBA (0x3584e4),
    .prior = RGBA (0x9a9996),
    .font = READOUT_CHART_DEFAULT_FONT,
  };
  static const ReadoutChartStyle dark_style = {
    .foreground = RGBA (0xffffff),
    .background = RGBA (0x1e1e1e),
    .current = RGBA (0x3584e4),
    .prior = RGBA (0x9a9996),
    .font = READOUT_CHART_DEFAULT_FONT,
  };

  g_return_if_fail (style != NULL);
  *style = dark ? dark_style : light;
}

static void
set_source (cairo_t           *cr,
            const ReadoutRgba *rgba,
            double             alpha)
{
  cairo_set_source_rgba (cr, rgba->r, rgba->g, rgba->b, rgba->a * alpha);
}

/* Device pixels per user unit along each axis; the target may be a
 * recording surface (GTK) that knows nothing of @scale. */
typedef struct
{
  cairo_matrix_t matrix;
  double         scale;
} Snap;

static double
snap_edge_x (const Snap *snap,
             double      x)
{
  double d = (x * snap->matrix.xx + snap->matrix.x0) * snap->scale;
  return (round (d) / snap->scale - snap->matrix.x0) / snap->matrix.xx;
}

static double
snap_edge_y (const Snap *snap,
             double      y)
{
  double d = (y * snap->matrix.yy + snap->matrix.y0) * snap->scale;
  return (round (d) / snap->scale - snap->matrix.y0) / snap->matrix.yy;
}

/* A horizontal line @pixels device pixels thick on whole pixel rows: the
 * centre goes to floor (y) + .5 for odd widths, to a row edge for even. */
static double
snap_line_y (const Snap *snap,
             double      y,
             int         pixels)
{
  double d = (y * snap->matrix.yy + snap->matrix.y0) * snap->scale;
  d = pixels % 2 ? floor (d) + .5 : round (d);
  return (d / snap->scale - snap->matrix.y0) / snap->matrix.yy;
}

static void
draw_text (cairo_t           *cr,
           PangoLayout       *layout,
           double             x,
           double             y,
           const ReadoutRgba *color,
           double             alpha)
{
  set_source (cr, color, alpha);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static PangoLayout *
text_layout (PangoContext               *context,
             const PangoFontDescription *font,
             const char                 *text,
             double                     *width)
{
  PangoLayout *layout = pango_layout_new (context);
  int w;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, NULL);
  *width = pango_units_to_double (w);
  return layout;
}

static void
draw_message (cairo_t                    *cr,
              PangoContext               *context,
              const PangoFontDescription *font,
              int                         width,
              int                         height,
              const ReadoutChartStyle    *style)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width - 16, 1)));
  pango_layout_set_text (layout, _("No figures to chart"), -1);
  pango_layout_get_size (layout, &w, &h);
  draw_text (cr, layout, 8, round ((height - pango_units_to_double (h)) / 2),
             &style->foreground, 0.55);
}

static void
draw_legend (cairo_t                    *cr,
             PangoContext               *context,
             const PangoFontDescription *font,
             const ReadoutChartLayout   *layout,
             const Snap                 *snap,
             const ReadoutChartStyle    *style)
{
  const char *texts[] = { _("Current"), _("Prior") };
  const ReadoutRgba *colors[] = { &style->current, &style->prior };
  double swatch = round (layout->line_height * 0.7);
  double x = layout->legend_x;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(PangoLayout) text = NULL;
      double y = layout->legend_y + (layout->line_height - swatch) / 2;
      double w;

      set_source (cr, colors[i], 1);
      cairo_rectangle (cr, snap_edge_x (snap, x), snap_edge_y (snap, y),
                       snap_edge_x (snap, x + swatch) - snap_edge_x (snap, x),
                       snap_edge_y (snap, y + swatch) - snap_edge_y (snap, y));
      cairo_fill (cr);
      x += swatch + 4;

      text = text_layout (context, font, texts[i], &w);
      draw_text (cr, text, x, layout->legend_y, &style->foreground, 0.8);
      x += w + 12;
    }
}

static void
draw_grid (cairo_t                    *cr,
           PangoContext               *context,
           const PangoFontDescription *font,
           const ReadoutChartLayout   *layout,
           const Snap                 *snap,
           int                         pixels,
           const ReadoutChartStyle    *style)
{
  double dash = 2.0 * pixels / (snap->scale * snap->matrix.yy);

  cairo_save (cr);
  cairo_set_line_width (cr, pixels / (snap->scale * snap->matrix.yy));
  cairo_set_dash (cr, &dash, 1, 0);
  set_source (cr, &style->foreground, 0.3);
  for (guint i = 0; i < layout->ticks->len; i++)
    {
      const ReadoutChartTick *tick = &g_array_index (layout->ticks, ReadoutChartTick, i);
      double y = snap_line_y (snap, tick->y, pixels);

      if (tick->value == 0)
        continue;   /* the zero line is drawn over the bars */
      cairo_move_to (cr, snap_edge_x (snap, layout->plot_x), y);
      cairo_line_to (cr, snap_edge_x (snap, layout->plot_x + layout->plot_width), y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint i = 0; i < layout->ticks->len; i++)
    {
      const ReadoutChartTick *tick = &g_array_index (layout->ticks, ReadoutChartTick, i);
      g_autoptr(PangoLayout) text = NULL;
      double w;

      text = text_layout (context, font, tick->label, &w);
      draw_text (cr, text, layout->plot_x - 6 - w, tick->y - layout->line_height / 2,
                 &style->foreground, 0.7);
    }
}

static void
draw_bars (cairo_t                  *cr,
           const ReadoutChartLayout *layout,
           const Snap               *snap,
           const ReadoutChartStyle  *style)
{
  for (guint i = 0; i < layout->bars->len; i++)
    {
      const ReadoutChartBar *bar = &g_array_index (layout->bars, ReadoutChartBar, i);
      double x0 = snap_edge_x (snap, bar->x);
      double x1 = snap_edge_x (snap, bar->x + bar->width);
      double y0 = snap_edge_y (snap, bar->y);
      double y1 = snap_edge_y (snap, bar->y + bar->height);

      set_source (cr, bar->is_prior ? &style->prior : &style->current, 1);
      cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
      cairo_fill (cr);
    }
}

static void
draw_zero_line (cairo_t                  *cr,
                const ReadoutChartLayout *layout,
                const Snap               *snap,
                int                       pixels,
                const ReadoutChartStyle  *style)
{
  double y = snap_line_y (snap, layout->zero_y, pixels);

  cairo_set_line_width (cr, pixels / (snap->scale * snap->matrix.yy));
  set_source (cr, &style->foreground, 0.6);
  cairo_move_to (cr, snap_edge_x (snap, layout->plot_x), y);
  cairo_line_to (cr, snap_edge_x (snap, layout->plot_x + layout->plot_width), y);
  cairo_stroke (cr);
}

static void
draw_group_texts (cairo_t                    *cr,
                  PangoContext               *context,
                  const PangoFontDescription *font,
                  const ReadoutChartLayout   *layout,
                  int                         height,
                  const ReadoutChartStyle    *style)
{
  double max_rotated = READOUT_CHART_ROTATED_LENGTH (height);

  for (guint i = 0; i < layout->groups->len; i++)
    {
      const ReadoutChartGroup *group = &g_array_index (layout->groups, ReadoutChartGroup, i);
      g_autoptr(PangoLayout) label = NULL;

      if (group->change != NULL)
        {
          g_autoptr(PangoLayout) change = NULL;
          double w;

          change = text_layout (context, font, group->change, &w);
          draw_text (cr, change, group->x + (group->width - w) / 2, group->change_y,
                     &style->foreground, 0.8);
        }

      if (group->label_rotated)
        {
          int w;

          label = readout_chart_rotated_label_layout (context, font, group->label, max_rotated);
          pango_layout_get_size (label, &w, NULL);
          cairo_save (cr);
          cairo_translate (cr, group->x + (group->width - layout->line_height) / 2,
                           group->label_y + pango_units_to_double (w));
          cairo_rotate (cr, -G_PI / 2);
          draw_text (cr, label, 0, 0, &style->foreground, 0.8);
          cairo_restore (cr);
        }
      else
        {
          double w;

          label = readout_chart_label_layout (context, font, group->label, group->width);
          w = pango_units_to_double (pango_layout_get_width (label));
          draw_text (cr, label, group->x + (group->width - w) / 2, group->label_y,
                     &style->foreground, 0.8);
        }
    }
}

void
readout_chart_draw (cairo_t                 *cr,
                    int                      width,
                    int                      height,
                    double                   scale,
                    GListModel              *figures,
                    const ReadoutChartStyle *style)
{
  g_autoptr(PangoFontDescription) font = NULL;
  PangoContext *context;   /* no g_autoptr for it in Pango 1.50 */
  g_autoptr(ReadoutChartLayout) layout = NULL;
  ReadoutChartStyle fallback;
  Snap snap;
  int pixels;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (figures == NULL || G_IS_LIST_MODEL (figures));

  if (width <= 0 || height <= 0)
    return;
  if (style == NULL)
    {
      readout_chart_style_init_default (&fallback, FALSE);
      style = &fallback;
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_new_path (cr);

  cairo_get_matrix (cr, &snap.matrix);
  snap.scale = scale > 0 ? scale : 1;
  /* Snapping assumes an axis-aligned target; anything else just draws. */
  if (snap.matrix.xx == 0 || snap.matrix.yy == 0 || snap.matrix.xy != 0 || snap.matrix.yx != 0)
    {
      cairo_matrix_init_identity (&snap.matrix);
      snap.scale = 1;
    }
  /* Lines one logical pixel wide, in whole device pixels. */
  pixels = MAX (1, (int) round (snap.scale * snap.matrix.yy));

  if (style->background.a > 0)
    {
      set_source (cr, &style->background, 1);
      cairo_paint (cr);
    }

  context = readout_chart_create_context (cr);
  font = pango_font_description_from_string (style->font != NULL ? style->font : READOUT_CHART_DEFAULT_FONT);
  layout = readout_chart_layout_compute (figures, width, height, context, font);

  if (layout->n_charted == 0)
    draw_message (cr, context, font, width, height, style);
  else if (layout->bars->len > 0 || layout->ticks->len > 0)
    {
      /* The layout order: ticks and grid, then data, then text on top. */
      draw_legend (cr, context, font, layout, &snap, style);
      draw_grid (cr, context, font, layout, &snap, pixels, style);
      draw_bars (cr, layout, &snap, style);
      draw_zero_line (cr, layout, &snap, pixels, style);
      draw_group_texts (cr, context, font, layout, height, style);
    }

  g_object_unref (context);
  cairo_restore (cr);
}

char *
readout_chart_describe (GListModel *figures)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (figures == NULL || G_IS_LIST_MODEL (figures), NULL);

  n = figures != NULL ? g_list_model_get_n_items (figures) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (figures, i);
      ReadoutFigure *figure;
      g_autofree char *current = NULL;
      g_autofree char *prior = NULL;
      double percent;

      if (!READOUT_IS_FIGURE (item) || !readout_chart_is_charted (READOUT_FIGURE (item)))
        continue;
      figure = READOUT_FIGURE (item);
      current = readout_figure_get_has_current (figure)
                ? readout_amount_format_short (readout_figure_get_current (figure), READOUT_UNIT_KIND_MONEY,
                                               readout_figure_get_unit (figure), TRUE)
                : g_strdup (_("unknown"));
      prior = readout_figure_get_has_prior (figure)
              ? readout_amount_format_short (readout_figure_get_prior (figure), READOUT_UNIT_KIND_MONEY,
                                             readout_figure_get_unit (figure), TRUE)
              : g_strdup (_("unknown"));

      if (text->len > 0)
        g_string_append_c (text, ' ');
      if (readout_figure_get_change_percent (figure, &percent))
        /* Translators: the chart's accessible description of one figure:
         * metric, current value, prior value, change in percent */
        g_string_append_printf (text, _("%s: current %s, prior %s, change %+.1f%%."),
                                readout_chart_figure_label (figure), current, prior, percent);
      else
        /* Translators: the chart's accessible description of one figure */
        g_string_append_printf (text, _("%s: current %s, prior %s."),
                                readout_chart_figure_label (figure), current, prior);
    }

  if (text->len == 0)
    return g_strdup (_("No figures to chart"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}
