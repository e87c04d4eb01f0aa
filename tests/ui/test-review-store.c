/* test-review-store.c: review state and undo, without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "readout-review-store.h"
#include "readout-undo-stack.h"
#include "test-common.h"

static void
test_save_restore (void)
{
  g_autoptr(ReadoutDocument) document = load_seed_or_skip ();
  g_autoptr(ReadoutDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = NULL;
  ReadoutFigure *rd, *ga, *added, *figure;
  ReadoutStatus ga_status;
  gboolean restored = TRUE;
  guint n;

  if (document == NULL)
    return;

  path = readout_review_store_path_for (document, dir);
  g_assert_true (g_str_has_suffix (path, ".ini"));
  g_assert_nonnull (strstr (path, readout_document_get_content_hash (document)));

  /* Nothing reviewed: nothing written, nothing restored. */
  g_assert_false (readout_review_store_has_review (document));
  g_assert_true (readout_review_store_save (document, dir, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (readout_review_store_restore (document, dir, &restored, &error));
  g_assert_false (restored);

  rd = readout_document_get_figure (document, READOUT_METRIC_RD_EXPENSE);
  readout_figure_edit_current (rd, TRUE, 3300000);
  readout_figure_edit_prior (rd, FALSE, 0);
  ga = readout_document_get_figure (document, READOUT_METRIC_GA_EXPENSE);
  if (readout_figure_get_status (ga) == READOUT_STATUS_EXTRACTED)
    readout_figure_set_status (ga, READOUT_STATUS_CONFIRMED);
  ga_status = readout_figure_get_status (ga);
  added = readout_document_add_figure (document, "Grant revenue", 10, 40);
  readout_figure_edit_current (added, TRUE, -0.25);

  g_assert_true (readout_review_store_save (document, dir, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  again = load_seed_or_skip ();
  g_assert_true (readout_review_store_restore (again, dir, &restored, &error));
  g_assert_no_error (error);
  g_assert_true (restored);

  figure = readout_document_get_figure (again, READOUT_METRIC_RD_EXPENSE);
  g_assert_cmpint (readout_figure_get_status (figure), ==, READOUT_STATUS_EDITED);
  g_assert_true (readout_figure_get_has_current (figure));
  g_assert_cmpfloat (readout_figure_get_current (figure), ==, 3300000);
  g_assert_false (readout_figure_get_has_prior (figure));
  g_assert_cmpint (readout_figure_get_status (readout_document_get_figure (again, READOUT_METRIC_GA_EXPENSE)), ==, ga_status);

  n = g_list_model_get_n_items (readout_document_get_figures (again));
  g_assert_cmpuint (n, ==, READOUT_N_CATALOGUE_METRICS + 1);
  figure = g_list_model_get_item (readout_document_get_figures (again), n - 1);
  g_assert_cmpstr (readout_figure_get_label (figure), ==, "Grant revenue");
  g_assert_cmpint (readout_figure_get_status (figure), ==, READOUT_STATUS_ADDED);
  g_assert_cmpuint (readout_figure_get_source_start (figure), ==, 10);
  g_assert_cmpuint (readout_figure_get_source_end (figure), ==, 40);
  g_assert_cmpfloat (readout_figure_get_current (figure), ==, -0.25);
  g_object_unref (figure);

  /* Back to nothing reviewed: the file goes away. */
  g_assert_true (readout_document_remove_figure (document, added));
  readout_figure_set_status (rd, READOUT_STATUS_EXTRACTED);
  readout_figure_set_status (ga, READOUT_STATUS_EXTRACTED);
  g_assert_true (readout_review_store_save (document, dir, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

static void
test_corrupt (void)
{
  g_autoptr(ReadoutDocument) document = load_seed_or_skip ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = NULL;
  gboolean restored;

  if (document == NULL)
    return;

  path = readout_review_store_path_for (document, dir);
  g_assert_true (g_file_set_contents (path, "[metric rd_expense]\nstatus=bogus\n", -1, NULL));
  g_assert_false (readout_review_store_restore (document, dir, &restored, &error));
  g_assert_nonnull (error);
  /* The message names the release. */
  g_assert_nonnull (strstr (error->message, "seed-cellectar-q2-2017.txt"));
  remove_tree (dir);
}

static void
test_undo_redo (void)
{
  g_autoptr(ReadoutDocument) document = load_seed_or_skip ();
  g_autoptr(ReadoutUndoStack) undo = NULL;
  ReadoutFigure *rd, *added;
  gboolean had_current;
  double current;
  ReadoutStatus status;
  guint n;

  if (document == NULL)
    return;

  undo = readout_undo_stack_new (document);
  rd = readout_document_get_figure (document, READOUT_METRIC_RD_EXPENSE);
  had_current = readout_figure_get_has_current (rd);
  current = readout_figure_get_current (rd);
  status = readout_figure_get_status (rd);
  n = g_list_model_get_n_items (readout_document_get_figures (document));

  g_assert_false (readout_undo_stack_can_undo (undo));
  g_assert_true (readout_undo_stack_edit_current (undo, rd, TRUE, 4400000));
  g_assert_true (readout_undo_stack_can_undo (undo));
  g_assert_cmpint (readout_figure_get_status (rd), ==, READOUT_STATUS_EDITED);
  /* The same value again is no step. */
  g_assert_false (readout_undo_stack_edit_current (undo, rd, TRUE, 4400000));

  added = readout_undo_stack_add_figure (undo, "Milestone", 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (readout_document_get_figures (document)), ==, n + 1);
  g_assert_true (readout_undo_stack_edit_prior (undo, added, TRUE, 1000));
  g_assert_true (readout_undo_stack_remove_figure (undo, added));
  g_assert_cmpuint (g_list_model_get_n_items (readout_document_get_figures (document)), ==, n);

  /* Undo everything, in reverse. */
  g_assert_true (readout_undo_stack_undo (undo) == added);
  g_assert_cmpuint (g_list_model_get_n_items (readout_document_get_figures (document)), ==, n + 1);
  g_assert_true (readout_undo_stack_undo (undo) == added);
  g_assert_false (readout_figure_get_has_prior (added));
  g_assert_true (readout_undo_stack_undo (undo) == added);
  g_assert_cmpuint (g_list_model_get_n_items (readout_document_get_figures (document)), ==, n);
  g_assert_true (readout_undo_stack_undo (undo) == rd);
  g_assert_cmpint (readout_figure_get_has_current (rd), ==, had_current);
  g_assert_cmpfloat (readout_figure_get_current (rd), ==, current);
  g_assert_cmpint (readout_figure_get_status (rd), ==, status);
  g_assert_false (readout_undo_stack_can_undo (undo));
  g_assert_null (readout_undo_stack_undo (undo));

  /* And redo it. */
  g_assert_true (readout_undo_stack_can_redo (undo));
  g_assert_true (readout_undo_stack_redo (undo) == rd);
  g_assert_cmpfloat (readout_figure_get_current (rd), ==, 4400000);
  g_assert_true (readout_undo_stack_redo (undo) == added);
  g_assert_cmpuint (g_list_model_get_n_items (readout_document_get_figures (document)), ==, n + 1);
  g_assert_true (readout_undo_stack_redo (undo) == added);
  g_assert_cmpfloat (readout_figure_get_prior (added), ==, 1000);

  /* A new edit drops what could be redone. */
  g_assert_true (readout_undo_stack_can_redo (undo));
  g_assert_true (readout_undo_stack_set_label (undo, added, "Milestone revenue"));
  g_assert_false (readout_undo_stack_can_redo (undo));
}

static void
test_confirm (void)
{
  g_autoptr(ReadoutDocument) document = load_seed_or_skip ();
  g_autoptr(ReadoutUndoStack) undo = NULL;
  ReadoutFigure *figure;

  if (document == NULL)
    return;

  undo = readout_undo_stack_new (document);
  figure = readout_document_get_figure (document, READOUT_METRIC_NET_INCOME);
  g_assert_cmpint (readout_figure_get_status (figure), ==, READOUT_STATUS_EXTRACTED);
  g_assert_true (readout_undo_stack_toggle_confirmed (undo, figure));
  g_assert_cmpint (readout_figure_get_status (figure), ==, READOUT_STATUS_CONFIRMED);
  g_assert_true (readout_undo_stack_toggle_confirmed (undo, figure));
  g_assert_cmpint (readout_figure_get_status (figure), ==, READOUT_STATUS_EXTRACTED);
  readout_undo_stack_undo (undo);
  g_assert_cmpint (readout_figure_get_status (figure), ==, READOUT_STATUS_CONFIRMED);

  /* An edited row is not "confirmed": it says what the reader changed. */
  readout_undo_stack_edit_current (undo, figure, TRUE, 1);
  g_assert_false (readout_undo_stack_toggle_confirmed (undo, figure));
}

/* The window saves after every change; a process killed right after an
 * edit keeps it.  The child edits through the same path and SIGKILLs
 * itself; the parent opens the release again and finds the edit. */
static void
save_on_change_cb (ReadoutUndoStack *undo,
                   const char       *dir)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (readout_review_store_save (readout_undo_stack_get_document (undo), dir, &error));
  g_assert_no_error (error);
}

static void
test_kill9 (void)
{
  g_autoptr(ReadoutDocument) probe = load_seed_or_skip ();
  const char *dir = g_getenv ("READOUT_TEST_REVIEW_DIR");

  if (probe == NULL)
    return;

  if (g_test_subprocess ())
    {
      g_autoptr(ReadoutUndoStack) undo = readout_undo_stack_new (probe);
      ReadoutFigure *rd = readout_document_get_figure (probe, READOUT_METRIC_RD_EXPENSE);

      g_signal_connect (undo, "changed", G_CALLBACK (save_on_change_cb), (gpointer) dir);
      readout_undo_stack_edit_current (undo, rd, TRUE, 5550000);
      readout_undo_stack_toggle_confirmed (undo, readout_document_get_figure (probe, READOUT_METRIC_CASH));
      kill (getpid (), SIGKILL);
      g_assert_not_reached ();
    }
  else
    {
      g_autofree char *tmp = make_temp_dir ();
      g_autoptr(ReadoutDocument) reopened = NULL;
      g_autoptr(GError) error = NULL;
      gboolean restored = FALSE;
      ReadoutFigure *rd;

      g_setenv ("READOUT_TEST_REVIEW_DIR", tmp, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_failed ();
      g_unsetenv ("READOUT_TEST_REVIEW_DIR");

      reopened = load_seed_or_skip ();
      g_assert_true (readout_review_store_restore (reopened, tmp, &restored, &error));
      g_assert_no_error (error);
      g_assert_true (restored);
      rd = readout_document_get_figure (reopened, READOUT_METRIC_RD_EXPENSE);
      g_assert_cmpint (readout_figure_get_status (rd), ==, READOUT_STATUS_EDITED);
      g_assert_cmpfloat (readout_figure_get_current (rd), ==, 5550000);
      remove_tree (tmp);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review-store/save-restore", test_save_restore);
  g_test_add_func ("/review-store/corrupt", test_corrupt);
  g_test_add_func ("/review-store/kill-9", test_kill9);
  g_test_add_func ("/undo-stack/undo-redo", test_undo_redo);
  g_test_add_func ("/undo-stack/confirm", test_confirm);

  return g_test_run ();
}
