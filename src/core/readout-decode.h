/* readout-decode.h: bytes in other encodings to UTF-8, and typography.
 *
 * Shared by the loaders: each keeps the map back to the file's bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "readout-text.h"

G_BEGIN_DECLS

/* @bytes from @skip on, read as Windows-1252 (Latin-1 with the 0x80..0x9f
 * punctuation); a NUL byte becomes a space. */
ReadoutText *readout_decode_cp1252 (GBytes            *bytes,
                                    gsize              skip,
                                    ReadoutTextFormat  format);
/* @bytes after a 2-byte BOM, read as UTF-16; broken surrogates become
 * U+FFFD. */
ReadoutText *readout_decode_utf16  (GBytes            *bytes,
                                    gboolean           big_endian,
                                    ReadoutTextFormat  format);

/* What a reader should see for @c: "'" for curly quotes, "-" for dashes,
 * "fi" for ligatures, "" for invisible and control characters; NULL to keep
 * @c as it is. */
const char  *readout_fold_char     (gunichar           c);

/* g_utf8_validate_len(), eight ASCII bytes at a time: releases are
 * mostly ASCII, and GLib checks byte by byte. */
gboolean     readout_utf8_validate (const char        *data,
                                    gsize              len);

G_END_DECLS
