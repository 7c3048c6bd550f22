/* test-rulebook.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "quorum-rulebook.h"

static QuorumRulebook *
default_rulebook (void)
{
  g_autoptr(GError) error = NULL;
  QuorumRulebook *rulebook = quorum_rulebook_new_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (rulebook);
  return rulebook;
}

static QuorumDuty *
lookup (QuorumRulebook *rulebook,
        const char     *id)
{
  QuorumDuty *duty = quorum_rulebook_lookup (rulebook, id);

  g_assert_nonnull (duty);
  g_assert_cmpstr (quorum_duty_get_id (duty), ==, id);
  return duty;
}

/* The policy text with the layout's line breaks removed, or NULL. */
static char *
load_seed_text (void)
{
  const char *root = g_getenv ("QUORUM_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  GString *flat;

  if (root == NULL)
    return NULL;
  path = g_build_filename (root, "..", "shared", "seed", "qixia-2022-5.txt", NULL);
  if (!g_file_get_contents (path, &contents, NULL, NULL))
    {
      /* A worktree sits one folder deeper than the main checkout. */
      g_free (path);
      path = g_build_filename (root, "..", "..", "shared", "seed", "qixia-2022-5.txt", NULL);
      if (!g_file_get_contents (path, &contents, NULL, NULL))
        return NULL;
    }

  flat = g_string_new (NULL);
  for (const char *p = contents; *p != '\0'; p++)
    if (*p != '\n' && *p != '\r')
      g_string_append_c (flat, *p);
  return g_string_free (flat, FALSE);
}

static void
test_rulebook_default (void)
{
  g_autoptr(QuorumRulebook) rulebook = default_rulebook ();
  GListModel *duties = quorum_rulebook_get_duties (rulebook);
  guint n = g_list_model_get_n_items (duties);
  const GDate *issued = quorum_rulebook_get_issued (rulebook);

  g_assert_cmpstr (quorum_rulebook_get_id (rulebook), ==, "qixia-2022-5");
  g_assert_cmpstr (quorum_rulebook_get_source (rulebook), ==, "栖政发〔2022〕5号");
  g_assert_cmpint (quorum_rulebook_get_version (rulebook), ==, 1);
  g_assert_nonnull (issued);
  g_assert_cmpint (g_date_get_year (issued), ==, 2022);
  g_assert_cmpint (g_date_get_month (issued), ==, 4);
  g_assert_cmpint (g_date_get_day (issued), ==, 27);
  g_assert_true (g_str_has_prefix (quorum_rulebook_get_title (rulebook), "Opinions on"));
  g_assert_true (g_list_model_get_item_type (duties) == QUORUM_TYPE_DUTY);
  g_assert_cmpuint (n, >=, 40);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumDuty) duty = g_list_model_get_item (duties, i);

      g_assert_cmpint (quorum_duty_get_article (duty), >=, 1);
      g_assert_cmpint (quorum_duty_get_article (duty), <=, 30);
      g_assert_cmpuint (strlen (quorum_duty_get_text (duty)), >, 10);
      g_assert_nonnull (quorum_duty_get_kind (duty));
      g_assert_nonnull (quorum_duty_get_group (duty));
      g_assert_true (quorum_rulebook_lookup (rulebook, quorum_duty_get_id (duty)) == duty);
      if (quorum_duty_get_max (duty) >= 0)
        g_assert_cmpint (quorum_duty_get_max (duty), >=, quorum_duty_get_min (duty));
    }
  g_assert_null (quorum_rulebook_lookup (rulebook, "no-such-duty"));
}

static void
test_rulebook_texts_in_seed (void)
{
  g_autoptr(QuorumRulebook) rulebook = default_rulebook ();
  GListModel *duties = quorum_rulebook_get_duties (rulebook);
  g_autofree char *seed = load_seed_text ();

  if (seed == NULL)
    {
      g_test_skip ("The seed text qixia-2022-5.txt is not available");
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (duties); i++)
    {
      g_autoptr(QuorumDuty) duty = g_list_model_get_item (duties, i);

      g_test_message ("%s", quorum_duty_get_id (duty));
      g_assert_nonnull (strstr (seed, quorum_duty_get_text (duty)));
    }
}

static void
test_rulebook_translations (void)
{
  g_autoptr(QuorumRulebook) english = default_rulebook ();
  g_autoptr(QuorumRulebook) chinese = NULL;
  GListModel *duties;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  chinese = default_rulebook ();
  g_unsetenv ("LANGUAGE");

  g_assert_cmpstr (quorum_rulebook_get_title (chinese), ==,
                   "栖霞市人民政府关于进一步加强政府自身建设的意见");
  g_assert_cmpstr (quorum_duty_get_title (lookup (chinese, "theory-study")), ==,
                   "党组理论学习中心组学习研讨");
  g_assert_cmpstr (quorum_duty_get_title_en (lookup (chinese, "theory-study")), ==,
                   "Party group theory study session");
  g_assert_cmpstr (quorum_duty_get_title (lookup (english, "theory-study")), ==,
                   "Party group theory study session");

  duties = quorum_rulebook_get_duties (chinese);
  for (guint i = 0; i < g_list_model_get_n_items (duties); i++)
    {
      g_autoptr(QuorumDuty) duty = g_list_model_get_item (duties, i);
      const char *title = quorum_duty_get_title (duty);

      g_assert_cmpstr (title, !=, quorum_duty_get_title_en (duty));
      /* Chinese titles are not ASCII. */
      g_assert_false (g_str_is_ascii (title));
      g_assert_true (g_str_is_ascii (quorum_duty_get_title_en (duty)));
    }
}

static void
test_rulebook_known_duties (void)
{
  g_autoptr(QuorumRulebook) rulebook = default_rulebook ();
  QuorumDuty *duty;
  const GDate *anchor;

  duty = lookup (rulebook, "theory-study");
  g_assert_cmpint (quorum_duty_get_article (duty), ==, 2);
  g_assert_cmpint (quorum_duty_get_period (duty), ==, QUORUM_PERIOD_MONTH);
  g_assert_cmpint (quorum_duty_get_scope (duty), ==, QUORUM_DUTY_SCOPE_BODY);
  g_assert_cmpint (quorum_duty_get_measure (duty), ==, QUORUM_MEASURE_EVENTS);
  g_assert_cmpint (quorum_duty_get_min (duty), ==, 1);
  g_assert_cmpint (quorum_duty_get_max (duty), ==, -1);
  g_assert_true (quorum_duty_get_attendance (duty));
  g_assert_true (quorum_duty_get_makeup (duty));
  g_assert_true (quorum_duty_get_key_speaker (duty));
  g_assert_cmpstr (quorum_duty_get_group (duty), ==, "party-group");
  g_assert_null (quorum_duty_get_anchor (duty));

  duty = lookup (rulebook, "enterprise-link");
  g_assert_cmpint (quorum_duty_get_measure (duty), ==, QUORUM_MEASURE_UNITS);
  g_assert_cmpint (quorum_duty_get_min (duty), ==, 2);
  g_assert_cmpint (quorum_duty_get_max (duty), ==, 4);
  g_assert_cmpstr (quorum_duty_get_per_unit (duty), ==, "enterprise");

  duty = lookup (rulebook, "grassroots-research");
  g_assert_cmpint (quorum_duty_get_measure (duty), ==, QUORUM_MEASURE_DAYS);
  g_assert_cmpint (quorum_duty_get_min (duty), >=, 60);
  g_assert_cmpint (quorum_duty_get_period (duty), ==, QUORUM_PERIOD_YEAR);

  duty = lookup (rulebook, "unannounced-research");
  g_assert_cmpint (quorum_duty_get_measure (duty), ==, QUORUM_MEASURE_RATIO);
  g_assert_cmpint (quorum_duty_get_min (duty), ==, 50);
  g_assert_cmpstr (quorum_duty_get_ratio_of (duty), ==, "grassroots-research");

  duty = lookup (rulebook, "frontline-office");
  g_assert_cmpint (quorum_duty_get_period (duty), ==, QUORUM_PERIOD_FORTNIGHT);
  anchor = quorum_duty_get_anchor (duty);
  g_assert_nonnull (anchor);
  g_assert_cmpint (g_date_get_weekday (anchor), ==, G_DATE_MONDAY);
  g_assert_cmpint (g_date_get_year (anchor), ==, 2022);

  duty = lookup (rulebook, "leave-notice");
  g_assert_cmpint (quorum_duty_get_measure (duty), ==, QUORUM_MEASURE_NOTICE_DAYS);
  g_assert_cmpint (quorum_duty_get_period (duty), ==, QUORUM_PERIOD_NONE);
  g_assert_cmpint (quorum_duty_get_min (duty), ==, 3);
  g_assert_nonnull (quorum_duty_get_note (duty));

  duty = lookup (rulebook, "letter-reply");
  g_assert_cmpint (quorum_duty_get_measure (duty), ==, QUORUM_MEASURE_DEADLINE_WORKDAYS);
  g_assert_cmpint (quorum_duty_get_min (duty), ==, 3);
  g_assert_cmpstr (quorum_duty_get_record (duty), ==, "letter-reply");

  duty = lookup (rulebook, "economic-analysis");
  g_assert_cmpstr (quorum_duty_get_preferred (duty), ==, "day:20");

  duty = lookup (rulebook, "major-matters");
  g_assert_cmpint (quorum_duty_get_window_start (duty), ==, 1);
  g_assert_cmpint (quorum_duty_get_window_end (duty), ==, 3);
}

static void
test_rulebook_properties (void)
{
  g_autoptr(QuorumRulebook) rulebook = default_rulebook ();
  QuorumDuty *duty = lookup (rulebook, "frontline-office");
  g_autofree char *id = NULL;
  g_autofree char *title_en = NULL;
  g_autoptr(GDate) anchor = NULL;
  QuorumPeriodKind period;
  int max;

  g_object_get (duty, "id", &id, "title-en", &title_en, "period", &period, "anchor", &anchor,
                "max", &max, NULL);
  g_assert_cmpstr (id, ==, "frontline-office");
  g_assert_cmpstr (title_en, ==, "Front-line office");
  g_assert_cmpint (period, ==, QUORUM_PERIOD_FORTNIGHT);
  g_assert_cmpint (max, ==, -1);
  g_assert_cmpint (g_date_compare (anchor, quorum_duty_get_anchor (duty)), ==, 0);
}

static void
test_rulebook_enum_strings (void)
{
  QuorumDutyScope scope;
  QuorumPeriodKind period;
  QuorumMeasure measure;

  g_assert_cmpstr (quorum_duty_scope_to_string (QUORUM_DUTY_SCOPE_EACH_MEMBER_PER_UNIT), ==,
                   "each-member-per-unit");
  g_assert_cmpstr (quorum_period_kind_to_string (QUORUM_PERIOD_HALF_YEAR), ==, "half-year");
  g_assert_cmpstr (quorum_period_kind_to_string (QUORUM_PERIOD_NONE), ==, "none");
  g_assert_cmpstr (quorum_measure_to_string (QUORUM_MEASURE_DEADLINE_WORKDAYS), ==, "deadline-workdays");

  g_assert_true (quorum_duty_scope_from_string ("each-party-member", &scope));
  g_assert_cmpint (scope, ==, QUORUM_DUTY_SCOPE_EACH_PARTY_MEMBER);
  g_assert_true (quorum_period_kind_from_string ("fortnight", &period));
  g_assert_cmpint (period, ==, QUORUM_PERIOD_FORTNIGHT);
  g_assert_true (quorum_measure_from_string ("notice-days", &measure));
  g_assert_cmpint (measure, ==, QUORUM_MEASURE_NOTICE_DAYS);
  g_assert_false (quorum_period_kind_from_string ("monthly", &period));
  g_assert_false (quorum_measure_from_string (NULL, &measure));
}

static void
assert_same_duty (QuorumDuty *a,
                  QuorumDuty *b)
{
  g_assert_cmpstr (quorum_duty_get_id (a), ==, quorum_duty_get_id (b));
  g_assert_cmpint (quorum_duty_get_article (a), ==, quorum_duty_get_article (b));
  g_assert_cmpstr (quorum_duty_get_text (a), ==, quorum_duty_get_text (b));
  g_assert_cmpstr (quorum_duty_get_title (a), ==, quorum_duty_get_title (b));
  g_assert_cmpstr (quorum_duty_get_title_en (a), ==, quorum_duty_get_title_en (b));
  g_assert_cmpstr (quorum_duty_get_kind (a), ==, quorum_duty_get_kind (b));
  g_assert_cmpint (quorum_duty_get_scope (a), ==, quorum_duty_get_scope (b));
  g_assert_cmpstr (quorum_duty_get_group (a), ==, quorum_duty_get_group (b));
  g_assert_cmpstr (quorum_duty_get_per_unit (a), ==, quorum_duty_get_per_unit (b));
  g_assert_cmpint (quorum_duty_get_period (a), ==, quorum_duty_get_period (b));
  g_assert_cmpint (quorum_duty_get_anchor (a) != NULL, ==, quorum_duty_get_anchor (b) != NULL);
  if (quorum_duty_get_anchor (a) != NULL)
    g_assert_cmpint (g_date_compare (quorum_duty_get_anchor (a), quorum_duty_get_anchor (b)), ==, 0);
  g_assert_cmpint (quorum_duty_get_window_start (a), ==, quorum_duty_get_window_start (b));
  g_assert_cmpint (quorum_duty_get_window_end (a), ==, quorum_duty_get_window_end (b));
  g_assert_cmpint (quorum_duty_get_measure (a), ==, quorum_duty_get_measure (b));
  g_assert_cmpint (quorum_duty_get_min (a), ==, quorum_duty_get_min (b));
  g_assert_cmpint (quorum_duty_get_max (a), ==, quorum_duty_get_max (b));
  g_assert_cmpstr (quorum_duty_get_ratio_of (a), ==, quorum_duty_get_ratio_of (b));
  g_assert_cmpstr (quorum_duty_get_record (a), ==, quorum_duty_get_record (b));
  g_assert_cmpstr (quorum_duty_get_preferred (a), ==, quorum_duty_get_preferred (b));
  g_assert_cmpint (quorum_duty_get_attendance (a), ==, quorum_duty_get_attendance (b));
  g_assert_cmpint (quorum_duty_get_key_speaker (a), ==, quorum_duty_get_key_speaker (b));
  g_assert_cmpint (quorum_duty_get_makeup (a), ==, quorum_duty_get_makeup (b));
  g_assert_cmpstr (quorum_duty_get_note (a), ==, quorum_duty_get_note (b));
}

static void
test_rulebook_round_trip (void)
{
  g_autoptr(QuorumRulebook) original = default_rulebook ();
  g_autoptr(QuorumRulebook) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  g_autofree char *path = NULL;
  GListModel *a, *b;
  gsize len = 0;

  data = quorum_rulebook_to_data (original, &len);
  g_assert_cmpuint (len, ==, strlen (data));
  g_assert_nonnull (strstr (data, "Title[zh_CN]=党组理论学习中心组学习研讨"));
  g_assert_nonnull (strstr (data, "Scope=each-member-per-unit"));

  bytes = g_bytes_new_static (data, len);
  again = quorum_rulebook_new_from_bytes (bytes, "written.rulebook", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (quorum_rulebook_get_id (again), ==, quorum_rulebook_get_id (original));
  g_assert_cmpstr (quorum_rulebook_get_title (again), ==, quorum_rulebook_get_title (original));
  g_assert_cmpstr (quorum_rulebook_get_source (again), ==, quorum_rulebook_get_source (original));
  g_assert_cmpint (quorum_rulebook_get_version (again), ==, quorum_rulebook_get_version (original));
  g_assert_cmpint (g_date_compare (quorum_rulebook_get_issued (again),
                                   quorum_rulebook_get_issued (original)), ==, 0);

  a = quorum_rulebook_get_duties (original);
  b = quorum_rulebook_get_duties (again);
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(QuorumDuty) da = g_list_model_get_item (a, i);
      g_autoptr(QuorumDuty) db = g_list_model_get_item (b, i);

      assert_same_duty (da, db);
    }

  /* Writing is stable, and the file loads from disk as well. */
  data2 = quorum_rulebook_to_data (again, NULL);
  g_assert_cmpstr (data2, ==, data);

  path = g_build_filename (g_get_user_data_dir (), "written.rulebook", NULL);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  g_clear_object (&again);
  again = quorum_rulebook_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_rulebook_get_duties (again)), ==,
                    g_list_model_get_n_items (a));
}

#define HEAD    "[Rulebook]\nId=test\nVersion=1\nTitle=Test\n\n"                   /* lines 1–5 */
#define DUTY_A  "[Duty a]\nArticle=2\nText=每月学习研讨不少于1次\nTitle=Study\n" \
                "Title[zh_CN]=学习\nKind=study\n"                                  /* lines 6–11 */
#define BODY    "Scope=body\nGroup=party-group\n"                                 /* lines 12–13 */
#define MONTHLY "Period=month\nMeasure=events\nMin=1\n"                           /* lines 14–16 */

static void
test_rulebook_valid_minimal (void)
{
  const char *text = HEAD DUTY_A BODY MONTHLY;
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumRulebook) rulebook = quorum_rulebook_new_from_bytes (bytes, "ok.rulebook", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_rulebook_get_duties (rulebook)), ==, 1);
  g_assert_null (quorum_rulebook_get_issued (rulebook));
}

static void
test_rulebook_malformed (void)
{
  static const struct {
    const char *text;
    int         code;
    const char *where;
    const char *what;
  } cases[] = {
    { HEAD DUTY_A BODY "Period=monthly\nMeasure=events\nMin=1\n",
      QUORUM_RULEBOOK_ERROR_INVALID_VALUE, "bad.rulebook:14: [Duty a] Period:", "“monthly” is not a period" },
    { HEAD DUTY_A "Scope=everyone\nGroup=party-group\n" MONTHLY,
      QUORUM_RULEBOOK_ERROR_INVALID_VALUE, "bad.rulebook:12: [Duty a] Scope:", "each-member-per-unit" },
    { HEAD DUTY_A BODY "Period=month\nMeasure=count\nMin=1\n",
      QUORUM_RULEBOOK_ERROR_INVALID_VALUE, "bad.rulebook:15: [Duty a] Measure:", "deadline-workdays" },
    { HEAD DUTY_A BODY MONTHLY "Max=0\n",
      QUORUM_RULEBOOK_ERROR_INCONSISTENT, "bad.rulebook:17: [Duty a] Max:", "Min=1" },
    { HEAD DUTY_A BODY MONTHLY "Colour=red\n",
      QUORUM_RULEBOOK_ERROR_UNKNOWN_KEY, "bad.rulebook:17: [Duty a] Colour:", "unknown key" },
    { HEAD "[Duty a]\nArticle=2\nText=x\nTitle=Study\nTitle[zh_CN]=学习\n" BODY MONTHLY,
      QUORUM_RULEBOOK_ERROR_MISSING_KEY, "bad.rulebook:6: [Duty a]", "Kind" },
    { HEAD DUTY_A BODY MONTHLY "Window=1-3\n",
      QUORUM_RULEBOOK_ERROR_INCONSISTENT, "bad.rulebook:17: [Duty a] Window:", "Period=year" },
    { HEAD DUTY_A BODY MONTHLY "Anchor=2022-05-02\n",
      QUORUM_RULEBOOK_ERROR_INCONSISTENT, "bad.rulebook:17: [Duty a] Anchor:", "fortnight" },
    { HEAD DUTY_A BODY "Period=fortnight\nMeasure=events\nMin=1\n",
      QUORUM_RULEBOOK_ERROR_MISSING_KEY, "bad.rulebook:6: [Duty a]", "Anchor" },
    { HEAD DUTY_A BODY "Period=fortnight\nMeasure=events\nMin=1\nAnchor=2022-05-03\n",
      QUORUM_RULEBOOK_ERROR_INVALID_VALUE, "bad.rulebook:17: [Duty a] Anchor:", "Monday" },
    { HEAD DUTY_A BODY "Period=year\nMeasure=ratio\nMin=50\nRatioOf=nothing\n",
      QUORUM_RULEBOOK_ERROR_UNKNOWN_REFERENCE, "bad.rulebook:17: [Duty a] RatioOf:", "nothing" },
    { HEAD DUTY_A BODY MONTHLY "RatioOf=a\n",
      QUORUM_RULEBOOK_ERROR_INCONSISTENT, "bad.rulebook:17: [Duty a] RatioOf:", "ratio" },
    { HEAD DUTY_A BODY MONTHLY DUTY_A BODY MONTHLY,
      QUORUM_RULEBOOK_ERROR_DUPLICATE, "bad.rulebook:17:", "[Duty a]" },
    { HEAD DUTY_A BODY MONTHLY "Min=2\n",
      QUORUM_RULEBOOK_ERROR_DUPLICATE, "bad.rulebook:17:", "Min" },
    { DUTY_A BODY MONTHLY,
      QUORUM_RULEBOOK_ERROR_MISSING_GROUP, "bad.rulebook:1: [Duty a]", "[Rulebook]" },
    { HEAD DUTY_A BODY "Period=month\nMeasure events\n",
      QUORUM_RULEBOOK_ERROR_SYNTAX, "bad.rulebook:15:", "Measure events" },
    { HEAD DUTY_A BODY "Period=month\nMeasure=events\nMin=abc\n",
      QUORUM_RULEBOOK_ERROR_INVALID_VALUE, "bad.rulebook:16: [Duty a] Min:", "abc" },
    { HEAD "[Duty a]\nArticle=0\n",
      QUORUM_RULEBOOK_ERROR_INVALID_VALUE, "bad.rulebook:7: [Duty a] Article:", "“0”" },
    { HEAD DUTY_A BODY MONTHLY "Attendance=yes\n",
      QUORUM_RULEBOOK_ERROR_INVALID_VALUE, "bad.rulebook:17: [Duty a] Attendance:", "yes" },
    { "[Rulebook]\nId=test\nVersion=x\nTitle=Test\n",
      QUORUM_RULEBOOK_ERROR_INVALID_VALUE, "bad.rulebook:3: [Rulebook] Version:", "“x”" },
    { "[Rulebook]\nId=Test Book\nVersion=1\nTitle=Test\n",
      QUORUM_RULEBOOK_ERROR_INVALID_VALUE, "bad.rulebook:2: [Rulebook] Id:", "Test Book" },
    { HEAD "[Person x]\nName=y\n",
      QUORUM_RULEBOOK_ERROR_UNKNOWN_GROUP, "bad.rulebook:6: [Person x]", "[Duty id]" },
    { HEAD DUTY_A BODY "Period=none\nMeasure=events\nMin=1\n",
      QUORUM_RULEBOOK_ERROR_INCONSISTENT, "bad.rulebook:14: [Duty a] Period:", "Period=none" },
    { HEAD DUTY_A BODY MONTHLY "PerUnit=enterprise\n",
      QUORUM_RULEBOOK_ERROR_INCONSISTENT, "bad.rulebook:17: [Duty a] PerUnit:", "each-member-per-unit" },
    { HEAD DUTY_A BODY "Period=year\nMeasure=events\nMin=1\nWindow=3-1\n",
      QUORUM_RULEBOOK_ERROR_INVALID_VALUE, "bad.rulebook:17: [Duty a] Window:", "3-1" },
    { HEAD DUTY_A BODY MONTHLY "Preferred=day:40\n",
      QUORUM_RULEBOOK_ERROR_INVALID_VALUE, "bad.rulebook:17: [Duty a] Preferred:", "day:40" },
    { HEAD DUTY_A "Scope=each-member\nGroup=leadership\n" MONTHLY "Attendance=true\n",
      QUORUM_RULEBOOK_ERROR_INCONSISTENT, "bad.rulebook:17: [Duty a] Attendance:", "Scope=body" },
    { HEAD DUTY_A BODY MONTHLY "Title[zh_CN]x=y\n",
      QUORUM_RULEBOOK_ERROR_SYNTAX, "bad.rulebook:17: [Duty a]", "Title[zh_CN]x" },
    { HEAD DUTY_A BODY MONTHLY "Kind[zh_CN]=学习\n",
      QUORUM_RULEBOOK_ERROR_UNKNOWN_KEY, "bad.rulebook:17: [Duty a] Kind[zh_CN]:", "only Title and Note" },
    { HEAD "[Duty a]\nArticle=2\nText=x\nTitle=Study\nKind=study\n" BODY MONTHLY,
      QUORUM_RULEBOOK_ERROR_MISSING_KEY, "bad.rulebook:6: [Duty a]", "Title[zh_CN]" },
    { "",
      QUORUM_RULEBOOK_ERROR_MISSING_GROUP, "bad.rulebook:", "[Rulebook]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));
      g_autoptr(GError) error = NULL;
      g_autoptr(QuorumRulebook) rulebook = NULL;

      g_test_message ("case %u", i);
      rulebook = quorum_rulebook_new_from_bytes (bytes, "bad.rulebook", &error);
      g_assert_null (rulebook);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_error (error, QUORUM_RULEBOOK_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].where));
      g_assert_nonnull (strstr (error->message, cases[i].what));
    }
}

static void
test_rulebook_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumRulebook) rulebook = quorum_rulebook_new_from_file ("/nonexistent/x.rulebook", &error);

  g_assert_null (rulebook);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/rulebook/default", test_rulebook_default);
  g_test_add_func ("/core/rulebook/texts-in-seed", test_rulebook_texts_in_seed);
  g_test_add_func ("/core/rulebook/translations", test_rulebook_translations);
  g_test_add_func ("/core/rulebook/known-duties", test_rulebook_known_duties);
  g_test_add_func ("/core/rulebook/properties", test_rulebook_properties);
  g_test_add_func ("/core/rulebook/enum-strings", test_rulebook_enum_strings);
  g_test_add_func ("/core/rulebook/round-trip", test_rulebook_round_trip);
  g_test_add_func ("/core/rulebook/valid-minimal", test_rulebook_valid_minimal);
  g_test_add_func ("/core/rulebook/malformed", test_rulebook_malformed);
  g_test_add_func ("/core/rulebook/missing-file", test_rulebook_missing_file);

  return g_test_run ();
}
