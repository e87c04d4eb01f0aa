/* readout-plain-loader.c: plain-text releases.
 *
 * Two passes: decoding (UTF-8 as is, UTF-16 by its BOM, anything else as
 * Windows-1252) and normalization, which undoes what copying a release
 * through web pages and mail leaves behind: "\$" escapes, hard-wrapped
 * lines, a sentence broken by a blank line, non-breaking and zero-width
 * spaces, typographic dashes and quotes, control and bidi characters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "readout-util.h"
#include "readout-decode.h"
#include "readout-error.h"
#include "readout-loader.h"

#define CANCEL_CHECK_INTERVAL 4096

static gboolean
looks_binary (const char *data,
              gsize       size)
{
  gsize n = MIN (size, 65536);
  gsize controls = 0;

  for (gsize i = 0; i < n; i++)
    {
      guchar c = data[i];
      if (c == 0)
        return TRUE;
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
        controls++;
    }
  /* A text has the odd stray control character, a binary many. */
  return controls * 20 > n;
}

/* Decodes @bytes into UTF-8, borrowing them when they are UTF-8 already. */
static ReadoutText *
decode (GBytes    *bytes,
        gboolean  *copied,
        GError   **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  *copied = TRUE;
  if (size >= 2 && (guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
    return readout_decode_utf16 (bytes, FALSE, READOUT_TEXT_FORMAT_PLAIN);
  if (size >= 2 && (guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)
    return readout_decode_utf16 (bytes, TRUE, READOUT_TEXT_FORMAT_PLAIN);

  if (looks_binary (data, size))
    {
      g_set_error (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_BINARY,
                   _("The file is not text, HTML or PDF"));
      return NULL;
    }

  *copied = FALSE;
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 &&
      readout_utf8_validate (data + 3, size - 3))
    return readout_text_new_borrowed (bytes, 3, READOUT_TEXT_FORMAT_PLAIN);
  if (readout_utf8_validate (data, size))
    return readout_text_new_borrowed (bytes, 0, READOUT_TEXT_FORMAT_PLAIN);
  *copied = TRUE;
  return readout_decode_cp1252 (bytes, 0, READOUT_TEXT_FORMAT_PLAIN);
}

/* Asks the kernel to page out @bytes (never changes their contents: file
 * pages are read again on use; anonymous ones without swap stay). */
static void
release_pages (GBytes *bytes)
{
#ifdef MADV_PAGEOUT
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  guintptr start = ((guintptr) data + page - 1) & ~(guintptr) (page - 1);
  guintptr end = ((guintptr) data + size) & ~(guintptr) (page - 1);

  if (end > start)
    madvise ((void *) start, end - start, MADV_PAGEOUT);
#endif
}

/* ---- normalization ---------------------------------------------------- */

typedef enum
{
  LINE_BLANK,
  LINE_TABLE,    /* a row with " | " cells, or a lone cell mark "|" */
  LINE_BULLET,   /* "- ", "• ", "* " or a lone bullet */
  LINE_PROSE,
} LineKind;

/* 32-bit offsets: a line per ten bytes of a huge file is a lot of lines
 * (the loader refuses texts over 4 GiB). */
typedef struct
{
  guint32  start;   /* first byte of the line's content (after indentation) */
  guint32  end;     /* one past its last non-blank byte */
  LineKind kind;
} Line;

static gboolean
is_blank_char (const char *p)
{
  guchar c = p[0];
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v')
    return TRUE;
  /* U+00A0, U+2000..U+200B, U+202F, U+3000, U+FEFF */
  if (c == 0xC2 && (guchar) p[1] == 0xA0)
    return TRUE;
  if (c == 0xE2 && (guchar) p[1] == 0x80 &&
      ((guchar) p[2] <= 0x8B || (guchar) p[2] == 0xAF))
    return TRUE;
  if (c == 0xEF && (guchar) p[1] == 0xBB && (guchar) p[2] == 0xBF)
    return TRUE;
  return FALSE;
}

static gsize
blank_len (const char *p,
           const char *end)
{
  guchar c = p[0];
  if (c < 0x80)
    return 1;
  if (c == 0xC2 && p + 1 < end)
    return 2;
  return p + 2 < end ? 3 : 1;
}

static void
trim_line (const char *text,
           Line       *line)
{
  while (line->start < line->end && is_blank_char (text + line->start) &&
         line->start + blank_len (text + line->start, text + line->end) <= line->end)
    line->start += blank_len (text + line->start, text + line->end);
  while (line->end > line->start)
    {
      guchar c = text[line->end - 1];
      if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r')
        line->end--;
      else if (line->end - line->start >= 2 && c == 0xA0 && (guchar) text[line->end - 2] == 0xC2)
        line->end -= 2;
      else
        break;
    }
}

static LineKind
classify (const char *text,
          const Line *line)
{
  const char *p = text + line->start;
  gsize len = line->end - line->start;

  if (len == 0)
    return LINE_BLANK;
  if (readout_is_table_row (p, len))
    return LINE_TABLE;
  if ((len >= 2 && (p[0] == '-' || p[0] == '*' || p[0] == 'o') && p[1] == ' ') ||
      (len == 1 && (p[0] == '-' || p[0] == '*' || p[0] == 'o')) ||
      (len >= 3 && memcmp (p, "\xE2\x80\xA2", 3) == 0) ||   /* • */
      (len >= 3 && memcmp (p, "\xE2\x96\xAA", 3) == 0) ||   /* ▪ */
      (len >= 2 && memcmp (p, "\xC2\xB7", 2) == 0))         /* · */
    return LINE_BULLET;
  return LINE_PROSE;
}

static gboolean
ends_sentence (const char *text,
               const Line *line)
{
  const char *p = text + line->end;
  /* Look through closing quotes and brackets. */
  while (p > text + line->start)
    {
      guchar c = p[-1];
      if (c == '"' || c == '\'' || c == ')')
        p--;
      else if (p - 3 >= text + line->start && (guchar) p[-3] == 0xE2 && (guchar) p[-2] == 0x80 &&
               ((guchar) p[-1] == 0x9D || (guchar) p[-1] == 0x99))
        p -= 3;
      else
        break;
    }
  if (p == text + line->start)
    return TRUE;
  return strchr (".!?:;", p[-1]) != NULL;
}

static const char * const months[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
  "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.",
  "Oct.", "Nov.", "Dec.",
};

/* Does the line start like the rest of a sentence (lower case, a number,
 * an amount, a date)? */
static gboolean
starts_continuation (const char *text,
                     const Line *line)
{
  const char *p = text + line->start;
  gsize len = line->end - line->start;
  guchar c = p[0];

  if (g_ascii_islower (c) || g_ascii_isdigit (c) || c == '$' || c == '(' || c == '\\')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      gsize n = strlen (months[i]);
      if (len > n + 1 && strncmp (p, months[i], n) == 0 && p[n] == ' ' &&
          g_ascii_isdigit (p[n + 1]))
        return TRUE;
    }
  return FALSE;
}

/* A line long enough to have been wrapped, not a heading. */
#define WRAPPED_LINE_MIN 50

/* The first bytes of what emit_line() replaces: escapes, controls, and
 * the lead bytes of C1 controls, spaces, dashes, quotes, marks and BOMs. */
static const guint8 may_replace[256] = {
  [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1,
  [0x08] = 1, [0x09] = 1, [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1, [0x0E] = 1, [0x0F] = 1,
  [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
  [0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1,
  ['\\'] = 1, [0x7F] = 1, [0xC2] = 1, [0xE2] = 1, [0xEF] = 1,
};

/* The first byte of [i, end) that emit_line() may replace.  A word of
 * eight printable ASCII bytes other than "\\" has none: no high bit, no
 * byte below 0x20, no 0x7F, no 0x5C. */
static gsize
skip_kept (const char *text,
           gsize       i,
           gsize       end)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);

  while (end - i >= 8)
    {
      guint64 x, below_space, del, backslash;

      memcpy (&x, text + i, 8);
      below_space = (x - ones * 0x20) & ~x;
      del = ((x ^ (ones * 0x7F)) - ones) & ~(x ^ (ones * 0x7F));
      backslash = ((x ^ (ones * 0x5C)) - ones) & ~(x ^ (ones * 0x5C));
      if (((x | below_space | del | backslash) & highs) != 0)
        break;
      i += 8;
    }
  while (i < end && !may_replace[(guchar) text[i]])
    i++;
  return i;
}

/* Copies @line's content, replacing what a reader never wants to see. */
static void
emit_line (ReadoutTextBuilder *builder,
           ReadoutText        *source,
           const char         *text,
           const Line         *line)
{
  gsize run = line->start;
  gsize i = line->start;

#define FLUSH() readout_text_builder_append_from (builder, source, run, i - run)
#define REPLACE(str, n) G_STMT_START {                                          \
    FLUSH ();                                                                   \
    readout_text_builder_append_at (builder, str, strlen (str),                 \
                                    readout_text_to_original (source, i));      \
    i += (n);                                                                   \
    run = i;                                                                    \
  } G_STMT_END

  while (i < line->end)
    {
      guchar c;

      /* Most bytes are kept as they are: pass them eight at a time. */
      i = skip_kept (text, i, line->end);
      if (i >= line->end)
        break;
      c = text[i];

      if (c == '\\' && i + 1 < line->end && g_ascii_ispunct (text[i + 1]))
        {
          /* "\$" and friends: markdown escapes. */
          FLUSH ();
          i++;
          run = i;
          i++;
        }
      else if (c < 0x20 || c == 0x7F)
        {
          if (c == '\t')
            i++;
          else
            REPLACE ("", 1);
        }
      else if (c == 0xC2 && i + 1 < line->end && (guchar) text[i + 1] >= 0x80 && (guchar) text[i + 1] <= 0x9F)
        REPLACE ((guchar) text[i + 1] == 0x85 ? " " : "", 2);   /* C1 controls; U+0085 breaks a line */
      else if (c == 0xC2 && i + 1 < line->end && ((guchar) text[i + 1] == 0xA0 || (guchar) text[i + 1] == 0xAD))
        REPLACE ((guchar) text[i + 1] == 0xA0 ? " " : "", 2);
      else if (c == 0xE2 && i + 2 < line->end && (guchar) text[i + 1] == 0x80)
        {
          guchar d = text[i + 2];
          if (d <= 0x8A || d == 0xAF)
            REPLACE (" ", 3);
          else if (d == 0x8B || d == 0x8C || d == 0x8D || d == 0x8E || d == 0x8F ||
                   (d >= 0xAA && d <= 0xAE))
            REPLACE ("", 3);                  /* zero-width and bidi marks */
          else if (d >= 0x90 && d <= 0x95)
            REPLACE ("-", 3);                 /* hyphens and dashes */
          else if (d >= 0x98 && d <= 0x9B)
            REPLACE ("'", 3);
          else if (d >= 0x9C && d <= 0x9F)
            REPLACE ("\"", 3);
          else
            i += 3;
        }
      else if (c == 0xE2 && i + 2 < line->end && (guchar) text[i + 1] == 0x88 && (guchar) text[i + 2] == 0x92)
        REPLACE ("-", 3);                     /* U+2212 minus sign */
      else if (c == 0xE2 && i + 2 < line->end && (guchar) text[i + 1] == 0x81 &&
               (guchar) text[i + 2] >= 0xA6 && (guchar) text[i + 2] <= 0xA9)
        REPLACE ("", 3);                      /* bidi isolates */
      else if (c == 0xEF && i + 2 < line->end && (guchar) text[i + 1] == 0xBB && (guchar) text[i + 2] == 0xBF)
        REPLACE ("", 3);
      else
        i++;
    }
  FLUSH ();

#undef REPLACE
#undef FLUSH
}

ReadoutText *
readout_plain_load (GBytes        *bytes,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(ReadoutText) source = NULL;
  g_autoptr(ReadoutTextBuilder) builder = NULL;
  g_autoptr(GArray) lines = NULL;
  const char *text;
  gsize len, pos = 0, next_nl = 0;
  gboolean any_text = FALSE, have_nl = FALSE;
  gboolean hard_wrapped;
  gboolean copied;

  if (g_bytes_get_size (bytes) >= G_MAXUINT32 / 2)
    {
      g_set_error (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_TOO_LARGE,
                   _("The file is too large"));
      return NULL;
    }

  source = decode (bytes, &copied, error);
  if (source == NULL)
    return NULL;
  /* A decoded copy now stands for the file: let the kernel take back the
   * file's pages until the map needs them (the memory budget of DESIGN.md
   * is three times the input). */
  if (copied)
    release_pages (bytes);

  text = readout_text_get_text (source, &len);
  lines = g_array_new (FALSE, FALSE, sizeof (Line));
  while (pos < len)
    {
      gsize end;
      Line line;

      /* The next LF is looked for once, not once for every line a lone CR
       * ends before it (a CR-only file would be quadratic). */
      if (!have_nl || next_nl < pos)
        {
          const char *nl = memchr (text + pos, '\n', len - pos);
          next_nl = nl ? (gsize) (nl - text) : len;
          have_nl = TRUE;
        }
      end = next_nl;
      line = (Line) { pos, end, LINE_BLANK };

      /* A lone CR ends a line too (old Mac files). */
      const char *cr = memchr (text + pos, '\r', end - pos);
      if (cr != NULL && (gsize) (cr - text) + 1 < end)
        {
          line.end = cr - text;
          end = line.end;
        }
      trim_line (text, &line);
      line.kind = classify (text, &line);
      g_array_append_val (lines, line);
      pos = end + 1;

      if (lines->len % CANCEL_CHECK_INTERVAL == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }

  /* A hard-wrapped text breaks most of its prose lines mid-sentence; a
   * text with a line per paragraph ends them with punctuation.  Only the
   * first joins a long line to a capitalized next line ("... Accelr8
   * Technology" / "Corporation (Amex: AXK) ..."); in the second that line
   * is a title. */
  {
    guint prose = 0, open_long = 0;
    for (guint i = 0; i < lines->len; i++)
      {
        const Line *line = &g_array_index (lines, Line, i);
        if (line->kind != LINE_PROSE)
          continue;
        prose++;
        if (line->end - line->start >= WRAPPED_LINE_MIN && !ends_sentence (text, line))
          open_long++;
      }
    hard_wrapped = prose > 0 && open_long * 2 > prose;
  }

  builder = readout_text_builder_new (bytes, READOUT_TEXT_FORMAT_PLAIN, len);

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      LineKind kind = line->kind;
      guint next = i + 1;
      guint blanks = 0;

      if (kind == LINE_BLANK)
        continue;
      any_text = TRUE;
      emit_line (builder, source, text, line);

      while (next < lines->len && g_array_index (lines, Line, next).kind == LINE_BLANK)
        {
          next++;
          blanks++;
        }
      if (next >= lines->len)
        {
          readout_text_builder_append_at (builder, "\n", 1, readout_text_to_original (source, line->end));
          break;
        }

      {
        const Line *after = &g_array_index (lines, Line, next);
        LineKind after_kind = after->kind;
        gboolean open = !ends_sentence (text, line);
        gboolean join = FALSE;

        if (kind != LINE_TABLE && after_kind == LINE_PROSE && open)
          {
            if (blanks == 0)
              join = starts_continuation (text, after) ||
                     (hard_wrapped && line->end - line->start >= WRAPPED_LINE_MIN) ||
                     kind == LINE_BULLET;
            else
              join = line->end - line->start >= WRAPPED_LINE_MIN &&
                     starts_continuation (text, after);
          }

        if (join)
          readout_text_builder_append_at (builder, " ", 1, readout_text_to_original (source, line->end));
        else
          readout_text_builder_append_at (builder, blanks > 0 ? "\n\n" : "\n", blanks > 0 ? 2 : 1,
                                          readout_text_to_original (source, line->end));
      }

      if (i % CANCEL_CHECK_INTERVAL == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }

  if (!any_text)
    {
      g_set_error (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_EMPTY,
                   _("The file holds no text"));
      return NULL;
    }

  readout_text_builder_append_at (builder, "", 0, 0);
  return readout_text_builder_finish (g_steal_pointer (&builder));
}
