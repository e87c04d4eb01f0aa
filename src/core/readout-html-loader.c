/* readout-html-loader.c (placeholder) */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "readout-error.h"
#include "readout-loader.h"

ReadoutText *
readout_html_load (GBytes        *bytes,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_set_error (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_MALFORMED,
               _("This kind of file cannot be read yet"));
  return NULL;
}
