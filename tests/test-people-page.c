/* test-people-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "quorum-assignment-dialog.h"
#include "quorum-date-entry.h"
#include "quorum-people-page.h"
#include "quorum-person-dialog.h"
#include "quorum-test-utils.h"
#include "quorum-welcome-page.h"
#include "quorum-window.h"

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The newest toplevel window of @type, or NULL. */
static GtkWindow *
find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        found = window;
    }
  return found;
}

/* Presses @accel through @widget's own key bindings (GTK cannot synthesise
 * key events): the shortcut whose trigger reads @accel, activated. */
static gboolean
press_key (GtkWidget  *widget,
           const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *name = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (name, accel) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* With $QUORUM_SCREENSHOT_DIR set, saves @widget's window as NAME.png there,
 * to look at while working on the page. */
static void
maybe_screenshot (GtkWidget  *widget,
                  const char *name)
{
  const char *dir = g_getenv ("QUORUM_SCREENSHOT_DIR");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkWidget *window;

  if (dir == NULL)
    return;

  window = GTK_WIDGET (gtk_widget_get_root (widget));
  quorum_test_spin (400);
  texture = quorum_test_render_window (window);
  g_assert_nonnull (texture);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static GDate *
day (const char *iso)
{
  GDate *date = g_date_new ();

  g_date_set_parse (date, iso);
  g_assert_true (g_date_valid (date));
  return date;
}

static gint64
find_person (QuorumStore *store,
             const char  *name)
{
  g_autoptr(GListModel) people = quorum_store_list_people (store, TRUE, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(QuorumPerson) person = g_list_model_get_item (people, i);

      if (g_str_equal (quorum_person_get_name (person), name))
        return quorum_person_get_id (person);
    }
  return 0;
}

static char *
first_in_list (QuorumPeoplePage *page)
{
  GListModel *shown = quorum_people_page_get_shown (page);
  g_autoptr(QuorumPerson) person = NULL;

  if (g_list_model_get_n_items (shown) == 0)
    return NULL;
  person = g_list_model_get_item (shown, 0);
  return g_strdup (quorum_person_get_name (person));
}

typedef struct
{
  QuorumPeoplePage *page;
  guint             n;
} ShownCount;

static gboolean
shown_count_is (gpointer data)
{
  ShownCount *count = data;

  return g_list_model_get_n_items (quorum_people_page_get_shown (count->page)) == count->n;
}

static gboolean
more_than_ten_shown (gpointer page)
{
  return g_list_model_get_n_items (quorum_people_page_get_shown (page)) > 10;
}

static gboolean
window_gone (gpointer data)
{
  return find_window (GPOINTER_TO_SIZE (data)) == NULL;
}

typedef struct
{
  QuorumWindow      *window;
  QuorumPeoplePage  *page;
  QuorumStore       *store;
} Fixture;

static void
open_window (Fixture *f)
{
  g_autoptr(QuorumApplication) app = quorum_test_application ();
  GtkStack *main_stack;

  f->window = quorum_window_new (app);
  gtk_window_present (GTK_WINDOW (f->window));
  f->store = quorum_application_get_store (app);
  /* Pages other than the one on show are made when first shown. */
  g_assert_null (find_widget (GTK_WIDGET (f->window), QUORUM_TYPE_PEOPLE_PAGE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s",
                                             "people"));
  f->page = QUORUM_PEOPLE_PAGE (find_widget (GTK_WIDGET (f->window), QUORUM_TYPE_PEOPLE_PAGE));
  g_assert_nonnull (f->page);
  main_stack = GTK_STACK (gtk_widget_get_parent (find_widget (GTK_WIDGET (f->window),
                                                              ADW_TYPE_VIEW_STACK)));
  g_assert_true (GTK_IS_STACK (main_stack));
}

static const char *
main_stack_page (Fixture *f)
{
  GtkWidget *stack = gtk_widget_get_parent (find_widget (GTK_WIDGET (f->window),
                                                         ADW_TYPE_VIEW_STACK));

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* The tests share one application and database, and run in order. */
static Fixture fixture;

static void
test_welcome (void)
{
  Fixture *f = &fixture;
  GtkWidget *welcome;
  g_autofree char *rulebook = NULL;

  open_window (f);

  /* A new database shows the welcome page, not the pages. */
  g_assert_cmpstr (main_stack_page (f), ==, "welcome");
  welcome = find_widget (GTK_WIDGET (f->window), QUORUM_TYPE_WELCOME_PAGE);
  g_assert_nonnull (welcome);

  /* Setting up stores the bundled rulebook and goes to People, empty. */
  maybe_screenshot (welcome, "welcome");
  g_assert_true (gtk_widget_activate_action (welcome, "welcome.setup", NULL));
  maybe_screenshot (welcome, "people-empty");
  rulebook = quorum_store_dup_rulebook_id (f->store);
  g_assert_nonnull (rulebook);
  g_assert_cmpstr (main_stack_page (f), ==, "content");
  g_assert_cmpstr (quorum_window_get_visible_page (f->window), ==, "people");
  g_assert_cmpuint (g_list_model_get_n_items (quorum_people_page_get_shown (f->page)), ==, 0);
  g_assert_false (quorum_welcome_page_is_needed (f->store));
}

static void
test_add_person (void)
{
  Fixture *f = &fixture;
  QuorumPersonDialog *dialog;
  GtkWidget *name_row;
  GtkWidget *title_row;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "people.add", NULL));
  dialog = QUORUM_PERSON_DIALOG (find_window (QUORUM_TYPE_PERSON_DIALOG));
  g_assert_nonnull (dialog);

  /* No name: refused, the row is marked, the dialog stays. */
  name_row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "person.save", NULL));
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  maybe_screenshot (GTK_WIDGET (dialog), "person-dialog");
  g_assert_true (find_window (QUORUM_TYPE_PERSON_DIALOG) == GTK_WINDOW (dialog));

  gtk_editable_set_text (GTK_EDITABLE (name_row), "张三");
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  title_row = gtk_widget_get_next_sibling (name_row);
  g_assert_true (ADW_IS_ENTRY_ROW (title_row));
  gtk_editable_set_text (GTK_EDITABLE (title_row), "副市长");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "person.save", NULL));
  g_assert_true (quorum_test_wait_for (window_gone, GSIZE_TO_POINTER (QUORUM_TYPE_PERSON_DIALOG),
                                       20000));

  id = find_person (f->store, "张三");
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (quorum_people_page_get_selected (f->page), ==, id);
  {
    g_autoptr(QuorumPerson) person = quorum_store_get_person (f->store, id, NULL);

    g_assert_cmpstr (quorum_person_get_title (person), ==, "副市长");
  }
}

static void
test_assign (void)
{
  Fixture *f = &fixture;
  g_autoptr(QuorumUnit) finance = quorum_unit_new ("财政局", "department");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) start = day ("2026-03-01");
  g_autoptr(GPtrArray) relations = NULL;
  QuorumAssignmentDialog *dialog;
  gint64 zhang = find_person (f->store, "张三");
  gint64 unit_id = quorum_store_add_unit (f->store, finance, &error);
  QuorumRelation *relation;

  g_assert_no_error (error);
  g_assert_true (quorum_people_page_select (f->page, zhang));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "people.add-assignment", NULL));
  dialog = QUORUM_ASSIGNMENT_DIALOG (find_window (QUORUM_TYPE_ASSIGNMENT_DIALOG));
  g_assert_nonnull (dialog);

  /* A department is not offered as a town. */
  quorum_assignment_dialog_set_kind (dialog, "assigned-town");
  g_assert_false (quorum_assignment_dialog_select_unit (dialog, unit_id));
  quorum_assignment_dialog_set_kind (dialog, "in-charge");
  g_assert_true (quorum_assignment_dialog_select_unit (dialog, unit_id));
  quorum_assignment_dialog_set_start (dialog, start);
  maybe_screenshot (GTK_WIDGET (dialog), "assignment-dialog");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "assignment.add", NULL));
  g_assert_true (quorum_test_wait_for (window_gone,
                                       GSIZE_TO_POINTER (QUORUM_TYPE_ASSIGNMENT_DIALOG), 20000));

  relations = quorum_store_list_relations_at (f->store, zhang, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relations->len, ==, 1);
  relation = g_ptr_array_index (relations, 0);
  g_assert_cmpstr (relation->kind, ==, "in-charge");
  g_assert_cmpint (relation->unit_id, ==, unit_id);
  g_assert_cmpint (g_date_compare (relation->start, start), ==, 0);
  g_assert_null (relation->end);
}

static void
test_move (void)
{
  Fixture *f = &fixture;
  g_autoptr(QuorumPerson) li = quorum_person_new ("李四", "副市长", 0);
  g_autoptr(GError) error = NULL;
  ShownCount two = { f->page, 2 };
  g_autofree char *first = NULL;
  gint64 li_id;

  /* Written elsewhere (quorum-cli, say): the page follows. */
  quorum_person_set_rank (li, 1000);
  li_id = quorum_store_add_person (f->store, li, &error);
  g_assert_no_error (error);
  g_assert_true (quorum_test_wait_for (shown_count_is, &two, 20000));
  first = first_in_list (f->page);
  g_assert_cmpstr (first, ==, "张三");
  g_clear_pointer (&first, g_free);

  /* Alt+Up moves 李四 above 张三, in the store. */
  g_assert_true (quorum_people_page_select (f->page, li_id));
  g_assert_true (press_key (GTK_WIDGET (f->page), "<Alt>Up"));
  first = first_in_list (f->page);
  g_assert_cmpstr (first, ==, "李四");
  g_clear_pointer (&first, g_free);
  g_assert_cmpint (quorum_people_page_get_selected (f->page), ==, li_id);
  {
    g_autoptr(GListModel) people = quorum_store_list_people (f->store, TRUE, NULL);
    g_autoptr(QuorumPerson) top = g_list_model_get_item (people, 0);

    g_assert_cmpint (quorum_person_get_id (top), ==, li_id);
  }

  /* The top one cannot go higher; Move Down puts him back. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "people.move-up", NULL);
  first = first_in_list (f->page);
  g_assert_cmpstr (first, ==, "李四");
  g_clear_pointer (&first, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "people.move-down", NULL));
  first = first_in_list (f->page);
  g_assert_cmpstr (first, ==, "张三");
}

static void
test_import_gb18030 (void)
{
  Fixture *f = &fixture;
  const char *utf8 =
    "姓名,职务,排序,分管,包保,联系企业,备注\r\n"
    "张三,常务副市长,10,财政局,东镇,\"甲公司、乙公司\",\r\n"
    "王五,副市长,30,,西镇,丙公司,新任\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDate) date = day ("2026-06-01");
  QuorumPeopleImportDialog *dialog;
  QuorumPeopleCsvPlan *plan;
  GtkListBox *list;
  GPtrArray *changes;
  guint n_rows = 0;
  gsize len = 0;
  char *gb;

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (gb, len);

  dialog = quorum_people_page_import_bytes (f->page, bytes, "people.csv", &error);
  g_assert_no_error (error);
  g_assert_nonnull (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (quorum_people_import_dialog_get_encoding (dialog), ==, "GB18030");
  quorum_people_import_dialog_set_date (dialog, date);
  maybe_screenshot (GTK_WIDGET (dialog), "import-dialog");

  /* Each change of the plan is a row of the preview, in order. */
  plan = quorum_people_import_dialog_get_plan (dialog);
  g_assert_nonnull (plan);
  changes = quorum_people_csv_plan_get_changes (plan);
  list = quorum_people_import_dialog_get_changes_list (dialog);
  while (gtk_list_box_get_row_at_index (list, n_rows) != NULL)
    n_rows++;
  g_assert_cmpuint (n_rows, ==, changes->len);
  /* New: 东镇 西镇 甲 乙 丙, 王五; 张三's title; 张三 东镇 甲 乙, 王五 西镇 丙. */
  g_assert_cmpuint (changes->len, ==, 12);
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 5);
    QuorumPeopleCsvChange *change = g_ptr_array_index (changes, 5);
    g_autofree char *text = quorum_people_csv_change_describe (change);

    g_assert_cmpint (change->action, ==, QUORUM_PEOPLE_CSV_UPDATE_PERSON);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, text);
    g_assert_nonnull (strstr (text, "常务副市长"));
  }

  /* Mapping the notes column to the title changes the plan at once. */
  quorum_people_import_dialog_set_column (dialog, 6, QUORUM_PEOPLE_CSV_COLUMN_TITLE);
  g_assert_null (quorum_people_import_dialog_get_plan (dialog));
  quorum_people_import_dialog_set_column (dialog, 6, QUORUM_PEOPLE_CSV_COLUMN_IGNORE);
  g_assert_nonnull (quorum_people_import_dialog_get_plan (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  g_assert_true (quorum_test_wait_for (window_gone,
                                       GSIZE_TO_POINTER (QUORUM_TYPE_PEOPLE_IMPORT_DIALOG), 20000));
  g_assert_cmpint (find_person (f->store, "王五"), >, 0);
  {
    ShownCount three = { f->page, 3 };

    g_assert_true (quorum_test_wait_for (shown_count_is, &three, 20000));
  }
}

static void
test_end_keeps_history (void)
{
  Fixture *f = &fixture;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) april = day ("2026-04-15");
  g_autoptr(GDate) may_end = day ("2026-05-20");
  g_autoptr(GDate) june = day ("2026-06-15");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 zhang = find_person (f->store, "张三");
  g_autoptr(GPtrArray) now = quorum_store_list_relations_at (f->store, zhang, 0, april, &error);
  AdwMessageDialog *dialog;
  QuorumDateEntry *entry;
  gint64 relation_id;

  /* 财政局 from March: end it on 20 May through the page. */
  g_assert_no_error (error);
  g_assert_cmpuint (now->len, ==, 1);
  relation_id = ((QuorumRelation *)g_ptr_array_index (now, 0))->id;
  g_assert_true (quorum_people_page_select (f->page, zhang));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "people.end-assignment", "x",
                                             relation_id));
  dialog = ADW_MESSAGE_DIALOG (find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  entry = QUORUM_DATE_ENTRY (find_widget (GTK_WIDGET (dialog), QUORUM_TYPE_DATE_ENTRY));
  g_assert_nonnull (entry);

  /* Not a date: the entry says so and End is disabled. */
  gtk_editable_set_text (quorum_date_entry_get_editable (entry), "2026-05-40");
  g_assert_false (quorum_date_entry_is_valid (entry));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "end"));
  quorum_date_entry_set_date (entry, may_end);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "end"));
  adw_message_dialog_response (dialog, "end");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* April still has it; June does not. */
  before = quorum_store_list_relations_at (f->store, zhang, 0, april, &error);
  g_assert_no_error (error);
  after = quorum_store_list_relations_at (f->store, zhang, 0, june, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 1);
  g_assert_cmpint (((QuorumRelation *)g_ptr_array_index (before, 0))->id, ==, relation_id);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpint (((QuorumRelation *)g_ptr_array_index (after, i))->id, !=, relation_id);
}

/* The stack of the person's details (or of nobody selected). */
static GtkStack *
find_detail_stack (GtkWidget *root)
{
  if (GTK_IS_STACK (root) && gtk_stack_get_child_by_name (GTK_STACK (root), "person") != NULL)
    return GTK_STACK (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = find_detail_stack (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
detail_shown (gpointer data)
{
  GtkStack *stack = data;

  return gtk_widget_get_opacity (GTK_WIDGET (stack)) == 1 &&
         g_strcmp0 (gtk_stack_get_visible_child_name (stack), "person") == 0;
}

/* Shown for the first time in a window on show, the page lays out its list
 * in one frame and the selected person's details in the next; the detail
 * pane is blank meanwhile, never “No Person Selected”. */
static void
test_detail_after_first_frame (void)
{
  Fixture *f = &fixture;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (f->window));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  QuorumWindow *window;
  QuorumPeoplePage *page;
  GtkStack *detail;

  g_settings_set_string (settings, "last-page", "calendar");
  window = quorum_window_new (QUORUM_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  quorum_test_spin (200);
  g_assert_null (find_widget (GTK_WIDGET (window), QUORUM_TYPE_PEOPLE_PAGE));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "people"));
  page = QUORUM_PEOPLE_PAGE (find_widget (GTK_WIDGET (window), QUORUM_TYPE_PEOPLE_PAGE));
  g_assert_nonnull (page);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_people_page_get_shown (page)), >, 0);
  g_assert_cmpint (quorum_people_page_get_selected (page), !=, 0);
  detail = find_detail_stack (GTK_WIDGET (page));
  g_assert_nonnull (detail);
  g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (detail)), ==, 0);

  g_assert_true (quorum_test_wait_for (detail_shown, detail, 5000));

  /* Choosing someone else before then shows them at once. */
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_set_string (settings, "last-page", "calendar");
  window = quorum_window_new (QUORUM_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  quorum_test_spin (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "people"));
  page = QUORUM_PEOPLE_PAGE (find_widget (GTK_WIDGET (window), QUORUM_TYPE_PEOPLE_PAGE));
  detail = find_detail_stack (GTK_WIDGET (page));
  g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (detail)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (quorum_people_page_get_shown (page)), >, 1);
  {
    g_autoptr(QuorumPerson) second = g_list_model_get_item (quorum_people_page_get_shown (page), 1);

    g_assert_true (quorum_people_page_select (page, quorum_person_get_id (second)));
    g_assert_cmpint (quorum_people_page_get_selected (page), ==, quorum_person_get_id (second));
  }
  g_assert_true (detail_shown (detail));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_delete (void)
{
  Fixture *f = &fixture;
  g_autoptr(QuorumPerson) typo = quorum_person_new ("张山", "", 5000);
  g_autoptr(GError) error = NULL;
  gint64 zhang = find_person (f->store, "张三");
  gint64 id = quorum_store_add_person (f->store, typo, &error);
  ShownCount four = { f->page, 4 };
  ShownCount three = { f->page, 3 };

  g_assert_no_error (error);
  g_assert_true (quorum_test_wait_for (shown_count_is, &four, 20000));

  /* Someone entered by mistake goes; someone with history stays. */
  g_assert_true (quorum_people_page_select (f->page, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "people.delete", NULL));
  g_assert_cmpint (find_person (f->store, "张山"), ==, 0);
  g_assert_true (quorum_test_wait_for (shown_count_is, &three, 20000));

  g_assert_true (quorum_people_page_select (f->page, zhang));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "people.delete", NULL));
  g_assert_cmpint (find_person (f->store, "张三"), ==, zhang);
}

static gboolean
is_demo (gpointer app)
{
  return quorum_application_is_demo (app);
}

static gboolean
is_not_demo (gpointer app)
{
  return !quorum_application_is_demo (app);
}

static void
test_demo (void)
{
  Fixture *f = &fixture;
  g_autoptr(QuorumApplication) app = quorum_test_application ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *chosen = NULL;
  g_autofree char *demo_path = quorum_application_dup_demo_database ();
  GtkWidget *welcome = find_widget (GTK_WIDGET (f->window), QUORUM_TYPE_WELCOME_PAGE);
  AdwWindowTitle *title;
  ShownCount three = { f->page, 3 };

  /* The demo office is built in its own file, in a thread, and shown. */
  g_assert_true (gtk_widget_activate_action (welcome, "welcome.demo", NULL));
  g_assert_true (quorum_test_wait_for (is_demo, app, 30000));
  g_assert_true (g_file_test (demo_path, G_FILE_TEST_EXISTS));
  /* The demo's people, listed a few a frame. */
  g_assert_true (quorum_test_wait_for (more_than_ten_shown, f->page, 5000));
  g_assert_cmpstr (main_stack_page (f), ==, "content");
  title = ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (f->window), ADW_TYPE_WINDOW_TITLE));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, _("Demo Office"));
  chosen = g_settings_get_string (settings, "database");
  g_assert_cmpstr (chosen, ==, demo_path);
  g_clear_pointer (&chosen, g_free);
  maybe_screenshot (GTK_WIDGET (f->page), "people-demo");

  /* Leaving it goes back to the office as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.leave-demo", NULL));
  g_assert_true (quorum_test_wait_for (is_not_demo, app, 20000));
  g_assert_true (quorum_test_wait_for (shown_count_is, &three, 20000));
  g_assert_cmpstr (adw_window_title_get_subtitle (title) ?: "", ==, "");
  chosen = g_settings_get_string (settings, "database");
  g_assert_cmpstr (chosen, ==, "");

  gtk_window_destroy (GTK_WINDOW (f->window));
}

/* Counts the groups of the detail pane (below the rank group) still hidden. */
static guint
count_hidden_groups (GtkWidget *root)
{
  guint n = ADW_IS_PREFERENCES_GROUP (root) && !gtk_widget_get_visible (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_hidden_groups (child);
  return n;
}

static gboolean
no_hidden_groups (gpointer data)
{
  return count_hidden_groups (data) == 0;
}

/* A new window, opened on another page, then on People: the page's first
 * showing. */
static QuorumWindow *
open_on_people (QuorumApplication  *app,
                QuorumPeoplePage  **page)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  QuorumWindow *window;

  g_settings_set_string (settings, "last-page", "calendar");
  window = quorum_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  quorum_test_spin (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "people"));
  *page = QUORUM_PEOPLE_PAGE (find_widget (GTK_WIDGET (window), QUORUM_TYPE_PEOPLE_PAGE));
  return window;
}

/* A big office's first showing lists a window's height of people at once
 * and the rest a few a frame; the person's groups of assignments come a
 * frame each after their name. Once settled, everything is there, in rank
 * order, as a page made at once shows it. */
static void
test_big_office_in_later_frames (void)
{
  g_autoptr(QuorumApplication) app = quorum_test_application ();
  QuorumStore *store = quorum_application_get_store (app);
  g_autoptr(QuorumPerson) first = NULL;
  g_autoptr(GListModel) everyone = NULL;
  g_autoptr(GError) error = NULL;
  QuorumWindow *window;
  QuorumPeoplePage *page;
  GListModel *shown;
  GtkStack *detail;
  ShownCount all;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("同事%02u", i);
      g_autoptr(QuorumPerson) person = quorum_person_new (name, "科员", 6000 + (int)i);

      quorum_store_add_person (store, person, &error);
      g_assert_no_error (error);
    }
  everyone = quorum_store_list_people (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (everyone), >, 30);

  window = open_on_people (app, &page);
  g_assert_nonnull (page);
  shown = quorum_people_page_get_shown (page);
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, g_list_model_get_n_items (everyone));

  /* The details first come without their groups, which follow. */
  detail = find_detail_stack (GTK_WIDGET (page));
  g_assert_true (quorum_test_wait_for (detail_shown, detail, 5000));
  g_assert_cmpuint (count_hidden_groups (GTK_WIDGET (detail)), >, 0);
  g_assert_true (quorum_test_wait_for (no_hidden_groups, detail, 5000));

  all = (ShownCount) { page, g_list_model_get_n_items (everyone) };
  g_assert_true (quorum_test_wait_for (shown_count_is, &all, 5000));
  for (guint i = 0; i < all.n; i++)
    {
      g_autoptr(QuorumPerson) listed = g_list_model_get_item (shown, i);
      g_autoptr(QuorumPerson) person = g_list_model_get_item (everyone, i);

      g_assert_cmpint (quorum_person_get_id (listed), ==, quorum_person_get_id (person));
    }
  first = g_list_model_get_item (everyone, 0);
  g_assert_cmpint (quorum_people_page_get_selected (page), ==, quorum_person_get_id (first));

  /* A change while the rest is still to come lists everyone at once. */
  gtk_window_destroy (GTK_WINDOW (window));
  window = open_on_people (app, &page);
  shown = quorum_people_page_get_shown (page);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, all.n);
  {
    g_autoptr(QuorumPerson) extra = quorum_person_new ("新同事", "", 9000);

    quorum_store_add_person (store, extra, &error);
    g_assert_no_error (error);
  }
  all = (ShownCount) { page, all.n + 1 };
  g_assert_true (quorum_test_wait_for (shown_count_is, &all, 5000));
  quorum_test_spin (200);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, all.n);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data = quorum_test_make_dir ("quorum-people");

  /* The demo office's database goes under $XDG_DATA_HOME: keep it here. */
  g_setenv ("XDG_DATA_HOME", data, TRUE);

  /* English unless the environment asks otherwise (for screenshots). */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("QUORUM_LOCALEDIR") ? g_getenv ("QUORUM_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!quorum_test_init_display (&argc, &argv))
    return 0;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/people-page/welcome", test_welcome);
  g_test_add_func ("/ui/people-page/add-person", test_add_person);
  g_test_add_func ("/ui/people-page/assign", test_assign);
  g_test_add_func ("/ui/people-page/move", test_move);
  g_test_add_func ("/ui/people-page/import-gb18030", test_import_gb18030);
  g_test_add_func ("/ui/people-page/end-keeps-history", test_end_keeps_history);
  g_test_add_func ("/ui/people-page/delete", test_delete);
  g_test_add_func ("/ui/people-page/detail-after-first-frame", test_detail_after_first_frame);
  g_test_add_func ("/ui/people-page/demo", test_demo);
  g_test_add_func ("/ui/people-page/big-office-in-later-frames", test_big_office_in_later_frames);

  return g_test_run ();
}
