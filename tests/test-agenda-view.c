/* test-agenda-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "quorum-agenda-item.h"
#include "quorum-agenda-view.h"
#include "quorum-fake-calendar.h"
#include "quorum-test-utils.h"

typedef struct
{
  GtkWidget        *window;
  QuorumAgendaView *view;
  GListStore       *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) today = quorum_fake_date (2026, 11, 20);

  f->store = g_list_store_new (QUORUM_TYPE_OCCURRENCE);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  f->view = QUORUM_AGENDA_VIEW (quorum_agenda_view_new ());
  quorum_agenda_view_set_today (f->view, today);
  quorum_agenda_view_set_model (f->view, G_LIST_MODEL (f->store));
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
}

static void
add (Fixture    *f,
     gint64      id,
     const char *title,
     int         month,
     int         day,
     int         hour)
{
  g_autoptr(QuorumOccurrence) o = NULL;

  o = quorum_fake_occurrence (id, title, "meeting", "三楼会议室", 2026, month, day, hour, 0, 60,
                              QUORUM_OCCURRENCE_SCHEDULED);
  g_list_store_append (f->store, o);
}

static const char *
visible_page (Fixture *f)
{
  GtkWidget *stack = gtk_widget_get_first_child (GTK_WIDGET (f->view));

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static void
test_grouping (Fixture       *f,
               gconstpointer  data)
{
  static const struct {
    gboolean    header;
    const char *text;  /* header prefix or event title */
  } expected[] = {
    { TRUE, "Today · Friday, 20 November 2026" },
    { FALSE, "上午会" },
    { FALSE, "下午会" },
    { TRUE, "Sunday, 22 November 2026" },
    { FALSE, "周日值班" },
    { TRUE, "Tuesday, 1 December 2026" },
    { FALSE, "月初例会" },
  };
  GListModel *rows = quorum_agenda_view_get_rows (f->view);

  /* Out of order, with one in the past and one beyond the four weeks. */
  add (f, 1, "月初例会", 12, 1, 9);
  add (f, 2, "下午会", 11, 20, 15);
  add (f, 3, "昨天的会", 11, 19, 9);
  add (f, 4, "周日值班", 11, 22, 9);
  add (f, 5, "上午会", 11, 20, 9);
  add (f, 6, "明年的会", 12, 30, 9);

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(QuorumAgendaItem) item = g_list_model_get_item (rows, i);

      g_assert_cmpint (quorum_agenda_item_get_is_header (item), ==, expected[i].header);
      if (expected[i].header)
        g_assert_cmpstr (quorum_agenda_item_get_header (item), ==, expected[i].text);
      else
        g_assert_cmpstr (quorum_occurrence_get_title (quorum_agenda_item_get_occurrence (item)), ==,
                         expected[i].text);
    }
  g_assert_cmpstr (visible_page (f), ==, "list");
}

static void
test_details (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GDateTime) start = quorum_fake_date (2026, 11, 21);
  g_autoptr(QuorumOccurrence) o = NULL;
  g_autoptr(QuorumAgendaItem) item = NULL;

  o = g_object_new (QUORUM_TYPE_OCCURRENCE,
                    "id", (gint64)9, "title", "常务会议", "location", "三楼会议室",
                    "start", start, "n-expected", 15u, "n-recorded", 12u,
                    NULL);
  item = quorum_agenda_item_new_event (o);
  g_assert_cmpstr (quorum_agenda_item_get_details (item), ==, "三楼会议室 · 12 of 15 recorded");
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_assert_cmpuint (g_list_model_get_n_items (quorum_agenda_view_get_rows (f->view)), ==, 0);
  g_assert_cmpstr (visible_page (f), ==, "empty");

  add (f, 1, "会", 11, 25, 9);
  g_assert_cmpstr (visible_page (f), ==, "list");

  /* Only past events: empty again. */
  g_list_store_remove_all (f->store);
  add (f, 2, "过去的会", 11, 1, 9);
  g_assert_cmpstr (visible_page (f), ==, "empty");
}

static void
on_activated (QuorumAgendaView  *view,
              QuorumOccurrence  *occurrence,
              QuorumOccurrence **out)
{
  g_set_object (out, occurrence);
}

static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(QuorumOccurrence) activated = NULL;
  GtkWidget *list_view;

  add (f, 1, "第一", 11, 21, 9);
  add (f, 2, "第二", 11, 21, 10);
  g_signal_connect (f->view, "occurrence-activated", G_CALLBACK (on_activated), &activated);

  list_view = quorum_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_LIST_VIEW);
  g_assert_true (GTK_IS_LIST_VIEW (list_view));

  /* A header activates nothing. */
  g_signal_emit_by_name (list_view, "activate", 0u);
  g_assert_null (activated);
  g_signal_emit_by_name (list_view, "activate", 2u);
  g_assert_nonnull (activated);
  g_assert_cmpint (quorum_occurrence_get_id (activated), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  if (!quorum_test_init_display (&argc, &argv))
    return 0;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ui/agenda-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("grouping", test_grouping);
  ADD ("details", test_details);
  ADD ("empty", test_empty);
  ADD ("activate", test_activate);
#undef ADD

  return g_test_run ();
}
