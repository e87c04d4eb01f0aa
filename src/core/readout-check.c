/* readout-check.c: do the figures add up?
 *
 * A release prints rounded figures, so every comparison allows the
 * rounding of what was printed: $2.2 million is 2.15 to 2.25 million.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "readout-amount.h"
#include "readout-check.h"
#include "readout-figure.h"
#include "readout-metric.h"

void
readout_check_free (ReadoutCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->description);
  g_free (check);
}

gboolean
readout_check_involves (const ReadoutCheck *check,
                        ReadoutMetric       metric)
{
  return metric < READOUT_N_CATALOGUE_METRICS && (check->metrics & (1u << metric)) != 0;
}

typedef struct
{
  gboolean known;
  double   value;
  double   tolerance;
} Value;

static Value
get_value (ReadoutFigure *figures[],
           ReadoutMetric  metric,
           gboolean       prior)
{
  ReadoutFigure *figure = figures[metric];

  if (figure == NULL)
    return (Value) { FALSE, 0, 0 };
  if (prior)
    return (Value) { readout_figure_get_has_prior (figure),
                     readout_figure_get_prior (figure),
                     readout_figure_get_prior_tolerance (figure) };
  return (Value) { readout_figure_get_has_current (figure),
                   readout_figure_get_current (figure),
                   readout_figure_get_current_tolerance (figure) };
}

static ReadoutCheck *
new_check (ReadoutCheckKind kind,
           gboolean         on_prior,
           guint            metrics,
           double           expected,
           double           actual,
           double           tolerance)
{
  ReadoutCheck *check = g_new0 (ReadoutCheck, 1);
  check->kind = kind;
  check->on_prior = on_prior;
  check->metrics = metrics;
  check->expected = expected;
  check->actual = actual;
  /* A hair over the printed rounding absorbs binary noise. */
  check->passed = fabs (expected - actual) <= tolerance * 1.0001 + 1e-9;
  return check;
}

static char *
money (double value)
{
  return readout_amount_format_short (value, READOUT_UNIT_KIND_MONEY, "USD", TRUE);
}

static void
check_opex (GPtrArray     *checks,
            ReadoutFigure *figures[],
            gboolean       prior)
{
  Value rd = get_value (figures, READOUT_METRIC_RD_EXPENSE, prior);
  Value ga = get_value (figures, READOUT_METRIC_GA_EXPENSE, prior);
  Value sga = get_value (figures, READOUT_METRIC_SGA_EXPENSE, prior);
  Value total = get_value (figures, READOUT_METRIC_TOTAL_OPEX, prior);
  Value admin = ga.known ? ga : sga;
  ReadoutMetric admin_metric = ga.known ? READOUT_METRIC_GA_EXPENSE : READOUT_METRIC_SGA_EXPENSE;
  double sum, tolerance;
  ReadoutCheck *check;
  g_autofree char *sum_text = NULL, *total_text = NULL;

  if (!rd.known || !admin.known || !total.known)
    return;

  sum = rd.value + admin.value;
  tolerance = rd.tolerance + admin.tolerance + total.tolerance;
  /* Other operating expenses may be listed too, so only a sum above the
   * total, or one that matches it, says anything. */
  if (sum < total.value - tolerance)
    return;

  check = new_check (READOUT_CHECK_OPEX_SUM, prior,
                     1u << READOUT_METRIC_RD_EXPENSE | 1u << admin_metric | 1u << READOUT_METRIC_TOTAL_OPEX,
                     sum, total.value, tolerance);
  sum_text = money (sum);
  total_text = money (total.value);
  check->description =
    g_strdup_printf (prior
                     ? _("Prior year: R&D and administrative expenses add up to %s; total operating expenses are %s")
                     : _("R&D and administrative expenses add up to %s; total operating expenses are %s"),
                     sum_text, total_text);
  g_ptr_array_add (checks, check);
}

static void
check_operating_result (GPtrArray     *checks,
                        ReadoutFigure *figures[],
                        gboolean       prior)
{
  Value revenue = get_value (figures, READOUT_METRIC_REVENUE, prior);
  Value total = get_value (figures, READOUT_METRIC_TOTAL_OPEX, prior);
  Value result = get_value (figures, READOUT_METRIC_OPERATING_INCOME, prior);
  ReadoutCheck *check;
  g_autofree char *expected_text = NULL, *actual_text = NULL;

  if (!revenue.known || !total.known || !result.known)
    return;

  check = new_check (READOUT_CHECK_OPERATING_RESULT, prior,
                     1u << READOUT_METRIC_REVENUE | 1u << READOUT_METRIC_TOTAL_OPEX |
                     1u << READOUT_METRIC_OPERATING_INCOME,
                     revenue.value - total.value, result.value,
                     revenue.tolerance + total.tolerance + result.tolerance);
  expected_text = money (check->expected);
  actual_text = money (check->actual);
  check->description =
    g_strdup_printf (prior
                     ? _("Prior year: revenue minus total operating expenses is %s; operating income is %s")
                     : _("Revenue minus total operating expenses is %s; operating income is %s"),
                     expected_text, actual_text);
  g_ptr_array_add (checks, check);
}

static void
check_eps (GPtrArray     *checks,
           ReadoutFigure *figures[],
           gboolean       prior)
{
  Value net = get_value (figures, READOUT_METRIC_NET_INCOME, prior);
  Value shares = get_value (figures, READOUT_METRIC_SHARES_WEIGHTED, prior);
  Value eps = get_value (figures, READOUT_METRIC_EPS, prior);
  ReadoutCheck *check;
  double expected, tolerance;

  if (!net.known || !shares.known || !eps.known || shares.value <= 0)
    return;

  expected = net.value / shares.value;
  /* Relative errors of a quotient add up. */
  tolerance = MAX (eps.tolerance, 0.005) +
              fabs (expected) * (net.tolerance / MAX (fabs (net.value), 1) +
                                 shares.tolerance / shares.value);
  check = new_check (READOUT_CHECK_EPS, prior,
                     1u << READOUT_METRIC_NET_INCOME | 1u << READOUT_METRIC_SHARES_WEIGHTED |
                     1u << READOUT_METRIC_EPS,
                     expected, eps.value, tolerance);
  check->description =
    g_strdup_printf (prior
                     ? _("Prior year: net income divided by weighted shares is %.3f per share; EPS is %.2f")
                     : _("Net income divided by weighted shares is %.3f per share; EPS is %.2f"),
                     expected, eps.value);
  g_ptr_array_add (checks, check);
}

/* A change with its sign either way, "+$1.2M" as the Change column shows
 * it: which way is what the check is about. */
static char *
format_change (double           value,
               ReadoutUnitKind  kind,
               const char      *unit)
{
  g_autofree char *text = readout_amount_format_short (value, kind, unit, TRUE);

  return value > 0 ? g_strconcat ("+", text, NULL) : g_steal_pointer (&text);
}

/* "an increase of $1.2 million" against current - prior.  A derived prior
 * was computed from that change, so it says nothing. */
static void
check_stated_change (GPtrArray     *checks,
                     ReadoutFigure *figure)
{
  ReadoutMetric metric = readout_figure_get_metric (figure);
  ReadoutUnitKind kind = readout_metric_unit_kind (metric);
  const char *unit = readout_figure_get_unit (figure);
  ReadoutCheck *check;
  g_autofree char *stated_text = NULL, *computed_text = NULL;

  if (!readout_figure_get_has_stated_change (figure) ||
      !readout_figure_get_has_current (figure) ||
      !readout_figure_get_has_prior (figure) ||
      (readout_figure_get_flags (figure) & READOUT_FIGURE_FLAGS_PRIOR_DERIVED))
    return;

  check = new_check (READOUT_CHECK_STATED_CHANGE, FALSE, 1u << metric,
                     readout_figure_get_current (figure) - readout_figure_get_prior (figure),
                     readout_figure_get_stated_change (figure),
                     readout_figure_get_current_tolerance (figure) +
                     readout_figure_get_prior_tolerance (figure) +
                     readout_figure_get_stated_change_tolerance (figure));
  /* The unit is "USD" or "USD/share": the format reads its prefix. */
  stated_text = format_change (check->actual, kind, unit);
  computed_text = format_change (check->expected, kind, unit);
  check->description =
    /* Translators: the first %s is a metric, e.g. "Revenue"; the others
     * amounts, e.g. "$1.2M" */
    g_strdup_printf (_("%s: the release states a change of %s; current minus prior is %s"),
                     _(readout_metric_label (metric)), stated_text, computed_text);
  g_ptr_array_add (checks, check);
}

GPtrArray *
readout_checks_compute (GListModel *model)
{
  ReadoutFigure *figures[READOUT_N_CATALOGUE_METRICS] = { NULL };
  GPtrArray *checks = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_check_free);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReadoutFigure) figure = g_list_model_get_item (model, i);
      ReadoutMetric metric = readout_figure_get_metric (figure);
      if (metric < READOUT_N_CATALOGUE_METRICS && figures[metric] == NULL)
        figures[metric] = figure;   /* the model keeps it alive */
    }

  for (int prior = 0; prior <= 1; prior++)
    {
      check_opex (checks, figures, prior);
      check_operating_result (checks, figures, prior);
      check_eps (checks, figures, prior);
    }
  for (guint m = 0; m < READOUT_N_CATALOGUE_METRICS; m++)
    if (figures[m] != NULL)
      check_stated_change (checks, figures[m]);

  for (guint m = 0; m < READOUT_N_CATALOGUE_METRICS; m++)
    {
      gboolean failed = FALSE;

      if (figures[m] == NULL)
        continue;
      for (guint c = 0; c < checks->len; c++)
        {
          ReadoutCheck *check = g_ptr_array_index (checks, c);
          if (!check->passed && readout_check_involves (check, m))
            failed = TRUE;
        }
      readout_figure_set_flags (figures[m],
                                failed
                                ? readout_figure_get_flags (figures[m]) | READOUT_FIGURE_FLAGS_CHECK_FAILED
                                : readout_figure_get_flags (figures[m]) & ~READOUT_FIGURE_FLAGS_CHECK_FAILED);
    }

  return checks;
}
