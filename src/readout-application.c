/* readout-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "readout-application.h"

struct _ReadoutApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (ReadoutApplication, readout_application, ADW_TYPE_APPLICATION)

static void
readout_application_class_init (ReadoutApplicationClass *klass)
{
}

static void
readout_application_init (ReadoutApplication *self)
{
}

ReadoutApplication *
readout_application_new (void)
{
  return g_object_new (READOUT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
