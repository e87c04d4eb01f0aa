/* readout-format.h: how the window shows numbers (short or full).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "readout-figure.h"

G_BEGIN_DECLS

/* The values of the number-style setting. */
typedef enum
{
  READOUT_NUMBER_STYLE_SHORT,
  READOUT_NUMBER_STYLE_FULL,
} ReadoutNumberStyle;

/* "$2,200,000", "−$0.23", "28,700,000" (grouped, locale decimal mark). */
char *readout_format_full          (double              value,
                                    ReadoutUnitKind     kind,
                                    const char         *currency);
char *readout_format_amount        (double              value,
                                    ReadoutUnitKind     kind,
                                    const char         *currency,
                                    ReadoutNumberStyle  style);
/* The figure's current / prior / change as shown, "" when unknown. */
char *readout_format_figure_value  (ReadoutFigure      *figure,
                                    gboolean            prior,
                                    ReadoutNumberStyle  style);
char *readout_format_figure_change (ReadoutFigure      *figure,
                                    ReadoutNumberStyle  style);
/* "+12.3%", "−4.0%", "" when unknown. */
char *readout_format_figure_change_percent (ReadoutFigure *figure);
/* Translated status word: "Extracted", "Confirmed", "Edited", "Added". */
const char *readout_format_status  (ReadoutStatus       status);
/* The unit kind of a figure (from its metric; its unit for custom rows). */
ReadoutUnitKind readout_format_unit_kind (ReadoutFigure *figure);

G_END_DECLS
