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
  GString          *text;     /* from byte @flushed on */
  GArray           *runs;     /* MapRun */
  ReadoutHtmlBreak  pending;
  gsize             pending_pos;
  gsize             last_pos;
  gboolean          has_pos;
  gboolean          cell;

  /* A streaming sink writes each run to @builder once the next one
   * starts, so the document's text is never held twice. */
  ReadoutTextBuilder *builder;
  ReadoutText        *decoded;
  gsize               flushed;   /* bytes written to @builder */
  char                tail[3];   /* the last bytes written, for the bullet */
  guint               tail_len;
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

ReadoutHtmlSink *
readout_html_sink_new_streaming (ReadoutTextBuilder *builder,
                                 ReadoutText        *decoded)
{
  ReadoutHtmlSink *self = readout_html_sink_new (FALSE);

  self->builder = builder;
  self->decoded = decoded;
  return self;
}

static void
write_run (ReadoutHtmlSink    *self,
           guint               i,
           ReadoutTextBuilder *builder,
           ReadoutText        *decoded,
           gsize               decoded_len)
{
  const MapRun *run = &g_array_index (self->runs, MapRun, i);
  gsize start = run->norm - self->flushed;
  gsize end = i + 1 < self->runs->len
              ? g_array_index (self->runs, MapRun, i + 1).norm - self->flushed
              : self->text->len;
  gsize len = end - start;

  /* A verbatim run is the decoded text itself: map it through. */
  if (run->stride == 1 && run->pos + len <= decoded_len)
    readout_text_builder_append_from (builder, decoded, run->pos, len);
  else
    readout_text_builder_append_at (builder, self->text->str + start, len,
                                    readout_text_to_original (decoded, run->pos));
}

/* Writes the runs held so far to the builder and forgets their text. */
static void
flush (ReadoutHtmlSink *self)
{
  gsize decoded_len;
  gsize keep = MIN (self->text->len, sizeof self->tail);

  readout_text_get_text (self->decoded, &decoded_len);
  for (guint i = 0; i < self->runs->len; i++)
    write_run (self, i, self->builder, self->decoded, decoded_len);
  if (keep < sizeof self->tail)
    {
      /* Shift the old tail left to make room for the new bytes. */
      guint old = MIN (self->tail_len, (guint) (sizeof self->tail - keep));
      memmove (self->tail, self->tail + self->tail_len - old, old);
      self->tail_len = old;
    }
  else
    self->tail_len = 0;
  memcpy (self->tail + self->tail_len, self->text->str + self->text->len - keep, keep);
  self->tail_len += keep;
  self->flushed += self->text->len;
  g_string_truncate (self->text, 0);
  g_array_set_size (self->runs, 0);
}

static gsize
sink_len (ReadoutHtmlSink *self)
{
  return self->flushed + self->text->len;
}

static gboolean
ends_with_bullet (ReadoutHtmlSink *self)
{
  static const char bullet[] = "\xE2\x80\xA2";
  char last[3];
  gsize from_text = MIN (self->text->len, 3);
  gsize from_tail = 3 - from_text;

  if (sink_len (self) < 3 || from_tail > self->tail_len)
    return FALSE;
  memcpy (last, self->tail + self->tail_len - from_tail, from_tail);
  memcpy (last + from_tail, self->text->str + self->text->len - from_text, from_text);
  return memcmp (last, bullet, 3) == 0;
}

static void
push (ReadoutHtmlSink *self,
      const char      *utf8,
      gsize            len,
      gsize            pos,
      guint            stride)
{
  gsize norm = sink_len (self);

  if (self->has_pos && pos < self->last_pos)
    {
      pos = self->last_pos;
      stride = 0;
    }

  if (self->runs->len > 0)
    {
      MapRun *last = &g_array_index (self->runs, MapRun, self->runs->len - 1);
      if (last->stride != stride || last->pos + stride * (norm - last->norm) != pos)
        {
          if (self->builder != NULL)
            flush (self);
          g_array_append_val (self->runs, ((MapRun) { norm, pos, stride }));
        }
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
  if (self->pending != READOUT_HTML_BREAK_NONE && sink_len (self) > 0)
    {
      const char *gap = self->pending == READOUT_HTML_BREAK_SPACE ? " "
                        : self->pending == READOUT_HTML_BREAK_LINE ? "\n" : "\n\n";
      push (self, gap, strlen (gap), self->pending_pos, 0);
    }
  else if (ends_with_bullet (self))
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
  return sink_len (self) == 0;
}

gsize
readout_html_sink_get_len (ReadoutHtmlSink *self)
{
  return sink_len (self);
}

const char *
readout_html_sink_get_text (ReadoutHtmlSink *self)
{
  g_return_val_if_fail (self->builder == NULL, NULL);
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

  if (self->builder != NULL)
    {
      g_return_if_fail (builder == self->builder && decoded == self->decoded);
      flush (self);
      return;
    }
  readout_text_get_text (decoded, &decoded_len);
  for (guint i = 0; i < self->runs->len; i++)
    write_run (self, i, builder, decoded, decoded_len);
}

/* ---- packed text ------------------------------------------------------- */

/* A finished row is kept packed, not as sinks: a sink per cell cost about
 * 100 bytes of memory for each byte of table in the file.  A sink's runs
 * are written as varints (length, stride, position relative to the row's
 * first), and a copy run's bytes are not stored at all: they are the
 * decoded text at its position.  Only the bytes that differ from the
 * source (folded characters, spaces put for breaks) are kept. */

static void
put_varint (GByteArray *bytes,
            guint64     v)
{
  guint8 buf[10];
  guint n = 0;

  do
    {
      buf[n++] = (v & 0x7F) | (v > 0x7F ? 0x80 : 0);
      v >>= 7;
    }
  while (v != 0);
  g_byte_array_append (bytes, buf, n);
}

static guint64
get_varint (const guint8 **p)
{
  guint64 v = 0;
  guint shift = 0;

  for (;;)
    {
      guint8 b = *(*p)++;
      v |= (guint64) (b & 0x7F) << shift;
      if ((b & 0x80) == 0)
        return v;
      shift += 7;
    }
}

static guint64
zigzag (gint64 v)
{
  return ((guint64) v << 1) ^ (guint64) (v >> 63);
}

static gint64
unzigzag (guint64 v)
{
  return (gint64) (v >> 1) ^ -(gint64) (v & 1);
}

/* Run header: length << 2 | stride << 1 | literal; then the position;
 * then, for a literal run, its bytes. */
static void
pack_sink (GByteArray      *bytes,
           ReadoutHtmlSink *sink,
           const char      *src,
           gsize            src_len,
           gsize            base)
{
  for (guint i = 0; i < sink->runs->len; i++)
    {
      const MapRun *run = &g_array_index (sink->runs, MapRun, i);
      gsize end = i + 1 < sink->runs->len
                  ? g_array_index (sink->runs, MapRun, i + 1).norm
                  : sink->text->len;
      gsize len = end - run->norm;
      const char *text = sink->text->str + run->norm;
      gboolean literal = run->stride != 1 || run->pos > src_len || len > src_len - run->pos ||
                         memcmp (text, src + run->pos, len) != 0;

      g_assert (run->stride <= 1);
      put_varint (bytes, (guint64) len << 2 | run->stride << 1 | (literal ? 1 : 0));
      put_varint (bytes, zigzag ((gint64) run->pos - (gint64) base));
      if (literal)
        g_byte_array_append (bytes, (const guint8 *) text, len);
    }
}

typedef struct
{
  const guint8 *data;
  gsize         len;
  gsize         base;
  gsize         first_pos;
} Packed;

static Packed
packed_new (const guint8 *data,
            gsize         len,
            gsize         base)
{
  Packed packed = { data, len, base, 0 };

  if (len > 0)
    {
      const guint8 *p = data;
      get_varint (&p);
      packed.first_pos = base + unzigzag (get_varint (&p));
    }
  return packed;
}

/* As readout_html_sink_append() of the sink that was packed. */
static void
sink_append_packed (ReadoutHtmlSink *self,
                    const Packed    *packed,
                    const char      *src)
{
  const guint8 *p = packed->data, *end = packed->data + packed->len;

  while (p < end)
    {
      guint64 header = get_varint (&p);
      gsize pos = packed->base + unzigzag (get_varint (&p));
      gsize len = header >> 2;
      const char *text = src + pos;

      if (header & 1)
        {
          text = (const char *) p;
          p += len;
        }
      readout_html_sink_put (self, text, len, pos, (header >> 1) & 1);
    }
}

/* ---- tables ------------------------------------------------------------ */

typedef struct
{
  ReadoutHtmlSink *text;
  int              col;
  int              span;
  gboolean         spans_down;   /* text is its Span's source (not owned) */
  gboolean         copy;         /* copied down from a rowspan */
} Cell;

typedef struct
{
  ReadoutHtmlSink *source;   /* owned */
  int              col;
  int              span;
  int              rows_left;
  gboolean         fresh;    /* added in the current row */
  gboolean         used;     /* placed in the current row */
} Span;

typedef struct
{
  ReadoutHtmlSink *text;
  int              s, e;      /* grid columns [s, e) */
  int              anchor;    /* the grid column a number ends in */
  gboolean         numeric;
} Item;

/* The open row is taken apart as it comes: a cell only ever merges with
 * the item before it, so each cell becomes (part of) an item when the
 * next one starts, and each item is packed when the next one starts.
 * Only the last cell and the last item are sinks: one row of 2 million
 * cells took 1.8 GB as a sink per cell. */
struct _ReadoutHtmlTable
{
  const char *src;        /* the decoded text, which copy runs point into */
  gsize       src_len;
  gboolean    grid;
  GByteArray *rows;       /* finished rows, packed (see pack_row) */
  GByteArray *scratch;

  gboolean    row_open;
  gboolean    has_cell;
  Cell        cell;       /* the open row's last cell */
  gboolean    has_item;
  Item        item;       /* the open row's last item */
  guint       n_items;    /* packed into @row_items */
  gsize       row_base;
  GByteArray *row_items;
  guint64     row_own_bytes;

  gboolean    cell_open;
  int         next_col;
  GArray     *spans;      /* Span */
  guint       copies;     /* cells copied down from a rowspan, in all */
  guint64     own_bytes;  /* text of the finished rows' own cells */
  guint64     copied_bytes;
};

/* A rowspan on every row of a long table would copy cells down without
 * end (2 MB of HTML made 8 GB): past these bounds a rowspan counts as 1
 * and copies are dropped.  Real statements stay far below both. */
#define MAX_LIVE_SPANS  64
#define MAX_SPAN_COPIES 20000
/* Nor may copies add more text than twice the table's own (and a little):
 * one long cell spanning 1,000 rows, in table after table, made a
 * thousand times the file's size. */
#define SPAN_COPY_GROWTH 2
#define SPAN_COPY_FREE   4096
/* Columns past this one are this one: 40 MB of colspan=1000 cells in a
 * row would overflow an int (colspan is at most 1000). */
#define MAX_COLUMN (1 << 24)

static void
clear_spans (ReadoutHtmlTable *self)
{
  for (guint i = 0; i < self->spans->len; i++)
    readout_html_sink_free (g_array_index (self->spans, Span, i).source);
  g_array_set_size (self->spans, 0);
}

ReadoutHtmlTable *
readout_html_table_new (const char *src,
                        gsize       src_len)
{
  ReadoutHtmlTable *self = g_new0 (ReadoutHtmlTable, 1);

  self->src = src;
  self->src_len = src_len;
  self->grid = TRUE;
  self->rows = g_byte_array_new ();
  self->scratch = g_byte_array_new ();
  self->row_items = g_byte_array_new ();
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  return self;
}

static void
drop_open_row (ReadoutHtmlTable *self)
{
  if (self->has_cell && !self->cell.spans_down)
    readout_html_sink_free (self->cell.text);
  if (self->has_item)
    readout_html_sink_free (self->item.text);
  self->has_cell = FALSE;
  self->has_item = FALSE;
  self->row_open = FALSE;
}

void
readout_html_table_free (ReadoutHtmlTable *self)
{
  if (self == NULL)
    return;
  drop_open_row (self);
  clear_spans (self);
  g_array_unref (self->spans);
  g_byte_array_unref (self->rows);
  g_byte_array_unref (self->scratch);
  g_byte_array_unref (self->row_items);
  g_free (self);
}

gboolean
readout_html_table_is_grid (ReadoutHtmlTable *self)
{
  return self->grid;
}

static void take_cell (ReadoutHtmlTable *self,
                       const Cell       *cell);

/* Appends @cell to the open row; the cell before is done. */
static void
add_cell (ReadoutHtmlTable *self,
          const Cell       *cell)
{
  if (self->has_cell)
    {
      take_cell (self, &self->cell);
      if (!self->cell.spans_down)
        readout_html_sink_free (self->cell.text);
    }
  self->cell = *cell;
  self->has_cell = TRUE;
}

static void
place_copy (ReadoutHtmlTable *self,
            Span             *span)
{
  gsize len = readout_html_sink_get_len (span->source);

  if (self->copies < MAX_SPAN_COPIES &&
      self->copied_bytes + len <= SPAN_COPY_GROWTH * self->own_bytes + SPAN_COPY_FREE)
    {
      Cell cell = { readout_html_sink_new (TRUE), self->next_col, span->span, FALSE, TRUE };

      readout_html_sink_append (cell.text, span->source);
      add_cell (self, &cell);
      self->copies++;
      self->copied_bytes += len;
    }
  self->next_col = MIN (self->next_col + span->span, MAX_COLUMN);
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
  if (self->row_open)
    readout_html_table_end_row (self);
  self->row_open = TRUE;
  self->next_col = 0;
  self->n_items = 0;
  self->row_base = 0;
  self->row_own_bytes = 0;
  g_byte_array_set_size (self->row_items, 0);
}

/* ---- rows and their items ---------------------------------------------- */

/* An Item as read back from the packed rows. */
typedef struct
{
  Packed   text;
  gsize    len;       /* of the text */
  int      s, e;
  int      anchor;
  gboolean numeric;
} PItem;

/* Packs the open row's last item: s, e - s, e - 1 - anchor, numeric,
 * the text's length, the packed text's length and the packed text. */
static void
pack_item (ReadoutHtmlTable *self,
           const Item       *item)
{
  GByteArray *out = self->row_items;
  /* A number in the first grid column is a label ("2024", "(1)"). */
  gboolean numeric = item->numeric && item->s != 0;

  if (self->n_items == 0 && item->text->runs->len > 0)
    self->row_base = g_array_index (item->text->runs, MapRun, 0).pos;
  put_varint (out, zigzag (item->s));
  put_varint (out, zigzag ((gint64) item->e - item->s));
  put_varint (out, zigzag ((gint64) item->e - 1 - item->anchor));
  put_varint (out, numeric ? 1 : 0);
  put_varint (out, item->text->text->len);
  g_byte_array_set_size (self->scratch, 0);
  pack_sink (self->scratch, item->text, self->src, self->src_len, self->row_base);
  put_varint (out, self->scratch->len);
  g_byte_array_append (out, self->scratch->data, self->scratch->len);
  self->n_items++;
}

/* A row: its number of items and the position its runs are relative to,
 * then its packed items. */
static void
pack_row (ReadoutHtmlTable *self)
{
  put_varint (self->rows, self->n_items);
  put_varint (self->rows, self->row_base);
  g_byte_array_append (self->rows, self->row_items->data, self->row_items->len);
}

typedef struct
{
  const guint8 *p;
  const guint8 *end;
} RowReader;

static RowReader
row_reader (ReadoutHtmlTable *self)
{
  /* An empty GByteArray has no data: no NULL + 0 (UBSan, clang). */
  if (self->rows->len == 0)
    return (RowReader) { NULL, NULL };
  return (RowReader) { self->rows->data, self->rows->data + self->rows->len };
}

/* A packed row, its items decoded on demand: a row can have millions of
 * them.  They are read in order; asking for an earlier one starts over. */
typedef struct
{
  const guint8 *start;   /* the first item */
  guint         n;
  gsize         base;
  guint         at;      /* items decoded */
  const guint8 *p;       /* the next one */
  PItem         item;    /* item at - 1 */
} Row;

/* The next row into @row; FALSE after the last row. */
static gboolean
next_row (RowReader *reader,
          Row       *row)
{
  if (reader->p >= reader->end)
    return FALSE;
  row->n = get_varint (&reader->p);
  row->base = get_varint (&reader->p);
  row->start = reader->p;
  row->at = 0;
  row->p = reader->p;
  /* Skip to the next row. */
  for (guint i = 0; i < row->n; i++)
    {
      for (guint f = 0; f < 5; f++)
        get_varint (&reader->p);
      reader->p += get_varint (&reader->p);
    }
  return TRUE;
}

static const PItem *
row_item (Row   *row,
          guint  i)
{
  g_assert (i < row->n);
  if (row->at == 0 || i < row->at - 1)
    {
      row->at = 0;
      row->p = row->start;
    }
  while (row->at <= i)
    {
      PItem *item = &row->item;
      gsize len;

      item->s = (int) unzigzag (get_varint (&row->p));
      item->e = (int) (item->s + unzigzag (get_varint (&row->p)));
      item->anchor = (int) (item->e - 1 - unzigzag (get_varint (&row->p)));
      item->numeric = get_varint (&row->p) != 0;
      item->len = get_varint (&row->p);
      len = get_varint (&row->p);
      item->text = packed_new (row->p, len, row->base);
      row->p += len;
      row->at++;
    }
  return &row->item;
}

void
readout_html_table_end_row (ReadoutHtmlTable *self)
{
  if (!self->row_open)
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
        {
          readout_html_sink_free (span->source);
          g_array_remove_index (self->spans, i - 1);
        }
    }

  if (self->has_cell)
    {
      take_cell (self, &self->cell);
      if (!self->cell.spans_down)
        readout_html_sink_free (self->cell.text);
      self->has_cell = FALSE;
    }
  if (self->has_item)
    {
      pack_item (self, &self->item);
      readout_html_sink_free (self->item.text);
      self->has_item = FALSE;
    }
  pack_row (self);
  self->own_bytes += self->row_own_bytes;
  self->row_open = FALSE;
}

void
readout_html_table_start_cell (ReadoutHtmlTable *self,
                               int               colspan,
                               int               rowspan)
{
  Cell cell;

  if (!self->row_open)
    readout_html_table_start_row (self);
  fill_spans (self, FALSE);
  if (self->spans->len >= MAX_LIVE_SPANS)
    rowspan = 1;
  /* Most cells of a statement are spacers: their sink comes with text. */
  cell.text = rowspan > 1 ? readout_html_sink_new (TRUE) : NULL;
  cell.col = self->next_col;
  cell.span = colspan;
  cell.spans_down = rowspan > 1;
  cell.copy = FALSE;
  add_cell (self, &cell);
  self->next_col = MIN (self->next_col + colspan, MAX_COLUMN);
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
  if (!self->cell_open || !self->row_open || !self->has_cell)
    {
      if (!for_text)
        return NULL;
      readout_html_table_start_cell (self, 1, 1);
    }
  if (self->cell.text == NULL)
    self->cell.text = readout_html_sink_new (TRUE);
  return self->cell.text;
}

/* ---- rendering --------------------------------------------------------- */

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

/* Takes a finished cell of the open row into its items, with "$", "%"
 * and ")" merged into numbers. */
static void
take_cell (ReadoutHtmlTable *self,
           const Cell       *cell)
{
  Item *last = self->has_item ? &self->item : NULL;
  const char *text;
  Item item;

  if (cell->text == NULL || readout_html_sink_is_empty (cell->text))
    return;
  text = readout_html_sink_get_text (cell->text);
  if (!cell->copy)
    self->row_own_bytes += readout_html_sink_get_len (cell->text);

  if (last != NULL && readout_html_is_suffix_cell (text) && last->numeric)
    {
      readout_html_sink_append (last->text, cell->text);
      last->e = MAX (last->e, cell->col + cell->span);
      return;
    }

  item.text = readout_html_sink_new (TRUE);
  readout_html_sink_append (item.text, cell->text);
  item.s = cell->col;
  item.e = cell->col + cell->span;
  item.anchor = item.e - 1;
  item.numeric = readout_html_is_number_cell (text);

  if (item.numeric && last != NULL && !last->numeric &&
      readout_html_is_prefix_cell (readout_html_sink_get_text (last->text)))
    {
      readout_html_sink_append (last->text, item.text);
      readout_html_sink_free (item.text);
      last->e = item.e;
      last->anchor = item.anchor;
      last->numeric = TRUE;
      return;
    }

  if (last != NULL)
    {
      pack_item (self, last);
      readout_html_sink_free (last->text);
    }
  self->item = item;
  self->has_item = TRUE;
}

typedef struct
{
  int lo, hi;   /* anchors grouped into one logical column */
} Group;

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return x < y ? -1 : x > y;
}

static gboolean
row_has_anchor (Row *items,
                int  lo,
                int  hi)
{
  for (guint i = 0; i < items->n; i++)
    {
      const PItem *item = row_item (items, i);
      if (item->numeric && item->anchor >= lo && item->anchor <= hi)
        return TRUE;
    }
  return FALSE;
}

/* No release has a table with hundreds of number columns, and laying one
 * out as a grid is quadratic in them: such a table is written as lines. */
#define MAX_GRID_COLUMNS 1000

/* The grid columns numbers end in, each once, in order; past
 * MAX_GRID_COLUMNS of them, the first MAX_GRID_COLUMNS + 1 found. */
static GArray *
distinct_anchors (ReadoutHtmlTable *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  Row row = { 0, };
  Row *items = &row;
  GArray *anchors = g_array_new (FALSE, FALSE, sizeof (int));
  RowReader reader = row_reader (self);

  while (anchors->len <= MAX_GRID_COLUMNS && next_row (&reader, items))
    for (guint i = 0; i < items->n && anchors->len <= MAX_GRID_COLUMNS; i++)
      {
        const PItem *item = row_item (items, i);
        if (item->numeric && g_hash_table_add (seen, GINT_TO_POINTER (item->anchor)))
          g_array_append_val (anchors, item->anchor);
      }
  g_array_sort (anchors, compare_int);
  return anchors;
}

/* Distinct anchors are enough: a repeated one always sat at the end of
 * the group before it. */
static GArray *
find_groups (ReadoutHtmlTable *self,
             GArray           *anchors)
{
  Row row = { 0, };
  Row *items = &row;
  GArray *groups = g_array_new (FALSE, FALSE, sizeof (Group));

  for (guint a = 0; a < anchors->len; a++)
    {
      int b = g_array_index (anchors, int, a);
      Group *group = groups->len > 0 ? &g_array_index (groups, Group, groups->len - 1) : NULL;
      gboolean join = FALSE;

      if (group != NULL)
        {
          gboolean conflict = FALSE, bridged = b - group->hi <= 2;
          RowReader reader = row_reader (self);

          while (!conflict && next_row (&reader, items))
            {
              conflict = row_has_anchor (items, group->lo, group->hi) &&
                         row_has_anchor (items, b, b);
              for (guint i = 0; i < items->n && !bridged; i++)
                {
                  const PItem *item = row_item (items, i);
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
spans_groups (GArray      *groups,
              const PItem *item)
{
  guint n = 0;

  for (guint g = 0; g < groups->len; g++)
    if (g_array_index (groups, Group, g).hi >= item->s &&
        g_array_index (groups, Group, g).lo <= item->e - 1)
      n++;
  return n > 1;
}

static void
put_joined (ReadoutHtmlTable *self,
            ReadoutHtmlSink  *out,
            const PItem      *item)
{
  if (!readout_html_sink_is_empty (out))
    readout_html_sink_break (out, READOUT_HTML_BREAK_SPACE, item->text.first_pos);
  sink_append_packed (out, &item->text, self->src);
}

static void
write_prose_row (ReadoutHtmlTable *self,
                 ReadoutHtmlSink  *out,
                 Row              *items,
                 ReadoutHtmlBreak  around)
{
  if (items->n == 0)
    return;
  readout_html_sink_break (out, around, row_item (items, 0)->text.first_pos);
  for (guint i = 0; i < items->n; i++)
    {
      const PItem *item = row_item (items, i);
      if (i > 0)
        readout_html_sink_break (out, READOUT_HTML_BREAK_SPACE, item->text.first_pos);
      sink_append_packed (out, &item->text, self->src);
    }
  readout_html_sink_break (out, around, 0);
}

static void
write_prose (ReadoutHtmlTable *self,
             ReadoutHtmlSink  *out)
{
  Row row = { 0, };
  Row *items = &row;
  RowReader reader = row_reader (self);

  while (next_row (&reader, items))
    write_prose_row (self, out, items, READOUT_HTML_BREAK_LINE);
}

typedef struct
{
  GArray *groups;
  int     first_start;   /* the first grid column with a number */
} Layout;

static Layout
layout_new (ReadoutHtmlTable *self,
            GArray           *anchors)
{
  Row row = { 0, };
  Row *items = &row;
  Layout layout = { find_groups (self, anchors), G_MAXINT };
  RowReader reader = row_reader (self);

  while (next_row (&reader, items))
    for (guint i = 0; i < items->n; i++)
      if (row_item (items, i)->numeric)
        layout.first_start = MIN (layout.first_start, row_item (items, i)->s);
  return layout;
}

/* A row is written as a paragraph: no number columns, or one long cell. */
static gboolean
is_prose_row (const Layout *layout,
              Row          *items)
{
  gboolean any_number = FALSE;

  for (guint i = 0; i < items->n; i++)
    any_number |= row_item (items, i)->numeric;
  return layout->groups->len == 0 ||
         (!any_number && items->n == 1 && row_item (items, 0)->len >= PROSE_CELL_MIN);
}

/* The output columns of @item (0: the label) into @columns. */
static void
item_columns (const Layout *layout,
              const PItem  *item,
              GArray       *columns)
{
  GArray *groups = layout->groups;
  int column;

  g_array_set_size (columns, 0);
  if (item->numeric && !spans_groups (groups, item))
    {
      column = group_of (groups, item->anchor) + 1;
      g_array_append_val (columns, column);
    }
  else if (item->s < layout->first_start)
    {
      column = 0;
      g_array_append_val (columns, column);
    }
  else
    {
      /* Header text goes over every number column it spans. */
      int best = 0, best_distance = G_MAXINT;

      for (guint g = 0; g < groups->len; g++)
        {
          const Group *group = &g_array_index (groups, Group, g);
          int distance;

          if (group->hi >= item->s && group->lo <= item->e - 1)
            {
              column = g + 1;
              g_array_append_val (columns, column);
            }
          distance = group->lo > item->e - 1 ? group->lo - (item->e - 1) : item->s - group->hi;
          if (distance < best_distance)
            {
              best_distance = distance;
              best = g;
            }
        }
      if (columns->len == 0)
        {
          column = best + 1;
          g_array_append_val (columns, column);
        }
    }
}

/* A grid repeats header text over every column it spans and writes " | "
 * for every empty column before the last: a few cells spread over
 * hundreds of columns made 300 times the file's size in text (3 GB
 * from 10 MB).  A grid much larger than the table's own text is
 * written as lines instead.  Statements stay far below the bound. */
#define GRID_GROWTH_MAX  4
#define GRID_GROWTH_FREE (64 * 1024)

static gboolean
grid_too_large (ReadoutHtmlTable *self,
                const Layout     *layout)
{
  Row row = { 0, };
  Row *items = &row;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (int));
  RowReader reader = row_reader (self);
  guint64 text = 0, grid = 0;

  while (next_row (&reader, items))
    {
      int last = -1;

      for (guint i = 0; i < items->n; i++)
        text += row_item (items, i)->len + 1;
      if (items->n == 0 || is_prose_row (layout, items))
        continue;
      for (guint i = 0; i < items->n; i++)
        {
          const PItem *item = row_item (items, i);

          item_columns (layout, item, columns);
          for (guint c = 0; c < columns->len; c++)
            last = MAX (last, g_array_index (columns, int, c));
          grid += (guint64) (item->len + 1) * columns->len;
        }
      grid += 3 * (guint64) (last + 1);
    }
  return grid > GRID_GROWTH_MAX * text + GRID_GROWTH_FREE;
}

static void
write_grid (ReadoutHtmlTable *self,
            const Layout     *layout,
            ReadoutHtmlSink  *out)
{
  Row row = { 0, };
  Row *items = &row;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (int));
  /* Made on first use: most of a wide row's columns stay empty. */
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_html_sink_free);
  guint ncols = layout->groups->len + 1;
  gboolean in_block = FALSE;
  RowReader reader = row_reader (self);

  while (next_row (&reader, items))
    {
      int last = -1;

      if (items->n == 0)
        continue;

      if (is_prose_row (layout, items))
        {
          write_prose_row (self, out, items, layout->groups->len == 0 ? READOUT_HTML_BREAK_LINE
                                                                      : READOUT_HTML_BREAK_PARAGRAPH);
          in_block = FALSE;
          continue;
        }

      g_ptr_array_set_size (cells, 0);
      g_ptr_array_set_size (cells, ncols);
      for (guint i = 0; i < items->n; i++)
        {
          const PItem *item = row_item (items, i);

          item_columns (layout, item, columns);
          for (guint c = 0; c < columns->len; c++)
            {
              int column = g_array_index (columns, int, c);

              if (g_ptr_array_index (cells, column) == NULL)
                g_ptr_array_index (cells, column) = readout_html_sink_new (TRUE);
              put_joined (self, g_ptr_array_index (cells, column), item);
            }
        }

      for (guint c = 0; c < ncols; c++)
        if (g_ptr_array_index (cells, c) != NULL &&
            !readout_html_sink_is_empty (g_ptr_array_index (cells, c)))
          last = c;
      if (last < 0)
        continue;

      readout_html_sink_break (out, in_block ? READOUT_HTML_BREAK_LINE : READOUT_HTML_BREAK_PARAGRAPH,
                               row_item (items, 0)->text.first_pos);
      in_block = TRUE;
      for (int c = 0; c <= last; c++)
        {
          ReadoutHtmlSink *cell = g_ptr_array_index (cells, c);
          if (c > 0)
            readout_html_sink_put (out, " | ", 3, cell != NULL ? first_pos (cell) : 0, 0);
          if (cell != NULL)
            readout_html_sink_append (out, cell);
        }
    }
  readout_html_sink_break (out, READOUT_HTML_BREAK_PARAGRAPH, 0);
}

static void
clear_rows (ReadoutHtmlTable *self)
{
  /* The memory goes back now, not when the table is freed. */
  g_byte_array_unref (self->rows);
  self->rows = g_byte_array_new ();
}

void
readout_html_table_degrade (ReadoutHtmlTable *self,
                            ReadoutHtmlSink  *out)
{
  if (self->row_open)
    readout_html_table_end_row (self);
  write_prose (self, out);
  clear_rows (self);
  clear_spans (self);
  self->grid = FALSE;
}

void
readout_html_table_finish (ReadoutHtmlTable *self,
                           ReadoutHtmlSink  *out)
{
  g_autoptr(GArray) anchors = NULL;

  if (!self->grid)
    return;
  if (self->row_open)
    readout_html_table_end_row (self);
  anchors = distinct_anchors (self);
  if (anchors->len > MAX_GRID_COLUMNS)
    write_prose (self, out);
  else
    {
      Layout layout = layout_new (self, anchors);

      if (grid_too_large (self, &layout))
        write_prose (self, out);
      else
        write_grid (self, &layout, out);
      g_array_unref (layout.groups);
    }
  clear_rows (self);
  clear_spans (self);
}
