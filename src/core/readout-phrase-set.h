/* readout-phrase-set.h: a fixed list of phrases, matched at a point.
 *
 * The finders ask, at every word of a sentence, "does one of these
 * phrases start here?" (or end here).  Comparing the whole list at every
 * word was most of their time; a set is indexed once by the first and the
 * last two bytes of its phrases, so a word is compared only with the
 * phrases that start (or end) with its first two letters (and the few
 * that share their bucket).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define READOUT_PHRASE_SET_MAX 96

typedef struct
{
  /* The list: @n_phrases strings, @stride bytes apart (an array of
   * `const char *` or of structs whose first member is the phrase). */
  const void *list;
  gsize       stride;
  guint       n_phrases;

  /* Built on first use. */
  gpointer    ready;    /* non-NULL once built */
  guint8      len[READOUT_PHRASE_SET_MAX];
  guint8      by_first[READOUT_PHRASE_SET_MAX];  /* indices, list order */
  guint8      by_last[READOUT_PHRASE_SET_MAX];
  guint8      first_start[257];   /* bucket b is by_first[[b], [b+1]) */
  guint8      last_start[257];
} ReadoutPhraseSet;

/* A set over a static array: of strings, or of structs that begin with one. */
#define READOUT_PHRASE_SET_INIT(array) \
  { (array), sizeof ((array)[0]), G_N_ELEMENTS (array), NULL, { 0 }, { 0 }, { 0 }, { 0 }, { 0 } }

/* Is @c part of a word for phrase boundaries ("R&D", "company's")? */
static inline gboolean
readout_is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '&' || c == '\'';
}

/* ASCII lower case without a function call (g_ascii_tolower is one). */
extern const guint8 readout_ascii_lower[256];

/* The bucket of two bytes, in any case.  Every phrase has two or more. */
static inline guint8
readout_phrase_bucket (char a,
                       char b)
{
  return (guint8) (readout_ascii_lower[(guint8) a] * 31u + readout_ascii_lower[(guint8) b]);
}

void        readout_phrase_set_build   (ReadoutPhraseSet *set);
int         readout_phrase_set_scan    (const ReadoutPhraseSet *set,
                                        const char             *p,
                                        const char             *end);

/* The first phrase of the list (ASCII, any case) that starts at @p and is
 * not followed by more of the same word; -1 if none.  Inline: most words
 * start with letters no phrase of the set starts with. */
static inline int
readout_phrase_set_at (ReadoutPhraseSet *set,
                       const char       *p,
                       const char       *end)
{
  guint8 b;

  if (end - p < 2)
    return -1;
  if (G_UNLIKELY (!g_atomic_pointer_get (&set->ready)))
    readout_phrase_set_build (set);
  b = readout_phrase_bucket (p[0], p[1]);
  if (set->first_start[b] == set->first_start[b + 1])
    return -1;
  return readout_phrase_set_scan (set, p, end);
}

/* The first phrase of the list that ends right before @p (after any spaces
 * and commas there) and starts a word at or after @start; -1 if none. */
int         readout_phrase_set_before  (ReadoutPhraseSet *set,
                                        const char       *start,
                                        const char       *p);

/* Phrase @index of the set, and its length. */
const char *readout_phrase_set_get     (const ReadoutPhraseSet *set,
                                        int                     index);
gsize       readout_phrase_set_len     (const ReadoutPhraseSet *set,
                                        int                     index);

G_END_DECLS
