/* readout-amount.c: amounts as readers type them and as the window shows them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "readout-amount.h"

static const struct { const char *word; double factor; } scale_words[] = {
  { "thousand", 1e3 }, { "k", 1e3 }, { "million", 1e6 }, { "mn", 1e6 }, { "mm", 1e6 },
  { "m", 1e6 }, { "billion", 1e9 }, { "bn", 1e9 }, { "b", 1e9 }, { "trillion", 1e12 },
};

static const char *
skip_blanks (const char *p)
{
  while (*p == ' ' || *p == '\t' || (guchar) p[0] == 0xC2 /* NBSP */)
    p += (guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0 ? 2 : 1;
  return p;
}

/* Currency marks a reader may type before or after the number. */
static const char *
skip_currency (const char *p)
{
  static const char * const marks[] = {
    "US$", "C$", "A$", "$", "\xE2\x82\xAC" /* € */, "\xC2\xA3" /* £ */,
    "USD", "EUR", "CAD", "GBP", "CHF",
  };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (g_str_has_prefix (p, marks[i]))
      return skip_blanks (p + strlen (marks[i]));
  return p;
}

gboolean
readout_amount_parse_input (const char *text,
                            double     *value)
{
  g_autofree char *digits = NULL;
  const char *p;
  gboolean negative = FALSE, parens = FALSE, seen_digit = FALSE, seen_point = FALSE;
  GString *number;
  double result;
  char *end;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  p = skip_blanks (text);
  if (*p == '(')
    {
      parens = TRUE;
      p = skip_blanks (p + 1);
    }
  if (*p == '-' || g_str_has_prefix (p, "\xE2\x88\x92") /* − */)
    {
      negative = TRUE;
      p = skip_blanks (p + (*p == '-' ? 1 : 3));
    }
  p = skip_currency (p);
  if (!parens && !negative && *p == '-')
    {
      negative = TRUE;
      p = skip_blanks (p + 1);
    }

  number = g_string_new (NULL);
  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (number, *p);
          seen_digit = TRUE;
        }
      else if (*p == '.' && !seen_point)
        {
          g_string_append_c (number, '.');
          seen_point = TRUE;
        }
      else if (*p == ',' && seen_digit && !seen_point &&
               g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) &&
               !g_ascii_isdigit (p[4]))
        ; /* a thousands separator */
      else if (*p == ',' && seen_digit && !seen_point && g_ascii_isdigit (p[1]) &&
               (!g_ascii_isdigit (p[2]) || !g_ascii_isdigit (p[3])))
        {
          /* "2,2m" as a German reader types it: a decimal comma */
          g_string_append_c (number, '.');
          seen_point = TRUE;
        }
      else
        break;
    }
  digits = g_string_free (number, FALSE);
  if (!seen_digit)
    return FALSE;

  result = g_ascii_strtod (digits, &end);
  if (*end != '\0' || !isfinite (result))
    return FALSE;

  p = skip_blanks (p);
  /* "($4.8) million" closes before the scale, "(3.1 million)" after it. */
  if (parens && *p == ')')
    {
      parens = FALSE;
      negative = TRUE;
      p = skip_blanks (p + 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (scale_words); i++)
    {
      gsize n = strlen (scale_words[i].word);
      if (g_ascii_strncasecmp (p, scale_words[i].word, n) == 0 && !g_ascii_isalpha (p[n]))
        {
          result *= scale_words[i].factor;
          p = skip_blanks (p + n);
          break;
        }
    }
  p = skip_currency (p);
  if (parens)
    {
      if (*p != ')')
        return FALSE;
      p = skip_blanks (p + 1);
    }
  if (*p != '\0')
    return FALSE;

  /* Typed amounts are decimal: keep what the reader wrote, not binary noise
   * (past 1e302 the product overflows, and there is no noise to remove). */
  if (isfinite (result * 1e6))
    result = round (result * 1e6) / 1e6;
  /* A scale word can overflow what the digits alone did not. */
  if (!isfinite (result))
    return FALSE;
  *value = (negative || parens) ? -result : result;
  if (*value == 0)
    *value = 0;   /* no "-0" */
  return TRUE;
}

const char *
readout_amount_currency_symbol (const char *currency)
{
  if (currency == NULL || g_str_has_prefix (currency, "USD"))
    return "$";
  if (g_str_has_prefix (currency, "EUR"))
    return "\xE2\x82\xAC";
  if (g_str_has_prefix (currency, "GBP"))
    return "\xC2\xA3";
  if (g_str_has_prefix (currency, "CAD"))
    return "C$";
  return NULL;
}

char *
readout_amount_format_short (double           value,
                             ReadoutUnitKind  kind,
                             const char      *currency,
                             gboolean         localized)
{
  const char *sign = value < 0 ? "\xE2\x88\x92" : "";
  const char *suffix = "";
  const char *symbol = readout_amount_currency_symbol (currency);
  g_autofree char *code = NULL;
  double magnitude = fabs (value);
  /* Room for any double in %f: a typed amount can have 300 digits. */
  char number[G_ASCII_DTOSTR_BUF_SIZE + DBL_MAX_10_EXP];
  int decimals;

  if (kind == READOUT_UNIT_KIND_PER_SHARE)
    decimals = 2;
  else if (magnitude >= 1e9)
    {
      magnitude /= 1e9;
      suffix = "B";
      decimals = magnitude >= 100 ? 0 : 1;
    }
  else if (magnitude >= 1e6)
    {
      magnitude /= 1e6;
      suffix = "M";
      decimals = magnitude >= 100 ? 0 : 1;
    }
  else if (magnitude >= 1e4)
    {
      magnitude /= 1e3;
      suffix = "K";
      decimals = magnitude >= 100 ? 0 : 1;
    }
  else
    decimals = magnitude == floor (magnitude) ? 0 : 2;

  /* Show a digit more when rounding would hide it: $2.25M, not $2.3M. */
  if (decimals == 1 && fabs (magnitude * 10 - round (magnitude * 10)) > 1e-6 && magnitude < 100)
    decimals = 2;

  if (localized)
    g_snprintf (number, sizeof number, "%.*f", decimals, magnitude);
  else
    g_ascii_formatd (number, sizeof number, decimals == 0 ? "%.0f" : decimals == 1 ? "%.1f" : "%.2f", magnitude);

  if (kind == READOUT_UNIT_KIND_SHARES)
    return g_strdup_printf ("%s%s%s", sign, number, suffix);
  if (symbol == NULL)
    {
      code = g_strndup (currency, 3);
      return g_strdup_printf ("%s%s %s%s", sign, code, number, suffix);
    }
  return g_strdup_printf ("%s%s%s%s", sign, symbol, number, suffix);
}
