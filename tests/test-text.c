/* test-text.c: loading plain text into normalized text with its map.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "readout-decode.h"
#include "readout-error.h"
#include "readout-loader.h"
#include "readout-text.h"

static ReadoutText *
load (const char *data,
      gssize      len,
      GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len < 0 ? strlen (data) : (gsize) len);
  return readout_load_text (bytes, "test.txt", NULL, error);
}

static char *
normalized (const char *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutText) text = load (data, -1, &error);

  g_assert_no_error (error);
  return g_strdup (readout_text_get_text (text, NULL));
}

static void
test_escapes (void)
{
  g_autofree char *out = normalized ("Research and development expenses were \\$2.2 million.\n");
  g_assert_cmpstr (out, ==, "Research and development expenses were $2.2 million.\n");
}

static void
test_hard_wraps (void)
{
  g_autofree char *out =
    normalized ("Pain Therapeutics, Inc. (Nasdaq:PTIE) today reported financial\n"
                "results for the third quarter of 2016. Net loss in Q3 2016 was $3.5 million, compared to a net loss in Q3\n"
                "2015 of $3.7 million.\n"
                "Heading\n"
                "- A bullet that wraps because it is long enough to have been wrapped by\n"
                "the mail program.\n");
  g_assert_cmpstr (out, ==,
                   "Pain Therapeutics, Inc. (Nasdaq:PTIE) today reported financial "
                   "results for the third quarter of 2016. Net loss in Q3 2016 was $3.5 million, compared to a net loss in Q3 "
                   "2015 of $3.7 million.\n"
                   "Heading\n"
                   "- A bullet that wraps because it is long enough to have been wrapped by "
                   "the mail program.\n");
}

static void
test_sentence_broken_by_blank_line (void)
{
  g_autofree char *out =
    normalized ("The company generated a loss from operations of \\$3.2 million for the three months ended\n"
                "\n"
                "June 30, 2017, while in the second quarter of 2016 the operating loss was \\$2.3 million.\n"
                "\n"
                "Conference Call Details\n"
                "\n"
                "Cellectar will be holding a conference call.\n");
  g_assert_cmpstr (out, ==,
                   "The company generated a loss from operations of $3.2 million for the three months ended "
                   "June 30, 2017, while in the second quarter of 2016 the operating loss was $2.3 million.\n\n"
                   "Conference Call Details\n\n"
                   "Cellectar will be holding a conference call.\n");
}

static void
test_typography (void)
{
  /* NBSP, en dash, minus sign, curly quotes, zero-width space, bidi override */
  g_autofree char *out =
    normalized ("Net loss\xC2\xA0per share \xE2\x80\x93 basic \xE2\x80\x9C" "adjusted\xE2\x80\x9D it\xE2\x80\x99s "
                "\xE2\x88\x92" "1\xE2\x80\x8B" "0\xE2\x80\xAE.\n");
  g_assert_cmpstr (out, ==, "Net loss per share - basic \"adjusted\" it's -10.\n");
}

static void
test_tables_keep_lines (void)
{
  g_autofree char *out =
    normalized ("Research and development | 33,991 | 41,180\n"
                "General and administrative | 26,202 | 14,130\n"
                "Total\n|\n3,145\n|\n");
  g_assert_cmpstr (out, ==,
                   "Research and development | 33,991 | 41,180\n"
                   "General and administrative | 26,202 | 14,130\n"
                   "Total\n|\n3,145\n|\n");
}

static void
test_crlf_and_cr (void)
{
  g_autofree char *out = normalized ("First line.\r\nSecond line.\rThird line.\r\n");
  g_assert_cmpstr (out, ==, "First line.\nSecond line.\nThird line.\n");
}

static void
test_latin1 (void)
{
  /* "Net sales €5 million – café" in Windows-1252 */
  const char data[] = "Net sales \x80" "5 million \x96 caf\xE9.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutText) text = load (data, sizeof data - 1, &error);
  const char *out;

  g_assert_no_error (error);
  out = readout_text_get_text (text, NULL);
  g_assert_cmpstr (out, ==, "Net sales \xE2\x82\xAC" "5 million - caf\xC3\xA9.\n");
  /* "5" maps to the byte after the euro sign */
  g_assert_cmpuint (readout_text_to_original (text, strlen ("Net sales \xE2\x82\xAC")), ==, 11);
}

static void
test_utf16 (void)
{
  const char data[] = "\xFF\xFE" "N\0e\0t\0 \0$\0" "1\0\n\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutText) text = load (data, sizeof data - 1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (readout_text_get_text (text, NULL), ==, "Net $1\n");
  /* "$" is UTF-16 unit 4: byte 2 + 4 * 2 */
  g_assert_cmpuint (readout_text_to_original (text, 4), ==, 10);
}

static void
test_map_back (void)
{
  const char *data = "Intro line here.\n\nR&D was \\$2.2 million.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutText) text = load (data, -1, &error);
  const char *out = readout_text_get_text (text, NULL);
  const char *dollar = strchr (out, '$');
  gsize orig = readout_text_to_original (text, dollar - out);

  g_assert_no_error (error);
  g_assert_cmpint (data[orig], ==, '$');
  g_assert_cmpint (data[orig - 1], ==, '\\');
  /* every offset maps inside the file, in order */
  {
    gsize len, last = 0;
    readout_text_get_text (text, &len);
    for (gsize i = 0; i <= len; i++)
      {
        gsize o = readout_text_to_original (text, i);
        g_assert_cmpuint (o, <=, strlen (data));
        g_assert_cmpuint (o, >=, last);
        last = o;
      }
  }
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutText) empty = load ("", 0, &error);
  const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";

  g_assert_null (empty);
  g_assert_error (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_EMPTY);
  g_clear_error (&error);

  {
    g_autoptr(ReadoutText) blank = load (" \n\n\t\n", -1, &error);
    g_assert_null (blank);
    g_assert_error (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_EMPTY);
    g_clear_error (&error);
  }
  {
    g_autoptr(ReadoutText) binary = load (png, sizeof png - 1, &error);
    g_assert_null (binary);
    g_assert_error (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_BINARY);
  }
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutText) text = NULL;

  for (int i = 0; i < 20000; i++)
    g_string_append (big, "Revenue was $1.0 million.\n");
  bytes = g_bytes_new (big->str, big->len);
  g_cancellable_cancel (cancellable);
  text = readout_load_text (bytes, "big.txt", cancellable, &error);
  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The fast validator agrees with GLib's on every byte string: edge cases
 * around the eight-byte steps, then random mixtures of ASCII, valid and
 * broken sequences. */
static void
test_utf8_validate (void)
{
  static const char * const pieces[] = {
    "a", "revenue ", "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80", "\xC3", "\xE2\x80",
    "\xED\xA0\x80", "\xC0\xAF", "\xF4\x90\x80\x80", "\xFF", "\x80", "\n",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (2017);

  g_assert_true (readout_utf8_validate ("", 0));
  g_assert_false (readout_utf8_validate ("abc\0def", 7));
  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 12);

      for (guint i = 0; i < n; i++)
        {
          /* Mostly ASCII, as in a release. */
          guint k = g_rand_int_range (rand, 0, 100) < 70 ? g_rand_int_range (rand, 0, 2)
                                                          : g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces));
          g_string_append (s, pieces[k]);
        }
      g_assert_cmpint (readout_utf8_validate (s->str, s->len), ==,
                       g_utf8_validate_len (s->str, s->len, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/utf8-validate", test_utf8_validate);
  g_test_add_func ("/text/escapes", test_escapes);
  g_test_add_func ("/text/hard-wraps", test_hard_wraps);
  g_test_add_func ("/text/sentence-broken-by-blank-line", test_sentence_broken_by_blank_line);
  g_test_add_func ("/text/typography", test_typography);
  g_test_add_func ("/text/tables-keep-lines", test_tables_keep_lines);
  g_test_add_func ("/text/crlf-and-cr", test_crlf_and_cr);
  g_test_add_func ("/text/latin1", test_latin1);
  g_test_add_func ("/text/utf16", test_utf16);
  g_test_add_func ("/text/map-back", test_map_back);
  g_test_add_func ("/text/bad-input", test_bad_input);
  g_test_add_func ("/text/cancelled", test_cancelled);

  return g_test_run ();
}
