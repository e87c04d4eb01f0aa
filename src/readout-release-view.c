/* readout-release-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "readout-amount.h"
#include "readout-chart-view.h"
#include "readout-format.h"
#include "readout-metric.h"
#include "readout-release-view.h"
#include "readout-startup-trace.h"
#include "readout-review-store.h"

typedef enum
{
  COLUMN_METRIC,
  COLUMN_CURRENT,
  COLUMN_PRIOR,
  COLUMN_CHANGE,
  COLUMN_CHANGE_PERCENT,
  COLUMN_STATUS,
  COLUMN_CHECK,
  N_COLUMNS
} Column;

typedef struct
{
  ReadoutReleaseView *self;   /* unowned: the view owns the column */
  Column              column;
} ColumnInfo;

struct _ReadoutReleaseView
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkPaned           *figures_paned;
  GtkPaned           *chart_paned;
  GtkColumnView      *column_view;
  GtkWidget          *chart_view;
  GtkTextView        *text_view;

  GtkSingleSelection *selection;
  GtkTextTag         *source_tag;
  GtkTextMark        *source_mark;
  GSettings          *settings;
  ReadoutDocument    *document;
  ReadoutUndoStack   *undo_stack;
  char               *review_dir;
  /* figure -> editable label of its current / prior cell (borrowed) */
  GHashTable         *value_cells[2];
  /* added figure -> editable label of its name (borrowed) */
  GHashTable         *name_cells;

  ReadoutNumberStyle  style;
  gboolean            modified;
  guint               scroll_source;
  guint               scroll_tries;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  STATE_CHANGED,
  SHOW_TOAST,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (ReadoutReleaseView, readout_release_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_state_changed (ReadoutReleaseView *self)
{
  g_signal_emit (self, signals[STATE_CHANGED], 0);
}

static void
show_toast (ReadoutReleaseView *self,
            const char         *message)
{
  g_signal_emit (self, signals[SHOW_TOAST], 0, message);
}

/* Cells */

static ReadoutFigure *
item_figure (GtkListItem *item)
{
  return READOUT_FIGURE (gtk_list_item_get_item (item));
}

static void
update_check_cell (GtkListItem *item)
{
  ColumnInfo *info = g_object_get_data (G_OBJECT (item), "readout-column");
  ReadoutFigure *figure = item_figure (item);
  GtkWidget *image = gtk_list_item_get_child (item);
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GString) failed = g_string_new (NULL);
  g_autoptr(GString) passed = g_string_new (NULL);
  g_autofree char *tooltip = NULL;

  if (figure == NULL || info == NULL)
    return;

  checks = readout_document_get_checks_for (info->self->document, figure);
  for (guint i = 0; i < checks->len; i++)
    {
      ReadoutCheck *check = g_ptr_array_index (checks, i);
      GString *out = check->passed ? passed : failed;

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, check->description ? check->description : "");
    }

  if (checks->len == 0)
    {
      gtk_image_clear (GTK_IMAGE (image));
      gtk_widget_set_tooltip_text (image, NULL);
      gtk_widget_remove_css_class (image, "warning");
      gtk_widget_remove_css_class (image, "success");
      gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("No check"), -1);
      return;
    }

  if (failed->len > 0)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "dialog-warning-symbolic");
      gtk_widget_add_css_class (image, "warning");
      gtk_widget_remove_css_class (image, "success");
      tooltip = g_strdup_printf (_("Check failed:\n%s"), failed->str);
    }
  else
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "emblem-ok-symbolic");
      gtk_widget_add_css_class (image, "success");
      gtk_widget_remove_css_class (image, "warning");
      tooltip = g_strdup_printf (_("Checks passed:\n%s"), passed->str);
    }
  gtk_widget_set_tooltip_text (image, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

static void
update_text_cell (GtkListItem *item)
{
  ColumnInfo *info = g_object_get_data (G_OBJECT (item), "readout-column");
  ReadoutFigure *figure = item_figure (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  const char *source;

  if (figure == NULL || info == NULL)
    return;

  switch (info->column)
    {
    case COLUMN_METRIC:
      source = readout_figure_get_source (figure);
      if (readout_figure_get_metric (figure) == READOUT_METRIC_CUSTOM)
        {
          GtkWidget *editable = gtk_stack_get_child_by_name (GTK_STACK (child), "editable");

          gtk_stack_set_visible_child (GTK_STACK (child), editable);
          g_hash_table_insert (info->self->name_cells, figure, editable);
          if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (editable)))
            gtk_editable_set_text (GTK_EDITABLE (editable), readout_figure_get_label (figure) ? readout_figure_get_label (figure) : "");
          gtk_widget_set_tooltip_text (editable, readout_figure_get_label (figure));
          gtk_accessible_update_property (GTK_ACCESSIBLE (editable), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Name of the added row"), -1);
          return;
        }
      child = gtk_stack_get_child_by_name (GTK_STACK (child), "label");
      gtk_stack_set_visible_child (GTK_STACK (gtk_list_item_get_child (item)), child);
      text = g_strdup (_(readout_metric_label (readout_figure_get_metric (figure))));
      gtk_widget_set_tooltip_text (child, source != NULL && source[0] != '\0' ? source : NULL);
      break;
    case COLUMN_CHANGE:
      text = readout_format_figure_change (figure, info->self->style);
      break;
    case COLUMN_CHANGE_PERCENT:
      text = readout_format_figure_change_percent (figure);
      break;
    case COLUMN_STATUS:
      if (readout_figure_get_status (figure) == READOUT_STATUS_EXTRACTED &&
          !readout_figure_get_has_current (figure) && !readout_figure_get_has_prior (figure))
        /* Translators: status of a catalogue row the release did not state */
        text = g_strdup (C_("status", "Not found"));
      else
        text = g_strdup (readout_format_status (readout_figure_get_status (figure)));
      break;
    case COLUMN_CURRENT:
    case COLUMN_PRIOR:
    case COLUMN_CHECK:
    case N_COLUMNS:
    default:
      return;
    }

  gtk_label_set_text (GTK_LABEL (child), text ? text : "");
}

/* A prior computed from a stated change is shown in italics. */
static void
update_derived_mark (GtkListItem *item)
{
  ColumnInfo *info = g_object_get_data (G_OBJECT (item), "readout-column");
  ReadoutFigure *figure = item_figure (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  gboolean derived;

  if (figure == NULL || info == NULL || info->column != COLUMN_PRIOR)
    return;

  derived = (readout_figure_get_flags (figure) & READOUT_FIGURE_FLAGS_PRIOR_DERIVED) != 0;
  if (derived)
    {
      gtk_widget_add_css_class (label, "derived");
      gtk_widget_set_tooltip_text (label, _("Computed from the change the release states; press Shift+F2 to edit"));
    }
  else
    {
      gtk_widget_remove_css_class (label, "derived");
      gtk_widget_set_tooltip_text (label, _("Press Enter or Shift+F2 to edit; type 2.2m, $2,200,000 or (3.1)"));
    }
}

static void
update_value_cell (GtkListItem *item)
{
  ColumnInfo *info = g_object_get_data (G_OBJECT (item), "readout-column");
  ReadoutFigure *figure = item_figure (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (figure == NULL || info == NULL ||
      gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (label)))
    return;

  text = readout_format_figure_value (figure, info->column == COLUMN_PRIOR, info->self->style);
  gtk_editable_set_text (GTK_EDITABLE (label), text);
  update_derived_mark (item);
}

static void
cell_figure_notify_cb (ReadoutFigure *figure,
                       GParamSpec    *pspec,
                       GtkListItem   *item)
{
  ColumnInfo *info = g_object_get_data (G_OBJECT (item), "readout-column");

  switch (info->column)
    {
    case COLUMN_CHECK:
      /* Not here: the document recomputes its checks while it sets the
       * figures' flags (its checks are unset meanwhile); its "changed"
       * signal comes once they are ready. */
      break;
    case COLUMN_CURRENT:
    case COLUMN_PRIOR:
      /* The binding follows the value; "unknown" is a flag of its own. */
      if (g_str_has_prefix (pspec->name, "has-"))
        update_value_cell (item);
      else if (g_str_equal (pspec->name, "flags"))
        update_derived_mark (item);
      break;
    case COLUMN_METRIC:
    case COLUMN_CHANGE:
    case COLUMN_CHANGE_PERCENT:
    case COLUMN_STATUS:
    case N_COLUMNS:
    default:
      update_text_cell (item);
      break;
    }
}

static void
cell_document_changed_cb (ReadoutDocument *document,
                          GtkListItem     *item)
{
  update_check_cell (item);
}

static gboolean
value_to_text (GBinding     *binding,
               const GValue *from_value,
               GValue       *to_value,
               gpointer      user_data)
{
  ColumnInfo *info = user_data;
  g_autoptr(GObject) source = g_binding_dup_source (binding);

  if (source == NULL)
    return FALSE;
  g_value_take_string (to_value,
                       readout_format_figure_value (READOUT_FIGURE (source),
                                                    info->column == COLUMN_PRIOR,
                                                    info->self->style));
  return TRUE;
}

gboolean
readout_release_view_commit_input (ReadoutReleaseView *self,
                                   ReadoutFigure      *figure,
                                   gboolean            prior,
                                   const char         *text)
{
  g_autofree char *shown = NULL;
  g_autofree char *stripped = NULL;
  gboolean known = FALSE;
  double value = 0;

  g_return_val_if_fail (READOUT_IS_RELEASE_VIEW (self), FALSE);
  g_return_val_if_fail (READOUT_IS_FIGURE (figure), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  /* What the cell showed, unchanged (Escape, or Enter without typing):
   * nothing happens, so a rounded display never becomes an edit. */
  shown = readout_format_figure_value (figure, prior, self->style);
  if (g_str_equal (text, shown))
    return TRUE;

  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] != '\0')
    {
      if (!readout_amount_parse_input (stripped, &value))
        {
          g_autofree char *message = NULL;

          gtk_widget_error_bell (GTK_WIDGET (self));
          /* Translators: %s is what the reader typed in a cell */
          message = g_strdup_printf (_("“%s” is not an amount; try 2.2m, $2,200,000 or (3.1)"), stripped);
          show_toast (self, message);
          return FALSE;
        }
      known = TRUE;
    }

  if (prior)
    readout_undo_stack_edit_prior (self->undo_stack, figure, known, value);
  else
    readout_undo_stack_edit_current (self->undo_stack, figure, known, value);
  return TRUE;
}

/* The focus left an editable cell (its entry and the entry's menu are
 * inside it): the edit ends and is kept, as GtkEditableLabel's own
 * handler would do. */
static void
cell_focus_leave_cb (GtkEventControllerFocus *controller,
                     GtkEditableLabel        *label)
{
  gtk_editable_label_stop_editing (label, TRUE);
}

/* GtkEditableLabel (4.8) ends an edit 100 ms after its focus leaves, in a
 * timeout that holds no reference to its focus controller and that its
 * dispose does not remove (later GTK does): a row recycled or a release
 * closed meanwhile runs it on freed memory.  Its handler is replaced by
 * one that ends the edit at once. */
static void
replace_focus_leave (GtkWidget *label)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (label);
  GtkEventController *focus;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_FOCUS (controller))
        g_signal_handlers_disconnect_matched (controller, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, label);
    }
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (cell_focus_leave_cb), label);
  gtk_widget_add_controller (label, focus);
}

static void
value_editing_cb (GtkEditableLabel *label,
                  GParamSpec       *pspec,
                  GtkListItem      *item)
{
  ColumnInfo *info = g_object_get_data (G_OBJECT (item), "readout-column");
  ReadoutFigure *figure = item_figure (item);
  g_autofree char *text = NULL;

  if (gtk_editable_label_get_editing (label) || figure == NULL || info == NULL)
    return;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (label)));
  if (!readout_release_view_commit_input (info->self, figure, info->column == COLUMN_PRIOR, text))
    update_value_cell (item);  /* bell rung: back to the model's value */
}

static void
metric_editing_cb (GtkEditableLabel *label,
                   GParamSpec       *pspec,
                   GtkListItem      *item)
{
  ColumnInfo *info = g_object_get_data (G_OBJECT (item), "readout-column");
  ReadoutFigure *figure = item_figure (item);
  g_autofree char *text = NULL;

  if (gtk_editable_label_get_editing (label) || figure == NULL || info == NULL ||
      readout_figure_get_metric (figure) != READOUT_METRIC_CUSTOM)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (label))));
  if (text[0] == '\0')
    {
      /* A row needs a name: keep the old one. */
      gtk_widget_error_bell (GTK_WIDGET (label));
      gtk_editable_set_text (GTK_EDITABLE (label), readout_figure_get_label (figure));
      return;
    }
  readout_undo_stack_set_label (info->self->undo_stack, figure, text);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GObject                  *object,
               ColumnInfo               *info)
{
  GtkListItem *item = GTK_LIST_ITEM (object);
  GtkWidget *child;

  g_object_set_data (G_OBJECT (item), "readout-column", info);

  switch (info->column)
    {
    case COLUMN_CURRENT:
    case COLUMN_PRIOR:
      child = gtk_editable_label_new ("");
      /* Rows take the keyboard focus, not their cells (F2 or Enter edits). */
      gtk_widget_set_focusable (child, FALSE);
      gtk_widget_add_css_class (child, "numeric");
      gtk_editable_set_alignment (GTK_EDITABLE (child), 1.0);
      gtk_editable_set_width_chars (GTK_EDITABLE (child), 7);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (child), 14);
      if (info->column == COLUMN_CURRENT)
        gtk_widget_set_tooltip_text (child, _("Press Enter or F2 to edit; type 2.2m, $2,200,000 or (3.1)"));
      g_signal_connect_object (child, "notify::editing", G_CALLBACK (value_editing_cb), item, 0);
      replace_focus_leave (child);
      break;
    case COLUMN_CHECK:
      child = gtk_image_new ();
      gtk_widget_set_halign (child, GTK_ALIGN_CENTER);
      break;
    case COLUMN_METRIC:
      {
        GtkWidget *label = gtk_label_new (NULL);
        GtkWidget *editable = gtk_editable_label_new ("");

        gtk_widget_set_focusable (editable, FALSE);

        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
        gtk_label_set_lines (GTK_LABEL (label), 2);
        gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
        gtk_label_set_width_chars (GTK_LABEL (label), 12);
        gtk_label_set_max_width_chars (GTK_LABEL (label), 24);

        /* Rows the reader added are named by the reader. */
        gtk_editable_set_width_chars (GTK_EDITABLE (editable), 12);
        gtk_editable_set_max_width_chars (GTK_EDITABLE (editable), 24);
        g_signal_connect_object (editable, "notify::editing", G_CALLBACK (metric_editing_cb), item, 0);
        replace_focus_leave (editable);

        /* Its label would widen the whole column to fit a long name. */
        for (GtkWidget *w = gtk_widget_get_first_child (editable); w != NULL; w = gtk_widget_get_first_child (w))
          if (GTK_IS_STACK (w))
            {
              for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
                if (GTK_IS_LABEL (c))
                  {
                    gtk_label_set_ellipsize (GTK_LABEL (c), PANGO_ELLIPSIZE_END);
                    gtk_label_set_width_chars (GTK_LABEL (c), 12);
                    gtk_label_set_max_width_chars (GTK_LABEL (c), 16);
                  }
              break;
            }

        child = gtk_stack_new ();
        gtk_stack_add_named (GTK_STACK (child), label, "label");
        gtk_stack_add_named (GTK_STACK (child), editable, "editable");
      }
      break;
    case COLUMN_STATUS:
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_widget_add_css_class (child, "dim-label");
      break;
    case COLUMN_CHANGE:
    case COLUMN_CHANGE_PERCENT:
    case N_COLUMNS:
    default:
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 1);
      gtk_widget_add_css_class (child, "numeric");
      break;
    }

  gtk_list_item_set_child (item, child);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GObject                  *object,
              ColumnInfo               *info)
{
  GtkListItem *item = GTK_LIST_ITEM (object);
  ReadoutFigure *figure = item_figure (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  gulong id;

  id = g_signal_connect (figure, "notify", G_CALLBACK (cell_figure_notify_cb), item);
  g_object_set_data (G_OBJECT (item), "readout-notify-id", GSIZE_TO_POINTER (id));

  switch (info->column)
    {
    case COLUMN_CURRENT:
    case COLUMN_PRIOR:
      {
        gboolean prior = info->column == COLUMN_PRIOR;
        GBinding *binding;
        g_autofree char *name = NULL;
        const char *metric_label = readout_figure_get_metric (figure) == READOUT_METRIC_CUSTOM
                                   ? readout_figure_get_label (figure)
                                   : _(readout_metric_label (readout_figure_get_metric (figure)));

        /* One way: the model writes the text, only a finished edit writes
         * the model (a two-way binding would write every keystroke). */
        binding = g_object_bind_property_full (figure, prior ? "prior" : "current",
                                               child, "text", G_BINDING_SYNC_CREATE,
                                               value_to_text, NULL, info, NULL);
        g_object_set_data (G_OBJECT (item), "readout-binding", binding);
        g_hash_table_insert (info->self->value_cells[prior], figure, child);

        /* Translators: the accessible name of a cell, e.g. "Current, Revenue" */
        name = g_strdup_printf (prior ? _("Prior, %s") : _("Current, %s"), metric_label);
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        update_derived_mark (item);
      }
      break;
    case COLUMN_CHECK:
      id = g_signal_connect (info->self->document, "changed",
                             G_CALLBACK (cell_document_changed_cb), item);
      g_object_set_data (G_OBJECT (item), "readout-changed-id", GSIZE_TO_POINTER (id));
      update_check_cell (item);
      break;
    case COLUMN_METRIC:
    case COLUMN_CHANGE:
    case COLUMN_CHANGE_PERCENT:
    case COLUMN_STATUS:
    case N_COLUMNS:
    default:
      update_text_cell (item);
      break;
    }
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GObject                  *object,
                ColumnInfo               *info)
{
  GtkListItem *item = GTK_LIST_ITEM (object);
  ReadoutFigure *figure = item_figure (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  gulong id;

  if (info->column == COLUMN_CURRENT || info->column == COLUMN_PRIOR)
    {
      GBinding *binding = g_object_steal_data (G_OBJECT (item), "readout-binding");
      GHashTable *cells = info->self->value_cells[info->column == COLUMN_PRIOR];

      gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (child), FALSE);
      if (binding != NULL)
        g_binding_unbind (binding);
      if (figure != NULL && g_hash_table_lookup (cells, figure) == child)
        g_hash_table_remove (cells, figure);
    }

  if (info->column == COLUMN_METRIC)
    {
      GtkWidget *editable = gtk_stack_get_child_by_name (GTK_STACK (child), "editable");

      gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (editable), FALSE);
      if (figure != NULL && g_hash_table_lookup (info->self->name_cells, figure) == editable)
        g_hash_table_remove (info->self->name_cells, figure);
    }

  id = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (item), "readout-notify-id"));
  if (id != 0 && figure != NULL)
    g_signal_handler_disconnect (figure, id);
  id = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (item), "readout-changed-id"));
  if (id != 0)
    g_signal_handler_disconnect (info->self->document, id);
}

static void
add_column (ReadoutReleaseView *self,
            Column              column,
            const char         *title,
            gboolean            expand,
            int                 fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  ColumnInfo *info = g_new0 (ColumnInfo, 1);

  info->self = self;
  info->column = column;
  g_signal_connect_data (factory, "setup", G_CALLBACK (cell_setup_cb), info,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), info);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

/* Text */

/* The release text pane shows at most this much of the text: a
 * GtkTextBuffer is filled on the main thread (about 20 ms a megabyte) and
 * takes several times the text’s size, and a release is 10-500 KB. A
 * larger file's figures still come from all of its text. */
#define SHOWN_TEXT_MAX ((gsize) 1024 * 1024)

/* The part of the document's text the pane shows, whole characters. */
static const char *
document_text (ReadoutReleaseView *self,
               gsize              *len)
{
  ReadoutText *text = readout_document_get_text (self->document);
  const char *chars;

  *len = 0;
  if (text == NULL)
    return NULL;
  chars = readout_text_get_text (text, len);
  if (*len > SHOWN_TEXT_MAX)
    *len = g_utf8_find_prev_char (chars, chars + SHOWN_TEXT_MAX + 1) - chars;
  return chars;
}

static void text_view_mapped_cb (ReadoutReleaseView *self);

static void
show_source (ReadoutReleaseView *self,
             ReadoutFigure      *figure)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  const char *text;
  gsize len;
  guint from, to;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->source_tag, &start, &end);

  if (figure == NULL)
    return;

  text = document_text (self, &len);
  from = MIN (readout_figure_get_source_start (figure), len);
  to = MIN (readout_figure_get_source_end (figure), len);
  if (text == NULL || to <= from)
    return;

  /* Source offsets are bytes of the normalized text; the buffer counts
   * characters. */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (text, text + from));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, g_utf8_pointer_to_offset (text, text + to));
  gtk_text_buffer_apply_tag (buffer, self->source_tag, &start, &end);
  gtk_text_buffer_move_mark (buffer, self->source_mark, &start);
  gtk_text_view_scroll_to_mark (self->text_view, self->source_mark, 0.05, TRUE, 0.0, 0.3);
  /* And again until it is in view: a scroll asked for before the text
   * is laid out can be lost. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->text_view)))
    text_view_mapped_cb (self);
}

/* The first layout of a long text finishes a while after the view is
 * mapped, and a scroll asked for meanwhile can be lost: try again until
 * the source is in view (for three seconds at most). */
static gboolean
source_in_view (ReadoutReleaseView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GdkRectangle visible, location;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, self->source_mark);
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_location (self->text_view, &iter, &location);
  return visible.height > 0 &&
         location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

static gboolean
scroll_to_source_cb (gpointer data)
{
  ReadoutReleaseView *self = data;

  if (self->scroll_tries++ >= 60 || source_in_view (self))
    {
      self->scroll_source = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_text_view_scroll_to_mark (self->text_view, self->source_mark, 0.05, TRUE, 0.0, 0.3);
  return G_SOURCE_CONTINUE;
}

static void
text_view_mapped_cb (ReadoutReleaseView *self)
{
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  self->scroll_tries = 0;
  self->scroll_source = g_timeout_add (50, scroll_to_source_cb, self);
}

static void
selection_changed_cb (ReadoutReleaseView *self)
{
  show_source (self, readout_release_view_get_selected (self));
  emit_state_changed (self);
}

static void
selected_figure_notify_cb (ReadoutReleaseView *self)
{
  emit_state_changed (self);
}

/* Review state */

static void
save_review (ReadoutReleaseView *self)
{
  g_autoptr(GError) error = NULL;

  if (!readout_review_store_save (self->document, self->review_dir, &error))
    show_toast (self, error->message);
}

static void
undo_stack_changed_cb (ReadoutReleaseView *self)
{
  save_review (self);
  readout_release_view_set_modified (self, TRUE);
  emit_state_changed (self);
}

static void
number_style_changed_cb (ReadoutReleaseView *self)
{
  guint selected;

  self->style = g_settings_get_enum (self->settings, "number-style");

  /* Rebind every cell: the formatting changed, not the model. */
  selected = gtk_single_selection_get_selected (self->selection);
  gtk_single_selection_set_model (self->selection, NULL);
  gtk_single_selection_set_model (self->selection, readout_document_get_figures (self->document));
  gtk_single_selection_set_selected (self->selection, selected);
}

static void
row_activated_cb (ReadoutReleaseView *self,
                  guint               position)
{
  gtk_single_selection_set_selected (self->selection, position);
  readout_release_view_edit_selected (self, FALSE);
}

/* GObject */

static void
readout_release_view_constructed (GObject *object)
{
  ReadoutReleaseView *self = READOUT_RELEASE_VIEW (object);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *text;
  GtkTextIter start;
  gsize len;

  G_OBJECT_CLASS (readout_release_view_parent_class)->constructed (object);

  g_assert (READOUT_IS_DOCUMENT (self->document));

  self->undo_stack = readout_undo_stack_new (self->document);
  g_signal_connect_object (self->undo_stack, "changed",
                           G_CALLBACK (undo_stack_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo_stack, "notify",
                           G_CALLBACK (selected_figure_notify_cb), self, G_CONNECT_SWAPPED);

  text = document_text (self, &len);
  if (text != NULL)
    {
      gsize full_len;

      if (g_utf8_validate (text, len, NULL))
        gtk_text_buffer_set_text (buffer, text, len);
      else
        {
          g_autofree char *valid = g_utf8_make_valid (text, len);
          gtk_text_buffer_set_text (buffer, valid, -1);
        }

      readout_text_get_text (readout_document_get_text (self->document), &full_len);
      if (full_len > len)
        {
          g_autofree char *shown = g_format_size (len);
          g_autofree char *notice = NULL;
          GtkTextIter end;

          /* Translators: after the part of a very large release's text that
           * is shown; %s is a size such as "4.2 MB" */
          notice = g_strdup_printf (_("Only the first %s of this release’s text are shown here. Its figures were found in all of it."),
                                    shown);
          gtk_text_buffer_get_end_iter (buffer, &end);
          gtk_text_buffer_insert (buffer, &end, "\n\n", -1);
          gtk_text_buffer_insert_with_tags (buffer, &end, notice, -1,
                                            gtk_text_buffer_create_tag (buffer, NULL, "style", PANGO_STYLE_ITALIC, NULL),
                                            NULL);
        }
    }
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  self->source_tag = gtk_text_buffer_create_tag (buffer, "source",
                                                 "background", "rgba(246,211,45,0.45)",
                                                 NULL);
  self->source_mark = gtk_text_buffer_create_mark (buffer, "source", &start, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "release-text");
  g_signal_connect_object (self->text_view, "map",
                           G_CALLBACK (text_view_mapped_cb), self, G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (g_object_ref (readout_document_get_figures (self->document)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "changed",
                           G_CALLBACK (selected_figure_notify_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->column_view, "activate",
                           G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);

  readout_chart_view_set_figures (READOUT_CHART_VIEW (self->chart_view),
                                  readout_document_get_figures (self->document));

  /* Start on the first figure found, its source highlighted. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->selection)); i++)
    {
      g_autoptr(ReadoutFigure) figure = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (readout_figure_get_source_end (figure) > readout_figure_get_source_start (figure))
        {
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }
  /* Row 0 is autoselected already: no "selection-changed" for it. */
  show_source (self, readout_release_view_get_selected (self));

  readout_startup_trace_first_frame (GTK_WIDGET (self->column_view));
}

static void
readout_release_view_dispose (GObject *object)
{
  ReadoutReleaseView *self = READOUT_RELEASE_VIEW (object);

  g_clear_handle_id (&self->scroll_source, g_source_remove);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);

  /* AdwBin unparents the template's child itself. */
  g_clear_object (&self->settings);
  g_clear_object (&self->undo_stack);

  G_OBJECT_CLASS (readout_release_view_parent_class)->dispose (object);
}

static void
readout_release_view_finalize (GObject *object)
{
  ReadoutReleaseView *self = READOUT_RELEASE_VIEW (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->review_dir, g_free);
  g_clear_pointer (&self->value_cells[0], g_hash_table_unref);
  g_clear_pointer (&self->value_cells[1], g_hash_table_unref);
  g_clear_pointer (&self->name_cells, g_hash_table_unref);

  G_OBJECT_CLASS (readout_release_view_parent_class)->finalize (object);
}

static void
readout_release_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ReadoutReleaseView *self = READOUT_RELEASE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_release_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ReadoutReleaseView *self = READOUT_RELEASE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_MODIFIED:
      readout_release_view_set_modified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_release_view_class_init (ReadoutReleaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = readout_release_view_constructed;
  object_class->dispose = readout_release_view_dispose;
  object_class->finalize = readout_release_view_finalize;
  object_class->get_property = readout_release_view_get_property;
  object_class->set_property = readout_release_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, READOUT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STATE_CHANGED] = g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
  signals[SHOW_TOAST] = g_signal_new ("show-toast", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (READOUT_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/readout/Readout/ui/readout-release-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ReadoutReleaseView, figures_paned);
  gtk_widget_class_bind_template_child (widget_class, ReadoutReleaseView, chart_paned);
  gtk_widget_class_bind_template_child (widget_class, ReadoutReleaseView, column_view);
  gtk_widget_class_bind_template_child (widget_class, ReadoutReleaseView, chart_view);
  gtk_widget_class_bind_template_child (widget_class, ReadoutReleaseView, text_view);
}

static void
readout_release_view_init (ReadoutReleaseView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->value_cells[0] = g_hash_table_new (NULL, NULL);
  self->value_cells[1] = g_hash_table_new (NULL, NULL);
  self->name_cells = g_hash_table_new (NULL, NULL);

  self->settings = g_settings_new (APPLICATION_ID);
  self->style = g_settings_get_enum (self->settings, "number-style");
  g_signal_connect_object (self->settings, "changed::number-style",
                           G_CALLBACK (number_style_changed_cb), self, G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "figures-pane-position",
                   self->figures_paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "chart-pane-position",
                   self->chart_paned, "position", G_SETTINGS_BIND_DEFAULT);

  add_column (self, COLUMN_METRIC, _("Metric"), TRUE, -1);
  add_column (self, COLUMN_CURRENT, _("Current"), FALSE, -1);
  add_column (self, COLUMN_PRIOR, _("Prior"), FALSE, -1);
  add_column (self, COLUMN_CHANGE, _("Change"), FALSE, -1);
  add_column (self, COLUMN_CHANGE_PERCENT, _("Change %"), FALSE, -1);
  add_column (self, COLUMN_STATUS, _("Status"), FALSE, -1);
  /* Translators: the title of the column of cross-check marks */
  add_column (self, COLUMN_CHECK, _("Check"), FALSE, -1);
}

GtkWidget *
readout_release_view_new (ReadoutDocument *document,
                          const char      *review_dir)
{
  ReadoutReleaseView *self;

  g_return_val_if_fail (READOUT_IS_DOCUMENT (document), NULL);

  self = g_object_new (READOUT_TYPE_RELEASE_VIEW, "document", document, NULL);
  self->review_dir = g_strdup (review_dir);
  return GTK_WIDGET (self);
}

ReadoutDocument *
readout_release_view_get_document (ReadoutReleaseView *self)
{
  g_return_val_if_fail (READOUT_IS_RELEASE_VIEW (self), NULL);
  return self->document;
}

ReadoutUndoStack *
readout_release_view_get_undo_stack (ReadoutReleaseView *self)
{
  g_return_val_if_fail (READOUT_IS_RELEASE_VIEW (self), NULL);
  return self->undo_stack;
}

GtkWidget *
readout_release_view_get_chart (ReadoutReleaseView *self)
{
  g_return_val_if_fail (READOUT_IS_RELEASE_VIEW (self), NULL);
  return self->chart_view;
}

char *
readout_release_view_dup_subtitle (ReadoutReleaseView *self)
{
  const char *company, *period;

  g_return_val_if_fail (READOUT_IS_RELEASE_VIEW (self), NULL);

  company = readout_document_get_company (self->document);
  period = readout_document_get_period (self->document);
  if (company != NULL && period != NULL)
    /* Translators: window subtitle, company and reporting period */
    return g_strdup_printf (_("%s · %s"), company, period);
  return g_strdup (company != NULL ? company : period != NULL ? period : "");
}

gboolean
readout_release_view_get_modified (ReadoutReleaseView *self)
{
  g_return_val_if_fail (READOUT_IS_RELEASE_VIEW (self), FALSE);
  return self->modified;
}

void
readout_release_view_set_modified (ReadoutReleaseView *self,
                                   gboolean            modified)
{
  g_return_if_fail (READOUT_IS_RELEASE_VIEW (self));

  modified = !!modified;
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  emit_state_changed (self);
}

ReadoutFigure *
readout_release_view_get_selected (ReadoutReleaseView *self)
{
  g_return_val_if_fail (READOUT_IS_RELEASE_VIEW (self), NULL);
  if (self->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}

gboolean
readout_release_view_select_figure (ReadoutReleaseView *self,
                                    ReadoutFigure      *figure)
{
  GListModel *figures;
  guint n;

  g_return_val_if_fail (READOUT_IS_RELEASE_VIEW (self), FALSE);

  figures = readout_document_get_figures (self->document);
  n = g_list_model_get_n_items (figures);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReadoutFigure) item = g_list_model_get_item (figures, i);
      if (item == figure)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

void
readout_release_view_focus_list (ReadoutReleaseView *self)
{
  g_return_if_fail (READOUT_IS_RELEASE_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

gboolean
readout_release_view_can_delete (ReadoutReleaseView *self)
{
  ReadoutFigure *figure = readout_release_view_get_selected (self);

  return figure != NULL && readout_figure_get_status (figure) == READOUT_STATUS_ADDED;
}

gboolean
readout_release_view_can_confirm (ReadoutReleaseView *self)
{
  ReadoutFigure *figure = readout_release_view_get_selected (self);
  ReadoutStatus status;

  if (figure == NULL)
    return FALSE;
  status = readout_figure_get_status (figure);
  return status == READOUT_STATUS_EXTRACTED || status == READOUT_STATUS_CONFIRMED;
}

void
readout_release_view_add_row (ReadoutReleaseView *self)
{
  ReadoutFigure *figure;

  g_return_if_fail (READOUT_IS_RELEASE_VIEW (self));

  figure = readout_undo_stack_add_figure (self->undo_stack, NULL, 0, 0);
  readout_release_view_select_figure (self, figure);
  readout_release_view_focus_list (self);
}

void
readout_release_view_delete_row (ReadoutReleaseView *self)
{
  ReadoutFigure *figure = readout_release_view_get_selected (self);

  g_return_if_fail (READOUT_IS_RELEASE_VIEW (self));

  if (figure == NULL || !readout_undo_stack_remove_figure (self->undo_stack, figure))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      show_toast (self, _("Only rows you added can be deleted"));
    }
}

void
readout_release_view_toggle_confirmed (ReadoutReleaseView *self)
{
  ReadoutFigure *figure = readout_release_view_get_selected (self);

  g_return_if_fail (READOUT_IS_RELEASE_VIEW (self));

  if (figure == NULL || !readout_undo_stack_toggle_confirmed (self->undo_stack, figure))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      show_toast (self, _("Only extracted rows can be confirmed"));
    }
}

void
readout_release_view_add_from_selection (ReadoutReleaseView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *selected = NULL;
  g_autofree char *label = NULL;
  ReadoutFigure *figure;
  const char *text;
  gsize len, from, to;
  double value;

  g_return_if_fail (READOUT_IS_RELEASE_VIEW (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  text = document_text (self, &len);
  if (text == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      show_toast (self, _("Select the figure’s text in the release first"));
      return;
    }

  from = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&start)) - text;
  to = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&end)) - text;
  selected = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));

  /* A selected amount fills the current value; a short phrase names the row. */
  if (!readout_amount_parse_input (selected, &value) && g_utf8_strlen (selected, -1) <= 60)
    label = g_strdup (selected);

  figure = readout_undo_stack_add_figure (self->undo_stack, label, (guint) MIN (from, len), (guint) MIN (to, len));
  if (label == NULL && readout_amount_parse_input (selected, &value))
    readout_undo_stack_edit_current (self->undo_stack, figure, TRUE, value);
  readout_release_view_select_figure (self, figure);
}

void
readout_release_view_undo (ReadoutReleaseView *self)
{
  ReadoutFigure *figure;

  g_return_if_fail (READOUT_IS_RELEASE_VIEW (self));

  figure = readout_undo_stack_undo (self->undo_stack);
  if (figure != NULL)
    readout_release_view_select_figure (self, figure);
}

void
readout_release_view_redo (ReadoutReleaseView *self)
{
  ReadoutFigure *figure;

  g_return_if_fail (READOUT_IS_RELEASE_VIEW (self));

  figure = readout_undo_stack_redo (self->undo_stack);
  if (figure != NULL)
    readout_release_view_select_figure (self, figure);
}

void
readout_release_view_edit_selected (ReadoutReleaseView *self,
                                    gboolean            prior)
{
  ReadoutFigure *figure = readout_release_view_get_selected (self);
  GtkWidget *label;

  g_return_if_fail (READOUT_IS_RELEASE_VIEW (self));

  if (figure == NULL)
    return;
  label = g_hash_table_lookup (self->value_cells[!!prior], figure);
  if (label == NULL)
    return;
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (label));
  gtk_widget_grab_focus (label);
}

void
readout_release_view_rename_selected (ReadoutReleaseView *self)
{
  ReadoutFigure *figure = readout_release_view_get_selected (self);
  GtkWidget *label;

  g_return_if_fail (READOUT_IS_RELEASE_VIEW (self));

  label = figure != NULL ? g_hash_table_lookup (self->name_cells, figure) : NULL;
  if (label == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      show_toast (self, _("Only rows you added can be renamed"));
      return;
    }
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (label));
  gtk_widget_grab_focus (label);
}
