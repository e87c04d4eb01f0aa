/* dump-text: prints the normalized text of release files (for a look at
 * what the loaders make of them), and with --time the load throughput.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "readout-loader.h"

int
main (int    argc,
      char **argv)
{
  gboolean timing = argc > 1 && g_strcmp0 (argv[1], "--time") == 0;

  for (int i = timing ? 2 : 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(ReadoutText) text = NULL;
      const char *data;
      char *contents;
      gsize size, len;

      if (!g_file_get_contents (argv[i], &contents, &size, &error))
        {
          g_printerr ("%s: %s\n", argv[i], error->message);
          return 1;
        }
      bytes = g_bytes_new_take (contents, size);

      if (timing)
        {
          gint64 start = g_get_monotonic_time ();
          guint rounds = 0;
          double seconds;

          do
            {
              g_autoptr(ReadoutText) t = readout_load_text (bytes, argv[i], NULL, NULL);
              rounds++;
            }
          while (g_get_monotonic_time () - start < G_USEC_PER_SEC);
          seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
          g_print ("%s: %zu bytes, %.2f ms per load, %.1f MB/s\n", argv[i], size,
                   1000 * seconds / rounds, size * rounds / seconds / 1e6);
          continue;
        }

      text = readout_load_text (bytes, argv[i], NULL, &error);
      if (text == NULL)
        {
          g_printerr ("%s: %s\n", argv[i], error->message);
          continue;
        }
      data = readout_text_get_text (text, &len);
      fwrite (data, 1, len, stdout);
    }
  return 0;
}
