/* test-checks.c: cross-checks with the printed precision as tolerance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "readout-check.h"
#include "readout-figure.h"
#include "readout-metric.h"

static GListStore *
figures_new (void)
{
  GListStore *store = g_list_store_new (READOUT_TYPE_FIGURE);

  for (guint m = 0; m < READOUT_N_CATALOGUE_METRICS; m++)
    {
      g_autoptr(ReadoutFigure) figure = readout_figure_new (m);
      g_list_store_append (store, figure);
    }
  return store;
}

static ReadoutFigure *
figure_at (GListStore    *store,
           ReadoutMetric  metric)
{
  ReadoutFigure *figure = g_list_model_get_item (G_LIST_MODEL (store), metric);
  g_object_unref (figure);   /* the store keeps it */
  return figure;
}

static const ReadoutCheck *
find_check (GPtrArray        *checks,
            ReadoutCheckKind  kind,
            gboolean          on_prior)
{
  for (guint i = 0; i < checks->len; i++)
    {
      const ReadoutCheck *check = g_ptr_array_index (checks, i);
      if (check->kind == kind && check->on_prior == on_prior)
        return check;
    }
  return NULL;
}

static void
test_rounded_figures_pass (void)
{
  g_autoptr(GListStore) store = figures_new ();
  g_autoptr(GPtrArray) checks = NULL;
  const ReadoutCheck *check;

  /* $2.2M + $1.0M = $3.2M as printed, though 2.24 + 1.04 = 3.28 */
  readout_figure_set_current (figure_at (store, READOUT_METRIC_RD_EXPENSE), 2.2e6, 0.05e6);
  readout_figure_set_current (figure_at (store, READOUT_METRIC_GA_EXPENSE), 1.0e6, 0.05e6);
  readout_figure_set_current (figure_at (store, READOUT_METRIC_TOTAL_OPEX), 3.3e6, 0.05e6);
  readout_figure_set_current (figure_at (store, READOUT_METRIC_REVENUE), 0.5e6, 0.05e6);
  readout_figure_set_current (figure_at (store, READOUT_METRIC_OPERATING_INCOME), -2.8e6, 0.05e6);

  checks = readout_checks_compute (G_LIST_MODEL (store));
  check = find_check (checks, READOUT_CHECK_OPEX_SUM, FALSE);
  g_assert_nonnull (check);
  g_assert_true (check->passed);
  g_assert_true (readout_check_involves (check, READOUT_METRIC_TOTAL_OPEX));
  check = find_check (checks, READOUT_CHECK_OPERATING_RESULT, FALSE);
  g_assert_nonnull (check);
  g_assert_true (check->passed);
  g_assert_nonnull (check->description);
  g_assert_false (readout_figure_get_flags (figure_at (store, READOUT_METRIC_RD_EXPENSE)) &
                  READOUT_FIGURE_FLAGS_CHECK_FAILED);
}

static void
test_failure_flags_figures (void)
{
  g_autoptr(GListStore) store = figures_new ();
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GPtrArray) fixed = NULL;

  readout_figure_set_current (figure_at (store, READOUT_METRIC_NET_INCOME), -52.884e6, 500);
  readout_figure_set_current (figure_at (store, READOUT_METRIC_SHARES_WEIGHTED), 28.691e6, 500);
  readout_figure_set_current (figure_at (store, READOUT_METRIC_EPS), -1.48, 0.005);

  checks = readout_checks_compute (G_LIST_MODEL (store));
  g_assert_false (find_check (checks, READOUT_CHECK_EPS, FALSE)->passed);
  g_assert_true (readout_figure_get_flags (figure_at (store, READOUT_METRIC_EPS)) & READOUT_FIGURE_FLAGS_CHECK_FAILED);
  g_assert_false (readout_figure_get_flags (figure_at (store, READOUT_METRIC_REVENUE)) & READOUT_FIGURE_FLAGS_CHECK_FAILED);

  /* The reader corrects it: the flag goes. */
  readout_figure_edit_current (figure_at (store, READOUT_METRIC_EPS), TRUE, -1.84);
  fixed = readout_checks_compute (G_LIST_MODEL (store));
  g_assert_true (find_check (fixed, READOUT_CHECK_EPS, FALSE)->passed);
  g_assert_false (readout_figure_get_flags (figure_at (store, READOUT_METRIC_EPS)) & READOUT_FIGURE_FLAGS_CHECK_FAILED);
}

static void
test_sum_above_total_fails (void)
{
  g_autoptr(GListStore) store = figures_new ();
  g_autoptr(GPtrArray) checks = NULL;

  readout_figure_set_prior (figure_at (store, READOUT_METRIC_RD_EXPENSE), 41.18e6, 500);
  readout_figure_set_prior (figure_at (store, READOUT_METRIC_SGA_EXPENSE), 14.13e6, 500);
  readout_figure_set_prior (figure_at (store, READOUT_METRIC_TOTAL_OPEX), 45.31e6, 500);
  checks = readout_checks_compute (G_LIST_MODEL (store));
  g_assert_false (find_check (checks, READOUT_CHECK_OPEX_SUM, TRUE)->passed);
  g_assert_null (find_check (checks, READOUT_CHECK_OPEX_SUM, FALSE));
}

static void
test_other_expenses_leave_no_verdict (void)
{
  g_autoptr(GListStore) store = figures_new ();
  g_autoptr(GPtrArray) checks = NULL;

  /* Amortization and other lines make up the rest: neither pass nor fail. */
  readout_figure_set_current (figure_at (store, READOUT_METRIC_RD_EXPENSE), 18.001e6, 500);
  readout_figure_set_current (figure_at (store, READOUT_METRIC_SGA_EXPENSE), 58.302e6, 500);
  readout_figure_set_current (figure_at (store, READOUT_METRIC_TOTAL_OPEX), 109.724e6, 500);
  checks = readout_checks_compute (G_LIST_MODEL (store));
  g_assert_null (find_check (checks, READOUT_CHECK_OPEX_SUM, FALSE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checks/rounded-figures-pass", test_rounded_figures_pass);
  g_test_add_func ("/checks/failure-flags-figures", test_failure_flags_figures);
  g_test_add_func ("/checks/sum-above-total-fails", test_sum_above_total_fails);
  g_test_add_func ("/checks/other-expenses-leave-no-verdict", test_other_expenses_leave_no_verdict);

  return g_test_run ();
}
