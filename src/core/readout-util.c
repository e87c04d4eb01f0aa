/* readout-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* memmem() */
#define _GNU_SOURCE
#include "config.h"

#include <string.h>

#include "readout-util.h"

char *
readout_fold_whitespace (const char *text,
                         gsize       len)
{
  g_autofree char *valid = g_utf8_make_valid (text, len);
  GString *out = g_string_sized_new (len);
  gboolean pending_space = FALSE;

  for (const char *p = valid; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

const char *
readout_find (const char *haystack,
              gsize       len,
              const char *needle)
{
  return memmem (haystack, len, needle, strlen (needle));
}

gboolean
readout_is_table_row (const char *line,
                      gsize       len)
{
  const char *end = line + len;

  if (len == 0)
    return FALSE;
  if (line[0] == '|' || end[-1] == '|')
    return TRUE;
  /* "|" is rare in prose: look for it, not for the spaces around it. */
  for (const char *bar = memchr (line, '|', len); bar != NULL;
       bar = memchr (bar + 1, '|', end - bar - 1))
    if (bar[-1] == ' ' && bar + 1 < end && bar[1] == ' ')
      return TRUE;
  return FALSE;
}

gboolean
readout_word_at (const char *p,
                 const char *end,
                 const char *word)
{
  gsize n;

  /* Most words differ in their first letters: check them before measuring. */
  if (p >= end || ((*p | 0x20) != (word[0] | 0x20)))
    return FALSE;
  if (word[1] != '\0' && (p + 1 >= end || (p[1] | 0x20) != (word[1] | 0x20)))
    return FALSE;
  n = strlen (word);
  return (gsize) (end - p) >= n && g_ascii_strncasecmp (p, word, n) == 0 &&
         (p + n == end || !(g_ascii_isalnum (p[n]) || p[n] == '_'));
}
