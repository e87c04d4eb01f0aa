/* test-amounts.c: money in prose, numbers in cells, amounts readers type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "readout-amount.h"
#include "readout-scan.h"

static GArray *
scan (const char *text)
{
  GArray *amounts = g_array_new (FALSE, FALSE, sizeof (ReadoutAmount));
  readout_scan_amounts (text, strlen (text), amounts);
  return amounts;
}

static void
assert_single_amount (const char *text,
                      double      value,
                      const char *currency,
                      gboolean    per_share)
{
  g_autoptr(GArray) amounts = scan (text);
  ReadoutAmount *amount;

  g_test_message ("%s", text);
  g_assert_cmpuint (amounts->len, ==, 1);
  amount = &g_array_index (amounts, ReadoutAmount, 0);
  g_assert_cmpfloat_with_epsilon (amount->value, value, fabs (value) * 1e-12 + 1e-12);
  g_assert_cmpstr (amount->currency, ==, currency);
  g_assert_cmpint (amount->per_share, ==, per_share);
}

static void
test_money (void)
{
  assert_single_amount ("expenses were $2.2 million, up", 2.2e6, "USD", FALSE);
  assert_single_amount ("totaled $2,200,000 in", 2.2e6, "USD", FALSE);
  assert_single_amount ("guidance of $1.2 billion", 1.2e9, "USD", FALSE);
  assert_single_amount ("or $0.23 per share", 0.23, "USD", TRUE);
  assert_single_amount ("or $(0.23) per share", -0.23, "USD", TRUE);
  assert_single_amount ("was ($4.8) million", -4.8e6, "USD", FALSE);
  assert_single_amount ("revenue of USD 3.4 million", 3.4e6, "USD", FALSE);
  assert_single_amount ("revenue of C$12.5 million", 12.5e6, "CAD", FALSE);
  assert_single_amount ("sales of CAD 7 million", 7e6, "CAD", FALSE);
  assert_single_amount ("sales of \xE2\x82\xAC" "5.1 million", 5.1e6, "EUR", FALSE);
  assert_single_amount ("sales of EUR 5.1 million", 5.1e6, "EUR", FALSE);
  assert_single_amount ("Q2 revenues of $109.4M, +43%", 109.4e6, "USD", FALSE);
  assert_single_amount ("filing ($5mm) and", 5e6, "USD", FALSE);
  assert_single_amount ("EPS of $.67 per share", 0.67, "USD", TRUE);
  assert_single_amount ("a loss of 9 cents per share", 0.09, "USD", TRUE);
  assert_single_amount ("$0.01 per diluted share", 0.01, "USD", TRUE);
}

static void
test_tolerance (void)
{
  g_autoptr(GArray) amounts = scan ("$2.2 million and $2,200,000 and $0.23");

  g_assert_cmpuint (amounts->len, ==, 3);
  g_assert_cmpfloat_with_epsilon (g_array_index (amounts, ReadoutAmount, 0).tolerance, 50000, 1e-6);
  g_assert_cmpfloat_with_epsilon (g_array_index (amounts, ReadoutAmount, 1).tolerance, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (amounts, ReadoutAmount, 2).tolerance, 0.005, 1e-9);
}

static void
test_diluted (void)
{
  g_autoptr(GArray) amounts = scan ("$0.34 per diluted share and $0.35 per basic and diluted share");

  g_assert_cmpuint (amounts->len, ==, 2);
  g_assert_true (g_array_index (amounts, ReadoutAmount, 0).diluted_only);
  g_assert_false (g_array_index (amounts, ReadoutAmount, 1).diluted_only);
  g_assert_true (g_array_index (amounts, ReadoutAmount, 1).per_share);
}

static void
test_not_money (void)
{
  const char *texts[] = {
    "an increase of 32 percent and 7.6%",
    "for the year 2017 and fiscal 2016",
    "on June 30, 2017",
    "call (888) 646-8293 or 917-885-7378",
    "a Phase 1 study and Phase 2b trial",
    "up to 38,000 people 2 in footnote 1",
    "warrants to purchase 10.9 million shares",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GArray) amounts = scan (texts[i]);
      g_test_message ("%s", texts[i]);
      g_assert_cmpuint (amounts->len, ==, 0);
    }
}

static void
test_cells (void)
{
  const struct { const char *cell; gboolean ok; double value; int decimals; } cases[] = {
    { "3,145", TRUE, 3145, 0 },
    { "(3,145)", TRUE, -3145, 0 },
    { "(3,145", TRUE, -3145, 0 },
    { "$ 1,234", TRUE, 1234, 0 },
    { "(1.84", TRUE, -1.84, 2 },
    { "0.00", TRUE, 0, 2 },
    { "-", TRUE, 0, 0 },
    { "\xE2\x80\x94", TRUE, 0, 0 },
    { "12,345*", TRUE, 12345, 0 },
    { "", FALSE, 0, 0 },
    { "N/A", FALSE, 0, 0 },
    { "43 %", FALSE, 0, 0 },
    { "Research and development", FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = 0;
      int decimals = -1;
      gboolean ok = readout_scan_cell_number (cases[i].cell, &value, &decimals);

      g_test_message ("cell “%s”", cases[i].cell);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-9);
          g_assert_cmpint (decimals, ==, cases[i].decimals);
        }
    }
}

static void
test_dates (void)
{
  int y, m, d;
  const char *s = "June 30, 2017";

  g_assert_cmpuint (readout_scan_date (s, s + strlen (s), &y, &m, &d), ==, strlen (s));
  g_assert_cmpint (y, ==, 2017);
  g_assert_cmpint (m, ==, 6);
  g_assert_cmpint (d, ==, 30);
  s = "Dec. 31, 2025 and";
  g_assert_cmpuint (readout_scan_date (s, s + strlen (s), &y, &m, &d), ==, 13);
  g_assert_cmpint (m, ==, 12);
  s = "June 30,2008";
  g_assert_cmpuint (readout_scan_date (s, s + strlen (s), &y, &m, &d), >, 0);
  g_assert_cmpint (y, ==, 2008);
  s = "June 2008";
  g_assert_cmpuint (readout_scan_date (s, s + strlen (s), &y, &m, &d), ==, 0);
}

static void
test_input (void)
{
  const struct { const char *text; double value; } good[] = {
    { "2.2m", 2.2e6 }, { "2.2M", 2.2e6 }, { "$2,200,000", 2.2e6 }, { "(3.1)", -3.1 },
    { "-0.23", -0.23 }, { "1.5 billion", 1.5e9 }, { " 3.4 million ", 3.4e6 },
    { "$0.23", 0.23 }, { "12k", 12000 }, { "-$3.1M", -3.1e6 }, { "($4.8) million", -4.8e6 },
    { "0", 0 }, { "\xE2\x88\x92" "2", -2 }, { "2,2m", 2.2e6 }, { "-0,23", -0.23 },
  };
  const char *bad[] = { "", "abc", "2.2.2", "$", "12 apples", "(3.1", "1,2345", "--1" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      double value = 0;
      g_test_message ("input “%s”", good[i].text);
      g_assert_true (readout_amount_parse_input (good[i].text, &value));
      g_assert_cmpfloat_with_epsilon (value, good[i].value, fabs (good[i].value) * 1e-12 + 1e-12);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      double value = 42;
      g_test_message ("input “%s”", bad[i]);
      g_assert_false (readout_amount_parse_input (bad[i], &value));
      g_assert_cmpfloat (value, ==, 42);
    }
}

static void
test_format_short (void)
{
  const struct { double value; ReadoutUnitKind kind; const char *expected; } cases[] = {
    { 2.2e6, READOUT_UNIT_KIND_MONEY, "$2.2M" },
    { -3.1e6, READOUT_UNIT_KIND_MONEY, "\xE2\x88\x92$3.1M" },
    { 2.25e6, READOUT_UNIT_KIND_MONEY, "$2.25M" },
    { 759.1e6, READOUT_UNIT_KIND_MONEY, "$759M" },
    { 1.2e9, READOUT_UNIT_KIND_MONEY, "$1.2B" },
    { 389276, READOUT_UNIT_KIND_MONEY, "$389K" },
    { -0.23, READOUT_UNIT_KIND_PER_SHARE, "\xE2\x88\x92$0.23" },
    { 28.691e6, READOUT_UNIT_KIND_SHARES, "28.69M" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = readout_amount_format_short (cases[i].value, cases[i].kind, "USD", FALSE);
      g_assert_cmpstr (out, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/amounts/money", test_money);
  g_test_add_func ("/amounts/tolerance", test_tolerance);
  g_test_add_func ("/amounts/diluted", test_diluted);
  g_test_add_func ("/amounts/not-money", test_not_money);
  g_test_add_func ("/amounts/cells", test_cells);
  g_test_add_func ("/amounts/dates", test_dates);
  g_test_add_func ("/amounts/input", test_input);
  g_test_add_func ("/amounts/format-short", test_format_short);

  return g_test_run ();
}
