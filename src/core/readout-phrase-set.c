/* readout-phrase-set.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "readout-phrase-set.h"

const char *
readout_phrase_set_get (const ReadoutPhraseSet *set,
                        int                     index)
{
  return *(const char * const *) ((const char *) set->list + (gsize) index * set->stride);
}

gsize
readout_phrase_set_len (const ReadoutPhraseSet *set,
                        int                     index)
{
  return set->len[index];
}

/* Group the phrase indices by a byte of each phrase, keeping list order in
 * each group (the first phrase of the list that matches must win). */
static void
index_by (const guint8 key[],
          guint        n,
          guint8       order[],
          guint8       start[257])
{
  guint count[256] = { 0 };
  guint next[256];
  guint sum = 0;

  for (guint i = 0; i < n; i++)
    count[key[i]]++;
  for (guint b = 0; b < 256; b++)
    {
      start[b] = next[b] = sum;
      sum += count[b];
    }
  start[256] = sum;
  for (guint i = 0; i < n; i++)
    order[next[key[i]]++] = i;
}

const guint8 readout_ascii_lower[256] = {
#define L(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c))
#define ROW(r) L (r + 0), L (r + 1), L (r + 2), L (r + 3), L (r + 4), L (r + 5), L (r + 6), L (r + 7), \
               L (r + 8), L (r + 9), L (r + 10), L (r + 11), L (r + 12), L (r + 13), L (r + 14), L (r + 15)
  ROW (0), ROW (16), ROW (32), ROW (48), ROW (64), ROW (80), ROW (96), ROW (112),
  ROW (128), ROW (144), ROW (160), ROW (176), ROW (192), ROW (208), ROW (224), ROW (240),
#undef ROW
#undef L
};

/* Case-insensitive ASCII compare of @n bytes. */
static inline gboolean
same_words (const char *a,
            const char *b,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (readout_ascii_lower[(guint8) a[i]] != readout_ascii_lower[(guint8) b[i]])
      return FALSE;
  return TRUE;
}

void
readout_phrase_set_build (ReadoutPhraseSet *set)
{
  static GMutex lock;
  guint8 first[READOUT_PHRASE_SET_MAX], last[READOUT_PHRASE_SET_MAX];
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  if (set->ready != NULL)
    return;

  g_assert (set->n_phrases <= READOUT_PHRASE_SET_MAX);
  for (guint i = 0; i < set->n_phrases; i++)
    {
      const char *phrase = readout_phrase_set_get (set, i);
      gsize len = strlen (phrase);

      g_assert (len >= 2 && len < 256);
      set->len[i] = len;
      first[i] = readout_phrase_bucket (phrase[0], phrase[1]);
      last[i] = readout_phrase_bucket (phrase[len - 2], phrase[len - 1]);
    }
  index_by (first, set->n_phrases, set->by_first, set->first_start);
  index_by (last, set->n_phrases, set->by_last, set->last_start);
  /* Published last: readers test it without the lock. */
  g_atomic_pointer_set (&set->ready, set);
}

int
readout_phrase_set_scan (const ReadoutPhraseSet *set,
                         const char             *p,
                         const char             *end)
{
  guint8 b = readout_phrase_bucket (p[0], p[1]);

  for (guint k = set->first_start[b]; k < set->first_start[b + 1]; k++)
    {
      guint i = set->by_first[k];
      gsize n = set->len[i];
      const char *phrase;

      if ((gsize) (end - p) < n)
        continue;
      phrase = readout_phrase_set_get (set, i);
      if (same_words (p, phrase, n) &&
          (p + n == end || !readout_is_word_char (p[n]) || !readout_is_word_char (phrase[n - 1])))
        return i;
    }
  return -1;
}

int
readout_phrase_set_before (ReadoutPhraseSet *set,
                           const char       *start,
                           const char       *p)
{
  guint8 b;

  while (p > start && (p[-1] == ' ' || p[-1] == ','))
    p--;
  if (p - start < 2)
    return -1;
  if (G_UNLIKELY (!g_atomic_pointer_get (&set->ready)))
    readout_phrase_set_build (set);
  b = readout_phrase_bucket (p[-2], p[-1]);
  for (guint k = set->last_start[b]; k < set->last_start[b + 1]; k++)
    {
      guint i = set->by_last[k];
      gsize n = set->len[i];
      const char *from = p - n;

      if ((gsize) (p - start) < n)
        continue;
      if (same_words (from, readout_phrase_set_get (set, i), n) &&
          (from == start || !readout_is_word_char (from[-1])))
        return i;
    }
  return -1;
}
