/* readout-chart-view.c: draws the chart with the theme's colours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "readout-figure.h"

#include "readout-chart-view.h"

struct _ReadoutChartView
{
  GtkWidget          parent_instance;

  GListModel        *figures;
  GPtrArray         *watched;   /* ReadoutFigure whose notify we follow */

  ReadoutChartStyle  style;
  char              *font;      /* style.font points here */
};

G_DEFINE_FINAL_TYPE (ReadoutChartView, readout_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FIGURES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static ReadoutRgba
rgba_from_gdk (const GdkRGBA *rgba)
{
  return (ReadoutRgba) { rgba->red, rgba->green, rgba->blue, rgba->alpha };
}

/* The one place that asks the style context (4.8's API; gtk_widget_get_color
 * is 4.10): the CSS colour, or a named colour of the theme. */
static gboolean
theme_color (GtkWidget   *widget,
             const char  *name,
             ReadoutRgba *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA rgba;

  if (name == NULL)
    gtk_style_context_get_color (context, &rgba);
  else if (!gtk_style_context_lookup_color (context, name, &rgba))
    return FALSE;
  *color = rgba_from_gdk (&rgba);
  return TRUE;
}

static void
update_style (ReadoutChartView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(PangoFontDescription) font = NULL;
  ReadoutRgba foreground;
  gboolean dark;

  /* Light text means a dark theme, whatever its name. */
  theme_color (widget, NULL, &foreground);
  dark = 0.299 * foreground.r + 0.587 * foreground.g + 0.114 * foreground.b > 0.5;

  readout_chart_style_init_default (&self->style, dark);
  self->style.foreground = foreground;
  if (!theme_color (widget, "view_bg_color", &self->style.background))
    theme_color (widget, "window_bg_color", &self->style.background);
  theme_color (widget, "accent_bg_color", &self->style.current);

  /* Chart text a little smaller than body text, like a caption. */
  font = pango_font_description_copy (pango_context_get_font_description (gtk_widget_get_pango_context (widget)));
  if (pango_font_description_get_size (font) > 0)
    {
      if (pango_font_description_get_size_is_absolute (font))
        pango_font_description_set_absolute_size (font, pango_font_description_get_size (font) * 0.9);
      else
        pango_font_description_set_size (font, (int) (pango_font_description_get_size (font) * 0.9));
    }
  g_free (self->font);
  self->font = pango_font_description_to_string (font);
  self->style.font = self->font;
}

static void
update_description (ReadoutChartView *self)
{
  g_autofree char *description = readout_chart_describe (self->figures);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
figure_notified_cb (ReadoutChartView *self,
                    GParamSpec       *pspec,
                    ReadoutFigure    *figure)
{
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
unwatch_figures (ReadoutChartView *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i),
                                          figure_notified_cb, self);
  g_ptr_array_set_size (self->watched, 0);
}

/* Follows every figure of the model; a release has a dozen, so starting
 * over on each change is simpler than tracking positions. */
static void
watch_figures (ReadoutChartView *self)
{
  guint n;

  unwatch_figures (self);
  n = self->figures != NULL ? g_list_model_get_n_items (self->figures) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->figures, i);

      if (!READOUT_IS_FIGURE (item))
        continue;
      g_signal_connect_swapped (item, "notify", G_CALLBACK (figure_notified_cb), self);
      g_ptr_array_add (self->watched, g_steal_pointer (&item));
    }
}

static void
figures_changed_cb (GListModel       *figures,
                    guint             position,
                    guint             removed,
                    guint             added,
                    ReadoutChartView *self)
{
  watch_figures (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
scale_factor_changed_cb (ReadoutChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
readout_chart_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  ReadoutChartView *self = READOUT_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  ReadoutChartStyle style = self->style;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  /* The pane's own background shows through. */
  style.background.a = 0;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  readout_chart_draw (cr, width, height, gtk_widget_get_scale_factor (widget), self->figures, &style);
  cairo_destroy (cr);
}

static void
readout_chart_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 300;
      *natural = 500;
    }
  else
    {
      *minimum = 200;
      *natural = 300;
    }
}

static void
readout_chart_view_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (readout_chart_view_parent_class)->css_changed (widget, change);

  /* Also fires on a switch between light and dark. */
  update_style (READOUT_CHART_VIEW (widget));
  gtk_widget_queue_draw (widget);
}

static void
readout_chart_view_dispose (GObject *object)
{
  ReadoutChartView *self = READOUT_CHART_VIEW (object);

  unwatch_figures (self);
  if (self->figures != NULL)
    g_signal_handlers_disconnect_by_func (self->figures, figures_changed_cb, self);
  g_clear_object (&self->figures);

  G_OBJECT_CLASS (readout_chart_view_parent_class)->dispose (object);
}

static void
readout_chart_view_finalize (GObject *object)
{
  ReadoutChartView *self = READOUT_CHART_VIEW (object);

  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->font, g_free);

  G_OBJECT_CLASS (readout_chart_view_parent_class)->finalize (object);
}

static void
readout_chart_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ReadoutChartView *self = READOUT_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_FIGURES:
      g_value_set_object (value, self->figures);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_chart_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ReadoutChartView *self = READOUT_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_FIGURES:
      readout_chart_view_set_figures (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_chart_view_class_init (ReadoutChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = readout_chart_view_dispose;
  object_class->finalize = readout_chart_view_finalize;
  object_class->get_property = readout_chart_view_get_property;
  object_class->set_property = readout_chart_view_set_property;

  widget_class->snapshot = readout_chart_view_snapshot;
  widget_class->measure = readout_chart_view_measure;
  widget_class->css_changed = readout_chart_view_css_changed;

  properties[PROP_FIGURES] =
    g_param_spec_object ("figures", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "readout-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
readout_chart_view_init (ReadoutChartView *self)
{
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  readout_chart_style_init_default (&self->style, FALSE);

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart of current against prior-year figures"),
                                  -1);
  update_description (self);
}

GtkWidget *
readout_chart_view_new (void)
{
  return g_object_new (READOUT_TYPE_CHART_VIEW, NULL);
}

void
readout_chart_view_set_figures (ReadoutChartView *self,
                                GListModel       *figures)
{
  g_return_if_fail (READOUT_IS_CHART_VIEW (self));
  g_return_if_fail (figures == NULL || G_IS_LIST_MODEL (figures));

  if (self->figures == figures)
    return;

  unwatch_figures (self);
  if (self->figures != NULL)
    g_signal_handlers_disconnect_by_func (self->figures, figures_changed_cb, self);
  g_set_object (&self->figures, figures);
  if (figures != NULL)
    g_signal_connect (figures, "items-changed", G_CALLBACK (figures_changed_cb), self);

  watch_figures (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURES]);
}

GListModel *
readout_chart_view_get_figures (ReadoutChartView *self)
{
  g_return_val_if_fail (READOUT_IS_CHART_VIEW (self), NULL);
  return self->figures;
}

void
readout_chart_view_get_style (ReadoutChartView  *self,
                              ReadoutChartStyle *style)
{
  g_return_if_fail (READOUT_IS_CHART_VIEW (self));
  g_return_if_fail (style != NULL);

  *style = self->style;
  style->background.a = 1;
}
