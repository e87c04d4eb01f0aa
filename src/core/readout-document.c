/* readout-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "readout-document.h"
#include "readout-error.h"
#include "readout-extract.h"
#include "readout-loader.h"
#include "readout-metric.h"
#include "readout-util.h"

struct _ReadoutDocument
{
  GObject      parent_instance;

  GFile       *file;
  char        *file_name;
  char        *content_hash;
  ReadoutText *text;
  char        *company;
  char        *period;
  char        *prior_period;
  char        *period_end;
  GListStore  *figures;
  ReadoutFigure *catalogue[READOUT_N_CATALOGUE_METRICS];  /* borrowed from figures */
  GPtrArray   *checks;
  guint        recheck_frozen;
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (ReadoutDocument, readout_document, G_TYPE_OBJECT)

static guint signals[N_SIGNALS];

static void
readout_document_dispose (GObject *object)
{
  ReadoutDocument *self = READOUT_DOCUMENT (object);
  guint n = self->figures ? g_list_model_get_n_items (G_LIST_MODEL (self->figures)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReadoutFigure) figure = g_list_model_get_item (G_LIST_MODEL (self->figures), i);
      g_signal_handlers_disconnect_by_data (figure, self);
    }
  g_clear_object (&self->figures);
  memset (self->catalogue, 0, sizeof self->catalogue);

  G_OBJECT_CLASS (readout_document_parent_class)->dispose (object);
}

static void
readout_document_finalize (GObject *object)
{
  ReadoutDocument *self = READOUT_DOCUMENT (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->content_hash, g_free);
  g_clear_pointer (&self->text, readout_text_unref);
  g_clear_pointer (&self->company, g_free);
  g_clear_pointer (&self->period, g_free);
  g_clear_pointer (&self->prior_period, g_free);
  g_clear_pointer (&self->period_end, g_free);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (readout_document_parent_class)->finalize (object);
}

static void
readout_document_class_init (ReadoutDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = readout_document_dispose;
  object_class->finalize = readout_document_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
readout_document_init (ReadoutDocument *self)
{
  self->figures = g_list_store_new (READOUT_TYPE_FIGURE);
  self->checks = g_ptr_array_new_with_free_func ((GDestroyNotify) readout_check_free);
}

static void
recheck (ReadoutDocument *self)
{
  if (self->recheck_frozen > 0)
    return;

  /* Checks set flags on figures, which notifies again: freeze meanwhile,
   * and keep the old checks readable until the new ones are complete. */
  self->recheck_frozen++;
  {
    GPtrArray *checks = readout_checks_compute (G_LIST_MODEL (self->figures));
    g_clear_pointer (&self->checks, g_ptr_array_unref);
    self->checks = checks;
  }
  self->recheck_frozen--;

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
figure_notify_cb (ReadoutFigure   *figure,
                  GParamSpec      *pspec,
                  ReadoutDocument *self)
{
  recheck (self);
}

static void
track_figure (ReadoutDocument *self,
              ReadoutFigure   *figure)
{
  g_signal_connect_object (figure, "notify", G_CALLBACK (figure_notify_cb), self, 0);
}

/* GIO's messages repeat the path; ours name the file once, then say why. */
static void
set_io_error (GError     **error,
              const char  *name,
              GError      *io_error)
{
  const char *reason = io_error->message;

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    reason = _("No such file");
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    reason = _("Permission denied: the file cannot be read");
  else if (g_error_matches (io_error, G_FILE_ERROR, G_FILE_ERROR_ACCES))
    reason = _("Permission denied: the file cannot be read");
  else if (g_error_matches (io_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    reason = _("No such file");
  g_set_error (error, io_error->domain, io_error->code, "%s: %s", name, reason);
}

static char *
name_for_messages (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return g_steal_pointer (&path);
  return g_file_get_uri (file);
}

ReadoutDocument *
readout_document_new_from_bytes (const char    *file_name,
                                 GBytes        *bytes,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(ReadoutDocument) self = NULL;
  g_auto(ReadoutExtraction) extraction = { 0 };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (READOUT_TYPE_DOCUMENT, NULL);
  base = g_filename_display_basename (file_name);
  self->file_name = g_steal_pointer (&base);

  self->text = readout_load_text (bytes, self->file_name, cancellable, &local_error);
  if (self->text == NULL ||
      !readout_extract (self->text, &extraction, cancellable, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", file_name);
      return NULL;
    }

  self->company = g_steal_pointer (&extraction.company);
  self->period = g_steal_pointer (&extraction.period);
  self->prior_period = g_steal_pointer (&extraction.prior_period);
  self->period_end = g_steal_pointer (&extraction.period_end);

  for (guint i = 0; i < READOUT_N_CATALOGUE_METRICS; i++)
    {
      self->catalogue[i] = extraction.figures[i];
      g_list_store_append (self->figures, extraction.figures[i]);
      track_figure (self, extraction.figures[i]);
    }

  if (readout_document_count_found (self) == 0)
    {
      g_set_error (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_NO_FIGURES,
                   _("%s: No financial figures found in the text"), file_name);
      return NULL;
    }

  recheck (self);
  return g_steal_pointer (&self);
}

ReadoutDocument *
readout_document_load (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  ReadoutDocument *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = name_for_messages (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      set_io_error (error, name, local_error);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_NOT_A_FILE,
                   g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY
                   ? _("%s: Is a folder, not a release")
                   : _("%s: Not a regular file"), name);
      return NULL;
    }

  if ((guint64) g_file_info_get_size (info) > READOUT_MAX_FILE_SIZE)
    {
      g_set_error (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_TOO_LARGE,
                   _("%s: Larger than %u MB, too large for a release"),
                   name, (guint) (READOUT_MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }

  /* Mapping keeps a large file out of the heap; the text is built once. */
  path = g_file_get_path (file);
  if (path != NULL)
    {
      mapped = g_mapped_file_new (path, FALSE, &local_error);
      if (mapped == NULL)
        {
          set_io_error (error, name, local_error);
          return NULL;
        }
      bytes = g_mapped_file_get_bytes (mapped);
    }
  else
    {
      bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
      if (bytes == NULL)
        {
          set_io_error (error, name, local_error);
          return NULL;
        }
    }

  self = readout_document_new_from_bytes (name, bytes, cancellable, error);
  if (self == NULL)
    return NULL;

  g_clear_pointer (&self->file_name, g_free);
  {
    /* Shown and exported as UTF-8 whatever the file system's bytes (the
     * CSV is UTF-8): an invalid byte becomes U+FFFD. */
    g_autofree char *disk_name = g_file_get_basename (file);
    self->file_name = g_filename_display_name (disk_name);
  }
  self->file = g_object_ref (file);
  return self;
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  ReadoutDocument *document = readout_document_load (file, cancellable, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    {
      /* The window keys review state by the hash: compute it here, not
       * on the main thread. */
      readout_document_get_content_hash (document);
      g_task_return_pointer (task, document, g_object_unref);
    }
}

void
readout_document_load_async (GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, readout_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

ReadoutDocument *
readout_document_load_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
readout_document_get_file (ReadoutDocument *self)
{
  g_return_val_if_fail (READOUT_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
readout_document_get_file_name (ReadoutDocument *self)
{
  g_return_val_if_fail (READOUT_IS_DOCUMENT (self), NULL);
  return self->file_name;
}

const char *
readout_document_get_content_hash (ReadoutDocument *self)
{
  g_return_val_if_fail (READOUT_IS_DOCUMENT (self), NULL);

  /* Computed on first use: the headless export never needs it. */
  if (self->content_hash == NULL && self->text != NULL)
    self->content_hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256,
                                                       readout_text_get_original (self->text));
  return self->content_hash;
}

ReadoutText *
readout_document_get_text (ReadoutDocument *self)
{
  g_return_val_if_fail (READOUT_IS_DOCUMENT (self), NULL);
  return self->text;
}

const char *
readout_document_get_company (ReadoutDocument *self)
{
  g_return_val_if_fail (READOUT_IS_DOCUMENT (self), NULL);
  return self->company;
}

const char *
readout_document_get_period (ReadoutDocument *self)
{
  g_return_val_if_fail (READOUT_IS_DOCUMENT (self), NULL);
  return self->period;
}

const char *
readout_document_get_prior_period (ReadoutDocument *self)
{
  g_return_val_if_fail (READOUT_IS_DOCUMENT (self), NULL);
  return self->prior_period;
}

const char *
readout_document_get_period_end (ReadoutDocument *self)
{
  g_return_val_if_fail (READOUT_IS_DOCUMENT (self), NULL);
  return self->period_end;
}

GListModel *
readout_document_get_figures (ReadoutDocument *self)
{
  g_return_val_if_fail (READOUT_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->figures);
}

ReadoutFigure *
readout_document_get_figure (ReadoutDocument *self,
                             ReadoutMetric    metric)
{
  g_return_val_if_fail (READOUT_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (metric < READOUT_N_CATALOGUE_METRICS, NULL);

  return self->catalogue[metric];
}

guint
readout_document_count_found (ReadoutDocument *self)
{
  guint found = 0;

  g_return_val_if_fail (READOUT_IS_DOCUMENT (self), 0);

  for (guint i = 0; i < READOUT_N_CATALOGUE_METRICS; i++)
    {
      ReadoutFigure *figure = readout_document_get_figure (self, i);
      if (figure != NULL &&
          (readout_figure_get_has_current (figure) || readout_figure_get_has_prior (figure)))
        found++;
    }
  return found;
}

ReadoutFigure *
readout_document_add_figure (ReadoutDocument *self,
                             const char      *label,
                             guint            source_start,
                             guint            source_end)
{
  g_autoptr(ReadoutFigure) figure = NULL;

  g_return_val_if_fail (READOUT_IS_DOCUMENT (self), NULL);

  figure = readout_figure_new (READOUT_METRIC_CUSTOM);
  if (label != NULL)
    readout_figure_set_label (figure, label);
  readout_figure_set_status (figure, READOUT_STATUS_ADDED);

  if (source_end > source_start && self->text != NULL)
    {
      gsize len;
      const char *text = readout_text_get_text (self->text, &len);
      g_autofree char *folded = NULL;

      source_end = MIN (source_end, len);
      source_start = MIN (source_start, source_end);
      folded = readout_fold_whitespace (text + source_start, source_end - source_start);
      readout_figure_set_source (figure, folded, source_start, source_end);
    }

  readout_document_insert_figure (self, g_list_model_get_n_items (G_LIST_MODEL (self->figures)), figure);
  return figure;
}

gboolean
readout_document_remove_figure (ReadoutDocument *self,
                                ReadoutFigure   *figure)
{
  guint position;

  g_return_val_if_fail (READOUT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (READOUT_IS_FIGURE (figure), FALSE);

  if (readout_figure_get_status (figure) != READOUT_STATUS_ADDED ||
      !g_list_store_find (self->figures, figure, &position))
    return FALSE;

  g_signal_handlers_disconnect_by_data (figure, self);
  g_list_store_remove (self->figures, position);
  recheck (self);
  return TRUE;
}

void
readout_document_insert_figure (ReadoutDocument *self,
                                guint            position,
                                ReadoutFigure   *figure)
{
  guint n;

  g_return_if_fail (READOUT_IS_DOCUMENT (self));
  g_return_if_fail (READOUT_IS_FIGURE (figure));

  /* Added rows never go between catalogue rows. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->figures));
  position = CLAMP (position, MIN (READOUT_N_CATALOGUE_METRICS, n), n);
  g_list_store_insert (self->figures, position, figure);
  track_figure (self, figure);
  recheck (self);
}

GPtrArray *
readout_document_get_checks (ReadoutDocument *self)
{
  g_return_val_if_fail (READOUT_IS_DOCUMENT (self), NULL);
  return self->checks;
}

GPtrArray *
readout_document_get_checks_for (ReadoutDocument *self,
                                 ReadoutFigure   *figure)
{
  GPtrArray *result;
  ReadoutMetric metric;

  g_return_val_if_fail (READOUT_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (READOUT_IS_FIGURE (figure), NULL);

  result = g_ptr_array_new ();
  metric = readout_figure_get_metric (figure);
  for (guint i = 0; i < self->checks->len; i++)
    {
      ReadoutCheck *check = g_ptr_array_index (self->checks, i);
      if (metric != READOUT_METRIC_CUSTOM && readout_check_involves (check, metric))
        g_ptr_array_add (result, check);
    }
  return result;
}
