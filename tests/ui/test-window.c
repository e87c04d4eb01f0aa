/* test-window.c: the window's widgets (skip without a display).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "readout-preferences-window.h"
#include "readout-release-view.h"
#include "test-window-common.h"

typedef struct
{
  ReadoutWindow      *window;
  ReadoutReleaseView *view;
  ReadoutDocument    *document;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = NULL;

  if (!have_display)
    return;

  settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (settings, "number-style");

  /* Each test starts without review state. */
  {
    g_autofree char *reviews = g_build_filename (data_home, "readout", NULL);
    remove_tree (reviews);
  }

  f->document = load_seed_or_skip ();
  if (f->document == NULL)
    return;

  f->window = readout_window_new (get_app ());
  f->view = readout_window_add_document (f->window, f->document);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate (200);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    {
      /* Leave without the "export first?" question. */
      if (f->view != NULL)
        readout_release_view_set_modified (f->view, FALSE);
      destroy_window (f->window);
    }
  g_clear_object (&f->document);
}

/* Every template builds (a 4.10+ property in a .ui fails only here). */
static void
test_templates (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *prefs;

  REQUIRE_DISPLAY ();

  prefs = readout_preferences_window_new ();
  g_assert_true (READOUT_IS_PREFERENCES_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (prefs));

  builder = gtk_builder_new_from_resource ("/io/github/readout/Readout/gtk/help-overlay.ui");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

static void
test_empty_window (void)
{
  ReadoutWindow *window;

  REQUIRE_DISPLAY ();

  window = readout_window_new (get_app ());
  gtk_window_present (GTK_WINDOW (window));
  iterate (100);
  g_assert_null (readout_window_get_current_view (window));
  destroy_window (window);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *column_view;
  GListModel *columns;

  REQUIRE_DISPLAY ();
  if (f->view == NULL)
    return;

  g_assert_true (readout_window_get_current_view (f->window) == f->view);
  column_view = gtk_widget_get_first_child (GTK_WIDGET (f->view));
  while (column_view != NULL && !GTK_IS_COLUMN_VIEW (column_view))
    {
      GtkWidget *child = gtk_widget_get_first_child (column_view);
      column_view = child;
    }
  g_assert_nonnull (column_view);
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 7);
  /* Every catalogue metric has a row, found or not. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)))),
                    ==, READOUT_N_CATALOGUE_METRICS);
}

static void
test_edit_cell (Fixture       *f,
                gconstpointer  data)
{
  ReadoutFigure *rd;
  GtkWidget *focus, *label;

  REQUIRE_DISPLAY ();
  if (f->view == NULL)
    return;

  rd = readout_document_get_figure (f->document, READOUT_METRIC_RD_EXPENSE);
  g_assert_true (readout_release_view_select_figure (f->view, rd));
  iterate (100);

  /* F2's path: the current cell of the selected row starts editing. */
  readout_release_view_edit_selected (f->view, FALSE);
  iterate (50);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  label = gtk_widget_get_ancestor (focus, GTK_TYPE_EDITABLE_LABEL);
  g_assert_nonnull (label);
  g_assert_true (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (label)));

  gtk_editable_set_text (GTK_EDITABLE (label), "3.3m");
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (label), TRUE);
  g_assert_true (readout_figure_get_has_current (rd));
  g_assert_cmpfloat (readout_figure_get_current (rd), ==, 3300000);
  g_assert_cmpint (readout_figure_get_status (rd), ==, READOUT_STATUS_EDITED);
  g_assert_true (readout_release_view_get_modified (f->view));
  /* The cell shows the model again, formatted. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (label)), ==, "$3.3M");

  /* Refused input: the bell, and the old value stays. */
  readout_release_view_edit_selected (f->view, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (label), "three million");
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (label), TRUE);
  g_assert_cmpfloat (readout_figure_get_current (rd), ==, 3300000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (label)), ==, "$3.3M");

  /* Escape never edits. */
  readout_release_view_edit_selected (f->view, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (label), "9");
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (label), FALSE);
  g_assert_cmpfloat (readout_figure_get_current (rd), ==, 3300000);

  /* Leaving the cell keeps what was typed, as Enter does. */
  readout_release_view_edit_selected (f->view, FALSE);
  g_assert_true (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (label)));
  gtk_editable_set_text (GTK_EDITABLE (label), "4.4m");
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  iterate (50);
  g_assert_false (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (label)));
  g_assert_cmpfloat (readout_figure_get_current (rd), ==, 4400000);
}

/* Closing a release while one of its cells is being edited. */
static void
test_close_while_editing (Fixture       *f,
                          gconstpointer  data)
{
  AdwTabView *tab_view;
  GtkWidget *parent;

  REQUIRE_DISPLAY ();
  if (f->view == NULL)
    return;

  g_assert_true (readout_release_view_select_figure (f->view,
                   readout_document_get_figure (f->document, READOUT_METRIC_RD_EXPENSE)));
  iterate (100);
  readout_release_view_edit_selected (f->view, FALSE);
  iterate (50);

  for (parent = gtk_widget_get_parent (GTK_WIDGET (f->view));
       parent != NULL && !ADW_IS_TAB_VIEW (parent);
       parent = gtk_widget_get_parent (parent))
    ;
  g_assert_nonnull (parent);
  tab_view = ADW_TAB_VIEW (parent);
  readout_release_view_set_modified (f->view, FALSE);
  adw_tab_view_close_page (tab_view, adw_tab_view_get_page (tab_view, GTK_WIDGET (f->view)));
  iterate (300);
  g_assert_null (readout_window_get_current_view (f->window));
  f->view = NULL;
}

static void
test_commit_input (Fixture       *f,
                   gconstpointer  data)
{
  ReadoutFigure *figure;
  g_autofree char *shown = NULL;

  REQUIRE_DISPLAY ();
  if (f->view == NULL)
    return;

  figure = readout_document_get_figure (f->document, READOUT_METRIC_SHARES_WEIGHTED);
  g_assert_true (readout_release_view_commit_input (f->view, figure, TRUE, "(3.1)"));
  g_assert_cmpfloat (readout_figure_get_prior (figure), ==, -3.1);
  g_assert_true (readout_release_view_commit_input (f->view, figure, TRUE, "$2,200,000"));
  g_assert_cmpfloat (readout_figure_get_prior (figure), ==, 2200000);
  g_assert_false (readout_release_view_commit_input (f->view, figure, TRUE, "2.2 apples"));
  g_assert_cmpfloat (readout_figure_get_prior (figure), ==, 2200000);
  /* Emptying a cell makes the value unknown. */
  g_assert_true (readout_release_view_commit_input (f->view, figure, TRUE, ""));
  g_assert_false (readout_figure_get_has_prior (figure));
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  ReadoutFigure *ga;
  double before;
  gboolean had;
  guint n;

  REQUIRE_DISPLAY ();
  if (f->view == NULL)
    return;

  ga = readout_document_get_figure (f->document, READOUT_METRIC_GA_EXPENSE);
  had = readout_figure_get_has_current (ga);
  before = readout_figure_get_current (ga);
  g_assert_true (readout_release_view_commit_input (f->view, ga, FALSE, "12k"));
  g_assert_cmpfloat (readout_figure_get_current (ga), ==, 12000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpint (readout_figure_get_has_current (ga), ==, had);
  g_assert_cmpfloat (readout_figure_get_current (ga), ==, before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  g_assert_cmpfloat (readout_figure_get_current (ga), ==, 12000);

  n = g_list_model_get_n_items (readout_document_get_figures (f->document));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-row", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (readout_document_get_figures (f->document)), ==, n + 1);
  g_assert_true (readout_release_view_can_delete (f->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-row", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (readout_document_get_figures (f->document)), ==, n);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (readout_document_get_figures (f->document)), ==, n + 1);
}

static char *
read_csv_row (const char *path,
              const char *metric)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *needle = g_strdup_printf (",%s,", metric);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "file,company,period,metric,"));
  lines = g_strsplit (contents, "\r\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      return g_strdup (lines[i]);
  return NULL;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *row = NULL;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  ReadoutFigure *rd;

  REQUIRE_DISPLAY ();
  if (f->view == NULL)
    return;

  rd = readout_document_get_figure (f->document, READOUT_METRIC_RD_EXPENSE);
  g_assert_true (readout_release_view_commit_input (f->view, rd, FALSE, "3.4m"));
  g_assert_true (readout_release_view_get_modified (f->view));

  dir = make_temp_dir ();
  path = g_build_filename (dir, "out.csv", NULL);
  g_ptr_array_add (views, f->view);
  g_assert_true (readout_window_export_to_path (f->window, views, path, &error));
  g_assert_no_error (error);
  g_assert_false (readout_release_view_get_modified (f->view));

  row = read_csv_row (path, "rd_expense");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (row, ",3400000,"));
  g_assert_nonnull (strstr (row, ",edited,"));

  /* A folder that does not exist: an error naming the file, no crash. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "missing", "out.csv", NULL);
  g_assert_false (readout_window_export_to_path (f->window, views, path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "out.csv"));
  remove_tree (dir);
}

static void
test_export_chart (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const names[] = { "chart.png", "chart.svg", "chart.pdf" };
  g_autofree char *dir = NULL;

  REQUIRE_DISPLAY ();
  if (f->view == NULL)
    return;

  dir = make_temp_dir ();
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GError) error = NULL;
      GStatBuf st;

      g_assert_true (readout_window_export_chart_to_path (f->window, f->view, path, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 0);
    }
  remove_tree (dir);
}

static void
test_number_style (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = NULL;
  ReadoutFigure *rd;
  GtkWidget *label;

  REQUIRE_DISPLAY ();
  if (f->view == NULL)
    return;

  rd = readout_document_get_figure (f->document, READOUT_METRIC_RD_EXPENSE);
  g_assert_true (readout_release_view_commit_input (f->view, rd, FALSE, "$2,234,567"));
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (settings, "number-style", "full");
  readout_release_view_select_figure (f->view, rd);
  iterate (200);
  readout_release_view_edit_selected (f->view, FALSE);
  label = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_TYPE_EDITABLE_LABEL);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (label)), ==, "$2,234,567");
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (label), TRUE);
  g_assert_cmpfloat (readout_figure_get_current (rd), ==, 2234567);

  /* Short shows $2.23M; Enter on it changes nothing (no rounding edit). */
  g_settings_set_string (settings, "number-style", "short");
  iterate (200);
  g_assert_true (readout_release_view_commit_input (f->view, rd, FALSE, "$2.23M"));
  g_assert_cmpfloat (readout_figure_get_current (rd), ==, 2234567);
}

static void
test_add_from_selection (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *text_view = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GListModel *figures;
  g_autoptr(ReadoutFigure) added = NULL;
  guint n;

  REQUIRE_DISPLAY ();
  if (f->view == NULL)
    return;

  for (GtkWidget *w = GTK_WIDGET (f->view); w != NULL; )
    {
      if (GTK_IS_TEXT_VIEW (w))
        {
          text_view = w;
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (text_view);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));

  /* Nothing selected: the bell, no row. */
  figures = readout_document_get_figures (f->document);
  n = g_list_model_get_n_items (figures);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-from-selection", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, n);

  /* "$2.2 million" selected: a row with that value and source. */
  g_assert_true (gtk_text_iter_forward_search (&start, "$2.2 million", 0, &start, &end, NULL));
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-from-selection", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, n + 1);
  added = g_list_model_get_item (figures, n);
  g_assert_cmpint (readout_figure_get_status (added), ==, READOUT_STATUS_ADDED);
  g_assert_cmpfloat (readout_figure_get_current (added), ==, 2200000);
  g_assert_cmpstr (readout_figure_get_source (added), ==, "$2.2 million");
  {
    gsize len;
    const char *text = readout_text_get_text (readout_document_get_text (f->document), &len);
    g_assert_cmpint (strncmp (text + readout_figure_get_source_start (added), "$2.2 million", 12), ==, 0);
  }
}

/* Selecting a figure scrolls the release text to its source. */
static void
test_scroll_to_source (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "corpus", "raw", "010_mannkind-2026q2.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ReadoutDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  ReadoutReleaseView *view;
  GtkWidget *w;
  GtkAdjustment *adjustment;

  REQUIRE_DISPLAY ();
  if (f->view == NULL)
    return;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no corpus release");
      return;
    }

  document = readout_document_load (file, NULL, &error);
  g_assert_no_error (error);
  view = readout_window_add_document (f->window, document);
  iterate (1500);

  /* The text's scrolled window is the last one in the view. */
  w = gtk_widget_get_last_child (gtk_widget_get_last_child (gtk_widget_get_first_child (GTK_WIDGET (view))));
  while (w != NULL && !GTK_IS_SCROLLED_WINDOW (w))
    w = gtk_widget_get_last_child (w);
  g_assert_nonnull (w);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (w));
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (gtk_adjustment_get_value (adjustment) <= 0 && g_get_monotonic_time () < deadline)
      iterate (50);
  }
  g_test_message ("value %f upper %f", gtk_adjustment_get_value (adjustment), gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  readout_release_view_select_figure (view, readout_document_get_figure (document, READOUT_METRIC_NET_INCOME));
  {
    double before = gtk_adjustment_get_value (adjustment);
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (gtk_adjustment_get_value (adjustment) <= before && g_get_monotonic_time () < deadline)
      iterate (50);
    g_test_message ("value %f upper %f", gtk_adjustment_get_value (adjustment), gtk_adjustment_get_upper (adjustment));
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, before);
  }
}

/* Dropping files opens them in worker threads, one tab each; a file that
 * cannot be read is refused without a tab. */
static void
test_drop_files (void)
{
  g_autofree char *seed = g_test_build_filename (G_TEST_DIST, "..", "data", "seed-cellectar-q2-2017.txt", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *empty = NULL;
  g_autoptr(GListModel) controllers = NULL;
  GtkDropTarget *target = NULL;
  GSList *files = NULL;
  GdkFileList *list;
  GValue value = G_VALUE_INIT;
  ReadoutWindow *window;
  gboolean accepted = FALSE;
  gint64 deadline;

  REQUIRE_DISPLAY ();

  dir = make_temp_dir ();
  empty = g_build_filename (dir, "empty.txt", NULL);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));

  window = readout_window_new (get_app ());
  gtk_window_present (GTK_WINDOW (window));
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  files = g_slist_append (files, g_file_new_for_path (seed));
  files = g_slist_append (files, g_file_new_for_path (empty));
  list = gdk_file_list_new_from_list (files);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, list);
  g_signal_emit_by_name (target, "drop", &value, 0.0, 0.0, &accepted);
  g_value_unset (&value);
  g_slist_free_full (files, g_object_unref);
  g_assert_true (accepted);
  g_assert_cmpuint (readout_window_get_n_loading (window), ==, 2);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (readout_window_get_n_loading (window) > 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (readout_window_get_n_loading (window), ==, 0);

  g_assert_nonnull (readout_window_get_current_view (window));
  g_assert_cmpstr (readout_document_get_file_name (readout_release_view_get_document (readout_window_get_current_view (window))),
                   ==, "seed-cellectar-q2-2017.txt");

  /* The same file again selects its tab instead of loading it twice. */
  {
    g_autoptr(GFile) again = g_file_new_for_path (seed);
    readout_window_open_files (window, &again, 1);
    g_assert_cmpuint (readout_window_get_n_loading (window), ==, 0);
  }

  destroy_window (window);
  remove_tree (dir);
}

static void
test_review_restored (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ReadoutDocument) again = NULL;
  ReadoutReleaseView *view;
  ReadoutFigure *cash;

  REQUIRE_DISPLAY ();
  if (f->view == NULL)
    return;

  cash = readout_document_get_figure (f->document, READOUT_METRIC_CASH);
  g_assert_true (readout_release_view_commit_input (f->view, cash, FALSE, "8.25m"));

  /* Opening the same bytes again brings the correction back. */
  again = load_seed_or_skip ();
  view = readout_window_add_document (f->window, again);
  cash = readout_document_get_figure (again, READOUT_METRIC_CASH);
  g_assert_cmpfloat (readout_figure_get_current (cash), ==, 8250000);
  g_assert_cmpint (readout_figure_get_status (cash), ==, READOUT_STATUS_EDITED);
  readout_release_view_set_modified (view, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  window_test_init (&argc, &argv);

  g_test_add_func ("/window/templates", test_templates);
  g_test_add_func ("/window/empty", test_empty_window);
  g_test_add ("/window/list", Fixture, NULL, fixture_setup, test_list, fixture_teardown);
  g_test_add ("/window/edit-cell", Fixture, NULL, fixture_setup, test_edit_cell, fixture_teardown);
  g_test_add ("/window/close-while-editing", Fixture, NULL, fixture_setup, test_close_while_editing, fixture_teardown);
  g_test_add ("/window/commit-input", Fixture, NULL, fixture_setup, test_commit_input, fixture_teardown);
  g_test_add ("/window/undo", Fixture, NULL, fixture_setup, test_undo, fixture_teardown);
  g_test_add ("/window/export", Fixture, NULL, fixture_setup, test_export, fixture_teardown);
  g_test_add ("/window/export-chart", Fixture, NULL, fixture_setup, test_export_chart, fixture_teardown);
  g_test_add ("/window/number-style", Fixture, NULL, fixture_setup, test_number_style, fixture_teardown);
  g_test_add ("/window/add-from-selection", Fixture, NULL, fixture_setup, test_add_from_selection, fixture_teardown);
  g_test_add ("/window/scroll-to-source", Fixture, NULL, fixture_setup, test_scroll_to_source, fixture_teardown);
  g_test_add_func ("/window/drop-files", test_drop_files);
  g_test_add ("/window/review-restored", Fixture, NULL, fixture_setup, test_review_restored, fixture_teardown);

  result = g_test_run ();
  window_test_cleanup ();
  return result;
}
