/* test-chart-view.c: the chart widget (skipped without a display).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "readout-chart-view.h"
#include "chart-fixtures.h"

static gboolean have_display;

static void
wait_for (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
spin (void)
{
  for (int i = 0; i < 50; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

static void
test_api (void)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GListModel) property = NULL;
  g_autoptr(ReadoutFigure) first = NULL;
  ReadoutChartView *view;
  int minimum, natural;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  store = fixture_release ();
  view = g_object_ref_sink (READOUT_CHART_VIEW (readout_chart_view_new ()));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==, GTK_ACCESSIBLE_ROLE_IMG);

  readout_chart_view_set_figures (view, G_LIST_MODEL (store));
  g_assert_true (readout_chart_view_get_figures (view) == G_LIST_MODEL (store));
  g_object_get (view, "figures", &property, NULL);
  g_assert_true (property == G_LIST_MODEL (store));

  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, >=, 200);
  g_assert_cmpint (natural, >=, minimum);
  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, >=, 150);

  /* Changes to the model and its figures reach the view... */
  fixture_add (store, READOUT_METRIC_SGA_EXPENSE, 1e6, 2e6);
  first = g_list_model_get_item (G_LIST_MODEL (store), 0);
  readout_figure_set_current (first, 30e6, 0);

  /* ...and stop with it: no handler outlives the view. */
  readout_chart_view_set_figures (view, NULL);
  g_assert_null (readout_chart_view_get_figures (view));
  readout_chart_view_set_figures (view, G_LIST_MODEL (store));
  g_assert_finalize_object (view);
  readout_figure_set_current (first, 31e6, 0);
  g_list_store_remove (store, 0);
  fixture_add (store, READOUT_METRIC_CASH, 1, 2);
}

static guint32
opaque (const ReadoutRgba *rgba)
{
  return 0xff000000u |
         (guint32) round (rgba->r * 255) << 16 |
         (guint32) round (rgba->g * 255) << 8 |
         (guint32) round (rgba->b * 255);
}

/* The widget's own drawing, as GTK would show it, at its scale; saved
 * as NAME.png in $READOUT_CHART_VIEW_SHOTS to look at. */
static cairo_surface_t *
render_widget (GtkWidget  *widget,
               const char *name)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  const char *shots = g_getenv ("READOUT_CHART_VIEW_SHOTS");
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (shots != NULL)
    {
      g_autofree char *file = g_strdup_printf ("%s.png", name);
      g_autofree char *path = g_build_filename (shots, file, NULL);

      cairo_surface_write_to_png (surface, path);
    }
  return surface;
}

static guint32
bar_pixel (GtkWidget       *widget,
           cairo_surface_t *surface,
           GListModel      *figures,
           ReadoutMetric    metric,
           gboolean         is_prior)
{
  ReadoutChartStyle style;
  g_autoptr(ReadoutChartLayout) layout = NULL;

  readout_chart_view_get_style (READOUT_CHART_VIEW (widget), &style);
  layout = readout_chart_layout (figures, gtk_widget_get_width (widget), gtk_widget_get_height (widget), style.font);
  for (guint i = 0; i < layout->bars->len; i++)
    {
      const ReadoutChartBar *bar = &g_array_index (layout->bars, ReadoutChartBar, i);
      int scale = gtk_widget_get_scale_factor (widget);
      int x = (bar->x + bar->width / 2) * scale, y = (bar->y + bar->height / 2) * scale;

      if (bar->metric == metric && bar->is_prior == is_prior)
        return *(guint32 *) (cairo_image_surface_get_data (surface) +
                             y * cairo_image_surface_get_stride (surface) + x * 4);
    }
  g_assert_not_reached ();
}

static void
test_render (void)
{
  g_autoptr(GListStore) store = NULL;
  AdwStyleManager *manager;
  ReadoutChartStyle style;
  cairo_surface_t *surface;
  GtkWidget *window, *view;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  store = fixture_release ();
  window = gtk_window_new ();
  view = g_object_ref_sink (readout_chart_view_new ());
  readout_chart_view_set_figures (READOUT_CHART_VIEW (view), G_LIST_MODEL (store));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 320);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (view);

  /* The accent colour draws the current period. */
  readout_chart_view_get_style (READOUT_CHART_VIEW (view), &style);
  g_assert_cmpfloat (style.background.a, ==, 1);
  g_assert_nonnull (style.font);
  surface = render_widget (view, "view-light");
  g_assert_cmphex (bar_pixel (view, surface, G_LIST_MODEL (store), READOUT_METRIC_CASH, FALSE), ==,
                   opaque (&style.current));
  g_assert_cmphex (bar_pixel (view, surface, G_LIST_MODEL (store), READOUT_METRIC_CASH, TRUE), ==,
                   opaque (&style.prior));
  cairo_surface_destroy (surface);
  g_assert_cmpfloat (style.foreground.r, <, 0.5);

  /* Dark: the colours follow the theme. */
  manager = adw_style_manager_get_default ();
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  spin ();
  readout_chart_view_get_style (READOUT_CHART_VIEW (view), &style);
  g_assert_cmpfloat (style.foreground.r, >, 0.5);
  g_assert_cmpfloat (style.background.r, <, 0.5);
  surface = render_widget (view, "view-dark");
  g_assert_cmphex (bar_pixel (view, surface, G_LIST_MODEL (store), READOUT_METRIC_REVENUE, FALSE), ==,
                   opaque (&style.current));
  cairo_surface_destroy (surface);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  /* The chart needs no GL (GSK_RENDERER=cairo), and Mesa's EGL leaks a
   * block that LeakSanitizer cannot trace to its suppression once the
   * driver is unloaded. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/chart/view/api", test_api);
  g_test_add_func ("/chart/view/render", test_render);

  return g_test_run ();
}
