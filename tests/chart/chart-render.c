/* chart-render.c: renders the fixture release, to look at the chart.
 *
 *   chart-render OUT.png|svg|pdf WIDTH HEIGHT SCALE light|dark [small|many|empty]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "readout-chart.h"
#include "chart-fixtures.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ReadoutChartStyle style;
  const char *variant = argc > 6 ? argv[6] : "";

  setlocale (LC_ALL, "");
  if (argc < 6)
    {
      g_printerr ("usage: %s OUT WIDTH HEIGHT SCALE light|dark [small|many|empty]\n", argv[0]);
      return 2;
    }

  if (g_str_equal (variant, "empty"))
    store = g_list_store_new (READOUT_TYPE_FIGURE);
  else if (g_str_equal (variant, "small"))
    {
      store = g_list_store_new (READOUT_TYPE_FIGURE);
      fixture_add (store, READOUT_METRIC_REVENUE, 2.2e6, NAN);
      fixture_add (store, READOUT_METRIC_RD_EXPENSE, 3.1e6, 2.5e6);
      fixture_add (store, READOUT_METRIC_NET_INCOME, -0.9e6, 0.4e6);
    }
  else
    {
      store = fixture_release ();
      if (g_str_equal (variant, "many"))
        for (int i = 0; i < 6; i++)
          {
            g_autoptr(ReadoutFigure) figure = fixture_figure (READOUT_METRIC_CUSTOM, 5e6 * (i + 1), 4e6 * (i + 2));
            g_autofree char *label = g_strdup_printf ("Collaboration revenue from partner %d", i + 1);

            readout_figure_set_label (figure, label);
            g_list_store_append (store, figure);
          }
    }

  readout_chart_style_init_default (&style, g_str_equal (argv[5], "dark"));
  if (!readout_chart_export (G_LIST_MODEL (store), argv[1], atoi (argv[2]), atoi (argv[3]),
                             g_ascii_strtod (argv[4], NULL), &style, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
