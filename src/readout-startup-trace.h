/* readout-startup-trace.h: how long until the figures are on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* With READOUT_TRACE_STARTUP set, prints on standard error how many
 * milliseconds after the process started @widget's first frame was
 * painted (DESIGN.md's budget: 0.5 s from `readout FILE` to the figures).
 * Does nothing otherwise. */
void readout_startup_trace_first_frame (GtkWidget *widget);

G_END_DECLS
