/* quorum-people-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-people-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "quorum-day.h"
#include "quorum-people-csv.h"

/**
 * QuorumPeopleCsv:
 *
 * A parsed people spreadsheet: its header row, its rows of cells and the
 * encoding it was read in. RFC 4180 quoting (commas, quotes and line breaks
 * inside quoted cells), CRLF or LF line ends, UTF-8 with or without a byte
 * order mark, or GB18030 (what Chinese Excel writes by default).
 */
struct _QuorumPeopleCsv
{
  char      *encoding;
  GPtrArray *headers;
  GPtrArray *rows;     /* of GPtrArray of char*, each n_columns long */
  GArray    *lines;    /* guint: the line each row starts on */
};

/**
 * QuorumPeopleCsvPlan:
 *
 * What importing a #QuorumPeopleCsv would do to a store: the changes in the
 * order they are applied, and warnings (skipped rows, ignored columns).
 */
struct _QuorumPeopleCsvPlan
{
  GPtrArray *changes;
  GPtrArray *warnings;
  GDate     *date;
};

G_DEFINE_QUARK (quorum-people-csv-error-quark, quorum_people_csv_error)

#define UTF8_BOM "\xef\xbb\xbf"

/* The relation columns: the kind of relation, and the kind of unit the
 * plan creates for a name it does not know. */
static const struct {
  QuorumPeopleCsvColumn  column;
  const char            *relation_kind;
  const char            *unit_kind;
} relation_columns[] = {
  { QUORUM_PEOPLE_CSV_COLUMN_IN_CHARGE, "in-charge", "department" },
  { QUORUM_PEOPLE_CSV_COLUMN_TOWN, "assigned-town", "town" },
  { QUORUM_PEOPLE_CSV_COLUMN_ENTERPRISES, "linked-enterprise", "enterprise" },
};

/* Headers known without a mapping, lower case, spaces and dashes as "_". */
static const struct {
  const char            *header;
  QuorumPeopleCsvColumn  column;
} known_headers[] = {
  { "姓名", QUORUM_PEOPLE_CSV_COLUMN_NAME },
  { "名字", QUORUM_PEOPLE_CSV_COLUMN_NAME },
  { "name", QUORUM_PEOPLE_CSV_COLUMN_NAME },
  { "职务", QUORUM_PEOPLE_CSV_COLUMN_TITLE },
  { "职位", QUORUM_PEOPLE_CSV_COLUMN_TITLE },
  { "title", QUORUM_PEOPLE_CSV_COLUMN_TITLE },
  { "排序", QUORUM_PEOPLE_CSV_COLUMN_RANK },
  { "rank", QUORUM_PEOPLE_CSV_COLUMN_RANK },
  { "分管", QUORUM_PEOPLE_CSV_COLUMN_IN_CHARGE },
  { "分管部门", QUORUM_PEOPLE_CSV_COLUMN_IN_CHARGE },
  { "分管单位", QUORUM_PEOPLE_CSV_COLUMN_IN_CHARGE },
  { "in_charge_of", QUORUM_PEOPLE_CSV_COLUMN_IN_CHARGE },
  { "in_charge", QUORUM_PEOPLE_CSV_COLUMN_IN_CHARGE },
  { "包保", QUORUM_PEOPLE_CSV_COLUMN_TOWN },
  { "包保镇街", QUORUM_PEOPLE_CSV_COLUMN_TOWN },
  { "town", QUORUM_PEOPLE_CSV_COLUMN_TOWN },
  { "assigned_town", QUORUM_PEOPLE_CSV_COLUMN_TOWN },
  { "联系企业", QUORUM_PEOPLE_CSV_COLUMN_ENTERPRISES },
  { "enterprises", QUORUM_PEOPLE_CSV_COLUMN_ENTERPRISES },
  { "linked_enterprises", QUORUM_PEOPLE_CSV_COLUMN_ENTERPRISES },
};

/* The header row export writes, by column. */
static const char * const export_headers[] = {
  "姓名", "职务", "排序", "分管", "包保", "联系企业"
};

static void
change_free (QuorumPeopleCsvChange *change)
{
  g_free (change->person);
  g_free (change->title);
  g_free (change->old_title);
  g_free (change->unit);
  g_free (change->unit_kind);
  g_free (change->relation_kind);
  g_clear_pointer (&change->date, g_date_free);
  g_free (change);
}

static GDate *
date_copy (const GDate *date)
{
  return g_date_new_julian (g_date_get_julian (date));
}

/* The line (from 1) of byte @offset of @data. */
static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/* Decoding ---------------------------------------------------------------- */

static char *
decode (GBytes      *bytes,
        const char  *encoding,
        char       **out_encoding,
        GError     **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *end = NULL;
  g_autofree char *text = NULL;
  gboolean want_utf8;
  gboolean want_gb;

  if (data == NULL || len == 0)
    {
      g_set_error_literal (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_EMPTY,
                           _("The file is empty: it needs a header row such as “姓名,职务,排序”."));
      return NULL;
    }

  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_BINARY,
                   _("This is not a CSV file: line %u contains binary data. Save the "
                     "spreadsheet as “CSV (comma delimited)” and import that."),
                   line_of_offset (data, (const char *)memchr (data, '\0', len) - data));
      return NULL;
    }

  want_utf8 = encoding == NULL || g_ascii_strcasecmp (encoding, "utf-8") == 0 ||
              g_ascii_strcasecmp (encoding, "utf8") == 0;
  want_gb = encoding == NULL || g_ascii_strcasecmp (encoding, "gb18030") == 0 ||
            g_ascii_strcasecmp (encoding, "gbk") == 0 ||
            g_ascii_strcasecmp (encoding, "gb2312") == 0;
  if (!want_utf8 && !want_gb)
    {
      g_set_error (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_ENCODING,
                   _("Unknown encoding “%s”: use utf-8 or gb18030."), encoding);
      return NULL;
    }

  if (want_utf8 && len >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  if (want_utf8 && g_utf8_validate_len (data, len, &end))
    {
      *out_encoding = g_strdup ("UTF-8");
      text = g_strndup (data, len);
    }
  else if (want_gb)
    {
      g_autoptr(GError) local_error = NULL;
      gsize read = 0;

      text = g_convert (data, len, "UTF-8", "GB18030", &read, NULL, &local_error);
      if (text == NULL)
        {
          if (encoding == NULL)
            g_set_error (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_ENCODING,
                         _("Line %u is neither UTF-8 nor GB18030 text. Save the spreadsheet as "
                           "“CSV UTF-8” and import that."),
                         line_of_offset (data, read));
          else
            g_set_error (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_ENCODING,
                         _("Line %u is not valid GB18030 text."), line_of_offset (data, read));
          return NULL;
        }
      *out_encoding = g_strdup ("GB18030");
    }
  else
    {
      g_set_error (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_ENCODING,
                   _("Line %u is not valid UTF-8 text. Try the encoding gb18030."),
                   line_of_offset (data, end - data));
      return NULL;
    }

  /* Text files hold no control characters besides tabs and line breaks. */
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f)
        {
          g_set_error (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_BINARY,
                       _("This is not a CSV file: line %u contains binary data. Save the "
                         "spreadsheet as “CSV (comma delimited)” and import that."),
                       line_of_offset (text, p - text));
          return NULL;
        }
    }

  return g_steal_pointer (&text);
}

/* Parsing ----------------------------------------------------------------- */

static gboolean
row_is_blank (GPtrArray *row)
{
  for (guint i = 0; i < row->len; i++)
    if (((const char *)g_ptr_array_index (row, i))[0] != '\0')
      return FALSE;
  return TRUE;
}

static gboolean
field_is_blank (GString *field)
{
  for (gsize i = 0; i < field->len; i++)
    if (field->str[i] != ' ' && field->str[i] != '\t')
      return FALSE;
  return TRUE;
}

static void
end_field (GPtrArray *row,
           GString   *field)
{
  g_autofree char *cell = g_strdup (field->str);

  g_ptr_array_add (row, g_strdup (g_strstrip (cell)));
  g_string_truncate (field, 0);
}

/* Splits @text into rows of cells (RFC 4180); @lines gets each row's line. */
static GPtrArray *
split_rows (const char  *text,
            GArray      *lines,
            GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean in_quotes = FALSE;
  gboolean after_quote = FALSE;
  gboolean quoted = FALSE;
  guint line = 1;
  guint row_line = 1;
  guint quote_line = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (in_quotes)
        {
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            {
              in_quotes = FALSE;
              after_quote = TRUE;
            }
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }

      if (c == ',')
        {
          end_field (row, field);
          after_quote = quoted = FALSE;
        }
      else if (c == '\r' || c == '\n')
        {
          if (c == '\r' && p[1] == '\n')
            p++;
          end_field (row, field);
          if (!row_is_blank (row))
            {
              g_ptr_array_add (rows, g_steal_pointer (&row));
              g_array_append_val (lines, row_line);
            }
          g_clear_pointer (&row, g_ptr_array_unref);
          row = g_ptr_array_new_with_free_func (g_free);
          after_quote = quoted = FALSE;
          line++;
          row_line = line;
        }
      else if (after_quote)
        {
          if (c != ' ' && c != '\t')
            {
              g_set_error (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_SYNTAX,
                           _("Line %u: text follows the closing quote of a cell. A quote "
                             "inside a quoted cell is written twice (\"\")."),
                           line);
              return NULL;
            }
        }
      else if (c == '"' && !quoted && field_is_blank (field))
        {
          /* Spaces before the opening quote are not part of the cell. */
          g_string_truncate (field, 0);
          in_quotes = quoted = TRUE;
          quote_line = line;
        }
      else
        g_string_append_c (field, c);
    }

  if (in_quotes)
    {
      g_set_error (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_SYNTAX,
                   _("Line %u: a quoted cell is never closed."), quote_line);
      return NULL;
    }

  end_field (row, field);
  if (!row_is_blank (row))
    {
      g_ptr_array_add (rows, g_steal_pointer (&row));
      g_array_append_val (lines, row_line);
    }

  return g_steal_pointer (&rows);
}

/**
 * quorum_people_csv_parse:
 * @bytes: the file's contents
 * @encoding: (nullable): `utf-8` or `gb18030`, or %NULL to detect: text that
 *   is valid UTF-8 is UTF-8, anything else is read as GB18030
 * @error: return location for a #GError
 *
 * Reads a people spreadsheet saved as CSV. The first non-empty row is the
 * header; empty rows are skipped and cells are trimmed.
 *
 * Returns: (transfer full): the parsed file, or %NULL with @error set (in
 *   %QUORUM_PEOPLE_CSV_ERROR, naming the line)
 */
QuorumPeopleCsv *
quorum_people_csv_parse (GBytes      *bytes,
                         const char  *encoding,
                         GError     **error)
{
  g_autoptr(QuorumPeopleCsv) self = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  g_autofree char *detected = NULL;
  GPtrArray *header;
  guint n_columns;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!(text = decode (bytes, encoding, &detected, error)))
    return NULL;

  self = g_new0 (QuorumPeopleCsv, 1);
  self->encoding = g_steal_pointer (&detected);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!(rows = split_rows (text, self->lines, error)))
    return NULL;

  if (rows->len == 0)
    {
      g_set_error_literal (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_EMPTY,
                           _("The file is empty: it needs a header row such as “姓名,职务,排序”."));
      return NULL;
    }

  header = g_ptr_array_steal_index (rows, 0);
  g_array_remove_index (self->lines, 0);
  self->headers = header;
  n_columns = header->len;

  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);

      for (guint j = n_columns; j < row->len; j++)
        if (((const char *)g_ptr_array_index (row, j))[0] != '\0')
          {
            g_set_error (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_SYNTAX,
                         _("Line %u has %u cells but the header has only %u. Put cells that "
                           "hold commas in double quotes."),
                         g_array_index (self->lines, guint, i), row->len, n_columns);
            return NULL;
          }
      if (row->len > n_columns)
        g_ptr_array_set_size (row, n_columns);
      while (row->len < n_columns)
        g_ptr_array_add (row, g_strdup (""));
    }

  self->rows = g_steal_pointer (&rows);
  return g_steal_pointer (&self);
}

void
quorum_people_csv_free (QuorumPeopleCsv *self)
{
  if (self == NULL)
    return;

  g_free (self->encoding);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_free (self);
}

/**
 * quorum_people_csv_get_encoding:
 * @self: a #QuorumPeopleCsv
 *
 * Returns: the encoding the file was read in: `UTF-8` or `GB18030`
 */
const char *
quorum_people_csv_get_encoding (QuorumPeopleCsv *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->encoding;
}

guint
quorum_people_csv_get_n_columns (QuorumPeopleCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->headers->len;
}

const char *
quorum_people_csv_get_header (QuorumPeopleCsv *self,
                              guint            column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->headers->len, NULL);
  return g_ptr_array_index (self->headers, column);
}

/**
 * quorum_people_csv_get_guess:
 * @self: a #QuorumPeopleCsv
 * @column: a column
 *
 * Returns: what the column's header says it holds, or
 *   %QUORUM_PEOPLE_CSV_COLUMN_IGNORE when it is not a known header or an
 *   earlier column already holds the same
 */
QuorumPeopleCsvColumn
quorum_people_csv_get_guess (QuorumPeopleCsv *self,
                             guint            column)
{
  QuorumPeopleCsvColumn guess;

  g_return_val_if_fail (self != NULL, QUORUM_PEOPLE_CSV_COLUMN_IGNORE);
  g_return_val_if_fail (column < self->headers->len, QUORUM_PEOPLE_CSV_COLUMN_IGNORE);

  guess = quorum_people_csv_column_from_header (g_ptr_array_index (self->headers, column));
  for (guint i = 0; i < column && guess != QUORUM_PEOPLE_CSV_COLUMN_IGNORE; i++)
    if (quorum_people_csv_column_from_header (g_ptr_array_index (self->headers, i)) == guess)
      return QUORUM_PEOPLE_CSV_COLUMN_IGNORE;
  return guess;
}

guint
quorum_people_csv_get_n_rows (QuorumPeopleCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

/**
 * quorum_people_csv_get_cell:
 * @self: a #QuorumPeopleCsv
 * @row: a row, counting from 0 after the header
 * @column: a column
 *
 * Returns: (transfer none): the trimmed cell, "" when empty
 */
const char *
quorum_people_csv_get_cell (QuorumPeopleCsv *self,
                            guint            row,
                            guint            column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->headers->len, NULL);
  return g_ptr_array_index ((GPtrArray *)g_ptr_array_index (self->rows, row), column);
}

/**
 * quorum_people_csv_get_line:
 * @self: a #QuorumPeopleCsv
 * @row: a row, counting from 0 after the header
 *
 * Returns: the line of the file the row starts on, from 1
 */
guint
quorum_people_csv_get_line (QuorumPeopleCsv *self,
                            guint            row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->lines->len, 0);
  return g_array_index (self->lines, guint, row);
}

/**
 * quorum_people_csv_dup_unknown_headers:
 * @self: a #QuorumPeopleCsv
 *
 * Returns: (transfer full): the headers that are not recognised without a
 *   mapping
 */
char **
quorum_people_csv_dup_unknown_headers (QuorumPeopleCsv *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->headers->len; i++)
    if (quorum_people_csv_column_from_header (g_ptr_array_index (self->headers, i)) ==
        QUORUM_PEOPLE_CSV_COLUMN_IGNORE)
      g_strv_builder_add (builder, g_ptr_array_index (self->headers, i));

  return g_strv_builder_end (builder);
}

/**
 * quorum_people_csv_column_from_header:
 * @header: a header cell
 *
 * Recognises the Chinese and English headers: 姓名/name, 职务/title,
 * 排序/rank, 分管/in_charge_of, 包保/town, 联系企业/enterprises (and a few
 * variants), in any case, with spaces, dashes or underscores.
 *
 * Returns: what the column holds, or %QUORUM_PEOPLE_CSV_COLUMN_IGNORE
 */
QuorumPeopleCsvColumn
quorum_people_csv_column_from_header (const char *header)
{
  g_autofree char *lower = NULL;
  g_autoptr(GString) key = g_string_new (NULL);

  if (header == NULL)
    return QUORUM_PEOPLE_CSV_COLUMN_IGNORE;

  lower = g_utf8_strdown (header, -1);
  for (const char *p = g_strstrip (lower); *p != '\0'; p++)
    g_string_append_c (key, *p == ' ' || *p == '-' ? '_' : *p);

  for (guint i = 0; i < G_N_ELEMENTS (known_headers); i++)
    if (g_str_equal (key->str, known_headers[i].header))
      return known_headers[i].column;

  return QUORUM_PEOPLE_CSV_COLUMN_IGNORE;
}

/**
 * quorum_people_csv_column_to_string:
 * @column: a #QuorumPeopleCsvColumn
 *
 * Returns: (transfer none): what the column holds, translated, for a
 *   column-mapping menu
 */
const char *
quorum_people_csv_column_to_string (QuorumPeopleCsvColumn column)
{
  switch (column)
    {
    case QUORUM_PEOPLE_CSV_COLUMN_NAME:
      return _("Name");
    case QUORUM_PEOPLE_CSV_COLUMN_TITLE:
      /* Translators: a person's post, e.g. 副市长 */
      return C_("person", "Title");
    case QUORUM_PEOPLE_CSV_COLUMN_RANK:
      return _("Rank");
    case QUORUM_PEOPLE_CSV_COLUMN_IN_CHARGE:
      return _("In charge of");
    case QUORUM_PEOPLE_CSV_COLUMN_TOWN:
      return _("Assigned town");
    case QUORUM_PEOPLE_CSV_COLUMN_ENTERPRISES:
      return _("Linked enterprises");
    case QUORUM_PEOPLE_CSV_COLUMN_IGNORE:
    case QUORUM_PEOPLE_CSV_N_COLUMNS:
    default:
      return _("Do not import");
    }
}

/**
 * quorum_people_csv_split_values:
 * @cell: a cell with several values
 *
 * Splits at “、”, “;” and “；”, trims, and drops empty values and repeats.
 *
 * Returns: (transfer full): the values in order
 */
char **
quorum_people_csv_split_values (const char *cell)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) value = g_string_new (NULL);
  const char *p = cell != NULL ? cell : "";

  for (;;)
    {
      gboolean at_end = *p == '\0';
      gsize sep = 0;

      if (!at_end)
        {
          if (g_str_has_prefix (p, "、"))
            sep = strlen ("、");
          else if (g_str_has_prefix (p, "；"))
            sep = strlen ("；");
          else if (*p == ';')
            sep = 1;
        }

      if (at_end || sep > 0)
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (value->str));

          if (trimmed[0] != '\0' &&
              !g_ptr_array_find_with_equal_func (seen, trimmed, g_str_equal, NULL))
            {
              g_strv_builder_add (builder, trimmed);
              g_ptr_array_add (seen, g_steal_pointer (&trimmed));
            }
          g_string_truncate (value, 0);
          if (at_end)
            break;
          p += sep;
        }
      else
        g_string_append_c (value, *p++);
    }

  return g_strv_builder_end (builder);
}

/* Planning ---------------------------------------------------------------- */

typedef struct
{
  QuorumStore  *store;
  GDate        *date;
  GPtrArray    *units;        /* QuorumUnit, owned */
  GHashTable   *unit_names;   /* id → name (borrowed from units) */
  GHashTable   *planned_units; /* "kind\nname", owned */
  GPtrArray    *create_units;
  GPtrArray    *people_changes;
  GPtrArray    *end_changes;
  GPtrArray    *add_changes;
  int           next_rank;
} Planner;

static void
planner_clear (Planner *p)
{
  g_clear_pointer (&p->units, g_ptr_array_unref);
  g_clear_pointer (&p->unit_names, g_hash_table_unref);
  g_clear_pointer (&p->planned_units, g_hash_table_unref);
  g_clear_pointer (&p->create_units, g_ptr_array_unref);
  g_clear_pointer (&p->people_changes, g_ptr_array_unref);
  g_clear_pointer (&p->end_changes, g_ptr_array_unref);
  g_clear_pointer (&p->add_changes, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Planner, planner_clear)

static QuorumPeopleCsvChange *
change_new (QuorumPeopleCsvAction  action,
            guint                  line,
            const char            *person)
{
  QuorumPeopleCsvChange *change = g_new0 (QuorumPeopleCsvChange, 1);

  change->action = action;
  change->line = line;
  change->person = g_strdup (person);
  return change;
}

/* The unit a name means for a relation kind: for `in-charge` any kind of
 * unit (a department first), else a unit of @unit_kind. */
static QuorumUnit *
find_unit (Planner    *p,
           const char *name,
           const char *relation_kind,
           const char *unit_kind)
{
  QuorumUnit *fallback = NULL;

  for (guint i = 0; i < p->units->len; i++)
    {
      QuorumUnit *unit = g_ptr_array_index (p->units, i);

      if (g_strcmp0 (quorum_unit_get_name (unit), name) != 0)
        continue;
      if (g_strcmp0 (quorum_unit_get_kind (unit), unit_kind) == 0)
        return unit;
      if (g_str_equal (relation_kind, "in-charge") && fallback == NULL)
        fallback = unit;
    }
  return fallback;
}

static char *
unit_key (const char *kind,
          const char *name)
{
  return g_strconcat (kind, "\n", name, NULL);
}

static gboolean
plan_relations (Planner      *p,
                guint         line,
                const char   *name,
                QuorumPerson *person,
                GPtrArray    *current,
                guint         which,
                const char   *cell)
{
  const char *relation_kind = relation_columns[which].relation_kind;
  const char *unit_kind = relation_columns[which].unit_kind;
  g_auto(GStrv) wanted = quorum_people_csv_split_values (cell);
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);

  for (guint i = 0; wanted[i] != NULL; i++)
    {
      QuorumUnit *unit = find_unit (p, wanted[i], relation_kind, unit_kind);
      gint64 unit_id = unit != NULL ? quorum_unit_get_id (unit) : 0;
      gboolean have = FALSE;
      QuorumPeopleCsvChange *change;

      if (unit == NULL)
        {
          g_autofree char *key = unit_key (unit_kind, wanted[i]);

          if (!g_hash_table_contains (p->planned_units, key))
            {
              change = change_new (QUORUM_PEOPLE_CSV_CREATE_UNIT, line, NULL);
              change->unit = g_strdup (wanted[i]);
              change->unit_kind = g_strdup (unit_kind);
              g_ptr_array_add (p->create_units, change);
              g_hash_table_add (p->planned_units, g_steal_pointer (&key));
            }
        }

      for (guint j = 0; unit_id != 0 && j < current->len; j++)
        {
          QuorumRelation *relation = g_ptr_array_index (current, j);

          if (relation->unit_id == unit_id && g_str_equal (relation->kind, relation_kind))
            {
              g_hash_table_add (kept, relation);
              have = TRUE;
            }
        }
      if (have)
        continue;

      change = change_new (QUORUM_PEOPLE_CSV_ADD_RELATION, line, name);
      change->person_id = person != NULL ? quorum_person_get_id (person) : 0;
      change->unit = g_strdup (wanted[i]);
      change->unit_kind = g_strdup (unit != NULL ? quorum_unit_get_kind (unit) : unit_kind);
      change->unit_id = unit_id;
      change->relation_kind = g_strdup (relation_kind);
      change->date = date_copy (p->date);
      g_ptr_array_add (p->add_changes, change);
    }

  for (guint j = 0; j < current->len; j++)
    {
      QuorumRelation *relation = g_ptr_array_index (current, j);
      QuorumPeopleCsvChange *change;
      GDate *last;

      if (!g_str_equal (relation->kind, relation_kind) || g_hash_table_contains (kept, relation))
        continue;

      /* The last day it applies is the day before the file takes effect;
       * one that started that very day ends on it. */
      last = date_copy (p->date);
      if (g_date_compare (last, relation->start) > 0)
        g_date_subtract_days (last, 1);

      change = change_new (QUORUM_PEOPLE_CSV_END_RELATION, line, name);
      change->person_id = quorum_person_get_id (person);
      change->unit = g_strdup (g_hash_table_lookup (p->unit_names, &relation->unit_id));
      change->unit_id = relation->unit_id;
      change->relation_kind = g_strdup (relation_kind);
      change->relation_id = relation->id;
      change->date = last;
      g_ptr_array_add (p->end_changes, change);
    }

  return TRUE;
}

static gboolean
check_mapping (QuorumPeopleCsv              *parsed,
               const QuorumPeopleCsvColumn  *mapping,
               int                          *where,
               GError                      **error)
{
  for (int i = 0; i < QUORUM_PEOPLE_CSV_N_COLUMNS; i++)
    where[i] = -1;

  for (guint i = 0; i < parsed->headers->len; i++)
    {
      QuorumPeopleCsvColumn column = mapping[i];

      if (column <= QUORUM_PEOPLE_CSV_COLUMN_IGNORE || column >= QUORUM_PEOPLE_CSV_N_COLUMNS)
        continue;
      if (where[column] >= 0)
        {
          g_set_error (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_MAPPING,
                       _("The columns “%s” and “%s” both hold “%s”: import one of them only."),
                       (const char *)g_ptr_array_index (parsed->headers, where[column]),
                       (const char *)g_ptr_array_index (parsed->headers, i),
                       quorum_people_csv_column_to_string (column));
          return FALSE;
        }
      where[column] = i;
    }

  if (where[QUORUM_PEOPLE_CSV_COLUMN_NAME] < 0)
    {
      g_set_error_literal (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_MAPPING,
                           _("No column holds the names: head one “姓名” (or “name”), or choose "
                             "which column holds them."));
      return FALSE;
    }

  return TRUE;
}

/**
 * quorum_people_csv_plan:
 * @store: a #QuorumStore
 * @parsed: a parsed file
 * @mapping: (nullable) (array): what each column holds, one entry per
 *   column, or %NULL to go by the headers
 * @effective_date: the day the file describes: added assignments start on
 *   it, dropped ones end the day before, so that earlier days keep theirs
 * @error: return location for a #GError
 *
 * Compares the file with the store. People are matched by name; someone not
 * in the store is created (after the others in file order unless a rank is
 * given), someone known gets a new title or rank when those columns say so.
 * For each relation column in the file, the person's assignments of that
 * kind become exactly the cell's values: missing units are created, new
 * assignments added, others ended. Columns not in the file, and people not
 * in it, are left as they are.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
QuorumPeopleCsvPlan *
quorum_people_csv_plan (QuorumStore                  *store,
                        QuorumPeopleCsv              *parsed,
                        const QuorumPeopleCsvColumn  *mapping,
                        GDate                        *effective_date,
                        GError                      **error)
{
  g_auto(Planner) p = { 0 };
  g_autoptr(QuorumPeopleCsvPlan) plan = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GHashTable) by_name = NULL;
  g_autoptr(GHashTable) seen_lines = NULL;
  g_autofree QuorumPeopleCsvColumn *guessed = NULL;
  int where[QUORUM_PEOPLE_CSV_N_COLUMNS];

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);
  g_return_val_if_fail (parsed != NULL, NULL);
  g_return_val_if_fail (effective_date != NULL && g_date_valid (effective_date), NULL);

  if (mapping == NULL)
    {
      guessed = g_new0 (QuorumPeopleCsvColumn, parsed->headers->len + 1);
      for (guint i = 0; i < parsed->headers->len; i++)
        guessed[i] = quorum_people_csv_get_guess (parsed, i);
      mapping = guessed;
    }
  if (!check_mapping (parsed, mapping, where, error))
    return NULL;

  if (!(people = quorum_store_list_people (store, TRUE, error)) ||
      !(units = quorum_store_list_units (store, NULL, error)))
    return NULL;

  plan = g_new0 (QuorumPeopleCsvPlan, 1);
  plan->changes = g_ptr_array_new_with_free_func ((GDestroyNotify)change_free);
  plan->warnings = g_ptr_array_new_with_free_func (g_free);
  plan->date = date_copy (effective_date);

  for (guint i = 0; i < parsed->headers->len; i++)
    if (mapping[i] == QUORUM_PEOPLE_CSV_COLUMN_IGNORE)
      g_ptr_array_add (plan->warnings,
                       g_strdup_printf (_("The column “%s” is not imported."),
                                        (const char *)g_ptr_array_index (parsed->headers, i)));

  p.store = store;
  p.date = plan->date;
  p.units = g_ptr_array_new_with_free_func (g_object_unref);
  p.unit_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  p.planned_units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p.create_units = g_ptr_array_new_with_free_func ((GDestroyNotify)change_free);
  p.people_changes = g_ptr_array_new_with_free_func ((GDestroyNotify)change_free);
  p.end_changes = g_ptr_array_new_with_free_func ((GDestroyNotify)change_free);
  p.add_changes = g_ptr_array_new_with_free_func ((GDestroyNotify)change_free);

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      QuorumUnit *unit = g_list_model_get_item (units, i);

      g_ptr_array_add (p.units, unit);
    }
  for (guint i = 0; i < p.units->len; i++)
    {
      QuorumUnit *unit = g_ptr_array_index (p.units, i);

      g_hash_table_insert (p.unit_names, g_memdup2 (&(gint64){ quorum_unit_get_id (unit) },
                                                    sizeof (gint64)),
                           (gpointer)quorum_unit_get_name (unit));
    }

  /* Someone serving wins over a retired namesake. */
  by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  p.next_rank = 0;
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      QuorumPerson *person = g_list_model_get_item (people, i);
      QuorumPerson *known = g_hash_table_lookup (by_name, quorum_person_get_name (person));

      p.next_rank = MAX (p.next_rank, quorum_person_get_rank (person));
      if (known == NULL ||
          (quorum_person_get_retired_on (known) != NULL &&
           quorum_person_get_retired_on (person) == NULL))
        g_hash_table_replace (by_name, (gpointer)quorum_person_get_name (person), person);
      else
        g_object_unref (person);
    }

  /* People without a rank come after everyone, including ranks in the file. */
  for (guint r = 0; where[QUORUM_PEOPLE_CSV_COLUMN_RANK] >= 0 && r < parsed->rows->len; r++)
    {
      gint64 rank = 0;

      if (g_ascii_string_to_signed (quorum_people_csv_get_cell (parsed, r,
                                                                where[QUORUM_PEOPLE_CSV_COLUMN_RANK]),
                                    10, G_MININT, G_MAXINT, &rank, NULL))
        p.next_rank = MAX (p.next_rank, (int)rank);
    }

  seen_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; r < parsed->rows->len; r++)
    {
      guint line = quorum_people_csv_get_line (parsed, r);
      const char *name = quorum_people_csv_get_cell (parsed, r, where[QUORUM_PEOPLE_CSV_COLUMN_NAME]);
      const char *title = where[QUORUM_PEOPLE_CSV_COLUMN_TITLE] >= 0
                          ? quorum_people_csv_get_cell (parsed, r, where[QUORUM_PEOPLE_CSV_COLUMN_TITLE])
                          : NULL;
      const char *rank_text = where[QUORUM_PEOPLE_CSV_COLUMN_RANK] >= 0
                              ? quorum_people_csv_get_cell (parsed, r, where[QUORUM_PEOPLE_CSV_COLUMN_RANK])
                              : "";
      g_autoptr(GPtrArray) current = NULL;
      QuorumPerson *person;
      gboolean has_rank = rank_text[0] != '\0';
      gint64 rank = 0;

      if (name[0] == '\0')
        {
          g_ptr_array_add (plan->warnings,
                           g_strdup_printf (_("Line %u has no name and is skipped."), line));
          continue;
        }
      if (g_hash_table_contains (seen_lines, name))
        {
          g_set_error (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_INVALID,
                       _("“%s” is on line %u and again on line %u: give each person one row."),
                       name, GPOINTER_TO_UINT (g_hash_table_lookup (seen_lines, name)), line);
          return NULL;
        }
      g_hash_table_insert (seen_lines, g_strdup (name), GUINT_TO_POINTER (line));

      if (has_rank && !g_ascii_string_to_signed (rank_text, 10, G_MININT, G_MAXINT, &rank, NULL))
        {
          g_set_error (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_INVALID,
                       _("Line %u, column “%s”: the rank “%s” is not a whole number."),
                       line,
                       (const char *)g_ptr_array_index (parsed->headers,
                                                        where[QUORUM_PEOPLE_CSV_COLUMN_RANK]),
                       rank_text);
          return NULL;
        }

      person = g_hash_table_lookup (by_name, name);
      if (person == NULL)
        {
          QuorumPeopleCsvChange *change = change_new (QUORUM_PEOPLE_CSV_CREATE_PERSON, line, name);

          change->title = g_strdup (title != NULL ? title : "");
          if (has_rank)
            change->rank = (int)rank;
          else
            change->rank = p.next_rank += 10;
          g_ptr_array_add (p.people_changes, change);
          current = g_ptr_array_new ();
        }
      else
        {
          gboolean new_title = title != NULL &&
                               g_strcmp0 (title, quorum_person_get_title (person)) != 0;
          gboolean new_rank = has_rank && rank != quorum_person_get_rank (person);

          if (new_title || new_rank)
            {
              QuorumPeopleCsvChange *change = change_new (QUORUM_PEOPLE_CSV_UPDATE_PERSON, line,
                                                          name);

              change->person_id = quorum_person_get_id (person);
              change->old_title = g_strdup (quorum_person_get_title (person));
              change->title = g_strdup (new_title ? title : quorum_person_get_title (person));
              change->old_rank = quorum_person_get_rank (person);
              change->rank = new_rank ? (int)rank : quorum_person_get_rank (person);
              g_ptr_array_add (p.people_changes, change);
            }

          if (!(current = quorum_store_list_relations_at (store, quorum_person_get_id (person), 0,
                                                          p.date, error)))
            return NULL;
        }

      for (guint k = 0; k < G_N_ELEMENTS (relation_columns); k++)
        {
          int column = where[relation_columns[k].column];

          if (column >= 0)
            plan_relations (&p, line, name, person, current, k,
                            quorum_people_csv_get_cell (parsed, r, column));
        }
    }

  g_ptr_array_extend_and_steal (plan->changes, g_steal_pointer (&p.create_units));
  g_ptr_array_extend_and_steal (plan->changes, g_steal_pointer (&p.people_changes));
  g_ptr_array_extend_and_steal (plan->changes, g_steal_pointer (&p.end_changes));
  g_ptr_array_extend_and_steal (plan->changes, g_steal_pointer (&p.add_changes));

  return g_steal_pointer (&plan);
}

void
quorum_people_csv_plan_free (QuorumPeopleCsvPlan *plan)
{
  if (plan == NULL)
    return;

  g_clear_pointer (&plan->changes, g_ptr_array_unref);
  g_clear_pointer (&plan->warnings, g_ptr_array_unref);
  g_clear_pointer (&plan->date, g_date_free);
  g_free (plan);
}

/**
 * quorum_people_csv_plan_get_changes:
 * @plan: a plan
 *
 * Returns: (transfer none) (element-type QuorumPeopleCsvChange): the
 *   changes in the order they are applied: new units, people, ended
 *   assignments, added ones. Empty when the store already matches the file.
 */
GPtrArray *
quorum_people_csv_plan_get_changes (QuorumPeopleCsvPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->changes;
}

/**
 * quorum_people_csv_plan_get_warnings:
 * @plan: a plan
 *
 * Returns: (transfer none) (element-type utf8): things to know that do not
 *   stop the import: skipped rows, columns not imported
 */
GPtrArray *
quorum_people_csv_plan_get_warnings (QuorumPeopleCsvPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->warnings;
}

/**
 * quorum_people_csv_change_describe:
 * @change: a change of a plan
 *
 * Returns: (transfer full): one translated sentence saying what it does
 */
char *
quorum_people_csv_change_describe (const QuorumPeopleCsvChange *change)
{
  g_autofree char *date = quorum_day_format (change->date);
  const char *kind = change->relation_kind != NULL ? change->relation_kind : "";

  switch (change->action)
    {
    case QUORUM_PEOPLE_CSV_CREATE_PERSON:
      if (change->title != NULL && change->title[0] != '\0')
        return g_strdup_printf (_("New person %s, %s, rank %d"),
                                change->person, change->title, change->rank);
      return g_strdup_printf (_("New person %s, rank %d"), change->person, change->rank);

    case QUORUM_PEOPLE_CSV_UPDATE_PERSON:
      if (g_strcmp0 (change->title, change->old_title) != 0 && change->rank != change->old_rank)
        return g_strdup_printf (_("%s: title “%s” becomes “%s”, rank %d becomes %d"),
                                change->person, change->old_title, change->title,
                                change->old_rank, change->rank);
      if (change->rank != change->old_rank)
        return g_strdup_printf (_("%s: rank %d becomes %d"),
                                change->person, change->old_rank, change->rank);
      return g_strdup_printf (_("%s: title “%s” becomes “%s”"),
                              change->person, change->old_title, change->title);

    case QUORUM_PEOPLE_CSV_CREATE_UNIT:
      if (g_strcmp0 (change->unit_kind, "town") == 0)
        return g_strdup_printf (_("New town %s"), change->unit);
      if (g_strcmp0 (change->unit_kind, "enterprise") == 0)
        return g_strdup_printf (_("New enterprise %s"), change->unit);
      return g_strdup_printf (_("New department %s"), change->unit);

    case QUORUM_PEOPLE_CSV_ADD_RELATION:
      if (g_str_equal (kind, "assigned-town"))
        return g_strdup_printf (_("%s is assigned to %s from %s"), change->person, change->unit, date);
      if (g_str_equal (kind, "linked-enterprise"))
        return g_strdup_printf (_("%s links with %s from %s"), change->person, change->unit, date);
      return g_strdup_printf (_("%s is in charge of %s from %s"), change->person, change->unit, date);

    case QUORUM_PEOPLE_CSV_END_RELATION:
    default:
      if (g_str_equal (kind, "assigned-town"))
        return g_strdup_printf (_("%s is no longer assigned to %s after %s"),
                                change->person, change->unit, date);
      if (g_str_equal (kind, "linked-enterprise"))
        return g_strdup_printf (_("%s no longer links with %s after %s"),
                                change->person, change->unit, date);
      return g_strdup_printf (_("%s is no longer in charge of %s after %s"),
                              change->person, change->unit, date);
    }
}

/* Applying ---------------------------------------------------------------- */

static gboolean
apply_cb (QuorumStore  *store,
          gpointer      user_data,
          GError      **error)
{
  QuorumPeopleCsvPlan *plan = user_data;
  g_autoptr(GHashTable) people = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < plan->changes->len; i++)
    {
      const QuorumPeopleCsvChange *change = g_ptr_array_index (plan->changes, i);
      gboolean ok = TRUE;

      switch (change->action)
        {
        case QUORUM_PEOPLE_CSV_CREATE_UNIT:
          {
            g_autoptr(QuorumUnit) unit = quorum_unit_new (change->unit, change->unit_kind);
            gint64 id = quorum_store_add_unit (store, unit, error);

            ok = id > 0;
            if (ok)
              g_hash_table_insert (units, unit_key (change->unit_kind, change->unit),
                                   GSIZE_TO_POINTER ((gsize)id));
          }
          break;

        case QUORUM_PEOPLE_CSV_CREATE_PERSON:
          {
            g_autoptr(QuorumPerson) person = quorum_person_new (change->person, change->title,
                                                                change->rank);
            gint64 id = quorum_store_add_person (store, person, error);

            ok = id > 0;
            if (ok)
              g_hash_table_insert (people, change->person, GSIZE_TO_POINTER ((gsize)id));
          }
          break;

        case QUORUM_PEOPLE_CSV_UPDATE_PERSON:
          {
            g_autoptr(QuorumPerson) person = quorum_store_get_person (store, change->person_id,
                                                                      error);

            ok = person != NULL;
            if (ok)
              {
                quorum_person_set_title (person, change->title);
                quorum_person_set_rank (person, change->rank);
                ok = quorum_store_update_person (store, person, error);
              }
          }
          break;

        case QUORUM_PEOPLE_CSV_END_RELATION:
          ok = quorum_store_end_relation (store, change->relation_id, change->date, error);
          break;

        case QUORUM_PEOPLE_CSV_ADD_RELATION:
          {
            g_autofree char *key = unit_key (change->unit_kind, change->unit);
            gint64 person_id = change->person_id;
            gint64 unit_id = change->unit_id;

            if (person_id == 0)
              person_id = (gint64)GPOINTER_TO_SIZE (g_hash_table_lookup (people, change->person));
            if (unit_id == 0)
              unit_id = (gint64)GPOINTER_TO_SIZE (g_hash_table_lookup (units, key));
            ok = quorum_store_add_relation (store, person_id, unit_id, change->relation_kind,
                                            change->date, NULL, error) > 0;
          }
          break;

        default:
          g_assert_not_reached ();
        }

      if (!ok)
        {
          g_prefix_error (error, _("Line %u: "), change->line);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * quorum_people_csv_apply:
 * @store: the store the plan was made for
 * @plan: a plan
 * @error: return location for a #GError
 *
 * Applies every change of @plan in one transaction: on any error nothing is
 * written, and the error names the line it comes from.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_people_csv_apply (QuorumStore          *store,
                         QuorumPeopleCsvPlan  *plan,
                         GError              **error)
{
  g_return_val_if_fail (QUORUM_IS_STORE (store), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (plan->changes->len == 0)
    return TRUE;
  return quorum_store_run_batch (store, apply_cb, plan, error);
}

/* Export ------------------------------------------------------------------ */

static void
append_cell (GString    *out,
             const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * quorum_people_csv_export:
 * @store: a #QuorumStore
 * @date: the day to describe: who serves then, and their assignments then
 * @error: return location for a #GError
 *
 * Writes the people serving on @date in rank order, in the format
 * quorum_people_csv_parse() reads: UTF-8 with a byte order mark (so that
 * spreadsheets detect it), CRLF line ends, the columns 姓名, 职务, 排序, 分管,
 * 包保 and 联系企业, several values joined with “、”. Importing it again
 * with the same date changes nothing.
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
GBytes *
quorum_people_csv_export (QuorumStore  *store,
                          GDate        *date,
                          GError      **error)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GString) out = g_string_new (UTF8_BOM);

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (!(people = quorum_store_list_people (store, TRUE, error)) ||
      !(units = quorum_store_list_units (store, NULL, error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(QuorumUnit) unit = g_list_model_get_item (units, i);

      g_hash_table_insert (names, g_memdup2 (&(gint64){ quorum_unit_get_id (unit) }, sizeof (gint64)),
                           g_strdup (quorum_unit_get_name (unit)));
    }

  for (guint i = 0; i < G_N_ELEMENTS (export_headers); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, export_headers[i]);
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (people, i);
      g_autoptr(GPtrArray) relations = NULL;
      GDate *retired = quorum_person_get_retired_on (person);
      g_autofree char *rank = NULL;

      if (retired != NULL && g_date_compare (retired, date) <= 0)
        continue;

      if (!(relations = quorum_store_list_relations_at (store, quorum_person_get_id (person), 0,
                                                        date, error)))
        return NULL;

      append_cell (out, quorum_person_get_name (person));
      g_string_append_c (out, ',');
      append_cell (out, quorum_person_get_title (person) ?: "");
      rank = g_strdup_printf ("%d", quorum_person_get_rank (person));
      g_string_append_c (out, ',');
      g_string_append (out, rank);

      for (guint k = 0; k < G_N_ELEMENTS (relation_columns); k++)
        {
          g_autoptr(GString) cell = g_string_new (NULL);

          for (guint j = 0; j < relations->len; j++)
            {
              QuorumRelation *relation = g_ptr_array_index (relations, j);

              if (!g_str_equal (relation->kind, relation_columns[k].relation_kind))
                continue;
              if (cell->len > 0)
                g_string_append (cell, "、");
              g_string_append (cell, g_hash_table_lookup (names, &relation->unit_id));
            }
          g_string_append_c (out, ',');
          append_cell (out, cell->str);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}
