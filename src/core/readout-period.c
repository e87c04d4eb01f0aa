/* readout-period.c: the reporting period and the company of a release.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "readout-period.h"
#include "readout-scan.h"
#include "readout-util.h"

/* The lead of a release (title, dateline, first paragraphs) names its
 * period; later text mentions other periods too. */
#define LEAD_LEN 1500
#define VOTE_LEN (64 * 1024)

static const char * const ordinals[] = { "first", "second", "third", "fourth" };


static const char *
next_word (const char *p,
           const char *end)
{
  while (p < end && (g_ascii_isalnum (*p) || *p == '.' || *p == '\''))
    p++;
  while (p < end && (*p == ' ' || *p == ',' || *p == '-' || *p == '\n'))
    p++;
  return p;
}

/* Every mention of a period votes; the lead (title, dateline, first
 * paragraph) counts more than the rest, which also names other periods. */
#define LEAD_WEIGHT 3

typedef struct
{
  GArray *named;             /* Named, in text order */
  int dated_votes[5];        /* quarters told by "three months ended <date>" */
  int year_votes;            /* "fiscal 2021", "full year", "year ended" */
  GHashTable *quarter_years; /* year -> votes, for quarter mentions */
  int fiscal_quarter;        /* a quarter mention said "fiscal" */
  int max_fiscal_year;
  int fiscal_year_end_year;  /* "fiscal year ends July 31, 2006" */
  int end_year, end_month, end_day;
  int end_weight;
} Votes;

/* "third quarter of 2010", "Q4 FY26", "second fiscal 1993 quarter" */
typedef struct
{
  int      quarter;
  int      year;      /* 0 when not said */
  gboolean fiscal;
  int      weight;
} Named;

static void
add_named (Votes    *votes,
           int       quarter,
           int       year,
           gboolean  fiscal,
           int       weight)
{
  Named named = { quarter, year, fiscal, weight };
  g_array_append_val (votes->named, named);
}

/* "2026", "26", "'26" after "FY": a year, or 0. */
static int
fiscal_year_at (const char *p,
                const char *end)
{
  int y = 0, digits = 0;

  while (p < end && (*p == ' ' || *p == '\''))
    p++;
  while (p + digits < end && g_ascii_isdigit (p[digits]) && digits < 5)
    y = y * 10 + (p[digits++] - '0');
  if (p + digits < end && g_ascii_isalnum (p[digits]))
    return 0;
  if (digits == 2)
    return 2000 + y;
  return digits == 4 && y >= 1950 && y <= 2099 ? y : 0;
}

static void
vote_year (Votes *votes,
           int    year,
           int    weight)
{
  gpointer key = GINT_TO_POINTER (year);
  if (year == 0)
    return;
  g_hash_table_insert (votes->quarter_years, key,
                       GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (votes->quarter_years, key)) + weight));
}

/* Reads a date after "ended" within a few words. */
static gboolean
read_end_date (const char *p,
               const char *end,
               int        *year,
               int        *month,
               int        *day)
{
  for (int i = 0; i < 6 && p < end; i++)
    {
      if (readout_scan_date (p, end, year, month, day) > 0)
        return TRUE;
      p = next_word (p, end);
    }
  return FALSE;
}

static void
vote_end_date (Votes      *votes,
               const char *p,
               const char *end,
               int         weight)
{
  int y, m, d;

  if (!read_end_date (p, end, &y, &m, &d))
    return;
  if (weight > votes->end_weight || votes->end_year == 0)
    {
      votes->end_year = y, votes->end_month = m, votes->end_day = d;
      votes->end_weight = weight;
    }
  vote_year (votes, y, weight);
}

/* Can a period phrase of scan_votes() start at @p?  Its first three
 * bytes, lowered, are those of "first", "second", "third", "fourth",
 * "three months", "quarter ended", "13 weeks", "fiscal", "twelve months"
 * or "full year". */
static gboolean
starts_period_phrase (const char *p,
                      const char *end)
{
  static const char beginnings[][4] = {
    "fir", "sec", "thi", "fou", "thr", "qua", "13 ", "fis", "twe", "ful",
  };

  if (end - p < 3)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (beginnings); i++)
    if ((p[0] | 0x20) == beginnings[i][0] && (p[1] | 0x20) == beginnings[i][1] &&
        (p[2] | 0x20) == beginnings[i][2])
      return TRUE;
  return FALSE;
}

static void
scan_votes (const char *text,
            const char *end,
            const char *lead_end,
            Votes      *votes)
{
  for (const char *p = text; p < end; p++)
    {
      int weight = p < lead_end ? LEAD_WEIGHT : 1;

      if (p > text && g_ascii_isalnum (p[-1]))
        continue;
      /* Every phrase below is "Q1".."Q4" or starts with one of a few
       * three-letter beginnings: pass other words at once. */
      if (!((*p == 'Q' || *p == 'q') && p + 1 < end && p[1] >= '1' && p[1] <= '4') &&
          !starts_period_phrase (p, end))
        continue;

      /* A named quarter ("third quarter", "Q3") counts twice a quarter
       * told by its end date, which is wrong for off-calendar years. */

      /* Q1..Q4, "Q3 2016", "Q3 FY2024" */
      if ((*p == 'Q' || *p == 'q') && p + 1 < end && p[1] >= '1' && p[1] <= '4' &&
          (p + 2 == end || !g_ascii_isalnum (p[2])))
        {
          const char *q = p + 2;
          int quarter = p[1] - '0';
          while (q < end && *q == ' ')
            q++;
          if (q + 2 < end && g_ascii_strncasecmp (q, "FY", 2) == 0)
            add_named (votes, quarter, fiscal_year_at (q + 2, end), TRUE, weight);
          else if (readout_word_at (q, end, "fiscal"))
            add_named (votes, quarter, fiscal_year_at (next_word (q, end), end), TRUE, weight);
          else
            {
              int y = readout_scan_year (q, q, end);
              add_named (votes, quarter, y, FALSE, weight);
              vote_year (votes, y, weight);
            }
          continue;
        }

      for (int i = 0; i < 4; i++)
        {
          const char *q;
          gboolean fiscal = FALSE;
          int y = 0;

          if (!readout_word_at (p, end, ordinals[i]))
            continue;
          q = next_word (p, end);
          /* "second fiscal 1993 quarter", "third fiscal quarter" */
          if (readout_word_at (q, end, "fiscal"))
            {
              fiscal = TRUE;
              q = next_word (q, end);
              y = readout_scan_year (q, q, end);
              if (y)
                q = next_word (q, end);
            }
          if (!readout_word_at (q, end, "quarter") && !readout_word_at (q, end, "quarters"))
            break;
          q = next_word (q, end);
          /* "quarter and full year 2021", "quarter of fiscal 2021" */
          if (readout_word_at (q, end, "and"))
            {
              const char *r = q;
              for (int k = 0; k < 4 && r < end && !readout_scan_year (r, r, end); k++)
                r = next_word (r, end);
              if (readout_scan_year (r, r, end))
                q = r;
            }
          if (readout_word_at (q, end, "of"))
            q = next_word (q, end);
          if (readout_word_at (q, end, "fiscal"))
            {
              fiscal = TRUE;
              q = next_word (q, end);
              if (readout_word_at (q, end, "year"))
                q = next_word (q, end);
            }
          if (y == 0)
            y = readout_scan_year (q, q, end);
          add_named (votes, i + 1, y, fiscal, weight);
          if (!fiscal)
            vote_year (votes, y, weight);
          if (readout_word_at (q, end, "ended") || readout_word_at (q, end, "ending"))
            vote_end_date (votes, q, end, weight);
          break;
        }

      if (readout_word_at (p, end, "three months") || readout_word_at (p, end, "three-month") ||
          readout_word_at (p, end, "three month") || readout_word_at (p, end, "quarter ended") ||
          readout_word_at (p, end, "13 weeks") || readout_word_at (p, end, "thirteen weeks"))
        {
          int y, m, d;
          const char *q = next_word (next_word (p, end), end);
          if (read_end_date (q, end, &y, &m, &d))
            {
              votes->dated_votes[(m + 2) / 3] += weight;
              vote_end_date (votes, q, end, weight + 1);
            }
        }

      if (readout_word_at (p, end, "fiscal year ended") || readout_word_at (p, end, "twelve months ended") ||
          readout_word_at (p, end, "full year") || readout_word_at (p, end, "full-year"))
        {
          votes->year_votes += weight;
          if (readout_word_at (p, end, "fiscal year ended"))
            vote_end_date (votes, p, end, weight);
        }

      if (readout_word_at (p, end, "fiscal year ends") || readout_word_at (p, end, "fiscal year ending"))
        {
          int y, m, d;
          if (read_end_date (next_word (next_word (p, end), end), end, &y, &m, &d))
            votes->fiscal_year_end_year = y;
        }

      if (readout_word_at (p, end, "fiscal"))
        {
          const char *q = next_word (p, end);
          int y = readout_scan_year (q, q, end);
          if (y)
            {
              votes->max_fiscal_year = MAX (votes->max_fiscal_year, y);
              /* "its fiscal 2021 financial results"; not "quarter of fiscal
               * 2021" nor "the fiscal 1993 quarter" */
              if (!(p - text >= 3 && g_ascii_strncasecmp (p - 3, "of ", 3) == 0) &&
                  !readout_word_at (next_word (q, end), end, "quarter"))
                votes->year_votes += weight;
            }
        }
    }
}

void
readout_period_find (const char    *text,
                     gsize          len,
                     ReadoutPeriod *period)
{
  Votes votes = { 0 };
  int best = 0, best_quarter_votes = 0;
  int fiscal_year = 0, fiscal_year_votes = 0;
  GHashTableIter iter;
  gpointer key, value;
  int year = 0, year_votes = 0;

  memset (period, 0, sizeof *period);
  votes.quarter_years = g_hash_table_new (NULL, NULL);
  votes.named = g_array_new (FALSE, FALSE, sizeof (Named));

  /* A release states its period early; a huge file is not read whole. */
  scan_votes (text, text + MIN (len, VOTE_LEN), text + MIN (len, LEAD_LEN), &votes);

  /* Named quarters decide; quarters told by end dates break ties and
   * stand in when none is named.  A named quarter of another year
   * ("data anticipated in the first quarter of 2027") does not count. */
  {
    int named_votes[5] = { 0 };
    for (guint i = 0; i < votes.named->len; i++)
      {
        const Named *n = &g_array_index (votes.named, Named, i);
        if (n->year == 0 || votes.end_year == 0 ||
            n->year == votes.end_year || (n->fiscal && n->year == votes.end_year + 1))
          named_votes[n->quarter] += n->weight;
      }
    for (int q = 1; q <= 4; q++)
      if (named_votes[q] > named_votes[best] ||
          (named_votes[q] == named_votes[best] && votes.dated_votes[q] > votes.dated_votes[best]))
        best = q;
    if (named_votes[best] == 0)
      for (int q = 1; q <= 4; q++)
        if (votes.dated_votes[q] > votes.dated_votes[best])
          best = q;
    best_quarter_votes = 2 * named_votes[best] + votes.dated_votes[best];

    /* The fiscal year the named quarter belongs to: the one said most. */
    for (guint i = 0; i < votes.named->len; i++)
      {
        const Named *n = &g_array_index (votes.named, Named, i);
        int sum = 0;

        if (n->quarter != best || !n->fiscal)
          continue;
        votes.fiscal_quarter += n->weight;
        /* A fiscal year ends in the calendar year of the quarter's end or
         * the one after; other years are comparisons. */
        if (votes.end_year && n->year && n->year != votes.end_year && n->year != votes.end_year + 1)
          continue;
        for (guint j = 0; j < votes.named->len && n->year; j++)
          {
            const Named *o = &g_array_index (votes.named, Named, j);
            if (o->quarter == best && o->fiscal && o->year == n->year)
              sum += o->weight;
          }
        /* Ties go to the later year: a release compares with the past. */
        if (sum > fiscal_year_votes || (sum == fiscal_year_votes && n->year > fiscal_year))
          {
            fiscal_year = n->year;
            fiscal_year_votes = sum;
          }
      }
    g_debug ("named quarter votes %d %d %d %d, dated %d %d %d %d, year votes %d",
             named_votes[1], named_votes[2], named_votes[3], named_votes[4],
             votes.dated_votes[1], votes.dated_votes[2], votes.dated_votes[3], votes.dated_votes[4],
             votes.year_votes);
  }

  g_hash_table_iter_init (&iter, votes.quarter_years);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_INT (value) > year_votes ||
        (GPOINTER_TO_INT (value) == year_votes && GPOINTER_TO_INT (key) > year))
      {
        year = GPOINTER_TO_INT (key);
        year_votes = GPOINTER_TO_INT (value);
      }
  g_hash_table_unref (votes.quarter_years);
  g_array_unref (votes.named);

  /* A fourth-quarter release names the full year as often as the quarter. */
  if (best > 0 && 2 * best_quarter_votes >= votes.year_votes)
    {
      period->kind = READOUT_PERIOD_QUARTER;
      period->quarter = best;
    }
  else if (votes.year_votes > 0)
    period->kind = READOUT_PERIOD_YEAR;
  else
    return;

  period->end_year = votes.end_year;
  period->end_month = votes.end_month;
  period->end_day = votes.end_day;

  if (period->kind == READOUT_PERIOD_YEAR)
    {
      period->fiscal = votes.max_fiscal_year > 0;
      period->year = votes.max_fiscal_year ? votes.max_fiscal_year : (votes.end_year ? votes.end_year : year);
      return;
    }

  /* Off-calendar: a quarter called "fiscal", or one that does not end
   * with its calendar quarter (a third quarter ending April 30). */
  if (votes.fiscal_quarter > 0 ||
      (votes.end_month != 0 && votes.end_month != period->quarter * 3))
    {
      period->fiscal = TRUE;
      if (fiscal_year)
        period->year = fiscal_year;
      else if (votes.fiscal_year_end_year)
        period->year = votes.fiscal_year_end_year;
      else if (votes.max_fiscal_year >= votes.end_year)
        period->year = votes.max_fiscal_year;
      else
        period->year = votes.end_year;
    }
  else
    period->year = votes.end_year ? votes.end_year : year;

  /* A calendar quarter's end is known from its number. */
  if (period->end_year == 0 && !period->fiscal && period->year)
    {
      static const int last_day[] = { 0, 31, 30, 30, 31 };
      period->end_year = period->year;
      period->end_month = period->quarter * 3;
      period->end_day = last_day[period->quarter];
    }
  /* An end date from another year than the quarter's is not its end. */
  if (!period->fiscal && period->end_year != period->year)
    {
      static const int last_day[] = { 0, 31, 30, 30, 31 };
      period->end_year = period->year;
      period->end_month = period->quarter * 3;
      period->end_day = last_day[period->quarter];
    }
}

char *
readout_period_label (const ReadoutPeriod *period,
                      int                  years_back)
{
  if (period->kind == READOUT_PERIOD_UNKNOWN || period->year == 0)
    return NULL;
  if (period->kind == READOUT_PERIOD_YEAR)
    return g_strdup_printf ("FY %d", period->year - years_back);
  if (period->fiscal)
    return g_strdup_printf ("Q%d FY%d", period->quarter, period->year - years_back);
  return g_strdup_printf ("Q%d %d", period->quarter, period->year - years_back);
}

char *
readout_period_end_iso (const ReadoutPeriod *period)
{
  if (period->end_year == 0)
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", period->end_year, period->end_month, period->end_day);
}

/* ---- company ------------------------------------------------------------ */

static const char * const suffixes[] = {
  ", Incorporated", " Incorporated", ", Inc.", " Inc.", ", Inc", " Inc",
  " Corporation", " Corp.", ", Ltd.", " Ltd.", " Limited", " plc", " PLC",
  " N.V.", " AG", " SE", " S.A.", " Co.", " LLC", " L.P.",
};

/* A long text names many companies; the issuer comes early. */
#define MAX_CANDIDATES 8
/* Spellings are counted in the first part of the text only. */
#define COUNT_LEN (64 * 1024)

static const char * const exchanges[] = {
  "(Nasdaq", "(NASDAQ", "(NYSE", "(Amex", "(AMEX", "(TSX", "(OTC", "(LSE", "(ASX",
};

typedef struct
{
  guint       exchange;   /* index in exchanges[] */
  const char *at;
} ExchangeHit;

static int
compare_exchange_hits (gconstpointer a,
                       gconstpointer b)
{
  const ExchangeHit *x = a, *y = b;

  if (x->exchange != y->exchange)
    return x->exchange < y->exchange ? -1 : 1;
  return x->at < y->at ? -1 : x->at > y->at;
}

/* A candidate name ending at @end: up to six capitalized words back. */
static char *
name_before (const char *text,
             const char *end)
{
  const char *p = end;
  int words = 0;

  while (p > text && p[-1] == ' ')
    p--;
  end = p;
  while (p > text && words < 6)
    {
      const char *w = p;
      while (w > text && w[-1] != ' ' && w[-1] != '\n' && w[-1] != '(' && w[-1] != ')')
        w--;
      gsize month_len;
      if (w == p || !g_ascii_isupper (*w) || readout_word_at (w, end, "The") || readout_word_at (w, end, "On") ||
          readout_scan_month (w, end, &month_len) != 0)
        break;
      /* Stop at a dateline: "2017 (GLOBE NEWSWIRE) -- " or a sentence. */
      if (w > text && (w[-1] == '\n'))
        {
          p = w;
          words++;
          break;
        }
      p = w;
      words++;
      while (p > text && p[-1] == ' ')
        p--;
      if (p > text && (p[-1] == '-' || p[-1] == ';' || p[-1] == ':' || (p[-1] == '.' && words > 0 && p - 1 > text && !g_ascii_isupper (p[-2]))))
        break;
    }
  while (*p == ' ' || *p == ',')
    p++;
  if (p >= end || words == 0)
    return NULL;
  return g_strndup (p, end - p);
}

static int
count_word (const char *text,
            gsize       len,
            const char *word)
{
  gsize n = strlen (word);
  int count = 0;

  for (const char *p = text; (p = readout_find (p, text + len - p, word)) != NULL; p += n)
    if ((p == text || !g_ascii_isalnum (p[-1])) && !g_ascii_isalnum (p[n]))
      count++;
  return count;
}

static char *
first_word (const char *name)
{
  const char *e = name;
  while (*e && *e != ' ' && *e != ',')
    e++;
  return g_strndup (name, e - name);
}

char *
readout_company_find (const char *text,
                      gsize       len)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  const char *end = text + len;
  char *best = NULL;
  int best_score = 0;
  guint about = G_MAXUINT;

  /* "Name, Inc. (Nasdaq: TICK)": the names before each exchange in the
   * order of exchanges[], found in one pass over the text. */
  {
    g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (ExchangeHit));

    for (const char *p = memchr (text, '(', len); p != NULL; p = memchr (p + 1, '(', end - p - 1))
      for (guint i = 0; i < G_N_ELEMENTS (exchanges); i++)
        if ((gsize) (end - p) >= strlen (exchanges[i]) &&
            memcmp (p, exchanges[i], strlen (exchanges[i])) == 0)
          {
            ExchangeHit hit = { i, p };
            g_array_append_val (hits, hit);
            break;
          }
    g_array_sort (hits, compare_exchange_hits);
    for (guint h = 0; h < hits->len && candidates->len < MAX_CANDIDATES; h++)
      {
        char *name = name_before (text, g_array_index (hits, ExchangeHit, h).at);
        if (name != NULL)
          g_ptr_array_add (candidates, name);
      }
  }

  /* "About Name, Inc." headings */
  for (const char *p = text; (p = readout_find (p, end - p, "About ")) != NULL; p += 6)
    {
      const char *e;
      if (p > text && p[-1] != '\n')
        continue;
      e = memchr (p, '\n', end - p);
      if (e == NULL || e - p > 80 || candidates->len >= MAX_CANDIDATES)
        continue;
      for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
        {
          gsize n = strlen (suffixes[s]);
          if (e - p > (gssize) n && strncmp (e - n, suffixes[s], n) == 0)
            {
              g_ptr_array_add (candidates, g_strndup (p + 6, e - p - 6));
              about = candidates->len - 1;
              break;
            }
        }
    }

  /* Else the first name with a corporate suffix in the lead. */
  if (candidates->len == 0)
    {
      const char *lead_end = text + MIN (len, LEAD_LEN);
      const char *first = NULL;
      for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
        {
          gsize n = strlen (suffixes[s]);
          const char *hit = text;
          /* A word of its own: " Inc" is not the start of " Income". */
          while ((hit = readout_find (hit, lead_end - hit, suffixes[s])) != NULL &&
                 hit + n < lead_end && g_ascii_isalnum (hit[n]))
            hit += n;
          if (hit != NULL && (first == NULL || hit < first))
            first = hit;
        }
      if (first != NULL)
        {
          const char *name_end = first;
          for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
            if (strncmp (first, suffixes[s], strlen (suffixes[s])) == 0)
              {
                name_end = first + strlen (suffixes[s]);
                break;
              }
          {
            g_autofree char *base = name_before (text, first);
            if (base != NULL)
              g_ptr_array_add (candidates, g_strdup_printf ("%s%.*s", base, (int) (name_end - first), first));
          }
        }
    }

  /* The spelling used most often wins; a corporate suffix breaks ties. */
  for (guint i = 0; i < candidates->len; i++)
    {
      const char *name = g_ptr_array_index (candidates, i);
      g_autofree char *word = first_word (name);
      int score = count_word (text, MIN (len, COUNT_LEN), word) * 4;

      /* The issuer is named first; the "About" paragraph spells it right. */
      if (i == 0)
        score += 6;
      if (i == about)
        score += 7;

      for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
        if (g_str_has_suffix (name, suffixes[s]))
          score += 2;
      if (score > best_score)
        {
          best_score = score;
          best = (char *) name;
        }
    }

  return best ? g_strdup (best) : NULL;
}
