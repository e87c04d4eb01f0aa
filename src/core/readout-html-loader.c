/* readout-html-loader.c: HTML releases and SEC SGML submissions.
 *
 * The bytes are decoded to UTF-8 (BOM, meta charset, else UTF-8, else
 * Windows-1252) and run through libxml2's forgiving HTML parser with a SAX
 * handler, so no tree is built and memory stays near the input size.
 * libxml2 reports no offsets for text, so each text chunk it reports is
 * aligned against the decoded bytes from a cursor that only moves forward
 * (markup skipped, entities decoded on the fly); what cannot be aligned
 * maps to the last known position, which keeps the map monotone.
 *
 * Block elements become line breaks, paragraphs blank lines; tables are
 * collected cell by cell and written as " | " grids (readout-text.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "readout-decode.h"
#include "readout-error.h"
#include "readout-html-table.h"
#include "readout-loader.h"

#define CANCEL_CHECK_INTERVAL 256
/* How far past libxml2's read position a chunk's source may be searched. */
#define SEARCH_SLACK 4096

/* ---- decoding ---------------------------------------------------------- */

/* The charset a <meta> or XML declaration names near the start, lower case. */
static char *
declared_charset (const char *data,
                  gsize       size)
{
  gsize n = MIN (size, 8192);
  g_autofree char *head = g_ascii_strdown (data, n);
  const char *keys[] = { "charset=", "encoding=" };

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      const char *p = g_strstr_len (head, n, keys[k]);
      const char *end;

      if (p == NULL)
        continue;
      p += strlen (keys[k]);
      while (*p == '"' || *p == '\'' || *p == ' ')
        p++;
      end = p;
      while (g_ascii_isalnum (*end) || *end == '-' || *end == '_')
        end++;
      if (end > p)
        return g_strndup (p, end - p);
    }
  return NULL;
}

static gboolean
is_single_byte_charset (const char *charset)
{
  static const char * const names[] = {
    "windows-1252", "cp1252", "iso-8859-1", "iso8859-1", "latin1", "latin-1",
    "iso-8859-15", "us-ascii", "ascii", "x-cp1252",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (charset, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
contains_nul (const char *data,
              gsize       size)
{
  return memchr (data, 0, size) != NULL;
}

/* The file as UTF-8, mapped back to its bytes (borrowed when it is UTF-8). */
static ReadoutText *
decode (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *charset = NULL;
  gsize skip = 0;

  if (size >= 2 && (guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
    return readout_decode_utf16 (bytes, FALSE, READOUT_TEXT_FORMAT_HTML);
  if (size >= 2 && (guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)
    return readout_decode_utf16 (bytes, TRUE, READOUT_TEXT_FORMAT_HTML);
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;
  else
    charset = declared_charset (data, size);

  /* A NUL would end libxml2's reading early; readout_decode_cp1252 blanks it. */
  if ((charset == NULL || !is_single_byte_charset (charset)) &&
      g_utf8_validate_len (data + skip, size - skip, NULL) &&
      !contains_nul (data + skip, size - skip))
    return readout_text_new_borrowed (bytes, skip, READOUT_TEXT_FORMAT_HTML);
  return readout_decode_cp1252 (bytes, skip, READOUT_TEXT_FORMAT_HTML);
}

/* ---- the SGML wrapper -------------------------------------------------- */

typedef struct
{
  gsize start;
  gsize end;
} Region;

static const char *
find_ci (const char *hay,
         gsize       hay_len,
         const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = hay; p + n <= hay + hay_len; p++)
    {
      p = memchr (p, '<', hay + hay_len - p);
      if (p == NULL || p + n > hay + hay_len)
        return NULL;
      if (g_ascii_strncasecmp (p, needle, n) == 0)
        return p;
    }
  return NULL;
}

/* EDGAR serves a filing as <DOCUMENT>s, each with <TYPE> and <TEXT>; the
 * release is the EX-99 exhibit, or the first document if there is none. */
static GArray *
find_regions (const char *text,
              gsize       len)
{
  GArray *regions = g_array_new (FALSE, FALSE, sizeof (Region));
  GArray *first = g_array_new (FALSE, FALSE, sizeof (Region));
  gsize lead = 0;
  gsize pos;

  while (lead < len && g_ascii_isspace (text[lead]))
    lead++;
  if (len - lead < 10 ||
      (g_ascii_strncasecmp (text + lead, "<DOCUMENT>", 10) != 0 &&
       g_ascii_strncasecmp (text + lead, "<SEC-DOCUMENT>", 14) != 0))
    {
      g_array_append_val (regions, ((Region) { 0, len }));
      g_array_unref (first);
      return regions;
    }

  pos = lead;
  for (;;)
    {
      const char *doc = find_ci (text + pos, len - pos, "<DOCUMENT>");
      const char *doc_end, *type, *body, *body_end;
      gsize doc_stop;
      Region region;
      gboolean exhibit;

      if (doc == NULL)
        break;
      doc_end = find_ci (doc, len - (doc - text), "</DOCUMENT>");
      doc_stop = doc_end ? (gsize) (doc_end - text) : len;
      type = find_ci (doc, doc_stop - (doc - text), "<TYPE>");
      body = find_ci (doc, doc_stop - (doc - text), "<TEXT>");
      if (body != NULL)
        {
          body += 6;
          body_end = find_ci (body, doc_stop - (body - text), "</TEXT>");
          region.start = body - text;
          region.end = body_end ? (gsize) (body_end - text) : doc_stop;
          exhibit = type != NULL && g_ascii_strncasecmp (type + 6, "EX-99", 5) == 0;
          if (exhibit)
            g_array_append_val (regions, region);
          else if (first->len == 0)
            g_array_append_val (first, region);
        }
      pos = doc_stop;
      if (doc_end == NULL)
        break;
    }

  if (regions->len == 0)
    {
      if (first->len > 0)
        g_array_append_val (regions, g_array_index (first, Region, 0));
      else
        g_array_append_val (regions, ((Region) { lead, len }));
    }
  g_array_unref (first);
  return regions;
}

/* ---- the loader's state ------------------------------------------------ */

typedef enum
{
  ELEMENT_INLINE,
  ELEMENT_LINE,       /* div, li, ...: a line break */
  ELEMENT_PARAGRAPH,  /* p, h1, ...: a blank line */
  ELEMENT_SKIP,       /* script, style, head...: never shown */
  ELEMENT_BR,
  ELEMENT_TABLE,
  ELEMENT_ROW,
  ELEMENT_CELL,
} ElementKind;

typedef struct
{
  ElementKind kind;
  gboolean    hidden;   /* this element hides its content */
  gboolean    counted;  /* a table element that was acted on */
  char        name[24];
} Frame;

typedef struct
{
  xmlParserCtxtPtr  ctxt;
  GCancellable     *cancellable;
  gboolean          cancelled;
  guint             calls;

  const char       *src;       /* the decoded text */
  gsize             src_len;
  gsize             base;      /* start of the region being parsed */
  gsize             region_end;
  gsize             cursor;    /* everything before is aligned */

  GArray           *frames;    /* Frame */
  guint             hidden;    /* frames that hide their content */
  guint             pre;       /* open <pre>s (or a plain-text region) */
  guint             newlines;  /* in <pre>: line ends since the last text */
  GPtrArray        *tables;    /* ReadoutHtmlTable, innermost last */

  ReadoutHtmlSink  *main;
} LoadState;

static ElementKind classify_element_slow (const char *name);

/* Element names are few and looked up once per tag: a table of them. */
static ElementKind
classify_element (const char *name)
{
  static GHashTable *kinds;
  gpointer kind;

  if (g_once_init_enter (&kinds))
    {
      static const char * const names[] = {
        "br", "table", "tr", "td", "th", "script", "style", "head", "title", "noscript",
        "template", "nav", "iframe", "object", "embed", "svg", "math", "select", "datalist",
        "map", "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "pre", "ul",
        "ol", "dl", "caption", "div", "li", "dt", "dd", "section", "article", "header",
        "footer", "aside", "main", "figure", "figcaption", "form", "fieldset", "address",
        "center", "body", "html", "legend", "details", "summary", "thead", "tbody", "tfoot",
        "page", "option",
      };
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        g_hash_table_insert (table, (gpointer) names[i],
                             GINT_TO_POINTER (classify_element_slow (names[i]) + 1));
      g_once_init_leave (&kinds, table);
    }
  kind = g_hash_table_lookup (kinds, name);
  return kind != NULL ? (ElementKind) (GPOINTER_TO_INT (kind) - 1) : ELEMENT_INLINE;
}

static ElementKind
classify_element_slow (const char *name)
{
  static const char * const skip[] = {
    "script", "style", "head", "title", "noscript", "template", "nav", "iframe",
    "object", "embed", "svg", "math", "select", "datalist", "map",
  };
  static const char * const paragraph[] = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "pre", "ul",
    "ol", "dl", "caption",
  };
  static const char * const line[] = {
    "div", "li", "dt", "dd", "section", "article", "header", "footer", "aside",
    "main", "figure", "figcaption", "form", "fieldset", "address", "center",
    "body", "html", "legend", "details", "summary", "thead", "tbody", "tfoot",
    "page", "option",
  };

  if (strcmp (name, "br") == 0)
    return ELEMENT_BR;
  if (strcmp (name, "table") == 0)
    return ELEMENT_TABLE;
  if (strcmp (name, "tr") == 0)
    return ELEMENT_ROW;
  if (strcmp (name, "td") == 0 || strcmp (name, "th") == 0)
    return ELEMENT_CELL;
  for (guint i = 0; i < G_N_ELEMENTS (skip); i++)
    if (strcmp (name, skip[i]) == 0)
      return ELEMENT_SKIP;
  for (guint i = 0; i < G_N_ELEMENTS (paragraph); i++)
    if (strcmp (name, paragraph[i]) == 0)
      return ELEMENT_PARAGRAPH;
  for (guint i = 0; i < G_N_ELEMENTS (line); i++)
    if (strcmp (name, line[i]) == 0)
      return ELEMENT_LINE;
  return ELEMENT_INLINE;
}

static gboolean
mentions_hiding (const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    if (((*p | 0x20) == 'n' && g_ascii_strncasecmp (p, "none", 4) == 0) ||
        ((*p | 0x20) == 'h' && g_ascii_strncasecmp (p, "hidden", 6) == 0))
      return TRUE;
  return FALSE;
}

/* style="display: none", style="visibility:hidden" or the hidden attribute. */
static gboolean
attributes_hide (const xmlChar **atts)
{
  for (guint i = 0; atts != NULL && atts[i] != NULL; i += 2)
    {
      const char *name = (const char *) atts[i];
      const char *value = (const char *) atts[i + 1];

      if (g_ascii_strcasecmp (name, "hidden") == 0)
        return TRUE;
      /* Most styles say neither "none" nor "hidden": no need to fold them. */
      if (value != NULL && g_ascii_strcasecmp (name, "style") == 0 && mentions_hiding (value))
        {
          char folded[256];
          gsize n = 0;

          for (const char *p = value; *p != '\0' && n < sizeof folded - 1; p++)
            if (!g_ascii_isspace (*p))
              folded[n++] = g_ascii_tolower (*p);
          folded[n] = '\0';
          if (strstr (folded, "display:none") != NULL ||
              strstr (folded, "visibility:hidden") != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

static int
int_attribute (const xmlChar **atts,
               const char     *name,
               int             fallback,
               int             max)
{
  for (guint i = 0; atts != NULL && atts[i] != NULL; i += 2)
    if (g_ascii_strcasecmp ((const char *) atts[i], name) == 0 && atts[i + 1] != NULL)
      {
        gint64 v = g_ascii_strtoll ((const char *) atts[i + 1], NULL, 10);
        return v < 1 ? fallback : (int) MIN (v, max);
      }
  return fallback;
}

static ReadoutHtmlTable *
innermost_table (LoadState *state)
{
  return state->tables->len > 0 ? g_ptr_array_index (state->tables, state->tables->len - 1) : NULL;
}

/* Where text goes now: a grid table's cell or the document. */
static ReadoutHtmlSink *
current_sink (LoadState *state,
              gboolean   for_text)
{
  ReadoutHtmlTable *table = innermost_table (state);

  if (table != NULL && readout_html_table_is_grid (table))
    return readout_html_table_cell_sink (table, for_text);
  return state->main;
}

/* The original-side position for a break caused at the cursor. */
static gsize
here (LoadState *state)
{
  return state->cursor;
}

static void
add_break (LoadState            *state,
           ReadoutHtmlBreak      level)
{
  ReadoutHtmlSink *sink = current_sink (state, FALSE);

  if (sink != NULL)
    readout_html_sink_break (sink, level, here (state));
}

/* ---- aligning text with the source ------------------------------------ */

/* Decodes the character (or character reference) at @p. */
static gunichar
source_char (const char *src,
             gsize       p,
             gsize       end,
             gsize      *consumed,
             gboolean   *reference)
{
  guchar c = src[p];

  *reference = FALSE;
  if (c == '&' && p + 2 < end)
    {
      gsize q = p + 1;

      if (src[q] == '#')
        {
          guint64 value = 0;
          gboolean hex = q + 1 < end && (src[q + 1] == 'x' || src[q + 1] == 'X');
          gsize digits_start;

          q += hex ? 2 : 1;
          digits_start = q;
          while (q < end && q - digits_start < 8 &&
                 (hex ? g_ascii_isxdigit (src[q]) : g_ascii_isdigit (src[q])))
            {
              value = value * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (src[q]) : src[q] - '0');
              q++;
            }
          if (q > digits_start)
            {
              if (q < end && src[q] == ';')
                q++;
              *consumed = q - p;
              *reference = TRUE;
              return value <= 0x10FFFF ? (gunichar) value : 0xFFFD;
            }
        }
      else if (g_ascii_isalpha (src[q]))
        {
          char name[16];
          gsize n = 0;

          while (q < end && n < sizeof name - 1 && g_ascii_isalnum (src[q]))
            name[n++] = src[q++];
          name[n] = '\0';
          if (q < end && src[q] == ';')
            {
              const htmlEntityDesc *entity = htmlEntityLookup ((const xmlChar *) name);
              if (entity != NULL)
                {
                  *consumed = q + 1 - p;
                  *reference = TRUE;
                  return entity->value;
                }
            }
        }
    }
  if (c < 0x80)
    {
      *consumed = 1;
      return c;
    }
  {
    gsize avail = MIN (end - p, 4);
    gunichar u = g_utf8_get_char_validated (src + p, avail);
    if (u == (gunichar) -1 || u == (gunichar) -2)
      {
        *consumed = 1;
        return 0xFFFD;
      }
    *consumed = g_utf8_skip[c];
    return u;
  }
}

static gboolean
is_space_char (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Do the first characters of @chunk stand at @p? */
static gboolean
matches_at (LoadState  *state,
            const char *chunk,
            gsize       len,
            gsize       p,
            gsize       end)
{
  const char *c = chunk;
  guint compared = 0;

  while (c < chunk + len && compared < 24)
    {
      gsize consumed;
      gboolean reference;
      gunichar want = g_utf8_get_char (c);
      gunichar have;

      if (p >= end)
        return FALSE;
      have = source_char (state->src, p, end, &consumed, &reference);
      if (have == '\r' && want != '\r')
        {
          p++;
          continue;
        }
      if (have != want && !(is_space_char (have) && is_space_char (want)) && !reference)
        return FALSE;
      p += consumed;
      c = g_utf8_next_char (c);
      compared++;
    }
  return TRUE;
}

/* Skips a tag or comment at @p, returning the position after it. */
static gsize
skip_markup (const char *src,
             gsize       p,
             gsize       end)
{
  if (p + 4 <= end && memcmp (src + p, "<!--", 4) == 0)
    {
      for (gsize q = p + 4; q + 3 <= end; q++)
        if (src[q] == '-' && src[q + 1] == '-' && src[q + 2] == '>')
          return q + 3;
      return end;
    }
  {
    char quote = 0;
    for (gsize q = p + 1; q < end; q++)
      {
        char c = src[q];
        if (quote != 0)
          {
            if (c == quote)
              quote = 0;
          }
        else if ((c == '"' || c == '\'') && (src[q - 1] == '=' || g_ascii_isspace (src[q - 1])))
          quote = c;
        else if (c == '>')
          return q + 1;
      }
  }
  return end;
}

static gboolean
starts_markup (const char *src,
               gsize       p,
               gsize       end)
{
  return src[p] == '<' && p + 1 < end &&
         (g_ascii_isalpha (src[p + 1]) || src[p + 1] == '/' || src[p + 1] == '!' ||
          src[p + 1] == '?');
}

/* Finds where @chunk starts in the source at or after the cursor. */
static gboolean
find_chunk (LoadState  *state,
            const char *chunk,
            gsize       len,
            gsize      *start)
{
  gsize end = state->region_end;
  gsize limit, hint;
  gsize p = state->cursor;

  hint = state->base + (gsize) xmlByteConsumed (state->ctxt);
  limit = hint >= state->cursor ? hint + SEARCH_SLACK : state->cursor + 16 * SEARCH_SLACK;
  limit = MIN (limit, end);

  while (p < limit)
    {
      if (matches_at (state, chunk, len, p, end))
        {
          *start = p;
          return TRUE;
        }
      if (starts_markup (state->src, p, end))
        p = skip_markup (state->src, p, end);
      else
        p++;
    }
  return FALSE;
}

/* Emits @chunk to @sink (NULL: hidden), aligning it with the source. */
static void
handle_text (LoadState  *state,
             const char *chunk,
             gsize       len)
{
  ReadoutHtmlSink *sink = NULL;
  gsize end = state->region_end;
  gsize p, copy_start = 0, copy_src = 0;
  const char *c = chunk;
  gboolean aligned;
  gboolean in_cell;

  if (state->cancelled || len == 0)
    return;
  if (++state->calls % CANCEL_CHECK_INTERVAL == 0 &&
      g_cancellable_is_cancelled (state->cancellable))
    {
      state->cancelled = TRUE;
      xmlStopParser (state->ctxt);
      return;
    }

  if (state->hidden == 0)
    {
      gboolean blank = TRUE;
      for (gsize i = 0; i < len && blank; i++)
        blank = g_ascii_isspace (chunk[i]);
      sink = current_sink (state, !blank);
    }
  in_cell = sink != NULL && sink != state->main;

  aligned = find_chunk (state, chunk, len, &p);
  if (!aligned)
    p = state->cursor;

#define FLUSH_COPY() G_STMT_START {                                               \
    if (sink != NULL && c > chunk + copy_start)                                   \
      readout_html_sink_put (sink, chunk + copy_start, c - (chunk + copy_start),  \
                             copy_src, 1);                                        \
  } G_STMT_END

  copy_start = 0;
  copy_src = p;
  while (c < chunk + len)
    {
      gunichar want = g_utf8_get_char (c);
      const char *next = g_utf8_next_char (c);
      gsize consumed = 0;
      gboolean reference = FALSE;
      gboolean verbatim = FALSE;
      gsize at = p;
      const char *folded;

      if (aligned && p < end)
        {
          gunichar have = source_char (state->src, p, end, &consumed, &reference);
          while (have == '\r' && want != '\r' && p + 1 < end)
            {
              p++;
              at = p;
              have = source_char (state->src, p, end, &consumed, &reference);
            }
          if (have == want && !reference)
            verbatim = TRUE;
          else if (have != want && !reference && !(is_space_char (have) && is_space_char (want)))
            aligned = FALSE;  /* lost: the rest maps to here */
          if (aligned)
            p += consumed;
        }
      folded = readout_fold_char (want);
      if (!is_space_char (want))
        state->newlines = 0;
      if (verbatim && !is_space_char (want) && folded == NULL && !(in_cell && want == '|') &&
          c - chunk == (gssize) copy_start + (gssize) (at - copy_src) &&
          at >= copy_src)
        {
          /* Extends the current verbatim run. */
        }
      else
        {
          FLUSH_COPY ();
          if (verbatim && !is_space_char (want) && folded == NULL && !(in_cell && want == '|'))
            {
              copy_start = c - chunk;
              copy_src = at;
            }
          else
            {
              copy_start = next - chunk;
              copy_src = p;
              if (sink != NULL)
                {
                  if (want == '\n' && state->pre > 0)
                    readout_html_sink_break (sink, ++state->newlines > 1 ? READOUT_HTML_BREAK_PARAGRAPH
                                                                         : READOUT_HTML_BREAK_LINE, at);
                  else if (is_space_char (want))
                    readout_html_sink_break (sink, READOUT_HTML_BREAK_SPACE, at);
                  else if (folded != NULL)
                    readout_html_sink_put (sink, folded, strlen (folded), at, 0);
                  else if (in_cell && want == '|')
                    readout_html_sink_put (sink, "/", 1, at, 0);
                  else
                    readout_html_sink_put (sink, c, next - c, at, 0);
                }
            }
        }
      c = next;
    }
  FLUSH_COPY ();
#undef FLUSH_COPY

  if (p > state->cursor)
    state->cursor = MIN (p, end);
}

/* ---- SAX callbacks ----------------------------------------------------- */

static void
on_characters (void          *data,
               const xmlChar *chars,
               int            len)
{
  handle_text (data, (const char *) chars, len);
}

static void
on_start_element (void           *data,
                  const xmlChar  *xname,
                  const xmlChar **atts)
{
  LoadState *state = data;
  const char *name = (const char *) xname;
  Frame frame = { 0, };
  ReadoutHtmlTable *table;

  if (state->cancelled)
    return;

  frame.kind = classify_element (name);
  g_strlcpy (frame.name, name, sizeof frame.name);
  frame.hidden = frame.kind == ELEMENT_SKIP || attributes_hide (atts);
  if (strcmp (name, "pre") == 0 || strcmp (name, "xmp") == 0 || strcmp (name, "plaintext") == 0)
    state->pre++;

  if (state->hidden == 0 && !frame.hidden)
    {
      table = innermost_table (state);
      switch (frame.kind)
        {
        case ELEMENT_TABLE:
          if (table != NULL && readout_html_table_is_grid (table))
            readout_html_table_degrade (table, state->main);
          readout_html_sink_break (state->main, READOUT_HTML_BREAK_PARAGRAPH, here (state));
          g_ptr_array_add (state->tables, readout_html_table_new (state->src, state->src_len));
          frame.counted = TRUE;
          break;
        case ELEMENT_ROW:
          if (table != NULL)
            {
              if (readout_html_table_is_grid (table))
                readout_html_table_start_row (table);
              else
                readout_html_sink_break (state->main, READOUT_HTML_BREAK_LINE, here (state));
              frame.counted = TRUE;
            }
          else
            add_break (state, READOUT_HTML_BREAK_LINE);
          break;
        case ELEMENT_CELL:
          if (table != NULL)
            {
              if (readout_html_table_is_grid (table))
                readout_html_table_start_cell (table,
                                               int_attribute (atts, "colspan", 1, 1000),
                                               int_attribute (atts, "rowspan", 1, 1000));
              else
                readout_html_sink_break (state->main, READOUT_HTML_BREAK_SPACE, here (state));
              frame.counted = TRUE;
            }
          else
            add_break (state, READOUT_HTML_BREAK_SPACE);
          break;
        case ELEMENT_BR:
          {
            ReadoutHtmlSink *sink = current_sink (state, FALSE);
            if (sink != NULL)
              readout_html_sink_line_break (sink, here (state));
          }
          break;
        case ELEMENT_LINE:
          add_break (state, READOUT_HTML_BREAK_LINE);
          break;
        case ELEMENT_PARAGRAPH:
          add_break (state, READOUT_HTML_BREAK_PARAGRAPH);
          break;
        case ELEMENT_INLINE:
        case ELEMENT_SKIP:
        default:
          break;
        }
    }
  else if (frame.kind == ELEMENT_CELL && state->hidden == 0)
    {
      /* A hidden cell takes no column; its text is dropped. */
    }

  if (frame.hidden)
    state->hidden++;
  g_array_append_val (state->frames, frame);
}

static void
close_frame (LoadState   *state,
             const Frame *frame)
{
  ReadoutHtmlTable *table;

  if ((strcmp (frame->name, "pre") == 0 || strcmp (frame->name, "xmp") == 0 ||
       strcmp (frame->name, "plaintext") == 0) && state->pre > 0)
    state->pre--;
  if (frame->hidden)
    {
      state->hidden--;
      return;
    }
  if (state->hidden > 0)
    return;

  table = innermost_table (state);
  switch (frame->kind)
    {
    case ELEMENT_TABLE:
      if (frame->counted && table != NULL)
        {
          readout_html_table_finish (table, state->main);
          g_ptr_array_remove_index (state->tables, state->tables->len - 1);
          readout_html_sink_break (state->main, READOUT_HTML_BREAK_PARAGRAPH, here (state));
        }
      break;
    case ELEMENT_ROW:
      if (frame->counted && table != NULL && readout_html_table_is_grid (table))
        readout_html_table_end_row (table);
      break;
    case ELEMENT_CELL:
      if (frame->counted && table != NULL && readout_html_table_is_grid (table))
        readout_html_table_end_cell (table);
      break;
    case ELEMENT_LINE:
      add_break (state, READOUT_HTML_BREAK_LINE);
      break;
    case ELEMENT_PARAGRAPH:
      add_break (state, READOUT_HTML_BREAK_PARAGRAPH);
      break;
    case ELEMENT_BR:
    case ELEMENT_INLINE:
    case ELEMENT_SKIP:
    default:
      break;
    }
}

static void
on_end_element (void          *data,
                const xmlChar *xname)
{
  LoadState *state = data;
  const char *name = (const char *) xname;
  guint i;

  if (state->cancelled || state->frames->len == 0)
    return;

  /* libxml2 balances elements; search down in case it did not. */
  for (i = state->frames->len; i > 0; i--)
    if (strncmp (g_array_index (state->frames, Frame, i - 1).name, name,
                 sizeof ((Frame *) NULL)->name - 1) == 0)
      break;
  if (i == 0)
    return;
  while (state->frames->len >= i)
    {
      Frame frame = g_array_index (state->frames, Frame, state->frames->len - 1);
      g_array_set_size (state->frames, state->frames->len - 1);
      close_frame (state, &frame);
    }
}

static void
on_ignore_error (void       *data,
                 const char *msg,
                 ...)
{
}

static void
on_ignore_structured_error (void        *data,
                            xmlErrorPtr  error)
{
}

static gboolean
is_plain_text (const char *text,
               gsize       len)
{
  static const char * const tags[] = {
    "<html", "<body", "<p>", "<p ", "<div", "<table", "<br", "<font", "<pre",
  };
  gsize n = MIN (len, 65536);

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (find_ci (text, n, tags[i]) != NULL)
      return FALSE;
  return TRUE;
}

typedef struct
{
  const char *p;
  gsize       left;
} RegionReader;

static int
read_region (void *context,
             char *buffer,
             int   len)
{
  RegionReader *reader = context;
  gsize n = MIN (reader->left, (gsize) MAX (len, 0));

  memcpy (buffer, reader->p, n);
  reader->p += n;
  reader->left -= n;
  return (int) n;
}

static int
close_region (void *context)
{
  return 0;
}

static gboolean
parse_region (LoadState     *state,
              const Region  *region)
{
  htmlParserCtxtPtr ctxt;
  xmlParserInputBufferPtr buf;
  xmlParserInputPtr input;
  RegionReader reader;
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
  gsize len = region->end - region->start;

  if (len == 0)
    return TRUE;
  if (len > G_MAXINT)
    len = G_MAXINT;

  /* Read through a callback, not htmlCreateMemoryParserCtxt(): that one
   * copies the whole region first, one more copy of the file in memory;
   * libxml2 keeps only a window of this one. */
  reader.p = state->src + region->start;
  reader.left = len;
  buf = xmlParserInputBufferCreateIO (read_region, close_region, &reader, XML_CHAR_ENCODING_NONE);
  if (buf == NULL)
    return FALSE;
  ctxt = htmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      xmlFreeParserInputBuffer (buf);
      return FALSE;
    }
  input = xmlNewIOInputStream (ctxt, buf, XML_CHAR_ENCODING_NONE);
  if (input == NULL)
    {
      xmlFreeParserInputBuffer (buf);
      htmlFreeParserCtxt (ctxt);
      return FALSE;
    }
  inputPush (ctxt, input);

  xmlSwitchEncoding (ctxt, XML_CHAR_ENCODING_UTF8);
  htmlCtxtUseOptions (ctxt, options);
  memset (ctxt->sax, 0, sizeof (htmlSAXHandler));
  ctxt->sax->startElement = on_start_element;
  ctxt->sax->endElement = on_end_element;
  ctxt->sax->characters = on_characters;
  ctxt->sax->ignorableWhitespace = on_characters;
  ctxt->sax->cdataBlock = on_characters;   /* script and style: aligned, dropped */
  ctxt->sax->warning = on_ignore_error;
  ctxt->sax->error = on_ignore_error;
  ctxt->sax->fatalError = on_ignore_error;
  ctxt->sax->serror = on_ignore_structured_error;
  ctxt->userData = state;

  state->ctxt = ctxt;
  state->base = region->start;
  state->region_end = region->start + len;
  state->cursor = region->start;
  /* An SGML document whose text is plain text, not HTML: keep its lines. */
  state->pre = is_plain_text (state->src + region->start, len) ? 1 : 0;
  state->newlines = 0;

  htmlParseDocument (ctxt);

  /* A truncated file leaves elements open: close them. */
  while (state->frames->len > 0)
    {
      Frame frame = g_array_index (state->frames, Frame, state->frames->len - 1);
      g_array_set_size (state->frames, state->frames->len - 1);
      close_frame (state, &frame);
    }
  while (state->tables->len > 0)
    {
      readout_html_table_finish (innermost_table (state), state->main);
      g_ptr_array_remove_index (state->tables, state->tables->len - 1);
    }
  state->hidden = 0;

  state->ctxt = NULL;
  htmlFreeParserCtxt (ctxt);
  return TRUE;
}

ReadoutText *
readout_html_load (GBytes        *bytes,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(ReadoutText) decoded = NULL;
  g_autoptr(GArray) regions = NULL;
  g_autoptr(ReadoutTextBuilder) builder = NULL;
  LoadState state = { 0, };
  const char *text;
  gsize len;
  gboolean ok = TRUE;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* Empty bytes have no data pointer to decode or borrow. */
  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_EMPTY,
                   _("The file holds no text"));
      return NULL;
    }

  /* libxml2 wants one xmlInitParser() before threads parse at once (the
   * command line loads files in parallel). */
  {
    static gsize parser_ready = 0;
    if (g_once_init_enter (&parser_ready))
      {
        xmlInitParser ();
        g_once_init_leave (&parser_ready, 1);
      }
  }

  decoded = decode (bytes);
  text = readout_text_get_text (decoded, &len);
  regions = find_regions (text, len);

  state.cancellable = cancellable;
  state.src = text;
  state.src_len = len;
  state.frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  state.tables = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_html_table_free);
  builder = readout_text_builder_new (bytes, READOUT_TEXT_FORMAT_HTML, 0);
  state.main = readout_html_sink_new_streaming (builder, decoded);

  for (guint i = 0; i < regions->len && ok && !state.cancelled; i++)
    {
      if (i > 0)
        readout_html_sink_break (state.main, READOUT_HTML_BREAK_PARAGRAPH,
                                 g_array_index (regions, Region, i).start);
      ok = parse_region (&state, &g_array_index (regions, Region, i));
    }

  if (!ok)
    {
      g_set_error (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_MALFORMED,
                   _("The HTML could not be read"));
    }
  else if (state.cancelled || g_cancellable_is_cancelled (cancellable))
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      ok = FALSE;
    }
  else if (readout_html_sink_is_empty (state.main))
    {
      g_set_error (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_EMPTY,
                   _("The file holds no text"));
      ok = FALSE;
    }

  if (ok)
    {
      readout_html_sink_end_line (state.main, len);
      readout_html_sink_write (state.main, builder, decoded);
    }

  g_array_unref (state.frames);
  g_ptr_array_unref (state.tables);
  readout_html_sink_free (state.main);

  if (!ok)
    return NULL;
  return readout_text_builder_finish (g_steal_pointer (&builder));
}
