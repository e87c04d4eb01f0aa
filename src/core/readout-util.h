/* readout-util.h: small text helpers shared by the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @len bytes of @text as valid UTF-8 with every run of blanks (spaces,
 * tabs, line ends) folded into one space and the ends trimmed. */
char       *readout_fold_whitespace (const char *text,
                                     gsize       len);

/* The first @needle in @haystack[0..len), or NULL (g_strstr_len stops at
 * a NUL and compares at every byte; memmem does neither). */
const char *readout_find            (const char *haystack,
                                     gsize       len,
                                     const char *needle);

/* Is the line @line[0..len) a row of table cells: does it begin or end
 * with "|" or hold " | "?  (The loaders write cells that way.) */
gboolean    readout_is_table_row    (const char *line,
                                     gsize       len);

/* Is @word (ASCII, any case) at @p, ending before a letter or digit? */
gboolean    readout_word_at         (const char *p,
                                     const char *end,
                                     const char *word);

G_END_DECLS
