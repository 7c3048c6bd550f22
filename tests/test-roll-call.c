/* test-roll-call.c: a keyboard roll call in the occurrence window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With $QUORUM_SCREENSHOT_DIR set, it also renders the windows it opens to
 * PNG there (run it under LANGUAGE=zh_CN for the Chinese ones).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "quorum-date-button.h"
#include "quorum-leave-window.h"
#include "quorum-makeup-dialog.h"
#include "quorum-makeups-window.h"
#include "quorum-occurrence-window.h"
#include "quorum-roll-row.h"
#include "quorum-sheet-render.h"
#include "quorum-test-utils.h"

#define N_PEOPLE 30

static const char * const surnames[] = { "张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴" };
static const char * const given[] = { "建国", "海燕", "志强" };

typedef struct
{
  QuorumApplication *app;
  QuorumStore       *store;
  GTimeZone         *tz;
  gint64             people[N_PEOPLE];
  char              *names[N_PEOPLE];
  gint64             today;
  gint64             next_week;
} Seed;

static Seed seed;

static GDateTime *
at (const char *iso)
{
  GDateTime *dt = g_date_time_new_from_iso8601 (iso, seed.tz);

  g_assert_nonnull (dt);
  return dt;
}

static gint64
occurrence_on (const char *from_iso,
               const char *to_iso)
{
  g_autoptr(GDateTime) from = at (from_iso);
  g_autoptr(GDateTime) to = at (to_iso);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = quorum_store_list_occurrences (seed.store, from, to, NULL, &error);
  g_autoptr(QuorumOccurrence) occurrence = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  occurrence = g_list_model_get_item (list, 0);
  return quorum_occurrence_get_id (occurrence);
}

/* Thirty members of the party group in rank order, and a weekly study session. */
static void
seed_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumUnit) government = quorum_unit_new ("栖霞市人民政府", "government");
  g_autoptr(QuorumUnit) group = quorum_unit_new ("市政府党组", "party-group");
  g_autoptr(GDate) since = g_date_new_dmy (1, G_DATE_JANUARY, 2025);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(QuorumSeries) series = NULL;
  g_autoptr(QuorumRulebook) rulebook = quorum_rulebook_new_default (&error);
  g_autofree char *data = NULL;
  gint64 group_id;

  seed.app = quorum_test_application ();
  seed.store = quorum_application_get_store (seed.app);
  g_assert_nonnull (seed.store);
  seed.tz = g_time_zone_new_identifier ("Asia/Shanghai");

  /* Monday 23 November 2026, an hour into the session. */
  now = at ("2026-11-23T10:00:00");
  quorum_store_set_now (seed.store, now);

  g_assert_no_error (error);
  data = quorum_rulebook_to_data (rulebook, NULL);
  g_assert_true (quorum_store_set_rulebook_data (seed.store, data, &error));
  g_assert_no_error (error);

  quorum_store_add_unit (seed.store, government, &error);
  group_id = quorum_store_add_unit (seed.store, group, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autoptr(QuorumPerson) person = NULL;

      seed.names[i] = g_strconcat (surnames[i % G_N_ELEMENTS (surnames)],
                                   given[i / G_N_ELEMENTS (surnames)], NULL);
      person = quorum_person_new (seed.names[i], i == 0 ? "党组书记、市长" : "党组成员",
                                  (int)(i + 1) * 10);
      seed.people[i] = quorum_store_add_person (seed.store, person, &error);
      g_assert_no_error (error);
      quorum_store_add_relation (seed.store, seed.people[i], group_id, "member", since, NULL,
                                 &error);
      g_assert_no_error (error);
    }

  start = at ("2026-11-02T09:00:00");
  series = quorum_series_new ("党组理论学习中心组学习", start);
  quorum_series_set_rrule (series, "FREQ=WEEKLY");
  quorum_series_set_duty_id (series, "theory-study");
  quorum_series_set_location (series, "市政府三楼第一会议室");
  quorum_series_set_duration_minutes (series, 120);
  quorum_series_add_participant_unit (series, group_id);
  quorum_store_add_series (seed.store, series, &error);
  g_assert_no_error (error);

  seed.today = occurrence_on ("2026-11-23T00:00:00", "2026-11-24T00:00:00");
  seed.next_week = occurrence_on ("2026-11-30T00:00:00", "2026-12-01T00:00:00");
}

static QuorumAttendance *
attendance_of (gint64 occurrence,
               guint  index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) roll = quorum_store_list_attendance (seed.store, occurrence, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (roll); i++)
    {
      g_autoptr(QuorumAttendance) item = g_list_model_get_item (roll, i);

      if (quorum_attendance_get_person_id (item) == seed.people[index])
        return g_steal_pointer (&item);
    }
  g_assert_not_reached ();
}

static GtkWidget *
child (gpointer    window,
       GType       type,
       const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), type, name));

  g_assert_nonnull (widget);
  return widget;
}

static QuorumRollRow *
focused_row (GtkWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, QUORUM_TYPE_ROLL_ROW) : NULL;

  g_assert_nonnull (row);
  return QUORUM_ROLL_ROW (row);
}

/* What the Down key does in a list box. */
static void
press_down (GtkWidget *list)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE,
                         &handled);
}

/* What a digit key does: the list's own shortcut for that key, activated as
 * GTK does on a key press. */
static void
press_key (GtkWidget *list,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) candidate = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (candidate))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (candidate)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (candidate), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutTrigger *first = trigger;

          if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
            first = gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger));
          if (GTK_IS_KEYVAL_TRIGGER (first) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (first)) == keyval)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                           GTK_SHORTCUT_ACTION_EXCLUSIVE, list,
                                                           gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }
  g_error ("No shortcut for key %u", keyval);
}

static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  const char *dir = g_getenv ("QUORUM_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  quorum_test_spin (500);
  g_assert_true (quorum_test_save_png (window, path, &error));
  g_assert_no_error (error);
  g_test_message ("Wrote %s", path);
}

static gboolean
owed_count_is (gpointer data)
{
  g_autoptr(GListModel) owed = quorum_store_list_owed_makeups (seed.store, 0, NULL);

  return g_list_model_get_n_items (owed) == GPOINTER_TO_UINT (data);
}

static gboolean
makeups_shown (gpointer data)
{
  return gtk_widget_get_visible (child (data, QUORUM_TYPE_OCCURRENCE_WINDOW, "makeups_group"));
}

static QuorumMakeupDialog *
find_makeup_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (QUORUM_IS_MAKEUP_DIALOG (window))
        return QUORUM_MAKEUP_DIALOG (window);
    }
  return NULL;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
test_roll_call_keyboard (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumAttendance) absent = NULL;
  g_autoptr(QuorumAttendance) excused = NULL;
  g_autoptr(QuorumAttendance) late = NULL;
  g_autoptr(QuorumAttendance) present = NULL;
  QuorumOccurrenceWindow *window;
  QuorumMakeupDialog *dialog;
  GtkWidget *list;
  GtkWidget *focus;
  const char *progress;
  gint64 started;

  window = quorum_occurrence_window_new (seed.store, quorum_application_get_workdays (seed.app),
                                         quorum_application_get_rulebook (seed.app), seed.today);
  gtk_window_present (GTK_WINDOW (window));
  quorum_test_spin (200);
  list = child (window, QUORUM_TYPE_OCCURRENCE_WINDOW, "roll_list");

  started = g_get_monotonic_time ();

  /* "All Present", then the exceptions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "occurrence.all-present", NULL));
  present = attendance_of (seed.today, 29);
  g_assert_cmpint (quorum_attendance_get_status (present), ==, QUORUM_ATTENDANCE_PRESENT);

  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)));
  g_assert_cmpint (quorum_roll_row_get_person_id (focused_row (GTK_WINDOW (window))), ==,
                   seed.people[0]);

  /* Down ×3, 4: the fourth person is absent. */
  press_down (list);
  press_down (list);
  press_down (list);
  g_assert_cmpint (quorum_roll_row_get_person_id (focused_row (GTK_WINDOW (window))), ==,
                   seed.people[3]);
  press_key (list, GDK_KEY_4);

  /* Down, 3: excused; the reason takes the typing, Enter stores it. */
  press_down (list);
  press_key (list, GDK_KEY_3);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_EDITABLE (focus));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY),
                                           "error"));
  {
    g_autoptr(QuorumAttendance) still = attendance_of (seed.today, 4);

    /* No reason yet: nothing changed in the store. */
    g_assert_cmpint (quorum_attendance_get_status (still), ==, QUORUM_ATTENDANCE_PRESENT);
  }
  gtk_editable_set_text (GTK_EDITABLE (focus), "参加省政府会议");
  g_signal_emit_by_name (gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY), "activate");
  g_assert_cmpint (quorum_roll_row_get_person_id (focused_row (GTK_WINDOW (window))), ==,
                   seed.people[4]);

  /* Down, 2: late. */
  press_down (list);
  press_key (list, GDK_KEY_2);

  g_test_message ("Roll call of %d people took %.1f ms", N_PEOPLE,
                  (g_get_monotonic_time () - started) / 1000.0);

  absent = attendance_of (seed.today, 3);
  excused = attendance_of (seed.today, 4);
  late = attendance_of (seed.today, 5);
  g_assert_cmpint (quorum_attendance_get_status (absent), ==, QUORUM_ATTENDANCE_ABSENT);
  g_assert_cmpint (quorum_attendance_get_status (excused), ==, QUORUM_ATTENDANCE_EXCUSED);
  g_assert_cmpstr (quorum_attendance_get_reason (excused), ==, "参加省政府会议");
  g_assert_cmpint (quorum_attendance_get_status (late), ==, QUORUM_ATTENDANCE_LATE);
  g_clear_object (&present);
  present = attendance_of (seed.today, 6);
  g_assert_cmpint (quorum_attendance_get_status (present), ==, QUORUM_ATTENDANCE_PRESENT);

  g_assert_true (quorum_test_wait_for (makeups_shown, window, 20000));
  progress = adw_preferences_group_get_description (
               ADW_PREFERENCES_GROUP (child (window, QUORUM_TYPE_OCCURRENCE_WINDOW,
                                             "roll_group")));
  g_assert_nonnull (strstr (progress, "30"));

  /* A theory study must be made up (Makeup=true): two absences are owed. */
  g_assert_true (owed_count_is (GUINT_TO_POINTER (2)));
  g_assert_true (gtk_widget_get_visible (child (window, QUORUM_TYPE_OCCURRENCE_WINDOW,
                                                "makeups_group")));
  save_screenshot (GTK_WIDGET (window), "occurrence-window.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "occurrence.record-makeup",
                                             "x", seed.people[3]));
  dialog = find_makeup_dialog ();
  g_assert_nonnull (dialog);
  save_screenshot (GTK_WIDGET (dialog), "makeup-dialog.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "makeup.record", NULL));
  g_assert_true (owed_count_is (GUINT_TO_POINTER (1)));
  {
    g_autoptr(GListModel) owed = quorum_store_list_owed_makeups (seed.store, seed.people[3],
                                                                 &error);

    g_assert_cmpuint (g_list_model_get_n_items (owed), ==, 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
leave_saved (gpointer data)
{
  g_autoptr(GPtrArray) leaves = quorum_store_list_leaves (seed.store, seed.people[7], NULL);

  return leaves != NULL && leaves->len == 1;
}

static void
test_roll_call_leave (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) from = at ("2026-11-27T00:00:00");
  g_autoptr(GDateTime) to = at ("2026-12-01T00:00:00");
  g_autoptr(QuorumAttendance) away = NULL;
  g_autoptr(GListModel) during = NULL;
  QuorumLeaveWindow *leave;
  QuorumOccurrenceWindow *window;
  GtkWidget *overlaps;

  /* File a leave for the eighth person over next Monday's session. */
  leave = quorum_leave_window_new (seed.store);
  gtk_window_present (GTK_WINDOW (leave));
  quorum_test_spin (100);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (leave, QUORUM_TYPE_LEAVE_WINDOW,
                                                    "person_row")), 7);
  quorum_date_button_set_date (QUORUM_DATE_BUTTON (child (leave, QUORUM_TYPE_LEAVE_WINDOW,
                                                          "from_button")), from);
  quorum_date_button_set_date (QUORUM_DATE_BUTTON (child (leave, QUORUM_TYPE_LEAVE_WINDOW,
                                                          "to_button")), to);
  gtk_editable_set_text (GTK_EDITABLE (child (leave, QUORUM_TYPE_LEAVE_WINDOW, "destination_row")),
                         "南京");
  gtk_editable_set_text (GTK_EDITABLE (child (leave, QUORUM_TYPE_LEAVE_WINDOW, "reason_row")),
                         "参加省委党校培训");
  quorum_test_spin (100);

  /* Before it is saved, the window lists the session it overlaps. */
  overlaps = child (leave, QUORUM_TYPE_LEAVE_WINDOW, "overlap_list");
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (overlaps), 0));
  g_assert_true (ADW_IS_ACTION_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (overlaps), 0)));
  save_screenshot (GTK_WIDGET (leave), "leave-window.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (leave), "leave.file", NULL));
  g_assert_true (quorum_test_wait_for (leave_saved, NULL, 20000));
  {
    g_autoptr(GPtrArray) leaves = quorum_store_list_leaves (seed.store, seed.people[7], &error);
    QuorumLeave *filed = g_ptr_array_index (leaves, 0);

    g_assert_false (filed->emergency);
    during = quorum_store_list_required_events_during_leave (seed.store, filed->id, &error);
    g_assert_cmpuint (g_list_model_get_n_items (during), ==, 1);
  }
  gtk_window_destroy (GTK_WINDOW (leave));

  /* Next week's roll shows that person pre-marked excused with the leave. */
  window = quorum_occurrence_window_new (seed.store, quorum_application_get_workdays (seed.app),
                                         quorum_application_get_rulebook (seed.app),
                                         seed.next_week);
  gtk_window_present (GTK_WINDOW (window));
  quorum_test_spin (100);
  {
    GtkWidget *list = child (window, QUORUM_TYPE_OCCURRENCE_WINDOW, "roll_list");
    QuorumRollRow *row = QUORUM_ROLL_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 7));

    g_assert_cmpint (quorum_roll_row_get_person_id (row), ==, seed.people[7]);
    g_assert_cmpint (quorum_roll_row_get_shown_status (row), ==, QUORUM_ATTENDANCE_EXCUSED);
  }
  away = attendance_of (seed.next_week, 7);
  g_assert_cmpint (quorum_attendance_get_status (away), ==, QUORUM_ATTENDANCE_EXCUSED);
  g_assert_false (quorum_attendance_get_recorded (away));
  g_assert_nonnull (strstr (quorum_attendance_get_reason (away), "参加省委党校培训"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_roll_call_short_notice (void)
{
  g_autoptr(GDateTime) from = at ("2026-11-24T00:00:00");
  QuorumLeaveWindow *leave = quorum_leave_window_new (seed.store);
  GtkWidget *warning;

  gtk_window_present (GTK_WINDOW (leave));
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (leave, QUORUM_TYPE_LEAVE_WINDOW,
                                                    "person_row")), 9);
  quorum_date_button_set_date (QUORUM_DATE_BUTTON (child (leave, QUORUM_TYPE_LEAVE_WINDOW,
                                                          "from_button")), from);
  quorum_date_button_set_date (QUORUM_DATE_BUTTON (child (leave, QUORUM_TYPE_LEAVE_WINDOW,
                                                          "to_button")), from);
  warning = child (leave, QUORUM_TYPE_LEAVE_WINDOW, "notice_row");
  g_assert_true (gtk_widget_get_visible (warning));

  /* Filing asks for the emergency; without one nothing is stored. */
  gtk_editable_set_text (GTK_EDITABLE (child (leave, QUORUM_TYPE_LEAVE_WINDOW, "destination_row")),
                         "济南");
  gtk_editable_set_text (GTK_EDITABLE (child (leave, QUORUM_TYPE_LEAVE_WINDOW, "reason_row")),
                         "家中急事");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (leave), "leave.file", NULL));
  quorum_test_spin (100);
  {
    g_autoptr(GPtrArray) leaves = quorum_store_list_leaves (seed.store, seed.people[9], NULL);

    g_assert_cmpuint (leaves->len, ==, 0);
  }
  g_assert_true (quorum_leave_window_file_emergency (leave, "母亲住院"));
  {
    g_autoptr(GPtrArray) leaves = quorum_store_list_leaves (seed.store, seed.people[9], NULL);
    QuorumLeave *filed;

    g_assert_cmpuint (leaves->len, ==, 1);
    filed = g_ptr_array_index (leaves, 0);
    g_assert_true (filed->emergency);
    g_assert_cmpstr (filed->emergency_reason, ==, "母亲住院");
  }
  gtk_window_destroy (GTK_WINDOW (leave));
}

static void
test_roll_call_sign_in_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("quorum-roll-call-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "sign-in.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  QuorumOccurrenceWindow *window;
  const char *last;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is needed to read the PDF");
      return;
    }

  window = quorum_occurrence_window_new (seed.store, quorum_application_get_workdays (seed.app),
                                         quorum_application_get_rulebook (seed.app), seed.today);
  g_assert_true (quorum_occurrence_window_export_pdf (window, QUORUM_SHEET_SIGN_IN, path, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));

  text = pdf_text (path);
  last = text;
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      const char *found = strstr (last, seed.names[i]);

      if (found == NULL)
        g_error ("“%s” is missing or out of order in:\n%s", seed.names[i], text);
      last = found + strlen (seed.names[i]);
    }
  if (g_getenv ("QUORUM_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("QUORUM_SCREENSHOT_DIR"),
                                                "sign-in.pdf", NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_file_get_contents (path, &contents, &length, NULL);
      g_file_set_contents (copy, contents, length, NULL);
    }
  g_remove (path);
  g_rmdir (dir);
}

static void
test_roll_call_makeups_window (void)
{
  QuorumMakeupsWindow *window = quorum_makeups_window_new (seed.store);
  GtkWidget *list;

  gtk_window_present (GTK_WINDOW (window));
  quorum_test_spin (100);
  list = child (window, QUORUM_TYPE_MAKEUPS_WINDOW, "owed_list");
  /* The excused fifth person still owes this week's session. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  save_screenshot (GTK_WIDGET (window), "makeups-window.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("QUORUM_LOCALEDIR") ? g_getenv ("QUORUM_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  if (!quorum_test_init_display (&argc, &argv))
    return 0;

  seed_store ();

  g_test_add_func ("/roll-call/keyboard", test_roll_call_keyboard);
  g_test_add_func ("/roll-call/makeups-window", test_roll_call_makeups_window);
  g_test_add_func ("/roll-call/leave", test_roll_call_leave);
  g_test_add_func ("/roll-call/short-notice", test_roll_call_short_notice);
  g_test_add_func ("/roll-call/sign-in-pdf", test_roll_call_sign_in_pdf);

  status = g_test_run ();

  for (guint i = 0; i < N_PEOPLE; i++)
    g_free (seed.names[i]);
  g_clear_pointer (&seed.tz, g_time_zone_unref);
  g_clear_object (&seed.app);
  return status;
}
