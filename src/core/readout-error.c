/* readout-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "readout-error.h"

G_DEFINE_QUARK (readout-load-error-quark, readout_load_error)
