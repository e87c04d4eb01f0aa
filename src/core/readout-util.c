/* readout-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
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
  gsize n = strlen (needle);
  const char *end = haystack + len;
  const char *p = haystack;

  if (n == 0)
    return haystack;
  while (p + n <= end && (p = memchr (p, needle[0], end - p - n + 1)) != NULL)
    {
      if (memcmp (p, needle, n) == 0)
        return p;
      p++;
    }
  return NULL;
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
