/* readout-scan.c: the numbers of a release, and which of them are money.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "readout-scan.h"
#include "readout-util.h"

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}


static const char *
skip_spaces (const char *p,
             const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  return p;
}

static const struct { const char *name; int month; } month_names[] = {
  { "january", 1 }, { "february", 2 }, { "march", 3 }, { "april", 4 },
  { "may", 5 }, { "june", 6 }, { "july", 7 }, { "august", 8 },
  { "september", 9 }, { "october", 10 }, { "november", 11 }, { "december", 12 },
  { "sept.", 9 }, { "jan.", 1 }, { "feb.", 2 }, { "mar.", 3 }, { "apr.", 4 },
  { "jun.", 6 }, { "jul.", 7 }, { "aug.", 8 }, { "sep.", 9 }, { "oct.", 10 },
  { "nov.", 11 }, { "dec.", 12 },
  { "sept", 9 }, { "jan", 1 }, { "feb", 2 }, { "mar", 3 }, { "apr", 4 },
  { "jun", 6 }, { "jul", 7 }, { "aug", 8 }, { "sep", 9 }, { "oct", 10 },
  { "nov", 11 }, { "dec", 12 },
};

int
readout_scan_month (const char *p,
                    const char *end,
                    gsize      *len)
{
  /* Most words start with a letter no month starts with. */
  if (p >= end || strchr ("jfmasondJFMASOND", *p) == NULL || *p == '\0')
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    {
      gsize n;

      if ((*p | 0x20) != month_names[i].name[0])
        continue;
      n = strlen (month_names[i].name);
      if ((gsize) (end - p) >= n && g_ascii_strncasecmp (p, month_names[i].name, n) == 0 &&
          (p + n == end || !g_ascii_isalpha (p[n]) || month_names[i].name[n - 1] == '.'))
        {
          *len = n;
          return month_names[i].month;
        }
    }
  return 0;
}

int
readout_scan_year (const char *p,
                   const char *start,
                   const char *end)
{
  int year;

  if (end - p < 4 || (p > start && (is_word_char (p[-1]) || p[-1] == '.' || p[-1] == ',' || p[-1] == '$')))
    return 0;
  for (int i = 0; i < 4; i++)
    if (!g_ascii_isdigit (p[i]))
      return 0;
  if (p + 4 < end && (is_word_char (p[4]) || (p[4] == ',' && p + 5 < end && g_ascii_isdigit (p[5])) ||
                      (p[4] == '.' && p + 5 < end && g_ascii_isdigit (p[5]))))
    return 0;
  year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
  return year >= 1950 && year <= 2099 ? year : 0;
}

gsize
readout_scan_date (const char *p,
                   const char *end,
                   int        *year,
                   int        *month,
                   int        *day)
{
  const char *q;
  gsize n;
  int m, d = 0, y;

  /* ISO: 2017-06-30 */
  if (end - p >= 10 && g_ascii_isdigit (p[0]) && p[4] == '-' && p[7] == '-')
    {
      y = readout_scan_year (p, p, p + 4);
      m = (p[5] - '0') * 10 + (p[6] - '0');
      d = (p[8] - '0') * 10 + (p[9] - '0');
      if (y && m >= 1 && m <= 12 && d >= 1 && d <= 31)
        {
          *year = y, *month = m, *day = d;
          return 10;
        }
      return 0;
    }

  m = readout_scan_month (p, end, &n);
  if (m == 0)
    return 0;
  q = skip_spaces (p + n, end);
  while (q < end && g_ascii_isdigit (*q) && d < 100)
    d = d * 10 + (*q++ - '0');
  if (d < 1 || d > 31)
    return 0;
  if (q < end && *q == ',')
    q++;
  q = skip_spaces (q, end);
  y = readout_scan_year (q, q, end);
  if (y == 0)
    return 0;
  *year = y, *month = m, *day = d;
  return (q + 4) - p;
}

static const struct { const char *word; double factor; } scale_words[] = {
  { "million", 1e6 }, { "billion", 1e9 }, { "thousand", 1e3 }, { "trillion", 1e12 },
  { "mm", 1e6 }, { "mn", 1e6 }, { "bn", 1e9 }, { "m", 1e6 }, { "b", 1e9 }, { "k", 1e3 },
};

typedef struct
{
  const char *mark;
  const char *code;
} CurrencyMark;

static const CurrencyMark prefix_marks[] = {
  { "US$", "USD" }, { "C$", "CAD" }, { "CA$", "CAD" }, { "A$", "AUD" },
  { "$", "USD" }, { "\xE2\x82\xAC", "EUR" }, { "\xC2\xA3", "GBP" },
  { "USD", "USD" }, { "CAD", "CAD" }, { "EUR", "EUR" }, { "GBP", "GBP" },
  { "CHF", "CHF" }, { "AUD", "AUD" },
};

/* A currency mark ending right before @p (allowing one space after a
 * three-letter code). */
static const CurrencyMark *
currency_before (const char *start,
                 const char *p,
                 const char **mark_start)
{
  const char *q = p;

  if (q > start && q[-1] == ' ')
    q--;
  /* Most numbers have no mark: every mark ends in one of these bytes
   * ("$", the last bytes of "€" and "£", the last letters of the codes). */
  if (!(p > start && (p[-1] == '$' || p[-1] == '\xAC' || p[-1] == '\xA3')) &&
      !(q > start && (q[-1] == 'D' || q[-1] == 'R' || q[-1] == 'P' || q[-1] == 'F')))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (prefix_marks); i++)
    {
      gsize n = strlen (prefix_marks[i].mark);
      gboolean letters = g_ascii_isalpha (prefix_marks[i].mark[n - 1]);
      const char *at = (letters ? q : p) - n;

      if (at < start || strncmp (at, prefix_marks[i].mark, n) != 0)
        continue;
      /* "USD" must be a word of its own; "$" right before the digits. */
      if (letters && at > start && g_ascii_isalpha (at[-1]))
        continue;
      if (!letters && q != p && prefix_marks[i].mark[0] != '$')
        continue;
      /* "C$": the C must not end a word ("ABC$"). */
      if (at > start && g_ascii_isalpha (at[-1]) && prefix_marks[i].mark[0] != '$' && !letters)
        continue;
      *mark_start = at;
      return &prefix_marks[i];
    }
  return NULL;
}

/* The value of the digits (and one point) in @buf, as g_ascii_strtod()
 * would give it, without its cost for the usual short numbers: up to 15
 * digits are an exact integer, and one division by an exact power of ten
 * rounds correctly. */
static double
exact_decimal (const char *buf,
               gsize       n,
               int         decimals)
{
  static const double powers[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
                                   1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
  guint64 digits = 0;
  guint count = 0;

  for (gsize i = 0; i < n; i++)
    if (buf[i] != '.')
      {
        digits = digits * 10 + (guint64) (buf[i] - '0');
        count++;
      }
  if (count > 15 || decimals > 15)
    return g_ascii_strtod (buf, NULL);
  return (double) digits / powers[decimals];
}

/* Reads digits with thousands separators and a decimal point from @p.
 * Returns the end, or @p when there is no number. */
static const char *
read_number (const char *p,
             const char *end,
             double     *value,
             int        *decimals)
{
  char buf[64];
  gsize n = 0;
  const char *q = p;
  gboolean point = FALSE;

  *decimals = 0;
  while (q < end && n < sizeof buf - 1)
    {
      if (g_ascii_isdigit (*q))
        {
          buf[n++] = *q;
          if (point)
            (*decimals)++;
          q++;
        }
      else if (*q == ',' && !point && n > 0 && q + 3 < end + 0 &&
               g_ascii_isdigit (q[1]) && g_ascii_isdigit (q[2]) && g_ascii_isdigit (q[3]) &&
               (q + 4 >= end || !g_ascii_isdigit (q[4])))
        q++;
      else if (*q == ',' && !point && n > 0 && q + 3 == end &&
               g_ascii_isdigit (q[1]) && g_ascii_isdigit (q[2]))
        break;
      else if (*q == '.' && !point && q + 1 < end && g_ascii_isdigit (q[1]))
        {
          point = TRUE;
          buf[n++] = '.';
          q++;
        }
      else
        break;
    }
  if (n == 0 || (n == 1 && buf[0] == '.'))
    return p;
  buf[n] = '\0';
  *value = exact_decimal (buf, n, *decimals);
  return q;
}

static gboolean
followed_by (const char *p,
             const char *end,
             const char *phrase)
{
  p = skip_spaces (p, end);
  return readout_word_at (p, end, phrase);
}

static const guint8 may_start_number[256] = {
  ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
  ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['.'] = 1,
};

/* The first byte of [p, end) that may start a number ("0".."9", ".").
 * Eight bytes at a time: a word holds one when a byte lies in
 * 0x2E..0x39 (".", "/" and the digits; "/" is sorted out byte by byte). */
static const char *
skip_to_number (const char *p,
                const char *end)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 lows = G_GUINT64_CONSTANT (0x7F7F7F7F7F7F7F7F);

  while (end - p >= 8)
    {
      guint64 x, low, above, below;

      memcpy (&x, p, 8);
      low = x & lows;
      /* Per byte, bit 7 set when the byte (high bit aside) is > 0x2D and
       * < 0x3A, and the byte itself has no high bit. */
      above = low + ones * (0x7F - 0x2D);
      below = ones * (0x7F + 0x3A) - low;
      if ((above & below & ~x & highs) != 0)
        break;
      p += 8;
    }
  while (p < end && !may_start_number[(guint8) *p])
    p++;
  return p;
}

void
readout_scan_amounts (const char *text,
                      gsize       len,
                      GArray     *amounts)
{
  const char *end = text + len;

  for (const char *p = text; p < end; p++)
    {
      ReadoutAmount amount;
      const CurrencyMark *currency;
      const char *start, *mark_start = NULL, *q;
      gboolean paren_before = FALSE, paren_after_mark = FALSE;
      double value, factor = 1;
      int decimals;

      /* Most bytes start no number: pass them eight at a time. */
      p = skip_to_number (p, end);
      if (p >= end)
        break;
      if (!g_ascii_isdigit (*p) && !(*p == '.' && p + 1 < end && g_ascii_isdigit (p[1])))
        continue;
      if (p > text && (g_ascii_isdigit (p[-1]) || p[-1] == '.' || p[-1] == ','))
        continue;
      /* Cleared only here: most bytes start no number. */
      memset (&amount, 0, sizeof amount);

      start = p;
      /* "$(0.23)": parenthesis between the mark and the digits. */
      if (start > text && start[-1] == '(')
        {
          currency = currency_before (text, start - 1, &mark_start);
          if (currency != NULL)
            paren_after_mark = TRUE;
        }
      else
        currency = currency_before (text, start, &mark_start);

      q = read_number (p, end, &value, &decimals);
      if (q == p)
        continue;

      if (currency == NULL)
        {
          /* "9 cents per share" is the only money without a mark. */
          if (followed_by (q, end, "cents") && decimals == 0 && value < 100)
            {
              const char *c = skip_spaces (q, end) + 5;
              amount.start = p - text;
              amount.end = c - text;
              amount.value = value / 100.0;
              amount.tolerance = 0.005;
              strcpy (amount.currency, "USD");
              amount.cents = TRUE;
              if (followed_by (c, end, "per"))
                amount.per_share = TRUE;
              g_array_append_val (amounts, amount);
              p = c - 1;
            }
          else
            p = q - 1;
          continue;
        }

      /* "($4.8) million" */
      if (!paren_after_mark && mark_start > text && mark_start[-1] == '(')
        paren_before = TRUE;

      amount.start = (paren_before ? mark_start - 1 : mark_start) - text;

      if ((paren_before || paren_after_mark) && q < end && *q == ')')
        {
          amount.negative = TRUE;
          q++;
        }
      else if (mark_start > text && mark_start[-1] == '-' &&
               (mark_start - 1 == text || !g_ascii_isalnum (mark_start[-2])))
        amount.negative = TRUE;

      /* Scale words: "2.2 million", "$109.4M", "$5mm". */
      {
        const char *s = skip_spaces (q, end);
        for (guint i = 0; i < G_N_ELEMENTS (scale_words); i++)
          {
            gsize n = strlen (scale_words[i].word);
            gboolean short_form = n <= 2;
            /* A one-letter scale must touch the number ("$109.4M"). */
            if (short_form && s != q)
              continue;
            if ((gsize) (end - s) >= n && g_ascii_strncasecmp (s, scale_words[i].word, n) == 0 &&
                (s + n == end || !g_ascii_isalpha (s[n])))
              {
                factor = scale_words[i].factor;
                q = s + n;
                break;
              }
          }
      }

      /* "($5mm)" with the parenthesis after the scale is an aside; only
       * "($4.8) million" and "$(0.23)" are negatives. */

      amount.end = q - text;
      amount.value = (amount.negative ? -value : value) * factor;
      amount.tolerance = 0.5 * pow (10, -decimals) * factor;
      memcpy (amount.currency, currency->code, 4);

      /* "per share", "per basic share", "per basic and diluted share",
       * "per diluted share", "per common share", "per ADS". */
      {
        const char *s = skip_spaces (q, end);
        if (readout_word_at (s, end, "per"))
          {
            const char *w = skip_spaces (s + 3, end);
            gboolean diluted = FALSE, basic = FALSE;
            for (int i = 0; i < 5 && w < end; i++)
              {
                if (readout_word_at (w, end, "share") || readout_word_at (w, end, "shares"))
                  {
                    amount.per_share = TRUE;
                    break;
                  }
                if (readout_word_at (w, end, "diluted"))
                  diluted = TRUE;
                else if (readout_word_at (w, end, "basic"))
                  basic = TRUE;
                else if (!readout_word_at (w, end, "and") && !readout_word_at (w, end, "common") &&
                         !readout_word_at (w, end, "weighted") && !readout_word_at (w, end, "average"))
                  break;
                while (w < end && *w != ' ')
                  w++;
                w = skip_spaces (w, end);
              }
            amount.diluted_only = amount.per_share && diluted && !basic;
          }
      }

      g_array_append_val (amounts, amount);
      p = q - 1;
    }
}

gboolean
readout_scan_cell_number (const char *cell,
                          double     *value,
                          int        *decimals)
{
  const char *end = cell + strlen (cell);
  const char *p = cell, *q;
  gboolean negative = FALSE;
  double v;

  p = skip_spaces (p, end);
  while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  if (p == end)
    return FALSE;

  /* A dash alone is zero: "-", "—", "–". */
  if ((end - p == 1 && *p == '-') ||
      (end - p == 3 && (memcmp (p, "\xE2\x80\x94", 3) == 0 || memcmp (p, "\xE2\x80\x93", 3) == 0)) ||
      (end - p == 2 && memcmp (p, "--", 2) == 0))
    {
      *value = 0;
      *decimals = 0;
      return TRUE;
    }

  if (*p == '(')
    {
      negative = TRUE;
      p = skip_spaces (p + 1, end);
    }
  if (*p == '$')
    p = skip_spaces (p + 1, end);
  if (*p == '(' && !negative)
    {
      negative = TRUE;
      p = skip_spaces (p + 1, end);
    }
  if (*p == '-')
    {
      negative = TRUE;
      p = skip_spaces (p + 1, end);
    }
  q = read_number (p, end, &v, decimals);
  if (q == p)
    return FALSE;
  q = skip_spaces (q, end);
  if (q < end && *q == ')')
    q = skip_spaces (q + 1, end);
  /* Footnote marks: "1,234 (1)" or "1,234*". */
  if (q < end && *q == '*')
    q++;
  if (q != end)
    return FALSE;
  *value = negative ? -v : v;
  return TRUE;
}
