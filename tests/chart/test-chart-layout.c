/* test-chart-layout.c: the chart's geometry, not its pixels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "readout-chart.h"
#include "chart-fixtures.h"

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
  return NULL;
}

static void
assert_ticks (ReadoutChartLayout *layout,
              double              min,
              double              max)
{
  GArray *ticks = layout->ticks;
  gboolean has_zero = FALSE;
  double step, mantissa;

  g_assert_cmpuint (ticks->len, >=, 2);
  step = g_array_index (ticks, ReadoutChartTick, 1).value - g_array_index (ticks, ReadoutChartTick, 0).value;
  g_assert_cmpfloat (step, >, 0);

  /* 1, 2 or 5 times a power of ten */
  mantissa = step / pow (10, floor (log10 (step) + 1e-9));
  g_assert_true (fabs (mantissa - 1) < 1e-6 || fabs (mantissa - 2) < 1e-6 || fabs (mantissa - 5) < 1e-6);

  for (guint i = 0; i < ticks->len; i++)
    {
      const ReadoutChartTick *tick = &g_array_index (ticks, ReadoutChartTick, i);

      has_zero |= tick->value == 0;
      g_assert_nonnull (tick->label);
      if (i > 0)
        {
          const ReadoutChartTick *below = &g_array_index (ticks, ReadoutChartTick, i - 1);

          g_assert_cmpfloat_with_epsilon (tick->value - below->value, step, step * 1e-9);
          g_assert_cmpfloat (tick->y, <, below->y);   /* upwards */
        }
      g_assert_cmpfloat (tick->y, >=, layout->plot_y);
      g_assert_cmpfloat (tick->y, <=, layout->plot_y + layout->plot_height);
    }
  g_assert_true (has_zero);
  g_assert_cmpfloat (g_array_index (ticks, ReadoutChartTick, 0).value, <=, min);
  g_assert_cmpfloat (g_array_index (ticks, ReadoutChartTick, ticks->len - 1).value, >=, max);
}

static void
test_ticks (void)
{
  static const struct { double current, prior; } cases[] = {
    { 25.6e6, 27.8e6 },      /* gains only */
    { -34.6e6, -27.5e6 },    /* losses only */
    { 286.5e6, -52.9e6 },    /* both */
    { 0.3e6, 0.25e6 },       /* small */
    { 4.1e9, 3.3e9 },        /* billions */
    { 0, 0 },                /* nothing but zero */
    { 7, 3 },                /* dollars */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GListStore) store = g_list_store_new (READOUT_TYPE_FIGURE);
      g_autoptr(ReadoutChartLayout) layout = NULL;

      fixture_add (store, READOUT_METRIC_REVENUE, cases[i].current, cases[i].prior);
      layout = readout_chart_layout (G_LIST_MODEL (store), 500, 260, NULL);
      assert_ticks (layout, MIN (cases[i].current, cases[i].prior), MAX (cases[i].current, cases[i].prior));
      g_assert_cmpuint (layout->ticks->len, <=, 11);
    }
}

static void
test_tick_labels (void)
{
  g_autoptr(GListStore) store = fixture_release ();
  g_autoptr(ReadoutChartLayout) layout = readout_chart_layout (G_LIST_MODEL (store), 900, 300, NULL);

  for (guint i = 0; i < layout->ticks->len; i++)
    {
      const ReadoutChartTick *tick = &g_array_index (layout->ticks, ReadoutChartTick, i);

      if (tick->value == 0)
        g_assert_cmpstr (tick->label, ==, "$0");
      else if (tick->value == 100e6)
        g_assert_cmpstr (tick->label, ==, "$100M");
      else if (tick->value == -100e6)
        g_assert_cmpstr (tick->label, ==, "\xE2\x88\x92$100M");
    }
  assert_ticks (layout, -52.9e6, 311.6e6);
}

static void
test_money_only (void)
{
  g_autoptr(GListStore) store = fixture_release ();
  g_autoptr(ReadoutChartLayout) layout = readout_chart_layout (G_LIST_MODEL (store), 900, 300, NULL);
  static const ReadoutMetric expected[] = {
    READOUT_METRIC_REVENUE, READOUT_METRIC_RD_EXPENSE, READOUT_METRIC_GA_EXPENSE,
    READOUT_METRIC_TOTAL_OPEX, READOUT_METRIC_OPERATING_INCOME, READOUT_METRIC_NET_INCOME,
    READOUT_METRIC_CASH,
  };

  /* EPS and the share count are not money. */
  g_assert_cmpuint (layout->n_charted, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (layout->groups->len, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (layout->bars->len, ==, 2 * G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (g_array_index (layout->groups, ReadoutChartGroup, i).metric, ==, expected[i]);
  /* Positions are the model's: cash comes after EPS. */
  g_assert_cmpuint (g_array_index (layout->groups, ReadoutChartGroup, 6).position, ==, 7);
  g_assert_cmpuint (find_bar (layout, READOUT_METRIC_CASH, TRUE)->position, ==, 7);
}

static void
test_losses_below_zero (void)
{
  g_autoptr(GListStore) store = fixture_release ();
  g_autoptr(ReadoutChartLayout) layout = readout_chart_layout (G_LIST_MODEL (store), 900, 300, NULL);

  g_assert_cmpuint (layout->bars->len, >, 0);
  for (guint i = 0; i < layout->bars->len; i++)
    {
      const ReadoutChartBar *bar = &g_array_index (layout->bars, ReadoutChartBar, i);

      g_assert_cmpfloat (bar->height, >, 0);
      if (bar->value < 0)
        {
          g_assert_cmpfloat_with_epsilon (bar->y, layout->zero_y, 1e-9);
          g_assert_cmpfloat (bar->y + bar->height, >, layout->zero_y);
        }
      else
        {
          g_assert_cmpfloat_with_epsilon (bar->y + bar->height, layout->zero_y, 1e-9);
          g_assert_cmpfloat (bar->y, <, layout->zero_y);
        }
    }
}

static void
test_bar_ratio (void)
{
  g_autoptr(GListStore) store = fixture_release ();
  g_autoptr(ReadoutChartLayout) layout = readout_chart_layout (G_LIST_MODEL (store), 900, 300, NULL);
  const ReadoutChartBar *cash = find_bar (layout, READOUT_METRIC_CASH, FALSE);
  const ReadoutChartBar *cash_prior = find_bar (layout, READOUT_METRIC_CASH, TRUE);
  const ReadoutChartBar *loss = find_bar (layout, READOUT_METRIC_NET_INCOME, FALSE);
  const ReadoutChartBar *loss_prior = find_bar (layout, READOUT_METRIC_NET_INCOME, TRUE);
  const ReadoutChartBar *revenue = find_bar (layout, READOUT_METRIC_REVENUE, FALSE);

  g_assert_cmpfloat_with_epsilon (cash_prior->height / cash->height, 311.6 / 286.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (loss_prior->height / loss->height, 39.3 / 52.9, 1e-9);
  g_assert_cmpfloat_with_epsilon (revenue->height / cash->height, 25.6 / 286.5, 1e-9);

  /* Side by side, current first, same width, within the group's slot. */
  g_assert_cmpfloat (cash->x + cash->width, <=, cash_prior->x);
  g_assert_cmpfloat (cash->width, ==, cash_prior->width);
  g_assert_cmpfloat (cash->value, ==, 286.5e6);
  g_assert_false (cash->is_prior);
  g_assert_true (cash_prior->is_prior);
}

static void
test_change_and_labels (void)
{
  if (!chart_fixtures_have_fonts ())
    return;

  g_autoptr(GListStore) store = fixture_release ();
  g_autoptr(ReadoutChartLayout) wide = readout_chart_layout (G_LIST_MODEL (store), 900, 300, NULL);
  g_autoptr(ReadoutChartLayout) narrow = readout_chart_layout (G_LIST_MODEL (store), 500, 260, NULL);
  const ReadoutChartGroup *group;

  group = &g_array_index (wide->groups, ReadoutChartGroup, 0);
  g_assert_cmpstr (group->label, ==, "Revenue");
  g_assert_cmpstr (group->change, ==, "\xE2\x88\x92" "7.9%");
  group = &g_array_index (wide->groups, ReadoutChartGroup, 1);
  g_assert_cmpstr (group->label, ==, "Research and development");
  group = &g_array_index (wide->groups, ReadoutChartGroup, 2);
  g_assert_cmpstr (group->change, ==, "+85.8%");
  /* Above the bars for gains, below them for losses. */
  group = &g_array_index (wide->groups, ReadoutChartGroup, 3);
  g_assert_cmpfloat (group->change_y + wide->line_height, <=, find_bar (wide, READOUT_METRIC_TOTAL_OPEX, FALSE)->y);
  group = &g_array_index (wide->groups, ReadoutChartGroup, 5);
  g_assert_cmpfloat (group->change_y, >=, wide->zero_y + find_bar (wide, READOUT_METRIC_NET_INCOME, FALSE)->height);

  /* Narrow: short labels for all, whole percents for all. */
  g_assert_cmpstr (g_array_index (narrow->groups, ReadoutChartGroup, 0).label, ==, "Revenue");
  g_assert_cmpstr (g_array_index (narrow->groups, ReadoutChartGroup, 1).label, ==, "R&D");
  g_assert_cmpstr (g_array_index (narrow->groups, ReadoutChartGroup, 5).label, ==, "Net income");
  g_assert_cmpstr (g_array_index (narrow->groups, ReadoutChartGroup, 6).label, ==, "Cash");
  for (guint i = 0; i < narrow->groups->len; i++)
    {
      group = &g_array_index (narrow->groups, ReadoutChartGroup, i);
      g_assert_nonnull (group->change);
      g_assert_null (strchr (group->change, '.'));
      g_assert_false (group->label_rotated);
    }
}

static void
assert_inside (ReadoutChartLayout *layout,
               int                 width,
               int                 height)
{
  g_assert_cmpfloat (layout->plot_x, >=, 0);
  g_assert_cmpfloat (layout->plot_y, >=, 0);
  g_assert_cmpfloat (layout->plot_x + layout->plot_width, <=, width);
  g_assert_cmpfloat (layout->plot_y + layout->plot_height, <=, height);
  for (guint i = 0; i < layout->bars->len; i++)
    {
      const ReadoutChartBar *bar = &g_array_index (layout->bars, ReadoutChartBar, i);

      g_assert_cmpfloat (bar->x, >=, layout->plot_x);
      g_assert_cmpfloat (bar->x + bar->width, <=, layout->plot_x + layout->plot_width + 1e-9);
      g_assert_cmpfloat (bar->y, >=, layout->plot_y);
      g_assert_cmpfloat (bar->y + bar->height, <=, layout->plot_y + layout->plot_height + 1e-9);
    }
  for (guint i = 0; i < layout->groups->len; i++)
    {
      const ReadoutChartGroup *group = &g_array_index (layout->groups, ReadoutChartGroup, i);

      g_assert_cmpfloat (group->label_y, >=, layout->plot_y + layout->plot_height);
      g_assert_cmpfloat (group->label_y, <, height);
      if (group->change != NULL)
        {
          g_assert_cmpfloat (group->change_y, >=, layout->plot_y);
          g_assert_cmpfloat (group->change_y + layout->line_height, <=, layout->plot_y + layout->plot_height + 1e-9);
        }
      /* Slots side by side, never overlapping. */
      if (i > 0)
        {
          const ReadoutChartGroup *left = &g_array_index (layout->groups, ReadoutChartGroup, i - 1);

          g_assert_cmpfloat_with_epsilon (left->x + left->width, group->x, 1e-9);
        }
    }
}

static GListStore *
many_figures (void)
{
  GListStore *store = fixture_release ();

  for (int i = 0; i < 8; i++)
    {
      g_autoptr(ReadoutFigure) figure = fixture_figure (READOUT_METRIC_CUSTOM, 5e6 * (i + 1), 4e6 * (i + 2));

      readout_figure_set_label (figure, "Collaboration revenue from a partner");
      g_list_store_append (store, figure);
    }
  return store;
}

static void
test_fits (void)
{
  if (!chart_fixtures_have_fonts ())
    return;

  static const struct { int width, height; } sizes[] = {
    { 900, 300 }, { 500, 260 }, { 300, 200 }, { 1600, 900 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GListStore) release = fixture_release ();
      g_autoptr(GListStore) many = many_figures ();
      g_autoptr(ReadoutChartLayout) a = readout_chart_layout (G_LIST_MODEL (release), sizes[i].width, sizes[i].height, NULL);
      g_autoptr(ReadoutChartLayout) b = readout_chart_layout (G_LIST_MODEL (many), sizes[i].width, sizes[i].height, NULL);

      g_test_message ("%d x %d", sizes[i].width, sizes[i].height);
      assert_inside (a, sizes[i].width, sizes[i].height);
      assert_inside (b, sizes[i].width, sizes[i].height);
    }
}

static void
test_many_rotate (void)
{
  if (!chart_fixtures_have_fonts ())
    return;

  g_autoptr(GListStore) store = many_figures ();
  g_autoptr(ReadoutChartLayout) layout = readout_chart_layout (G_LIST_MODEL (store), 500, 260, NULL);

  g_assert_cmpuint (layout->groups->len, ==, 15);
  for (guint i = 0; i < layout->groups->len; i++)
    g_assert_true (g_array_index (layout->groups, ReadoutChartGroup, i).label_rotated);
  g_assert_cmpstr (g_array_index (layout->groups, ReadoutChartGroup, 7).label, ==,
                   "Collaboration revenue from a partner");
}

static void
test_partial_and_custom (void)
{
  g_autoptr(GListStore) store = g_list_store_new (READOUT_TYPE_FIGURE);
  g_autoptr(ReadoutFigure) milestone = fixture_figure (READOUT_METRIC_CUSTOM, 12e6, NAN);
  g_autoptr(ReadoutFigure) count = fixture_figure (READOUT_METRIC_CUSTOM, 5e6, 4e6);
  g_autoptr(ReadoutChartLayout) layout = NULL;
  const ReadoutChartGroup *group;

  readout_figure_set_label (milestone, "Milestone payments");
  readout_figure_set_unit (count, "shares");
  g_list_store_append (store, milestone);
  g_list_store_append (store, count);
  fixture_add (store, READOUT_METRIC_RD_EXPENSE, NAN, NAN);   /* nothing to draw */
  fixture_add (store, READOUT_METRIC_CASH, NAN, 80e6);

  layout = readout_chart_layout (G_LIST_MODEL (store), 600, 300, NULL);
  g_assert_cmpuint (layout->n_charted, ==, 2);
  g_assert_cmpuint (layout->bars->len, ==, 2);
  group = &g_array_index (layout->groups, ReadoutChartGroup, 0);
  g_assert_cmpstr (group->label, ==, "Milestone payments");
  g_assert_null (group->change);
  g_assert_false (g_array_index (layout->bars, ReadoutChartBar, 0).is_prior);
  g_assert_true (g_array_index (layout->bars, ReadoutChartBar, 1).is_prior);
  g_assert_cmpuint (g_array_index (layout->bars, ReadoutChartBar, 1).position, ==, 3);
}

static void
test_empty (void)
{
  g_autoptr(GListStore) store = g_list_store_new (READOUT_TYPE_FIGURE);
  g_autoptr(ReadoutChartLayout) empty = readout_chart_layout (G_LIST_MODEL (store), 500, 260, NULL);
  g_autoptr(ReadoutChartLayout) none = readout_chart_layout (NULL, 500, 260, NULL);
  g_autoptr(ReadoutChartLayout) eps_only = NULL;
  g_autoptr(ReadoutChartLayout) tiny = NULL;
  g_autoptr(GListStore) release = fixture_release ();

  g_assert_cmpuint (empty->n_charted, ==, 0);
  g_assert_cmpuint (empty->bars->len + empty->ticks->len + empty->groups->len, ==, 0);
  g_assert_cmpuint (none->n_charted, ==, 0);

  fixture_add (store, READOUT_METRIC_EPS, -0.23, -0.19);
  eps_only = readout_chart_layout (G_LIST_MODEL (store), 500, 260, NULL);
  g_assert_cmpuint (eps_only->n_charted, ==, 0);

  /* No room: nothing laid out, but the figures are there. */
  tiny = readout_chart_layout (G_LIST_MODEL (release), 40, 30, NULL);
  g_assert_cmpuint (tiny->n_charted, ==, 7);
  g_assert_cmpuint (tiny->bars->len + tiny->ticks->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/layout/ticks", test_ticks);
  g_test_add_func ("/chart/layout/tick-labels", test_tick_labels);
  g_test_add_func ("/chart/layout/money-only", test_money_only);
  g_test_add_func ("/chart/layout/losses-below-zero", test_losses_below_zero);
  g_test_add_func ("/chart/layout/bar-ratio", test_bar_ratio);
  g_test_add_func ("/chart/layout/change-and-labels", test_change_and_labels);
  g_test_add_func ("/chart/layout/fits", test_fits);
  g_test_add_func ("/chart/layout/many-rotate", test_many_rotate);
  g_test_add_func ("/chart/layout/partial-and-custom", test_partial_and_custom);
  g_test_add_func ("/chart/layout/empty", test_empty);

  return g_test_run ();
}
