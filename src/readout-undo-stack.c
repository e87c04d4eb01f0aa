/* readout-undo-stack.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "readout-undo-stack.h"

typedef struct
{
  char          *label;
  double         current;
  double         current_tolerance;
  double         prior;
  double         prior_tolerance;
  ReadoutStatus  status;
  gboolean       has_current;
  gboolean       has_prior;
  gboolean       prior_derived;
} Snapshot;

typedef enum
{
  STEP_CHANGE,
  STEP_ADD,
  STEP_REMOVE,
} StepKind;

typedef struct
{
  StepKind       kind;
  ReadoutFigure *figure;
  guint          position;   /* STEP_ADD / STEP_REMOVE */
  Snapshot       before;     /* STEP_CHANGE */
  Snapshot       after;
} Step;

struct _ReadoutUndoStack
{
  GObject          parent_instance;
  ReadoutDocument *document;
  GPtrArray       *undo;   /* Step *, last = newest */
  GPtrArray       *redo;
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (ReadoutUndoStack, readout_undo_stack, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
step_free (Step *step)
{
  g_clear_object (&step->figure);
  g_clear_pointer (&step->before.label, g_free);
  g_clear_pointer (&step->after.label, g_free);
  g_free (step);
}

static void
snapshot_take (Snapshot      *snapshot,
               ReadoutFigure *figure)
{
  snapshot->label = g_strdup (readout_figure_get_label (figure));
  snapshot->has_current = readout_figure_get_has_current (figure);
  snapshot->current = readout_figure_get_current (figure);
  snapshot->current_tolerance = readout_figure_get_current_tolerance (figure);
  snapshot->has_prior = readout_figure_get_has_prior (figure);
  snapshot->prior = readout_figure_get_prior (figure);
  snapshot->prior_tolerance = readout_figure_get_prior_tolerance (figure);
  snapshot->status = readout_figure_get_status (figure);
  snapshot->prior_derived = (readout_figure_get_flags (figure) & READOUT_FIGURE_FLAGS_PRIOR_DERIVED) != 0;
}

static gboolean
snapshot_equal (const Snapshot *a,
                const Snapshot *b)
{
  return g_strcmp0 (a->label, b->label) == 0 &&
         a->has_current == b->has_current && a->current == b->current &&
         a->current_tolerance == b->current_tolerance &&
         a->has_prior == b->has_prior && a->prior == b->prior &&
         a->prior_tolerance == b->prior_tolerance &&
         a->status == b->status && a->prior_derived == b->prior_derived;
}

static void
snapshot_apply (const Snapshot *snapshot,
                ReadoutFigure  *figure)
{
  ReadoutFigureFlags flags;

  g_object_freeze_notify (G_OBJECT (figure));
  readout_figure_set_label (figure, snapshot->label);
  if (snapshot->has_current)
    readout_figure_set_current (figure, snapshot->current, snapshot->current_tolerance);
  else
    readout_figure_clear_current (figure);
  if (snapshot->has_prior)
    readout_figure_set_prior (figure, snapshot->prior, snapshot->prior_tolerance);
  else
    readout_figure_clear_prior (figure);
  flags = readout_figure_get_flags (figure) & ~READOUT_FIGURE_FLAGS_PRIOR_DERIVED;
  if (snapshot->prior_derived)
    flags |= READOUT_FIGURE_FLAGS_PRIOR_DERIVED;
  readout_figure_set_flags (figure, flags);
  readout_figure_set_status (figure, snapshot->status);
  g_object_thaw_notify (G_OBJECT (figure));
}

static void
notify_state (ReadoutUndoStack *self,
              gboolean          could_undo,
              gboolean          could_redo)
{
  if (could_undo != readout_undo_stack_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != readout_undo_stack_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
push (ReadoutUndoStack *self,
      Step             *step)
{
  gboolean could_undo = readout_undo_stack_can_undo (self);
  gboolean could_redo = readout_undo_stack_can_redo (self);

  g_ptr_array_add (self->undo, step);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self, could_undo, could_redo);
}

static void
readout_undo_stack_dispose (GObject *object)
{
  ReadoutUndoStack *self = READOUT_UNDO_STACK (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (readout_undo_stack_parent_class)->dispose (object);
}

static void
readout_undo_stack_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ReadoutUndoStack *self = READOUT_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, readout_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, readout_undo_stack_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
readout_undo_stack_class_init (ReadoutUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = readout_undo_stack_dispose;
  object_class->get_property = readout_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
readout_undo_stack_init (ReadoutUndoStack *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

ReadoutUndoStack *
readout_undo_stack_new (ReadoutDocument *document)
{
  ReadoutUndoStack *self;

  g_return_val_if_fail (READOUT_IS_DOCUMENT (document), NULL);

  self = g_object_new (READOUT_TYPE_UNDO_STACK, NULL);
  self->document = g_object_ref (document);
  return self;
}

ReadoutDocument *
readout_undo_stack_get_document (ReadoutUndoStack *self)
{
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), NULL);
  return self->document;
}

/* Runs @change on @figure and records it as one step if anything moved. */
typedef void (*ChangeFunc) (ReadoutFigure *figure, gpointer data);

static gboolean
record_change (ReadoutUndoStack *self,
               ReadoutFigure    *figure,
               ChangeFunc        change,
               gpointer          data)
{
  Step *step = g_new0 (Step, 1);

  step->kind = STEP_CHANGE;
  step->figure = g_object_ref (figure);
  snapshot_take (&step->before, figure);
  change (figure, data);
  snapshot_take (&step->after, figure);

  if (snapshot_equal (&step->before, &step->after))
    {
      step_free (step);
      return FALSE;
    }
  push (self, step);
  return TRUE;
}

typedef struct
{
  gboolean known;
  double   value;
} EditData;

static void
edit_current (ReadoutFigure *figure,
              gpointer       data)
{
  EditData *edit = data;
  readout_figure_edit_current (figure, edit->known, edit->value);
}

static void
edit_prior (ReadoutFigure *figure,
            gpointer       data)
{
  EditData *edit = data;
  readout_figure_edit_prior (figure, edit->known, edit->value);
}

static void
set_label (ReadoutFigure *figure,
           gpointer       data)
{
  readout_figure_set_label (figure, data);
}

static void
toggle_confirmed (ReadoutFigure *figure,
                  gpointer       data)
{
  ReadoutStatus status = readout_figure_get_status (figure);

  if (status == READOUT_STATUS_EXTRACTED)
    readout_figure_set_status (figure, READOUT_STATUS_CONFIRMED);
  else if (status == READOUT_STATUS_CONFIRMED)
    readout_figure_set_status (figure, READOUT_STATUS_EXTRACTED);
}

gboolean
readout_undo_stack_edit_current (ReadoutUndoStack *self,
                                 ReadoutFigure    *figure,
                                 gboolean          known,
                                 double            value)
{
  EditData edit = { known, value };

  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (READOUT_IS_FIGURE (figure), FALSE);
  return record_change (self, figure, edit_current, &edit);
}

gboolean
readout_undo_stack_edit_prior (ReadoutUndoStack *self,
                               ReadoutFigure    *figure,
                               gboolean          known,
                               double            value)
{
  EditData edit = { known, value };

  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (READOUT_IS_FIGURE (figure), FALSE);
  return record_change (self, figure, edit_prior, &edit);
}

gboolean
readout_undo_stack_set_label (ReadoutUndoStack *self,
                              ReadoutFigure    *figure,
                              const char       *label)
{
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (READOUT_IS_FIGURE (figure), FALSE);
  return record_change (self, figure, set_label, (gpointer) label);
}

gboolean
readout_undo_stack_toggle_confirmed (ReadoutUndoStack *self,
                                     ReadoutFigure    *figure)
{
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (READOUT_IS_FIGURE (figure), FALSE);
  return record_change (self, figure, toggle_confirmed, NULL);
}

ReadoutFigure *
readout_undo_stack_add_figure (ReadoutUndoStack *self,
                               const char       *label,
                               guint             source_start,
                               guint             source_end)
{
  ReadoutFigure *figure;
  Step *step;

  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), NULL);

  figure = readout_document_add_figure (self->document, label, source_start, source_end);
  step = g_new0 (Step, 1);
  step->kind = STEP_ADD;
  step->figure = g_object_ref (figure);
  step->position = g_list_model_get_n_items (readout_document_get_figures (self->document)) - 1;
  push (self, step);
  return figure;
}

static gboolean
find_figure (ReadoutUndoStack *self,
             ReadoutFigure    *figure,
             guint            *position)
{
  GListModel *figures = readout_document_get_figures (self->document);
  guint n = g_list_model_get_n_items (figures);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReadoutFigure) item = g_list_model_get_item (figures, i);
      if (item == figure)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
readout_undo_stack_remove_figure (ReadoutUndoStack *self,
                                  ReadoutFigure    *figure)
{
  guint position;
  Step *step;

  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (READOUT_IS_FIGURE (figure), FALSE);

  if (!find_figure (self, figure, &position) ||
      !readout_document_remove_figure (self->document, figure))
    return FALSE;

  step = g_new0 (Step, 1);
  step->kind = STEP_REMOVE;
  step->figure = g_object_ref (figure);
  step->position = position;
  push (self, step);
  return TRUE;
}

gboolean
readout_undo_stack_can_undo (ReadoutUndoStack *self)
{
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), FALSE);
  return self->undo->len > 0;
}

gboolean
readout_undo_stack_can_redo (ReadoutUndoStack *self)
{
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), FALSE);
  return self->redo->len > 0;
}

/* Plays @step backwards (undo) or forwards (redo). */
static void
play (ReadoutUndoStack *self,
      Step             *step,
      gboolean          forwards)
{
  gboolean insert;

  switch (step->kind)
    {
    case STEP_CHANGE:
      snapshot_apply (forwards ? &step->after : &step->before, step->figure);
      return;
    case STEP_ADD:
      insert = forwards;
      break;
    case STEP_REMOVE:
      insert = !forwards;
      break;
    default:
      g_assert_not_reached ();
    }

  if (insert)
    readout_document_insert_figure (self->document, step->position, step->figure);
  else
    readout_document_remove_figure (self->document, step->figure);
}

static ReadoutFigure *
move_step (ReadoutUndoStack *self,
           GPtrArray        *from,
           GPtrArray        *to,
           gboolean          forwards)
{
  gboolean could_undo = readout_undo_stack_can_undo (self);
  gboolean could_redo = readout_undo_stack_can_redo (self);
  Step *step;

  if (from->len == 0)
    return NULL;

  step = g_ptr_array_steal_index (from, from->len - 1);
  play (self, step, forwards);
  g_ptr_array_add (to, step);
  notify_state (self, could_undo, could_redo);
  return step->figure;
}

ReadoutFigure *
readout_undo_stack_undo (ReadoutUndoStack *self)
{
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), NULL);
  return move_step (self, self->undo, self->redo, FALSE);
}

ReadoutFigure *
readout_undo_stack_redo (ReadoutUndoStack *self)
{
  g_return_val_if_fail (READOUT_IS_UNDO_STACK (self), NULL);
  return move_step (self, self->redo, self->undo, TRUE);
}
