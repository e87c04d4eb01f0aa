/* readout-loader.c: choosing the loader for a file's bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "readout-error.h"
#include "readout-loader.h"
#include "readout-util.h"

static gboolean
has_prefix_bytes (const char *data,
                  gsize       size,
                  const char *prefix,
                  gsize       prefix_len)
{
  return size >= prefix_len && memcmp (data, prefix, prefix_len) == 0;
}

/* HTML when a tag that only markup has appears near the start. */
static gboolean
looks_like_html (const char *data,
                 gsize       size,
                 const char *file_name)
{
  static const char * const markers[] = {
    "<html", "<!doctype html", "<body", "<document>", "<table", "<div", "<p>", "<p ",
  };
  gsize n = MIN (size, 4096);
  g_autofree char *head = g_ascii_strdown (data, n);

  if (file_name != NULL &&
      (g_str_has_suffix (file_name, ".htm") || g_str_has_suffix (file_name, ".html") ||
       g_str_has_suffix (file_name, ".HTM") || g_str_has_suffix (file_name, ".HTML")))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    if (readout_find (head, n, markers[i]) != NULL)
      return TRUE;
  return FALSE;
}

ReadoutText *
readout_load_text (GBytes        *bytes,
                   const char    *file_name,
                   GCancellable  *cancellable,
                   GError       **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size == 0)
    {
      g_set_error (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_EMPTY,
                   _("The file is empty"));
      return NULL;
    }

  if (has_prefix_bytes (data, size, "%PDF-", 5))
    return readout_pdf_load (bytes, cancellable, error);

  if (looks_like_html (data, size, file_name))
    return readout_html_load (bytes, cancellable, error);

  return readout_plain_load (bytes, cancellable, error);
}
