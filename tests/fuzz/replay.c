/* replay: feeds files through the code paths of a fuzz target, without
 * libFuzzer, so the regression inputs and seeds run in every build (and
 * under ASan/UBSan in CI).
 *
 *   replay TARGET FILE-OR-DIR...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

/* As libFuzzer's -max_len for the slow targets: seeds from tests/data can
 * be far larger than what the fuzzer feeds. */
static gsize max_len = G_MAXSIZE;

static guint
replay_file (ReadoutFuzzFunc  func,
             const char      *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize size;

  if (!g_file_get_contents (path, &contents, &size, &error))
    {
      g_printerr ("%s\n", error->message);
      exit (1);
    }
  g_print ("# %s (%" G_GSIZE_FORMAT " bytes)\n", path, size);
  func ((const guint8 *) contents, MIN (size, max_len));
  return 1;
}

static guint
replay_path (ReadoutFuzzFunc  func,
             const char      *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;
  guint n = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return replay_file (func, path);

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return 0;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) g_ascii_strcasecmp);
  for (guint i = 0; i < names->len; i++)
    if (g_file_test (g_ptr_array_index (names, i), G_FILE_TEST_IS_REGULAR))
      n += replay_file (func, g_ptr_array_index (names, i));
  return n;
}

int
main (int    argc,
      char **argv)
{
  ReadoutFuzzFunc func;
  guint n = 0;
  int first = 2;

  if (argc < 3 || (func = readout_fuzz_lookup (argv[1])) == NULL)
    {
      g_printerr ("usage: %s text|html|pdf|csv|amount [--max-len=N] FILE-OR-DIR...\n", argv[0]);
      return 2;
    }
  if (g_str_has_prefix (argv[2], "--max-len="))
    {
      max_len = g_ascii_strtoull (argv[2] + strlen ("--max-len="), NULL, 10);
      first = 3;
    }

  readout_fuzz_init ();
  for (int i = first; i < argc; i++)
    n += replay_path (func, argv[i]);
  g_print ("%u inputs replayed through %s\n", n, argv[1]);
  return 0;
}
