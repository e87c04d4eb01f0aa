/* readout-review-store.h: a reader's corrections, kept per release.
 *
 * What the reader did to a release (corrections, confirmations, added
 * rows) is written after every change to
 * $XDG_DATA_HOME/readout/reviews/<content-hash>.ini and put back when the
 * same bytes are opened again.  GLib/GIO only: no GTK here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "readout-document.h"

G_BEGIN_DECLS

/* $XDG_DATA_HOME/readout/reviews (newly allocated). */
char     *readout_review_store_default_dir (void);
/* The file holding @document's review in @dir (NULL: the default). */
char     *readout_review_store_path_for    (ReadoutDocument  *document,
                                            const char       *dir);
/* TRUE when the reader changed anything (a row not "extracted"). */
gboolean  readout_review_store_has_review  (ReadoutDocument  *document);
/* Writes the review atomically (temporary file + rename); a document
 * without any review removes its file. */
gboolean  readout_review_store_save        (ReadoutDocument  *document,
                                            const char       *dir,
                                            GError          **error);
/* Applies a saved review to a freshly loaded @document.  Sets @restored
 * to whether there was one; a missing file is not an error. */
gboolean  readout_review_store_restore     (ReadoutDocument  *document,
                                            const char       *dir,
                                            gboolean         *restored,
                                            GError          **error);

G_END_DECLS
