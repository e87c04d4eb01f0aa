/* readout-extract.c: from normalized text to the figures of a release.
 *
 * The table finder and the prose finder each propose a value per metric.
 * Tables print exact figures, so a table wins; the exception is cash,
 * where the release's headline sentence (often cash with investments) is
 * the figure readers quote, and the balance sheet only the fallback.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "readout-extract.h"
#include "readout-figure.h"
#include "readout-metric.h"
#include "readout-period.h"
#include "readout-prose.h"
#include "readout-table.h"
#include "readout-util.h"

void
readout_extraction_clear (ReadoutExtraction *extraction)
{
  g_clear_pointer (&extraction->company, g_free);
  g_clear_pointer (&extraction->period, g_free);
  g_clear_pointer (&extraction->prior_period, g_free);
  g_clear_pointer (&extraction->period_end, g_free);
  for (guint i = 0; i < READOUT_N_CATALOGUE_METRICS; i++)
    g_clear_object (&extraction->figures[i]);
}

/* The currency a bare "$" stands for: releases say so once ("All dollar
 * amounts are in Canadian dollars"). */
static const char *
default_currency (const char *text,
                  gsize       len)
{
  const char *end = text + MIN (len, 20000);
  gboolean canadian = FALSE, australian = FALSE;

  /* One pass for the three phrases (a search each cost more). */
  for (const char *p = memchr (text, ' ', end - text); p != NULL && !canadian;
       p = memchr (p + 1, ' ', end - p - 1))
    {
      gsize rest = end - p;
      if (rest > 9 && (p[1] == 'D' || p[1] == 'd') && memcmp (p + 2, "ollars", 6) == 0)
        {
          canadian = p - text >= 8 && memcmp (p - 8, "Canadian", 8) == 0;
          australian |= p - text >= 10 && memcmp (p - 10, "Australian", 10) == 0;
        }
      else if (rest >= 4 && memcmp (p, " CAD", 4) == 0 && p - text >= 12 &&
               memcmp (p - 12, "expressed in", 12) == 0)
        canadian = TRUE;
    }
  if (canadian)
    return "CAD";
  if (australian)
    return "AUD";
  return "USD";
}

static const ReadoutCandidate *
choose (ReadoutMetric           metric,
        const ReadoutCandidate *table,
        const ReadoutCandidate *prose)
{
  gboolean have_table = table->origin != READOUT_ORIGIN_NONE;
  gboolean have_prose = prose->origin != READOUT_ORIGIN_NONE;

  if (metric == READOUT_METRIC_CASH && have_prose)
    return prose;
  if (have_table)
    return table;
  if (have_prose)
    return prose;
  return NULL;
}

/* The table's figure with the change the prose states for it: only when
 * the sentence gives the same current, so it speaks of the same period. */
static ReadoutCandidate
with_stated_change (const ReadoutCandidate *table,
                    const ReadoutCandidate *prose)
{
  ReadoutCandidate merged = *table;

  if (!table->has_change && prose->has_change &&
      table->has_current && prose->has_current &&
      fabs (table->current - prose->current) <=
      (table->current_tolerance + prose->current_tolerance) * 1.0001 + 1e-9)
    {
      merged.has_change = TRUE;
      merged.change = prose->change;
      merged.change_tolerance = prose->change_tolerance;
    }
  return merged;
}

static void
fill_figure (ReadoutFigure          *figure,
             const ReadoutCandidate *candidate,
             const char             *text,
             const char             *prior_period)
{
  ReadoutMetric metric = readout_figure_get_metric (figure);
  g_autofree char *source = NULL;
  g_autofree char *unit = NULL;

  if (candidate->has_current)
    readout_figure_set_current (figure, candidate->current, candidate->current_tolerance);
  if (candidate->has_prior)
    readout_figure_set_prior (figure, candidate->prior, candidate->prior_tolerance);
  if (candidate->prior_derived)
    readout_figure_set_flags (figure, READOUT_FIGURE_FLAGS_PRIOR_DERIVED);
  if (candidate->has_change)
    readout_figure_set_stated_change (figure, candidate->change, candidate->change_tolerance);

  switch (readout_metric_unit_kind (metric))
    {
    case READOUT_UNIT_KIND_PER_SHARE:
      unit = g_strdup_printf ("%s/share", candidate->currency[0] ? candidate->currency : "USD");
      break;
    case READOUT_UNIT_KIND_SHARES:
      unit = g_strdup ("shares");
      break;
    case READOUT_UNIT_KIND_MONEY:
    default:
      unit = g_strdup (candidate->currency[0] ? candidate->currency : "USD");
      break;
    }
  readout_figure_set_unit (figure, unit);

  if (candidate->has_prior)
    {
      if (metric == READOUT_METRIC_CASH && candidate->prior_date[0])
        readout_figure_set_prior_period (figure, candidate->prior_date);
      else if (metric != READOUT_METRIC_CASH)
        readout_figure_set_prior_period (figure, prior_period);
    }

  source = readout_fold_whitespace (text + candidate->source_start,
                                    candidate->source_end - candidate->source_start);
  readout_figure_set_source (figure, source, candidate->source_start, candidate->source_end);
}

gboolean
readout_extract (ReadoutText        *text,
                 ReadoutExtraction  *extraction,
                 GCancellable       *cancellable,
                 GError            **error)
{
  ReadoutCandidate from_tables[READOUT_N_CATALOGUE_METRICS] = { { 0 } };
  ReadoutCandidate from_prose[READOUT_N_CATALOGUE_METRICS] = { { 0 } };
  ReadoutPeriod period;
  const char *content;
  const char *currency;
  gsize len;

  content = readout_text_get_text (text, &len);

  readout_period_find (content, len, &period);
  extraction->company = readout_company_find (content, len);
  extraction->period = readout_period_label (&period, 0);
  extraction->prior_period = readout_period_label (&period, 1);
  extraction->period_end = readout_period_end_iso (&period);
  currency = default_currency (content, len);
  g_debug ("period %s (end %s, fiscal %d), company %s",
           extraction->period, extraction->period_end, period.fiscal, extraction->company);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  readout_table_find (content, len, &period, currency, from_tables);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  readout_prose_find (content, len, &period, currency, from_prose);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  for (guint m = 0; m < READOUT_N_CATALOGUE_METRICS; m++)
    {
      const ReadoutCandidate *chosen = choose (m, &from_tables[m], &from_prose[m]);
      ReadoutCandidate merged;

      extraction->figures[m] = readout_figure_new (m);
      if (chosen == &from_tables[m])
        {
          merged = with_stated_change (&from_tables[m], &from_prose[m]);
          chosen = &merged;
        }
      if (chosen != NULL)
        fill_figure (extraction->figures[m], chosen, content, extraction->prior_period);
    }

  return TRUE;
}
