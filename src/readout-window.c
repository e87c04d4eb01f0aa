/* readout-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "readout-chart.h"
#include "readout-csv.h"
#include "readout-review-store.h"
#include "readout-window.h"

struct _ReadoutWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwTabView           *tab_view;
  AdwTabBar            *tab_bar;
  GtkWidget            *loading_box;
  GtkSpinner           *spinner;
  GMenu                *recent_menu;

  GSettings            *settings;
  GCancellable         *cancellable;
  GtkRecentManager     *recent_manager;
  guint                 n_loading;      /* loading, or loaded and not yet in a tab */
  GQueue                opened;         /* ReadoutDocument (owned): loaded, not yet in a tab */
  guint                 add_opened_id;
  gboolean              close_confirmed;
  gboolean              disposed;
};

G_DEFINE_FINAL_TYPE (ReadoutWindow, readout_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_actions (ReadoutWindow *self);

/* @message is plain text (file names and what the reader typed may hold
 * "&" or "<"), and names a file, often with a long path: a wrapping label
 * keeps the reason that follows on screen, where a title would be cut
 * short after one line. */
static void
toast (ReadoutWindow *self,
       const char    *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *t = adw_toast_new (escaped);
  GtkWidget *label = gtk_label_new (message);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "heading");
  adw_toast_set_custom_title (t, label);
  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static ReadoutReleaseView *
page_view (AdwTabPage *page)
{
  return READOUT_RELEASE_VIEW (adw_tab_page_get_child (page));
}

ReadoutReleaseView *
readout_window_get_current_view (ReadoutWindow *self)
{
  AdwTabPage *page;

  g_return_val_if_fail (READOUT_IS_WINDOW (self), NULL);

  page = adw_tab_view_get_selected_page (self->tab_view);
  return page != NULL ? page_view (page) : NULL;
}

guint
readout_window_get_n_loading (ReadoutWindow *self)
{
  g_return_val_if_fail (READOUT_IS_WINDOW (self), 0);
  return self->n_loading;
}

static GPtrArray *
all_views (ReadoutWindow *self,
           gboolean       modified_only)
{
  GPtrArray *views = g_ptr_array_new ();
  int n = adw_tab_view_get_n_pages (self->tab_view);

  for (int i = 0; i < n; i++)
    {
      ReadoutReleaseView *view = page_view (adw_tab_view_get_nth_page (self->tab_view, i));
      if (!modified_only || readout_release_view_get_modified (view))
        g_ptr_array_add (views, view);
    }
  return views;
}

/* Titles and actions */

static void
update_title (ReadoutWindow *self)
{
  ReadoutReleaseView *view = readout_window_get_current_view (self);

  if (view == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Readout"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Readout"));
    }
  else
    {
      ReadoutDocument *document = readout_release_view_get_document (view);
      g_autofree char *subtitle = readout_release_view_dup_subtitle (view);

      adw_window_title_set_title (self->window_title, readout_document_get_file_name (document));
      adw_window_title_set_subtitle (self->window_title, subtitle);
      gtk_window_set_title (GTK_WINDOW (self), readout_document_get_file_name (document));
    }
}

static void
update_actions (ReadoutWindow *self)
{
  ReadoutReleaseView *view = readout_window_get_current_view (self);
  ReadoutUndoStack *undo = view ? readout_release_view_get_undo_stack (view) : NULL;
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have = view != NULL;

  gtk_widget_action_set_enabled (widget, "win.export", have);
  gtk_widget_action_set_enabled (widget, "win.export-all", have);
  gtk_widget_action_set_enabled (widget, "win.export-chart", have);
  gtk_widget_action_set_enabled (widget, "win.close-tab", have);
  gtk_widget_action_set_enabled (widget, "win.add-row", have);
  gtk_widget_action_set_enabled (widget, "win.add-from-selection", have);
  gtk_widget_action_set_enabled (widget, "win.focus-list", have);
  gtk_widget_action_set_enabled (widget, "win.edit-current", have);
  gtk_widget_action_set_enabled (widget, "win.edit-prior", have);
  gtk_widget_action_set_enabled (widget, "win.delete-row", have && readout_release_view_can_delete (view));
  gtk_widget_action_set_enabled (widget, "win.rename-row", have && readout_release_view_can_delete (view));
  gtk_widget_action_set_enabled (widget, "win.confirm-row", have && readout_release_view_can_confirm (view));
  gtk_widget_action_set_enabled (widget, "win.undo", undo && readout_undo_stack_can_undo (undo));
  gtk_widget_action_set_enabled (widget, "win.redo", undo && readout_undo_stack_can_redo (undo));
  gtk_widget_action_set_enabled (widget, "win.cancel-loading", self->n_loading > 0);
}

static void
update_page (ReadoutWindow *self,
             AdwTabPage    *page)
{
  ReadoutReleaseView *view = page_view (page);

  if (readout_release_view_get_modified (view))
    {
      g_autoptr(GIcon) icon = g_themed_icon_new ("document-edit-symbolic");
      adw_tab_page_set_indicator_icon (page, icon);
      adw_tab_page_set_indicator_tooltip (page, _("Edits not exported yet"));
    }
  else
    adw_tab_page_set_indicator_icon (page, NULL);
}

static void
update_loading (ReadoutWindow *self)
{
  gtk_widget_set_visible (self->loading_box, self->n_loading > 0);
  gtk_spinner_set_spinning (self->spinner, self->n_loading > 0);
  update_actions (self);
}

static void
view_state_changed_cb (ReadoutReleaseView *view,
                       ReadoutWindow      *self)
{
  AdwTabPage *page = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (view));

  if (page != NULL)
    update_page (self, page);
  if (view == readout_window_get_current_view (self))
    update_actions (self);
}

static void
view_show_toast_cb (ReadoutReleaseView *view,
                    const char         *message,
                    ReadoutWindow      *self)
{
  toast (self, message);
}

/* Opening */

static AdwTabPage *
find_page_for_file (ReadoutWindow *self,
                    GFile         *file)
{
  int n = adw_tab_view_get_n_pages (self->tab_view);

  for (int i = 0; i < n; i++)
    {
      AdwTabPage *page = adw_tab_view_get_nth_page (self->tab_view, i);
      GFile *other = readout_document_get_file (readout_release_view_get_document (page_view (page)));

      if (other != NULL && g_file_equal (other, file))
        return page;
    }
  return NULL;
}

ReadoutReleaseView *
readout_window_add_document (ReadoutWindow   *self,
                             ReadoutDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *view;
  AdwTabPage *page;
  GFile *file;

  g_return_val_if_fail (READOUT_IS_WINDOW (self), NULL);
  g_return_val_if_fail (READOUT_IS_DOCUMENT (document), NULL);

  if (!readout_review_store_restore (document, NULL, NULL, &error))
    toast (self, error->message);

  view = readout_release_view_new (document, NULL);
  g_signal_connect_object (view, "state-changed", G_CALLBACK (view_state_changed_cb), self, 0);
  g_signal_connect_object (view, "show-toast", G_CALLBACK (view_show_toast_cb), self, 0);

  page = adw_tab_view_append (self->tab_view, view);
  adw_tab_page_set_title (page, readout_document_get_file_name (document));
  file = readout_document_get_file (document);
  if (file != NULL)
    tooltip = g_file_get_parse_name (file);
  adw_tab_page_set_tooltip (page, tooltip ? tooltip : readout_document_get_file_name (document));
  adw_tab_view_set_selected_page (self->tab_view, page);
  readout_release_view_focus_list (READOUT_RELEASE_VIEW (view));

  return READOUT_RELEASE_VIEW (view);
}

/* A loaded release gets its tab. */
static void
add_opened (ReadoutWindow   *self,
            ReadoutDocument *document)
{
  GFile *file;

  readout_window_add_document (self, document);

  file = readout_document_get_file (document);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      gtk_recent_manager_add_item (self->recent_manager, uri);
      if (parent != NULL)
        {
          g_autofree char *parent_uri = g_file_get_uri (parent);
          g_settings_set_string (self->settings, "last-folder", parent_uri);
        }
    }
}

/* One tab per main-loop iteration: building a release's view takes a
 * frame's time, and several loads often finish together (a drop of many
 * files); adding them all at once would stop the window for as long. */
static gboolean
add_opened_cb (gpointer data)
{
  ReadoutWindow *self = data;
  g_autoptr(ReadoutDocument) document = g_queue_pop_head (&self->opened);

  if (document != NULL)
    {
      self->n_loading--;
      update_loading (self);
      add_opened (self, document);
    }
  if (!g_queue_is_empty (&self->opened))
    return G_SOURCE_CONTINUE;
  self->add_opened_id = 0;
  return G_SOURCE_REMOVE;
}

/* Stop Loading also drops what was loaded and is waiting for its tab. */
static void
drop_opened (ReadoutWindow *self)
{
  g_clear_handle_id (&self->add_opened_id, g_source_remove);
  self->n_loading -= MIN (self->n_loading, g_queue_get_length (&self->opened));
  g_queue_clear_full (&self->opened, g_object_unref);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ReadoutWindow) self = user_data;
  g_autoptr(ReadoutDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = readout_document_load_finish (result, &error);

  /* The window may be gone: a late result has no place to go. */
  if (self->disposed)
    return;

  if (document == NULL)
    {
      self->n_loading--;
      update_loading (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  g_queue_push_tail (&self->opened, g_steal_pointer (&document));
  if (self->add_opened_id == 0)
    /* At the frame clock's priority: a tab and a frame per iteration.  At
     * idle priority a window whose frames take longer than the frame
     * interval (a spinner animating on a slow display) never ran it. */
    self->add_opened_id = g_idle_add_full (GDK_PRIORITY_REDRAW, add_opened_cb, self, NULL);
}

void
readout_window_open_files (ReadoutWindow  *self,
                           GFile         **files,
                           guint           n_files)
{
  g_return_if_fail (READOUT_IS_WINDOW (self));

  for (guint i = 0; i < n_files; i++)
    {
      AdwTabPage *page = find_page_for_file (self, files[i]);

      if (page != NULL)
        {
          adw_tab_view_set_selected_page (self->tab_view, page);
          continue;
        }

      self->n_loading++;
      readout_document_load_async (files[i], self->cancellable, load_cb, g_object_ref (self));
    }
  update_loading (self);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  ReadoutWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      readout_window_open_files (self, (GFile **) array->pdata, array->len);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
set_current_folder (ReadoutWindow  *self,
                    GtkFileChooser *chooser)
{
  g_autofree char *uri = g_settings_get_string (self->settings, "last-folder");

  if (uri != NULL && uri[0] != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (uri);
      gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ReadoutWindow *self = READOUT_WINDOW (widget);
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter;

  dialog = gtk_file_chooser_native_new (_("Open Releases"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Releases (text, HTML, PDF)"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter, "text/html");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "htm");
  gtk_file_filter_add_suffix (filter, "html");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All Files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);

  set_current_folder (self, GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  /* The dialog keeps itself (a ref) until "response". */
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ReadoutWindow *self = READOUT_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  readout_window_open_files (self, &file, 1);
}

static void
cancel_loading_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ReadoutWindow *self = READOUT_WINDOW (widget);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  drop_opened (self);
  update_loading (self);
}

static void
rebuild_recent_menu (ReadoutWindow *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent_manager);
  const char *app = g_get_prgname ();
  guint added = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL && added < 10; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GMenuItem) item = NULL;

      if (app != NULL && !gtk_recent_info_has_application (info, app))
        continue;
      if (!gtk_recent_info_exists (info))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
      added++;
    }
  if (added == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Releases"), "win.no-recent");
      g_menu_append_item (self->recent_menu, item);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         ReadoutWindow *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autoptr(GSList) list = NULL;   /* transfer container */

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      list = gdk_file_list_get_files (g_value_get_boxed (value));
      for (GSList *l = list; l != NULL; l = l->next)
        g_ptr_array_add (files, l->data);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    g_ptr_array_add (files, g_value_get_object (value));

  if (files->len == 0)
    return FALSE;
  readout_window_open_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

/* Exporting */

typedef struct
{
  ReadoutWindow *self;
  GPtrArray     *views;          /* ReadoutReleaseView (owned) */
  AdwTabPage    *closing_page;   /* finish closing it after the export */
  gboolean       close_window;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->self);
  g_clear_pointer (&request->views, g_ptr_array_unref);
  g_clear_object (&request->closing_page);
  g_free (request);
}

gboolean
readout_window_export_to_path (ReadoutWindow  *self,
                               GPtrArray      *views,
                               const char     *path,
                               GError        **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (READOUT_IS_WINDOW (self), FALSE);

  for (guint i = 0; i < views->len; i++)
    g_ptr_array_add (documents, readout_release_view_get_document (views->pdata[i]));

  if (!readout_csv_write (path, (ReadoutDocument * const *) documents->pdata, documents->len, &local_error))
    {
      toast (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; i < views->len; i++)
    readout_release_view_set_modified (views->pdata[i], FALSE);

  base = g_path_get_basename (path);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Exported to “%s”"), base);
  toast (self, message);
  return TRUE;
}

static void
finish_request (ExportRequest *request,
                gboolean       exported)
{
  if (request->closing_page != NULL)
    adw_tab_view_close_page_finish (request->self->tab_view, request->closing_page, exported);
  if (request->close_window && exported)
    {
      request->self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (request->self));
    }
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    ExportRequest   *request)
{
  gboolean exported = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);
          g_autofree char *message = g_strdup_printf (_("Could not write “%s”: not a local file"), name);
          toast (request->self, message);
        }
      else
        exported = readout_window_export_to_path (request->self, request->views, path, &error);

      if (parent != NULL)
        {
          g_autofree char *uri = g_file_get_uri (parent);
          g_settings_set_string (request->self->settings, "last-folder", uri);
        }
    }

  finish_request (request, exported);
  export_request_free (request);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static char *
stem (const char *name)
{
  const char *dot = strrchr (name, '.');

  if (dot == NULL || dot == name)
    return g_strdup (name);
  return g_strndup (name, dot - name);
}

static void
export_views (ReadoutWindow *self,
              GPtrArray     *views,
              AdwTabPage    *closing_page,
              gboolean       close_window)
{
  ExportRequest *request = g_new0 (ExportRequest, 1);
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter;
  g_autofree char *name = NULL;

  request->self = g_object_ref (self);
  request->views = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < views->len; i++)
    g_ptr_array_add (request->views, g_object_ref (views->pdata[i]));
  request->closing_page = closing_page ? g_object_ref (closing_page) : NULL;
  request->close_window = close_window;

  if (views->len == 1)
    {
      g_autofree char *base = stem (readout_document_get_file_name (readout_release_view_get_document (views->pdata[0])));
      name = g_strconcat (base, ".csv", NULL);
    }
  else
    name = g_strdup ("readout-export.csv");

  dialog = gtk_file_chooser_native_new (views->len == 1 ? _("Export CSV") : _("Export All as CSV"),
                                        GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  set_current_folder (self, GTK_FILE_CHOOSER (dialog));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReadoutWindow *self = READOUT_WINDOW (widget);
  g_autoptr(GPtrArray) views = NULL;

  if (g_str_equal (action_name, "win.export-all"))
    views = all_views (self, FALSE);
  else
    {
      views = g_ptr_array_new ();
      if (readout_window_get_current_view (self) != NULL)
        g_ptr_array_add (views, readout_window_get_current_view (self));
    }
  if (views->len > 0)
    export_views (self, views, NULL, FALSE);
}

gboolean
readout_window_export_chart_to_path (ReadoutWindow       *self,
                                     ReadoutReleaseView  *view,
                                     const char          *path,
                                     GError             **error)
{
  ReadoutChartStyle style;
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (READOUT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (READOUT_IS_RELEASE_VIEW (view), FALSE);

  g_autoptr(GError) local_error = NULL;

  /* Exported charts go into documents: always the light style. */
  readout_chart_style_init_default (&style, FALSE);
  if (!readout_chart_export (readout_document_get_figures (readout_release_view_get_document (view)),
                             path, 960, 600, 2.0, &style, &local_error))
    {
      toast (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  base = g_path_get_basename (path);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Chart exported to “%s”"), base);
  toast (self, message);
  return TRUE;
}

static void
export_chart_response_cb (GtkNativeDialog    *dialog,
                          int                 response,
                          ReadoutReleaseView *view)
{
  ReadoutWindow *self = READOUT_WINDOW (gtk_native_dialog_get_transient_for (dialog));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);
          g_autofree char *message = g_strdup_printf (_("Could not write “%s”: not a local file"), name);
          toast (self, message);
        }
      else
        readout_window_export_chart_to_path (self, view, path, &error);
    }

  g_object_unref (view);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ReadoutWindow *self = READOUT_WINDOW (widget);
  ReadoutReleaseView *view = readout_window_get_current_view (self);
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  static const struct { const char *name; const char *mime; const char *suffix; } formats[] = {
    { N_("PNG Image"), "image/png", "png" },
    { N_("SVG Image"), "image/svg+xml", "svg" },
    { N_("PDF Document"), "application/pdf", "pdf" },
  };

  if (view == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_mime_type (filter, formats[i].mime);
      gtk_file_filter_add_suffix (filter, formats[i].suffix);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
      g_object_unref (filter);
    }
  base = stem (readout_document_get_file_name (readout_release_view_get_document (view)));
  /* Translators: the default file name of an exported chart; %s is the release */
  name = g_strdup_printf (_("%s-chart.png"), base);
  set_current_folder (self, GTK_FILE_CHOOSER (dialog));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_chart_response_cb), g_object_ref (view));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Closing with edits not exported */

typedef struct
{
  ReadoutWindow *self;
  AdwTabPage    *page;    /* NULL: the window */
} CloseRequest;

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   CloseRequest     *request)
{
  ReadoutWindow *self = request->self;

  if (g_str_equal (response, "export"))
    {
      g_autoptr(GPtrArray) views = NULL;

      if (request->page != NULL)
        {
          views = g_ptr_array_new ();
          g_ptr_array_add (views, page_view (request->page));
        }
      else
        views = all_views (self, FALSE);
      export_views (self, views, request->page, request->page == NULL);
    }
  else if (g_str_equal (response, "discard"))
    {
      if (request->page != NULL)
        adw_tab_view_close_page_finish (self->tab_view, request->page, TRUE);
      else
        {
          self->close_confirmed = TRUE;
          gtk_window_close (GTK_WINDOW (self));
        }
    }
  else if (request->page != NULL)
    adw_tab_view_close_page_finish (self->tab_view, request->page, FALSE);

  g_clear_object (&request->page);
  g_clear_object (&request->self);
  g_free (request);
}

static void
ask_before_closing (ReadoutWindow *self,
                    AdwTabPage    *page,
                    GPtrArray     *modified)
{
  CloseRequest *request = g_new0 (CloseRequest, 1);
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (modified->len == 1)
    body = g_strdup_printf (_("The corrections to “%s” were not exported. Readout keeps them for the next time you open this release, but no CSV holds them yet."),
                            readout_document_get_file_name (readout_release_view_get_document (modified->pdata[0])));
  else
    body = g_strdup_printf (ngettext ("The corrections to %u release were not exported. Readout keeps them for the next time you open it, but no CSV holds them yet.",
                                      "The corrections to %u releases were not exported. Readout keeps them for the next time you open them, but no CSV holds them yet.",
                                      modified->len),
                            modified->len);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Before Closing?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  request->self = g_object_ref (self);
  request->page = page ? g_object_ref (page) : NULL;
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
close_page_cb (AdwTabView    *tab_view,
               AdwTabPage    *page,
               ReadoutWindow *self)
{
  g_autoptr(GPtrArray) modified = NULL;

  if (!readout_release_view_get_modified (page_view (page)))
    return GDK_EVENT_PROPAGATE;   /* the default handler closes it */

  modified = g_ptr_array_new ();
  g_ptr_array_add (modified, page_view (page));
  ask_before_closing (self, page, modified);
  return GDK_EVENT_STOP;
}

static gboolean
readout_window_close_request (GtkWindow *window)
{
  ReadoutWindow *self = READOUT_WINDOW (window);
  g_autoptr(GPtrArray) modified = all_views (self, TRUE);

  if (!self->close_confirmed && modified->len > 0)
    {
      ask_before_closing (self, NULL, modified);
      return TRUE;
    }

  g_cancellable_cancel (self->cancellable);

  if (!gtk_window_is_maximized (window))
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 294));
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (readout_window_parent_class)->close_request (window);
}

static void
close_tab_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ReadoutWindow *self = READOUT_WINDOW (widget);
  AdwTabPage *page = adw_tab_view_get_selected_page (self->tab_view);

  if (page != NULL)
    adw_tab_view_close_page (self->tab_view, page);
}

/* Editing, forwarded to the current release */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ReadoutReleaseView *view = readout_window_get_current_view (READOUT_WINDOW (widget));

  if (view == NULL)
    return;

  if (g_str_equal (action_name, "win.undo"))
    readout_release_view_undo (view);
  else if (g_str_equal (action_name, "win.redo"))
    readout_release_view_redo (view);
  else if (g_str_equal (action_name, "win.add-row"))
    readout_release_view_add_row (view);
  else if (g_str_equal (action_name, "win.delete-row"))
    readout_release_view_delete_row (view);
  else if (g_str_equal (action_name, "win.confirm-row"))
    readout_release_view_toggle_confirmed (view);
  else if (g_str_equal (action_name, "win.add-from-selection"))
    readout_release_view_add_from_selection (view);
  else if (g_str_equal (action_name, "win.edit-current"))
    readout_release_view_edit_selected (view, FALSE);
  else if (g_str_equal (action_name, "win.edit-prior"))
    readout_release_view_edit_selected (view, TRUE);
  else if (g_str_equal (action_name, "win.rename-row"))
    readout_release_view_rename_selected (view);
  else if (g_str_equal (action_name, "win.focus-list"))
    readout_release_view_focus_list (view);
}

/* Tabs */

static void
selected_page_cb (ReadoutWindow *self)
{
  update_title (self);
  update_actions (self);
}

static void
n_pages_cb (ReadoutWindow *self)
{
  gboolean empty = adw_tab_view_get_n_pages (self->tab_view) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "tabs");
  gtk_widget_set_visible (GTK_WIDGET (self->tab_bar), !empty);
  update_title (self);
  update_actions (self);
}

/* GObject */

static void
readout_window_dispose (GObject *object)
{
  ReadoutWindow *self = READOUT_WINDOW (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  drop_opened (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), READOUT_TYPE_WINDOW);

  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->recent_manager, self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  self->recent_manager = NULL;

  G_OBJECT_CLASS (readout_window_parent_class)->dispose (object);
}

static void
readout_window_class_init (ReadoutWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = readout_window_dispose;
  window_class->close_request = readout_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/ui/readout-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, tab_view);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, tab_bar);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, loading_box);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, ReadoutWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, close_page_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-loading", NULL, cancel_loading_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-all", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.close-tab", NULL, close_tab_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "win.add-row", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "win.delete-row", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "win.confirm-row", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "win.add-from-selection", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "win.edit-current", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "win.edit-prior", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "win.focus-list", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "win.rename-row", NULL, edit_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-loading", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close-tab", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-row", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "win.delete-row", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "win.confirm-row", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-from-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.edit-current", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, GDK_SHIFT_MASK, "win.edit-prior", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.focus-list", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.rename-row", NULL);
}

static void
readout_window_init (ReadoutWindow *self)
{
  GtkDropTarget *drop;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->cancellable = g_cancellable_new ();

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (self->tab_view, "notify::selected-page",
                           G_CALLBACK (selected_page_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tab_view, "notify::n-pages",
                           G_CALLBACK (n_pages_cb), self, G_CONNECT_SWAPPED);

  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_swapped (self->recent_manager, "changed", G_CALLBACK (rebuild_recent_menu), self);
  rebuild_recent_menu (self);

  n_pages_cb (self);
  update_loading (self);
}

ReadoutWindow *
readout_window_new (ReadoutApplication *application)
{
  return g_object_new (READOUT_TYPE_WINDOW, "application", application, NULL);
}
