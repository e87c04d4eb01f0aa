/* readout-csv.h: the CSV contract of DESIGN.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "readout-types.h"

G_BEGIN_DECLS

#define READOUT_CSV_HEADER \
  "file,company,period,metric,label,current,prior,prior_period,change," \
  "change_percent,unit,status,flags,source"

/* Appends one RFC 4180 field (quoted when needed, formula-guarded when
 * @is_text).  Exposed for tests and fuzzing. */
void      readout_csv_append_field    (GString    *out,
                                       const char *value,
                                       gboolean    is_text);
/* A number in full units, "." decimal, no exponent, whatever the locale. */
void      readout_csv_append_number   (GString    *out,
                                       double      value,
                                       ReadoutUnitKind kind);

/* The CSV (header and rows of every document, in order) as bytes. */
GBytes   *readout_csv_render          (ReadoutDocument * const *documents,
                                       guint                     n_documents);
/* Renders and writes atomically (temporary file + rename); "-" writes to
 * standard output. */
gboolean  readout_csv_write           (const char               *path,
                                       ReadoutDocument * const  *documents,
                                       guint                     n_documents,
                                       GError                  **error);

G_END_DECLS
