/* test-common.h: the seed release for the window's tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>

#include "readout-document.h"
#include "readout-error.h"

/* Loads the seed release, or skips the test (returning NULL) while the
 * figure extractor finds nothing in it. */
static inline ReadoutDocument *
load_seed_or_skip (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "seed-cellectar-q2-2017.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ReadoutDocument *document = readout_document_load (file, NULL, &error);

  if (document == NULL)
    {
      if (g_error_matches (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_NO_FIGURES))
        g_test_skip ("the extractor finds no figures in the seed release yet");
      else
        g_test_fail_printf ("%s", error->message);
    }
  return document;
}

static inline char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("readout-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}
