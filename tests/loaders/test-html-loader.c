/* test-html-loader.c: HTML and SEC exhibits into normalized text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "readout-error.h"
#include "readout-loader.h"

/* The map is monotone and stays within the file. */
static void
assert_map_sane (ReadoutText *text)
{
  gsize len, size = g_bytes_get_size (readout_text_get_original (text));
  gsize prev = 0;

  readout_text_get_text (text, &len);
  for (gsize i = 0; i < len; i++)
    {
      gsize orig = readout_text_to_original (text, i);
      g_assert_cmpuint (orig, <=, size);
      g_assert_cmpuint (orig, >=, prev);
      prev = orig;
    }
}

static ReadoutText *
load_bytes (const char *data,
            gsize       size,
            GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  ReadoutText *text = readout_html_load (bytes, NULL, error);

  if (text != NULL)
    assert_map_sane (text);
  return text;
}

static ReadoutText *
load (const char *html)
{
  g_autoptr(GError) error = NULL;
  ReadoutText *text = load_bytes (html, strlen (html), &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static char *
load_string (const char *html)
{
  g_autoptr(ReadoutText) text = load (html);
  gsize len;
  const char *s = readout_text_get_text (text, &len);

  return g_strndup (s, len);
}

/* The original bytes at the mapped offset of @needle start with @expect. */
static void
assert_maps_to (ReadoutText *text,
                const char  *needle,
                const char  *expect)
{
  gsize len, size;
  const char *s = readout_text_get_text (text, &len);
  const char *hit = g_strstr_len (s, len, needle);
  const char *orig = g_bytes_get_data (readout_text_get_original (text), &size);
  gsize offset;

  g_assert_nonnull (hit);
  offset = readout_text_to_original (text, hit - s);
  g_assert_cmpuint (offset + strlen (expect), <=, size);
  if (strncmp (orig + offset, expect, strlen (expect)) != 0)
    g_error ("\"%s\" maps to \"%.*s\", not \"%s\"", needle, (int) MIN (size - offset, 30),
             orig + offset, expect);
}

static void
test_blocks_and_inline (void)
{
  g_autofree char *a = load_string ("<html><body><p>Hello <b>world</b>!</p><p>Second\n"
                                    "   paragraph</p><div>one</div><div>two<br>three</div>"
                                    "</body></html>");
  g_autofree char *b = load_string ("<div><font>&#8226;</font><font style=\"padding-left:18pt\">"
                                    "Revenue grew</font></div>");

  g_assert_cmpstr (a, ==, "Hello world!\n\nSecond paragraph\n\none\ntwo\nthree\n");
  g_assert_cmpstr (b, ==, "\xE2\x80\xA2 Revenue grew\n");
}

static void
test_entities (void)
{
  g_autofree char *s = load_string ("<p>AT&amp;T &lt;b&gt; caf&eacute; &#8212; it&#x2019;s "
                                    "&ldquo;ok&rdquo; AT&T</p>");

  g_assert_cmpstr (s, ==, "AT&T <b> caf\xC3\xA9 - it's \"ok\" AT&T\n");
}

static void
test_nbsp (void)
{
  g_autofree char *s = load_string ("<p>Revenue&nbsp;was&#160;$1.2&nbsp;million&#160;</p>"
                                    "<p>&nbsp;</p><p>&#160;&#160;Next</p>");

  g_assert_cmpstr (s, ==, "Revenue was $1.2 million\n\nNext\n");
}

static void
test_dropped (void)
{
  g_autofree char *s = load_string (
    "<html><head><title>Title</title><style>p { color: red }</style>"
    "<script>var a = '<p>no</p>';</script></head><body>"
    "<script type=\"text/javascript\">if (a < b) alert(1);</script>"
    "<nav>Menu Home</nav><p>Visible</p>"
    "<div style=\"display: none\"><p>Hidden</p></div>"
    "<p hidden>Also hidden</p><span style=\"VISIBILITY:hidden\">x</span>"
    "<noscript>Enable scripts</noscript><p>End</p></body></html>");

  g_assert_cmpstr (s, ==, "Visible\n\nEnd\n");
}

static void
test_colspan_header (void)
{
  g_autofree char *s = load_string (
    "<table>"
    "<tr><td></td><td colspan=\"2\">Three Months Ended</td></tr>"
    "<tr><td></td><td>2024</td><td>2023</td></tr>"
    "<tr><td>Revenue</td><td>1,234</td><td>1,111</td></tr>"
    "</table>");

  g_assert_cmpstr (s, ==,
                   " | Three Months Ended | Three Months Ended\n"
                   " | 2024 | 2023\n"
                   "Revenue | 1,234 | 1,111\n");
}

static void
test_rowspan (void)
{
  g_autofree char *s = load_string (
    "<table>"
    "<tr><td rowspan=\"2\">Metric</td><td colspan=\"2\">Three Months</td></tr>"
    "<tr><td>2024</td><td>2023</td></tr>"
    "<tr><td>Revenue</td><td>1,234</td><td>1,111</td></tr>"
    "</table>");

  g_assert_cmpstr (s, ==,
                   "Metric | Three Months | Three Months\n"
                   "Metric | 2024 | 2023\n"
                   "Revenue | 1,234 | 1,111\n");
}

/* The SEC layout: label spanning three columns, "$" and ")" in cells of
 * their own, spacer cells, a year spanning "$" and number, hidden cells. */
static void
test_statement_cells (void)
{
  g_autoptr(ReadoutText) text = load (
    "<p>(in thousands, except per share data)</p>"
    "<table>"
    "<tr><td colspan=\"3\"></td><td colspan=\"2\">2024</td><td></td><td></td>"
    "<td colspan=\"2\">2023</td><td></td><td style=\"display:none\">x</td></tr>"
    "<tr><td colspan=\"3\">Research and development</td><td>$</td><td>1,234</td><td></td><td></td>"
    "<td>$</td><td>1,111</td><td></td><td style=\"display:none\"></td></tr>"
    "<tr><td colspan=\"3\">Net loss</td><td>$</td><td>(3,145</td><td>)</td><td>&#160;</td>"
    "<td>$</td><td>(2,000</td><td>)</td></tr>"
    "<tr><td colspan=\"3\">Gross margin</td><td></td><td>45.1</td><td>%</td><td></td>"
    "<td></td><td>&#8212;</td><td></td></tr>"
    "<tr><td colspan=\"3\">Operating expenses:</td></tr>"
    "</table><p>After.</p>");
  const char *s = readout_text_get_text (text, NULL);

  g_assert_cmpstr (s, ==,
                   "(in thousands, except per share data)\n\n"
                   " | 2024 | 2023\n"
                   "Research and development | $1,234 | $1,111\n"
                   "Net loss | $(3,145) | $(2,000)\n"
                   "Gross margin | 45.1% | -\n"
                   "Operating expenses:\n\n"
                   "After.\n");
  assert_maps_to (text, "Research and development", "Research and development<");
  assert_maps_to (text, "1,234", "1,234<");
  assert_maps_to (text, "(3,145", "(3,145<");
  assert_maps_to (text, "After", "After.");
}

static void
test_nested_layout_table (void)
{
  g_autofree char *s = load_string (
    "<table><tr><td><p>Intro text.</p>"
    "<table><tr><td>Revenue</td><td>1,234</td><td>1,111</td></tr></table>"
    "<p>Outro text.</p></td></tr></table>"
    "<table><tr><td>&#8226;</td><td>A bullet in a layout table.</td></tr></table>");

  g_assert_cmpstr (s, ==, "Intro text.\n\nRevenue | 1,234 | 1,111\n\nOutro text.\n\n"
                          "\xE2\x80\xA2 A bullet in a layout table.\n");
}

static void
test_sgml_wrapper (void)
{
  g_autofree char *one = load_string (
    "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex991.htm\n<DESCRIPTION>EX-99.1\n"
    "<TEXT>\n<html><head><title>Document</title></head><body><p>Hello</p></body></html>\n"
    "</TEXT>\n</DOCUMENT>\n");
  g_autofree char *two = load_string (
    "<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\n<html><body><p>Form 8-K cover</p></body></html>\n"
    "</TEXT>\n</DOCUMENT>\n"
    "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<TEXT>\n<html><body><p>The release</p></body></html>\n"
    "</TEXT>\n</DOCUMENT>\n");

  g_assert_cmpstr (one, ==, "Hello\n");
  g_assert_cmpstr (two, ==, "The release\n");
}

static void
test_pre (void)
{
  g_autofree char *a = load_string ("<p>Before</p><pre>Revenue      1,234    1,111\n"
                                    "Net loss    (3,145)  (2,000)\n\n\nNotes</pre><p>After</p>");
  g_autofree char *b = load_string ("<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nRevenue was $1.2 million.\n"
                                    "Net loss was $3.1 million.\n</TEXT>\n</DOCUMENT>\n");

  g_assert_cmpstr (a, ==, "Before\n\nRevenue 1,234 1,111\nNet loss (3,145) (2,000)\n\nNotes\n\nAfter\n");
  g_assert_cmpstr (b, ==, "Revenue was $1.2 million.\nNet loss was $3.1 million.\n");
}

static void
test_truncated (void)
{
  g_autoptr(ReadoutText) text = load (
    "<html><body><p>Revenue was $1.2 million.</p><table><tr><td>Revenue</td>"
    "<td>1,234</td><td>1,1");
  const char *s = readout_text_get_text (text, NULL);

  g_assert_cmpstr (s, ==, "Revenue was $1.2 million.\n\nRevenue | 1,234 | 1,1\n");
}

static void
test_no_text (void)
{
  const char *html = "<html><head><title>Only a title</title></head><body>"
                     "<script>var x;</script><div> &nbsp; </div><img src=\"a.png\"></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutText) text = load_bytes (html, strlen (html), &error);

  g_assert_null (text);
  g_assert_error (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "The file holds no text");
}

static void
test_windows_1252 (void)
{
  const char *declared = "<html><head><meta http-equiv=\"Content-Type\" "
                         "content=\"text/html; charset=windows-1252\"></head>"
                         "<body><p>Caf\xe9 \x93quoted\x94 \x96 5\x80 &amp; more</p></body></html>";
  const char *undeclared = "<p>Na\xefve r\xe9sum\xe9</p>";
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutText) a = load_bytes (declared, strlen (declared), &error);
  g_autoptr(ReadoutText) b = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (readout_text_get_text (a, NULL), ==,
                   "Caf\xC3\xA9 \"quoted\" - 5\xE2\x82\xAC & more\n");
  assert_maps_to (a, "quoted", "quoted");
  assert_maps_to (a, "more", "more<");

  b = load_bytes (undeclared, strlen (undeclared), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (readout_text_get_text (b, NULL), ==, "Na\xC3\xAFve r\xC3\xA9sum\xC3\xA9\n");
}

static void
test_utf8_bom (void)
{
  g_autoptr(ReadoutText) text = load ("\xEF\xBB\xBF<p>\xE2\x82\xAC" "5 caf\xC3\xA9 &amp; tea</p>");

  g_assert_cmpstr (readout_text_get_text (text, NULL), ==, "\xE2\x82\xAC" "5 caf\xC3\xA9 & tea\n");
  assert_maps_to (text, "caf", "caf\xC3\xA9");
  assert_maps_to (text, "tea", "tea</p>");
}

static void
test_utf16 (void)
{
  /* "<p>A&amp;B</p>" in UTF-16LE with its BOM. */
  static const char html[] = "\xFF\xFE<\0p\0>\0A\0&\0a\0m\0p\0;\0B\0<\0/\0p\0>\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutText) text = load_bytes (html, sizeof html - 1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (readout_text_get_text (text, NULL), ==, "A&B\n");
  g_assert_cmpuint (readout_text_to_original (text, 1), ==, 10);   /* "&amp;" */
  g_assert_cmpuint (readout_text_to_original (text, 2), ==, 20);   /* "B" */
}

static void
test_offsets (void)
{
  g_autoptr(ReadoutText) text = load (
    "<html>\r\n<head><title>x</title></head>\r\n<body>\r\n"
    "<p style=\"margin:0\">AT&amp;T <b>reported</b>\r\n revenue of&#160;$1.2&nbsp;million.</p>\r\n"
    "<!-- a comment with Revenue in it -->\r\n"
    "<table><tr><td><font>Revenue</font></td><td>$</td><td>2,345</td></tr></table>\r\n"
    "<p>The end &mdash; really.</p></body></html>");

  assert_maps_to (text, "AT&T", "AT&amp;T");
  assert_maps_to (text, "&T", "&amp;T");
  assert_maps_to (text, "reported", "reported</b>");
  assert_maps_to (text, "revenue of", "revenue of&#160;");
  assert_maps_to (text, "$1.2", "$1.2&nbsp;");
  assert_maps_to (text, "million", "million.</p>");
  assert_maps_to (text, "Revenue |", "Revenue</font>");
  assert_maps_to (text, "$2,345", "$</td>");
  assert_maps_to (text, "2,345", "2,345</td>");
  assert_maps_to (text, "- really", "&mdash;");
  assert_maps_to (text, "really", "really.");
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static ("<p>x</p>", 8);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutText) text = NULL;

  g_cancellable_cancel (cancellable);
  text = readout_html_load (bytes, cancellable, &error);
  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static ReadoutText *
load_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "html", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ReadoutText *text;
  char *contents;
  gsize size;

  g_assert_true (g_file_get_contents (path, &contents, &size, &error));
  bytes = g_bytes_new_take (contents, size);
  text = readout_load_text (bytes, name, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (readout_text_get_format (text), ==, READOUT_TEXT_FORMAT_HTML);
  assert_map_sane (text);
  return text;
}

/* The table lines of @text, for the test log. */
static void
message_tables (const char *name,
                ReadoutText *text)
{
  g_auto(GStrv) lines = g_strsplit (readout_text_get_text (text, NULL), "\n", -1);

  g_test_message ("%s, table rows:", name);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], " | ") != NULL)
      g_test_message ("  %s", lines[i]);
}

static void
assert_line (ReadoutText *text,
             const char  *line)
{
  g_autofree char *needle = g_strconcat ("\n", line, "\n", NULL);

  if (strstr (readout_text_get_text (text, NULL), needle) == NULL)
    g_error ("no line \"%s\"", line);
}

static guint
count_cells (ReadoutText *text,
             const char  *prefix)
{
  g_autofree char *needle = g_strconcat ("\n", prefix, NULL);
  const char *s = strstr (readout_text_get_text (text, NULL), needle);
  const char *end;
  guint cells = 1;

  g_assert_nonnull (s);
  end = strchr (s + 1, '\n');
  for (const char *p = s + 1; p + 3 <= end; p++)
    if (strncmp (p, " | ", 3) == 0)
      cells++;
  return cells;
}

static void
test_real_buckle (void)
{
  g_autoptr(ReadoutText) text = load_file ("104_buckle-fy2024q3.htm");

  message_tables ("104_buckle", text);
  assert_line (text, "(Amounts in Thousands Except Per Share Amounts)");
  assert_line (text, " | Thirteen Weeks Ended | Thirteen Weeks Ended | Thirty-Nine Weeks Ended | "
                     "Thirty-Nine Weeks Ended");
  assert_line (text, " | November 2, 2024 | October 28, 2023 | November 2, 2024 | October 28, 2023");
  assert_line (text, "SALES, Net of returns and allowances | $293,618 | $303,457 | $838,490 | $878,719");
  assert_line (text, "General and administrative | 13,602 | 12,908 | 41,709 | 39,247");
  assert_line (text, "Less accumulated depreciation and amortization | (365,241) | (360,200) | (359,367)");
  g_assert_cmpuint (count_cells (text, "INCOME FROM OPERATIONS |"), ==, 5);
  assert_maps_to (text, "13,602", "13,602&#160;<");
  assert_maps_to (text, "General and administrative |", "General and administrative<");
  /* The SGML wrapper's lines are not text. */
  g_assert_true (g_str_has_prefix (readout_text_get_text (text, NULL), "Exhibit 99.1\n"));
}

static void
test_real_dexcom (void)
{
  g_autoptr(ReadoutText) text = load_file ("108_dexcom-2026q1.htm");

  message_tables ("108_dexcom", text);
  assert_line (text, " | Three Months Ended March 31, | Three Months Ended March 31,");
  assert_line (text, " | 2026 | 2025");
  assert_line (text, "Research and development | 145.3 | 145.2");
  g_assert_cmpuint (count_cells (text, "Research and development |"), ==, 3);
  g_assert_cmpuint (count_cells (text, "Total operating expenses |"), ==, 3);
  assert_line (text, "Net income | $199.5 | $105.4");
  assert_line (text, " | 2026 | 2026 | 2026 | 2025 | 2025 | 2025");
  assert_maps_to (text, "145.3", "145.3&#160;");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html-loader/blocks-and-inline", test_blocks_and_inline);
  g_test_add_func ("/html-loader/entities", test_entities);
  g_test_add_func ("/html-loader/nbsp", test_nbsp);
  g_test_add_func ("/html-loader/dropped", test_dropped);
  g_test_add_func ("/html-loader/colspan-header", test_colspan_header);
  g_test_add_func ("/html-loader/rowspan", test_rowspan);
  g_test_add_func ("/html-loader/statement-cells", test_statement_cells);
  g_test_add_func ("/html-loader/nested-layout-table", test_nested_layout_table);
  g_test_add_func ("/html-loader/sgml-wrapper", test_sgml_wrapper);
  g_test_add_func ("/html-loader/pre", test_pre);
  g_test_add_func ("/html-loader/truncated", test_truncated);
  g_test_add_func ("/html-loader/no-text", test_no_text);
  g_test_add_func ("/html-loader/windows-1252", test_windows_1252);
  g_test_add_func ("/html-loader/utf8-bom", test_utf8_bom);
  g_test_add_func ("/html-loader/utf16", test_utf16);
  g_test_add_func ("/html-loader/offsets", test_offsets);
  g_test_add_func ("/html-loader/cancelled", test_cancelled);
  g_test_add_func ("/html-loader/real-buckle", test_real_buckle);
  g_test_add_func ("/html-loader/real-dexcom", test_real_dexcom);

  return g_test_run ();
}
