/* readout-csv.c: RFC 4180 output with the contract's columns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <float.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "readout-csv.h"
#include "readout-document.h"
#include "readout-metric.h"

void
readout_csv_append_field (GString    *out,
                          const char *value,
                          gboolean    is_text)
{
  gboolean guard, quote;
  gsize len;

  if (value == NULL || value[0] == '\0')
    return;

  len = strlen (value);
  /* A spreadsheet runs a cell that starts like a formula. */
  guard = is_text && strchr ("=+-@\t\r", value[0]) != NULL;
  quote = strpbrk (value, ",\"\r\n") != NULL ||
          g_ascii_isspace (value[0]) || g_ascii_isspace (value[len - 1]);

  if (quote)
    g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

void
readout_csv_append_number (GString         *out,
                           double           value,
                           ReadoutUnitKind  kind)
{
  /* Room for any double in %f (no exponent in the CSV). */
  char buf[G_ASCII_DTOSTR_BUF_SIZE + DBL_MAX_10_EXP];
  int decimals = 6;
  char *end;

  if (!isfinite (value))
    return;

  /* Money in full units keeps cents at most; per-share figures keep what
   * releases print (up to four places); shares are whole. */
  switch (kind)
    {
    case READOUT_UNIT_KIND_MONEY: decimals = 2; break;
    case READOUT_UNIT_KIND_PER_SHARE: decimals = 4; break;
    case READOUT_UNIT_KIND_SHARES: decimals = 0; break;
    default: break;
    }

  g_ascii_formatd (buf, sizeof buf, decimals == 0 ? "%.0f" : decimals == 2 ? "%.2f" : "%.4f", value);
  if (strchr (buf, '.') != NULL)
    {
      end = buf + strlen (buf) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  if (g_str_equal (buf, "-0"))
    strcpy (buf, "0");
  g_string_append (out, buf);
}

static void
append_row (GString         *out,
            ReadoutDocument *document,
            ReadoutFigure   *figure,
            const char      *company,
            const char      *period)
{
  ReadoutMetric metric = readout_figure_get_metric (figure);
  ReadoutUnitKind kind = readout_metric_unit_kind (metric);
  ReadoutFigureFlags flags = readout_figure_get_flags (figure);
  g_autoptr(GString) flags_text = g_string_new (NULL);
  double change, change_percent;
  const char *prior_period;

  if (flags & READOUT_FIGURE_FLAGS_PRIOR_DERIVED)
    g_string_append (flags_text, "prior_derived");
  if (flags & READOUT_FIGURE_FLAGS_CHECK_FAILED)
    g_string_append (flags_text, flags_text->len > 0 ? " check_failed" : "check_failed");

  prior_period = readout_figure_get_prior_period (figure);
  if (prior_period == NULL && metric != READOUT_METRIC_CASH)
    prior_period = readout_document_get_prior_period (document);

  /* A balance-sheet figure's period is its date. */
  if (metric == READOUT_METRIC_CASH && readout_document_get_period_end (document) != NULL)
    period = readout_document_get_period_end (document);

  readout_csv_append_field (out, readout_document_get_file_name (document), TRUE);
  g_string_append_c (out, ',');
  readout_csv_append_field (out, company, TRUE);
  g_string_append_c (out, ',');
  readout_csv_append_field (out, period, TRUE);
  g_string_append_c (out, ',');
  readout_csv_append_field (out, readout_metric_id (metric), TRUE);
  g_string_append_c (out, ',');
  readout_csv_append_field (out, readout_figure_get_label (figure), TRUE);
  g_string_append_c (out, ',');
  if (readout_figure_get_has_current (figure))
    readout_csv_append_number (out, readout_figure_get_current (figure), kind);
  g_string_append_c (out, ',');
  if (readout_figure_get_has_prior (figure))
    readout_csv_append_number (out, readout_figure_get_prior (figure), kind);
  g_string_append_c (out, ',');
  if (readout_figure_get_has_prior (figure))
    readout_csv_append_field (out, prior_period, TRUE);
  g_string_append_c (out, ',');
  if (readout_figure_get_change (figure, &change))
    readout_csv_append_number (out, change, kind);
  g_string_append_c (out, ',');
  if (readout_figure_get_change_percent (figure, &change_percent))
    {
      /* Room for any double in %f: a change can be as long as a value. */
      char buf[G_ASCII_DTOSTR_BUF_SIZE + DBL_MAX_10_EXP];
      /* Round half away from zero to one decimal, never "-0.0". */
      double rounded = round (change_percent * 10.0) / 10.0;
      if (rounded == 0)
        rounded = 0;
      g_ascii_formatd (buf, sizeof buf, "%.1f", rounded);
      g_string_append (out, buf);
    }
  g_string_append_c (out, ',');
  readout_csv_append_field (out, readout_figure_get_unit (figure), TRUE);
  g_string_append_c (out, ',');
  readout_csv_append_field (out, readout_status_id (readout_figure_get_status (figure)), TRUE);
  g_string_append_c (out, ',');
  readout_csv_append_field (out, flags_text->str, TRUE);
  g_string_append_c (out, ',');
  readout_csv_append_field (out, readout_figure_get_source (figure), TRUE);
  g_string_append (out, "\r\n");
}

GBytes *
readout_csv_render (ReadoutDocument * const *documents,
                    guint                     n_documents)
{
  GString *out = g_string_new (READOUT_CSV_HEADER "\r\n");

  for (guint d = 0; d < n_documents; d++)
    {
      GListModel *figures = readout_document_get_figures (documents[d]);
      const char *company = readout_document_get_company (documents[d]);
      const char *period = readout_document_get_period (documents[d]);
      guint n = g_list_model_get_n_items (figures);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ReadoutFigure) figure = g_list_model_get_item (figures, i);

          /* A metric the release does not give is missing, not a row of
           * empty values; a row the reader added is always written. */
          if (!readout_figure_get_has_current (figure) &&
              !readout_figure_get_has_prior (figure) &&
              readout_figure_get_status (figure) != READOUT_STATUS_ADDED)
            continue;
          append_row (out, documents[d], figure, company, period);
        }
    }

  return g_string_free_to_bytes (out);
}

/* Writes straight into @path: a device or a pipe (/dev/null, /dev/stdout,
 * a FIFO) has no old contents to keep, and a rename would replace it with
 * a regular file. */
static gboolean
write_in_place (const char  *path,
                const char  *data,
                gsize        size,
                GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
  int saved;

  if (fd < 0)
    goto fail;
  while (size > 0)
    {
      gssize n = write (fd, data, size);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved = errno;
          close (fd);
          errno = saved;
          goto fail;
        }
      data += n;
      size -= n;
    }
  if (close (fd) == 0)
    return TRUE;

fail:
  saved = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
  return FALSE;
}

gboolean
readout_csv_write (const char               *path,
                   ReadoutDocument * const  *documents,
                   guint                     n_documents,
                   GError                  **error)
{
  g_autoptr(GBytes) bytes = readout_csv_render (documents, n_documents);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *target = NULL;
  GStatBuf st;
  gboolean in_place = FALSE;
  gboolean ok;
  int mode = 0644;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_str_equal (path, "-"))
    {
      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not write the CSV to standard output"));
          return FALSE;
        }
      return TRUE;
    }

  /* A symbolic link stays a link: its target gets the new CSV. */
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      char *resolved = realpath (path, NULL);
      target = g_strdup (resolved);
      free (resolved);
    }
  if (g_stat (target ? target : path, &st) == 0)
    {
      in_place = !S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode);
      /* Whoever could read the old file may read the new one, and no one
       * else. */
      if (S_ISREG (st.st_mode))
        mode = st.st_mode & 0777;
    }

  if (in_place)
    ok = write_in_place (path, data, size, error);
  else
    /* Temporary file + fsync + rename: OUT holds the old or the new CSV,
     * never half of one. */
    ok = g_file_set_contents_full (target ? target : path, data, size,
                                   G_FILE_SET_CONTENTS_CONSISTENT |
                                   G_FILE_SET_CONTENTS_DURABLE,
                                   mode, error);
  if (!ok)
    {
      g_prefix_error (error, _("Could not write “%s”: "), path);
      return FALSE;
    }
  return TRUE;
}
