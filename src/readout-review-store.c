/* readout-review-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "readout-metric.h"
#include "readout-review-store.h"

#define REVIEW_VERSION 1

char *
readout_review_store_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "readout", "reviews", NULL);
}

char *
readout_review_store_path_for (ReadoutDocument *document,
                               const char      *dir)
{
  g_autofree char *default_dir = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (READOUT_IS_DOCUMENT (document), NULL);

  if (dir == NULL)
    dir = default_dir = readout_review_store_default_dir ();
  base = g_strdup_printf ("%s.ini", readout_document_get_content_hash (document));
  return g_build_filename (dir, base, NULL);
}

gboolean
readout_review_store_has_review (ReadoutDocument *document)
{
  GListModel *figures;
  guint n;

  g_return_val_if_fail (READOUT_IS_DOCUMENT (document), FALSE);

  figures = readout_document_get_figures (document);
  n = g_list_model_get_n_items (figures);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReadoutFigure) figure = g_list_model_get_item (figures, i);
      if (readout_figure_get_status (figure) != READOUT_STATUS_EXTRACTED)
        return TRUE;
    }
  return FALSE;
}

static void
write_values (GKeyFile      *key_file,
              const char    *group,
              ReadoutFigure *figure)
{
  g_key_file_set_string (key_file, group, "status",
                         readout_status_id (readout_figure_get_status (figure)));
  g_key_file_set_boolean (key_file, group, "has-current",
                          readout_figure_get_has_current (figure));
  g_key_file_set_double (key_file, group, "current",
                         readout_figure_get_current (figure));
  g_key_file_set_double (key_file, group, "current-tolerance",
                         readout_figure_get_current_tolerance (figure));
  g_key_file_set_boolean (key_file, group, "has-prior",
                          readout_figure_get_has_prior (figure));
  g_key_file_set_double (key_file, group, "prior",
                         readout_figure_get_prior (figure));
  g_key_file_set_double (key_file, group, "prior-tolerance",
                         readout_figure_get_prior_tolerance (figure));
  g_key_file_set_boolean (key_file, group, "prior-derived",
                          (readout_figure_get_flags (figure) & READOUT_FIGURE_FLAGS_PRIOR_DERIVED) != 0);
}

gboolean
readout_review_store_save (ReadoutDocument  *document,
                           const char       *dir,
                           GError          **error)
{
  g_autoptr(GKeyFile) key_file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *data = NULL;
  GListModel *figures;
  gsize len;
  guint n, added = 0;

  g_return_val_if_fail (READOUT_IS_DOCUMENT (document), FALSE);

  path = readout_review_store_path_for (document, dir);

  if (!readout_review_store_has_review (document))
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not remove “%s”: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  key_file = g_key_file_new ();
  g_key_file_set_integer (key_file, "review", "version", REVIEW_VERSION);
  g_key_file_set_string (key_file, "review", "file",
                         readout_document_get_file_name (document));

  figures = readout_document_get_figures (document);
  n = g_list_model_get_n_items (figures);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReadoutFigure) figure = g_list_model_get_item (figures, i);
      ReadoutMetric metric = readout_figure_get_metric (figure);
      ReadoutStatus status = readout_figure_get_status (figure);
      g_autofree char *group = NULL;

      if (status == READOUT_STATUS_EXTRACTED)
        continue;

      if (metric == READOUT_METRIC_CUSTOM)
        {
          group = g_strdup_printf ("added %u", added++);
          g_key_file_set_string (key_file, group, "label",
                                 readout_figure_get_label (figure) ? readout_figure_get_label (figure) : "");
          g_key_file_set_integer (key_file, group, "source-start",
                                  (int) readout_figure_get_source_start (figure));
          g_key_file_set_integer (key_file, group, "source-end",
                                  (int) readout_figure_get_source_end (figure));
        }
      else
        group = g_strdup_printf ("metric %s", readout_metric_id (metric));

      write_values (key_file, group, figure);
    }

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create “%s”: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }

  data = g_key_file_to_data (key_file, &len, NULL);
  if (!g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    {
      g_prefix_error (error, _("Could not save the review of “%s”: "),
                      readout_document_get_file_name (document));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_values (GKeyFile       *key_file,
             const char     *group,
             ReadoutFigure  *figure,
             GError        **error)
{
  g_autofree char *status_id = NULL;
  ReadoutStatus status;
  ReadoutFigureFlags flags;
  gboolean has_current, has_prior, derived;
  double current, current_tolerance, prior, prior_tolerance;
  GError *local_error = NULL;

  status_id = g_key_file_get_string (key_file, group, "status", &local_error);
  if (status_id == NULL)
    goto failed;
  if (!readout_status_from_id (status_id, &status))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   _("Unknown status “%s” in [%s]"), status_id, group);
      return FALSE;
    }

#define GET(var, type, key) \
  var = g_key_file_get_##type (key_file, group, key, &local_error); \
  if (local_error != NULL) \
    goto failed;
  GET (has_current, boolean, "has-current");
  GET (current, double, "current");
  GET (current_tolerance, double, "current-tolerance");
  GET (has_prior, boolean, "has-prior");
  GET (prior, double, "prior");
  GET (prior_tolerance, double, "prior-tolerance");
  GET (derived, boolean, "prior-derived");
#undef GET

  g_object_freeze_notify (G_OBJECT (figure));
  if (has_current)
    readout_figure_set_current (figure, current, current_tolerance);
  else
    readout_figure_clear_current (figure);
  if (has_prior)
    readout_figure_set_prior (figure, prior, prior_tolerance);
  else
    readout_figure_clear_prior (figure);
  flags = readout_figure_get_flags (figure) & ~READOUT_FIGURE_FLAGS_PRIOR_DERIVED;
  readout_figure_set_flags (figure, flags | (derived ? READOUT_FIGURE_FLAGS_PRIOR_DERIVED : 0));
  readout_figure_set_status (figure, status);
  g_object_thaw_notify (G_OBJECT (figure));
  return TRUE;

failed:
  g_propagate_prefixed_error (error, local_error, "[%s]: ", group);
  return FALSE;
}

gboolean
readout_review_store_restore (ReadoutDocument  *document,
                              const char       *dir,
                              gboolean         *restored,
                              GError          **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (READOUT_IS_DOCUMENT (document), FALSE);

  if (restored != NULL)
    *restored = FALSE;

  path = readout_review_store_path_for (document, dir);
  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read the review of “%s” (%s): %s"),
                   readout_document_get_file_name (document), path, local_error->message);
      return FALSE;
    }

  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];
      ReadoutFigure *figure = NULL;
      ReadoutMetric metric;

      if (g_str_has_prefix (group, "metric "))
        {
          if (!readout_metric_from_id (group + strlen ("metric "), &metric) ||
              metric >= READOUT_N_CATALOGUE_METRICS)
            continue;
          figure = readout_document_get_figure (document, metric);
        }
      else if (g_str_has_prefix (group, "added "))
        {
          g_autofree char *label = g_key_file_get_string (key_file, group, "label", NULL);
          int start = g_key_file_get_integer (key_file, group, "source-start", NULL);
          int end = g_key_file_get_integer (key_file, group, "source-end", NULL);

          figure = readout_document_add_figure (document,
                                                label != NULL && label[0] != '\0' ? label : NULL,
                                                (guint) MAX (start, 0), (guint) MAX (end, 0));
        }
      else
        continue;

      if (figure == NULL)
        continue;

      if (!read_values (key_file, group, figure, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Could not read the review of “%s” (%s): %s"),
                       readout_document_get_file_name (document), path, local_error->message);
          return FALSE;
        }
      if (restored != NULL)
        *restored = TRUE;
    }

  return TRUE;
}
