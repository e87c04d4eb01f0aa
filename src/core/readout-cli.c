/* readout-cli.c: `readout --export-csv=OUT FILE...`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "readout-cli.h"
#include "readout-csv.h"
#include "readout-document.h"

gboolean
readout_cli_wants (int    argc,
                   char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      /* The window takes no options: any option is ours to answer (or
       * to refuse as a usage error, exit 2). */
      if (argv[i][0] == '-' && argv[i][1] != '\0')
        return TRUE;
    }
  return FALSE;
}

/* Loads every file (in parallel when there are many, since each is
 * independent) and keeps the order of the command line. */
typedef struct
{
  char            *path;
  ReadoutDocument *document;
  GError          *error;
} Job;

static void
job_clear (Job *job)
{
  g_clear_pointer (&job->path, g_free);
  g_clear_object (&job->document);
  g_clear_error (&job->error);
}

static void
load_job (gpointer data,
          gpointer user_data)
{
  Job *job = data;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (job->path);

  job->document = readout_document_load (file, NULL, &job->error);
}

static void
load_all (Job  *jobs,
          guint n_jobs)
{
  guint n_threads = MIN (g_get_num_processors (), n_jobs);

  if (n_threads <= 1)
    {
      for (guint i = 0; i < n_jobs; i++)
        load_job (&jobs[i], NULL);
      return;
    }

  {
    GThreadPool *pool = g_thread_pool_new (load_job, NULL, n_threads, TRUE, NULL);

    if (pool == NULL)
      {
        for (guint i = 0; i < n_jobs; i++)
          load_job (&jobs[i], NULL);
        return;
      }
    for (guint i = 0; i < n_jobs; i++)
      g_thread_pool_push (pool, &jobs[i], NULL);
    /* Waits for every job to finish. */
    g_thread_pool_free (pool, FALSE, TRUE);
  }
}

int
readout_cli_run (int    argc,
                 char **argv)
{
  g_autofree char *export_csv = NULL;
  g_auto(GStrv) files = NULL;
  gboolean version = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree Job *jobs = NULL;
  guint n_files;
  int status = 0;
  const GOptionEntry entries[] = {
    { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, &export_csv,
      N_("Write the figures of FILEs to OUT as CSV (\"-\" for standard output) without opening a window"), N_("OUT") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("[FILE…]") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Review the figures of biotech and pharma earnings releases.\n"
                                  "Without --export-csv, opens the FILEs in a window."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("readout: %s\n", error->message);
      g_printerr (_("Try “readout --help”.\n"));
      return 2;
    }

  if (version)
    {
      g_print ("readout %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (export_csv == NULL || export_csv[0] == '\0')
    {
      g_printerr (_("readout: --export-csv needs an output file (or “-”)\n"));
      return 2;
    }

  n_files = files ? g_strv_length (files) : 0;
  if (n_files == 0)
    {
      g_printerr (_("readout: --export-csv needs at least one release to read\n"));
      return 2;
    }

  jobs = g_new0 (Job, n_files);
  for (guint i = 0; i < n_files; i++)
    jobs[i].path = g_strdup (files[i]);
  load_all (jobs, n_files);

  documents = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    {
      if (jobs[i].error != NULL)
        {
          /* The document's errors already name the file. */
          g_printerr ("readout: %s\n", jobs[i].error->message);
          status = 1;
        }
      else
        g_ptr_array_add (documents, g_steal_pointer (&jobs[i].document));
      job_clear (&jobs[i]);
    }

  /* Nothing readable: leave OUT as it was rather than write an empty CSV. */
  if (documents->len == 0)
    return 1;

  if (!readout_csv_write (export_csv,
                          (ReadoutDocument * const *) documents->pdata,
                          documents->len, &error))
    {
      g_printerr ("readout: %s\n", error->message);
      return 1;
    }

  return status;
}
