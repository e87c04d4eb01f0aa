/* readout-startup-trace.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"


#include "readout-startup-trace.h"

static gboolean traced;
static gint64 start_us;

/* As early as the program's own code runs: before main(), after the
 * dynamic linker (whose share `readout --version` measures). */
__attribute__ ((constructor)) static void
record_start (void)
{
  start_us = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, user_data);
  g_printerr ("readout: first frame with figures %.0f ms after start\n",
              (g_get_monotonic_time () - start_us) / 1000.0);
}

static void
mapped_cb (GtkWidget *widget,
           gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, mapped_cb, user_data);
  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

void
readout_startup_trace_first_frame (GtkWidget *widget)
{
  if (traced || g_getenv ("READOUT_TRACE_STARTUP") == NULL)
    return;
  traced = TRUE;
  if (gtk_widget_get_mapped (widget))
    mapped_cb (widget, NULL);
  else
    g_signal_connect (widget, "map", G_CALLBACK (mapped_cb), NULL);
}
