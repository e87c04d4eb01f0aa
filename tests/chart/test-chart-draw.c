/* test-chart-draw.c: the chart drawn into image surfaces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "readout-chart.h"
#include "chart-fixtures.h"

/* Premultiplied ARGB32, as cairo stores it. */
static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  cairo_surface_flush (surface);
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  return *(guint32 *) (cairo_image_surface_get_data (surface) +
                       y * cairo_image_surface_get_stride (surface) + x * 4);
}

static guint32
opaque (const ReadoutRgba *rgba)
{
  return 0xff000000u |
         (guint32) round (rgba->r * 255) << 16 |
         (guint32) round (rgba->g * 255) << 8 |
         (guint32) round (rgba->b * 255);
}

static gboolean
close_to (guint32 a,
          guint32 b)
{
  for (int shift = 0; shift < 32; shift += 8)
    if (ABS ((int) (a >> shift & 0xff) - (int) (b >> shift & 0xff)) > 1)
      return FALSE;
  return TRUE;
}

static const ReadoutChartBar *
find_bar (ReadoutChartLayout *layout,
          ReadoutMetric       metric,
          gboolean            is_prior)
{
  for (guint i = 0; i < layout->bars->len; i++)
    {
      const ReadoutChartBar *bar = &g_array_index (layout->bars, ReadoutChartBar, i);

      if (bar->metric == metric && bar->is_prior == is_prior)
        return bar;
    }
  g_assert_not_reached ();
}

static cairo_surface_t *
render (GListModel              *figures,
        int                      width,
        int                      height,
        double                   scale,
        const ReadoutChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         width * scale, height * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  readout_chart_draw (cr, width, height, scale, figures, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

static void
assert_bar_colours (double   scale,
                    gboolean dark)
{
  g_autoptr(GListStore) store = fixture_release ();
  g_autoptr(ReadoutChartLayout) layout = NULL;
  ReadoutChartStyle style;
  cairo_surface_t *surface;
  const ReadoutChartBar *bar;
  guint32 current, prior;

  readout_chart_style_init_default (&style, dark);
  layout = readout_chart_layout (G_LIST_MODEL (store), 900, 300, style.font);
  surface = render (G_LIST_MODEL (store), 900, 300, scale, &style);

  bar = find_bar (layout, READOUT_METRIC_CASH, FALSE);
  current = pixel (surface, (bar->x + bar->width / 2) * scale, (bar->y + bar->height / 2) * scale);
  bar = find_bar (layout, READOUT_METRIC_CASH, TRUE);
  prior = pixel (surface, (bar->x + bar->width / 2) * scale, (bar->y + bar->height / 2) * scale);

  g_assert_cmphex (current, !=, prior);
  g_assert_true (close_to (current, opaque (&style.current)));
  g_assert_true (close_to (prior, opaque (&style.prior)));
  /* A loss hangs below the zero line. */
  bar = find_bar (layout, READOUT_METRIC_NET_INCOME, FALSE);
  g_assert_true (close_to (pixel (surface, (bar->x + bar->width / 2) * scale, (layout->zero_y + bar->height - 2) * scale),
                           opaque (&style.current)));
  g_assert_true (close_to (pixel (surface, (bar->x + bar->width / 2) * scale, (layout->zero_y - 3) * scale),
                           opaque (&style.background)));
  /* The background is the style's. */
  g_assert_true (close_to (pixel (surface, 1, 1), opaque (&style.background)));

  cairo_surface_destroy (surface);
}

static void
test_colours (void)
{
  assert_bar_colours (1, FALSE);
  assert_bar_colours (1, TRUE);
  assert_bar_colours (2, FALSE);
}

/* Rows near the zero line that the line touched, at one x between groups. */
static guint
zero_line_rows (double    scale,
                guint32  *colour)
{
  g_autoptr(GListStore) store = fixture_release ();
  g_autoptr(ReadoutChartLayout) layout = NULL;
  ReadoutChartStyle style;
  cairo_surface_t *surface;
  guint32 background;
  guint rows = 0;
  int x, y0;

  readout_chart_style_init_default (&style, FALSE);
  layout = readout_chart_layout (G_LIST_MODEL (store), 900, 300, style.font);
  surface = render (G_LIST_MODEL (store), 900, 300, scale, &style);
  background = opaque (&style.background);

  /* Left of the first group's bars, right of the plot's edge. */
  x = (g_array_index (layout->groups, ReadoutChartGroup, 1).x + 2) * scale;
  y0 = layout->zero_y * scale;
  for (int y = y0 - 4; y <= y0 + 4; y++)
    {
      guint32 p = pixel (surface, x, y);

      if (p != background)
        {
          if (rows > 0)
            g_assert_cmphex (p, ==, *colour);   /* fully covered: crisp */
          *colour = p;
          rows++;
        }
    }

  cairo_surface_destroy (surface);
  return rows;
}

static void
test_crisp (void)
{
  guint32 at1 = 0, at2 = 0;

  /* One logical pixel: one device row at scale 1, two at scale 2, never
   * two half-covered rows. */
  g_assert_cmpuint (zero_line_rows (1, &at1), ==, 1);
  g_assert_cmpuint (zero_line_rows (2, &at2), ==, 2);
  g_assert_cmphex (at1, ==, at2);
}

static void
assert_untouched (GListModel              *figures,
                  int                      width,
                  int                      height,
                  const ReadoutChartStyle *style)
{
  const int x0 = 37, y0 = 23, margin = 40;
  int sw = width + x0 + margin, sh = height + y0 + margin;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sw, sh);
  cairo_t *cr = cairo_create (surface);
  guint inside = 0;

  cairo_set_source_rgb (cr, 1, 0, 1);
  cairo_paint (cr);
  cairo_translate (cr, x0, y0);
  readout_chart_draw (cr, width, height, 1, figures, style);
  /* The draw leaves @cr as it found it. */
  cairo_rectangle (cr, -x0, -y0, sw, sh);
  cairo_set_source_rgb (cr, 1, 0, 1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  for (int y = 0; y < sh; y++)
    for (int x = 0; x < sw; x++)
      {
        gboolean in_area = x >= x0 && x < x0 + width && y >= y0 && y < y0 + height;

        if (!in_area)
          g_assert_cmphex (pixel (surface, x, y), ==, 0xffff00ff);
        else
          inside += pixel (surface, x, y) != 0xffff00ff;
      }
  /* Something was drawn, over magenta or not. */
  g_assert_cmpuint (inside, >, 0);
  cairo_surface_destroy (surface);
}

static void
test_clip (void)
{
  g_autoptr(GListStore) release = fixture_release ();
  g_autoptr(GListStore) many = fixture_release ();
  ReadoutChartStyle style;

  for (int i = 0; i < 12; i++)
    {
      g_autoptr(ReadoutFigure) figure = fixture_figure (READOUT_METRIC_CUSTOM, -3e6 * i, 900e6);

      readout_figure_set_label (figure, "A very long label a reader typed for a row of their own");
      g_list_store_append (many, figure);
    }

  readout_chart_style_init_default (&style, FALSE);
  assert_untouched (G_LIST_MODEL (release), 500, 260, &style);
  assert_untouched (G_LIST_MODEL (many), 300, 200, &style);
  assert_untouched (G_LIST_MODEL (many), 120, 60, &style);
  /* Transparent: the drawing alone stays inside. */
  style.background.a = 0;
  assert_untouched (G_LIST_MODEL (release), 300, 200, &style);
  assert_untouched (G_LIST_MODEL (many), 500, 260, &style);
}

static void
test_empty (void)
{
  g_autoptr(GListStore) store = g_list_store_new (READOUT_TYPE_FIGURE);
  ReadoutChartStyle style;
  cairo_surface_t *surface;
  guint32 background;
  guint middle = 0, edge = 0;

  readout_chart_style_init_default (&style, TRUE);
  surface = render (G_LIST_MODEL (store), 400, 200, 1, &style);
  background = opaque (&style.background);

  /* "No figures to chart", in the middle and only there. */
  for (int y = 0; y < 200; y++)
    for (int x = 0; x < 400; x++)
      {
        gboolean centre = y > 80 && y < 120 && x > 100 && x < 300;

        if (pixel (surface, x, y) != background)
          {
            if (centre)
              middle++;
            else
              edge++;
          }
      }
  g_assert_cmpuint (middle, >, 50);
  g_assert_cmpuint (edge, ==, 0);
  cairo_surface_destroy (surface);

  /* NULL model and NULL style are fine too. */
  surface = render (NULL, 100, 50, 1, NULL);
  cairo_surface_destroy (surface);
}

static void
test_describe (void)
{
  g_autoptr(GListStore) store = fixture_release ();
  g_autofree char *text = readout_chart_describe (G_LIST_MODEL (store));
  g_autofree char *none = readout_chart_describe (NULL);

  g_assert_nonnull (strstr (text, "Revenue: current $25.6M, prior $27.8M, change -7.9%."));
  g_assert_null (strstr (text, "per share"));
  g_assert_cmpstr (none, ==, "No figures to chart");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/draw/colours", test_colours);
  g_test_add_func ("/chart/draw/crisp", test_crisp);
  g_test_add_func ("/chart/draw/clip", test_clip);
  g_test_add_func ("/chart/draw/empty", test_empty);
  g_test_add_func ("/chart/draw/describe", test_describe);

  return g_test_run ();
}
