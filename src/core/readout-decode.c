/* readout-decode.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "readout-decode.h"

/* Windows-1252's 0x80..0x9f; the rest of the upper half is Latin-1. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0xFFFD,
};

ReadoutText *
readout_decode_cp1252 (GBytes            *bytes,
                       gsize              skip,
                       ReadoutTextFormat  format)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);
  g_autoptr(ReadoutTextBuilder) builder =
    readout_text_builder_new (bytes, format, size + size / 8);
  gsize run = MIN (skip, size);

  /* ASCII runs are copies; each other byte stands for one character. */
  for (gsize i = run; i < size; i++)
    {
      char utf8[6];
      gunichar c;
      int n;

      if (data[i] < 0x80 && data[i] != 0)
        continue;
      readout_text_builder_append_copy (builder, (const char *) data + run, i - run, run);
      c = data[i] == 0 ? 0x20 : data[i] < 0xa0 ? cp1252_high[data[i] - 0x80] : data[i];
      n = g_unichar_to_utf8 (c, utf8);
      readout_text_builder_append_at (builder, utf8, n, i);
      run = i + 1;
    }
  readout_text_builder_append_copy (builder, (const char *) data + run, size - run, run);
  return readout_text_builder_finish (g_steal_pointer (&builder));
}

ReadoutText *
readout_decode_utf16 (GBytes            *bytes,
                      gboolean           big_endian,
                      ReadoutTextFormat  format)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);
  g_autoptr(ReadoutTextBuilder) builder =
    readout_text_builder_new (bytes, format, size / 2 + 16);

  for (gsize i = 2; i + 1 < size; i += 2)
    {
      gunichar c = big_endian ? (data[i] << 8 | data[i + 1]) : (data[i + 1] << 8 | data[i]);
      gsize start = i;
      char utf8[6];
      int n;

      if (c >= 0xD800 && c < 0xDC00 && i + 3 < size)
        {
          gunichar low = big_endian ? (data[i + 2] << 8 | data[i + 3]) : (data[i + 3] << 8 | data[i + 2]);
          if (low >= 0xDC00 && low < 0xE000)
            {
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              i += 2;
            }
        }
      if (c == 0 || (c >= 0xD800 && c < 0xE000))
        c = 0xFFFD;
      n = g_unichar_to_utf8 (c, utf8);
      /* ASCII maps two bytes apart, so a run of it is one map entry. */
      readout_text_builder_append_mapped (builder, utf8, n, start + (big_endian ? 1 : 0),
                                          n == 1 ? 2 : 0);
    }
  return readout_text_builder_finish (g_steal_pointer (&builder));
}

const char *
readout_fold_char (gunichar c)
{
  /* DEL and the C1 controls (a terminal runs U+009B as an escape);
   * U+0085 is a line break. */
  if (c >= 0x7F && c <= 0x9F)
    return c == 0x85 ? " " : "";
  switch (c)
    {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
      return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE63: case 0xFF0D:
      return "-";
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x200E: case 0x200F:
    case 0x2060: case 0xFEFF: case 0x202A: case 0x202B: case 0x202C: case 0x202D:
    case 0x202E: case 0x2066: case 0x2067: case 0x2068: case 0x2069:
      return "";
    default:
      return NULL;
    }
}

gboolean
readout_utf8_validate (const char *data,
                       gsize       len)
{
  const char *p = data, *end = data + len;

  while (p < end)
    {
      const char *run;

      /* Whole words of ASCII. */
      while (end - p >= 8)
        {
          guint64 word;
          memcpy (&word, p, 8);
          if (word & G_GUINT64_CONSTANT (0x8080808080808080))
            break;
          p += 8;
        }
      while (p < end && (guchar) *p < 0x80)
        p++;
      if (p >= end)
        break;
      /* A run of non-ASCII bytes holds whole sequences when it is valid. */
      run = p;
      while (p < end && (guchar) *p >= 0x80)
        p++;
      if (!g_utf8_validate_len (run, p - run, NULL))
        return FALSE;
    }
  /* g_utf8_validate_len() refuses NUL; so does this. */
  return memchr (data, '\0', len) == NULL;
}
