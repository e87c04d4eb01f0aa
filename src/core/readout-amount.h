/* readout-amount.h: reading amounts as people type and releases print them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "readout-types.h"

G_BEGIN_DECLS

/* Parses what a reader types in a cell: "2.2m", "$2,200,000", "(3.1)",
 * "-0.23", "1.5 billion", "3.4 million", "$0.23", "12k".  A bare number is
 * taken as written, in full units.  Surrounding blanks are ignored; the
 * empty string is not a number.  Returns FALSE for anything else. */
gboolean   readout_amount_parse_input   (const char *text,
                                         double     *value);

/* Formats @value for display in the reader's scale: "$2.2M", "−$3.1M",
 * "$0.23", "28.7M" (shares).  Uses the locale's decimal mark when
 * @localized.  Returns a newly allocated string. */
char      *readout_amount_format_short  (double           value,
                                         ReadoutUnitKind  kind,
                                         const char      *currency,
                                         gboolean         localized);

/* "$", "€", "£", "C$" for an ISO 4217 code (USD when NULL); NULL for a
 * currency shown by its code. */
const char *readout_amount_currency_symbol (const char *currency);

G_END_DECLS
