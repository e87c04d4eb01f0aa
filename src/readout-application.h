/* readout-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define READOUT_TYPE_APPLICATION (readout_application_get_type ())
G_DECLARE_FINAL_TYPE (ReadoutApplication, readout_application, READOUT, APPLICATION, AdwApplication)

ReadoutApplication *readout_application_new (void);

G_END_DECLS
