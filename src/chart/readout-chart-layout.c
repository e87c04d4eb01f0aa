/* readout-chart-layout.c: where the chart's axis, bars and labels go.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "readout-amount.h"
#include "readout-metric.h"

#include "readout-chart-private.h"

#define PAD        8.0   /* around the whole chart */
#define AXIS_GAP   6.0   /* tick labels to plot box */
#define LEGEND_GAP 6.0   /* legend to plot box */
#define LABEL_GAP  4.0   /* plot box to metric labels */
#define TEXT_GAP   2.0   /* bar to its change text */
#define CHANGE_MARGIN 10.0 /* between neighbouring change texts */
#define LABEL_MARGIN 8.0   /* between neighbouring metric labels... */
#define LABEL_MIN_MARGIN 2.0 /* ...unless a single word needs more room */
#define MIN_PLOT   16.0  /* below this there is no room for a chart */
#define MAX_TICKS  10

typedef struct
{
  ReadoutFigure *figure;   /* owned */
  guint          position;
} Charted;

static void
clear_charted (gpointer data)
{
  g_clear_object (&((Charted *) data)->figure);
}

gboolean
readout_chart_is_charted (ReadoutFigure *figure)
{
  const char *unit;

  if (readout_metric_unit_kind (readout_figure_get_metric (figure)) != READOUT_UNIT_KIND_MONEY)
    return FALSE;

  /* A reader's own row may count shares or hold a per-share amount. */
  unit = readout_figure_get_unit (figure);
  if (unit != NULL && (strchr (unit, '/') != NULL || strcmp (unit, "shares") == 0))
    return FALSE;

  return (readout_figure_get_has_current (figure) && isfinite (readout_figure_get_current (figure))) ||
         (readout_figure_get_has_prior (figure) && isfinite (readout_figure_get_prior (figure)));
}

const char *
readout_chart_figure_label (ReadoutFigure *figure)
{
  ReadoutMetric metric = readout_figure_get_metric (figure);
  const char *label = readout_figure_get_label (figure);

  if (metric == READOUT_METRIC_CUSTOM && label != NULL && *label != '\0' &&
      strcmp (label, readout_metric_label (metric)) != 0)
    return label;
  return _(readout_metric_label (metric));
}

PangoContext *
readout_chart_create_context (cairo_t *cr)
{
  PangoContext *context;
  cairo_font_options_t *options;

  if (cr != NULL)
    context = pango_cairo_create_context (cr);
  else
    {
      context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      pango_cairo_context_set_resolution (context, 96);
    }

  /* Unhinted, unrounded metrics: the layout measured without a target is
   * the layout drawn on screen, in PNG and in PDF, at any scale. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);

  return context;
}

/* Whether @layout broke a line inside a word ("Revenu-e"). */
static gboolean
breaks_words (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      if (line->start_index > 0 && !g_ascii_isspace (text[line->start_index - 1]))
        return TRUE;
    }
  return FALSE;
}

PangoLayout *
readout_chart_label_layout (PangoContext               *context,
                            const PangoFontDescription *font,
                            const char                 *text,
                            double                      slot)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -2);
  pango_layout_set_text (layout, text, -1);

  /* Two lines broken between words, with a gap to the neighbours; a word
   * wider than that may take the whole slot; else one line cut short:
   * "Reve…" reads better than "Revenu" over "e". */
  pango_layout_set_width (layout, pango_units_from_double (MAX (slot - LABEL_MARGIN, 1)));
  if (breaks_words (layout))
    {
      pango_layout_set_width (layout, pango_units_from_double (MAX (slot - LABEL_MIN_MARGIN, 1)));
      if (breaks_words (layout))
        pango_layout_set_height (layout, -1);
    }

  return layout;
}

PangoLayout *
readout_chart_rotated_label_layout (PangoContext               *context,
                                    const PangoFontDescription *font,
                                    const char                 *text,
                                    double                      length)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (MAX (length, 1)));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);
  /* Shrink to the text, so the end can sit right under the plot. */
  if (pango_layout_is_ellipsized (layout) == FALSE)
    pango_layout_set_width (layout, -1);

  return layout;
}

char *
readout_chart_format_value (double      value,
                            const char *currency)
{
  g_autofree char *text = readout_amount_format_short (value, READOUT_UNIT_KIND_MONEY, currency, TRUE);
  char *p;

  /* Ticks are round numbers: "$20M" reads better than "$20.0M". */
  for (p = text; *p != '\0'; p++)
    {
      if ((*p == '.' || *p == ',') && g_ascii_isdigit (p[1]))
        {
          char *q = p + 1;

          while (*q == '0')
            q++;
          if (!g_ascii_isdigit (*q))
            memmove (p, q, strlen (q) + 1);
          break;
        }
    }

  return g_steal_pointer (&text);
}

static double
text_width (PangoContext               *context,
            const PangoFontDescription *font,
            const char                 *text)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  int width;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, NULL);
  return pango_units_to_double (width);
}

static double
line_height (PangoContext               *context,
             const PangoFontDescription *font)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  int height;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "0$", -1);
  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static const char *
short_label (ReadoutMetric metric)
{
  switch (metric)
    {
    /* Translators: short chart labels, used when the full metric name
     * does not fit under its bars */
    case READOUT_METRIC_RD_EXPENSE: return C_("chart", "R&D");
    case READOUT_METRIC_GA_EXPENSE: return C_("chart", "G&A");
    case READOUT_METRIC_SGA_EXPENSE: return C_("chart", "SG&A");
    case READOUT_METRIC_TOTAL_OPEX: return C_("chart", "Opex");
    case READOUT_METRIC_OPERATING_INCOME: return C_("chart", "Op. income");
    case READOUT_METRIC_NET_INCOME: return C_("chart", "Net income");
    case READOUT_METRIC_CASH: return C_("chart", "Cash");
    case READOUT_METRIC_REVENUE:
    case READOUT_METRIC_EPS:
    case READOUT_METRIC_SHARES_WEIGHTED:
    case READOUT_METRIC_CUSTOM:
    default:
      return NULL;
    }
}

/* The metric's label, or its short form when @brief and there is one; a
 * reader's own words have none, the recipes ellipsize them. */
static char *
label_text (ReadoutFigure *figure,
            gboolean       brief)
{
  const char *text = brief ? short_label (readout_figure_get_metric (figure)) : NULL;

  return g_strdup (text != NULL ? text : readout_chart_figure_label (figure));
}

/* "+8.6%" or "−7.9%"; NULL when wider than @width. */
static char *
format_change (PangoContext               *context,
               const PangoFontDescription *font,
               double                      percent,
               int                         decimals,
               double                      width)
{
  g_autofree char *number = g_strdup_printf ("%.*f", decimals, fabs (percent));
  g_autofree char *text = NULL;
  const char *sign = "";

  if (round (fabs (percent) * pow (10, decimals)) != 0)
    sign = percent < 0 ? "\xE2\x88\x92" : "+";
  /* Translators: a change in percent, e.g. "+8.6%"; the first %s is the
   * sign, the second the number */
  text = g_strdup_printf (_("%s%s%%"), sign, number);
  if (text_width (context, font, text) > width)
    return NULL;
  return g_steal_pointer (&text);
}

/* Every group's change with one decimal, or with none for all when one
 * does not fit; a change too wide even then is left out. */
static void
lay_out_changes (ReadoutChartLayout         *layout,
                 PangoContext               *context,
                 const PangoFontDescription *font,
                 GArray                     *charted)
{
  for (int decimals = 1; decimals >= 0; decimals--)
    {
      gboolean all_fit = TRUE;

      for (guint i = 0; i < charted->len; i++)
        {
          Charted *c = &g_array_index (charted, Charted, i);
          ReadoutChartGroup *group = &g_array_index (layout->groups, ReadoutChartGroup, i);
          double percent;

          g_clear_pointer (&group->change, g_free);
          if (!readout_figure_get_change_percent (c->figure, &percent) || !isfinite (percent))
            continue;
          group->change = format_change (context, font, percent, decimals, group->width - CHANGE_MARGIN);
          all_fit &= group->change != NULL;
        }
      if (all_fit)
        break;
    }
}

/* The finest 1-2-5 step that covers [min, max] in at most @max_intervals. */
static double
tick_step (double min,
           double max,
           int    max_intervals)
{
  static const double mantissas[] = { 1, 2, 5 };
  double magnitude = pow (10, floor (log10 ((max - min) / max_intervals)));

  for (int i = 0; i < 40; i++)
    {
      double step = mantissas[i % 3] * magnitude * pow (10, i / 3);
      double intervals = ceil (max / step - 1e-9) - floor (min / step + 1e-9);

      if (intervals <= max_intervals)
        return step;
    }
  return max - min;
}

typedef enum
{
  LABELS_FULL,      /* every label in full, across */
  LABELS_BRIEF,     /* short forms for all, across */
  LABELS_ROTATED,   /* short forms, running up the page */
} LabelMode;

/* Fills the groups' slots and labels; returns the height the labels need.
 * All labels take the same form, the first of the modes that fits. */
static double
lay_out_labels (ReadoutChartLayout         *layout,
                PangoContext               *context,
                const PangoFontDescription *font,
                GArray                     *charted,
                double                      slot,
                int                         height)
{
  double label_height = 0;

  for (LabelMode mode = LABELS_FULL; mode <= LABELS_ROTATED; mode++)
    {
      gboolean fits = TRUE;

      g_array_set_size (layout->groups, 0);
      label_height = 0;
      for (guint i = 0; i < charted->len; i++)
        {
          Charted *c = &g_array_index (charted, Charted, i);
          ReadoutChartGroup group = { 0 };
          g_autoptr(PangoLayout) label = NULL;
          int w, h;

          group.x = layout->plot_x + i * slot;
          group.width = slot;
          group.metric = readout_figure_get_metric (c->figure);
          group.position = c->position;
          group.label_rotated = mode == LABELS_ROTATED;
          /* Full labels go up to two lines, short ones must fit in one. */
          group.label = label_text (c->figure, mode != LABELS_FULL);
          if (group.label_rotated)
            {
              label = readout_chart_rotated_label_layout (context, font, group.label,
                                                          READOUT_CHART_ROTATED_LENGTH (height));
              pango_layout_get_size (label, &w, NULL);
              label_height = MAX (label_height, pango_units_to_double (w));
            }
          else
            {
              label = readout_chart_label_layout (context, font, group.label, slot);
              pango_layout_get_size (label, NULL, &h);
              label_height = MAX (label_height, pango_units_to_double (h));
              fits &= !pango_layout_is_ellipsized (label);
            }
          g_array_append_val (layout->groups, group);
        }
      if (fits)
        break;
    }

  return label_height;
}

static void
clear_tick (gpointer data)
{
  g_free (((ReadoutChartTick *) data)->label);
}

static void
clear_group (gpointer data)
{
  ReadoutChartGroup *group = data;

  g_free (group->label);
  g_free (group->change);
}

void
readout_chart_layout_free (ReadoutChartLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->groups);
  g_array_unref (layout->bars);
  g_array_unref (layout->ticks);
  g_free (layout);
}

static void
clear_layout (ReadoutChartLayout *layout)
{
  g_array_set_size (layout->groups, 0);
  g_array_set_size (layout->bars, 0);
  g_array_set_size (layout->ticks, 0);
}

/* Fills ticks for [min, max] over the data area and returns the widest
 * tick label. */
static double
compute_ticks (ReadoutChartLayout         *layout,
               PangoContext               *context,
               const PangoFontDescription *font,
               const char                 *currency,
               double                      min,
               double                      max,
               double                      data_top,
               double                      data_bottom)
{
  int max_intervals = CLAMP ((int) floor ((data_bottom - data_top) / (layout->line_height * 1.8)), 1, MAX_TICKS);
  double step = tick_step (min, max, max_intervals);
  long first = (long) floor (min / step + 1e-9);
  long last = (long) ceil (max / step - 1e-9);
  double widest = 0;

  g_array_set_size (layout->ticks, 0);
  for (long i = first; i <= last; i++)
    {
      ReadoutChartTick tick;

      tick.value = i * step;   /* i == 0 gives an exact 0 */
      tick.y = data_bottom - (i - first) / (double) (last - first) * (data_bottom - data_top);
      tick.label = readout_chart_format_value (tick.value, currency);
      widest = MAX (widest, text_width (context, font, tick.label));
      g_array_append_val (layout->ticks, tick);
    }
  return widest;
}

ReadoutChartLayout *
readout_chart_layout_compute (GListModel                 *figures,
                              int                         width,
                              int                         height,
                              PangoContext               *context,
                              const PangoFontDescription *font)
{
  ReadoutChartLayout *layout = g_new0 (ReadoutChartLayout, 1);
  g_autoptr(GArray) charted = g_array_new (FALSE, FALSE, sizeof (Charted));
  const char *currency = NULL;
  double min = 0, max = 0;
  double legend_width, label_height = 0, y_label_width = 0;
  double data_top = 0, data_bottom = 0, slot = 0, tick_min, tick_max;
  guint n = figures != NULL ? g_list_model_get_n_items (figures) : 0;

  g_array_set_clear_func (charted, clear_charted);

  layout->groups = g_array_new (FALSE, TRUE, sizeof (ReadoutChartGroup));
  layout->bars = g_array_new (FALSE, TRUE, sizeof (ReadoutChartBar));
  layout->ticks = g_array_new (FALSE, TRUE, sizeof (ReadoutChartTick));
  g_array_set_clear_func (layout->groups, clear_group);
  g_array_set_clear_func (layout->ticks, clear_tick);
  layout->line_height = line_height (context, font);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (figures, i);
      ReadoutFigure *figure;
      Charted c;

      if (!READOUT_IS_FIGURE (item) || !readout_chart_is_charted (READOUT_FIGURE (item)))
        continue;
      figure = READOUT_FIGURE (item);
      c = (Charted) { (ReadoutFigure *) g_steal_pointer (&item), i };
      g_array_append_val (charted, c);
      if (currency == NULL)
        currency = readout_figure_get_unit (figure);
      if (readout_figure_get_has_current (figure) && isfinite (readout_figure_get_current (figure)))
        {
          min = MIN (min, readout_figure_get_current (figure));
          max = MAX (max, readout_figure_get_current (figure));
        }
      if (readout_figure_get_has_prior (figure) && isfinite (readout_figure_get_prior (figure)))
        {
          min = MIN (min, readout_figure_get_prior (figure));
          max = MAX (max, readout_figure_get_prior (figure));
        }
    }

  layout->n_charted = charted->len;
  if (charted->len == 0)
    return layout;
  if (min == max)
    max = 1;   /* all zero: still an axis */

  legend_width = 2 * (layout->line_height * 0.7 + 4) + 12 +
                 text_width (context, font, _("Current")) +
                 text_width (context, font, _("Prior"));
  layout->legend_y = PAD;
  layout->legend_x = MAX (PAD, width - PAD - legend_width);
  layout->plot_y = PAD + layout->line_height + LEGEND_GAP;

  /* The widest tick label sets the plot box, the box sets the slots, the
   * slots the label height, which sets the ticks: settle in a few rounds. */
  for (int pass = 0; pass < 4; pass++)
    {
      double widest;

      layout->plot_x = PAD + y_label_width + AXIS_GAP;
      layout->plot_width = width - PAD - layout->plot_x;
      slot = layout->plot_width / charted->len;

      label_height = lay_out_labels (layout, context, font, charted, slot, height);
      layout->plot_height = height - PAD - label_height - LABEL_GAP - layout->plot_y;
      /* Room above the bars for their change text, and below for losses. */
      data_top = layout->plot_y + layout->line_height + TEXT_GAP;
      data_bottom = layout->plot_y + layout->plot_height -
                    (min < 0 ? layout->line_height + TEXT_GAP : 0);
      if (layout->plot_width < MIN_PLOT || data_bottom - data_top < MIN_PLOT || slot < 4)
        {
          clear_layout (layout);
          return layout;
        }

      widest = compute_ticks (layout, context, font, currency, min, max, data_top, data_bottom);
      if (widest <= y_label_width)
        break;
      y_label_width = widest;
    }

  tick_min = g_array_index (layout->ticks, ReadoutChartTick, 0).value;
  tick_max = g_array_index (layout->ticks, ReadoutChartTick, layout->ticks->len - 1).value;
#define VALUE_TO_Y(v) (data_bottom - ((v) - tick_min) / (tick_max - tick_min) * (data_bottom - data_top))
  layout->zero_y = VALUE_TO_Y (0);

  for (guint i = 0; i < charted->len; i++)
    {
      Charted *c = &g_array_index (charted, Charted, i);
      ReadoutChartGroup *group = &g_array_index (layout->groups, ReadoutChartGroup, i);
      double bar_width = CLAMP (slot * 0.3, 2, 36);
      double gap = MIN (3, slot * 0.05);
      double x = group->x + (slot - 2 * bar_width - gap) / 2;
      double top = layout->zero_y, bottom = layout->zero_y;
      gboolean gains = FALSE, losses = FALSE;

      for (int prior = 0; prior <= 1; prior++)
        {
          ReadoutChartBar bar = { 0 };
          double value_y;

          if (prior ? !readout_figure_get_has_prior (c->figure) : !readout_figure_get_has_current (c->figure))
            continue;
          bar.value = prior ? readout_figure_get_prior (c->figure) : readout_figure_get_current (c->figure);
          if (!isfinite (bar.value))
            continue;

          value_y = VALUE_TO_Y (bar.value);
          bar.x = x + prior * (bar_width + gap);
          bar.width = bar_width;
          bar.y = MIN (value_y, layout->zero_y);
          bar.height = fabs (value_y - layout->zero_y);
          bar.metric = group->metric;
          bar.position = c->position;
          bar.is_prior = prior;
          g_array_append_val (layout->bars, bar);

          top = MIN (top, bar.y);
          bottom = MAX (bottom, bar.y + bar.height);
          gains |= bar.value > 0;
          losses |= bar.value < 0;
        }

      group->label_y = layout->plot_y + layout->plot_height + LABEL_GAP;
      /* Above the bars, below them for a loss on both sides. */
      group->change_y = losses && !gains ? bottom + TEXT_GAP
                                         : top - TEXT_GAP - layout->line_height;
    }
#undef VALUE_TO_Y

  lay_out_changes (layout, context, font, charted);

  return layout;
}

ReadoutChartLayout *
readout_chart_layout (GListModel *figures,
                      int         width,
                      int         height,
                      const char *font)
{
  g_autoptr(PangoFontDescription) description = NULL;
  ReadoutChartLayout *layout;
  PangoContext *context;   /* no g_autoptr for it in Pango 1.50 */

  g_return_val_if_fail (figures == NULL || G_IS_LIST_MODEL (figures), NULL);

  context = readout_chart_create_context (NULL);
  description = pango_font_description_from_string (font != NULL ? font : READOUT_CHART_DEFAULT_FONT);
  layout = readout_chart_layout_compute (figures, width, height, context, description);
  g_object_unref (context);
  return layout;
}
