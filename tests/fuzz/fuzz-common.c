/* fuzz-common.c: the body of each fuzz target, shared with the replay test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "readout-amount.h"
#include "readout-csv.h"
#include "readout-document.h"
#include "readout-extract.h"
#include "readout-loader.h"

void
readout_fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

static GPtrArray *read_csv (const char *s,
                            gsize       len,
                            gsize      *error_at);

static gboolean
is_plain_number (const char *s)
{
  const char *p = s + (s[0] == '-');
  const char *point = strchr (p, '.');

  return g_ascii_isdigit (*p) && strspn (p, "0123456789.") == strlen (p) &&
         (point == NULL || (strchr (point + 1, '.') == NULL && point[1] != '\0'));
}

/* The CSV contract of DESIGN.md: the header, 14 fields a row, plain numbers
 * (no exponent, no "inf"), formula-guarded text. */
static void
check_csv_contract (GBytes *csv)
{
  static const guint numeric[] = { 5, 6, 8, 9 };
  static const guint text[] = { 1, 4, 13 };
  g_autoptr(GPtrArray) rows = NULL;
  gsize size, error_at = 0;
  const char *data = g_bytes_get_data (csv, &size);

  rows = read_csv (data, size, &error_at);
  FUZZ_CHECK (rows != NULL, "unreadable CSV at byte %" G_GSIZE_FORMAT, error_at);
  FUZZ_CHECK (rows->len >= 1 && g_str_has_prefix (data, READOUT_CSV_HEADER "\r\n"), "bad header");
  for (guint r = 1; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);

      FUZZ_CHECK (row->len == 14, "row %u has %u fields", r, row->len);
      for (guint i = 0; i < G_N_ELEMENTS (numeric); i++)
        {
          const char *field = g_ptr_array_index (row, numeric[i]);
          FUZZ_CHECK (field[0] == '\0' || is_plain_number (field),
                      "row %u field %u is \"%s\"", r, numeric[i], field);
        }
      for (guint i = 0; i < G_N_ELEMENTS (text); i++)
        {
          const char *field = g_ptr_array_index (row, text[i]);
          FUZZ_CHECK (field[0] == '\0' || strchr ("=+-@\t\r", field[0]) == NULL,
                      "row %u field %u is \"%s\"", r, text[i], field);
        }
    }
}

/* Plain loader, recognizer, figure finder and checks, then the CSV. */
void
readout_fuzz_text (const guint8 *data,
                   gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(ReadoutDocument) document = NULL;
  g_autoptr(GBytes) csv = NULL;

  document = readout_document_new_from_bytes ("fuzz.txt", bytes, NULL, NULL);
  if (document == NULL)
    return;

  csv = readout_csv_render (&document, 1);
  FUZZ_CHECK (csv != NULL, "no CSV for a document");
  FUZZ_CHECK (g_utf8_validate (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), NULL),
              "the CSV is not UTF-8");
  check_csv_contract (csv);
}

void
readout_fuzz_html (const guint8 *data,
                   gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(ReadoutText) text = NULL;
  g_auto(ReadoutExtraction) extraction = { 0 };

  text = readout_html_load (bytes, NULL, NULL);
  if (text == NULL)
    return;
  FUZZ_CHECK (readout_extract (text, &extraction, NULL, NULL), "extraction failed");
}

void
readout_fuzz_pdf (const guint8 *data,
                  gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(ReadoutText) text = NULL;

  text = readout_pdf_load (bytes, NULL, NULL);
}

/* The CSV round trip.  The input is fields separated by NUL; a field's first
 * byte says how to write it (bit 0: text, bit 1: the row ends after it), the
 * rest is its value. */

typedef struct
{
  char     *value;
  gboolean  is_text;
  gboolean  ends_row;
} CsvField;

static void
csv_field_clear (gpointer data)
{
  g_free (((CsvField *) data)->value);
}

/* A strict RFC 4180 reader: rows of fields, or NULL on a syntax error
 * (@error_at says where). */
static GPtrArray *
read_csv (const char *s,
          gsize       len,
          gsize      *error_at)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  gsize pos = 0;

  while (pos < len)
    {
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (rows, row);
      for (;;)
        {
          GString *field = g_string_new (NULL);

          if (s[pos] == '"')
            {
              pos++;
              for (;;)
                {
                  if (pos >= len)
                    goto fail;
                  if (s[pos] == '"')
                    {
                      if (pos + 1 < len && s[pos + 1] == '"')
                        {
                          g_string_append_c (field, '"');
                          pos += 2;
                          continue;
                        }
                      pos++;
                      break;
                    }
                  g_string_append_c (field, s[pos++]);
                }
            }
          else
            {
              while (pos < len && s[pos] != ',' && s[pos] != '\r')
                {
                  /* Quotes and line feeds only ever appear in quoted fields. */
                  if (s[pos] == '"' || s[pos] == '\n')
                    goto fail;
                  g_string_append_c (field, s[pos++]);
                }
            }
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = NULL;

          if (pos < len && s[pos] == ',')
            {
              pos++;
              continue;
            }
          if (pos + 1 < len && s[pos] == '\r' && s[pos + 1] == '\n')
            {
              pos += 2;
              break;
            }
          if (pos >= len)
            break;
          goto fail;

        fail:
          if (field != NULL)
            g_string_free (field, TRUE);
          *error_at = pos;
          return NULL;
        }
    }
  return g_steal_pointer (&rows);
}

void
readout_fuzz_csv (const guint8 *data,
                  gsize         size)
{
  g_autoptr(GArray) fields = g_array_new (FALSE, TRUE, sizeof (CsvField));
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  gsize pos = 0, error_at = 0;
  guint next = 0;

  g_array_set_clear_func (fields, csv_field_clear);
  while (pos < size)
    {
      const guint8 *end = memchr (data + pos, '\0', size - pos);
      gsize field_end = end != NULL ? (gsize) (end - data) : size;
      guint8 flags = field_end > pos ? data[pos] : 0;
      gsize len = field_end > pos ? field_end - pos - 1 : 0;
      CsvField field = { 0 };

      field.is_text = (flags & 1) != 0;
      field.ends_row = (flags & 2) != 0;
      field.value = g_strndup ((const char *) data + pos + 1, len);
      g_array_append_val (fields, field);
      pos = field_end + 1;
    }
  if (fields->len == 0)
    return;
  g_array_index (fields, CsvField, fields->len - 1).ends_row = TRUE;

  for (guint i = 0; i < fields->len; i++)
    {
      CsvField *field = &g_array_index (fields, CsvField, i);

      readout_csv_append_field (out, field->value, field->is_text);
      g_string_append (out, field->ends_row ? "\r\n" : ",");
    }

  rows = read_csv (out->str, out->len, &error_at);
  FUZZ_CHECK (rows != NULL, "unreadable CSV at byte %" G_GSIZE_FORMAT ": %s",
              error_at, out->str);

  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < row->len; c++, next++)
        {
          const char *read = g_ptr_array_index (row, c);
          CsvField *field;
          g_autofree char *expected = NULL;

          FUZZ_CHECK (next < fields->len, "more fields read than written: %s", out->str);
          field = &g_array_index (fields, CsvField, next);
          /* The formula guard of DESIGN.md. */
          if (field->is_text && field->value[0] != '\0' &&
              strchr ("=+-@\t\r", field->value[0]) != NULL)
            expected = g_strconcat ("'", field->value, NULL);
          else
            expected = g_strdup (field->value);
          FUZZ_CHECK (strcmp (read, expected) == 0, "field %u read back as \"%s\", written \"%s\"",
                      next, read, expected);
          FUZZ_CHECK (field->ends_row == (c + 1 == row->len),
                      "field %u ends a row in one and not the other", next);
        }
    }
  FUZZ_CHECK (next == fields->len, "%u fields read, %u written", next, fields->len);
}

/* Typed amounts: parse, format for display, and a "%.6f" round trip. */
void
readout_fuzz_amount (const guint8 *data,
                     gsize         size)
{
  g_autofree char *input = g_strndup ((const char *) data, size);
  g_autofree char *shown = NULL;
  char printed[512];
  double value, again;
  static const ReadoutUnitKind kinds[] = {
    READOUT_UNIT_KIND_MONEY, READOUT_UNIT_KIND_PER_SHARE, READOUT_UNIT_KIND_SHARES,
  };

  if (!readout_amount_parse_input (input, &value))
    return;

  FUZZ_CHECK (isfinite (value), "\"%s\" parsed as %g", input, value);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      ReadoutUnitKind kind = kinds[i];
      g_autofree char *a = readout_amount_format_short (value, kind, "USD", FALSE);
      g_autofree char *b = readout_amount_format_short (value, kind, "JPY", TRUE);

      FUZZ_CHECK (g_utf8_validate (a, -1, NULL) && g_utf8_validate (b, -1, NULL),
                  "\"%s\" shown as invalid UTF-8", input);
    }
  /* What the window shows reads back as what it stands for ("$2.2M"),
   * within the display's rounding (no decimals from 100 of a scale on). */
  shown = readout_amount_format_short (value, READOUT_UNIT_KIND_MONEY, NULL, FALSE);
  {
    double scale = fabs (value) >= 1e9 ? 1e9 : fabs (value) >= 1e6 ? 1e6 : fabs (value) >= 1e4 ? 1e3 : 1;

    FUZZ_CHECK (readout_amount_parse_input (shown, &again) &&
                fabs (again - value) <= 0.5 * scale + 1e-9 * fabs (value),
                "\"%s\" parsed as %.17g, shown as \"%s\"", input, value, shown);
  }

  /* The CSV's numbers: plain decimals, no exponent, no "-0", and the value
   * they stand for (money keeps cents, per-share four places, shares none). */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      static const double precision[] = { 0.005, 0.00005, 0.5 };
      g_autoptr(GString) csv = g_string_new (NULL);
      const char *p;

      readout_csv_append_number (csv, value, kinds[i]);
      p = csv->str;
      if (*p == '-')
        p++;
      FUZZ_CHECK (g_ascii_isdigit (*p) && strspn (p, "0123456789.") == strlen (p) &&
                  strcmp (csv->str, "-0") != 0 && p[strlen (p) - 1] != '.',
                  "\"%s\" (%.17g) written to the CSV as \"%s\"", input, value, csv->str);
      again = g_ascii_strtod (csv->str, NULL);
      FUZZ_CHECK (fabs (again - value) <= precision[i] * 1.000001 + 1e-12 * fabs (value),
                  "\"%s\" (%.17g) written to the CSV as \"%s\"", input, value, csv->str);
    }

  g_ascii_formatd (printed, sizeof printed, "%.6f", value);
  FUZZ_CHECK (readout_amount_parse_input (printed, &again),
              "\"%s\" parsed as %.17g, but \"%s\" does not parse", input, value, printed);
  FUZZ_CHECK (fabs (again - value) <= 1e-6 * fabs (value) + 1e-12,
              "\"%s\" parsed as %.17g, \"%s\" as %.17g", input, value, printed, again);
}

ReadoutFuzzFunc
readout_fuzz_lookup (const char *target)
{
  static const struct { const char *name; ReadoutFuzzFunc func; } targets[] = {
    { "text", readout_fuzz_text },
    { "html", readout_fuzz_html },
    { "pdf", readout_fuzz_pdf },
    { "csv", readout_fuzz_csv },
    { "amount", readout_fuzz_amount },
  };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (g_strcmp0 (target, targets[i].name) == 0)
      return targets[i].func;
  return NULL;
}
