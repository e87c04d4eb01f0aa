/* readout-loader.h: bytes of a release in, normalized text out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "readout-text.h"

G_BEGIN_DECLS

/* The largest file Readout reads (DESIGN.md: a 300 MB file is processed or
 * refused, never a crash). */
#define READOUT_MAX_FILE_SIZE ((guint64) 512 * 1024 * 1024)

/* Sniffs the format (PDF, HTML or text) and runs its loader.  Errors are
 * READOUT_LOAD_ERROR and do not name the file (the caller does). */
ReadoutText *readout_load_text        (GBytes        *bytes,
                                       const char    *file_name,
                                       GCancellable  *cancellable,
                                       GError       **error);

ReadoutText *readout_plain_load       (GBytes        *bytes,
                                       GCancellable  *cancellable,
                                       GError       **error);
/* HTML and SEC SGML submissions (libxml2's forgiving HTML parser). */
ReadoutText *readout_html_load        (GBytes        *bytes,
                                       GCancellable  *cancellable,
                                       GError       **error);
/* PDF with a text layer (poppler-glib). */
ReadoutText *readout_pdf_load         (GBytes        *bytes,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
