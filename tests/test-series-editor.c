/* test-series-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The series editor and the occurrence editor, driven as the secretary
 * would: pick a duty, change the proposal, save; then move one occurrence,
 * split the series, cancel one, delete the series and undo.
 *
 * With QUORUM_EDITOR_SCREENSHOTS=DIR the "screenshots" case saves the
 * windows as PNG (QUORUM_EDITOR_DARK=1: in the dark style).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "quorum-occurrence-editor.h"
#include "quorum-proposal.h"
#include "quorum-series-editor.h"
#include "quorum-test-utils.h"

typedef struct
{
  char           *dir;
  QuorumDatabase *db;
  QuorumStore    *store;
  QuorumRulebook *rulebook;
  QuorumWorkdays *workdays;
  GTimeZone      *tz;
  GtkWindow      *parent;
  GPtrArray      *toasts;
  gint64          party_group;
  gint64          zhang;
  gint64          li;
} Fixture;

static GDateTime *
at (Fixture *f,
    int      year,
    int      month,
    int      day,
    int      hour,
    int      minute)
{
  return g_date_time_new (f->tz, year, month, day, hour, minute, 0);
}

static void
set_now (Fixture *f,
         int      year,
         int      month,
         int      day)
{
  g_autoptr(GDateTime) now = at (f, year, month, day, 0, 0);

  quorum_store_set_now (f->store, now);
}

static void
show_toast_cb (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->toasts, g_variant_dup_string (param, NULL));
}

static gint64
add_leader (Fixture    *f,
            const char *name,
            gint64      unit)
{
  g_autoptr(QuorumPerson) person = quorum_person_new (name, "副市长", 10);
  g_autoptr(GDate) start = g_date_new_dmy (1, G_DATE_JANUARY, 2025);
  g_autoptr(GError) error = NULL;
  gint64 id = quorum_store_add_person (f->store, person, &error);

  g_assert_no_error (error);
  quorum_store_add_relation (f->store, id, unit, "member", start, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const GActionEntry win_actions[] = {
    { "show-toast", show_toast_cb, "s", NULL, NULL, { 0 } },
  };
  g_autoptr(GSimpleActionGroup) win = g_simple_action_group_new ();
  g_autoptr(QuorumUnit) party = quorum_unit_new ("市政府党组", "party-group");
  g_autoptr(QuorumUnit) leadership = quorum_unit_new ("市政府领导班子", "leadership-group");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 leadership_id;

  f->dir = g_dir_make_tmp ("quorum-editor-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "editor.db", NULL);
  f->db = quorum_database_open (path, &error);
  g_assert_no_error (error);
  f->store = quorum_store_new (f->db);
  f->tz = g_time_zone_new_identifier ("Asia/Shanghai");
  set_now (f, 2026, 9, 1);
  f->rulebook = quorum_rulebook_new_default (&error);
  g_assert_no_error (error);
  f->workdays = quorum_workdays_new_default (&error);
  g_assert_no_error (error);

  f->party_group = quorum_store_add_unit (f->store, party, &error);
  leadership_id = quorum_store_add_unit (f->store, leadership, &error);
  g_assert_no_error (error);
  f->zhang = add_leader (f, "张三", leadership_id);
  f->li = add_leader (f, "李四", leadership_id);
  {
    g_autoptr(GDate) start = g_date_new_dmy (1, G_DATE_JANUARY, 2025);

    quorum_store_add_relation (f->store, f->zhang, f->party_group, "member", start, NULL, &error);
    g_assert_no_error (error);
  }

  /* The main window, as far as the editors see it: it shows toasts. */
  f->toasts = g_ptr_array_new_with_free_func (g_free);
  f->parent = GTK_WINDOW (gtk_window_new ());
  g_action_map_add_action_entries (G_ACTION_MAP (win), win_actions, G_N_ELEMENTS (win_actions), f);
  gtk_widget_insert_action_group (GTK_WIDGET (f->parent), "win", G_ACTION_GROUP (win));
  gtk_window_present (f->parent);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_strdup (quorum_database_get_path (f->db));

  gtk_window_destroy (f->parent);
  g_clear_object (&f->store);
  g_clear_object (&f->db);
  g_clear_object (&f->rulebook);
  g_clear_object (&f->workdays);
  g_clear_pointer (&f->tz, g_time_zone_unref);
  g_clear_pointer (&f->toasts, g_ptr_array_unref);
  g_remove (path);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
save_png (GtkWidget  *window,
          const char *name)
{
  const char *dir = g_getenv ("QUORUM_EDITOR_SCREENSHOTS");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  quorum_test_spin (800);
  texture = quorum_test_render_window (window);
  g_assert_nonnull (texture);
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

typedef struct
{
  QuorumSeriesPreview *preview;
  const char          *needle;
} PreviewWait;

static gboolean
preview_contains (gpointer data)
{
  PreviewWait *wait = data;
  g_autofree char *text = quorum_series_preview_dup_text (wait->preview);

  return strstr (text, wait->needle) != NULL;
}

static gboolean
editor_has_error (gpointer data)
{
  return quorum_series_editor_get_error (data) != NULL;
}

static gboolean
editor_has_no_error (gpointer data)
{
  return quorum_series_editor_get_error (data) == NULL;
}

static void
on_saved_cb (QuorumSeriesEditor *editor,
             gint64              series_id,
             gint64             *out)
{
  *out = series_id;
}

static GListModel *
occurrences (Fixture *f,
             gint64   series_id,
             int      from_month,
             int      to_month)
{
  g_autoptr(GDateTime) from = at (f, 2026, from_month, 1, 0, 0);
  g_autoptr(GDateTime) to = to_month <= 12 ? at (f, 2026, to_month, 1, 0, 0) : at (f, 2027, to_month - 12, 1, 0, 0);
  QuorumOccurrenceFilter filter = { .series_id = series_id };
  g_autoptr(GError) error = NULL;
  GListModel *list = quorum_store_list_occurrences (f->store, from, to, &filter, &error);

  g_assert_no_error (error);
  return list;
}

static void
assert_occurrence (GListModel *list,
                   guint       i,
                   int         month,
                   int         day,
                   int         hour,
                   gboolean    shifted)
{
  g_autoptr(QuorumOccurrence) o = g_list_model_get_item (list, i);
  GDateTime *start;

  g_assert_nonnull (o);
  start = quorum_occurrence_get_start (o);
  g_assert_cmpint (g_date_time_get_month (start), ==, month);
  g_assert_cmpint (g_date_time_get_day_of_month (start), ==, day);
  g_assert_cmpint (g_date_time_get_hour (start), ==, hour);
  g_assert_cmpint (quorum_occurrence_get_holiday_shifted (o), ==, shifted);
}

static gint64
nth_id (GListModel *list,
        guint       i)
{
  g_autoptr(QuorumOccurrence) o = g_list_model_get_item (list, i);

  return quorum_occurrence_get_id (o);
}

/* Theory study, proposed, then moved to the 1st of each month from October:
 * 1 October 2026 is National Day. */
static gint64
schedule_theory_study (Fixture *f)
{
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_SEPTEMBER, 2026);
  g_autoptr(GDateTime) october = at (f, 2026, 10, 1, 9, 0);
  QuorumSeriesEditor *editor = quorum_series_editor_new (f->store, f->rulebook, f->workdays, today);
  QuorumRecurrenceEditor *recurrence = quorum_series_editor_get_recurrence_editor (editor);
  PreviewWait wait = { quorum_series_editor_get_preview (editor), NULL };
  g_autofree char *text = NULL;
  g_autofree char *sentence = NULL;
  gint64 saved = 0;

  gtk_window_set_transient_for (GTK_WINDOW (editor), f->parent);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), &saved);
  gtk_window_present (GTK_WINDOW (editor));

  g_assert_false (quorum_series_editor_select_duty (editor, "no-such-duty"));
  g_assert_true (quorum_series_editor_select_duty (editor, "theory-study"));

  /* The proposal: the second Wednesday of each month, for the Party group. */
  g_assert_cmpstr (quorum_recurrence_editor_get_rrule (recurrence), ==, "FREQ=MONTHLY;BYDAY=2WE");
  g_assert_false (quorum_recurrence_editor_get_custom (recurrence));
  sentence = quorum_recurrence_editor_dup_description (recurrence);
  g_assert_cmpstr (sentence, ==, "Monthly on the second Wednesday");
  wait.needle = "Wed, 9 September 2026, 09:00";
  g_assert_true (quorum_test_wait_for (preview_contains, &wait, 20000));
  g_assert_null (quorum_series_editor_get_error (editor));

  /* The secretary changes the day: the 1st of each month, from October. */
  quorum_series_editor_set_start (editor, october);
  quorum_recurrence_editor_set_rrule (recurrence, "FREQ=MONTHLY;BYMONTHDAY=1");
  wait.needle = "Thu, 8 October 2026, 09:00 — Moved from 1 Oct (National Day)";
  g_assert_true (quorum_test_wait_for (preview_contains, &wait, 20000));
  text = quorum_series_preview_dup_text (wait.preview);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, wait.needle));
  g_assert_nonnull (strstr (text, "Mon, 2 November 2026, 09:00 — Moved from 1 Nov (weekend)"));
  g_assert_nonnull (strstr (text, "Tue, 1 December 2026, 09:00\n"));
  g_assert_nonnull (strstr (text, "Fri, 1 January 2027, 09:00 — No holiday calendar for 2027"));
  /* Weekends are known without the calendar: Saturday 1 May 2027 moves on. */
  g_assert_nonnull (strstr (text, "Mon, 3 May 2027, 09:00 — Moved from 1 May (weekend). No holiday"));

  /* An unsafe rule: the row is marked and Save is off. */
  quorum_recurrence_editor_set_rrule (recurrence, "FREQ=HOURLY");
  g_assert_true (quorum_recurrence_editor_get_custom (recurrence));
  g_assert_true (quorum_test_wait_for (editor_has_error, editor, 20000));
  g_assert_nonnull (strstr (quorum_series_editor_get_error (editor), "repeats within a day"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_nonnull (editor);  /* still open */
  g_assert_cmpuint (f->toasts->len, ==, 0);
  quorum_recurrence_editor_set_rrule (recurrence, "FREQ=MONTHLY;BYMONTHDAY=1");
  g_assert_true (quorum_test_wait_for (editor_has_no_error, editor, 20000));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_null (editor);  /* closed */
  g_assert_cmpint (saved, >, 0);
  g_assert_cmpuint (f->toasts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->toasts, 0), ==, "Series scheduled");

  return saved;
}

static void
test_series_editor_create (Fixture       *f,
                           gconstpointer  data)
{
  gint64 id = schedule_theory_study (f);
  g_autoptr(QuorumSeries) series = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 *units;
  guint n;

  series = quorum_store_get_series (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (quorum_series_get_title (series), ==,
                   quorum_duty_get_title (quorum_rulebook_lookup (f->rulebook, "theory-study")));
  g_assert_cmpstr (quorum_series_get_duty_id (series), ==, "theory-study");
  g_assert_cmpstr (quorum_series_get_rrule (series), ==, "FREQ=MONTHLY;BYMONTHDAY=1");
  g_assert_cmpstr (quorum_series_get_holiday_policy (series), ==, "next-workday");
  g_assert_cmpint (quorum_series_get_duration_minutes (series), ==, 120);
  units = quorum_series_get_participant_units (series, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (units[0], ==, f->party_group);

  list = occurrences (f, id, 9, 13);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  assert_occurrence (list, 0, 10, 8, 9, TRUE);   /* National Day holiday → Thursday 8 Oct */
  assert_occurrence (list, 1, 11, 2, 9, TRUE);   /* Sunday 1 Nov → Monday */
  assert_occurrence (list, 2, 12, 1, 9, FALSE);
}

static void
test_series_editor_every_leader (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_SEPTEMBER, 2026);
  g_autoptr(QuorumSeriesEditor) editor = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  const char *want[] = { "FREQ=MONTHLY;BYDAY=2WE", "FREQ=MONTHLY;BYDAY=2TH" };
  gint64 owners[] = { f->zhang, f->li };

  editor = g_object_ref_sink (quorum_series_editor_new (f->store, f->rulebook, f->workdays, today));
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (quorum_series_editor_select_duty (editor, "reception-day"));

  ids = quorum_series_editor_save (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(QuorumSeries) series = quorum_store_get_series (f->store,
                                                                g_array_index (ids, gint64, i),
                                                                &error);

      g_assert_cmpint (quorum_series_get_owner_id (series), ==, owners[i]);
      g_assert_cmpstr (quorum_series_get_rrule (series), ==, want[i]);
      g_assert_cmpint (g_date_time_get_hour (quorum_series_get_dtstart (series)), ==, 8);
    }

  /* One leader only: the owner must be chosen first. */
  quorum_series_editor_set_every_leader (editor, FALSE);
  g_clear_pointer (&ids, g_array_unref);
  ids = quorum_series_editor_save (editor, &error);
  g_assert_null (ids);
  g_assert_error (error, QUORUM_STORE_ERROR, QUORUM_STORE_ERROR_INVALID);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static AdwMessageDialog *
find_dialog (GtkWindow *transient_for)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == transient_for)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static QuorumOccurrenceEditor *
open_occurrence (Fixture *f,
                 gint64   occurrence_id)
{
  return quorum_occurrence_editor_present (f->parent, f->store, f->workdays, occurrence_id);
}

/* Saves through the dialog, as the secretary would, choosing @response. */
static void
save_with_scope (QuorumOccurrenceEditor *editor,
                 const char             *response)
{
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dialog = find_dialog (GTK_WINDOW (editor));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "this"));
  g_assert_true (adw_message_dialog_has_response (dialog, "following"));
  g_assert_true (adw_message_dialog_has_response (dialog, "all"));
  adw_message_dialog_response (dialog, response);
  g_assert_true (quorum_test_wait_for (is_gone, &editor, 20000));  /* saved and closed */
}

static void
test_occurrence_editor (Fixture       *f,
                        gconstpointer  data)
{
  gint64 id = schedule_theory_study (f);
  g_autoptr(GListModel) list = occurrences (f, id, 9, 13);
  g_autoptr(GDateTime) nov_3 = at (f, 2026, 11, 3, 14, 0);
  g_autoptr(GDateTime) dec_1 = at (f, 2026, 12, 1, 15, 30);
  g_autoptr(GError) error = NULL;
  g_autoptr(QuorumSeries) old = NULL;
  QuorumOccurrenceEditor *editor;
  AdwMessageDialog *dialog;
  gint64 oct_8 = nth_id (list, 0), nov_2 = nth_id (list, 1), dec = nth_id (list, 2);
  gint64 next_id;

  /* October took place; one member's attendance is on record. */
  set_now (f, 2026, 10, 20);
  g_assert_true (quorum_store_set_attendance (f->store, oct_8, f->zhang, QUORUM_ATTENDANCE_PRESENT,
                                              NULL, QUORUM_EXCUSE_NONE, TRUE, NULL, &error));
  g_assert_no_error (error);

  /* This one only: November moves to Tuesday afternoon. */
  editor = open_occurrence (f, nov_2);
  quorum_occurrence_editor_set_start (editor, nov_3);
  save_with_scope (editor, "this");
  g_clear_object (&list);
  list = occurrences (f, id, 9, 13);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  assert_occurrence (list, 0, 10, 8, 9, TRUE);
  assert_occurrence (list, 1, 11, 3, 14, TRUE);
  assert_occurrence (list, 2, 12, 1, 9, FALSE);
  {
    g_autoptr(QuorumOccurrence) moved = quorum_store_get_occurrence (f->store, nov_2, &error);

    g_assert_true (quorum_occurrence_get_moved (moved));
  }
  g_assert_cmpstr (g_ptr_array_index (f->toasts, f->toasts->len - 1), ==, "Occurrence changed");

  /* This and following: from December, a new title and 15:30. */
  editor = open_occurrence (f, dec);
  quorum_occurrence_editor_set_title (editor, "理论学习（调整）");
  quorum_occurrence_editor_set_start (editor, dec_1);
  save_with_scope (editor, "following");
  old = quorum_store_get_series (f->store, id, &error);
  g_assert_nonnull (strstr (quorum_series_get_rrule (old), "UNTIL="));
  g_clear_object (&list);
  list = occurrences (f, 0, 10, 14);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  {
    g_autoptr(QuorumOccurrence) first = g_list_model_get_item (list, 0);
    g_autoptr(QuorumOccurrence) third = g_list_model_get_item (list, 2);

    /* The earlier ones, and their attendance, are as they were. */
    g_assert_cmpint (quorum_occurrence_get_id (first), ==, oct_8);
    g_assert_cmpuint (quorum_occurrence_get_n_attended (first), ==, 1);
    g_assert_cmpstr (quorum_occurrence_get_title (first), ==,
                     quorum_duty_get_title (quorum_rulebook_lookup (f->rulebook, "theory-study")));
    assert_occurrence (list, 1, 11, 3, 14, TRUE);
    g_assert_cmpstr (quorum_occurrence_get_title (third), ==, "理论学习（调整）");
    next_id = quorum_occurrence_get_series_id (third);
    g_assert_cmpint (next_id, !=, id);
    assert_occurrence (list, 2, 12, 1, 15, FALSE);
  }
  g_assert_cmpstr (g_ptr_array_index (f->toasts, f->toasts->len - 1), ==, "Series changed");

  /* Cancel January 2027 with a reason. */
  editor = open_occurrence (f, nth_id (list, 3));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel-occurrence", NULL));
  dialog = find_dialog (GTK_WINDOW (editor));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "cancel-occurrence"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "与常务会议合并");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "cancel-occurrence"));
  adw_message_dialog_response (dialog, "cancel-occurrence");
  g_assert_true (quorum_test_wait_for (is_gone, &editor, 20000));
  {
    g_autoptr(QuorumOccurrence) cancelled = quorum_store_get_occurrence (f->store,
                                                                         nth_id (list, 3), &error);

    g_assert_cmpint (quorum_occurrence_get_status (cancelled), ==, QUORUM_OCCURRENCE_CANCELLED);
    g_assert_cmpstr (quorum_occurrence_get_status_reason (cancelled), ==, "与常务会议合并");
  }

  /* Delete the new series, then Undo. */
  editor = open_occurrence (f, nth_id (list, 2));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete-series", NULL));
  g_assert_true (quorum_test_wait_for (is_gone, &editor, 20000));
  g_assert_nonnull (strstr (g_ptr_array_index (f->toasts, f->toasts->len - 1), "deleted"));
  g_clear_object (&list);
  list = occurrences (f, next_id, 10, 14);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->parent), "quorum-editor.restore-series",
                                             "x", next_id));
  g_clear_object (&list);
  list = occurrences (f, next_id, 10, 14);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
}

/* Not a check: renders the editors for a person to look at, in the locale of
 * the environment, when QUORUM_EDITOR_SCREENSHOTS names a folder. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_SEPTEMBER, 2026);
  g_autoptr(GDateTime) october = at (f, 2026, 10, 1, 9, 0);
  g_autoptr(GListModel) list = NULL;
  QuorumSeriesEditor *editor;
  QuorumOccurrenceEditor *occurrence;
  AdwMessageDialog *dialog;
  gint64 id;

  if (g_getenv ("QUORUM_EDITOR_SCREENSHOTS") == NULL)
    {
      g_test_skip ("Set QUORUM_EDITOR_SCREENSHOTS=DIR to render the editors");
      return;
    }

  if (g_getenv ("QUORUM_EDITOR_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  editor = quorum_series_editor_present_new (f->parent, f->store, f->rulebook, f->workdays, today);
  gtk_window_set_default_size (GTK_WINDOW (editor), 620, 1180);
  save_png (GTK_WIDGET (editor), "series-editor-duties.png");
  quorum_series_editor_select_duty (editor, "theory-study");
  quorum_series_editor_set_start (editor, october);
  quorum_recurrence_editor_set_rrule (quorum_series_editor_get_recurrence_editor (editor),
                                      "FREQ=MONTHLY;BYMONTHDAY=1");
  save_png (GTK_WIDGET (editor), "series-editor-details.png");
  quorum_recurrence_editor_set_rrule (quorum_series_editor_get_recurrence_editor (editor),
                                      "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10");
  save_png (GTK_WIDGET (editor), "series-editor-weekly.png");
  quorum_recurrence_editor_set_rrule (quorum_series_editor_get_recurrence_editor (editor),
                                      "FREQ=HOURLY");
  save_png (GTK_WIDGET (editor), "series-editor-error.png");
  gtk_window_destroy (GTK_WINDOW (editor));

  editor = quorum_series_editor_present_new (f->parent, f->store, f->rulebook, f->workdays, today);
  gtk_window_set_default_size (GTK_WINDOW (editor), 620, 1180);
  quorum_series_editor_select_duty (editor, "reception-day");
  save_png (GTK_WIDGET (editor), "series-editor-leaders.png");
  gtk_window_destroy (GTK_WINDOW (editor));

  {
    QuorumDuty *duty = quorum_rulebook_lookup (f->rulebook, "theory-study");
    g_autoptr(QuorumSeries) series = quorum_proposal_for_duty (duty, f->store, today, 0);

    quorum_series_set_dtstart (series, october);
    quorum_series_set_rrule (series, "FREQ=MONTHLY;BYMONTHDAY=1");
    id = quorum_store_add_series (f->store, series, NULL);
  }
  list = occurrences (f, id, 9, 13);
  occurrence = open_occurrence (f, nth_id (list, 0));
  save_png (GTK_WIDGET (occurrence), "occurrence-editor.png");
  gtk_widget_activate_action (GTK_WIDGET (occurrence), "editor.save", NULL);
  dialog = find_dialog (GTK_WINDOW (occurrence));
  save_png (GTK_WIDGET (dialog), "occurrence-scope.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_widget_activate_action (GTK_WIDGET (occurrence), "editor.cancel-occurrence", NULL);
  dialog = find_dialog (GTK_WINDOW (occurrence));
  save_png (GTK_WIDGET (dialog), "occurrence-cancel.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (occurrence));
}

static void
test_recurrence_editor (void)
{
  static const struct { const char *in, *out; gboolean custom; } rules[] = {
    { NULL, NULL, FALSE },
    { "FREQ=DAILY;COUNT=5", "FREQ=DAILY;COUNT=5", FALSE },
    { "FREQ=WEEKLY;BYDAY=WE,MO;INTERVAL=2", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE", FALSE },
    { "FREQ=WEEKLY", "FREQ=WEEKLY;BYDAY=TH", FALSE },  /* the start's weekday */
    { "FREQ=MONTHLY;BYDAY=2WE", "FREQ=MONTHLY;BYDAY=2WE", FALSE },
    { "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;BYDAY=-1FR", FALSE },
    { "FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=MONTHLY;BYMONTHDAY=-1", FALSE },
    { "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15;UNTIL=20271231",
      "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15;UNTIL=20271231", FALSE },
    { "FREQ=YEARLY", "FREQ=YEARLY", FALSE },
    { "FREQ=YEARLY;BYMONTH=1,2,3;BYMONTHDAY=15", "FREQ=YEARLY;BYMONTH=1,2,3;BYMONTHDAY=15", TRUE },
    { "FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR",
      "FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR", TRUE },
  };
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 10, 1, 9, 0, 0);
  QuorumRecurrenceEditor *editor = QUORUM_RECURRENCE_EDITOR (g_object_ref_sink (quorum_recurrence_editor_new ()));

  quorum_recurrence_editor_set_dtstart (editor, start);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *sentence = NULL;

      quorum_recurrence_editor_set_rrule (editor, rules[i].in);
      g_assert_cmpstr (quorum_recurrence_editor_get_rrule (editor), ==, rules[i].out);
      g_assert_cmpint (quorum_recurrence_editor_get_custom (editor), ==, rules[i].custom);
      sentence = quorum_recurrence_editor_dup_description (editor);
      g_assert_true (rules[i].custom == (strstr (sentence, "Custom rule") != NULL));
    }

  /* The sentence follows the rule. */
  quorum_recurrence_editor_set_rrule (editor, "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE");
  {
    g_autofree char *sentence = quorum_recurrence_editor_dup_description (editor);

    g_assert_cmpstr (sentence, ==, "Every 2 weeks on Wednesday");
  }
  g_object_unref (editor);
}

int
main (int   argc,
      char *argv[])
{
  /* Dates and the rulebook's titles in English, unless rendering for a look. */
  if (g_getenv ("QUORUM_EDITOR_SCREENSHOTS") == NULL)
    g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  if (!quorum_test_init_display (&argc, &argv))
    return 0;
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("QUORUM_LOCALEDIR") ? g_getenv ("QUORUM_LOCALEDIR")
                                                                   : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ui/series-editor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/ui/series-editor/recurrence-editor", test_recurrence_editor);
  ADD ("create", test_series_editor_create);
  ADD ("every-leader", test_series_editor_every_leader);
  ADD ("occurrences", test_occurrence_editor);
  ADD ("screenshots", test_screenshots);

  return g_test_run ();
}
