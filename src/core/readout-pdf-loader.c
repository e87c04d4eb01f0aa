/* readout-pdf-loader.c: PDF releases with a text layer (poppler-glib).
 *
 * poppler gives each character of a page with its rectangle.  Characters
 * are grouped into lines by their vertical centre and into cells by wide
 * horizontal gaps, so a statement row ("Revenue   $ 1,234   $ 1,111")
 * becomes cells whatever order the PDF drew them in.  Runs of lines with
 * numbers in two or more cells become " | " grids (readout-text.h): number
 * columns found by their right edges (numbers are right-aligned), header
 * lines just above put over the columns they span.  Other lines are prose,
 * hard wraps joined.
 *
 * A PDF has no byte offsets worth mapping: every character of page p maps
 * to offset p; readout_text_get_page() tells the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <poppler.h>
#include <string.h>

#include "readout-decode.h"
#include "readout-error.h"
#include "readout-html-table.h"
#include "readout-loader.h"

/* Gaps and tolerances, in units of the line's text height. */
#define WORD_GAP 0.12
#define CELL_GAP 1.0
#define SAME_LINE 0.45
#define COLUMN_SLACK 1.0
/* A line this much of the widest is a wrapped line of a paragraph. */
#define WRAPPED_FRACTION 0.7
/* Header lines looked at above a table. */
#define MAX_HEADER_LINES 3
#define MAX_HEADER_CELL 60

typedef struct
{
  gunichar c;
  double   x1, y1, x2, y2;
} Glyph;

typedef struct
{
  GString *text;
  double   x1, x2;
  gboolean numeric;
} PdfCell;

typedef struct
{
  GPtrArray *cells;    /* PdfCell */
  double     x1, x2, top, bottom;
  double     height;
  gboolean   row;      /* two or more cells, a number among them */
  int        block;    /* the table block it belongs to, or -1 */
} PdfLine;

static void
pdf_cell_free (gpointer data)
{
  PdfCell *cell = data;

  g_string_free (cell->text, TRUE);
  g_free (cell);
}

static void
pdf_line_free (gpointer data)
{
  PdfLine *line = data;

  g_ptr_array_unref (line->cells);
  g_free (line);
}

static int
compare_glyph_y (gconstpointer a,
                 gconstpointer b)
{
  const Glyph *ga = a, *gb = b;
  double ca = (ga->y1 + ga->y2) / 2, cb = (gb->y1 + gb->y2) / 2;

  return ca < cb ? -1 : ca > cb ? 1 : (ga->x1 < gb->x1 ? -1 : ga->x1 > gb->x1);
}

static int
compare_glyph_x (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const Glyph *ga = a, *gb = b;

  return ga->x1 < gb->x1 ? -1 : ga->x1 > gb->x1;
}

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F;
}

/* The page's visible characters with their rectangles. */
static GArray *
page_glyphs (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  GArray *glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  const char *p;
  guint i = 0;

  if (text == NULL || !poppler_page_get_text_layout (page, &rects, &n_rects))
    return glyphs;

  for (p = text; *p != '\0' && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      Glyph glyph = { c, rects[i].x1, rects[i].y1, rects[i].x2, rects[i].y2 };

      if (is_blank (c) || c < 0x20)
        continue;
      if (glyph.y2 < glyph.y1)
        {
          double t = glyph.y1;
          glyph.y1 = glyph.y2;
          glyph.y2 = t;
        }
      if (glyph.y2 - glyph.y1 < 0.5)
        glyph.y2 = glyph.y1 + 0.5;
      g_array_append_val (glyphs, glyph);
    }
  return glyphs;
}

static void
append_glyph (GString *text,
              gunichar c)
{
  const char *folded = readout_fold_char (c);

  if (folded != NULL)
    g_string_append (text, folded);
  else if (c == '|')
    g_string_append_c (text, '/');
  else
    g_string_append_unichar (text, c);
}

static PdfCell *
cell_new (double x1)
{
  PdfCell *cell = g_new0 (PdfCell, 1);

  cell->text = g_string_new (NULL);
  cell->x1 = x1;
  cell->x2 = x1;
  return cell;
}

/* "(1)" after a header date is a note's mark, too narrow to set a column. */
static gboolean
is_footnote_mark (const char *text)
{
  return text[0] == '(' && g_ascii_isdigit (text[1]) && text[2] == ')' && text[3] == '\0';
}

static gboolean
is_year (const char *text)
{
  return strlen (text) == 4 && (g_str_has_prefix (text, "19") || g_str_has_prefix (text, "20")) &&
         g_ascii_isdigit (text[2]) && g_ascii_isdigit (text[3]);
}

/* Body numbers set the columns; years and marks are put over them. */
static gboolean
sets_column (PdfCell *cell)
{
  return cell->numeric && !is_footnote_mark (cell->text->str) && !is_year (cell->text->str);
}

/* Merges "$" into the number after it, ")" and "%" into the one before;
 * "$ 1,234" (a sign set apart in its column) is written "$1,234" like the
 * HTML loader writes it. */
static void
merge_cells (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      PdfCell *cell = g_ptr_array_index (cells, i);
      char *space;

      cell->numeric = readout_html_is_number_cell (cell->text->str);
      while (cell->numeric && (space = strchr (cell->text->str, ' ')) != NULL)
        g_string_erase (cell->text, space - cell->text->str, 1);
    }
  for (guint i = 0; i + 1 < cells->len; i++)
    {
      PdfCell *cell = g_ptr_array_index (cells, i);
      PdfCell *next = g_ptr_array_index (cells, i + 1);

      if (readout_html_is_prefix_cell (cell->text->str) && next->numeric)
        {
          g_string_append (cell->text, next->text->str);
          cell->x2 = next->x2;
          cell->numeric = TRUE;
          g_ptr_array_remove_index (cells, i + 1);
        }
      else if (is_year (cell->text->str) && is_footnote_mark (next->text->str))
        {
          g_string_append_c (cell->text, ' ');
          g_string_append (cell->text, next->text->str);
          cell->x2 = next->x2;
          cell->numeric = FALSE;   /* a header now: put over its column */
          g_ptr_array_remove_index (cells, i + 1);
          i--;
        }
      else if (cell->numeric && readout_html_is_suffix_cell (next->text->str))
        {
          g_string_append (cell->text, next->text->str);
          cell->x2 = next->x2;
          g_ptr_array_remove_index (cells, i + 1);
          i--;
        }
    }
}

/* "- 2 -", "Page 2": a page's number, not a table row. */
static gboolean
is_page_marker (PdfLine *line)
{
  gboolean digits = FALSE;

  for (guint c = 0; c < line->cells->len; c++)
    for (const char *p = ((PdfCell *) g_ptr_array_index (line->cells, c))->text->str; *p; p++)
      {
        if (g_ascii_isdigit (*p))
          digits = TRUE;
        else if (*p != '-' && *p != ' ' && *p != '|')
          return FALSE;
      }
  return digits;
}

/* A number in the next column may follow after a mere space. */
static gboolean
starts_number (gunichar c)
{
  return g_unichar_isdigit (c) || c == '$' || c == '(' || c == 0x20AC || c == 0xA3;
}

/* Groups the glyphs into lines and cells, top to bottom. */
static GPtrArray *
page_lines (GArray *glyphs)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (pdf_line_free);
  guint start = 0;

  g_array_sort (glyphs, compare_glyph_y);

  while (start < glyphs->len)
    {
      const Glyph *first = &g_array_index (glyphs, Glyph, start);
      double centre = (first->y1 + first->y2) / 2;
      double height = first->y2 - first->y1;
      guint end = start + 1;
      PdfLine *line;
      PdfCell *cell = NULL;
      const Glyph *prev = NULL;
      double numeric_cells = 0;

      while (end < glyphs->len)
        {
          const Glyph *g = &g_array_index (glyphs, Glyph, end);
          double h = MAX (height, g->y2 - g->y1);
          if ((g->y1 + g->y2) / 2 - centre > SAME_LINE * h)
            break;
          end++;
        }
      g_qsort_with_data (&g_array_index (glyphs, Glyph, start), end - start, sizeof (Glyph),
                         compare_glyph_x, NULL);

      line = g_new0 (PdfLine, 1);
      line->cells = g_ptr_array_new_with_free_func (pdf_cell_free);
      line->block = -1;
      line->top = G_MAXDOUBLE;
      line->bottom = -G_MAXDOUBLE;
      line->height = height;

      for (guint i = start; i < end; i++)
        {
          const Glyph *g = &g_array_index (glyphs, Glyph, i);
          double gap = prev ? g->x1 - prev->x2 : 0;

          if (cell == NULL || gap > CELL_GAP * height ||
              (gap > WORD_GAP * height && starts_number (g->c) &&
               readout_html_is_number_cell (cell->text->str)))
            {
              cell = cell_new (g->x1);
              g_ptr_array_add (line->cells, cell);
            }
          else if (gap > WORD_GAP * height)
            g_string_append_c (cell->text, ' ');
          append_glyph (cell->text, g->c);
          cell->x2 = MAX (cell->x2, g->x2);
          line->top = MIN (line->top, g->y1);
          line->bottom = MAX (line->bottom, g->y2);
          prev = g;
        }

      merge_cells (line->cells);
      for (guint i = 0; i < line->cells->len; i++)
        numeric_cells += ((PdfCell *) g_ptr_array_index (line->cells, i))->numeric ? 1 : 0;
      if (line->cells->len > 0)
        {
          line->x1 = ((PdfCell *) g_ptr_array_index (line->cells, 0))->x1;
          line->x2 = ((PdfCell *) g_ptr_array_index (line->cells, line->cells->len - 1))->x2;
          line->row = line->cells->len >= 2 && numeric_cells >= 1 && !is_page_marker (line);
          g_ptr_array_add (lines, line);
        }
      else
        pdf_line_free (line);
      start = end;
    }
  return lines;
}

typedef struct
{
  double x1, x2;
  guint  line;    /* the line and cell a number came from */
  guint  cell;
  guint  group;   /* the merged column it went into */
} Column;

static int
compare_column (gconstpointer a,
                gconstpointer b)
{
  const Column *ca = a, *cb = b;

  return ca->x2 < cb->x2 ? -1 : ca->x2 > cb->x2;
}

static gboolean
is_short_label (PdfLine *line)
{
  PdfCell *cell;

  if (line->cells->len != 1)
    return FALSE;
  cell = g_ptr_array_index (line->cells, 0);
  /* An empty cell has no last character (str[-1] was read). */
  return cell->text->len <= MAX_HEADER_CELL &&
         (cell->text->len == 0 || cell->text->str[cell->text->len - 1] != '.');
}

/* Writes lines [first, last] as one grid. */
static void
write_block (ReadoutHtmlSink *out,
             GPtrArray       *lines,
             guint            first,
             guint            last,
             gsize            pos)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (Column));
  g_autoptr(GArray) merged = g_array_new (FALSE, FALSE, sizeof (Column));
  double number_left = G_MAXDOUBLE;
  double height = 0;

  for (guint l = first; l <= last; l++)
    {
      PdfLine *line = g_ptr_array_index (lines, l);
      height = MAX (height, line->height);
      if (!line->row)
        continue;
      for (guint c = 1; c < line->cells->len; c++)
        {
          PdfCell *cell = g_ptr_array_index (line->cells, c);
          if (sets_column (cell))
            {
              g_array_append_val (columns, ((Column) { cell->x1, cell->x2, l, c, 0 }));
              number_left = MIN (number_left, cell->x1);
            }
        }
    }
  g_array_sort (columns, compare_column);
  for (guint i = 0, group = 0; i < columns->len; i++)
    {
      Column *col = &g_array_index (columns, Column, i);
      Column *prev = merged->len > 0 ? &g_array_index (merged, Column, merged->len - 1) : NULL;
      gboolean join = FALSE;

      /* Same column: right edges together, or one over the other; never
       * two numbers of one line. */
      if (prev != NULL &&
          (col->x2 - g_array_index (columns, Column, group).x2 < COLUMN_SLACK * height ||
           prev->x2 - col->x1 > 0.5 * MIN (col->x2 - col->x1, prev->x2 - prev->x1)))
        {
          join = TRUE;
          for (guint j = group; j < i && join; j++)
            join = g_array_index (columns, Column, j).line != col->line;
        }
      if (join)
        {
          prev->x1 = MIN (prev->x1, col->x1);
          prev->x2 = MAX (prev->x2, col->x2);
          col->group = merged->len - 1;
        }
      else
        {
          g_array_append_val (merged, *col);
          group = i;
          col->group = merged->len - 1;
        }
    }

  readout_html_sink_break (out, READOUT_HTML_BREAK_PARAGRAPH, pos);
  for (guint l = first; l <= last; l++)
    {
      PdfLine *line = g_ptr_array_index (lines, l);
      guint ncols = merged->len + 1;
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_html_sink_free);
      int last_col = -1;

      for (guint c = 0; c < ncols; c++)
        g_ptr_array_add (cells, readout_html_sink_new (TRUE));

      for (guint c = 0; c < line->cells->len; c++)
        {
          PdfCell *cell = g_ptr_array_index (line->cells, c);
          gboolean placed = FALSE;
          guint best = 0;
          double best_distance = G_MAXDOUBLE;

          if (cell->x1 < number_left - COLUMN_SLACK * height && !(cell->numeric && c > 0))
            {
              ReadoutHtmlSink *label = g_ptr_array_index (cells, 0);
              if (!readout_html_sink_is_empty (label))
                readout_html_sink_break (label, READOUT_HTML_BREAK_SPACE, pos);
              readout_html_sink_put (label, cell->text->str, cell->text->len, pos, 0);
              continue;
            }
          for (guint k = 0; k < merged->len; k++)
            {
              const Column *col = &g_array_index (merged, Column, k);
              /* Numbers are right-aligned, header years centred. */
              double distance = sets_column (cell) ? ABS (col->x2 - cell->x2)
                                : ABS ((col->x1 + col->x2) / 2 - (cell->x1 + cell->x2) / 2);
              gboolean overlaps = cell->x1 < col->x2 && cell->x2 > col->x1;

              if (!cell->numeric && overlaps)
                {
                  ReadoutHtmlSink *sink = g_ptr_array_index (cells, k + 1);
                  if (!readout_html_sink_is_empty (sink))
                    readout_html_sink_break (sink, READOUT_HTML_BREAK_SPACE, pos);
                  readout_html_sink_put (sink, cell->text->str, cell->text->len, pos, 0);
                  placed = TRUE;
                }
              if (distance < best_distance)
                {
                  best_distance = distance;
                  best = k;
                }
            }
          /* A number goes where its column was found. */
          for (guint j = 0; j < columns->len && !placed; j++)
            {
              const Column *col = &g_array_index (columns, Column, j);
              if (col->line == l && col->cell == c)
                {
                  best = col->group;
                  break;
                }
            }
          if (!placed && merged->len > 0)
            {
              ReadoutHtmlSink *sink = g_ptr_array_index (cells, best + 1);
              if (!readout_html_sink_is_empty (sink))
                readout_html_sink_break (sink, READOUT_HTML_BREAK_SPACE, pos);
              readout_html_sink_put (sink, cell->text->str, cell->text->len, pos, 0);
            }
        }

      for (guint c = 0; c < ncols; c++)
        if (!readout_html_sink_is_empty (g_ptr_array_index (cells, c)))
          last_col = c;
      if (last_col < 0)
        continue;
      readout_html_sink_break (out, READOUT_HTML_BREAK_LINE, pos);
      for (int c = 0; c <= last_col; c++)
        {
          if (c > 0)
            readout_html_sink_put (out, " | ", 3, pos, 0);
          readout_html_sink_append (out, g_ptr_array_index (cells, c));
        }
    }
  readout_html_sink_break (out, READOUT_HTML_BREAK_PARAGRAPH, pos);
}

/* Marks table blocks: runs of number rows with short label lines between
 * them and up to a few header lines above. */
static void
find_blocks (GPtrArray *lines)
{
  int block = 0;

  for (guint l = 0; l < lines->len; l++)
    {
      PdfLine *line = g_ptr_array_index (lines, l);
      guint end = l, header;
      double number_left = G_MAXDOUBLE;

      if (!line->row || line->block >= 0)
        continue;
      /* Extend down over rows and short labels followed by rows. */
      for (guint k = l + 1; k < lines->len; k++)
        {
          PdfLine *next = g_ptr_array_index (lines, k);
          if (next->row)
            end = k;
          else if (!is_short_label (next))
            break;
        }
      for (guint k = l; k <= end; k++)
        {
          PdfLine *row = g_ptr_array_index (lines, k);
          for (guint c = 1; row->row && c < row->cells->len; c++)
            if (((PdfCell *) g_ptr_array_index (row->cells, c))->numeric)
              number_left = MIN (number_left, ((PdfCell *) g_ptr_array_index (row->cells, c))->x1);
        }
      /* Header lines: short cells, some over the number columns. */
      header = l;
      while (header > 0 && l - header < MAX_HEADER_LINES)
        {
          PdfLine *above = g_ptr_array_index (lines, header - 1);
          gboolean over = FALSE, short_cells = TRUE;

          if (above->block >= 0)
            break;
          for (guint c = 0; c < above->cells->len; c++)
            {
              PdfCell *cell = g_ptr_array_index (above->cells, c);
              over |= cell->x2 > number_left;
              short_cells &= cell->text->len <= MAX_HEADER_CELL;
            }
          if (!over || !short_cells)
            break;
          header--;
        }
      for (guint k = header; k <= end; k++)
        ((PdfLine *) g_ptr_array_index (lines, k))->block = block;
      block++;
      l = end;
    }
}

static gboolean
ends_sentence (PdfLine *line)
{
  PdfCell *cell = g_ptr_array_index (line->cells, line->cells->len - 1);
  char last = cell->text->len > 0 ? cell->text->str[cell->text->len - 1] : '.';

  return strchr (".!?:;", last) != NULL;
}

static gboolean
ends_hyphen (PdfLine *line)
{
  PdfCell *cell = g_ptr_array_index (line->cells, line->cells->len - 1);

  return cell->text->len > 1 && cell->text->str[cell->text->len - 1] == '-' &&
         g_ascii_isalpha (cell->text->str[cell->text->len - 2]);
}

static void
write_page (ReadoutHtmlSink *out,
            GPtrArray       *lines,
            gsize            pos)
{
  double widest = 0;

  find_blocks (lines);
  for (guint l = 0; l < lines->len; l++)
    {
      PdfLine *line = g_ptr_array_index (lines, l);
      widest = MAX (widest, line->x2 - line->x1);
    }

  for (guint l = 0; l < lines->len; l++)
    {
      PdfLine *line = g_ptr_array_index (lines, l);
      PdfLine *prev = l > 0 ? g_ptr_array_index (lines, l - 1) : NULL;

      if (line->block >= 0)
        {
          guint end = l;
          while (end + 1 < lines->len &&
                 ((PdfLine *) g_ptr_array_index (lines, end + 1))->block == line->block)
            end++;
          write_block (out, lines, l, end, pos);
          l = end;
          continue;
        }

      if (prev != NULL && prev->block < 0)
        {
          double gap = line->top - prev->bottom;
          gboolean wrapped = prev->x2 - prev->x1 >= WRAPPED_FRACTION * widest && !ends_sentence (prev);

          if (gap > 0.8 * MAX (line->height, prev->height))
            readout_html_sink_break (out, READOUT_HTML_BREAK_PARAGRAPH, pos);
          else if (wrapped && ends_hyphen (prev))
            ;   /* "Second-" + "Quarter": joined as printed */
          else if (wrapped || (prev->x2 - prev->x1 >= WRAPPED_FRACTION * widest &&
                               g_ascii_islower (((PdfCell *) g_ptr_array_index (line->cells, 0))->text->str[0])))
            readout_html_sink_break (out, READOUT_HTML_BREAK_SPACE, pos);
          else
            readout_html_sink_break (out, READOUT_HTML_BREAK_LINE, pos);
        }
      else
        readout_html_sink_break (out, READOUT_HTML_BREAK_PARAGRAPH, pos);

      for (guint c = 0; c < line->cells->len; c++)
        {
          PdfCell *cell = g_ptr_array_index (line->cells, c);
          if (c > 0)
            readout_html_sink_break (out, READOUT_HTML_BREAK_SPACE, pos);
          readout_html_sink_put (out, cell->text->str, cell->text->len, pos, 0);
        }
    }
  readout_html_sink_break (out, READOUT_HTML_BREAK_PARAGRAPH, pos);
}

static ReadoutText *
load_locked (GBytes        *bytes,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  /* No g_autoptr: poppler-glib 22 does not define it for its types. */
  PopplerDocument *document;
  g_autoptr(ReadoutTextBuilder) builder = NULL;
  g_autoptr(ReadoutText) positions = NULL;
  gsize size = g_bytes_get_size (bytes);
  int n_pages;
  gboolean any_text = FALSE;

  document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_ENCRYPTED,
                     _("The PDF is protected by a password"));
      else
        g_set_error (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_MALFORMED,
                     _("The PDF could not be read: %s"), local_error->message);
      return NULL;
    }

  /* Sinks hold positions; the positions here are page numbers. */
  positions = readout_text_new_borrowed (bytes, 0, READOUT_TEXT_FORMAT_PDF);
  builder = readout_text_builder_new (bytes, READOUT_TEXT_FORMAT_PDF, 4096);
  n_pages = poppler_document_get_n_pages (document);

  for (int p = 0; p < n_pages; p++)
    {
      PopplerPage *page;
      g_autoptr(GArray) glyphs = NULL;
      g_autoptr(GPtrArray) lines = NULL;
      ReadoutHtmlSink *out;
      gsize pos = MIN ((gsize) p, size > 0 ? size - 1 : 0);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_object_unref (document);
          return NULL;
        }

      page = poppler_document_get_page (document, p);
      if (page == NULL)
        continue;
      glyphs = page_glyphs (page);
      g_object_unref (page);
      if (glyphs->len == 0)
        continue;
      any_text = TRUE;
      lines = page_lines (glyphs);

      out = readout_html_sink_new (FALSE);
      write_page (out, lines, pos);
      if (readout_text_builder_get_len (builder) > 0)
        readout_text_builder_append_at (builder, "\n", 1, pos);
      readout_text_builder_begin_page (builder, p);
      readout_html_sink_end_line (out, pos);
      readout_html_sink_write (out, builder, positions);
      readout_html_sink_free (out);
    }

  g_object_unref (document);

  if (!any_text)
    {
      g_set_error (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_NO_TEXT,
                   _("The PDF has no text layer (a scanned document?)"));
      return NULL;
    }
  return readout_text_builder_finish (g_steal_pointer (&builder));
}

ReadoutText *
readout_pdf_load (GBytes        *bytes,
                  GCancellable  *cancellable,
                  GError       **error)
{
  /* poppler keeps process-wide state (its global parameters, font and
   * error handling) that two documents opened in two threads at once
   * can race on: PDFs are read one at a time. */
  static GMutex lock;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  return load_locked (bytes, cancellable, error);
}
