/* test-people-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "quorum-people-csv.h"
#include "quorum-store.h"

typedef struct
{
  QuorumDatabase *db;
  QuorumStore    *store;
  gint64          zhang;
  gint64          finance;
  gint64          east;
  gint64          jia;
} Fixture;

static GDate *
day (const char *iso)
{
  GDate *date = g_date_new ();

  g_date_set_parse (date, iso);
  g_assert_true (g_date_valid (date));
  return date;
}

static gint64
add_unit (Fixture    *f,
          const char *name,
          const char *kind)
{
  g_autoptr(QuorumUnit) unit = quorum_unit_new (name, kind);
  g_autoptr(GError) error = NULL;
  gint64 id = quorum_store_add_unit (f->store, unit, &error);

  g_assert_no_error (error);
  return id;
}

static void
relate (Fixture    *f,
        gint64      person,
        gint64      unit,
        const char *kind,
        const char *from)
{
  g_autoptr(GDate) start = day (from);
  g_autoptr(GError) error = NULL;

  quorum_store_add_relation (f->store, person, unit, kind, start, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumPerson) zhang = quorum_person_new ("张三", "副市长", 10);
  g_autofree char *path = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "csv.db", NULL);
  f->db = quorum_database_open (path, &error);
  g_assert_no_error (error);
  f->store = quorum_store_new (f->db);

  f->zhang = quorum_store_add_person (f->store, zhang, &error);
  g_assert_no_error (error);
  f->finance = add_unit (f, "财政局", "department");
  f->east = add_unit (f, "东镇", "town");
  f->jia = add_unit (f, "甲公司", "enterprise");
  relate (f, f->zhang, f->east, "assigned-town", "2025-01-01");
  relate (f, f->zhang, f->jia, "linked-enterprise", "2025-01-01");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_strdup (quorum_database_get_path (f->db));

  g_clear_object (&f->store);
  g_clear_object (&f->db);
  g_remove (path);
}

static QuorumPeopleCsv *
parse (const char  *text,
       const char  *encoding,
       GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return quorum_people_csv_parse (bytes, encoding, error);
}

static guint
n_people (Fixture *f)
{
  g_autoptr(GListModel) people = quorum_store_list_people (f->store, TRUE, NULL);

  return g_list_model_get_n_items (people);
}

static guint
n_units (Fixture *f)
{
  g_autoptr(GListModel) units = quorum_store_list_units (f->store, NULL, NULL);

  return g_list_model_get_n_items (units);
}

/* The unit names of @person's relations of @kind on @iso, joined with "|". */
static char *
relations_on (Fixture    *f,
              gint64      person,
              const char *kind,
              const char *iso)
{
  g_autoptr(GDate) date = day (iso);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relations = quorum_store_list_relations_at (f->store, person, 0, date,
                                                                   &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < relations->len; i++)
    {
      QuorumRelation *relation = g_ptr_array_index (relations, i);
      g_autoptr(QuorumUnit) unit = NULL;

      if (!g_str_equal (relation->kind, kind))
        continue;
      unit = quorum_store_get_unit (f->store, relation->unit_id, &error);
      g_assert_no_error (error);
      if (out->len > 0)
        g_string_append_c (out, '|');
      g_string_append (out, quorum_unit_get_name (unit));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
person_id (Fixture    *f,
           const char *name)
{
  g_autoptr(GListModel) people = quorum_store_list_people (f->store, TRUE, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (people, i);

      if (g_str_equal (quorum_person_get_name (person), name))
        return quorum_person_get_id (person);
    }
  return 0;
}

/* Parsing ----------------------------------------------------------------- */

static void
test_utf8_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumPeopleCsv) csv = parse ("\xef\xbb\xbf姓名,职务,排序\r\n张三,市长,10\r\n\r\n",
                                          NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (quorum_people_csv_get_encoding (csv), ==, "UTF-8");
  g_assert_cmpuint (quorum_people_csv_get_n_columns (csv), ==, 3);
  /* The byte order mark is not part of the first header. */
  g_assert_cmpstr (quorum_people_csv_get_header (csv, 0), ==, "姓名");
  g_assert_cmpint (quorum_people_csv_get_guess (csv, 0), ==, QUORUM_PEOPLE_CSV_COLUMN_NAME);
  g_assert_cmpint (quorum_people_csv_get_guess (csv, 2), ==, QUORUM_PEOPLE_CSV_COLUMN_RANK);
  g_assert_cmpuint (quorum_people_csv_get_n_rows (csv), ==, 1);
  g_assert_cmpstr (quorum_people_csv_get_cell (csv, 0, 1), ==, "市长");
}

static void
test_gb18030 (void)
{
  const char *utf8 = "姓名,职务,联系企业\r\n王五,副市长,甲公司、乙公司\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumPeopleCsv) csv = NULL;
  g_autoptr(QuorumPeopleCsv) forced = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len = 0;
  char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &len, &error);

  g_assert_no_error (error);
  g_assert_false (g_utf8_validate_len (gb, len, NULL));
  bytes = g_bytes_new_take (gb, len);

  csv = quorum_people_csv_parse (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (quorum_people_csv_get_encoding (csv), ==, "GB18030");
  g_assert_cmpstr (quorum_people_csv_get_header (csv, 2), ==, "联系企业");
  g_assert_cmpstr (quorum_people_csv_get_cell (csv, 0, 0), ==, "王五");
  g_assert_cmpstr (quorum_people_csv_get_cell (csv, 0, 2), ==, "甲公司、乙公司");

  forced = quorum_people_csv_parse (bytes, "gb18030", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (quorum_people_csv_get_cell (forced, 0, 1), ==, "副市长");

  /* Told UTF-8, GB18030 bytes are refused with the line. */
  g_assert_null (quorum_people_csv_parse (bytes, "utf-8", &error));
  g_assert_error (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "1"));
}

static void
test_quotes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumPeopleCsv) csv =
    parse ("name,title,enterprises\n"
           "\"Wang, Wu\",\"Vice Mayor \"\"executive\"\"\",\"A Ltd; B, Inc\"\n"
           "  \"Zhao\nLiu\"  ,,\n"
           "Li Si,Mayor\n",
           NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (quorum_people_csv_get_n_rows (csv), ==, 3);
  g_assert_cmpstr (quorum_people_csv_get_cell (csv, 0, 0), ==, "Wang, Wu");
  g_assert_cmpstr (quorum_people_csv_get_cell (csv, 0, 1), ==, "Vice Mayor \"executive\"");
  g_assert_cmpstr (quorum_people_csv_get_cell (csv, 0, 2), ==, "A Ltd; B, Inc");
  g_assert_cmpstr (quorum_people_csv_get_cell (csv, 1, 0), ==, "Zhao\nLiu");
  /* A short row is padded; rows know the line they start on. */
  g_assert_cmpstr (quorum_people_csv_get_cell (csv, 2, 2), ==, "");
  g_assert_cmpuint (quorum_people_csv_get_line (csv, 0), ==, 2);
  g_assert_cmpuint (quorum_people_csv_get_line (csv, 1), ==, 3);
  g_assert_cmpuint (quorum_people_csv_get_line (csv, 2), ==, 5);
}

static void
test_syntax_errors (void)
{
  static const struct {
    const char *text;
    int         code;
    const char *where;
  } cases[] = {
    { "姓名,职务\n张三,\"副市长\n", QUORUM_PEOPLE_CSV_ERROR_SYNTAX, "2" },
    { "姓名,职务\n张三,\"副\"市长\n", QUORUM_PEOPLE_CSV_ERROR_SYNTAX, "2" },
    { "姓名,职务\n张三,副市长,多余\n", QUORUM_PEOPLE_CSV_ERROR_SYNTAX, "2" },
    { "", QUORUM_PEOPLE_CSV_ERROR_EMPTY, NULL },
    { "\n\r\n", QUORUM_PEOPLE_CSV_ERROR_EMPTY, NULL },
    { "姓名\n张\001三\n", QUORUM_PEOPLE_CSV_ERROR_BINARY, "2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QuorumPeopleCsv) csv = parse (cases[i].text, NULL, &error);

      g_assert_null (csv);
      g_assert_error (error, QUORUM_PEOPLE_CSV_ERROR, cases[i].code);
      if (cases[i].where != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].where));
    }
}

static void
test_binary (void)
{
  static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  static const guchar junk[] = { 0xff, 0xfe, 0xff, 0x80, 0x81 };
  g_autoptr(GBytes) png_bytes = g_bytes_new_static (png, sizeof png);
  g_autoptr(GBytes) junk_bytes = g_bytes_new_static (junk, sizeof junk);
  g_autoptr(GError) error = NULL;

  g_assert_null (quorum_people_csv_parse (png_bytes, NULL, &error));
  g_assert_error (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "CSV"));
  g_clear_error (&error);

  g_assert_null (quorum_people_csv_parse (junk_bytes, NULL, &error));
  g_assert_error (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_ENCODING);
  g_clear_error (&error);

  g_assert_null (quorum_people_csv_parse (junk_bytes, "latin1", &error));
  g_assert_error (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_ENCODING);
}

static void
test_split_values (void)
{
  static const struct {
    const char *cell;
    const char *joined;
  } cases[] = {
    { "甲公司、乙公司", "甲公司|乙公司" },
    { "甲公司；乙公司;丙公司", "甲公司|乙公司|丙公司" },
    { " 甲公司 、、乙公司、 ", "甲公司|乙公司" },
    { "甲公司、甲公司", "甲公司" },
    { "", "" },
    { "B, Inc", "B, Inc" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) values = quorum_people_csv_split_values (cases[i].cell);
      g_autofree char *joined = g_strjoinv ("|", values);

      g_assert_cmpstr (joined, ==, cases[i].joined);
    }
}

static void
test_headers (void)
{
  static const struct {
    const char            *header;
    QuorumPeopleCsvColumn  column;
  } cases[] = {
    { "姓名", QUORUM_PEOPLE_CSV_COLUMN_NAME },
    { " Name ", QUORUM_PEOPLE_CSV_COLUMN_NAME },
    { "职务", QUORUM_PEOPLE_CSV_COLUMN_TITLE },
    { "排序", QUORUM_PEOPLE_CSV_COLUMN_RANK },
    { "In-Charge-Of", QUORUM_PEOPLE_CSV_COLUMN_IN_CHARGE },
    { "分管", QUORUM_PEOPLE_CSV_COLUMN_IN_CHARGE },
    { "包保", QUORUM_PEOPLE_CSV_COLUMN_TOWN },
    { "town", QUORUM_PEOPLE_CSV_COLUMN_TOWN },
    { "联系企业", QUORUM_PEOPLE_CSV_COLUMN_ENTERPRISES },
    { "ENTERPRISES", QUORUM_PEOPLE_CSV_COLUMN_ENTERPRISES },
    { "备注", QUORUM_PEOPLE_CSV_COLUMN_IGNORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (quorum_people_csv_column_from_header (cases[i].header), ==, cases[i].column);
}

/* Planning and applying --------------------------------------------------- */

static const char office_csv[] =
  "姓名,职务,排序,分管,包保,联系企业,备注\r\n"
  "张三,常务副市长,10,,西镇,\"乙公司、甲公司\",老同志\r\n"
  "李四,副市长,,财政局,,,\r\n";

static void
test_unknown_header (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumPeopleCsv) csv = parse (office_csv, NULL, &error);
  g_autoptr(GDate) date = day ("2026-05-01");
  g_autoptr(QuorumPeopleCsvPlan) plan = NULL;
  g_auto(GStrv) unknown = NULL;
  GPtrArray *warnings;

  g_assert_no_error (error);
  unknown = quorum_people_csv_dup_unknown_headers (csv);
  g_assert_cmpuint (g_strv_length (unknown), ==, 1);
  g_assert_cmpstr (unknown[0], ==, "备注");

  plan = quorum_people_csv_plan (f->store, csv, NULL, date, &error);
  g_assert_no_error (error);
  warnings = quorum_people_csv_plan_get_warnings (plan);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "备注"));
}

static void
test_plan (Fixture       *f,
           gconstpointer  data)
{
  static const struct {
    QuorumPeopleCsvAction  action;
    const char            *person;
    const char            *unit;
    const char            *date;
  } expected[] = {
    { QUORUM_PEOPLE_CSV_CREATE_UNIT, NULL, "西镇", NULL },
    { QUORUM_PEOPLE_CSV_CREATE_UNIT, NULL, "乙公司", NULL },
    { QUORUM_PEOPLE_CSV_UPDATE_PERSON, "张三", NULL, NULL },
    { QUORUM_PEOPLE_CSV_CREATE_PERSON, "李四", NULL, NULL },
    { QUORUM_PEOPLE_CSV_END_RELATION, "张三", "东镇", "2026-04-30" },
    { QUORUM_PEOPLE_CSV_ADD_RELATION, "张三", "西镇", "2026-05-01" },
    { QUORUM_PEOPLE_CSV_ADD_RELATION, "张三", "乙公司", "2026-05-01" },
    { QUORUM_PEOPLE_CSV_ADD_RELATION, "李四", "财政局", "2026-05-01" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumPeopleCsv) csv = parse (office_csv, NULL, &error);
  g_autoptr(GDate) date = day ("2026-05-01");
  g_autoptr(QuorumPeopleCsvPlan) plan = NULL;
  GPtrArray *changes;
  guint people_before = n_people (f);

  g_assert_no_error (error);
  plan = quorum_people_csv_plan (f->store, csv, NULL, date, &error);
  g_assert_no_error (error);

  /* Planning writes nothing. */
  g_assert_cmpuint (n_people (f), ==, people_before);

  changes = quorum_people_csv_plan_get_changes (plan);
  g_assert_cmpuint (changes->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < changes->len; i++)
    {
      QuorumPeopleCsvChange *change = g_ptr_array_index (changes, i);
      g_autofree char *text = quorum_people_csv_change_describe (change);

      g_assert_cmpint (change->action, ==, expected[i].action);
      g_assert_cmpstr (change->person, ==, expected[i].person);
      g_assert_cmpstr (change->unit, ==, expected[i].unit);
      if (expected[i].date != NULL)
        {
          g_autoptr(GDate) want = day (expected[i].date);

          g_assert_cmpint (g_date_compare (change->date, want), ==, 0);
          g_assert_nonnull (strstr (text, expected[i].date));
        }
      g_assert_cmpuint (change->line, >=, 2);
      g_assert_nonnull (strstr (text, expected[i].unit != NULL ? expected[i].unit
                                                                : expected[i].person));
    }

  /* The title change says before and after; the new person comes last in rank. */
  {
    QuorumPeopleCsvChange *update = g_ptr_array_index (changes, 2);
    QuorumPeopleCsvChange *create = g_ptr_array_index (changes, 3);
    QuorumPeopleCsvChange *finance = g_ptr_array_index (changes, 7);

    g_assert_cmpstr (update->old_title, ==, "副市长");
    g_assert_cmpstr (update->title, ==, "常务副市长");
    g_assert_cmpint (update->rank, ==, 10);
    g_assert_cmpstr (create->title, ==, "副市长");
    g_assert_cmpint (create->rank, ==, 20);
    g_assert_cmpint (finance->unit_id, ==, f->finance);
    g_assert_cmpstr (finance->relation_kind, ==, "in-charge");
  }
}

static void
test_apply (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumPeopleCsv) csv = parse (office_csv, NULL, &error);
  g_autoptr(GDate) date = day ("2026-05-01");
  g_autoptr(QuorumPeopleCsvPlan) plan = NULL;
  g_autoptr(QuorumPeopleCsvPlan) again = NULL;
  g_autoptr(QuorumPerson) zhang = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(QuorumPeopleCsv) reread = NULL;
  g_autoptr(QuorumPeopleCsvPlan) round_trip = NULL;
  char *text;
  gint64 li;

  plan = quorum_people_csv_plan (f->store, csv, NULL, date, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_people_csv_apply (f->store, plan, &error));
  g_assert_no_error (error);

  zhang = quorum_store_get_person (f->store, f->zhang, &error);
  g_assert_cmpstr (quorum_person_get_title (zhang), ==, "常务副市长");
  li = person_id (f, "李四");
  g_assert_cmpint (li, >, 0);
  g_assert_cmpuint (n_units (f), ==, 5);

  /* History stays true: April keeps the old town, May has the new one. */
  text = relations_on (f, f->zhang, "assigned-town", "2026-04-30");
  g_assert_cmpstr (text, ==, "东镇");
  g_free (text);
  text = relations_on (f, f->zhang, "assigned-town", "2026-05-01");
  g_assert_cmpstr (text, ==, "西镇");
  g_free (text);
  text = relations_on (f, f->zhang, "linked-enterprise", "2026-05-01");
  g_assert_cmpstr (text, ==, "甲公司|乙公司");
  g_free (text);
  text = relations_on (f, li, "in-charge", "2026-05-01");
  g_assert_cmpstr (text, ==, "财政局");
  g_free (text);

  /* Importing the same file again changes nothing. */
  again = quorum_people_csv_plan (f->store, csv, NULL, date, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quorum_people_csv_plan_get_changes (again)->len, ==, 0);

  /* Nor does importing the export. */
  exported = quorum_people_csv_export (f->store, date, &error);
  g_assert_no_error (error);
  g_assert_true (memcmp (g_bytes_get_data (exported, NULL), "\xef\xbb\xbf", 3) == 0);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported),
                                  "姓名,职务,排序,分管,包保,联系企业\r\n"
                                  "张三,常务副市长,10,,西镇,甲公司、乙公司\r\n"
                                  "李四,副市长,20,财政局,,\r\n"));
  reread = quorum_people_csv_parse (exported, NULL, &error);
  g_assert_no_error (error);
  round_trip = quorum_people_csv_plan (f->store, reread, NULL, date, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quorum_people_csv_plan_get_changes (round_trip)->len, ==, 0);
}

static void
test_apply_is_one_transaction (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumPerson) wang = quorum_person_new ("王五", "", 30);
  g_autoptr(QuorumPeopleCsv) csv = parse ("姓名,联系企业\n赵六,丙公司\n王五,丁公司\n", NULL, &error);
  g_autoptr(GDate) date = day ("2026-05-01");
  g_autoptr(QuorumPeopleCsvPlan) plan = NULL;
  g_autoptr(QuorumPerson) sun = quorum_person_new ("孙九", "", 40);
  gint64 wang_id = quorum_store_add_person (f->store, wang, &error);
  guint people;

  /* Someone after 王五, so that SQLite does not hand his id to 赵六. */
  quorum_store_add_person (f->store, sun, &error);
  g_assert_no_error (error);
  people = n_people (f);
  guint units = n_units (f);

  g_assert_no_error (error);
  plan = quorum_people_csv_plan (f->store, csv, NULL, date, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quorum_people_csv_plan_get_changes (plan)->len, ==, 5);

  /* 王五 goes away after planning: the last change fails, and the units and
   * person created before it are rolled back. */
  g_assert_true (quorum_store_delete_person (f->store, wang_id, &error));
  g_assert_no_error (error);
  people--;

  g_assert_false (quorum_people_csv_apply (f->store, plan, &error));
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Line 3:"));
  g_assert_cmpuint (n_people (f), ==, people);
  g_assert_cmpuint (n_units (f), ==, units);
  g_assert_cmpint (person_id (f, "赵六"), ==, 0);
}

static void
test_mapping (Fixture       *f,
              gconstpointer  data)
{
  static const QuorumPeopleCsvColumn mapping[] = {
    QUORUM_PEOPLE_CSV_COLUMN_NAME, QUORUM_PEOPLE_CSV_COLUMN_TITLE, QUORUM_PEOPLE_CSV_COLUMN_TOWN,
  };
  static const QuorumPeopleCsvColumn twice[] = {
    QUORUM_PEOPLE_CSV_COLUMN_NAME, QUORUM_PEOPLE_CSV_COLUMN_TITLE, QUORUM_PEOPLE_CSV_COLUMN_TITLE,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumPeopleCsv) csv = parse ("Person,Job,Place\n周八,秘书长,东镇\n", NULL, &error);
  g_autoptr(GDate) date = day ("2026-05-01");
  g_autoptr(QuorumPeopleCsvPlan) plan = NULL;
  QuorumPeopleCsvChange *change;

  g_assert_no_error (error);
  g_assert_null (quorum_people_csv_plan (f->store, csv, NULL, date, &error));
  g_assert_error (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_MAPPING);
  g_clear_error (&error);

  g_assert_null (quorum_people_csv_plan (f->store, csv, twice, date, &error));
  g_assert_error (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_MAPPING);
  g_assert_nonnull (strstr (error->message, "Job"));
  g_assert_nonnull (strstr (error->message, "Place"));
  g_clear_error (&error);

  plan = quorum_people_csv_plan (f->store, csv, mapping, date, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quorum_people_csv_plan_get_changes (plan)->len, ==, 2);
  change = g_ptr_array_index (quorum_people_csv_plan_get_changes (plan), 0);
  g_assert_cmpint (change->action, ==, QUORUM_PEOPLE_CSV_CREATE_PERSON);
  g_assert_cmpstr (change->title, ==, "秘书长");
  change = g_ptr_array_index (quorum_people_csv_plan_get_changes (plan), 1);
  g_assert_cmpint (change->action, ==, QUORUM_PEOPLE_CSV_ADD_RELATION);
  g_assert_cmpint (change->unit_id, ==, f->east);
}

static void
test_bad_rows (Fixture       *f,
               gconstpointer  data)
{
  static const struct {
    const char *text;
    const char *where;
  } cases[] = {
    { "姓名,排序\n张三,10\n李四,20\n张三,30\n", "4" },
    { "姓名,排序\n张三,十\n", "十" },
  };
  g_autoptr(GDate) date = day ("2026-05-01");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QuorumPeopleCsv) csv = parse (cases[i].text, NULL, &error);

      g_assert_no_error (error);
      g_assert_null (quorum_people_csv_plan (f->store, csv, NULL, date, &error));
      g_assert_error (error, QUORUM_PEOPLE_CSV_ERROR, QUORUM_PEOPLE_CSV_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].where));
    }

  /* A row without a name is skipped with a warning. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(QuorumPeopleCsv) csv = parse ("姓名,职务\n,副市长\n", NULL, &error);
    g_autoptr(QuorumPeopleCsvPlan) plan = quorum_people_csv_plan (f->store, csv, NULL, date,
                                                                  &error);

    g_assert_no_error (error);
    g_assert_cmpuint (quorum_people_csv_plan_get_changes (plan)->len, ==, 0);
    g_assert_cmpuint (quorum_people_csv_plan_get_warnings (plan)->len, ==, 1);
  }
}

/* quorum-cli import-people / export-people -------------------------------- */

static int
run_cli (const char  *db,
         char       **out,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  va_list ap;

  g_ptr_array_add (args, (char *)g_getenv ("QUORUM_CLI"));
  g_ptr_array_add (args, "--db");
  g_ptr_array_add (args, (char *)db);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **)args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (g_test_verbose ())
    g_printerr ("%s", err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "cli", NULL);
  g_autofree char *db = g_build_filename (dir, "cli.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *exported = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *binary = g_build_filename (dir, "binary.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *gb = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  if (g_getenv ("QUORUM_CLI") == NULL)
    {
      g_test_skip ("QUORUM_CLI is not set");
      return;
    }

  g_mkdir_with_parents (dir, 0700);
  gb = g_convert (office_csv, -1, "GB18030", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (csv, gb, len, &error);
  g_assert_no_error (error);
  g_file_set_contents (binary, "\x89PNG\r\n\x1a\n\0\0", 10, &error);
  g_assert_no_error (error);

  /* A dry run prints the plan and writes nothing. */
  g_assert_cmpint (run_cli (db, &out, "import-people", csv, "--dry-run", "--from", "2026-05-01",
                            NULL), ==, 0);
  g_assert_nonnull (strstr (out, "GB18030"));
  g_assert_nonnull (strstr (out, "张三"));
  g_assert_nonnull (strstr (out, "财政局"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (db, &out, "export-people", exported, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  {
    g_autofree char *contents = NULL;

    g_file_get_contents (exported, &contents, &len, &error);
    g_assert_no_error (error);
    g_assert_null (strstr (contents, "张三"));
  }

  /* Imported for real, then again: no changes. */
  g_assert_cmpint (run_cli (db, &out, "import-people", csv, "--encoding", "gb18030",
                            "--from", "2026-05-01", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (db, &out, "import-people", csv, "--from", "2026-05-01", NULL), ==, 0);
  g_assert_null (strstr (out, "张三"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (db, &out, "export-people", exported, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  {
    g_autofree char *contents = NULL;

    g_file_get_contents (exported, &contents, &len, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (contents, "李四,副市长,20,财政局"));
  }

  /* Bad input: status 1 with a message; bad usage: status 2. */
  g_assert_cmpint (run_cli (db, &out, "import-people", binary, NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (db, &out, "import-people", csv, "--from", "May", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (db, &out, "import-people", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/people-csv/utf8-bom", test_utf8_bom);
  g_test_add_func ("/core/people-csv/gb18030", test_gb18030);
  g_test_add_func ("/core/people-csv/quotes", test_quotes);
  g_test_add_func ("/core/people-csv/syntax-errors", test_syntax_errors);
  g_test_add_func ("/core/people-csv/binary", test_binary);
  g_test_add_func ("/core/people-csv/split-values", test_split_values);
  g_test_add_func ("/core/people-csv/headers", test_headers);

#define ADD(path, func) \
  g_test_add ("/core/people-csv/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("unknown-header", test_unknown_header);
  ADD ("plan", test_plan);
  ADD ("apply", test_apply);
  ADD ("apply-is-one-transaction", test_apply_is_one_transaction);
  ADD ("mapping", test_mapping);
  ADD ("bad-rows", test_bad_rows);

  g_test_add_func ("/core/people-csv/cli", test_cli);

  return g_test_run ();
}
