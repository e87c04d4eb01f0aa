/* readout-prose.c: figures stated in sentences.
 *
 * A sentence is read left to right as a stream of metric mentions
 * ("research and development expenses"), money amounts, comparison words
 * ("compared to", "from") and time references ("the third quarter of
 * 2009", "the nine months ended", "the prior year").  Each amount belongs
 * to the mention before it and is the current value, the prior value, a
 * change ("an increase of $1.2 million") or something else (year-to-date,
 * another period); the best sentence for each metric wins.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "readout-util.h"
#include "readout-prose.h"
#include "readout-metric.h"
#include "readout-phrase-set.h"
#include "readout-scan.h"

typedef enum
{
  SIGN_NONE,      /* a value as printed */
  SIGN_LOSS,      /* "net loss", "operating loss": negative */
  SIGN_INCOME,    /* "net income": positive */
} SignHint;

typedef struct
{
  const char    *phrase;
  gsize          len;
  ReadoutMetric  metric;
  SignHint       sign;
  gboolean       weak;       /* "a loss of": only with a per-share amount */
  gboolean       diluted;    /* "diluted EPS": never the basic figure */
} Phrase;

/* Longer phrases first: the first match at a position wins. */
static const Phrase phrases[] = {
  { "selling, marketing, general and administrative", sizeof ("selling, marketing, general and administrative") - 1, READOUT_METRIC_SGA_EXPENSE },
  { "selling, general and administrative", sizeof ("selling, general and administrative") - 1, READOUT_METRIC_SGA_EXPENSE },
  { "sales, general and administrative", sizeof ("sales, general and administrative") - 1, READOUT_METRIC_SGA_EXPENSE },
  { "marketing, general and administrative", sizeof ("marketing, general and administrative") - 1, READOUT_METRIC_SGA_EXPENSE },
  { "sg&a", sizeof ("sg&a") - 1, READOUT_METRIC_SGA_EXPENSE },
  { "general and administrative", sizeof ("general and administrative") - 1, READOUT_METRIC_GA_EXPENSE },
  { "general & administrative", sizeof ("general & administrative") - 1, READOUT_METRIC_GA_EXPENSE },
  { "g&a", sizeof ("g&a") - 1, READOUT_METRIC_GA_EXPENSE },
  { "research and development", sizeof ("research and development") - 1, READOUT_METRIC_RD_EXPENSE },
  { "research & development", sizeof ("research & development") - 1, READOUT_METRIC_RD_EXPENSE },
  { "r&d", sizeof ("r&d") - 1, READOUT_METRIC_RD_EXPENSE },
  { "total operating costs and expenses", sizeof ("total operating costs and expenses") - 1, READOUT_METRIC_TOTAL_OPEX },
  { "total costs and operating expenses", sizeof ("total costs and operating expenses") - 1, READOUT_METRIC_TOTAL_OPEX },
  { "total costs and expenses", sizeof ("total costs and expenses") - 1, READOUT_METRIC_TOTAL_OPEX },
  { "total operating expenses", sizeof ("total operating expenses") - 1, READOUT_METRIC_TOTAL_OPEX },
  { "operating costs and expenses", sizeof ("operating costs and expenses") - 1, READOUT_METRIC_TOTAL_OPEX },
  { "operating expenses", sizeof ("operating expenses") - 1, READOUT_METRIC_TOTAL_OPEX },
  { "total expenses", sizeof ("total expenses") - 1, READOUT_METRIC_TOTAL_OPEX },
  { "(loss) income from operations", sizeof ("(loss) income from operations") - 1, READOUT_METRIC_OPERATING_INCOME },
  { "income (loss) from operations", sizeof ("income (loss) from operations") - 1, READOUT_METRIC_OPERATING_INCOME },
  { "loss from operations", sizeof ("loss from operations") - 1, READOUT_METRIC_OPERATING_INCOME, SIGN_LOSS },
  { "income from operations", sizeof ("income from operations") - 1, READOUT_METRIC_OPERATING_INCOME, SIGN_INCOME },
  { "operating income (loss)", sizeof ("operating income (loss)") - 1, READOUT_METRIC_OPERATING_INCOME },
  { "operating loss", sizeof ("operating loss") - 1, READOUT_METRIC_OPERATING_INCOME, SIGN_LOSS },
  { "operating income", sizeof ("operating income") - 1, READOUT_METRIC_OPERATING_INCOME, SIGN_INCOME },
  { "operating profit", sizeof ("operating profit") - 1, READOUT_METRIC_OPERATING_INCOME, SIGN_INCOME },
  { "net loss per share", sizeof ("net loss per share") - 1, READOUT_METRIC_EPS, SIGN_LOSS },
  { "net loss per basic and diluted share", sizeof ("net loss per basic and diluted share") - 1, READOUT_METRIC_EPS, SIGN_LOSS },
  { "net income per share", sizeof ("net income per share") - 1, READOUT_METRIC_EPS, SIGN_INCOME },
  { "loss per share", sizeof ("loss per share") - 1, READOUT_METRIC_EPS, SIGN_LOSS },
  { "diluted earnings per share", sizeof ("diluted earnings per share") - 1, READOUT_METRIC_EPS, SIGN_INCOME, FALSE, TRUE },
  { "diluted eps", sizeof ("diluted eps") - 1, READOUT_METRIC_EPS, SIGN_NONE, FALSE, TRUE },
  { "diluted net loss per share", sizeof ("diluted net loss per share") - 1, READOUT_METRIC_EPS, SIGN_LOSS, FALSE, TRUE },
  { "diluted net income per share", sizeof ("diluted net income per share") - 1, READOUT_METRIC_EPS, SIGN_INCOME, FALSE, TRUE },
  { "earnings per share", sizeof ("earnings per share") - 1, READOUT_METRIC_EPS, SIGN_INCOME },
  { "net (loss) income", sizeof ("net (loss) income") - 1, READOUT_METRIC_NET_INCOME },
  { "net income (loss)", sizeof ("net income (loss)") - 1, READOUT_METRIC_NET_INCOME },
  { "net loss", sizeof ("net loss") - 1, READOUT_METRIC_NET_INCOME, SIGN_LOSS },
  { "net income", sizeof ("net income") - 1, READOUT_METRIC_NET_INCOME, SIGN_INCOME },
  { "net earnings", sizeof ("net earnings") - 1, READOUT_METRIC_NET_INCOME, SIGN_INCOME },
  { "net profit", sizeof ("net profit") - 1, READOUT_METRIC_NET_INCOME, SIGN_INCOME },
  { "a loss of", sizeof ("a loss of") - 1, READOUT_METRIC_NET_INCOME, SIGN_LOSS, TRUE },
  { "total net revenues", sizeof ("total net revenues") - 1, READOUT_METRIC_REVENUE },
  { "total net revenue", sizeof ("total net revenue") - 1, READOUT_METRIC_REVENUE },
  { "total revenues", sizeof ("total revenues") - 1, READOUT_METRIC_REVENUE },
  { "total revenue", sizeof ("total revenue") - 1, READOUT_METRIC_REVENUE },
  { "net revenues", sizeof ("net revenues") - 1, READOUT_METRIC_REVENUE },
  { "net revenue", sizeof ("net revenue") - 1, READOUT_METRIC_REVENUE },
  { "revenues", sizeof ("revenues") - 1, READOUT_METRIC_REVENUE },
  { "revenue", sizeof ("revenue") - 1, READOUT_METRIC_REVENUE },
  { "total net sales", sizeof ("total net sales") - 1, READOUT_METRIC_REVENUE },
  { "net sales", sizeof ("net sales") - 1, READOUT_METRIC_REVENUE },
  { "cash, cash equivalents and marketable securities", sizeof ("cash, cash equivalents and marketable securities") - 1, READOUT_METRIC_CASH },
  { "cash, cash equivalents, and marketable securities", sizeof ("cash, cash equivalents, and marketable securities") - 1, READOUT_METRIC_CASH },
  { "cash, cash equivalents and investments", sizeof ("cash, cash equivalents and investments") - 1, READOUT_METRIC_CASH },
  { "cash, cash equivalents, and investments", sizeof ("cash, cash equivalents, and investments") - 1, READOUT_METRIC_CASH },
  { "cash, cash equivalents and short-term investments", sizeof ("cash, cash equivalents and short-term investments") - 1, READOUT_METRIC_CASH },
  { "cash, cash equivalents", sizeof ("cash, cash equivalents") - 1, READOUT_METRIC_CASH },
  { "cash and cash equivalents", sizeof ("cash and cash equivalents") - 1, READOUT_METRIC_CASH },
  { "cash and investments", sizeof ("cash and investments") - 1, READOUT_METRIC_CASH },
  { "cash and marketable securities", sizeof ("cash and marketable securities") - 1, READOUT_METRIC_CASH },
  { "cash and short-term investments", sizeof ("cash and short-term investments") - 1, READOUT_METRIC_CASH },
  { "cash and equivalents", sizeof ("cash and equivalents") - 1, READOUT_METRIC_CASH },
  { "cash position", sizeof ("cash position") - 1, READOUT_METRIC_CASH },
  { "cash balance", sizeof ("cash balance") - 1, READOUT_METRIC_CASH },
  { "cash on hand", sizeof ("cash on hand") - 1, READOUT_METRIC_CASH },
  { "cash", sizeof ("cash") - 1, READOUT_METRIC_CASH },
};

/* Words a metric may follow and still be the headline figure ("total
 * revenues", "record revenue"); any other word before a revenue phrase
 * makes it a part ("product revenue", "royalty revenue"). */
static const char * const revenue_leads[] = {
  "the", "total", "and", "of", "in", "its", "record", "quarterly", "reported",
  "with", "on", "our", "gaap", "a", "an", "to", "consolidated", "overall",
  "company's", "generated", "had", "achieved", "posted", "recorded",
};

/* Before a mention: it is an adjusted figure or a part, not the figure. */
static const char * const disqualifying_before[] = {
  "adjusted", "non-gaap", "pro forma", "non-cash", "net cash",
  "in-process", "restricted",
};

/* Before a mention: it is the change ("the decrease in net loss of $1.5
 * million"), unless an amount is what it changed to ("an increase in
 * revenue, reaching $389,276"). */
static const char * const changed_before[] = {
  "increase in", "decrease in", "change in", "reduction in", "growth in",
  "decline in", "rise in", "drop in", "improvement in",
};

static const char * const changed_to[] = {
  "to", "reaching", "reached", "at", "totaling", "totalling", "from",
};

/* After a mention: it is one part of the figure. */
static const char * const disqualifying_after[] = {
  "included", "includes", "including", "related to", "associated with",
  "attributable to", "non-cash", "stock-based", "stock", "resulting from",
  "from marketed", "from product", "from the sale", "used", "flow", "flows",
  "burn", "provided", "per diluted", "guidance", "expected", "payment",
  "payments", "milestone", "milestones", "proceeds", "consideration",
  "compensation", "runway", "share", "taxes",
};

/* "cash" alone is a figure only before a verb ("cash increased 82%"). */
static const char * const cash_verbs[] = {
  "increased", "decreased", "was", "were", "totaled", "totalled", "grew",
  "rose", "fell", "stood", "amounted", "reached",
};

/* A sentence about the future states no figure of the period. */
static const char * const forward_looking[] = {
  "expects", "expected to", "anticipates", "anticipated to", "guidance",
  "outlook", "forecast", "projected", "plans to", "intends to",
  "will be", "is expected", "are expected", "could potentially",
};

static const char * const prior_connectives[] = {
  "compared to", "compared with", "compares to", "compared against",
  "versus", "vs.", "vs", "in comparison to", "in comparison with",
  "relative to", "up from", "down from", "as against", "against",
};

static const char * const change_before[] = {
  "increase of", "decrease of", "reduction of", "improvement of",
  "increased by", "decreased by", "improved by", "reduced by", "rose by",
  "fell by", "grew by", "up by", "down by", "change of", "growth of",
  "declined by", "decline of", "increase of approximately",
  "decrease of approximately",
};

static const char * const change_after[] = {
  "increase", "decrease", "reduction", "improvement", "higher", "lower",
  "more", "less", "rise", "decline", "drop", "increment",
};

static const char * const prior_refs[] = {
  "prior year", "prior-year", "previous year", "last year", "year-ago",
  "year ago", "prior period", "comparable period", "same period last year",
  "prior quarter of", "preceding year", "the year before",
};

/* Period words that take an amount out of a quarterly release's quarter. */
static const char * const longer_period_refs[] = {
  "six months", "six-month", "nine months", "nine-month", "first half",
  "first six months", "first nine months", "year to date", "year-to-date",
  "twelve months", "twelve-month", "12 months", "full year", "full-year",
  "for the year", "fiscal year ended", "year ended", "annual", "26 weeks",
  "39 weeks", "52 weeks", "six month", "nine month", "half year",
};

static const char * const quarter_refs[] = {
  "quarter", "three months", "three-month", "three month", "13 weeks",
};

typedef enum
{
  TIME_NONE,
  TIME_CURRENT,
  TIME_PRIOR,
  TIME_OTHER,     /* another period: year-to-date, another quarter */
} TimeRef;

typedef struct
{
  const char          *text;     /* the whole text */
  const ReadoutPeriod *period;
  const char          *currency;
  GArray              *amounts;  /* scratch, reused sentence after sentence */
  GArray              *mentions;
  GArray              *words;    /* guint32: where the sentence's words start */
  const char          *sentence; /* the sentence @words index */
} Context;

/* The lists as sets, for matching at a word (see readout-phrase-set.h). */
static const char * const basic_and[] = { "basic and", "basic &" };
static const char * const attributable[] = { "attributable to" };
static const char * const minority[] = { "non-controlling", "noncontrolling", "minority" };
static const char * const or_words[] = { "or", "or approximately" };
static const char * const negative[] = { "negative" };
static const char * const mention_tails[] = { "expenses", "expense", "costs", "investment", "investments" };
static const char * const loss_words[] = { "loss", "losses", "negative" };
static const char * const income_words[] = { "income", "profit", "earnings" };
static const char * const up_words[] = { "increase", "increased", "higher", "more", "rise", "rose", "grew", "growth", "up" };
static const char * const down_words[] = { "decrease", "decreased", "reduction", "reduced", "lower", "less", "decline", "declined", "fell", "down", "drop" };
static const char * const post_stops[] = { "from", "and" };

static ReadoutPhraseSet phrases_set = READOUT_PHRASE_SET_INIT (phrases);
static ReadoutPhraseSet disqualifying_before_set = READOUT_PHRASE_SET_INIT (disqualifying_before);
static ReadoutPhraseSet changed_before_set = READOUT_PHRASE_SET_INIT (changed_before);
static ReadoutPhraseSet changed_to_set = READOUT_PHRASE_SET_INIT (changed_to);
static ReadoutPhraseSet disqualifying_after_set = READOUT_PHRASE_SET_INIT (disqualifying_after);
static ReadoutPhraseSet cash_verbs_set = READOUT_PHRASE_SET_INIT (cash_verbs);
static ReadoutPhraseSet forward_looking_set = READOUT_PHRASE_SET_INIT (forward_looking);
static ReadoutPhraseSet prior_connectives_set = READOUT_PHRASE_SET_INIT (prior_connectives);
static ReadoutPhraseSet change_before_set = READOUT_PHRASE_SET_INIT (change_before);
static ReadoutPhraseSet change_after_set = READOUT_PHRASE_SET_INIT (change_after);
static ReadoutPhraseSet prior_refs_set = READOUT_PHRASE_SET_INIT (prior_refs);
static ReadoutPhraseSet longer_period_refs_set = READOUT_PHRASE_SET_INIT (longer_period_refs);
static ReadoutPhraseSet quarter_refs_set = READOUT_PHRASE_SET_INIT (quarter_refs);
static ReadoutPhraseSet basic_and_set = READOUT_PHRASE_SET_INIT (basic_and);
static ReadoutPhraseSet attributable_set = READOUT_PHRASE_SET_INIT (attributable);
static ReadoutPhraseSet minority_set = READOUT_PHRASE_SET_INIT (minority);
static ReadoutPhraseSet or_set = READOUT_PHRASE_SET_INIT (or_words);
static ReadoutPhraseSet negative_set = READOUT_PHRASE_SET_INIT (negative);
static ReadoutPhraseSet mention_tails_set = READOUT_PHRASE_SET_INIT (mention_tails);
static ReadoutPhraseSet loss_words_set = READOUT_PHRASE_SET_INIT (loss_words);
static ReadoutPhraseSet income_words_set = READOUT_PHRASE_SET_INIT (income_words);
static ReadoutPhraseSet up_words_set = READOUT_PHRASE_SET_INIT (up_words);
static ReadoutPhraseSet down_words_set = READOUT_PHRASE_SET_INIT (down_words);
static ReadoutPhraseSet post_stops_set = READOUT_PHRASE_SET_INIT (post_stops);

#define is_word_char readout_is_word_char

static gboolean
phrase_at (const char *p,
           const char *end,
           const char *phrase)
{
  /* Most words differ in their first letter: check it before measuring. */
  if (p >= end || ((*p | 0x20) != (phrase[0] | 0x20)))
    return FALSE;
  if (phrase[1] != '\0' && (p + 1 >= end || (p[1] | 0x20) != (phrase[1] | 0x20)))
    return FALSE;
  gsize n = strlen (phrase);
  return (gsize) (end - p) >= n && g_ascii_strncasecmp (p, phrase, n) == 0 &&
         (p + n == end || !is_word_char (p[n]) || !is_word_char (phrase[n - 1]));
}

static inline gboolean
word_start (const char *start,
            const char *p)
{
  return p == start || !is_word_char (p[-1]);
}

/* ---- the words of a sentence -------------------------------------------- */

/* The finders below look for phrases at word starts, region after region
 * of a sentence; the word starts are found once per sentence.  A word
 * start is a byte after a non-word byte (or the sentence's first), other
 * than a space: no phrase, year or date starts with a space. */
static void
index_words (Context    *ctx,
             const char *sentence,
             const char *end)
{
  guint32 *at;
  guint n = 0;

  /* Room for a word at every byte, written without a call per word. */
  g_array_set_size (ctx->words, end - sentence);
  at = (guint32 *) (void *) ctx->words->data;
  ctx->sentence = sentence;
  for (const char *p = sentence; p < end; p++)
    if (*p != ' ' && word_start (sentence, p))
      at[n++] = p - sentence;
  g_array_set_size (ctx->words, n);
}

typedef struct
{
  const char    *sentence;
  const guint32 *at;
  guint          i, n;
  const char    *first;   /* a region's first byte, when mid-word */
} WordIter;

/* The word starts of [start, ...): with @region_start, @start starts a
 * word whatever comes before it (the finders' word_start (start, p)). */
static inline void
words_begin (WordIter      *it,
             const Context *ctx,
             const char    *start,
             gboolean       region_start)
{
  guint lo = 0, hi = ctx->words->len;
  guint32 offset = start - ctx->sentence;

  it->sentence = ctx->sentence;
  it->at = (const guint32 *) (void *) ctx->words->data;
  it->n = ctx->words->len;
  /* The first word start at or after @start. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (it->at[mid] < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  it->i = lo;
  it->first = NULL;
  if (region_start && !(lo < it->n && it->at[lo] == offset))
    it->first = start;
}

/* The next word start before @end, or NULL. */
static inline const char *
words_next (WordIter   *it,
            const char *end)
{
  const char *p;

  if (it->first != NULL)
    {
      p = it->first;
      it->first = NULL;
      if (p < end && *p != ' ')
        return p;
    }
  if (it->i >= it->n)
    return NULL;
  p = it->sentence + it->at[it->i];
  if (p >= end)
    return NULL;
  it->i++;
  return p;
}

/* Skips the word starts before @p (past a phrase just matched). */
static inline void
words_skip_to (WordIter   *it,
               const char *p)
{
  while (it->i < it->n && it->sentence + it->at[it->i] < p)
    it->i++;
}

/* Does a phrase of @set end right before @p (spaces and commas aside)? */
static gboolean
ends_with (ReadoutPhraseSet *set,
           const char       *start,
           const char       *p)
{
  return readout_phrase_set_before (set, start, p) >= 0;
}

/* Does a phrase of @set start at @p (spaces and commas aside)? */
static gboolean
starts_with (ReadoutPhraseSet *set,
             const char       *p,
             const char       *end)
{
  while (p < end && (*p == ' ' || *p == ','))
    p++;
  return readout_phrase_set_at (set, p, end) >= 0;
}

/* ---- time references ---------------------------------------------------- */

static TimeRef
classify_year (const Context *ctx,
               int            year,
               gboolean       fiscal)
{
  const ReadoutPeriod *period = ctx->period;
  int current = fiscal || !period->fiscal ? period->year : period->end_year;

  if (current == 0)
    current = period->year;
  if (year == current || (!fiscal && year == period->end_year))
    return TIME_CURRENT;
  if (year == current - 1 || (!fiscal && period->end_year && year == period->end_year - 1))
    return TIME_PRIOR;
  return TIME_OTHER;
}

/* The time references of [start, end) in order; returns the last one (or
 * TIME_NONE) and whether a longer period was named after the last quarter
 * or year reference. */
static TimeRef
scan_time (const Context *ctx,
           const char    *start,
           const char    *end,
           gboolean       first_only,
           gboolean      *other_period)
{
  TimeRef last = TIME_NONE;
  gboolean quarterly = ctx->period->kind != READOUT_PERIOD_YEAR;

  WordIter words;
  const char *p;

  *other_period = FALSE;
  words_begin (&words, ctx, start, TRUE);
  while ((p = words_next (&words, end)) != NULL)
    {
      TimeRef found = TIME_NONE;
      gsize skip = 0;

      if (g_ascii_isdigit (*p))
        {
          int year = readout_scan_year (p, start, end);
          gboolean fiscal = p - start >= 7 && (g_ascii_strncasecmp (p - 7, "fiscal ", 7) == 0 ||
                                               g_ascii_strncasecmp (p - 3, "FY ", 3) == 0);
          if (p - start >= 2 && g_ascii_strncasecmp (p - 2, "FY", 2) == 0)
            fiscal = TRUE;
          if (year)
            {
              found = classify_year (ctx, year, fiscal);
              skip = 4;
            }
        }
      else if ((p[0] | 0x20) == 'f' && (p[1] | 0x20) == 'y' && p + 6 <= end && g_ascii_isdigit (p[2]))
        {
          int year = readout_scan_year (p + 2, p + 2, end);
          if (year)
            {
              found = classify_year (ctx, year, TRUE);
              skip = 6;
            }
        }
      else
        {
          int i;

          if ((i = readout_phrase_set_at (&prior_refs_set, p, end)) >= 0)
            {
              found = TIME_PRIOR;
              skip = readout_phrase_set_len (&prior_refs_set, i);
            }
          else if ((i = readout_phrase_set_at (&longer_period_refs_set, p, end)) >= 0)
            {
              if (quarterly)
                *other_period = TRUE;
              skip = readout_phrase_set_len (&longer_period_refs_set, i);
              /* Only a period word: the year after it decides the rest. */
              if (first_only && quarterly)
                return TIME_OTHER;
            }
          else if ((i = readout_phrase_set_at (&quarter_refs_set, p, end)) >= 0)
            {
              *other_period = !quarterly;
              skip = readout_phrase_set_len (&quarter_refs_set, i);
              if (first_only && !quarterly)
                return TIME_OTHER;
            }
        }

      if (found != TIME_NONE)
        {
          last = found;
          if (first_only)
            return found;
        }
      if (skip > 0)
        words_skip_to (&words, p + skip);
    }
  return last;
}

/* ---- mentions ----------------------------------------------------------- */

typedef struct
{
  gsize          start;
  gsize          end;
  const Phrase  *phrase;
  gboolean       part;     /* a component or change, not the figure */
  gboolean       changed;  /* "an increase in revenue": only "to $X" is it */
  gboolean       diluted;  /* diluted only: never the basic figure */
} Mention;

static gboolean
revenue_lead_ok (const char *sentence,
                 const char *p)
{
  const char *w_end = p, *w;
  g_autofree char *word = NULL;

  while (w_end > sentence && w_end[-1] == ' ')
    w_end--;
  if (w_end == sentence || !is_word_char (w_end[-1]))
    return TRUE;
  w = w_end;
  while (w > sentence && is_word_char (w[-1]))
    w--;
  word = g_ascii_strdown (w, w_end - w);
  for (gsize i = 0; i < G_N_ELEMENTS (revenue_leads); i++)
    if (g_str_equal (word, revenue_leads[i]))
      return TRUE;
  /* A year or quarter before it: "Q2 2026 total revenues" is fine. */
  return g_ascii_isdigit (word[0]);
}

static void
find_mentions (const Context *ctx,
               const char    *sentence,
               const char    *end,
               GArray        *mentions)
{
  WordIter words;
  const char *p;

  words_begin (&words, ctx, sentence, FALSE);
  while ((p = words_next (&words, end)) != NULL)
    {
      int index = readout_phrase_set_at (&phrases_set, p, end);

      if (index >= 0)
        {
          const Phrase *phrase = &phrases[index];
          gsize n = phrase->len;
          Mention mention;
          const char *after = p + n;

          mention = (Mention) { p - sentence, after - sentence, phrase, FALSE, FALSE, phrase->diluted };
          /* "basic and diluted net loss per share" is the basic figure. */
          if (mention.diluted &&
              ends_with (&basic_and_set, sentence, p))
            mention.diluted = FALSE;

          if (ends_with (&changed_before_set, sentence, p))
            mention.changed = TRUE;
          else if (ends_with (&disqualifying_before_set, sentence, p))
            mention.part = TRUE;
          /* "expenses", "costs" and "investment" belong to the mention. */
          while (after < end && *after == ' ')
            after++;
          if (readout_phrase_set_at (&mention_tails_set, after, end) >= 0)
            {
              while (after < end && g_ascii_isalpha (*after))
                after++;
              mention.end = after - sentence;
            }
          /* "(\"R&D\")" after the phrase */
          if (after < end && *after == '(')
            {
              const char *close = memchr (after, ')', MIN (end - after, 16));
              if (close)
                {
                  after = close + 1;
                  mention.end = after - sentence;
                }
            }
          if (starts_with (&disqualifying_after_set, after, end))
            mention.part = TRUE;
          /* "net loss attributable to common stockholders" is the figure;
           * the part is the one attributable to non-controlling interests. */
          if (phrase->metric == READOUT_METRIC_NET_INCOME && starts_with (&attributable_set, after, end))
            {
              const char *rest = after;
              while (rest < end && *rest == ' ')
                rest++;
              rest += strlen ("attributable to");
              mention.part = starts_with (&minority_set, rest, end);
            }

          if ((g_str_equal (phrase->phrase, "revenue") || g_str_equal (phrase->phrase, "revenues")) &&
              !revenue_lead_ok (sentence, p))
            mention.part = TRUE;
          if (phrase->metric == READOUT_METRIC_CASH && g_str_equal (phrase->phrase, "cash") &&
              !starts_with (&cash_verbs_set, after, end))
            continue;   /* "cash" in another sense: not a mention at all */
          if (phrase->metric == READOUT_METRIC_CASH && p > sentence && p[-1] == '-')
            continue;   /* "non-cash" */

          g_array_append_val (mentions, mention);
          words_skip_to (&words, sentence + mention.end);
        }
    }
}

/* ---- sentences ------------------------------------------------------------ */

static const char * const abbreviations[] = {
  "inc", "corp", "co", "ltd", "no", "vs", "mr", "ms", "mrs", "dr", "st",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
  "nov", "dec", "approx", "u.s", "e.g", "i.e", "etc", "jr", "sr", "n.v",
  "s.a", "l.p", "est",
};

/* Where the next ".", "!" and "?" of a line are (NULL: not looked for
 * yet), so that each is found by memchr() once. */
typedef struct
{
  const char *at[3];
} SentenceStops;

/* The first byte of [p, end) that may end a sentence, or @end. */
static const char *
next_stop (SentenceStops *stops,
           const char    *p,
           const char    *end)
{
  static const char marks[3] = { '.', '!', '?' };
  const char *first = end;

  for (guint k = 0; k < 3; k++)
    {
      if (stops->at[k] == NULL || stops->at[k] < p)
        {
          const char *found = memchr (p, marks[k], end - p);
          stops->at[k] = found != NULL ? found : end;
        }
      first = MIN (first, stops->at[k]);
    }
  return first;
}

static gboolean
sentence_ends_at (const char *start,
                  const char *p,
                  const char *end)
{
  const char *w;

  if (*p != '.' && *p != '!' && *p != '?')
    return FALSE;
  if (p + 1 < end && p[1] != ' ' && p[1] != '"' && p[1] != '\'')
    return FALSE;
  if (*p != '.')
    return TRUE;
  if (p + 2 < end && !(g_ascii_isupper (p[2]) || p[2] == '"' || g_ascii_isdigit (p[2]) || p[2] == '(' || p[2] == '$'))
    return FALSE;
  w = p;
  while (w > start && (g_ascii_isalpha (w[-1]) || w[-1] == '.'))
    w--;
  if (p - w == 1 && g_ascii_isupper (*w))
    return FALSE;   /* an initial: "Robert I. Blum" */
  /* The longest abbreviation has six letters. */
  if (p - w > 6)
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if ((*w | 0x20) == abbreviations[i][0] &&
        g_ascii_strncasecmp (w, abbreviations[i], p - w) == 0 && abbreviations[i][p - w] == '\0')
      return FALSE;
  return TRUE;
}

/* ---- reading one sentence ------------------------------------------------- */

typedef struct
{
  gboolean has_current, has_prior;
  double   current, current_tol, prior, prior_tol;
  gboolean has_change;
  double   change, change_tol;     /* signed: + increase */
  gboolean has_percent;
  double   percent;                /* signed: + increase */
  gboolean anchored;
  char     prior_date[11];
  char     currency[4];
} Local;

static double
apply_sign (double    value,
            SignHint  sign)
{
  switch (sign)
    {
    case SIGN_LOSS: return -fabs (value);
    case SIGN_INCOME: return fabs (value);
    case SIGN_NONE:
    default: return value;
    }
}

/* The sign words in [start, end): "net loss", "a loss", "net income". */
static SignHint
sign_in (const Context *ctx,
         const char    *start,
         const char    *end)
{
  SignHint hint = SIGN_NONE;
  WordIter words;
  const char *p;

  words_begin (&words, ctx, start, TRUE);
  while ((p = words_next (&words, end)) != NULL)
    {
      if (readout_phrase_set_at (&loss_words_set, p, end) >= 0)
        hint = SIGN_LOSS;
      else if (readout_phrase_set_at (&income_words_set, p, end) >= 0)
        hint = SIGN_INCOME;
    }
  return hint;
}

static int
change_direction (const Context *ctx,
                  const char    *start,
                  const char    *end)
{
  int direction = 0;
  WordIter words;
  const char *p;

  words_begin (&words, ctx, start, TRUE);
  while ((p = words_next (&words, end)) != NULL)
    {
      if (readout_phrase_set_at (&down_words_set, p, end) >= 0)
        direction = -1;
      else if (readout_phrase_set_at (&up_words_set, p, end) >= 0)
        direction = 1;
    }
  return direction;
}

/* A percentage change stated for a mention: "increased 32 percent to",
 * "cash increased 82% to", "a decrease of 2%". */
static gboolean
find_percent (const Context *ctx,
              const char    *start,
              const char    *end,
              double        *percent)
{
  for (const char *p = start; p < end; p++)
    {
      double value;
      char *stop;
      int direction;

      if (!g_ascii_isdigit (*p) || (p > start && (g_ascii_isdigit (p[-1]) || p[-1] == '.' || p[-1] == '$')))
        continue;
      value = g_ascii_strtod (p, &stop);
      if (stop == p)
        continue;
      if (*stop == '%' || g_ascii_strncasecmp (stop, " percent", 8) == 0)
        {
          direction = change_direction (ctx, start, end);
          if (direction == 0 || value <= 0 || value >= 1000)
            return FALSE;
          *percent = direction * value;
          return TRUE;
        }
      p = stop;
    }
  return FALSE;
}

static void
date_iso (char out[11],
          int  year,
          int  month,
          int  day)
{
  g_snprintf (out, 11, "%04d-%02d-%02d", year, month, day);
}

/* The first date in [start, end) and whether it is the period's end. */
static gboolean
find_date (const Context *ctx,
           const char    *start,
           const char    *end,
           char           iso[11],
           gboolean      *is_period_end)
{
  WordIter words;
  const char *p;

  words_begin (&words, ctx, start, TRUE);
  while ((p = words_next (&words, end)) != NULL)
    {
      int y, m, d;
      if (readout_scan_date (p, end, &y, &m, &d) > 0)
        {
          date_iso (iso, y, m, d);
          *is_period_end = y == ctx->period->end_year && m == ctx->period->end_month &&
                           d == ctx->period->end_day;
          return TRUE;
        }
      /* "the end of 2023" */
      if (phrase_at (p, end, "end of"))
        {
          const char *q = p + 6;
          while (q < end && (*q == ' ' || g_ascii_strncasecmp (q, "fiscal ", 7) == 0))
            q += *q == ' ' ? 1 : 7;
          y = readout_scan_year (q, q, end);
          if (y)
            {
              date_iso (iso, y, 12, 31);
              *is_period_end = FALSE;
              return TRUE;
            }
        }
    }
  return FALSE;
}

static gboolean
is_forward_looking (const Context *ctx,
                    const char    *sentence,
                    const char    *end)
{
  WordIter words;
  const char *p;

  words_begin (&words, ctx, sentence, FALSE);
  while ((p = words_next (&words, end)) != NULL)
    if (readout_phrase_set_at (&forward_looking_set, p, end) >= 0)
      return TRUE;
  return FALSE;
}

static void
read_sentence (Context          *ctx,
               gsize             offset,
               const char       *sentence,
               const char       *end,
               ReadoutCandidate  best[READOUT_N_CATALOGUE_METRICS],
               ReadoutCandidate  priors[READOUT_N_CATALOGUE_METRICS])
{
  GArray *amounts = ctx->amounts;
  GArray *mentions = ctx->mentions;
  Local local[READOUT_N_CATALOGUE_METRICS];
  gboolean weak_income = FALSE, per_share_seen = FALSE;
  gboolean prior_phase = FALSE, other_phase = FALSE;
  gsize cursor = 0;
  typedef struct { double value, tolerance; } Respective;
  Respective respective[8];
  guint n_respective = 0;
  ReadoutMetric current_order[8];
  guint n_current_order = 0;
  int respectively = -1;   /* -1: not looked for yet (most sentences never ask) */

  g_array_set_size (amounts, 0);
  g_array_set_size (mentions, 0);
  readout_scan_amounts (sentence, end - sentence, amounts);
  if (amounts->len == 0)
    return;
  index_words (ctx, sentence, end);
  if (is_forward_looking (ctx, sentence, end))
    return;
  find_mentions (ctx, sentence, end, mentions);
  if (mentions->len == 0)
    return;
  /* Cleared only now: most sentences state no figure. */
  memset (local, 0, sizeof local);

  /* Mentions wholly before an earlier amount are before every later one:
   * they are not looked at again, so that a "sentence" that is a whole
   * file without a full stop is not quadratic. */
  guint m_settled = 0;
  const Mention *settled = NULL, *settled_money = NULL;
  const char *includ_from = NULL;   /* " includ" was looked for from here */
  const char *includ = NULL;        /* and first found here (NULL: nowhere) */

  for (guint i = 0; i < amounts->len; i++)
    {
      ReadoutAmount *amount = &g_array_index (amounts, ReadoutAmount, i);
      const char *a_start = sentence + amount->start;
      const char *a_end = sentence + amount->end;
      const char *next_start = i + 1 < amounts->len
                               ? sentence + g_array_index (amounts, ReadoutAmount, i + 1).start
                               : end;
      const char *pre = sentence + cursor;
      const Mention *mention = NULL, *money_mention = NULL;
      ReadoutMetric metric;
      Local *slot;
      TimeRef pre_time, post_time;
      gboolean pre_other, post_other;
      const char *post_end = next_start;
      SignHint sign;
      double value;

      /* The mention this amount belongs to: the last one before it, or
       * one it introduces ("$8.2 million attributable to R&D", "$8.3
       * million in cash and cash equivalents"). */
      while (m_settled < mentions->len &&
             g_array_index (mentions, Mention, m_settled).end <= amount->start)
        {
          settled = &g_array_index (mentions, Mention, m_settled++);
          if (settled->phrase->metric != READOUT_METRIC_EPS)
            settled_money = settled;
        }
      mention = settled;
      money_mention = settled_money;
      for (guint m = m_settled; m < mentions->len; m++)
        {
          const Mention *candidate = &g_array_index (mentions, Mention, m);
          /* Mentions are in order of start: none further can belong. */
          if (candidate->start > amount->end + 20)
            break;
          if (candidate->end <= amount->start)
            {
              mention = candidate;
              if (candidate->phrase->metric != READOUT_METRIC_EPS)
                money_mention = candidate;
            }
          else if (candidate->start >= amount->end && candidate->start - amount->end <= 20)
            {
              const char *gap = a_end;
              while (gap < sentence + candidate->start && *gap == ' ')
                gap++;
              if (phrase_at (gap, end, "attributable to") ||
                  (candidate->phrase->metric == READOUT_METRIC_CASH && phrase_at (gap, end, "in")))
                {
                  mention = money_mention = candidate;
                  break;
                }
            }
        }

      /* A comparison word ("compared to", "versus", or "from" once a value
       * was stated) puts what follows in the prior period, unless a
       * reference to the current period comes after it. */
      {
        const char *connective = NULL;
        gboolean any_current = FALSE;

        for (guint m = 0; m < READOUT_N_CATALOGUE_METRICS; m++)
          any_current |= local[m].has_current;
        WordIter words;
        const char *p;

        words_begin (&words, ctx, pre, FALSE);
        while ((p = words_next (&words, a_start)) != NULL)
          {
            if (readout_phrase_set_at (&prior_connectives_set, p, a_start) >= 0)
              connective = p;
            if (any_current && phrase_at (p, a_start, "from"))
              connective = p;
          }

        pre_time = scan_time (ctx, pre, a_start, FALSE, &pre_other);
        if (connective != NULL)
          {
            gboolean dummy;
            if (scan_time (ctx, connective, a_start, FALSE, &dummy) != TIME_CURRENT)
              prior_phase = TRUE;
            else
              prior_phase = FALSE;
          }
        else if (pre_time == TIME_PRIOR)
          prior_phase = TRUE;
        else if (pre_time == TIME_CURRENT)
          prior_phase = FALSE;
      }
      if (pre_other)
        other_phase = TRUE;
      else if (pre_time == TIME_CURRENT || pre_time == TIME_PRIOR)
        other_phase = FALSE;

      /* What follows the amount, up to the next comparison, or to a
       * parenthesis: "EUR 12.5 million (Q2 2022: EUR 10.0 million)" is an
       * aside about another period. */
      {
        const char *paren = memchr (a_end, '(', next_start - a_end);
        WordIter words;
        const char *p;

        post_end = paren != NULL ? paren : next_start;
        words_begin (&words, ctx, a_end, FALSE);
        while ((p = words_next (&words, post_end)) != NULL)
          if (readout_phrase_set_at (&prior_connectives_set, p, next_start) >= 0 ||
              readout_phrase_set_at (&post_stops_set, p, next_start) >= 0)
            {
              post_end = p;
              break;
            }
      }
      post_time = scan_time (ctx, a_end, post_end, TRUE, &post_other);
      cursor = amount->end;

      if (mention == NULL)
        continue;

      /* "net loss per share of $(0.02)": the mention says per share. */
      if (!amount->per_share && mention->phrase->metric == READOUT_METRIC_EPS &&
          fabs (amount->value) < 100 && amount->tolerance < 0.01)
        amount->per_share = TRUE;

      if (amount->per_share)
        {
          per_share_seen = TRUE;
          /* Per-share figures follow the income statement before them. */
          if (amount->diluted_only ||
              (mention->phrase->metric == READOUT_METRIC_EPS && mention->diluted))
            continue;
          if (mention->phrase->metric != READOUT_METRIC_EPS &&
              mention->phrase->metric != READOUT_METRIC_NET_INCOME)
            continue;
          metric = READOUT_METRIC_EPS;
          sign = mention->phrase->sign;
        }
      else
        {
          if (money_mention == NULL || money_mention->part)
            continue;
          if (money_mention->changed &&
              !ends_with (&changed_to_set, pre, a_start))
            continue;
          /* "operating expenses for the quarter included $86,100 in …"
           * (the next " includ" is looked for again only once it is passed:
           * searching per amount made long sentences quadratic). */
          {
            const char *from = sentence + money_mention->end;

            if (includ_from == NULL || from < includ_from || (includ != NULL && includ < from))
              {
                includ_from = from;
                includ = readout_find (from, end - from, " includ");
              }
            if (includ != NULL && includ + strlen (" includ") <= a_start)
              continue;
          }
          mention = money_mention;
          metric = mention->phrase->metric;
          sign = mention->phrase->sign;
        }
      if (mention->part && metric != READOUT_METRIC_EPS)
        continue;

      slot = &local[metric];

      /* A change: "an increase of $1.2 million", "a $0.3 million
       * reduction", "decreased 49%, or $3.5 million,". */
      if (ends_with (&change_before_set, pre, a_start) ||
          starts_with (&change_after_set, a_end, end) ||
          (ends_with (&or_set, pre, a_start) &&
           memchr (pre, '%', a_start - pre) != NULL))
        {
          int direction = change_direction (ctx, pre, MIN (end, a_end + 24));
          /* "… and increased by $3.0 million for the six months": not
           * this period's change. */
          gboolean other = post_other || post_time == TIME_OTHER ||
                           (other_phase && post_time == TIME_NONE);
          if (!slot->has_change && direction != 0 && !other)
            {
              slot->has_change = TRUE;
              slot->change = direction * fabs (amount->value);
              slot->change_tol = amount->tolerance;
            }
          continue;
        }

      if (post_other || post_time == TIME_OTHER)
        continue;
      if (other_phase && post_time == TIME_NONE)
        continue;

      value = amount->value;
      if (metric == READOUT_METRIC_OPERATING_INCOME || metric == READOUT_METRIC_NET_INCOME ||
          metric == READOUT_METRIC_EPS)
        {
          /* "compared to a net loss of $X": the words before decide. */
          SignHint local_sign = sign_in (ctx, pre, a_start);
          if (local_sign != SIGN_NONE && (prior_phase || sign == SIGN_NONE || metric == READOUT_METRIC_EPS))
            sign = local_sign;
          if (ends_with (&negative_set, pre, a_start))
            sign = SIGN_LOSS;
          value = apply_sign (value, sign);
        }
      else
        value = fabs (value);

      if (mention->phrase->weak)
        weak_income = TRUE;

      if (metric == READOUT_METRIC_CASH)
        {
          char iso[11];
          gboolean is_end = FALSE;
          gboolean dated = find_date (ctx, a_end, post_end, iso, &is_end);

          if (!dated)
            dated = find_date (ctx, pre, a_start, iso, &is_end);
          if (dated && !is_end && (prior_phase || slot->has_current))
            {
              if (!slot->has_prior)
                {
                  slot->has_prior = TRUE;
                  slot->prior = value;
                  slot->prior_tol = amount->tolerance;
                  memcpy (slot->prior_date, iso, 11);
                }
              continue;
            }
          if (dated && is_end && (!slot->has_current || !slot->anchored))
            {
              slot->has_current = TRUE;
              slot->anchored = TRUE;
              slot->current = value;
              slot->current_tol = amount->tolerance;
              memcpy (slot->currency, amount->currency, 4);
              continue;
            }
        }

      if (post_time == TIME_PRIOR || (prior_phase && post_time != TIME_CURRENT))
        {
          /* "… $5.0 million and … $2.0 million, compared to $4.0 million
           * and $1.5 million, respectively": priors in the order of the
           * currents, whatever mention is nearest. */
          if (respectively < 0)
            respectively = readout_find (sentence, end - sentence, "respectively") != NULL;
          if (respectively && metric != READOUT_METRIC_EPS)
            {
              if (n_respective < G_N_ELEMENTS (respective))
                respective[n_respective++] = (Respective) { value, amount->tolerance };
              continue;
            }
          if (!slot->has_prior)
            {
              slot->has_prior = TRUE;
              slot->prior = value;
              slot->prior_tol = amount->tolerance;
            }
        }
      else if (!slot->has_current)
        {
          slot->has_current = TRUE;
          slot->current = value;
          slot->current_tol = amount->tolerance;
          memcpy (slot->currency, amount->currency, 4);
          if (n_current_order < G_N_ELEMENTS (current_order))
            current_order[n_current_order++] = metric;
        }
    }

  if (respectively > 0)
    {
      /* Pair only when the counts match; otherwise the pairing is a guess. */
      if (n_respective == n_current_order)
        for (guint k = 0; k < n_respective; k++)
          {
            Local *slot = &local[current_order[k]];
            slot->has_prior = TRUE;
            slot->prior = respective[k].value;
            slot->prior_tol = respective[k].tolerance;
          }
    }

  /* Percent changes stated for a mention ("increased 32 percent to"). */
  for (guint m = 0; m < mentions->len; m++)
    {
      const Mention *mention = &g_array_index (mentions, Mention, m);
      const char *from = sentence + mention->end;
      const char *to = m + 1 < mentions->len ? sentence + g_array_index (mentions, Mention, m + 1).start : end;
      double percent;

      if (mention->part)
        continue;
      /* Or just before it: "a 46% decrease in operating expenses". */
      if (find_percent (ctx, from, to, &percent) ||
          (m == 0 && find_percent (ctx, sentence, sentence + mention->start, &percent)))
        {
          Local *slot = &local[mention->phrase->metric];
          if (!slot->has_percent)
            {
              slot->has_percent = TRUE;
              slot->percent = percent;
            }
        }
    }

  for (guint metric = 0; metric < READOUT_N_CATALOGUE_METRICS; metric++)
    {
      Local *slot = &local[metric];
      ReadoutCandidate candidate = { READOUT_ORIGIN_PROSE };
      int rank, best_rank;

      if (metric == READOUT_METRIC_NET_INCOME && weak_income && !per_share_seen)
        continue;
      if (!slot->has_current && !slot->has_prior)
        continue;

      candidate.source_start = offset;
      candidate.source_end = offset + (end - sentence);
      memcpy (candidate.currency, slot->currency[0] ? slot->currency : ctx->currency, 4);

      if (!slot->has_current)
        {
          /* A sentence about the prior period only ("This compares to
           * operating expenses of $5.2 million …"). */
          if (priors[metric].origin == READOUT_ORIGIN_NONE)
            {
              candidate.has_prior = TRUE;
              candidate.prior = slot->prior;
              candidate.prior_tolerance = slot->prior_tol;
              memcpy (candidate.prior_date, slot->prior_date, 11);
              priors[metric] = candidate;
            }
          continue;
        }

      candidate.has_current = TRUE;
      candidate.current = slot->current;
      candidate.current_tolerance = slot->current_tol;
      candidate.anchored = slot->anchored;
      if (slot->has_prior)
        {
          candidate.has_prior = TRUE;
          candidate.prior = slot->prior;
          candidate.prior_tolerance = slot->prior_tol;
          memcpy (candidate.prior_date, slot->prior_date, 11);
          /* Only beside a stated prior can the change be checked; a prior
           * derived from it would agree by construction.  Of a loss in both
           * years the words speak of the loss ("net loss …, an increase of
           * $1.0 million"); from a loss to income they are ambiguous. */
          if (slot->has_change &&
              (!readout_metric_is_signed (metric) || (slot->current < 0) == (slot->prior < 0)))
            {
              gboolean loss = readout_metric_is_signed (metric) && slot->current < 0;

              candidate.has_change = TRUE;
              candidate.change = loss ? -slot->change : slot->change;
              candidate.change_tolerance = slot->change_tol;
            }
        }
      else if (!readout_metric_is_signed (metric) && slot->has_change)
        {
          candidate.has_prior = TRUE;
          candidate.prior_derived = TRUE;
          candidate.prior = slot->current - slot->change;
          candidate.prior_tolerance = slot->current_tol + slot->change_tol;
        }
      else if (!readout_metric_is_signed (metric) && slot->has_percent)
        {
          candidate.has_prior = TRUE;
          candidate.prior_derived = TRUE;
          candidate.prior = slot->current / (1.0 + slot->percent / 100.0);
          candidate.prior_tolerance = candidate.prior * 0.005 + slot->current_tol;
        }
      if (candidate.has_prior && candidate.prior < 0 && !readout_metric_is_signed (metric))
        candidate.has_prior = candidate.prior_derived = FALSE;

      /* Stated priors beat derived ones beat none; cash stated "as of"
       * the period's end beats cash without a date; else the first. */
      rank = (candidate.has_prior ? (candidate.prior_derived ? 1 : 2) : 0) +
             (candidate.anchored ? 4 : 0);
      best_rank = best[metric].origin == READOUT_ORIGIN_NONE ? -1
                  : (best[metric].has_prior ? (best[metric].prior_derived ? 1 : 2) : 0) +
                    (best[metric].anchored ? 4 : 0);
      if (rank > best_rank)
        best[metric] = candidate;
    }
}

/* A list mark is not part of the sentence: "- ", "• ", "● ", "▪ ". */
static const char *
skip_bullet (const char *p,
             const char *end)
{
  static const char * const marks[] = {
    "- ", "* ", "o ", "\xE2\x80\xA2", "\xE2\x97\x8F", "\xE2\x96\xAA", "\xC2\xB7",
  };
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      while (p < end && *p == ' ')
        p++;
      for (gsize i = 0; i < G_N_ELEMENTS (marks); i++)
        {
          gsize n = strlen (marks[i]);
          if ((gsize) (end - p) > n && strncmp (p, marks[i], n) == 0)
            {
              p += n;
              again = TRUE;
            }
        }
    }
  return p;
}

void
readout_prose_find (const char          *text,
                    gsize                len,
                    const ReadoutPeriod *period,
                    const char          *currency,
                    ReadoutCandidate     found[READOUT_N_CATALOGUE_METRICS])
{
  g_autoptr(GArray) amounts = g_array_new (FALSE, FALSE, sizeof (ReadoutAmount));
  g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (guint32));
  Context ctx = { text, period, currency, amounts, mentions, words, NULL };
  ReadoutCandidate priors[READOUT_N_CATALOGUE_METRICS] = { { 0 } };
  const char *end = text + len;
  const char *line = text;

  while (line < end)
    {
      const char *line_end = memchr (line, '\n', end - line);
      const char *sentence;

      if (line_end == NULL)
        line_end = end;

      /* Table rows belong to the table finder. */
      if (!readout_is_table_row (line, line_end - line))
        {
          SentenceStops stops = { { NULL } };

          sentence = line;
          for (const char *p = line; p < line_end; p++)
            {
              /* Most bytes end no sentence: skip to the next that may. */
              p = MIN (next_stop (&stops, p, line_end), line_end - 1);
              if (p + 1 == line_end || sentence_ends_at (line, p, line_end))
                {
                  const char *s_end = p + 1;
                  sentence = skip_bullet (sentence, s_end);
                  if (s_end > sentence)
                    read_sentence (&ctx, sentence - text, sentence, s_end, found, priors);
                  sentence = s_end;
                }
            }
        }
      line = line_end + 1;
    }

  /* A figure whose sentence gave no prior takes one from a sentence that
   * states only the prior period. */
  for (guint m = 0; m < READOUT_N_CATALOGUE_METRICS; m++)
    {
      if (found[m].origin == READOUT_ORIGIN_NONE || found[m].has_prior ||
          priors[m].origin == READOUT_ORIGIN_NONE)
        continue;
      found[m].has_prior = TRUE;
      found[m].prior = priors[m].prior;
      found[m].prior_tolerance = priors[m].prior_tolerance;
      memcpy (found[m].prior_date, priors[m].prior_date, 11);
    }
}
