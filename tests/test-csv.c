/* test-csv.c: the CSV contract of DESIGN.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "readout-csv.h"
#include "readout-document.h"

static char *
field (const char *value,
       gboolean    is_text)
{
  GString *out = g_string_new (NULL);
  readout_csv_append_field (out, value, is_text);
  return g_string_free (out, FALSE);
}

static char *
number (double          value,
        ReadoutUnitKind kind)
{
  GString *out = g_string_new (NULL);
  readout_csv_append_number (out, value, kind);
  return g_string_free (out, FALSE);
}

static void
test_quoting (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "plain", "plain" },
    { "Cellectar Biosciences, Inc.", "\"Cellectar Biosciences, Inc.\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "cr\rhere", "\"cr\rhere\"" },
    { " padded ", "\" padded \"" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = field (cases[i].in, TRUE);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_formula_guard (void)
{
  const char *prefixes[] = { "=", "+", "-", "@", "\t", "\r" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autofree char *value = g_strconcat (prefixes[i], "SUM(A1:A2)", NULL);
      g_autofree char *out = field (value, TRUE);
      g_autofree char *numeric = field ("-3200000", FALSE);

      /* Text gets a leading quote (inside the quotes when quoted). */
      g_assert_true (g_str_has_prefix (out, "'") || g_str_has_prefix (out, "\"'"));
      g_assert_nonnull (strstr (out, value));
      g_assert_cmpstr (numeric, ==, "-3200000");
    }
}

static void
test_numbers (void)
{
  const struct { double value; ReadoutUnitKind kind; const char *out; } cases[] = {
    { 2.2e6, READOUT_UNIT_KIND_MONEY, "2200000" },
    { 2.2 * 1e6, READOUT_UNIT_KIND_MONEY, "2200000" },
    { 3145 * 1e3, READOUT_UNIT_KIND_MONEY, "3145000" },
    { -3.1e6, READOUT_UNIT_KIND_MONEY, "-3100000" },
    { 1e12, READOUT_UNIT_KIND_MONEY, "1000000000000" },
    { 19800.5, READOUT_UNIT_KIND_MONEY, "19800.5" },
    { -0.23, READOUT_UNIT_KIND_PER_SHARE, "-0.23" },
    { 0.0, READOUT_UNIT_KIND_PER_SHARE, "0" },
    { -0.0, READOUT_UNIT_KIND_MONEY, "0" },
    { 28691000, READOUT_UNIT_KIND_SHARES, "28691000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = number (cases[i].value, cases[i].kind);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static ReadoutDocument *
load_seed (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "seed-cellectar-q2-2017.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ReadoutDocument *document = readout_document_load (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
assert_golden (ReadoutDocument *document)
{
  g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "data", "seed-cellectar-q2-2017.golden.csv", NULL);
  g_autofree char *golden = NULL;
  g_autoptr(GBytes) csv = readout_csv_render (&document, 1);
  g_autoptr(GError) error = NULL;
  gsize golden_len;

  g_file_get_contents (golden_path, &golden, &golden_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), golden, golden_len);
}

static void
test_golden_seed (void)
{
  g_autoptr(ReadoutDocument) document = load_seed ();
  assert_golden (document);
}

static void
test_locale_never_changes_the_csv (void)
{
  const char *locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8", "de_DE.utf8", "C.UTF-8" };
  g_autoptr(ReadoutDocument) document = load_seed ();
  gboolean tried = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      if (setlocale (LC_ALL, locales[i]) == NULL)
        continue;
      tried = TRUE;
      assert_golden (document);
    }
  setlocale (LC_ALL, "C");
  if (!tried)
    g_test_skip ("no comma-decimal locale installed");
}

static void
test_edits_in_csv (void)
{
  g_autoptr(ReadoutDocument) document = load_seed ();
  g_autoptr(GBytes) csv = NULL;
  ReadoutFigure *rd = readout_document_get_figure (document, READOUT_METRIC_RD_EXPENSE);
  ReadoutFigure *ga = readout_document_get_figure (document, READOUT_METRIC_GA_EXPENSE);
  ReadoutFigure *added;
  const char *text;

  readout_figure_edit_current (rd, TRUE, 2.3e6);
  readout_figure_set_status (ga, READOUT_STATUS_CONFIRMED);
  added = readout_document_add_figure (document, "=Royalties", 0, 0);
  readout_figure_edit_current (added, TRUE, 1234.5);

  csv = readout_csv_render (&document, 1);
  text = g_bytes_get_data (csv, NULL);
  g_assert_nonnull (strstr (text, ",rd_expense,Research and development,2300000,1000000,Q2 2016,1300000,130.0,USD,edited,prior_derived,"));
  g_assert_nonnull (strstr (text, ",ga_expense,General and administrative,1000000,1300000,Q2 2016,-300000,-23.1,USD,confirmed,prior_derived,"));
  g_assert_nonnull (strstr (text, ",custom,'=Royalties,1234.5,,,,,USD,added,,\r\n"));
}

static void
test_atomic_write (void)
{
  g_autoptr(ReadoutDocument) document = load_seed ();
  g_autofree char *dir = g_dir_make_tmp ("readout-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "dir.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GDir *listing;
  const char *name;
  guint n = 0;

  g_assert_true (readout_csv_write (path, &document, 1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, READOUT_CSV_HEADER "\r\n"));

  g_assert_false (readout_csv_write (missing, &document, 1, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "dir.csv"));

  /* No temporary file is left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    n++;
  g_dir_close (listing);
  g_assert_cmpuint (n, ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/formula-guard", test_formula_guard);
  g_test_add_func ("/csv/numbers", test_numbers);
  g_test_add_func ("/csv/golden-seed", test_golden_seed);
  g_test_add_func ("/csv/locale-never-changes-the-csv", test_locale_never_changes_the_csv);
  g_test_add_func ("/csv/edits", test_edits_in_csv);
  g_test_add_func ("/csv/atomic-write", test_atomic_write);

  return g_test_run ();
}
