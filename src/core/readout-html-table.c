/* readout-html-table.c: mapped text buffers and table grids for the HTML
 * loader.
 *
 * A statement table in an SEC exhibit is laid out for the eye: spacer
 * columns, "$" and ")" in cells of their own, a number spanning two grid
 * columns in one row and one in the next, hidden padding cells.  The grid
 * written here is the logical one: number cells (with their "$", "%" and
 * ")" merged in) are grouped into columns by the grid column they end in
 * (numbers are right-aligned), header text is put over every number column
 * it spans, and everything left of the first number is the row label.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "readout-html-table.h"

/* A row with one text cell this long and no numbers is a paragraph. */
#define PROSE_CELL_MIN 160

/* ---- sinks ------------------------------------------------------------- */

typedef struct
{
  gsize norm;
  gsize pos;
  guint stride;
} MapRun;

struct _ReadoutHtmlSink
{
  GString          *text;
  GArray           *runs;     /* MapRun */
  ReadoutHtmlBreak  pending;
  gsize             pending_pos;
  gsize             last_pos;
  gboolean          has_pos;
  gboolean          cell;
};

ReadoutHtmlSink *
readout_html_sink_new (gboolean cell)
{
  ReadoutHtmlSink *self = g_new0 (ReadoutHtmlSink, 1);

  self->text = g_string_new (NULL);
  self->runs = g_array_new (FALSE, FALSE, sizeof (MapRun));
  self->cell = cell;
  return self;
}

void
readout_html_sink_free (ReadoutHtmlSink *self)
{
  if (self == NULL)
    return;
  g_string_free (self->text, TRUE);
  g_array_unref (self->runs);
  g_free (self);
}

static void
push (ReadoutHtmlSink *self,
      const char      *utf8,
      gsize            len,
      gsize            pos,
      guint            stride)
{
  gsize norm = self->text->len;

  if (self->has_pos && pos < self->last_pos)
    {
      pos = self->last_pos;
      stride = 0;
    }

  if (self->runs->len > 0)
    {
      MapRun *last = &g_array_index (self->runs, MapRun, self->runs->len - 1);
      if (last->stride != stride || last->pos + stride * (norm - last->norm) != pos)
        g_array_append_val (self->runs, ((MapRun) { norm, pos, stride }));
    }
  else
    g_array_append_val (self->runs, ((MapRun) { norm, pos, stride }));

  g_string_append_len (self->text, utf8, len);
  self->last_pos = stride > 0 ? pos + len - 1 : pos;
  self->has_pos = TRUE;
}

void
readout_html_sink_put (ReadoutHtmlSink *self,
                       const char      *utf8,
                       gsize            len,
                       gsize            pos,
                       guint            stride)
{
  if (len == 0)
    return;
  if (self->pending != READOUT_HTML_BREAK_NONE && self->text->len > 0)
    {
      const char *gap = self->pending == READOUT_HTML_BREAK_SPACE ? " "
                        : self->pending == READOUT_HTML_BREAK_LINE ? "\n" : "\n\n";
      push (self, gap, strlen (gap), self->pending_pos, 0);
    }
  else if (self->text->len >= 3 &&
           memcmp (self->text->str + self->text->len - 3, "\xE2\x80\xA2", 3) == 0)
    push (self, " ", 1, pos, 0);   /* a bullet set apart by padding, not a space */
  self->pending = READOUT_HTML_BREAK_NONE;
  push (self, utf8, len, pos, stride);
}

void
readout_html_sink_break (ReadoutHtmlSink  *self,
                         ReadoutHtmlBreak  level,
                         gsize             pos)
{
  if (self->cell)
    level = MIN (level, READOUT_HTML_BREAK_SPACE);
  if (level <= self->pending)
    return;
  if (self->pending == READOUT_HTML_BREAK_NONE)
    self->pending_pos = pos;
  self->pending = level;
}

void
readout_html_sink_line_break (ReadoutHtmlSink *self,
                              gsize            pos)
{
  if (self->pending >= READOUT_HTML_BREAK_LINE)
    readout_html_sink_break (self, READOUT_HTML_BREAK_PARAGRAPH, pos);
  else
    readout_html_sink_break (self, READOUT_HTML_BREAK_LINE, pos);
}

void
readout_html_sink_append (ReadoutHtmlSink *self,
                          ReadoutHtmlSink *other)
{
  for (guint i = 0; i < other->runs->len; i++)
    {
      const MapRun *run = &g_array_index (other->runs, MapRun, i);
      gsize end = i + 1 < other->runs->len
                  ? g_array_index (other->runs, MapRun, i + 1).norm
                  : other->text->len;

      readout_html_sink_put (self, other->text->str + run->norm, end - run->norm,
                             run->pos, run->stride);
    }
}

void
readout_html_sink_end_line (ReadoutHtmlSink *self,
                            gsize            pos)
{
  self->pending = READOUT_HTML_BREAK_NONE;
  push (self, "\n", 1, pos, 0);
}

gboolean
readout_html_sink_is_empty (ReadoutHtmlSink *self)
{
  return self->text->len == 0;
}

gsize
readout_html_sink_get_len (ReadoutHtmlSink *self)
{
  return self->text->len;
}

const char *
readout_html_sink_get_text (ReadoutHtmlSink *self)
{
  return self->text->str;
}

static gsize
first_pos (ReadoutHtmlSink *self)
{
  return self->runs->len > 0 ? g_array_index (self->runs, MapRun, 0).pos : 0;
}

void
readout_html_sink_write (ReadoutHtmlSink    *self,
                         ReadoutTextBuilder *builder,
                         ReadoutText        *decoded)
{
  gsize decoded_len;

  readout_text_get_text (decoded, &decoded_len);
  for (guint i = 0; i < self->runs->len; i++)
    {
      const MapRun *run = &g_array_index (self->runs, MapRun, i);
      gsize end = i + 1 < self->runs->len
                  ? g_array_index (self->runs, MapRun, i + 1).norm
                  : self->text->len;
      gsize len = end - run->norm;

      /* A verbatim run is the decoded text itself: map it through. */
      if (run->stride == 1 && run->pos + len <= decoded_len)
        readout_text_builder_append_from (builder, decoded, run->pos, len);
      else
        readout_text_builder_append_at (builder, self->text->str + run->norm, len,
                                        readout_text_to_original (decoded, run->pos));
    }
}

/* ---- tables ------------------------------------------------------------ */

typedef struct
{
  ReadoutHtmlSink *text;
  int              col;
  int              span;
} Cell;

typedef struct
{
  ReadoutHtmlSink *source;   /* owned by the cell that spans down */
  int              col;
  int              span;
  int              rows_left;
  gboolean         fresh;    /* added in the current row */
  gboolean         used;     /* placed in the current row */
} Span;

struct _ReadoutHtmlTable
{
  gboolean   grid;
  GPtrArray *rows;       /* GArray of Cell */
  GArray    *row;        /* the open row, or NULL */
  gboolean   cell_open;
  int        next_col;
  GArray    *spans;      /* Span */
  guint      copies;     /* cells copied down from a rowspan, in all */
};

/* A rowspan on every row of a long table would copy cells down without
 * end (2 MB of HTML made 8 GB): past these bounds a rowspan counts as 1
 * and copies are dropped.  Real statements stay far below both. */
#define MAX_LIVE_SPANS  64
#define MAX_SPAN_COPIES 20000

static void
free_row (gpointer data)
{
  GArray *row = data;

  for (guint i = 0; i < row->len; i++)
    readout_html_sink_free (g_array_index (row, Cell, i).text);
  g_array_unref (row);
}

ReadoutHtmlTable *
readout_html_table_new (void)
{
  ReadoutHtmlTable *self = g_new0 (ReadoutHtmlTable, 1);

  self->grid = TRUE;
  self->rows = g_ptr_array_new_with_free_func (free_row);
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  return self;
}

void
readout_html_table_free (ReadoutHtmlTable *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->rows);
  if (self->row != NULL)
    free_row (self->row);
  g_array_unref (self->spans);
  g_free (self);
}

gboolean
readout_html_table_is_grid (ReadoutHtmlTable *self)
{
  return self->grid;
}

static void
place_copy (ReadoutHtmlTable *self,
            Span             *span)
{
  if (self->copies < MAX_SPAN_COPIES)
    {
      Cell cell = { readout_html_sink_new (TRUE), self->next_col, span->span };

      readout_html_sink_append (cell.text, span->source);
      g_array_append_val (self->row, cell);
      self->copies++;
    }
  self->next_col += span->span;
  span->used = TRUE;
}

/* Puts the cells spanning down from above that start at the next column
 * (with @to_end, all that are left, at the end of the row). */
static void
fill_spans (ReadoutHtmlTable *self,
            gboolean          to_end)
{
  for (;;)
    {
      Span *best = NULL;

      for (guint i = 0; i < self->spans->len; i++)
        {
          Span *span = &g_array_index (self->spans, Span, i);
          if (span->fresh || span->used)
            continue;
          if (span->col < self->next_col)
            span->used = TRUE;   /* overlapped by a wider cell: dropped */
          else if (span->col == self->next_col)
            {
              best = span;
              break;
            }
          else if (to_end && (best == NULL || span->col < best->col))
            best = span;
        }
      if (best == NULL)
        break;
      self->next_col = best->col;
      place_copy (self, best);
    }
}

void
readout_html_table_start_row (ReadoutHtmlTable *self)
{
  if (self->row != NULL)
    readout_html_table_end_row (self);
  self->row = g_array_new (FALSE, FALSE, sizeof (Cell));
  self->next_col = 0;
}

void
readout_html_table_end_row (ReadoutHtmlTable *self)
{
  if (self->row == NULL)
    return;
  self->cell_open = FALSE;
  fill_spans (self, TRUE);
  for (guint i = self->spans->len; i > 0; i--)
    {
      Span *span = &g_array_index (self->spans, Span, i - 1);
      if (!span->fresh)
        span->rows_left--;
      span->fresh = FALSE;
      span->used = FALSE;
      if (span->rows_left <= 0)
        g_array_remove_index (self->spans, i - 1);
    }
  g_ptr_array_add (self->rows, g_steal_pointer (&self->row));
}

void
readout_html_table_start_cell (ReadoutHtmlTable *self,
                               int               colspan,
                               int               rowspan)
{
  Cell cell;

  if (self->row == NULL)
    readout_html_table_start_row (self);
  fill_spans (self, FALSE);
  if (self->spans->len >= MAX_LIVE_SPANS)
    rowspan = 1;
  /* Most cells of a statement are spacers: their sink comes with text. */
  cell.text = rowspan > 1 ? readout_html_sink_new (TRUE) : NULL;
  cell.col = self->next_col;
  cell.span = colspan;
  g_array_append_val (self->row, cell);
  self->next_col += colspan;
  self->cell_open = TRUE;
  if (rowspan > 1)
    g_array_append_val (self->spans, ((Span) { cell.text, cell.col, colspan, rowspan - 1, TRUE, FALSE }));
}

void
readout_html_table_end_cell (ReadoutHtmlTable *self)
{
  self->cell_open = FALSE;
}

ReadoutHtmlSink *
readout_html_table_cell_sink (ReadoutHtmlTable *self,
                              gboolean          for_text)
{
  Cell *cell;

  if (!self->cell_open || self->row == NULL || self->row->len == 0)
    {
      if (!for_text)
        return NULL;
      readout_html_table_start_cell (self, 1, 1);
    }
  cell = &g_array_index (self->row, Cell, self->row->len - 1);
  if (cell->text == NULL)
    cell->text = readout_html_sink_new (TRUE);
  return cell->text;
}

/* ---- rendering --------------------------------------------------------- */

typedef struct
{
  ReadoutHtmlSink *text;
  int              s, e;      /* grid columns [s, e) */
  int              anchor;    /* the grid column a number ends in */
  gboolean         numeric;
} Item;

static gboolean
text_is (const char *text,
         const char * const *set,
         guint       n)
{
  for (guint i = 0; i < n; i++)
    if (strcmp (text, set[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
readout_html_is_prefix_cell (const char *text)
{
  static const char * const set[] = {
    "$", "US$", "C$", "A$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5", "(", "$(", "USD", "EUR",
  };
  return text_is (text, set, G_N_ELEMENTS (set));
}

gboolean
readout_html_is_suffix_cell (const char *text)
{
  static const char * const set[] = { ")", "%", ")%", "%)", "x", "*" };
  return text_is (text, set, G_N_ELEMENTS (set));
}

/* A number as statements print them ("1,234", "(3.1)%", "$0.23"), or a
 * placeholder that sits in a number column ("-", "n/a"). */
gboolean
readout_html_is_number_cell (const char *text)
{
  static const char * const placeholders[] = {
    "-", "--", "---", "n/a", "N/A", "nm", "NM", "n.m.", "N/M", "*", "\xE2\x80\x94",
  };
  const char *p = text;
  gboolean digits = FALSE;

  if (text_is (text, placeholders, G_N_ELEMENTS (placeholders)))
    return TRUE;

  for (;;)
    {
      if (*p == '$' || *p == '(' || *p == '-' || *p == '+' || *p == ' ')
        p++;
      else if (g_str_has_prefix (p, "US$") || g_str_has_prefix (p, "\xE2\x82\xAC"))
        p += 3;
      else if (g_str_has_prefix (p, "\xC2\xA3") || g_str_has_prefix (p, "\xC2\xA5"))
        p += 2;
      else
        break;
    }
  while (g_ascii_isdigit (*p) || *p == ',' || (*p == '.' && g_ascii_isdigit (p[1])))
    {
      digits |= g_ascii_isdigit (*p);
      p++;
    }
  while (*p == ')' || *p == '%' || *p == 'x' || *p == '*' || *p == ' ')
    p++;
  return digits && *p == '\0';
}

static void
free_items (gpointer data)
{
  GArray *items = data;

  for (guint i = 0; i < items->len; i++)
    readout_html_sink_free (g_array_index (items, Item, i).text);
  g_array_unref (items);
}

/* One row's non-empty cells, with "$", "%" and ")" merged into numbers. */
static GArray *
row_items (GArray *row)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (Item));

  for (guint i = 0; i < row->len; i++)
    {
      const Cell *cell = &g_array_index (row, Cell, i);
      const char *text;
      Item item;

      if (cell->text == NULL || readout_html_sink_is_empty (cell->text))
        continue;
      text = readout_html_sink_get_text (cell->text);

      if (items->len > 0 && readout_html_is_suffix_cell (text))
        {
          Item *last = &g_array_index (items, Item, items->len - 1);
          if (last->numeric)
            {
              readout_html_sink_append (last->text, cell->text);
              last->e = MAX (last->e, cell->col + cell->span);
              continue;
            }
        }

      item.text = readout_html_sink_new (TRUE);
      readout_html_sink_append (item.text, cell->text);
      item.s = cell->col;
      item.e = cell->col + cell->span;
      item.anchor = item.e - 1;
      item.numeric = readout_html_is_number_cell (text);

      if (item.numeric && items->len > 0)
        {
          Item *last = &g_array_index (items, Item, items->len - 1);
          if (!last->numeric && readout_html_is_prefix_cell (readout_html_sink_get_text (last->text)))
            {
              readout_html_sink_append (last->text, item.text);
              readout_html_sink_free (item.text);
              last->e = item.e;
              last->anchor = item.anchor;
              last->numeric = TRUE;
              continue;
            }
        }
      g_array_append_val (items, item);
    }

  /* A number in the first grid column is a label ("2024", "(1)"). */
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      if (item->s == 0)
        item->numeric = FALSE;
    }
  return items;
}

typedef struct
{
  int lo, hi;   /* anchors grouped into one logical column */
} Group;

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static gboolean
row_has_anchor (GArray *items,
                int     lo,
                int     hi)
{
  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);
      if (item->numeric && item->anchor >= lo && item->anchor <= hi)
        return TRUE;
    }
  return FALSE;
}

static GArray *
find_groups (GPtrArray *all_items)
{
  g_autoptr(GArray) anchors = g_array_new (FALSE, FALSE, sizeof (int));
  GArray *groups = g_array_new (FALSE, FALSE, sizeof (Group));

  for (guint r = 0; r < all_items->len; r++)
    {
      GArray *items = g_ptr_array_index (all_items, r);
      for (guint i = 0; i < items->len; i++)
        if (g_array_index (items, Item, i).numeric)
          g_array_append_val (anchors, g_array_index (items, Item, i).anchor);
    }
  g_array_sort (anchors, compare_int);

  for (guint a = 0; a < anchors->len; a++)
    {
      int b = g_array_index (anchors, int, a);
      Group *group = groups->len > 0 ? &g_array_index (groups, Group, groups->len - 1) : NULL;
      gboolean join = FALSE;

      if (group != NULL && group->hi == b)
        continue;
      if (group != NULL)
        {
          gboolean conflict = FALSE, bridged = b - group->hi <= 2;

          for (guint r = 0; r < all_items->len && !conflict; r++)
            {
              GArray *items = g_ptr_array_index (all_items, r);
              conflict = row_has_anchor (items, group->lo, group->hi) &&
                         row_has_anchor (items, b, b);
              for (guint i = 0; i < items->len && !bridged; i++)
                {
                  const Item *item = &g_array_index (items, Item, i);
                  bridged = item->numeric && item->s <= group->hi && item->e - 1 >= b;
                }
            }
          join = !conflict && bridged;
        }
      if (join)
        group->hi = b;
      else
        g_array_append_val (groups, ((Group) { b, b }));
    }
  return groups;
}

static int
group_of (GArray *groups,
          int     anchor)
{
  for (guint g = 0; g < groups->len; g++)
    if (anchor >= g_array_index (groups, Group, g).lo && anchor <= g_array_index (groups, Group, g).hi)
      return g;
  return -1;
}

/* A number over several number columns is a header ("2026" over
 * "United States | International | Total"). */
static gboolean
spans_groups (GArray     *groups,
              const Item *item)
{
  guint n = 0;

  for (guint g = 0; g < groups->len; g++)
    if (g_array_index (groups, Group, g).hi >= item->s &&
        g_array_index (groups, Group, g).lo <= item->e - 1)
      n++;
  return n > 1;
}

static void
put_joined (ReadoutHtmlSink *out,
            ReadoutHtmlSink *text)
{
  if (!readout_html_sink_is_empty (out))
    readout_html_sink_break (out, READOUT_HTML_BREAK_SPACE, first_pos (text));
  readout_html_sink_append (out, text);
}

static void
write_prose_row (ReadoutHtmlSink  *out,
                 GArray           *items,
                 ReadoutHtmlBreak  around)
{
  if (items->len == 0)
    return;
  readout_html_sink_break (out, around, first_pos (g_array_index (items, Item, 0).text));
  for (guint i = 0; i < items->len; i++)
    {
      ReadoutHtmlSink *text = g_array_index (items, Item, i).text;
      if (i > 0)
        readout_html_sink_break (out, READOUT_HTML_BREAK_SPACE, first_pos (text));
      readout_html_sink_append (out, text);
    }
  readout_html_sink_break (out, around, 0);
}

static void
write_grid (GPtrArray       *all_items,
            ReadoutHtmlSink *out)
{
  g_autoptr(GArray) groups = find_groups (all_items);
  int first_start = G_MAXINT;
  guint ncols = groups->len + 1;
  gboolean in_block = FALSE;

  for (guint r = 0; r < all_items->len; r++)
    {
      GArray *items = g_ptr_array_index (all_items, r);
      for (guint i = 0; i < items->len; i++)
        if (g_array_index (items, Item, i).numeric)
          first_start = MIN (first_start, g_array_index (items, Item, i).s);
    }

  for (guint r = 0; r < all_items->len; r++)
    {
      GArray *items = g_ptr_array_index (all_items, r);
      g_autoptr(GPtrArray) cells = NULL;
      gboolean any_number = FALSE;
      int last = -1;

      if (items->len == 0)
        continue;
      for (guint i = 0; i < items->len; i++)
        any_number |= g_array_index (items, Item, i).numeric;

      if (groups->len == 0 ||
          (!any_number && items->len == 1 &&
           readout_html_sink_get_len (g_array_index (items, Item, 0).text) >= PROSE_CELL_MIN))
        {
          write_prose_row (out, items, groups->len == 0 ? READOUT_HTML_BREAK_LINE
                                                        : READOUT_HTML_BREAK_PARAGRAPH);
          in_block = FALSE;
          continue;
        }

      cells = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_html_sink_free);
      for (guint c = 0; c < ncols; c++)
        g_ptr_array_add (cells, readout_html_sink_new (TRUE));

      for (guint i = 0; i < items->len; i++)
        {
          const Item *item = &g_array_index (items, Item, i);

          if (item->numeric && !spans_groups (groups, item))
            put_joined (g_ptr_array_index (cells, group_of (groups, item->anchor) + 1), item->text);
          else if (item->s < first_start)
            put_joined (g_ptr_array_index (cells, 0), item->text);
          else
            {
              /* Header text goes over every number column it spans. */
              gboolean placed = FALSE;
              int best = 0, best_distance = G_MAXINT;

              for (guint g = 0; g < groups->len; g++)
                {
                  const Group *group = &g_array_index (groups, Group, g);
                  int distance;

                  if (group->hi >= item->s && group->lo <= item->e - 1)
                    {
                      put_joined (g_ptr_array_index (cells, g + 1), item->text);
                      placed = TRUE;
                    }
                  distance = group->lo > item->e - 1 ? group->lo - (item->e - 1) : item->s - group->hi;
                  if (distance < best_distance)
                    {
                      best_distance = distance;
                      best = g;
                    }
                }
              if (!placed)
                put_joined (g_ptr_array_index (cells, best + 1), item->text);
            }
        }

      for (guint c = 0; c < ncols; c++)
        if (!readout_html_sink_is_empty (g_ptr_array_index (cells, c)))
          last = c;
      if (last < 0)
        continue;

      readout_html_sink_break (out, in_block ? READOUT_HTML_BREAK_LINE : READOUT_HTML_BREAK_PARAGRAPH,
                               first_pos (g_array_index (items, Item, 0).text));
      in_block = TRUE;
      for (int c = 0; c <= last; c++)
        {
          ReadoutHtmlSink *cell = g_ptr_array_index (cells, c);
          if (c > 0)
            readout_html_sink_put (out, " | ", 3, first_pos (cell), 0);
          readout_html_sink_append (out, cell);
        }
    }
  readout_html_sink_break (out, READOUT_HTML_BREAK_PARAGRAPH, 0);
}

static GPtrArray *
collect_items (ReadoutHtmlTable *self)
{
  GPtrArray *all_items = g_ptr_array_new_with_free_func (free_items);

  for (guint r = 0; r < self->rows->len; r++)
    g_ptr_array_add (all_items, row_items (g_ptr_array_index (self->rows, r)));
  return all_items;
}

void
readout_html_table_degrade (ReadoutHtmlTable *self,
                            ReadoutHtmlSink  *out)
{
  g_autoptr(GPtrArray) all_items = NULL;

  if (self->row != NULL)
    readout_html_table_end_row (self);
  all_items = collect_items (self);
  for (guint r = 0; r < all_items->len; r++)
    write_prose_row (out, g_ptr_array_index (all_items, r), READOUT_HTML_BREAK_LINE);
  g_ptr_array_set_size (self->rows, 0);
  g_array_set_size (self->spans, 0);
  self->grid = FALSE;
}

/* No release has a table with hundreds of number columns, and laying one
 * out as a grid is quadratic in them: such a table is written as lines. */
#define MAX_GRID_COLUMNS 1000

static guint
count_anchors (GPtrArray *all_items)
{
  g_autoptr(GHashTable) anchors = g_hash_table_new (NULL, NULL);

  for (guint r = 0; r < all_items->len; r++)
    {
      GArray *items = g_ptr_array_index (all_items, r);
      for (guint i = 0; i < items->len; i++)
        if (g_array_index (items, Item, i).numeric)
          g_hash_table_add (anchors, GINT_TO_POINTER (g_array_index (items, Item, i).anchor));
    }
  return g_hash_table_size (anchors);
}

void
readout_html_table_finish (ReadoutHtmlTable *self,
                           ReadoutHtmlSink  *out)
{
  g_autoptr(GPtrArray) all_items = NULL;

  if (!self->grid)
    return;
  if (self->row != NULL)
    readout_html_table_end_row (self);
  all_items = collect_items (self);
  if (count_anchors (all_items) > MAX_GRID_COLUMNS)
    {
      for (guint r = 0; r < all_items->len; r++)
        write_prose_row (out, g_ptr_array_index (all_items, r), READOUT_HTML_BREAK_LINE);
    }
  else
    write_grid (all_items, out);
  g_ptr_array_set_size (self->rows, 0);
  g_array_set_size (self->spans, 0);
}
