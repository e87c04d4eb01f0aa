/* test-extract.c: finding figures in prose and tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "readout-check.h"
#include "readout-document.h"
#include "readout-error.h"
#include "readout-metric.h"

static ReadoutDocument *
extract (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  ReadoutDocument *document = readout_document_new_from_bytes ("release.txt", bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* A figure's values; NAN for "not found". */
static void
assert_figure (ReadoutDocument *document,
               ReadoutMetric    metric,
               double           current,
               double           prior)
{
  ReadoutFigure *figure = readout_document_get_figure (document, metric);

  g_test_message ("%s", readout_metric_id (metric));
  if (isnan (current))
    g_assert_false (readout_figure_get_has_current (figure));
  else
    {
      g_assert_true (readout_figure_get_has_current (figure));
      g_assert_cmpfloat_with_epsilon (readout_figure_get_current (figure), current, fabs (current) * 1e-9 + 1e-9);
    }
  if (isnan (prior))
    g_assert_false (readout_figure_get_has_prior (figure));
  else
    {
      g_assert_true (readout_figure_get_has_prior (figure));
      g_assert_cmpfloat_with_epsilon (readout_figure_get_prior (figure), prior, fabs (prior) * 1e-9 + 1e-9);
    }
}

static void
test_seed (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "seed-cellectar-q2-2017.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutDocument) document = readout_document_load (file, NULL, &error);
  ReadoutFigure *rd, *cash;

  g_assert_no_error (error);
  g_assert_cmpstr (readout_document_get_company (document), ==, "Cellectar Biosciences, Inc.");
  g_assert_cmpstr (readout_document_get_period (document), ==, "Q2 2017");
  g_assert_cmpstr (readout_document_get_prior_period (document), ==, "Q2 2016");
  g_assert_cmpstr (readout_document_get_period_end (document), ==, "2017-06-30");

  assert_figure (document, READOUT_METRIC_RD_EXPENSE, 2.2e6, 1.0e6);
  assert_figure (document, READOUT_METRIC_GA_EXPENSE, 1.0e6, 1.3e6);
  assert_figure (document, READOUT_METRIC_OPERATING_INCOME, -3.2e6, -2.3e6);
  assert_figure (document, READOUT_METRIC_NET_INCOME, -3.1e6, NAN);
  assert_figure (document, READOUT_METRIC_EPS, -0.23, NAN);
  assert_figure (document, READOUT_METRIC_CASH, 8.3e6, 11.4e6);
  assert_figure (document, READOUT_METRIC_REVENUE, NAN, NAN);
  assert_figure (document, READOUT_METRIC_SGA_EXPENSE, NAN, NAN);
  assert_figure (document, READOUT_METRIC_TOTAL_OPEX, NAN, NAN);
  assert_figure (document, READOUT_METRIC_SHARES_WEIGHTED, NAN, NAN);

  rd = readout_document_get_figure (document, READOUT_METRIC_RD_EXPENSE);
  g_assert_true (readout_figure_get_flags (rd) & READOUT_FIGURE_FLAGS_PRIOR_DERIVED);
  g_assert_cmpstr (readout_figure_get_source (rd), ==,
                   "Research and development expenses were $2.2 million, an increase of $1.2 million from the prior year.");
  g_assert_cmpuint (readout_figure_get_status (rd), ==, READOUT_STATUS_EXTRACTED);
  g_assert_false (readout_figure_get_flags (readout_document_get_figure (document, READOUT_METRIC_OPERATING_INCOME)) &
                  READOUT_FIGURE_FLAGS_PRIOR_DERIVED);

  cash = readout_document_get_figure (document, READOUT_METRIC_CASH);
  g_assert_cmpstr (readout_figure_get_prior_period (cash), ==, "2016-12-31");

  /* The source span points at the sentence in the normalized text. */
  {
    const char *text = readout_text_get_text (readout_document_get_text (document), NULL);
    g_assert_true (g_str_has_prefix (text + readout_figure_get_source_start (rd), "Research and development expenses were $2.2"));
  }
}

static void
test_sentence_shapes (void)
{
  g_autoptr(ReadoutDocument) document =
    extract ("Acme Therapeutics, Inc. (Nasdaq: ACME) today reported results for the third quarter ended September 30, 2016.\n"
             "Revenue for the third quarter of 2016 was $12.5 million compared to $10.1 million for the same period in 2015.\n"
             "Research and development expenses increased to $8.4 million in Q3 2016 from $7.9 million in Q3 2015.\n"
             "General and administrative expenses were $3.0 million, a decrease of 2% from the prior year.\n"
             "For the nine months ended September 30, 2016, revenue was $30.2 million compared to $25.0 million.\n"
             "Net loss for the third quarter of 2016 was $4.1 million, or $0.21 per share, compared to a net loss of $5.0 million, or $0.30 per share, for the third quarter of 2015.\n"
             "Cash, cash equivalents and marketable securities were $88.0 million as of September 30, 2016, compared to $95.5 million as of December 31, 2015.\n");

  g_assert_cmpstr (readout_document_get_period (document), ==, "Q3 2016");
  g_assert_cmpstr (readout_document_get_company (document), ==, "Acme Therapeutics, Inc.");
  assert_figure (document, READOUT_METRIC_REVENUE, 12.5e6, 10.1e6);
  assert_figure (document, READOUT_METRIC_RD_EXPENSE, 8.4e6, 7.9e6);
  /* 3.0 / 0.98, derived */
  assert_figure (document, READOUT_METRIC_GA_EXPENSE, 3.0e6, 3.0e6 / 0.98);
  g_assert_true (readout_figure_get_flags (readout_document_get_figure (document, READOUT_METRIC_GA_EXPENSE)) &
                 READOUT_FIGURE_FLAGS_PRIOR_DERIVED);
  assert_figure (document, READOUT_METRIC_NET_INCOME, -4.1e6, -5.0e6);
  assert_figure (document, READOUT_METRIC_EPS, -0.21, -0.30);
  assert_figure (document, READOUT_METRIC_CASH, 88.0e6, 95.5e6);
  g_assert_cmpstr (readout_figure_get_prior_period (readout_document_get_figure (document, READOUT_METRIC_CASH)),
                   ==, "2015-12-31");
}

static void
test_diluted_and_adjusted_are_not_eps (void)
{
  g_autoptr(ReadoutDocument) document =
    extract ("Results for the second quarter of 2011.\n"
             "Net income was $0.2 million, or $0.01 per diluted share, for the second quarter of 2011, compared to a net loss of $0.4 million, or negative $0.02 per diluted share, for the second quarter of 2010.\n"
             "Adjusted net income for the second quarter of 2011 was $9.9 million.\n");

  assert_figure (document, READOUT_METRIC_NET_INCOME, 0.2e6, -0.4e6);
  assert_figure (document, READOUT_METRIC_EPS, NAN, NAN);
}

static void
test_attributable_to_common_stockholders (void)
{
  g_autoptr(ReadoutDocument) document =
    extract ("First quarter 2024 results.\n"
             "- Net loss attributable to common stockholders was $79.9 million, or $0.45 per share, compared with $68.0 million, or $0.41 per share, in the first quarter of 2023.\n"
             "- Net loss attributable to non-controlling interests was $1.0 million.\n"
             "- Non-GAAP net loss was $60.0 million.\n");

  assert_figure (document, READOUT_METRIC_NET_INCOME, -79.9e6, -68.0e6);
  assert_figure (document, READOUT_METRIC_EPS, -0.45, -0.41);
}

static void
test_respectively (void)
{
  g_autoptr(ReadoutDocument) document =
    extract ("Second quarter 2022 results.\n"
             "Research and development expenses were $5.0 million and general and administrative expenses were $2.0 million "
             "for the quarter ended June 30, 2022, compared to $4.0 million and $1.5 million, respectively, for the quarter ended June 30, 2021.\n");

  assert_figure (document, READOUT_METRIC_RD_EXPENSE, 5.0e6, 4.0e6);
  assert_figure (document, READOUT_METRIC_GA_EXPENSE, 2.0e6, 1.5e6);
}

static void
test_prior_in_parentheses (void)
{
  g_autoptr(ReadoutDocument) document =
    extract ("Epsilon Bio AG reports first half 2023 results and Q2 highlights\n"
             "Revenues for the second quarter of 2023 amounted to EUR 12.5 million (Q2 2022: EUR 10.0 million).\n"
             "As of June 30, 2023, cash and cash equivalents amounted to EUR 55.0 million (December 31, 2022: EUR 70.2 million).\n");

  assert_figure (document, READOUT_METRIC_REVENUE, 12.5e6, 10.0e6);
  assert_figure (document, READOUT_METRIC_CASH, 55.0e6, 70.2e6);
  g_assert_cmpstr (readout_figure_get_unit (readout_document_get_figure (document, READOUT_METRIC_REVENUE)), ==, "EUR");
}

static void
test_money_raised_after_period_is_not_cash (void)
{
  g_autoptr(ReadoutDocument) document =
    extract ("Second quarter 2026 results.\n"
             "The Company has $420.0 million in cash, cash equivalents and marketable securities based on $354.3 million as of June 30, 2026 and $65.7 million in net proceeds generated after June 30, 2026.\n"
             "Net cash used in the second quarter of 2026 was $40.1 million.\n");

  assert_figure (document, READOUT_METRIC_CASH, 354.3e6, NAN);
}

static const char statement[] =
  "Acme Corp. reports the second quarter of 2024.\n"
  "\n"
  "Condensed Consolidated Statements of Operations\n"
  "(in thousands, except per share data)\n"
  "Three Months Ended June 30, | Six Months Ended June 30,\n"
  "2024 | 2023 | 2024 | 2023\n"
  "Collaboration revenue | 1,500 | 2,000 | 3,100 | 4,000\n"
  "Research and development | 33,991 | 41,180 | 70,000 | 80,000\n"
  "General and administrative | 6,202 | 4,130 | 12,000 | 9,000\n"
  "Total operating expenses | 40,193 | 45,310 | 82,000 | 89,000\n"
  "Loss from operations | (38,693) | (43,310) | (78,900) | (85,000)\n"
  "Net loss | (37,884 | (41,329 | (75,000 | (80,000\n"
  "Net loss per share:\n"
  "Basic and diluted | (1.32 | (1.50 | (2.61 | (2.90\n"
  "Weighted-average shares outstanding:\n"
  "Basic and diluted | 28,691 | 27,550 | 28,700 | 27,500\n";

static void
test_statement_table (void)
{
  g_autoptr(ReadoutDocument) document = extract (statement);

  assert_figure (document, READOUT_METRIC_REVENUE, 1.5e6, 2.0e6);
  assert_figure (document, READOUT_METRIC_RD_EXPENSE, 33.991e6, 41.18e6);
  assert_figure (document, READOUT_METRIC_GA_EXPENSE, 6.202e6, 4.13e6);
  assert_figure (document, READOUT_METRIC_TOTAL_OPEX, 40.193e6, 45.31e6);
  assert_figure (document, READOUT_METRIC_OPERATING_INCOME, -38.693e6, -43.31e6);
  assert_figure (document, READOUT_METRIC_NET_INCOME, -37.884e6, -41.329e6);
  /* per-share rows are never scaled; shares are not mistaken for EPS */
  assert_figure (document, READOUT_METRIC_EPS, -1.32, -1.50);
  assert_figure (document, READOUT_METRIC_SHARES_WEIGHTED, 28.691e6, 27.55e6);
  /* a metric the statement does not have is missing, not guessed */
  assert_figure (document, READOUT_METRIC_SGA_EXPENSE, NAN, NAN);
  assert_figure (document, READOUT_METRIC_CASH, NAN, NAN);
}

static void
test_quarter_column_after_year_to_date (void)
{
  g_autoptr(ReadoutDocument) document =
    extract ("Second quarter 2008 results.\n"
             "(in millions)\n"
             "Six Months Ended June 30, | Three Months Ended June 30,\n"
             "2008 | 2007 | 2008 | 2007\n"
             "Total revenues | 32.7 | 10.0 | 15.6 | 4.0\n");

  assert_figure (document, READOUT_METRIC_REVENUE, 15.6e6, 4.0e6);
}

static void
test_table_beats_prose (void)
{
  g_autoptr(ReadoutDocument) document =
    extract ("Second quarter 2024 results.\n"
             "Research and development expenses were $34.0 million, compared to $41.2 million.\n"
             "\n"
             "(in thousands)\n"
             "Three Months Ended June 30,\n"
             "2024 | 2023\n"
             "Research and development | 33,991 | 41,180\n");

  assert_figure (document, READOUT_METRIC_RD_EXPENSE, 33.991e6, 41.18e6);
}

static void
test_balance_sheet_cash (void)
{
  g_autoptr(ReadoutDocument) document =
    extract ("First quarter 2026 results.\n"
             "Consolidated Balance Sheets\n"
             "(in thousands)\n"
             "March 31, 2026 | December 31, 2025\n"
             "Cash and cash equivalents | 248,469 | 238,196\n"
             "Total assets | 329,684 | 364,395\n");
  ReadoutFigure *cash;

  assert_figure (document, READOUT_METRIC_CASH, 248.469e6, 238.196e6);
  cash = readout_document_get_figure (document, READOUT_METRIC_CASH);
  g_assert_cmpstr (readout_figure_get_prior_period (cash), ==, "2025-12-31");
}

static void
test_unstated_scale_is_inferred_or_missing (void)
{
  /* No "(in thousands)": net income over EPS gives 45,800 shares, too few
   * for a listed company, so the table is in thousands. */
  g_autoptr(ReadoutDocument) inferred =
    extract ("Second quarter 2008.\n"
             "Three Months Ended June 30,\n"
             "2008 | 2007\n"
             "Net income (loss) | 6,870 | (2,199)\n"
             "Earnings (loss) per share:\n"
             "Basic | 0.15 | (0.06)\n");
  g_autoptr(ReadoutDocument) unknown =
    extract ("Second quarter 2008.\n"
             "Three Months Ended June 30,\n"
             "2008 | 2007\n"
             "Research and development | 6,870 | 2,199\n"
             "Net loss per share | (0.15) | (0.06)\n");

  assert_figure (inferred, READOUT_METRIC_NET_INCOME, 6.87e6, -2.199e6);
  assert_figure (unknown, READOUT_METRIC_RD_EXPENSE, NAN, NAN);
  assert_figure (unknown, READOUT_METRIC_EPS, -0.15, -0.06);
}

static void
test_period_named_columns (void)
{
  g_autoptr(ReadoutDocument) document =
    extract ("NVIDIA announces results for the fourth quarter of fiscal 2026, ended January 25, 2026.\n"
             "Q4 Fiscal 2026 Summary\n"
             "GAAP\n"
             "($ in millions, except earnings per share) | Q4 FY26 | Q3 FY26 | Q4 FY25 | Q/Q | Y/Y\n"
             "Revenue | $68,127 | $57,006 | $39,331 | 20% | 73%\n"
             "Operating income | $44,299 | $36,010 | $24,034 | 23% | 84%\n"
             "\n"
             "Non-GAAP\n"
             "($ in millions, except earnings per share) | Q4 FY26 | Q3 FY26 | Q4 FY25 | Q/Q | Y/Y\n"
             "Net income | $39,552 | $31,767 | $22,066 | 25% | 79%\n");

  g_assert_cmpstr (readout_document_get_period (document), ==, "Q4 FY2026");
  /* the prior is the same quarter a year earlier, not the quarter before */
  assert_figure (document, READOUT_METRIC_REVENUE, 68127e6, 39331e6);
  assert_figure (document, READOUT_METRIC_OPERATING_INCOME, 44299e6, 24034e6);
  /* non-GAAP tables are not the figures */
  assert_figure (document, READOUT_METRIC_NET_INCOME, NAN, NAN);
}

static void
test_grid_tables (void)
{
  /* The shape the HTML and PDF loaders write: an empty label cell over
   * every column, days over years on balance sheets, "(Decr.)" columns. */
  g_autoptr(ReadoutDocument) document =
    extract ("Results for the second quarter of 2023.\n"
             "(millions, except per share data)\n"
             " | Second-Quarter | Second-Quarter | Second-Quarter % Incr. / | Six Months | Six Months | Six Months % Incr. /\n"
             " | 2023 | 2022 | (Decr.) | 2023 | 2022 | (Decr.)\n"
             "Revenues | $12,734 | $27,742 | (54) | $31,015 | $53,402 | (42)\n"
             "Earnings per common share--basic:\n"
             "Income from continuing operations attributable to Acme Inc.\n"
             "common shareholders | $0.41 | $1.76 | (77) | $1.40 | $3.17 | (56)\n"
             "Net income attributable to Acme Inc. common shareholders | $0.41 | $1.77 | (77) | $1.40 | $3.17 | (56)\n"
             "Weighted-average number of common shares outstanding (in thousands):\n"
             "Basic | 69,986 | 70,272 |  | 70,000 | 70,100\n"
             "\n"
             "CONDENSED CONSOLIDATED BALANCE SHEETS\n"
             "(In millions)\n"
             " | July 2, | December 31,\n"
             " | 2023 | 2022\n"
             "ASSETS\n"
             "Current assets:\n"
             "Cash and cash equivalents | $480.4 | $716.1\n"
             "\n"
             "Revenue by region\n"
             " | Second-Quarter | Second-Quarter | Second-Quarter | Second-Quarter\n"
             " | 2023 | 2023 | 2022 | 2022\n"
             "(In millions) | United States | International | United States | International\n"
             "Total revenues | $5,000 | $7,734 | $9,000 | $18,742\n");

  assert_figure (document, READOUT_METRIC_REVENUE, 12734e6, 27742e6);
  /* net income per share, not continuing operations; never scaled */
  assert_figure (document, READOUT_METRIC_EPS, 0.41, 1.77);
  /* the row says thousands though the table is in millions */
  assert_figure (document, READOUT_METRIC_SHARES_WEIGHTED, 69.986e6, 70.272e6);
  assert_figure (document, READOUT_METRIC_CASH, 480.4e6, 716.1e6);
  g_assert_cmpstr (readout_figure_get_prior_period (readout_document_get_figure (document, READOUT_METRIC_CASH)),
                   ==, "2022-12-31");
}

static void
test_unlabeled_total_row (void)
{
  g_autoptr(ReadoutDocument) document =
    extract ("Third quarter of fiscal 2024 results for the 13-week fiscal quarter ended November 2, 2024.\n"
             "(Amounts in Thousands Except Per Share Amounts)\n"
             " | Thirteen Weeks Ended | Thirteen Weeks Ended | Thirty-Nine Weeks Ended | Thirty-Nine Weeks Ended\n"
             " | November 2, 2024 | October 28, 2023 | November 2, 2024 | October 28, 2023\n"
             "SALES, Net of returns and allowances | $293,618 | $303,457 | $838,490 | $878,719\n"
             "OPERATING EXPENSES:\n"
             "Selling | 71,986 | 70,242 | 206,454 | 205,081\n"
             "General and administrative | 13,602 | 12,908 | 41,709 | 39,247\n"
             " | 85,588 | 83,150 | 248,163 | 244,328\n"
             "INCOME FROM OPERATIONS | 54,483 | 64,065 | 145,139 | 174,556\n");

  g_assert_cmpstr (readout_document_get_period (document), ==, "Q3 FY2024");
  assert_figure (document, READOUT_METRIC_REVENUE, 293.618e6, 303.457e6);
  assert_figure (document, READOUT_METRIC_TOTAL_OPEX, 85.588e6, 83.15e6);
  assert_figure (document, READOUT_METRIC_OPERATING_INCOME, 54.483e6, 64.065e6);
}

static void
test_no_figures (void)
{
  const char *text = "A press release about a conference. Call (888) 646-8293 on June 30, 2017.\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(ReadoutDocument) document = readout_document_new_from_bytes ("conference.txt", bytes, NULL, &error);

  g_assert_null (document);
  g_assert_error (error, READOUT_LOAD_ERROR, READOUT_LOAD_ERROR_NO_FIGURES);
  g_assert_nonnull (strstr (error->message, "conference.txt"));
}

static void
test_fiscal_periods (void)
{
  g_autoptr(ReadoutDocument) quarter =
    extract ("Accelr8 reported its third quarter results. The company reported a loss of $788,865 or $0.08 per share "
             "for the quarter ended April 30, 2006. The company's fiscal year ends July 31, 2006.\n");
  g_autoptr(ReadoutDocument) year =
    extract ("Biomerica today reported its fiscal 2021 financial results.\n"
             "Net sales for the fiscal year ended May 31, 2021 were $7.2 million as compared to net sales of $6.7 million in fiscal 2020.\n");

  g_assert_cmpstr (readout_document_get_period (quarter), ==, "Q3 FY2006");
  g_assert_cmpstr (readout_document_get_prior_period (quarter), ==, "Q3 FY2005");
  assert_figure (quarter, READOUT_METRIC_NET_INCOME, -788865, NAN);
  assert_figure (quarter, READOUT_METRIC_EPS, -0.08, NAN);
  g_assert_cmpstr (readout_document_get_period (year), ==, "FY 2021");
  assert_figure (year, READOUT_METRIC_REVENUE, 7.2e6, 6.7e6);
}

static void
test_edits_and_added_rows (void)
{
  g_autoptr(ReadoutDocument) document = extract (statement);
  ReadoutFigure *rd = readout_document_get_figure (document, READOUT_METRIC_RD_EXPENSE);
  ReadoutFigure *added;
  guint n = g_list_model_get_n_items (readout_document_get_figures (document));

  g_assert_cmpuint (n, ==, READOUT_N_CATALOGUE_METRICS);

  /* Equal values change nothing, a new value marks the row edited. */
  readout_figure_edit_current (rd, TRUE, 33.991e6);
  g_assert_cmpuint (readout_figure_get_status (rd), ==, READOUT_STATUS_EXTRACTED);
  readout_figure_edit_current (rd, TRUE, 34e6);
  g_assert_cmpuint (readout_figure_get_status (rd), ==, READOUT_STATUS_EDITED);

  /* Catalogue rows cannot be removed, added rows can. */
  g_assert_false (readout_document_remove_figure (document, rd));
  added = readout_document_add_figure (document, "Royalty revenue", 0, 10);
  g_assert_cmpuint (readout_figure_get_status (added), ==, READOUT_STATUS_ADDED);
  g_assert_cmpuint (readout_figure_get_metric (added), ==, READOUT_METRIC_CUSTOM);
  g_assert_cmpstr (readout_figure_get_source (added), ==, "Acme Corp.");
  g_assert_cmpuint (g_list_model_get_n_items (readout_document_get_figures (document)), ==, n + 1);
  readout_figure_edit_current (added, TRUE, 5);
  g_assert_cmpuint (readout_figure_get_status (added), ==, READOUT_STATUS_ADDED);
  g_object_ref (added);
  g_assert_true (readout_document_remove_figure (document, added));
  g_assert_cmpuint (g_list_model_get_n_items (readout_document_get_figures (document)), ==, n);
  /* undo puts it back */
  readout_document_insert_figure (document, n, added);
  g_assert_cmpuint (g_list_model_get_n_items (readout_document_get_figures (document)), ==, n + 1);
  g_object_unref (added);
}

static const ReadoutCheck *
find_stated_change_check (ReadoutDocument *document,
                          ReadoutMetric    metric)
{
  GPtrArray *checks = readout_document_get_checks (document);

  for (guint i = 0; i < checks->len; i++)
    {
      const ReadoutCheck *check = g_ptr_array_index (checks, i);
      if (check->kind == READOUT_CHECK_STATED_CHANGE && readout_check_involves (check, metric))
        return check;
    }
  return NULL;
}

static gboolean
check_failed (ReadoutDocument *document,
              ReadoutMetric    metric)
{
  return (readout_figure_get_flags (readout_document_get_figure (document, metric)) &
          READOUT_FIGURE_FLAGS_CHECK_FAILED) != 0;
}

static void
test_stated_change (void)
{
  g_autoptr(ReadoutDocument) document =
    extract ("Acme Therapeutics, Inc. today reported results for the second quarter ended June 30, 2017.\n"
             "General and administrative expenses were $2.0 million, compared to $1.5 million in the second quarter of 2016, an increase of $0.5 million.\n"
             "Revenue was $10.0 million, compared to $8.0 million for the prior year period, a decrease of $2.0 million.\n"
             "Net loss for the second quarter of 2017 was $5.0 million, compared to $4.0 million for the second quarter of 2016, an increase of $1.0 million.\n"
             "Research and development expenses were $5.0 million for the second quarter of 2017, compared to $4.0 million for the second quarter of 2016, and increased by $3.0 million for the six months ended June 30, 2017.\n"
             "Cash and cash equivalents were $20.0 million as of June 30, 2017, a decrease of $3.0 million from December 31, 2016.\n");
  ReadoutFigure *ga = readout_document_get_figure (document, READOUT_METRIC_GA_EXPENSE);
  ReadoutFigure *revenue = readout_document_get_figure (document, READOUT_METRIC_REVENUE);
  ReadoutFigure *net = readout_document_get_figure (document, READOUT_METRIC_NET_INCOME);
  ReadoutFigure *cash = readout_document_get_figure (document, READOUT_METRIC_CASH);

  /* A change stated beside a stated prior, and it adds up. */
  assert_figure (document, READOUT_METRIC_GA_EXPENSE, 2.0e6, 1.5e6);
  g_assert_true (readout_figure_get_has_stated_change (ga));
  g_assert_cmpfloat_with_epsilon (readout_figure_get_stated_change (ga), 0.5e6, 1e-3);
  g_assert_cmpfloat_with_epsilon (readout_figure_get_stated_change_tolerance (ga), 0.05e6, 1e-3);
  g_assert_true (find_stated_change_check (document, READOUT_METRIC_GA_EXPENSE)->passed);
  g_assert_false (check_failed (document, READOUT_METRIC_GA_EXPENSE));

  /* The release contradicts itself: flagged, values kept as printed. */
  assert_figure (document, READOUT_METRIC_REVENUE, 10.0e6, 8.0e6);
  g_assert_cmpfloat_with_epsilon (readout_figure_get_stated_change (revenue), -2.0e6, 1e-3);
  g_assert_false (find_stated_change_check (document, READOUT_METRIC_REVENUE)->passed);
  g_assert_true (check_failed (document, READOUT_METRIC_REVENUE));
  g_assert_false (check_failed (document, READOUT_METRIC_GA_EXPENSE));

  /* "Net loss …, an increase of $1.0 million": the loss grew. */
  assert_figure (document, READOUT_METRIC_NET_INCOME, -5.0e6, -4.0e6);
  g_assert_cmpfloat_with_epsilon (readout_figure_get_stated_change (net), -1.0e6, 1e-3);
  g_assert_false (check_failed (document, READOUT_METRIC_NET_INCOME));

  /* A change for the six months is not the quarter's. */
  assert_figure (document, READOUT_METRIC_RD_EXPENSE, 5.0e6, 4.0e6);
  g_assert_false (readout_figure_get_has_stated_change (readout_document_get_figure (document, READOUT_METRIC_RD_EXPENSE)));
  g_assert_false (check_failed (document, READOUT_METRIC_RD_EXPENSE));

  /* A prior derived from the change is not checked against it. */
  assert_figure (document, READOUT_METRIC_CASH, 20.0e6, 23.0e6);
  g_assert_true (readout_figure_get_flags (cash) & READOUT_FIGURE_FLAGS_PRIOR_DERIVED);
  g_assert_false (readout_figure_get_has_stated_change (cash));
  g_assert_null (find_stated_change_check (document, READOUT_METRIC_CASH));
}

static void
test_stated_change_follows_edits (void)
{
  g_autoptr(ReadoutDocument) document =
    extract ("Acme Therapeutics, Inc. today reported results for the second quarter ended June 30, 2017.\n"
             "General and administrative expenses were $2.0 million, compared to $1.5 million in the second quarter of 2016, an increase of $0.5 million.\n");
  ReadoutFigure *ga = readout_document_get_figure (document, READOUT_METRIC_GA_EXPENSE);

  g_assert_false (check_failed (document, READOUT_METRIC_GA_EXPENSE));
  /* The document rechecks on every edit. */
  readout_figure_edit_current (ga, TRUE, 2.2e6);
  g_assert_true (check_failed (document, READOUT_METRIC_GA_EXPENSE));
  readout_figure_edit_prior (ga, TRUE, 1.7e6);
  g_assert_false (check_failed (document, READOUT_METRIC_GA_EXPENSE));
  readout_figure_edit_prior (ga, TRUE, 1.0e6);
  g_assert_true (check_failed (document, READOUT_METRIC_GA_EXPENSE));
  readout_figure_edit_current (ga, TRUE, 1.5e6);
  g_assert_false (check_failed (document, READOUT_METRIC_GA_EXPENSE));
}

static void
test_table_takes_the_prose_change (void)
{
  /* The sentence's $34.0 million is the table's 33,991: its change is the
   * figure's.  The sentence on G&A speaks of other figures: not carried. */
  g_autoptr(ReadoutDocument) document =
    extract ("Second quarter 2024 results.\n"
             "Research and development expenses were $34.0 million, compared to $41.2 million, a decrease of $7.2 million.\n"
             "General and administrative expenses were $5.0 million, compared to $4.0 million, an increase of $1.0 million.\n"
             "\n"
             "(in thousands)\n"
             "Three Months Ended June 30,\n"
             "2024 | 2023\n"
             "Research and development | 33,991 | 41,180\n"
             "General and administrative | 6,202 | 4,130\n");
  ReadoutFigure *rd = readout_document_get_figure (document, READOUT_METRIC_RD_EXPENSE);
  ReadoutFigure *ga = readout_document_get_figure (document, READOUT_METRIC_GA_EXPENSE);

  assert_figure (document, READOUT_METRIC_RD_EXPENSE, 33.991e6, 41.18e6);
  g_assert_true (readout_figure_get_has_stated_change (rd));
  g_assert_cmpfloat_with_epsilon (readout_figure_get_stated_change (rd), -7.2e6, 1e-3);
  g_assert_true (find_stated_change_check (document, READOUT_METRIC_RD_EXPENSE)->passed);
  g_assert_true (g_str_has_prefix (readout_figure_get_source (rd), "Research and development |"));

  assert_figure (document, READOUT_METRIC_GA_EXPENSE, 6.202e6, 4.13e6);
  g_assert_false (readout_figure_get_has_stated_change (ga));
  g_assert_null (find_stated_change_check (document, READOUT_METRIC_GA_EXPENSE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extract/seed", test_seed);
  g_test_add_func ("/extract/sentence-shapes", test_sentence_shapes);
  g_test_add_func ("/extract/diluted-and-adjusted-are-not-eps", test_diluted_and_adjusted_are_not_eps);
  g_test_add_func ("/extract/attributable-to-common-stockholders", test_attributable_to_common_stockholders);
  g_test_add_func ("/extract/respectively", test_respectively);
  g_test_add_func ("/extract/prior-in-parentheses", test_prior_in_parentheses);
  g_test_add_func ("/extract/money-raised-after-period-is-not-cash", test_money_raised_after_period_is_not_cash);
  g_test_add_func ("/extract/statement-table", test_statement_table);
  g_test_add_func ("/extract/quarter-column-after-year-to-date", test_quarter_column_after_year_to_date);
  g_test_add_func ("/extract/table-beats-prose", test_table_beats_prose);
  g_test_add_func ("/extract/balance-sheet-cash", test_balance_sheet_cash);
  g_test_add_func ("/extract/unstated-scale", test_unstated_scale_is_inferred_or_missing);
  g_test_add_func ("/extract/period-named-columns", test_period_named_columns);
  g_test_add_func ("/extract/grid-tables", test_grid_tables);
  g_test_add_func ("/extract/unlabeled-total-row", test_unlabeled_total_row);
  g_test_add_func ("/extract/no-figures", test_no_figures);
  g_test_add_func ("/extract/fiscal-periods", test_fiscal_periods);
  g_test_add_func ("/extract/edits-and-added-rows", test_edits_and_added_rows);
  g_test_add_func ("/extract/stated-change", test_stated_change);
  g_test_add_func ("/extract/stated-change-follows-edits", test_stated_change_follows_edits);
  g_test_add_func ("/extract/table-takes-the-prose-change", test_table_takes_the_prose_change);

  return g_test_run ();
}
