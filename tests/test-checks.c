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

static void
test_stated_change_passes (void)
{
  g_autoptr(GListStore) store = figures_new ();
  g_autoptr(GPtrArray) checks = NULL;
  ReadoutFigure *revenue = figure_at (store, READOUT_METRIC_REVENUE);
  const ReadoutCheck *check;

  /* "$7.2 million … $6.7 million …, an increase of $0.5 million" */
  readout_figure_set_current (revenue, 7.2e6, 0.05e6);
  readout_figure_set_prior (revenue, 6.7e6, 0.05e6);
  readout_figure_set_stated_change (revenue, 0.5e6, 0.05e6);
  g_assert_true (readout_figure_get_has_stated_change (revenue));

  checks = readout_checks_compute (G_LIST_MODEL (store));
  check = find_check (checks, READOUT_CHECK_STATED_CHANGE, FALSE);
  g_assert_nonnull (check);
  g_assert_true (check->passed);
  g_assert_cmpfloat_with_epsilon (check->expected, 0.5e6, 1e-3);
  g_assert_cmpfloat_with_epsilon (check->actual, 0.5e6, 1e-3);
  g_assert_cmpuint (check->metrics, ==, 1u << READOUT_METRIC_REVENUE);
  g_assert_cmpstr (check->description, ==,
                   "Revenue: the release states a change of +$500K; current minus prior is +$500K");
  g_assert_false (readout_figure_get_flags (revenue) & READOUT_FIGURE_FLAGS_CHECK_FAILED);
}

static void
test_stated_change_fails (void)
{
  g_autoptr(GListStore) store = figures_new ();
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GPtrArray) fixed = NULL;
  ReadoutFigure *eps = figure_at (store, READOUT_METRIC_EPS);
  ReadoutFigure *net = figure_at (store, READOUT_METRIC_NET_INCOME);
  const ReadoutCheck *check;

  /* A loss per share of $0.30 after $0.21 is a change of −$0.09, not +$0.09. */
  readout_figure_set_unit (eps, "EUR/share");
  readout_figure_set_current (eps, -0.30, 0.005);
  readout_figure_set_prior (eps, -0.21, 0.005);
  readout_figure_set_stated_change (eps, 0.09, 0.005);
  readout_figure_set_current (net, -4.1e6, 0.05e6);

  checks = readout_checks_compute (G_LIST_MODEL (store));
  check = find_check (checks, READOUT_CHECK_STATED_CHANGE, FALSE);
  g_assert_nonnull (check);
  g_assert_false (check->passed);
  /* Per-share amounts stay per share, in the figure's currency. */
  g_assert_cmpstr (check->description, ==,
                   "Earnings (loss) per share: the release states a change of +€0.09; "
                   "current minus prior is \xE2\x88\x92€0.09");
  g_assert_true (readout_figure_get_flags (eps) & READOUT_FIGURE_FLAGS_CHECK_FAILED);
  /* Only the figure whose change it is. */
  g_assert_false (readout_figure_get_flags (net) & READOUT_FIGURE_FLAGS_CHECK_FAILED);

  readout_figure_edit_prior (eps, TRUE, -0.39);
  fixed = readout_checks_compute (G_LIST_MODEL (store));
  g_assert_true (find_check (fixed, READOUT_CHECK_STATED_CHANGE, FALSE)->passed);
  g_assert_false (readout_figure_get_flags (eps) & READOUT_FIGURE_FLAGS_CHECK_FAILED);
}

static void
test_stated_change_needs_a_stated_prior (void)
{
  g_autoptr(GListStore) store = figures_new ();
  g_autoptr(GPtrArray) derived = NULL;
  g_autoptr(GPtrArray) no_prior = NULL;
  ReadoutFigure *rd = figure_at (store, READOUT_METRIC_RD_EXPENSE);

  /* A prior derived from the change would agree by construction: even a
   * contradicting one gives no verdict. */
  readout_figure_set_current (rd, 2.2e6, 0.05e6);
  readout_figure_set_prior (rd, 1.0e6, 0.1e6);
  readout_figure_set_flags (rd, READOUT_FIGURE_FLAGS_PRIOR_DERIVED);
  readout_figure_set_stated_change (rd, 5.0e6, 0.05e6);
  derived = readout_checks_compute (G_LIST_MODEL (store));
  g_assert_null (find_check (derived, READOUT_CHECK_STATED_CHANGE, FALSE));
  g_assert_false (readout_figure_get_flags (rd) & READOUT_FIGURE_FLAGS_CHECK_FAILED);

  readout_figure_set_flags (rd, 0);
  readout_figure_clear_prior (rd);
  no_prior = readout_checks_compute (G_LIST_MODEL (store));
  g_assert_null (find_check (no_prior, READOUT_CHECK_STATED_CHANGE, FALSE));
}

static void
test_stated_change_tolerance_edge (void)
{
  g_autoptr(GListStore) store = figures_new ();
  g_autoptr(GPtrArray) edge = NULL;
  g_autoptr(GPtrArray) beyond = NULL;
  ReadoutFigure *ga = figure_at (store, READOUT_METRIC_GA_EXPENSE);

  /* $2.2M − $1.0M may be anything from 1.1 to 1.3 million, and a stated
   * $1.35M anything from 1.3 to 1.4: they just meet. */
  readout_figure_set_current (ga, 2.2e6, 0.05e6);
  readout_figure_set_prior (ga, 1.0e6, 0.05e6);
  readout_figure_set_stated_change (ga, 1.35e6, 0.05e6);
  edge = readout_checks_compute (G_LIST_MODEL (store));
  g_assert_true (find_check (edge, READOUT_CHECK_STATED_CHANGE, FALSE)->passed);

  readout_figure_set_stated_change (ga, 1.36e6, 0.05e6);
  beyond = readout_checks_compute (G_LIST_MODEL (store));
  g_assert_false (find_check (beyond, READOUT_CHECK_STATED_CHANGE, FALSE)->passed);
  g_assert_true (readout_figure_get_flags (ga) & READOUT_FIGURE_FLAGS_CHECK_FAILED);
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
  g_test_add_func ("/checks/stated-change-passes", test_stated_change_passes);
  g_test_add_func ("/checks/stated-change-fails", test_stated_change_fails);
  g_test_add_func ("/checks/stated-change-needs-a-stated-prior", test_stated_change_needs_a_stated_prior);
  g_test_add_func ("/checks/stated-change-tolerance-edge", test_stated_change_tolerance_edge);

  return g_test_run ();
}
