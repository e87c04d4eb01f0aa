/* test-pdf-loader.c: PDF releases into normalized text.
 *
 * The fixtures in tests/data/pdf/ were made with tests/data/pdf/make-fixtures.sh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "readout-error.h"
#include "readout-loader.h"

static GBytes *
read_fixture (const char *dir,
              const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize size;

  g_assert_true (g_file_get_contents (path, &contents, &size, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, size);
}

static ReadoutText *
load_fixture (const char *dir,
              const char *name)
{
  g_autoptr(GBytes) bytes = read_fixture (dir, name);
  g_autoptr(GError) error = NULL;
  ReadoutText *text = readout_load_text (bytes, name, NULL, &error);
  gsize len, prev = 0;
  int prev_page = 0;

  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_cmpint (readout_text_get_format (text), ==, READOUT_TEXT_FORMAT_PDF);

  /* Monotone map within the file, pages in order. */
  readout_text_get_text (text, &len);
  for (gsize i = 0; i < len; i += 7)
    {
      gsize orig = readout_text_to_original (text, i);
      int page = readout_text_get_page (text, i);

      g_assert_cmpuint (orig, >=, prev);
      g_assert_cmpuint (orig, <=, g_bytes_get_size (bytes));
      g_assert_cmpint (page, >=, prev_page);
      prev = orig;
      prev_page = page;
    }
  return text;
}

static void
message_tables (const char  *name,
                ReadoutText *text)
{
  g_auto(GStrv) lines = g_strsplit (readout_text_get_text (text, NULL), "\n", -1);

  g_test_message ("%s, table rows:", name);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], " | ") != NULL)
      g_test_message ("  %s", lines[i]);
}

/* The offset of @line as a whole line in @text (fails when absent). */
static gsize
find_line (ReadoutText *text,
           const char  *line)
{
  g_autofree char *needle = g_strconcat ("\n", line, "\n", NULL);
  const char *s = readout_text_get_text (text, NULL);
  const char *hit = strstr (s, needle);

  if (hit == NULL)
    g_error ("no line \"%s\"", line);
  return hit + 1 - s;
}

static void
test_rendered_exhibit (void)
{
  g_autoptr(ReadoutText) text = load_fixture ("pdf", "104_buckle-fy2024q3.pdf");
  gsize at;

  message_tables ("104_buckle rendered to PDF", text);
  find_line (text, " | Thirteen Weeks Ended | Thirteen Weeks Ended | Thirty-Nine Weeks Ended | "
                   "Thirty-Nine Weeks Ended");
  find_line (text, " | 2024 | 2023 | 2024 | 2023");
  find_line (text, "SALES, Net of returns and allowances | $293,618 | $303,457 | $838,490 | $878,719");
  at = find_line (text, "General and administrative | 13,602 | 12,908 | 41,709 | 39,247");
  find_line (text, "INCOME FROM OPERATIONS | 54,483 | 64,065 | 145,139 | 174,556");
  find_line (text, "Basic | $0.89 | $1.05 | $2.37 | $2.83");
  find_line (text, "Cash and cash equivalents | $301,958 | $268,213 | $311,657");
  find_line (text, "Less accumulated depreciation and amortization | (365,241) | (360,200) | (359,367)");
  g_assert_cmpint (readout_text_get_page (text, at), >=, 1);
  g_assert_cmpuint (readout_text_to_original (text, at), ==, readout_text_get_page (text, at));
}

static void
test_real_pfizer (void)
{
  g_autoptr(ReadoutText) text = load_fixture ("html", "106_pfizer-2023q2.pdf");
  gsize at;

  message_tables ("106_pfizer", text);
  at = find_line (text, "Research and development expenses(2) | 2,648 | 2,815 | (6) | 5,153 | 5,116 | 1");
  g_assert_cmpint (readout_text_get_page (text, at), ==, 17);
  find_line (text, "Revenues | $12,734 | $27,742 | (54) | $31,015 | $53,402 | (42)");
  find_line (text, "Reported Diluted EPS(2) | 0.41 | 1.73 | (77%) | 1.38 | 3.10 | (56%)");
  /* Ligatures and hard wraps. */
  g_assert_nonnull (strstr (readout_text_get_text (text, NULL), "$12.7 Billion"));
}

static void
assert_load_error (const char *name,
                   int         code,
                   const char *message)
{
  g_autoptr(GBytes) bytes = read_fixture ("pdf", name);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutText) text = readout_load_text (bytes, name, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, READOUT_LOAD_ERROR, code);
  if (!g_str_has_prefix (error->message, message))
    g_error ("message \"%s\", expected \"%s\"", error->message, message);
}

static void
test_encrypted (void)
{
  assert_load_error ("encrypted.pdf", READOUT_LOAD_ERROR_ENCRYPTED,
                     "The PDF is protected by a password");
}

static void
test_no_text (void)
{
  assert_load_error ("no-text.pdf", READOUT_LOAD_ERROR_NO_TEXT,
                     "The PDF has no text layer (a scanned document?)");
}

static void
test_malformed (void)
{
  assert_load_error ("truncated.pdf", READOUT_LOAD_ERROR_MALFORMED, "The PDF could not be read: ");
}

static void
test_cancelled (void)
{
  g_autoptr(GBytes) bytes = read_fixture ("pdf", "104_buckle-fy2024q3.pdf");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutText) text = NULL;

  g_cancellable_cancel (cancellable);
  text = readout_pdf_load (bytes, cancellable, &error);
  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-loader/rendered-exhibit", test_rendered_exhibit);
  g_test_add_func ("/pdf-loader/real-pfizer", test_real_pfizer);
  g_test_add_func ("/pdf-loader/encrypted", test_encrypted);
  g_test_add_func ("/pdf-loader/no-text", test_no_text);
  g_test_add_func ("/pdf-loader/malformed", test_malformed);
  g_test_add_func ("/pdf-loader/cancelled", test_cancelled);

  return g_test_run ();
}
