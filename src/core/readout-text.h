/* readout-text.h: a release as normalized text with a map back to the file.
 *
 * Every loader (plain text, HTML, PDF) produces a ReadoutText: UTF-8 text in
 * reading order, with escapes undone, hard wraps joined and typography
 * folded, plus a map from every normalized byte offset back to the byte
 * offset in the original file, so that any span found in the text can be
 * highlighted in the original.
 *
 * Tables are written as blocks of lines, one line per row, cells separated
 * by " | " (the shape of SEC text renderings), with a blank line before and
 * after the block.  A loader that knows the table structure (HTML, PDF)
 * writes one logical grid: currency signs, "%" and ")" merged into their
 * number cell, columns empty in every row dropped, and a header cell that
 * spans several columns repeated in each of them, so that cell i of a
 * header row sits above cell i of a body row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "readout-types.h"

G_BEGIN_DECLS

typedef enum
{
  READOUT_TEXT_FORMAT_PLAIN,
  READOUT_TEXT_FORMAT_HTML,
  READOUT_TEXT_FORMAT_PDF,
} ReadoutTextFormat;

#define READOUT_TYPE_TEXT (readout_text_get_type ())
GType               readout_text_get_type        (void) G_GNUC_CONST;

ReadoutText        *readout_text_ref             (ReadoutText *self);
void                readout_text_unref           (ReadoutText *self);

/* The normalized text and its length in bytes (NUL-terminated, except
 * for a text made by readout_text_new_borrowed()). */
const char         *readout_text_get_text        (ReadoutText *self,
                                                  gsize       *len);
ReadoutTextFormat   readout_text_get_format      (ReadoutText *self);
/* The file's bytes as read (before any decoding). */
GBytes             *readout_text_get_original    (ReadoutText *self);
/* Byte offset in the original for a normalized byte offset (0..len). */
gsize               readout_text_to_original     (ReadoutText *self,
                                                  gsize        offset);
/* PDF only: the 0-based page holding a normalized offset, or -1. */
int                 readout_text_get_page        (ReadoutText *self,
                                                  gsize        offset);

/* Building (for loaders).  The map is stored as runs, so a mostly
 * one-to-one text costs a few bytes per discontinuity, not per byte. */
typedef struct _ReadoutTextBuilder ReadoutTextBuilder;

ReadoutTextBuilder *readout_text_builder_new     (GBytes            *original,
                                                  ReadoutTextFormat  format,
                                                  gsize              size_hint);
/* Append @len bytes of UTF-8 whose byte i came from original offset
 * @original_offset + i (a verbatim copy). */
void                readout_text_builder_append_copy  (ReadoutTextBuilder *self,
                                                       const char         *utf8,
                                                       gsize               len,
                                                       gsize               original_offset);
/* Append @len bytes of UTF-8 that all stand for the original byte at
 * @original_offset (a decoded entity, a folded quote, a joining space). */
void                readout_text_builder_append_at    (ReadoutTextBuilder *self,
                                                       const char         *utf8,
                                                       gsize               len,
                                                       gsize               original_offset);
/* Append bytes whose byte i came from @original_offset + @stride * i
 * (stride 0: all from one byte; 1: a copy; 2: ASCII read from UTF-16). */
void                readout_text_builder_append_mapped (ReadoutTextBuilder *self,
                                                        const char         *utf8,
                                                        gsize               len,
                                                        gsize               original_offset,
                                                        guint               stride);
/* Append @len bytes of @source's text from @start, mapped through @source's
 * own map (for a second normalization pass over decoded text). */
void                readout_text_builder_append_from  (ReadoutTextBuilder *self,
                                                       ReadoutText        *source,
                                                       gsize               start,
                                                       gsize               len);
/* A text that is the bytes of @original from @skip on, not copied (for
 * input that is valid UTF-8 already).  Not NUL-terminated. */
ReadoutText        *readout_text_new_borrowed         (GBytes            *original,
                                                       gsize              skip,
                                                       ReadoutTextFormat  format);
/* The last byte appended, or 0 when empty. */
char                readout_text_builder_last_char    (ReadoutTextBuilder *self);
gsize               readout_text_builder_get_len      (ReadoutTextBuilder *self);
/* PDF: the text appended from now on belongs to @page (0-based). */
void                readout_text_builder_begin_page   (ReadoutTextBuilder *self,
                                                       int                 page);
ReadoutText        *readout_text_builder_finish       (ReadoutTextBuilder *self);
void                readout_text_builder_free         (ReadoutTextBuilder *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutText, readout_text_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadoutTextBuilder, readout_text_builder_free)

G_END_DECLS
