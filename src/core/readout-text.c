/* readout-text.c: normalized text and its run-length map to the original.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "readout-text.h"

/* From @norm on, byte i stands for original byte @orig + i (a copy run) or
 * for original byte @orig itself (a replacement run).
 *
 * A large text has millions of runs (an HTML table has one per cell and
 * one per " | "): 32-bit offsets with the stride in the top bits of @orig
 * keep them at 8 bytes (24 with gsize).  Files are at most
 * READOUT_MAX_FILE_SIZE (512 MiB, below @orig's 1 GiB) and their texts a
 * small multiple of that, below 4 GiB; past either the map stops growing
 * (see readout_text_builder_append_mapped). */
typedef struct
{
  guint32 norm;
  guint32 orig   : 30;
  guint32 stride : 2;   /* original bytes per normalized byte: 0, 1 or 2 */
} Run;

G_STATIC_ASSERT (sizeof (Run) == 8);

#define RUN_OFFSET_MAX G_MAXUINT32
#define RUN_ORIG_MAX   ((1u << 30) - 1)

typedef struct
{
  gsize norm;
  int   page;
} PageStart;

struct _ReadoutText
{
  gatomicrefcount    ref_count;
  ReadoutTextFormat  format;
  char              *text;
  gsize              len;
  gboolean           text_borrowed;  /* points into original */
  GBytes            *original;
  GArray            *runs;    /* Run, sorted by norm */
  GArray            *pages;   /* PageStart, sorted by norm */
};

struct _ReadoutTextBuilder
{
  GString           *text;
  GBytes            *original;
  ReadoutTextFormat  format;
  GArray            *runs;
  GArray            *pages;
};

G_DEFINE_BOXED_TYPE (ReadoutText, readout_text, readout_text_ref, readout_text_unref)

ReadoutText *
readout_text_ref (ReadoutText *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
readout_text_unref (ReadoutText *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  if (!self->text_borrowed)
    g_free (self->text);
  g_clear_pointer (&self->original, g_bytes_unref);
  g_clear_pointer (&self->runs, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_free (self);
}

const char *
readout_text_get_text (ReadoutText *self,
                       gsize       *len)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (len != NULL)
    *len = self->len;
  return self->text;
}

ReadoutTextFormat
readout_text_get_format (ReadoutText *self)
{
  g_return_val_if_fail (self != NULL, READOUT_TEXT_FORMAT_PLAIN);
  return self->format;
}

GBytes *
readout_text_get_original (ReadoutText *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->original;
}

gsize
readout_text_to_original (ReadoutText *self,
                          gsize        offset)
{
  gsize lo = 0, hi;
  gsize original_len;
  const Run *run;

  g_return_val_if_fail (self != NULL, 0);

  original_len = self->original ? g_bytes_get_size (self->original) : 0;
  if (offset >= self->len || self->runs->len == 0)
    return original_len;

  /* The last run starting at or before offset. */
  hi = self->runs->len;
  while (hi - lo > 1)
    {
      gsize mid = (lo + hi) / 2;
      if (g_array_index (self->runs, Run, mid).norm <= offset)
        lo = mid;
      else
        hi = mid;
    }
  run = &g_array_index (self->runs, Run, lo);
  return MIN (run->orig + run->stride * (offset - run->norm), original_len);
}

int
readout_text_get_page (ReadoutText *self,
                       gsize        offset)
{
  int page = -1;

  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->pages->len; i++)
    {
      const PageStart *p = &g_array_index (self->pages, PageStart, i);
      if (p->norm > offset)
        break;
      page = p->page;
    }
  return page;
}

ReadoutTextBuilder *
readout_text_builder_new (GBytes            *original,
                          ReadoutTextFormat  format,
                          gsize              size_hint)
{
  ReadoutTextBuilder *self = g_new0 (ReadoutTextBuilder, 1);

  self->text = g_string_sized_new (size_hint + 1);
  self->original = original ? g_bytes_ref (original) : NULL;
  self->format = format;
  self->runs = g_array_new (FALSE, FALSE, sizeof (Run));
  self->pages = g_array_new (FALSE, FALSE, sizeof (PageStart));
  return self;
}

void
readout_text_builder_free (ReadoutTextBuilder *self)
{
  if (self == NULL)
    return;
  if (self->text != NULL)
    g_string_free (self->text, TRUE);
  g_clear_pointer (&self->original, g_bytes_unref);
  g_clear_pointer (&self->runs, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_free (self);
}

void
readout_text_builder_append_mapped (ReadoutTextBuilder *self,
                                    const char         *utf8,
                                    gsize               len,
                                    gsize               original_offset,
                                    guint               stride)
{
  gsize norm = self->text->len;

  if (len == 0)
    return;

  if (self->runs->len > 0)
    {
      const Run *last = &g_array_index (self->runs, Run, self->runs->len - 1);
      /* Extend the last run when these bytes continue it. */
      if (last->stride == stride &&
          last->orig + stride * (norm - last->norm) == original_offset)
        {
          g_string_append_len (self->text, utf8, len);
          return;
        }
      /* A copy, n bytes put in the place of n others ("\n" -> " " joining
       * wrapped lines, "\n\n" for a blank line), and the same copy going
       * on: each byte maps to the one it replaces, as in a copy, so the
       * copy's run covers all three. Plain text otherwise takes two runs
       * per line, as much memory as the text itself. */
      if (stride == 1 && last->stride == 0 && self->runs->len > 1 &&
          original_offset > (gsize) last->orig &&
          norm - last->norm == original_offset - last->orig)
        {
          const Run *prev = &g_array_index (self->runs, Run, self->runs->len - 2);
          if (prev->stride == 1 && (gsize) prev->orig + (last->norm - prev->norm) == last->orig)
            {
              g_array_set_size (self->runs, self->runs->len - 1);
              g_string_append_len (self->text, utf8, len);
              return;
            }
        }
    }

  /* Beyond 32-bit offsets, later bytes map by the last run (clamped to
   * the original's size): a wrong highlight in a 4 GiB text, never a
   * wrong memory access. */
  if (norm <= RUN_OFFSET_MAX && original_offset <= RUN_ORIG_MAX && stride <= 3)
    g_array_append_val (self->runs, ((Run) { norm, original_offset, stride }));
  g_string_append_len (self->text, utf8, len);
}

void
readout_text_builder_append_copy (ReadoutTextBuilder *self,
                                  const char         *utf8,
                                  gsize               len,
                                  gsize               original_offset)
{
  readout_text_builder_append_mapped (self, utf8, len, original_offset, 1);
}

void
readout_text_builder_append_at (ReadoutTextBuilder *self,
                                const char         *utf8,
                                gsize               len,
                                gsize               original_offset)
{
  readout_text_builder_append_mapped (self, utf8, len, original_offset, 0);
}

void
readout_text_builder_append_from (ReadoutTextBuilder *self,
                                  ReadoutText        *source,
                                  gsize               start,
                                  gsize               len)
{
  gsize lo = 0, hi = source->runs->len;
  gsize end = start + len;

  if (len == 0)
    return;

  /* A text read as it was (valid UTF-8) is one run: no search. */
  if (hi == 1)
    {
      const Run *run = &g_array_index (source->runs, Run, 0);
      if (start >= run->norm && start < source->len)
        {
          readout_text_builder_append_mapped (self, source->text + start, MIN (len, source->len - start),
                                              run->orig + run->stride * (start - run->norm),
                                              run->stride);
          return;
        }
    }

  /* The run holding start, then every run up to end. */
  while (hi - lo > 1)
    {
      gsize mid = (lo + hi) / 2;
      if (g_array_index (source->runs, Run, mid).norm <= start)
        lo = mid;
      else
        hi = mid;
    }

  for (gsize r = lo; r < source->runs->len && start < end; r++)
    {
      const Run *run = &g_array_index (source->runs, Run, r);
      gsize run_end = r + 1 < source->runs->len
                      ? g_array_index (source->runs, Run, r + 1).norm
                      : source->len;
      gsize piece_end = MIN (end, run_end);

      if (piece_end <= start)
        continue;
      readout_text_builder_append_mapped (self, source->text + start, piece_end - start,
                                          run->orig + run->stride * (start - run->norm),
                                          run->stride);
      start = piece_end;
    }
}

ReadoutText *
readout_text_new_borrowed (GBytes            *original,
                           gsize              skip,
                           ReadoutTextFormat  format)
{
  ReadoutText *text = g_new0 (ReadoutText, 1);
  gsize size;
  const char *data = g_bytes_get_data (original, &size);

  g_atomic_ref_count_init (&text->ref_count);
  text->format = format;
  text->text = (char *) data + MIN (skip, size);
  text->len = size - MIN (skip, size);
  text->text_borrowed = TRUE;
  text->original = g_bytes_ref (original);
  text->runs = g_array_new (FALSE, FALSE, sizeof (Run));
  text->pages = g_array_new (FALSE, FALSE, sizeof (PageStart));
  g_array_append_val (text->runs, ((Run) { 0, MIN (skip, size), 1 }));
  return text;
}

char
readout_text_builder_last_char (ReadoutTextBuilder *self)
{
  return self->text->len > 0 ? self->text->str[self->text->len - 1] : 0;
}

gsize
readout_text_builder_get_len (ReadoutTextBuilder *self)
{
  return self->text->len;
}

void
readout_text_builder_begin_page (ReadoutTextBuilder *self,
                                 int                 page)
{
  g_array_append_val (self->pages, ((PageStart) { self->text->len, page }));
}

ReadoutText *
readout_text_builder_finish (ReadoutTextBuilder *self)
{
  ReadoutText *text = g_new0 (ReadoutText, 1);

  g_atomic_ref_count_init (&text->ref_count);
  text->format = self->format;
  text->len = self->text->len;
  text->text = g_string_free (g_steal_pointer (&self->text), FALSE);
  text->original = g_steal_pointer (&self->original);
  text->runs = g_steal_pointer (&self->runs);
  text->pages = g_steal_pointer (&self->pages);
  readout_text_builder_free (self);
  return text;
}
