/* readout-html-table.h: mapped text buffers and table grids for the HTML
 * loader (private to it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "readout-text.h"

G_BEGIN_DECLS

typedef enum
{
  READOUT_HTML_BREAK_NONE,
  READOUT_HTML_BREAK_SPACE,
  READOUT_HTML_BREAK_LINE,
  READOUT_HTML_BREAK_PARAGRAPH,
} ReadoutHtmlBreak;

/* Text with a map to source positions, whitespace collapsed as it comes:
 * breaks are held back until the next text, so none leads or trails.  A
 * cell sink turns every break into a space.  Positions never go back
 * (a position before the last one is raised to it). */
typedef struct _ReadoutHtmlSink ReadoutHtmlSink;

ReadoutHtmlSink *readout_html_sink_new        (gboolean          cell);
void             readout_html_sink_free       (ReadoutHtmlSink  *self);
/* A document sink that writes its text to @builder as it goes (positions
 * read through @decoded's map); readout_html_sink_write() with the same
 * two writes the rest.  Its text cannot be read back. */
ReadoutHtmlSink *readout_html_sink_new_streaming (ReadoutTextBuilder *builder,
                                                  ReadoutText        *decoded);
void             readout_html_sink_put        (ReadoutHtmlSink  *self,
                                               const char       *utf8,
                                               gsize             len,
                                               gsize             pos,
                                               guint             stride);
void             readout_html_sink_break      (ReadoutHtmlSink  *self,
                                               ReadoutHtmlBreak  level,
                                               gsize             pos);
/* <br>: a line break, or a blank line when the line is empty already. */
void             readout_html_sink_line_break (ReadoutHtmlSink  *self,
                                               gsize             pos);
void             readout_html_sink_append     (ReadoutHtmlSink  *self,
                                               ReadoutHtmlSink  *other);
/* Ends the text with one newline, whatever breaks are pending. */
void             readout_html_sink_end_line   (ReadoutHtmlSink  *self,
                                               gsize             pos);
gboolean         readout_html_sink_is_empty   (ReadoutHtmlSink  *self);
gsize            readout_html_sink_get_len    (ReadoutHtmlSink  *self);
const char      *readout_html_sink_get_text   (ReadoutHtmlSink  *self);
/* Copies the text into @builder, positions read through @decoded's map. */
void             readout_html_sink_write      (ReadoutHtmlSink    *self,
                                               ReadoutTextBuilder *builder,
                                               ReadoutText        *decoded);

/* Cells of statement tables: a number or a placeholder in a number column
 * ("1,234", "(3.1)%", "$0.23", "-"), a currency sign or "(" printed apart
 * from its number, a ")" or "%" printed apart. */
gboolean         readout_html_is_number_cell  (const char *text);
gboolean         readout_html_is_prefix_cell  (const char *text);
gboolean         readout_html_is_suffix_cell  (const char *text);

typedef struct _ReadoutHtmlTable ReadoutHtmlTable;

/* @src: the decoded text that the positions given to the cells' sinks
 * point into (it must outlive the table). */
ReadoutHtmlTable *readout_html_table_new       (const char       *src,
                                                gsize             src_len);
void              readout_html_table_free      (ReadoutHtmlTable *self);
/* FALSE once a nested table made this one a layout table. */
gboolean          readout_html_table_is_grid   (ReadoutHtmlTable *self);
/* Writes the rows so far to @out as prose; later cells go there directly. */
void              readout_html_table_degrade   (ReadoutHtmlTable *self,
                                                ReadoutHtmlSink  *out);
void              readout_html_table_start_row (ReadoutHtmlTable *self);
void              readout_html_table_end_row   (ReadoutHtmlTable *self);
void              readout_html_table_start_cell (ReadoutHtmlTable *self,
                                                 int               colspan,
                                                 int               rowspan);
void              readout_html_table_end_cell  (ReadoutHtmlTable *self);
/* The open cell's sink; with @for_text, text outside any cell opens one. */
ReadoutHtmlSink  *readout_html_table_cell_sink (ReadoutHtmlTable *self,
                                                gboolean          for_text);
/* Writes the grid (or the prose of a layout table) to @out. */
void              readout_html_table_finish    (ReadoutHtmlTable *self,
                                                ReadoutHtmlSink  *out);

G_END_DECLS
