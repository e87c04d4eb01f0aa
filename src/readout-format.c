/* readout-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "readout-amount.h"
#include "readout-format.h"
#include "readout-metric.h"

#define MINUS "\xE2\x88\x92"

char *
readout_format_full (double           value,
                     ReadoutUnitKind  kind,
                     const char      *currency)
{
  struct lconv *lc = localeconv ();
  const char *group = lc->thousands_sep != NULL && lc->thousands_sep[0] != '\0' ? lc->thousands_sep : ",";
  const char *point = lc->decimal_point != NULL && lc->decimal_point[0] != '\0' ? lc->decimal_point : ".";
  const char *symbol = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *code = NULL;
  GString *out = g_string_new (NULL);
  double magnitude = fabs (value);
  const char *dot;
  int decimals;
  gsize int_len;

  if (strcmp (group, point) == 0)
    group = g_str_equal (point, ",") ? "." : ",";

  if (kind == READOUT_UNIT_KIND_PER_SHARE)
    decimals = 2;
  else if (fabs (magnitude - round (magnitude)) < 1e-6)
    decimals = 0;
  else
    decimals = 2;
  if (kind == READOUT_UNIT_KIND_PER_SHARE &&
      fabs (magnitude * 100 - round (magnitude * 100)) > 1e-6)
    decimals = 4;

  digits = g_strdup_printf ("%.*f", decimals, magnitude);
  /* %f wrote the locale's decimal mark; find the integer digits. */
  for (dot = digits; g_ascii_isdigit (*dot); dot++)
    ;
  int_len = dot - digits;

  if (value < 0 && round (magnitude * 10000) != 0)
    g_string_append (out, MINUS);
  if (kind != READOUT_UNIT_KIND_SHARES)
    {
      symbol = readout_amount_currency_symbol (currency);
      if (symbol != NULL)
        g_string_append (out, symbol);
      else
        {
          code = g_strndup (currency, 3);
          g_string_append_printf (out, "%s ", code);
        }
    }
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append (out, group);
      g_string_append_c (out, digits[i]);
    }
  if (decimals > 0)
    {
      g_string_append (out, point);
      g_string_append (out, dot + strlen (dot) - decimals);
    }
  return g_string_free (out, FALSE);
}

char *
readout_format_amount (double              value,
                       ReadoutUnitKind     kind,
                       const char         *currency,
                       ReadoutNumberStyle  style)
{
  if (style == READOUT_NUMBER_STYLE_FULL)
    return readout_format_full (value, kind, currency);
  return readout_amount_format_short (value, kind, currency, TRUE);
}

ReadoutUnitKind
readout_format_unit_kind (ReadoutFigure *figure)
{
  const char *unit;

  if (readout_figure_get_metric (figure) != READOUT_METRIC_CUSTOM)
    return readout_metric_unit_kind (readout_figure_get_metric (figure));
  unit = readout_figure_get_unit (figure);
  if (g_strcmp0 (unit, "shares") == 0)
    return READOUT_UNIT_KIND_SHARES;
  if (unit != NULL && strstr (unit, "/share") != NULL)
    return READOUT_UNIT_KIND_PER_SHARE;
  return READOUT_UNIT_KIND_MONEY;
}

char *
readout_format_figure_value (ReadoutFigure      *figure,
                             gboolean            prior,
                             ReadoutNumberStyle  style)
{
  gboolean known = prior ? readout_figure_get_has_prior (figure) : readout_figure_get_has_current (figure);
  double value = prior ? readout_figure_get_prior (figure) : readout_figure_get_current (figure);

  if (!known)
    return g_strdup ("");
  return readout_format_amount (value, readout_format_unit_kind (figure),
                                readout_figure_get_unit (figure), style);
}

char *
readout_format_figure_change (ReadoutFigure      *figure,
                              ReadoutNumberStyle  style)
{
  g_autofree char *formatted = NULL;
  double change;

  if (!readout_figure_get_change (figure, &change))
    return g_strdup ("");
  formatted = readout_format_amount (change, readout_format_unit_kind (figure),
                                     readout_figure_get_unit (figure), style);
  if (change > 0)
    return g_strconcat ("+", formatted, NULL);
  return g_steal_pointer (&formatted);
}

char *
readout_format_figure_change_percent (ReadoutFigure *figure)
{
  double percent;

  if (!readout_figure_get_change_percent (figure, &percent))
    return g_strdup ("");
  percent = round (percent * 10) / 10;
  if (percent == 0)
    /* Translators: a change in percent; keep the tabular layout */
    return g_strdup_printf (_("%.1f%%"), 0.0);
  return g_strdup_printf (percent > 0 ? _("+%.1f%%") : _("−%.1f%%"), fabs (percent));
}

const char *
readout_format_status (ReadoutStatus status)
{
  switch (status)
    {
    case READOUT_STATUS_EXTRACTED: return C_("status", "Extracted");
    case READOUT_STATUS_CONFIRMED: return C_("status", "Confirmed");
    case READOUT_STATUS_EDITED: return C_("status", "Edited");
    case READOUT_STATUS_ADDED: return C_("status", "Added");
    default: return "";
    }
}
