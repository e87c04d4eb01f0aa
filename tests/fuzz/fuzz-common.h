/* fuzz-common.h: what each fuzz target does with one input.
 *
 * The libFuzzer targets (fuzz-*.c) and the replay test (replay.c) call the
 * same functions, so a regression file replays the exact code path that
 * failed, in the normal build and without clang.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An invariant of the target: aborts (a crash libFuzzer reports) when false,
 * in every build, whatever G_DISABLE_ASSERT says. */
#define FUZZ_CHECK(cond, ...) \
  G_STMT_START { \
    if (G_UNLIKELY (!(cond))) \
      { \
        g_printerr ("%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
        g_printerr (__VA_ARGS__); \
        g_printerr ("\n"); \
        abort (); \
      } \
  } G_STMT_END

typedef void (*ReadoutFuzzFunc) (const guint8 *data,
                                 gsize         size);

/* Makes GLib criticals and warnings fatal: in the core they mean a bug. */
void readout_fuzz_init   (void);

void readout_fuzz_text   (const guint8 *data, gsize size);
void readout_fuzz_html   (const guint8 *data, gsize size);
void readout_fuzz_pdf    (const guint8 *data, gsize size);
void readout_fuzz_csv    (const guint8 *data, gsize size);
void readout_fuzz_amount (const guint8 *data, gsize size);

/* The function of a target ("text", "html", ...), or NULL. */
ReadoutFuzzFunc readout_fuzz_lookup (const char *target);

G_END_DECLS
