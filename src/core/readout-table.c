/* readout-table.c: figures in financial statement tables.
 *
 * Statement tables are where releases are exact, and where naive readers go
 * wrong: the scale sits in a caption ("in thousands, except per share
 * data"), losses are in parentheses, the quarter's column stands beside
 * six- or nine-month columns, the per-share row sits next to the shares
 * row.  Each table is read with its header (periods, years or balance-sheet
 * dates) to choose the reporting period's column and the prior year's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "readout-util.h"
#include "readout-scan.h"
#include "readout-table.h"

/* Does @s hold @needle?  Labels and cells are short: a plain loop beats
 * strstr(), whose setup costs more than the search (it was a tenth of the
 * extraction time). */
static inline gboolean
has (const char *s,
     const char *needle)
{
  for (; *s; s++)
    if (*s == needle[0])
      {
        gsize k = 1;
        /* A NUL in @s differs from every byte of @needle. */
        while (needle[k] != '\0' && s[k] == needle[k])
          k++;
        if (needle[k] == '\0')
          return TRUE;
      }
  return FALSE;
}

static inline gboolean
starts (const char *s,
        const char *prefix)
{
  /* Inline: a label is tested against some fifty prefixes. */
  while (*prefix != '\0' && *s == *prefix)
    s++, prefix++;
  return *prefix == '\0';
}

/* Lines above a table that may hold its caption (scale, periods). */
#define CAPTION_LINES 8

static void
row_free (ReadoutTableRow *row)
{
  g_free (row->label);
  g_ptr_array_unref (row->cells);
  g_free (row);
}

void
readout_table_free (ReadoutTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static char *
trimmed (const char *start,
         const char *end)
{
  while (start < end && (*start == ' ' || *start == '\t'))
    start++;
  while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  return g_strndup (start, end - start);
}

/* Cells that only carry a sign or a unit of the cell before. */
static gboolean
is_filler_cell (const char *cell)
{
  return cell[0] == '\0' || g_str_equal (cell, "$") || g_str_equal (cell, ")") ||
         g_str_equal (cell, "%") || g_str_equal (cell, "%)") || g_str_equal (cell, ")%") ||
         g_str_equal (cell, "\xE2\x82\xAC") || g_str_equal (cell, "US$");
}

static gboolean
is_value_token (const char *token)
{
  double v;
  int d;
  return is_filler_cell (token) || readout_scan_cell_number (token, &v, &d) ||
         g_ascii_strcasecmp (token, "n/a") == 0 || g_ascii_strcasecmp (token, "nm") == 0;
}

static ReadoutTableRow *
row_new (const char *label,
         gsize       start)
{
  ReadoutTableRow *row = g_new0 (ReadoutTableRow, 1);
  row->label = g_strdup (label);
  row->cells = g_ptr_array_new_with_free_func (g_free);
  row->start = start;
  row->end = start;
  return row;
}

static void
row_add_cell (ReadoutTableRow *row,
              char            *cell)
{
  if (is_filler_cell (cell))
    g_free (cell);
  else
    g_ptr_array_add (row->cells, cell);
}

static ReadoutTable *
table_new (gsize start)
{
  ReadoutTable *table = g_new0 (ReadoutTable, 1);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  table->start = start;
  return table;
}

typedef struct
{
  const char *start;
  const char *end;
} Line;

static gboolean
is_pipe_row (const Line *line)
{
  return readout_is_table_row (line->start, line->end - line->start);
}

static gboolean
is_lone_pipe (const Line *line)
{
  const char *p = line->start, *e = line->end;
  while (p < e && *p == ' ')
    p++;
  while (e > p && e[-1] == ' ')
    e--;
  return e - p == 1 && *p == '|';
}

/* "label | a | b": one row per line. */
static void
parse_pipe_rows (const char   *text,
                 const Line   *lines,
                 guint         first,
                 guint         last,
                 ReadoutTable *table)
{
  for (guint i = first; i < last; i++)
    {
      const Line *line = &lines[i];
      const char *p = line->start, *cell_start;
      ReadoutTableRow *row;
      g_autofree char *label = NULL;

      /* "| a | b": the label cell is empty (a header row). */
      cell_start = p;
      while (p < line->end && *p != '|')
        p++;
      label = trimmed (cell_start, p);
      if (label[0] == '\0' && p >= line->end)
        continue;   /* a blank line between rows */
      row = row_new (label, line->start - text);
      row->end = line->end - text;
      while (p < line->end)
        {
          p++;   /* past '|' */
          cell_start = p;
          while (p < line->end && *p != '|')
            p++;
          row_add_cell (row, trimmed (cell_start, p));
        }
      g_ptr_array_add (table->rows, row);
    }
}

/* The SEC rendering: tokens (one or more lines) between lines that hold
 * only "|".  A text token starts a row; value tokens are its cells. */
static void
parse_vertical (const char   *text,
                const Line   *lines,
                guint         first,
                guint         last,
                ReadoutTable *table)
{
  ReadoutTableRow *row = NULL;
  guint i = first;

  while (i < last)
    {
      g_autoptr(GString) token = g_string_new (NULL);
      gsize token_start = lines[i].start - text, token_end = token_start;

      while (i < last && is_lone_pipe (&lines[i]))
        i++;
      if (i >= last)
        break;
      token_start = lines[i].start - text;
      while (i < last && !is_lone_pipe (&lines[i]))
        {
          g_autofree char *piece = trimmed (lines[i].start, lines[i].end);
          if (token->len > 0 && piece[0])
            g_string_append_c (token, ' ');
          g_string_append (token, piece);
          token_end = lines[i].end - text;
          i++;
        }

      if (is_value_token (token->str) && row != NULL)
        {
          row_add_cell (row, g_strdup (token->str));
          row->end = token_end;
        }
      else if (!is_value_token (token->str))
        {
          row = row_new (token->str, token_start);
          row->end = token_end;
          g_ptr_array_add (table->rows, row);
        }
    }
}

static gboolean row_is_body (const ReadoutTableRow *row);

static gboolean
row_has_numbers (const ReadoutTableRow *row)
{
  for (guint i = 0; i < row->cells->len; i++)
    {
      double v;
      int d;
      if (readout_scan_cell_number (g_ptr_array_index (row->cells, i), &v, &d))
        return TRUE;
    }
  return FALSE;
}
static int leading_years (const char *label, GPtrArray *cells, int *years, int max);

/* Statements often follow each other without a break (balance sheet, then
 * operations): a header row (years) after body rows starts a new table,
 * together with the heading rows right above it. */
static void
add_split (GPtrArray    *tables,
           ReadoutTable *table)
{
  gboolean seen_body = FALSE;

  for (guint r = 0; r < table->rows->len; r++)
    {
      ReadoutTableRow *row = g_ptr_array_index (table->rows, r);
      int years[16];

      if (row_is_body (row))
        {
          seen_body = TRUE;
          continue;
        }
      if (seen_body && (leading_years (row->label, row->cells, years, 16) >= 2 ||
                        (row->cells->len >= 2 && !row_has_numbers (row))))
        {
          guint split = r;
          ReadoutTable *rest;

          while (split > 0 && ((ReadoutTableRow *) g_ptr_array_index (table->rows, split - 1))->cells->len == 0)
            split--;
          if (split == 0)
            break;
          rest = table_new (((ReadoutTableRow *) g_ptr_array_index (table->rows, split))->start);
          rest->end = table->end;
          while (table->rows->len > split)
            g_ptr_array_add (rest->rows, g_ptr_array_steal_index (table->rows, split));
          table->end = ((ReadoutTableRow *) g_ptr_array_index (table->rows, split - 1))->end;
          g_ptr_array_add (tables, table);
          add_split (tables, rest);
          return;
        }
    }
  g_ptr_array_add (tables, table);
}

/* A pipe table longer than this is parsed (and read) in pieces: no
 * statement is that long, and holding every row of a generated 50 MB
 * table as strings cost several times the text's size. */
#define MAX_TABLE_LINES 4096

/* Takes @table (to free or keep). */
typedef void (*TableFunc) (ReadoutTable *table,
                           gpointer      data);

/* Hands @tables to @func one by one and empties it. */
static void
emit_tables (GPtrArray *tables,
             TableFunc  func,
             gpointer   data)
{
  for (guint t = 0; t < tables->len; t++)
    func (g_ptr_array_index (tables, t), data);
  g_ptr_array_set_size (tables, 0);
}

/* Calls @func with each table of @text in order, as soon as it is
 * parsed, so that only one block's rows are held at a time. */
static void
tables_foreach (const char *text,
                gsize       len,
                TableFunc   func,
                gpointer    data)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  const char *end = text + len;
  const Line *all;
  guint i = 0;

  for (const char *p = text; p < end;)
    {
      const char *nl = memchr (p, '\n', end - p);
      Line line = { p, nl ? nl : end };
      g_array_append_val (lines, line);
      p = nl ? nl + 1 : end;
    }
  all = (const Line *) (void *) lines->data;

  while (i < lines->len)
    {
      guint first = i;

      if (is_lone_pipe (&all[i]))
        {
          /* Vertical: lone "|" lines at least every few lines. */
          guint last = i, gap = 0;
          while (last < lines->len && gap <= 4)
            {
              gap = is_lone_pipe (&all[last]) ? 0 : gap + 1;
              last++;
            }
          last -= gap;
          /* Back up over the first row's label above the first "|". */
          if (first > 0 && all[first - 1].end > all[first - 1].start && !is_pipe_row (&all[first - 1]))
            first--;
          {
            ReadoutTable *table = table_new (all[first].start - text);
            parse_vertical (text, all, first, last, table);
            table->end = all[last - 1].end - text;
            if (table->rows->len > 0)
              add_split (tables, table);
            else
              readout_table_free (table);
            emit_tables (tables, func, data);
          }
          i = MAX (last, i + 1);
        }
      else if (is_pipe_row (&all[i]))
        {
          guint last = i;
          ReadoutTable *table;

          /* Rows, allowing up to five short lines between them: section
           * headings ("ASSETS", "Current assets:") and blank lines. */
          while (last < lines->len)
            {
              guint gap = 0;
              if (is_pipe_row (&all[last]))
                {
                  last++;
                  continue;
                }
              while (last + gap < lines->len && gap < 6 && !is_pipe_row (&all[last + gap]) &&
                     all[last + gap].end - all[last + gap].start < 80 && !is_lone_pipe (&all[last + gap]))
                gap++;
              if (gap > 0 && gap < 6 && last + gap < lines->len && is_pipe_row (&all[last + gap]))
                last += gap;
              else
                break;
            }
          for (guint piece = first; piece < last; piece += MAX_TABLE_LINES)
            {
              guint piece_end = MIN (last, piece + MAX_TABLE_LINES);

              table = table_new (all[piece].start - text);
              parse_pipe_rows (text, all, piece, piece_end, table);
              table->end = all[piece_end - 1].end - text;
              add_split (tables, table);
              emit_tables (tables, func, data);
            }
          i = last;
        }
      else
        i++;
    }
}

static void
collect_table (ReadoutTable *table,
               gpointer      data)
{
  g_ptr_array_add (data, table);
}

GPtrArray *
readout_tables_parse (const char *text,
                      gsize       len)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_table_free);

  tables_foreach (text, len, collect_table, tables);
  return tables;
}

/* ---- reading a table ---------------------------------------------------- */

typedef enum
{
  SPAN_UNKNOWN,
  SPAN_QUARTER,
  SPAN_HALF,
  SPAN_NINE,
  SPAN_YEAR,
} Span;

static Span
span_of (const char *lower)
{
  /* Every phrase below names months, weeks, a quarter or a year: look
   * for those words first, in one pass. */
  {
    const char *p = lower;
    for (; *p; p++)
      if (starts (p, "month") || starts (p, "week") || starts (p, "quarter") || starts (p, "year"))
        break;
    if (*p == '\0')
      return SPAN_UNKNOWN;
  }
  if (has (lower, "three month") || has (lower, "three-month") || has (lower, "quarter") ||
      has (lower, "13 weeks") || has (lower, "thirteen weeks") || has (lower, "3 months"))
    return SPAN_QUARTER;
  if (has (lower, "six month") || has (lower, "six-month") || has (lower, "26 weeks") ||
      has (lower, "6 months") || has (lower, "twenty-six weeks"))
    return SPAN_HALF;
  if (has (lower, "nine month") || has (lower, "nine-month") || has (lower, "39 weeks") ||
      has (lower, "9 months") || has (lower, "thirty-nine weeks"))
    return SPAN_NINE;
  if (has (lower, "year ended") || has (lower, "twelve month") || has (lower, "12 months") ||
      has (lower, "fiscal year") || has (lower, "52 weeks") || has (lower, "53 weeks") ||
      has (lower, "years ended") || has (lower, "fifty-two weeks") ||
      has (lower, "fifty-three weeks"))
    return SPAN_YEAR;
  return SPAN_UNKNOWN;
}

typedef struct
{
  double   money_scale;      /* 0: not stated */
  gboolean shares_scaled;    /* shares in the same unit as money */
  GArray  *spans;            /* Span, in header order */
  int      years[16];
  int      n_years;
  char     dates[16][11];    /* balance-sheet dates, ISO */
  int      n_dates;
  int      month_days[16];   /* "January 25," over a year row: month * 100 + day */
  int      n_month_days;
  Span     column_spans[16]; /* a header row with one period per column */
  int      n_column_spans;
  int      column_years[16]; /* the year of each column, 0 for "% Change" */
  int      n_column_years;
  int      period_quarters[16]; /* "Q4 FY26" columns: quarter (0 = year) */
  int      period_years[16];
  int      n_periods;
  gboolean balance_caption;  /* "balance sheet" above the table */
  gboolean non_gaap;         /* "Non-GAAP" or "adjusted" above the table */
  guint    first_body_row;
} Header;

static double
scale_in (const char *lower,
          gboolean   *shares_scaled)
{
  double scale = 0;

  /* Every unit below says thousand, 000, million or billion: look for
   * them in one pass (a caption line can be a whole paragraph). */
  {
    const char *p = lower;
    for (; *p; p++)
      if ((*p == '0' && p[1] == '0' && p[2] == '0') || starts (p, "thousand") ||
          starts (p, "million") || starts (p, "billion"))
        break;
    if (*p == '\0')
      return 0;
  }
  if (has (lower, "in thousands") || has (lower, "in 000") || has (lower, "(000") ||
      has (lower, "$000") || has (lower, "thousands of") || has (lower, "000's omitted") ||
      has (lower, "000s omitted") || has (lower, "amounts in thousands") ||
      has (lower, "(thousands"))
    scale = 1e3;
  else if (has (lower, "in millions") || has (lower, "millions of") || has (lower, "(millions") ||
           has (lower, "amounts in millions") || has (lower, "$ millions"))
    scale = 1e6;
  else if (has (lower, "in billions"))
    scale = 1e9;

  if (scale != 0)
    /* "except share and per share data": share counts are not scaled. */
    *shares_scaled = !(has (lower, "except share") || has (lower, "except for share") ||
                       has (lower, "except shares") || has (lower, "except number of shares") ||
                       has (lower, "except for number of shares"));
  return scale;
}

/* Years ("2017", "2016") at the start of a list of cells. */
static int
leading_years (const char      *label,
               GPtrArray       *cells,
               int             *years,
               int              max)
{
  int n = 0;
  int y = label[0] ? readout_scan_year (label, label, label + strlen (label)) : 0;

  if (label[0] && !(y && strlen (label) == 4))
    {
      /* A label that is not a year: the years are in the cells. */
    }
  else if (y)
    years[n++] = y;

  for (guint i = 0; i < cells->len && n < max; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);
      gsize len = strlen (cell);
      /* "2017", "2017 (1)", "Fiscal 2017" */
      const char *digits = len >= 4 ? cell + len - 4 : cell;
      int year = readout_scan_year (digits, cell, cell + len);
      if (year == 0 && len > 4)
        year = readout_scan_year (cell, cell, cell + len) && len <= 8 ? readout_scan_year (cell, cell, cell + len) : 0;
      if (year == 0)
        break;
      years[n++] = year;
    }
  return n;
}

/* Balance-sheet dates: "March 31, 2026 | December 31, 2025". */
static int
row_dates (const ReadoutTableRow *row,
           char                   dates[][11],
           int                    max)
{
  int n = 0;

  for (int i = -1; i < (int) row->cells->len && n < max; i++)
    {
      const char *cell = i < 0 ? row->label : g_ptr_array_index (row->cells, i);
      int y, m, d;
      const char *end = cell + strlen (cell);
      gboolean found = FALSE;

      for (const char *p = cell; p < end && !found; p++)
        if ((p == cell || p[-1] == ' ') && readout_scan_date (p, end, &y, &m, &d) > 0)
          {
            g_snprintf (dates[n++], 11, "%04d-%02d-%02d", y, m, d);
            found = TRUE;
          }
      if (!found && i >= 0)
        return 0;
    }
  return n >= 2 ? n : 0;
}

static gboolean
row_is_body (const ReadoutTableRow *row)
{
  double v;
  int d;

  if (row->cells->len == 0 || row->label[0] == '\0')
    return FALSE;
  for (guint i = 0; i < row->cells->len; i++)
    {
      const char *cell = g_ptr_array_index (row->cells, i);
      if (readout_scan_cell_number (cell, &v, &d) && !(d == 0 && v >= 1950 && v <= 2099 && !strchr (cell, ',')))
        return TRUE;
    }
  return FALSE;
}


/* "Q4 FY26", "Q3 2025", "FY26", "Fiscal 2026", "4Q25": a column named by its
 * period.  Returns TRUE and the quarter (0 for a year) and the year. */
static gboolean
period_cell (const char *cell,
             int        *quarter,
             int        *year)
{
  const char *p = cell;
  int q = 0, y = 0, digits = 0;

  while (*p == ' ')
    p++;
  if ((*p == 'Q' || *p == 'q') && p[1] >= '1' && p[1] <= '4')
    {
      q = p[1] - '0';
      p += 2;
    }
  else if (g_ascii_isdigit (*p) && (p[1] == 'Q' || p[1] == 'q'))
    {
      q = p[0] - '0';
      p += 2;
      if (q < 1 || q > 4)
        return FALSE;
    }
  while (*p == ' ' || *p == '\'')
    p++;
  if (g_ascii_strncasecmp (p, "FY", 2) == 0)
    p += 2;
  else if (g_ascii_strncasecmp (p, "fiscal ", 7) == 0)
    p += 7;
  else if (q == 0)
    return FALSE;
  while (*p == ' ' || *p == '\'')
    p++;
  while (g_ascii_isdigit (p[digits]))
    {
      y = y * 10 + (p[digits] - '0');
      digits++;
    }
  if (digits == 2)
    y += 2000;
  else if (digits != 4)
    return FALSE;
  while (p[digits] == ' ')
    digits++;
  if (p[digits] != '\0' && p[digits] != '(')
    return FALSE;
  *quarter = q;
  *year = y;
  return TRUE;
}

/* "January 25,", "As of December 31," over the years of a balance sheet. */
static int
month_day_cells (const ReadoutTableRow *row,
                 int                   *out,
                 int                    max)
{
  int n = 0;

  for (guint i = 0; i < row->cells->len && n < max; i++)
    {
      const char *cell = g_ptr_array_index (row->cells, i);
      const char *end = cell + strlen (cell);
      int month = 0, day = 0;

      for (const char *p = cell; p < end && month == 0; p++)
        {
          gsize len;
          if ((p == cell || p[-1] == ' ') && (month = readout_scan_month (p, end, &len)) != 0)
            {
              const char *d = p + len;
              while (*d == ' ')
                d++;
              /* Past 99 it is no day; stop before int overflows. */
              while (g_ascii_isdigit (*d) && day < 100)
                day = day * 10 + (*d++ - '0');
              if (day < 1 || day > 31 || strchr (d, '1') || strchr (d, '2'))
                month = 0;   /* a full date, or no day: not this kind of cell */
            }
        }
      if (month == 0)
        return 0;
      out[n++] = month * 100 + day;
    }
  return n >= 2 ? n : 0;
}

static void
read_header (const char   *text,
             ReadoutTable *table,
             Header       *header)
{
  gboolean shares_scaled = TRUE;
  gboolean header_scale_found = FALSE;
  const char *caption = text + table->start;
  int lines = 0;
  g_autofree char *lower_caption = NULL;

  memset (header, 0, sizeof *header);
  header->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  header->shares_scaled = TRUE;

  /* The caption: a few lines above the table. */
  while (caption > text && lines <= CAPTION_LINES)
    {
      caption--;
      if (*caption == '\n')
        lines++;
    }
  lower_caption = g_ascii_strdown (caption, text + table->start - caption);
  {
    /* The nearest statement of the unit above the table wins. */
    g_auto(GStrv) lines_above = g_strsplit (lower_caption, "\n", -1);
    for (int i = (int) g_strv_length (lines_above) - 1; i >= 0 && header->money_scale == 0; i--)
      header->money_scale = scale_in (lines_above[i], &shares_scaled);
  }
  header->balance_caption = has (lower_caption, "balance sheet") ||
                            has (lower_caption, "financial position") ||
                            has (lower_caption, "financial condition");
  {
    /* Only the last lines above say what this table is. */
    const char *near = lower_caption + strlen (lower_caption);
    int near_lines = 0;
    while (near > lower_caption && near_lines < 4)
      if (*--near == '\n')
        near_lines++;
    header->non_gaap = has (near, "non-gaap") || has (near, "non gaap") ||
                       has (near, "adjusted") || has (near, "pro forma");
  }
  header->shares_scaled = shares_scaled;
  {
    /* Periods named in the caption lines, in order. */
    g_auto(GStrv) caption_lines = g_strsplit (lower_caption, "\n", -1);
    for (guint i = 0; caption_lines[i]; i++)
      {
        /* A sentence (it has a full stop) is prose, not a caption. */
        Span span = strchr (caption_lines[i], '.') ? SPAN_UNKNOWN : span_of (caption_lines[i]);
        if (span != SPAN_UNKNOWN)
          g_array_append_val (header->spans, span);
      }
  }

  for (guint r = 0; r < table->rows->len; r++)
    {
      ReadoutTableRow *row = g_ptr_array_index (table->rows, r);
      g_autofree char *lower = g_ascii_strdown (row->label, -1);
      int n;

      if (row_is_body (row) && header->n_years + header->n_dates + header->n_periods > 0)
        {
          header->first_body_row = r;
          break;
        }

      /* A heading row inside the block ("Non-GAAP") says it too. */
      if (row->cells->len == 0 && (has (lower, "non-gaap") || has (lower, "adjusted")))
        header->non_gaap = TRUE;

      /* A unit in the table's own heading rows beats one above it. */
      {
        double own = scale_in (lower, &shares_scaled);
        for (guint c = 0; c < row->cells->len && own == 0; c++)
          {
            g_autofree char *cell = g_ascii_strdown (g_ptr_array_index (row->cells, c), -1);
            own = scale_in (cell, &shares_scaled);
          }
        if (own != 0 && !header_scale_found)
          {
            header->money_scale = own;
            header->shares_scaled = shares_scaled;
            header_scale_found = TRUE;
          }
      }

      /* Period cells: the label and each cell may name one. */
      {
        Span span = span_of (lower);
        Span row_spans[16];
        int with_span = 0;
        if (span != SPAN_UNKNOWN)
          g_array_append_val (header->spans, span);
        for (guint c = 0; c < row->cells->len && c < 16; c++)
          {
            g_autofree char *cell = g_ascii_strdown (g_ptr_array_index (row->cells, c), -1);
            row_spans[c] = span_of (cell);
            if (row_spans[c] != SPAN_UNKNOWN)
              {
                g_array_append_val (header->spans, row_spans[c]);
                with_span++;
              }
          }
        if (with_span > 0 && row->label[0] == '\0')
          {
            header->n_column_spans = MIN (row->cells->len, 16);
            memcpy (header->column_spans, row_spans, header->n_column_spans * sizeof (Span));
          }
      }

      if (header->n_periods == 0)
        {
          int k = 0;
          for (guint c = 0; c < row->cells->len && k < 16; c++)
            if (period_cell (g_ptr_array_index (row->cells, c), &header->period_quarters[k], &header->period_years[k]))
              k++;
            else
              break;
          if (k >= 2)
            {
              header->n_periods = k;
              continue;
            }
        }
      if (header->n_month_days == 0)
        {
          n = month_day_cells (row, header->month_days, G_N_ELEMENTS (header->month_days));
          if (n > 0)
            {
              header->n_month_days = n;
              continue;
            }
        }

      if (header->n_dates == 0)
        {
          n = row_dates (row, header->dates, G_N_ELEMENTS (header->dates));
          if (n > 0)
            {
              header->n_dates = n;
              continue;
            }
        }
      if (header->n_years == 0)
        {
          n = leading_years (row->label, row->cells, header->years, G_N_ELEMENTS (header->years));
          if (n >= 2)
            {
              header->n_years = n;
              /* Every cell's year, "(Decr.)" and "% Change" as 0. */
              header->n_column_years = MIN (row->cells->len, 16);
              for (int c = 0; c < header->n_column_years; c++)
                {
                  const char *cell = g_ptr_array_index (row->cells, c);
                  header->column_years[c] = strlen (cell) == 4 ? readout_scan_year (cell, cell, cell + 4) : 0;
                }
              if (row->label[0] != '\0')
                header->n_column_years = 0;   /* the label is a year: no column grid */
            }
        }

      if (row_is_body (row))
        {
          header->first_body_row = r;
          break;
        }
    }

  /* Spans repeated over their columns ("Three Months | Three Months |
   * Six Months | Six Months") count once each. */
  {
    guint out = 0;
    for (guint i = 0; i < header->spans->len; i++)
      {
        Span s = g_array_index (header->spans, Span, i);
        if (out > 0 && g_array_index (header->spans, Span, out - 1) == s &&
            (header->spans->len == (guint) header->n_years || header->spans->len == (guint) header->n_dates))
          continue;
        g_array_index (header->spans, Span, out++) = s;
      }
    g_array_set_size (header->spans, out);
  }
}

/* The columns of the reporting period and the prior year; a rank of how
 * sure that choice is (0: this table does not hold the period). */
typedef struct
{
  int  current;
  int  prior;
  int  rank;
  char prior_date[11];
  gboolean balance_sheet;
} Columns;

static Columns
choose_columns (const Header        *header,
                const ReadoutPeriod *period)
{
  Columns columns = { -1, -1, 0, "", FALSE };
  Span want = period->kind == READOUT_PERIOD_YEAR ? SPAN_YEAR : SPAN_QUARTER;
  gboolean has_spans = header->spans->len > 0;
  int years[16];
  int n_years = header->n_years;
  int first = 0, size;

  if (header->non_gaap)
    return columns;

  /* Columns named by their period: "Q4 FY26 | Q3 FY26 | Q4 FY25". */
  if (header->n_periods >= 2)
    {
      int quarter = period->kind == READOUT_PERIOD_YEAR ? 0 : period->quarter;
      for (int i = 0; i < header->n_periods; i++)
        if (header->period_quarters[i] == quarter)
          {
            if (header->period_years[i] == period->year && columns.current < 0)
              columns.current = i;
            else if (header->period_years[i] == period->year - 1 && columns.prior < 0)
              columns.prior = i;
          }
      columns.rank = columns.current >= 0 ? 3 : 0;
      return columns;
    }

  /* A balance sheet: dates (or days over years) and no period spans. */
  if (!has_spans &&
      (header->n_dates >= 2 ||
       (header->n_month_days >= 2 && header->n_years >= 2) ||
       (header->balance_caption && header->n_years >= 2)))
    {
      columns.current = 0;
      columns.prior = 1;
      columns.rank = 3;
      columns.balance_sheet = TRUE;
      if (header->n_dates >= 2)
        memcpy (columns.prior_date, header->dates[1], 11);
      else if (header->n_month_days >= 2)
        g_snprintf (columns.prior_date, sizeof columns.prior_date, "%04d-%02d-%02d",
                    header->years[1], header->month_days[1] / 100, header->month_days[1] % 100);
      if (header->n_years >= 2 && header->years[0] < header->years[1])
        columns.rank = 0;   /* oldest first: not the layout we know */
      return columns;
    }

  /* One period and one year per column (a grid from HTML or PDF): the
   * reporting period's latest year, and the year before it. */
  if (has_spans && header->n_column_spans >= 2 && header->n_column_spans == header->n_column_years)
    {
      for (int i = 0; i < header->n_column_years; i++)
        if (header->column_spans[i] == want && header->column_years[i] > 0 &&
            (columns.current < 0 || header->column_years[i] > header->column_years[columns.current]))
          columns.current = i;
      if (columns.current < 0)
        return columns;
      /* A year twice in the period's columns: a breakdown by segment. */
      for (int i = 0; i < header->n_column_years; i++)
        if (i != columns.current && header->column_spans[i] == want &&
            header->column_years[i] == header->column_years[columns.current])
          return (Columns) { -1, -1, 0, "", FALSE };
      for (int i = 0; i < header->n_column_years; i++)
        if (header->column_spans[i] == want &&
            header->column_years[i] == header->column_years[columns.current] - 1)
          columns.prior = i;
      columns.rank = 3;
      return columns;
    }

  /* Dates under period spans ("Thirteen Weeks Ended | November 2, 2024")
   * stand for their years. */
  memcpy (years, header->years, sizeof years);
  if (n_years < 2 && header->n_dates >= 2)
    {
      n_years = header->n_dates;
      for (int i = 0; i < n_years; i++)
        years[i] = atoi (header->dates[i]);
    }

  /* No header: which column is which would be a guess. */
  if (n_years < 2)
    return columns;

  size = n_years;
  if (has_spans && n_years % header->spans->len == 0)
    {
      guint k;
      size = n_years / header->spans->len;
      for (k = 0; k < header->spans->len; k++)
        if (g_array_index (header->spans, Span, k) == want)
          break;
      if (k == header->spans->len)
        return columns;   /* only other periods here */
      first = k * size;
      columns.rank = 3;
    }
  else if (has_spans)
    {
      /* Periods and years that do not line up: trust neither. */
      return columns;
    }
  else
    {
      /* Years alone: the first two columns, when they are two years. */
      size = 2;
      if (years[0] == years[1])
        return columns;
      columns.rank = 2;
    }

  /* A year twice in one period's columns: a breakdown by segment or
   * region ("United States | International | Total"), not the statement. */
  for (int i = first; i < first + size && i < n_years; i++)
    for (int j = i + 1; j < first + size && j < n_years; j++)
      if (years[i] == years[j])
        return (Columns) { -1, -1, 0, "", FALSE };

  /* The latest year in the group is current, the year before it prior. */
  for (int i = first; i < first + size && i < n_years; i++)
    if (columns.current < 0 || years[i] > years[columns.current])
      columns.current = i;
  for (int i = first; i < first + size && i < n_years; i++)
    if (years[i] == years[columns.current] - 1)
      columns.prior = i;
  if (columns.current < 0)
    columns.rank = 0;
  return columns;
}

/* ---- rows to metrics ------------------------------------------------------ */

typedef enum
{
  KIND_MONEY,
  KIND_PER_SHARE,
  KIND_SHARES,
} ValueKind;



/* The metric of a row label (lower case, with the section heading above
 * it), and how much to prefer it over other rows of the same metric. */
static int
classify_row (const char    *label,
              const char    *section,
              ReadoutMetric *metric)
{
  g_autofree char *both = g_strconcat (section, " ", label, NULL);

  if (label[0] == '\0')
    return 0;

  /* Per-share rows: the basic (or basic and diluted) figure only. */
  if (has (both, "per share") || has (both, "per common share") || has (both, "earnings (loss) per") ||
      has (both, "loss per") || has (both, "income per") || has (both, "earnings per"))
    {
      if (has (label, "weighted") || has (label, "shares used") || has (label, "shares outstanding") ||
          (has (section, "weighted") && !has (label, "per share")))
        {
          if (has (label, "diluted") && !has (label, "basic"))
            return 0;
          *metric = READOUT_METRIC_SHARES_WEIGHTED;
          return has (label, "basic") ? 3 : 2;
        }
      if (has (label, "diluted") && !has (label, "basic"))
        return 0;
      if (has (label, "adjusted") || has (label, "non-gaap") || has (label, "pro forma") ||
          has (label, "discontinued"))
        return 0;
      *metric = READOUT_METRIC_EPS;
      /* Net income per share, not the continuing-operations line. */
      if (has (label, "continuing operations"))
        return 1;
      if (starts (label, "net income") || starts (label, "net loss") || starts (label, "net (loss)") ||
          has (label, "basic"))
        return 3;
      return 2;
    }

  if (has (label, "weighted") || has (section, "weighted") || has (label, "shares used in"))
    {
      if (has (label, "diluted") && !has (label, "basic"))
        return 0;
      *metric = READOUT_METRIC_SHARES_WEIGHTED;
      return has (label, "basic") ? 3 : 2;
    }

  if (has (label, "adjusted") || has (label, "non-gaap") || has (label, "pro forma"))
    return 0;

  if (starts (label, "cost of") || starts (label, "costs of") || has (label, "deferred") ||
      has (label, "unearned") || has (label, "receivable"))
    return 0;

  if (starts (label, "total revenue") || starts (label, "total net revenue") ||
      starts (label, "total net sales") || starts (label, "revenues, net") ||
      starts (label, "total revenues and other income"))
    {
      *metric = READOUT_METRIC_REVENUE;
      return 4;
    }
  /* "SALES, Net of returns and allowances", "Net sales" */
  if ((starts (label, "sales, net") || starts (label, "net sales") || starts (label, "sales, less")) &&
      !has (label, "marketing") && !has (label, "expense"))
    {
      *metric = READOUT_METRIC_REVENUE;
      return 3;
    }
  if (g_str_equal (label, "revenue") || g_str_equal (label, "revenues") ||
      g_str_equal (label, "net revenue") || g_str_equal (label, "net revenues") ||
      g_str_equal (label, "net sales") || g_str_equal (label, "revenue, net") ||
      g_str_equal (label, "sales") || g_str_equal (label, "total sales"))
    {
      *metric = READOUT_METRIC_REVENUE;
      return 3;
    }
  if ((g_str_has_suffix (label, " revenue") || g_str_has_suffix (label, " revenues") ||
       g_str_has_suffix (label, " revenue, net")) && !has (label, "cost"))
    {
      *metric = READOUT_METRIC_REVENUE;
      return 1;   /* a part, unless it is the only revenue line */
    }

  if (starts (label, "research and development") || starts (label, "research & development"))
    {
      *metric = READOUT_METRIC_RD_EXPENSE;
      return 3;
    }
  if ((starts (label, "selling, ") && has (label, "administrative")) ||
      starts (label, "selling, general and administrative") || starts (label, "sales, general and administrative") ||
      starts (label, "marketing, general and administrative") || starts (label, "selling, general, and administrative") ||
      starts (label, "selling, marketing, general and administrative") ||
      starts (label, "selling, general & administrative"))
    {
      *metric = READOUT_METRIC_SGA_EXPENSE;
      return 3;
    }
  if (starts (label, "general and administrative") || starts (label, "general & administrative"))
    {
      *metric = READOUT_METRIC_GA_EXPENSE;
      return 3;
    }

  if (starts (label, "total operating expenses") || starts (label, "total costs and expenses") ||
      starts (label, "total costs and operating expenses") || starts (label, "total operating costs and expenses") ||
      starts (label, "total expenses") || starts (label, "total operating costs"))
    {
      *metric = READOUT_METRIC_TOTAL_OPEX;
      return starts (label, "total expenses") ? 2 : 3;
    }

  if (has (label, "from operations") || starts (label, "operating loss") || starts (label, "operating income") ||
      starts (label, "operating (loss)") || starts (label, "income (loss) from operations") ||
      starts (label, "operating profit"))
    {
      if (has (label, "discontinued") || has (label, "before"))
        return 0;
      *metric = READOUT_METRIC_OPERATING_INCOME;
      return 3;
    }

  if (starts (label, "net loss") || starts (label, "net income") || starts (label, "net (loss)") ||
      starts (label, "net earnings") || starts (label, "net (income)"))
    {
      if (has (label, "noncontrolling") || has (label, "non-controlling") || has (label, "per ") ||
          has (label, "adjustments") || has (label, "to net cash"))
        return 0;
      *metric = READOUT_METRIC_NET_INCOME;
      if (has (label, "attributable to common") || has (label, "available to common") ||
          (has (label, "attributable to") && !has (label, "noncontrolling")))
        return 4;
      if (has (label, "comprehensive"))
        return 1;
      return 3;
    }

  if (starts (label, "cash and cash equivalents") || starts (label, "cash, cash equivalents") ||
      starts (label, "cash and investments") || starts (label, "cash and equivalents") ||
      g_str_equal (label, "cash"))
    {
      if (has (label, "restricted") || has (label, "end of") || has (label, "beginning of") ||
          has (label, "used") || has (label, "provided"))
        return 0;
      *metric = READOUT_METRIC_CASH;
      /* The total with investments, where the statement gives it. */
      return (has (label, "investments") || has (label, "marketable")) ? 3 : 2;
    }

  return 0;
}

static ValueKind
value_kind (ReadoutMetric metric)
{
  if (metric == READOUT_METRIC_EPS)
    return KIND_PER_SHARE;
  if (metric == READOUT_METRIC_SHARES_WEIGHTED)
    return KIND_SHARES;
  return KIND_MONEY;
}

/* The cell at header column @column: cells after the label, fillers gone. */
static gboolean
cell_value (const ReadoutTableRow *row,
            int                    column,
            double                *value,
            int                   *decimals)
{
  if (column < 0 || (guint) column >= row->cells->len)
    return FALSE;
  return readout_scan_cell_number (g_ptr_array_index (row->cells, column), value, decimals);
}

typedef struct
{
  ReadoutCandidate candidate;
  int              table_rank;
  int              row_rank;
  guint            count_parts;   /* revenue lines that are parts */
} Best;

/* When a table gives no scale, the per-share row tells: net income over
 * EPS is the share count, and a listed company has millions of shares. */
static double
infer_scale (const ReadoutTable *table,
             const Columns      *columns)
{
  double net = 0, eps = 0;
  g_autofree char *section = g_strdup ("");

  for (guint r = 0; r < table->rows->len; r++)
    {
      ReadoutTableRow *row = g_ptr_array_index (table->rows, r);
      g_autofree char *label = g_ascii_strdown (row->label, -1);
      ReadoutMetric metric;
      double v;
      int d;

      if (row->cells->len == 0)
        {
          g_free (section);
          section = g_steal_pointer (&label);
          continue;
        }
      if (classify_row (label, section, &metric) == 0 || !cell_value (row, columns->current, &v, &d))
        continue;
      if (metric == READOUT_METRIC_NET_INCOME && net == 0)
        net = v;
      else if (metric == READOUT_METRIC_EPS && eps == 0)
        eps = v;
    }
  if (net == 0 || eps == 0)
    return 0;
  return fabs (net / eps) < 1e6 ? 1e3 : 1;
}

static void
read_table (const char          *text,
            ReadoutTable        *table,
            const ReadoutPeriod *period,
            const char          *currency,
            Best                 best[READOUT_N_CATALOGUE_METRICS])
{
  Header header;
  Columns columns;
  double scale;
  g_autofree char *section = g_strdup ("");
  g_autofree char *wrapped = NULL;
  Best local[READOUT_N_CATALOGUE_METRICS] = { { { 0 } } };

  read_header (text, table, &header);
  columns = choose_columns (&header, period);
  if (columns.rank == 0)
    {
      g_array_unref (header.spans);
      return;
    }

  scale = header.money_scale;
  if (scale == 0)
    scale = infer_scale (table, &columns);

  for (guint r = header.first_body_row; r < table->rows->len; r++)
    {
      ReadoutTableRow *row = g_ptr_array_index (table->rows, r);
      g_autofree char *label = NULL;
      ReadoutMetric metric = READOUT_METRIC_CUSTOM;
      int rank;
      double current, prior, factor;
      int current_decimals, prior_decimals;
      gboolean has_prior;
      ReadoutCandidate *candidate;
      gsize n;

      /* A label wrapped over two lines ("Income from continuing operations
       * attributable to Pfizer Inc." / "common shareholders | 0.41"). */
      if (wrapped != NULL)
        {
          g_autofree char *own = g_ascii_strdown (row->label, -1);
          label = g_strconcat (wrapped, " ", own, NULL);
          g_clear_pointer (&wrapped, g_free);
        }
      else
        label = g_ascii_strdown (row->label, -1);
      if (row->cells->len == 0 && r + 1 < table->rows->len &&
          g_ascii_islower (((ReadoutTableRow *) g_ptr_array_index (table->rows, r + 1))->label[0]))
        {
          wrapped = g_steal_pointer (&label);
          continue;
        }

      /* Trailing colons and footnote marks: "Net loss (1):" */
      n = strlen (label);
      while (n > 0 && (label[n - 1] == ':' || label[n - 1] == ' ' || label[n - 1] == '*'))
        label[--n] = '\0';

      if (row->cells->len == 0 ||
          (!row_is_body (row) &&
           !(label[0] == '\0' && row_has_numbers (row) && has (section, "expenses"))))
        {
          if (row->cells->len == 0 && label[0])
            {
              g_free (section);
              section = g_strdup (label);
            }
          continue;
        }

      rank = classify_row (label, section, &metric);
      /* The unlabeled row that closes an expenses section is its total. */
      if (rank == 0 && label[0] == '\0' &&
          (has (section, "operating expenses") || has (section, "costs and expenses")))
        {
          metric = READOUT_METRIC_TOTAL_OPEX;
          rank = 2;
        }
      if (rank == 0)
        continue;
      if (metric == READOUT_METRIC_CASH && !columns.balance_sheet)
        continue;   /* cash-flow statement lines */
      if (metric != READOUT_METRIC_CASH && columns.balance_sheet)
        continue;
      if (!cell_value (row, columns.current, &current, &current_decimals))
        continue;
      has_prior = cell_value (row, columns.prior, &prior, &prior_decimals);

      switch (value_kind (metric))
        {
        case KIND_PER_SHARE:
          /* Per-share figures are never scaled and have cents. */
          if (fabs (current) >= 1000 || (current_decimals == 0 && current != 0))
            continue;
          factor = 1;
          break;
        case KIND_SHARES:
          factor = scale == 0 ? 1 : (header.shares_scaled ? scale : 1);
          {
            /* "Weighted-average shares (in thousands):" says it itself. */
            gboolean dummy;
            double own = scale_in (label, &dummy);
            if (own == 0)
              own = scale_in (section, &dummy);
            if (own != 0)
              factor = own;
          }
          if (current_decimals > 0 && factor == 1)
            continue;
          break;
        case KIND_MONEY:
        default:
          if (scale == 0)
            continue;   /* unknown unit: missing, not guessed */
          factor = scale;
          break;
        }

      if (metric == READOUT_METRIC_REVENUE && rank == 1)
        local[metric].count_parts++;

      if (local[metric].candidate.origin != READOUT_ORIGIN_NONE && local[metric].row_rank >= rank)
        continue;

      candidate = &local[metric].candidate;
      *candidate = (ReadoutCandidate) { READOUT_ORIGIN_TABLE };
      candidate->has_current = TRUE;
      candidate->current = current * factor;
      candidate->current_tolerance = 0.5 * pow (10, -current_decimals) * factor;
      if (has_prior)
        {
          candidate->has_prior = TRUE;
          candidate->prior = prior * factor;
          candidate->prior_tolerance = 0.5 * pow (10, -prior_decimals) * factor;
          memcpy (candidate->prior_date, columns.prior_date, 11);
        }
      candidate->source_start = row->start;
      candidate->source_end = row->end;
      memcpy (candidate->currency, currency, 4);
      local[metric].row_rank = rank;
      local[metric].table_rank = columns.rank;
    }

  /* Several revenue lines and no total: which one is "revenue" is a guess. */
  if (local[READOUT_METRIC_REVENUE].row_rank == 1 && local[READOUT_METRIC_REVENUE].count_parts > 1)
    local[READOUT_METRIC_REVENUE].candidate.origin = READOUT_ORIGIN_NONE;

  for (guint m = 0; m < READOUT_N_CATALOGUE_METRICS; m++)
    {
      if (local[m].candidate.origin == READOUT_ORIGIN_NONE)
        continue;
      if (best[m].candidate.origin == READOUT_ORIGIN_NONE ||
          local[m].table_rank > best[m].table_rank ||
          (local[m].table_rank == best[m].table_rank && local[m].row_rank > best[m].row_rank) ||
          (local[m].table_rank == best[m].table_rank && local[m].row_rank == best[m].row_rank &&
           local[m].candidate.has_prior && !best[m].candidate.has_prior))
        best[m] = local[m];
    }

  g_array_unref (header.spans);
}

typedef struct
{
  const char          *text;
  const ReadoutPeriod *period;
  const char          *currency;
  Best                *best;
} FindData;

static void
find_in_table (ReadoutTable *table,
               gpointer      data)
{
  FindData *find = data;

  read_table (find->text, table, find->period, find->currency, find->best);
  readout_table_free (table);
}

void
readout_table_find (const char          *text,
                    gsize                len,
                    const ReadoutPeriod *period,
                    const char          *currency,
                    ReadoutCandidate     found[READOUT_N_CATALOGUE_METRICS])
{
  Best best[READOUT_N_CATALOGUE_METRICS] = { { { 0 } } };
  FindData find = { text, period, currency, best };

  tables_foreach (text, len, find_in_table, &find);

  for (guint m = 0; m < READOUT_N_CATALOGUE_METRICS; m++)
    found[m] = best[m].candidate;
}
