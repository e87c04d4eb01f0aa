/* readout-error.h: the errors of loading and exporting a release.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define READOUT_LOAD_ERROR (readout_load_error_quark ())

typedef enum
{
  READOUT_LOAD_ERROR_EMPTY,        /* the file holds no bytes or no text */
  READOUT_LOAD_ERROR_BINARY,       /* not text, HTML or PDF */
  READOUT_LOAD_ERROR_TOO_LARGE,    /* over the size Readout accepts */
  READOUT_LOAD_ERROR_NOT_A_FILE,   /* a directory or special file */
  READOUT_LOAD_ERROR_NO_FIGURES,   /* readable, but no financial figures */
  READOUT_LOAD_ERROR_MALFORMED,    /* HTML or PDF that cannot be parsed */
  READOUT_LOAD_ERROR_ENCRYPTED,    /* a password-protected PDF */
  READOUT_LOAD_ERROR_NO_TEXT,      /* a PDF without a text layer */
} ReadoutLoadError;

GQuark readout_load_error_quark (void);

G_END_DECLS
