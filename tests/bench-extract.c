/* bench-extract.c: how fast a release becomes figures (not a test).
 *
 * usage: bench-extract FILE...
 * Prints the time per release over the given files (each loaded, normalized
 * and extracted from memory, CPU time), and the throughput on one large
 * text made by concatenating them until it reaches 100 MB.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "readout-document.h"

#define ROUNDS_DEFAULT 200
/* For profiling one part: BENCH_LARGE_MB=0 skips the large text,
 * BENCH_ROUNDS=0 the releases. */
#define LARGE_MB_DEFAULT 100

static double
cpu_seconds (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GString) large = g_string_new (NULL);
  g_autoptr(GBytes) large_bytes = NULL;
  gsize total = 0, large_size;
  guint documents = 0;
  double start, elapsed;
  guint rounds = g_getenv ("BENCH_ROUNDS") ? atoi (g_getenv ("BENCH_ROUNDS")) : ROUNDS_DEFAULT;

  if (argc < 2)
    {
      g_printerr ("usage: %s FILE...\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *data = NULL;
      gsize len;
      if (!g_file_get_contents (argv[i], &data, &len, NULL))
        continue;
      total += len;
      g_ptr_array_add (files, g_bytes_new_take (g_steal_pointer (&data), len));
    }

  start = cpu_seconds ();
  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < files->len; i++)
      {
        g_autoptr(ReadoutDocument) document =
          readout_document_new_from_bytes ("bench.txt", g_ptr_array_index (files, i), NULL, NULL);
        documents += document != NULL;
      }
  elapsed = cpu_seconds () - start;
  if (rounds > 0)
    g_print ("releases: %u files, %.1f KB average, %.1f us CPU per release, %.1f MB/s\n",
             files->len, total / 1024.0 / files->len,
             elapsed * 1e6 / (rounds * files->len),
             rounds * total / elapsed / 1e6);

  large_size = (gsize) g_ascii_strtoull (g_getenv ("BENCH_LARGE_MB") ? g_getenv ("BENCH_LARGE_MB") : G_STRINGIFY (LARGE_MB_DEFAULT), NULL, 10) * 1024 * 1024;
  if (large_size == 0)
    return documents > 0 ? 0 : 1;
  while (large->len < large_size)
    for (guint i = 0; i < files->len && large->len < large_size; i++)
      {
        gsize len;
        const char *data = g_bytes_get_data (g_ptr_array_index (files, i), &len);
        g_string_append_len (large, data, len);
        g_string_append_c (large, '\n');
      }
  large_bytes = g_bytes_new (large->str, large->len);

  start = cpu_seconds ();
  {
    g_autoptr(ReadoutDocument) document =
      readout_document_new_from_bytes ("large.txt", large_bytes, NULL, NULL);
    elapsed = cpu_seconds () - start;
    g_print ("large text: %.0f MB in %.2f s CPU, %.1f MB/s (%s)\n",
             large->len / 1e6, elapsed, large->len / elapsed / 1e6,
             document ? "figures found" : "no figures");
  }
  return documents > 0 ? 0 : 1;
}
