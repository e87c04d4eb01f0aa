/* DEV ONLY (not committed): fake figures for the UI. */
#include "config.h"
#include <string.h>
#include "readout-extract.h"
#include "readout-figure.h"

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

static void
fake (ReadoutExtraction *e, ReadoutText *text, int m, const char *needle, double cur, gboolean hp, double prior)
{
  gsize len; const char *t = readout_text_get_text (text, &len);
  const char *p = g_strstr_len (t, len, needle);
  readout_figure_set_current (e->figures[m], cur, 0);
  if (hp) readout_figure_set_prior (e->figures[m], prior, 0);
  if (p) { const char *end = strchr (p, '.'); while (end && end[1] && g_ascii_isdigit(end[1])) end = strchr (end+1, '.');
    if (!end) end = p + strlen (p);
    g_autofree char *s = g_strndup (p, end - p);
    readout_figure_set_source (e->figures[m], s, p - t, end - t + 1); }
}

gboolean
readout_extract (ReadoutText *text, ReadoutExtraction *e, GCancellable *c, GError **error)
{
  for (guint i = 0; i < READOUT_N_CATALOGUE_METRICS; i++)
    e->figures[i] = readout_figure_new (i);
  e->company = g_strdup ("Cellecstar Biosciences, Inc.");
  e->period = g_strdup ("Q2 2017");
  e->prior_period = g_strdup ("Q2 2016");
  fake (e, text, 1, "Research and development expenses were", 2200000, TRUE, 1000000);
  readout_figure_set_flags (e->figures[1], READOUT_FIGURE_FLAGS_PRIOR_DERIVED);
  fake (e, text, 2, "General and administrative expenses totaled", 1000000, TRUE, 1300000);
  fake (e, text, 4, "Research and development expenses were", 3200000, TRUE, 2300000);
  fake (e, text, 5, "June 30, 2017, while", -3200000, TRUE, -2300000);
  fake (e, text, 6, "Net loss for second quarter", -3100000, TRUE, -2200000);
  fake (e, text, 7, "Net loss for second quarter", -0.23, TRUE, -0.31);
  fake (e, text, 8, "As of June 30, 2017", 8300000, TRUE, 11400000);
  return TRUE;
}
