/* readout-figure.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "readout-enums.h"
#include "readout-figure.h"
#include "readout-metric.h"

struct _ReadoutFigure
{
  GObject             parent_instance;

  ReadoutMetric       metric;
  char               *label;
  char               *unit;
  char               *source;
  char               *prior_period;
  double              current;
  double              current_tolerance;
  double              prior;
  double              prior_tolerance;
  double              stated_change;
  double              stated_change_tolerance;
  guint               source_start;
  guint               source_end;
  ReadoutStatus       status;
  ReadoutFigureFlags  flags;
  gboolean            has_current;
  gboolean            has_prior;
  gboolean            has_stated_change;
};

enum {
  PROP_0,
  PROP_METRIC,
  PROP_LABEL,
  PROP_UNIT,
  PROP_CURRENT,
  PROP_HAS_CURRENT,
  PROP_CURRENT_TOLERANCE,
  PROP_PRIOR,
  PROP_HAS_PRIOR,
  PROP_PRIOR_TOLERANCE,
  PROP_STATUS,
  PROP_FLAGS,
  PROP_SOURCE,
  PROP_SOURCE_START,
  PROP_SOURCE_END,
  PROP_PRIOR_PERIOD,
  PROP_HAS_STATED_CHANGE,
  PROP_STATED_CHANGE,
  PROP_STATED_CHANGE_TOLERANCE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (ReadoutFigure, readout_figure, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* g_set_str() is GLib 2.76. */
static gboolean
set_str (char       **dest,
         const char  *value)
{
  if (g_strcmp0 (*dest, value) == 0)
    return FALSE;
  g_free (*dest);
  *dest = g_strdup (value);
  return TRUE;
}

static void
readout_figure_finalize (GObject *object)
{
  ReadoutFigure *self = READOUT_FIGURE (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->prior_period, g_free);

  G_OBJECT_CLASS (readout_figure_parent_class)->finalize (object);
}

static void
readout_figure_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ReadoutFigure *self = READOUT_FIGURE (object);

  switch (prop_id)
    {
    case PROP_METRIC: g_value_set_enum (value, self->metric); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_UNIT: g_value_set_string (value, self->unit); break;
    case PROP_CURRENT: g_value_set_double (value, self->current); break;
    case PROP_HAS_CURRENT: g_value_set_boolean (value, self->has_current); break;
    case PROP_CURRENT_TOLERANCE: g_value_set_double (value, self->current_tolerance); break;
    case PROP_PRIOR: g_value_set_double (value, self->prior); break;
    case PROP_HAS_PRIOR: g_value_set_boolean (value, self->has_prior); break;
    case PROP_PRIOR_TOLERANCE: g_value_set_double (value, self->prior_tolerance); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_FLAGS: g_value_set_flags (value, self->flags); break;
    case PROP_SOURCE: g_value_set_string (value, self->source); break;
    case PROP_SOURCE_START: g_value_set_uint (value, self->source_start); break;
    case PROP_SOURCE_END: g_value_set_uint (value, self->source_end); break;
    case PROP_PRIOR_PERIOD: g_value_set_string (value, self->prior_period); break;
    case PROP_HAS_STATED_CHANGE: g_value_set_boolean (value, self->has_stated_change); break;
    case PROP_STATED_CHANGE: g_value_set_double (value, self->stated_change); break;
    case PROP_STATED_CHANGE_TOLERANCE: g_value_set_double (value, self->stated_change_tolerance); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_figure_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ReadoutFigure *self = READOUT_FIGURE (object);

  switch (prop_id)
    {
    case PROP_METRIC:
      self->metric = g_value_get_enum (value);
      self->unit = g_strdup (readout_metric_unit_kind (self->metric) == READOUT_UNIT_KIND_SHARES
                             ? "shares"
                             : readout_metric_unit_kind (self->metric) == READOUT_UNIT_KIND_PER_SHARE
                             ? "USD/share" : "USD");
      self->label = g_strdup (readout_metric_label (self->metric));
      break;
    case PROP_LABEL: readout_figure_set_label (self, g_value_get_string (value)); break;
    case PROP_UNIT: readout_figure_set_unit (self, g_value_get_string (value)); break;
    case PROP_STATUS: readout_figure_set_status (self, g_value_get_enum (value)); break;
    case PROP_FLAGS: readout_figure_set_flags (self, g_value_get_flags (value)); break;
    case PROP_PRIOR_PERIOD: readout_figure_set_prior_period (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_figure_class_init (ReadoutFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = readout_figure_finalize;
  object_class->get_property = readout_figure_get_property;
  object_class->set_property = readout_figure_set_property;

  properties[PROP_METRIC] =
    g_param_spec_enum ("metric", NULL, NULL, READOUT_TYPE_METRIC, READOUT_METRIC_CUSTOM,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, rw);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, rw);
  properties[PROP_CURRENT] = g_param_spec_double ("current", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_HAS_CURRENT] = g_param_spec_boolean ("has-current", NULL, NULL, FALSE, ro);
  properties[PROP_CURRENT_TOLERANCE] = g_param_spec_double ("current-tolerance", NULL, NULL, 0, G_MAXDOUBLE, 0, ro);
  properties[PROP_PRIOR] = g_param_spec_double ("prior", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_HAS_PRIOR] = g_param_spec_boolean ("has-prior", NULL, NULL, FALSE, ro);
  properties[PROP_PRIOR_TOLERANCE] = g_param_spec_double ("prior-tolerance", NULL, NULL, 0, G_MAXDOUBLE, 0, ro);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, READOUT_TYPE_STATUS, READOUT_STATUS_EXTRACTED, rw);
  properties[PROP_FLAGS] = g_param_spec_flags ("flags", NULL, NULL, READOUT_TYPE_FIGURE_FLAGS, 0, rw);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, ro);
  properties[PROP_SOURCE_START] = g_param_spec_uint ("source-start", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_SOURCE_END] = g_param_spec_uint ("source-end", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_PRIOR_PERIOD] = g_param_spec_string ("prior-period", NULL, NULL, NULL, rw);
  properties[PROP_HAS_STATED_CHANGE] = g_param_spec_boolean ("has-stated-change", NULL, NULL, FALSE, ro);
  properties[PROP_STATED_CHANGE] = g_param_spec_double ("stated-change", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_STATED_CHANGE_TOLERANCE] =
    g_param_spec_double ("stated-change-tolerance", NULL, NULL, 0, G_MAXDOUBLE, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
readout_figure_init (ReadoutFigure *self)
{
}

ReadoutFigure *
readout_figure_new (ReadoutMetric metric)
{
  return g_object_new (READOUT_TYPE_FIGURE, "metric", metric, NULL);
}

ReadoutMetric
readout_figure_get_metric (ReadoutFigure *self)
{
  g_return_val_if_fail (READOUT_IS_FIGURE (self), READOUT_METRIC_CUSTOM);
  return self->metric;
}

const char *
readout_figure_get_label (ReadoutFigure *self)
{
  g_return_val_if_fail (READOUT_IS_FIGURE (self), NULL);
  return self->label;
}

void
readout_figure_set_label (ReadoutFigure *self,
                          const char    *label)
{
  g_return_if_fail (READOUT_IS_FIGURE (self));
  if (set_str (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
readout_figure_get_unit (ReadoutFigure *self)
{
  g_return_val_if_fail (READOUT_IS_FIGURE (self), NULL);
  return self->unit;
}

void
readout_figure_set_unit (ReadoutFigure *self,
                         const char    *unit)
{
  g_return_if_fail (READOUT_IS_FIGURE (self));
  if (set_str (&self->unit, unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

gboolean
readout_figure_get_has_current (ReadoutFigure *self)
{
  g_return_val_if_fail (READOUT_IS_FIGURE (self), FALSE);
  return self->has_current;
}

double
readout_figure_get_current (ReadoutFigure *self)
{
  g_return_val_if_fail (READOUT_IS_FIGURE (self), 0);
  return self->current;
}

double
readout_figure_get_current_tolerance (ReadoutFigure *self)
{
  g_return_val_if_fail (READOUT_IS_FIGURE (self), 0);
  return self->current_tolerance;
}

/* Sets one value and notifies what changed; shared by current and prior. */
static gboolean
set_value (ReadoutFigure *self,
           gboolean       known,
           double         value,
           double         tolerance,
           gboolean      *has_field,
           double        *value_field,
           double        *tolerance_field,
           guint          prop_value,
           guint          prop_has,
           guint          prop_tolerance)
{
  gboolean changed = FALSE;

  if (!known)
    value = tolerance = 0;

  g_object_freeze_notify (G_OBJECT (self));
  if (*has_field != known)
    {
      *has_field = known;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_has]);
      changed = TRUE;
    }
  if (*value_field != value)
    {
      *value_field = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_value]);
      changed = TRUE;
    }
  if (*tolerance_field != tolerance)
    {
      *tolerance_field = tolerance;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_tolerance]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  return changed;
}

void
readout_figure_set_current (ReadoutFigure *self,
                            double         value,
                            double         tolerance)
{
  g_return_if_fail (READOUT_IS_FIGURE (self));
  set_value (self, TRUE, value, tolerance, &self->has_current, &self->current,
             &self->current_tolerance, PROP_CURRENT, PROP_HAS_CURRENT,
             PROP_CURRENT_TOLERANCE);
}

void
readout_figure_clear_current (ReadoutFigure *self)
{
  g_return_if_fail (READOUT_IS_FIGURE (self));
  set_value (self, FALSE, 0, 0, &self->has_current, &self->current,
             &self->current_tolerance, PROP_CURRENT, PROP_HAS_CURRENT,
             PROP_CURRENT_TOLERANCE);
}

gboolean
readout_figure_get_has_prior (ReadoutFigure *self)
{
  g_return_val_if_fail (READOUT_IS_FIGURE (self), FALSE);
  return self->has_prior;
}

double
readout_figure_get_prior (ReadoutFigure *self)
{
  g_return_val_if_fail (READOUT_IS_FIGURE (self), 0);
  return self->prior;
}

double
readout_figure_get_prior_tolerance (ReadoutFigure *self)
{
  g_return_val_if_fail (READOUT_IS_FIGURE (self), 0);
  return self->prior_tolerance;
}

void
readout_figure_set_prior (ReadoutFigure *self,
                          double         value,
                          double         tolerance)
{
  g_return_if_fail (READOUT_IS_FIGURE (self));
  set_value (self, TRUE, value, tolerance, &self->has_prior, &self->prior,
             &self->prior_tolerance, PROP_PRIOR, PROP_HAS_PRIOR,
             PROP_PRIOR_TOLERANCE);
}

void
readout_figure_clear_prior (ReadoutFigure *self)
{
  g_return_if_fail (READOUT_IS_FIGURE (self));
  set_value (self, FALSE, 0, 0, &self->has_prior, &self->prior,
             &self->prior_tolerance, PROP_PRIOR, PROP_HAS_PRIOR,
             PROP_PRIOR_TOLERANCE);
}

gboolean
readout_figure_get_has_stated_change (ReadoutFigure *self)
{
  g_return_val_if_fail (READOUT_IS_FIGURE (self), FALSE);
  return self->has_stated_change;
}

double
readout_figure_get_stated_change (ReadoutFigure *self)
{
  g_return_val_if_fail (READOUT_IS_FIGURE (self), 0);
  return self->stated_change;
}

double
readout_figure_get_stated_change_tolerance (ReadoutFigure *self)
{
  g_return_val_if_fail (READOUT_IS_FIGURE (self), 0);
  return self->stated_change_tolerance;
}

void
readout_figure_set_stated_change (ReadoutFigure *self,
                                  double         value,
                                  double         tolerance)
{
  g_return_if_fail (READOUT_IS_FIGURE (self));
  set_value (self, TRUE, value, tolerance, &self->has_stated_change, &self->stated_change,
             &self->stated_change_tolerance, PROP_STATED_CHANGE, PROP_HAS_STATED_CHANGE,
             PROP_STATED_CHANGE_TOLERANCE);
}

gboolean
readout_figure_get_change (ReadoutFigure *self,
                           double        *change)
{
  g_return_val_if_fail (READOUT_IS_FIGURE (self), FALSE);

  if (!self->has_current || !self->has_prior)
    return FALSE;
  *change = self->current - self->prior;
  return TRUE;
}

gboolean
readout_figure_get_change_percent (ReadoutFigure *self,
                                   double        *percent)
{
  double change;

  g_return_val_if_fail (READOUT_IS_FIGURE (self), FALSE);

  if (!readout_figure_get_change (self, &change) || self->prior == 0)
    return FALSE;
  *percent = 100.0 * change / fabs (self->prior);
  return TRUE;
}

ReadoutStatus
readout_figure_get_status (ReadoutFigure *self)
{
  g_return_val_if_fail (READOUT_IS_FIGURE (self), READOUT_STATUS_EXTRACTED);
  return self->status;
}

void
readout_figure_set_status (ReadoutFigure *self,
                           ReadoutStatus  status)
{
  g_return_if_fail (READOUT_IS_FIGURE (self));
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

ReadoutFigureFlags
readout_figure_get_flags (ReadoutFigure *self)
{
  g_return_val_if_fail (READOUT_IS_FIGURE (self), 0);
  return self->flags;
}

void
readout_figure_set_flags (ReadoutFigure      *self,
                          ReadoutFigureFlags  flags)
{
  g_return_if_fail (READOUT_IS_FIGURE (self));
  if (self->flags == flags)
    return;
  self->flags = flags;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLAGS]);
}

const char *
readout_figure_get_source (ReadoutFigure *self)
{
  g_return_val_if_fail (READOUT_IS_FIGURE (self), NULL);
  return self->source;
}

guint
readout_figure_get_source_start (ReadoutFigure *self)
{
  g_return_val_if_fail (READOUT_IS_FIGURE (self), 0);
  return self->source_start;
}

guint
readout_figure_get_source_end (ReadoutFigure *self)
{
  g_return_val_if_fail (READOUT_IS_FIGURE (self), 0);
  return self->source_end;
}

void
readout_figure_set_source (ReadoutFigure *self,
                           const char    *source,
                           guint          start,
                           guint          end)
{
  g_return_if_fail (READOUT_IS_FIGURE (self));
  g_return_if_fail (start <= end);

  g_object_freeze_notify (G_OBJECT (self));
  if (set_str (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
  if (self->source_start != start)
    {
      self->source_start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_START]);
    }
  if (self->source_end != end)
    {
      self->source_end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
readout_figure_get_prior_period (ReadoutFigure *self)
{
  g_return_val_if_fail (READOUT_IS_FIGURE (self), NULL);
  return self->prior_period;
}

void
readout_figure_set_prior_period (ReadoutFigure *self,
                                 const char    *prior_period)
{
  g_return_if_fail (READOUT_IS_FIGURE (self));
  if (set_str (&self->prior_period, prior_period))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIOR_PERIOD]);
}

static void
mark_edited (ReadoutFigure *self)
{
  if (self->status != READOUT_STATUS_ADDED)
    readout_figure_set_status (self, READOUT_STATUS_EDITED);
}

void
readout_figure_edit_current (ReadoutFigure *self,
                             gboolean       known,
                             double         value)
{
  g_return_if_fail (READOUT_IS_FIGURE (self));
  if (known == self->has_current && (!known || value == self->current))
    return;
  g_object_freeze_notify (G_OBJECT (self));
  set_value (self, known, value, 0, &self->has_current, &self->current,
             &self->current_tolerance, PROP_CURRENT, PROP_HAS_CURRENT,
             PROP_CURRENT_TOLERANCE);
  mark_edited (self);
  g_object_thaw_notify (G_OBJECT (self));
}

void
readout_figure_edit_prior (ReadoutFigure *self,
                           gboolean       known,
                           double         value)
{
  g_return_if_fail (READOUT_IS_FIGURE (self));
  if (known == self->has_prior && (!known || value == self->prior))
    return;
  g_object_freeze_notify (G_OBJECT (self));
  set_value (self, known, value, 0, &self->has_prior, &self->prior,
             &self->prior_tolerance, PROP_PRIOR, PROP_HAS_PRIOR,
             PROP_PRIOR_TOLERANCE);
  /* A prior the reader typed is no longer derived from a stated change. */
  readout_figure_set_flags (self, self->flags & ~READOUT_FIGURE_FLAGS_PRIOR_DERIVED);
  mark_edited (self);
  g_object_thaw_notify (G_OBJECT (self));
}
