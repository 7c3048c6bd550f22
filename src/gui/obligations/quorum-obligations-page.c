/* quorum-obligations-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-obligations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "quorum-gui-utils.h"
#include "quorum-obligations-page.h"

/**
 * QuorumObligationsPage:
 *
 * The obligations page of the main window: a leader's own duties, the
 * office dashboard, charts and the rulebook, as four tabs. It takes the
 * window's `store`, `rulebook` and `workdays` and hands them on; on the
 * store's #QuorumStore::changed it refreshes the tab on show (several
 * writes make one refresh) and the others when they are next shown; while
 * the page itself is not on show, none until it is (but the first load).
 */

enum {
  TAB_PERSON = 1 << 0,
  TAB_DASHBOARD = 1 << 1,
  TAB_CHARTS = 1 << 2,
  TAB_RULEBOOK = 1 << 3,
  TAB_ALL = 0xf,
};

struct _QuorumObligationsPage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  AdwViewStack       *stack;
  QuorumPersonView   *person_view;
  QuorumDashboard    *dashboard;
  QuorumChartsView   *charts_view;
  QuorumRulebookView *rulebook_view;

  QuorumStore        *store;
  QuorumRulebook     *rulebook;
  QuorumWorkdays     *workdays;
  guint               reload_source;
  guint               stale;
  guint               loaded;
};

G_DEFINE_FINAL_TYPE (QuorumObligationsPage, quorum_obligations_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RULEBOOK,
  PROP_WORKDAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean reload_cb (gpointer user_data);

static guint
visible_tab (QuorumObligationsPage *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->stack);

  /* Before the stack is shown it may have no visible child: the first tab is. */
  return child == NULL || child == GTK_WIDGET (self->person_view) ? TAB_PERSON
       : child == GTK_WIDGET (self->dashboard) ? TAB_DASHBOARD
       : child == GTK_WIDGET (self->charts_view) ? TAB_CHARTS
       : TAB_RULEBOOK;
}

/* Reloads the stale tab that is on show; the others wait until shown. While
 * the page itself is not on show, its tab is loaded once (at start-up) but
 * not again until shown: an import elsewhere would have it evaluate the
 * whole office for nobody. */
static void
reload_visible (QuorumObligationsPage *self)
{
  guint tab = visible_tab (self);

  if (!(self->stale & tab) ||
      ((self->loaded & tab) && !gtk_widget_get_mapped (GTK_WIDGET (self))))
    return;
  self->stale &= ~tab;
  self->loaded |= tab;
  switch (tab)
    {
    case TAB_PERSON:
      quorum_person_view_reload (self->person_view);
      break;
    case TAB_DASHBOARD:
      quorum_dashboard_reload (self->dashboard);
      break;
    case TAB_CHARTS:
      quorum_charts_view_reload (self->charts_view);
      break;
    case TAB_RULEBOOK:
    default:
      quorum_rulebook_view_reload (self->rulebook_view);
      break;
    }
}

static void
hand_on_context (QuorumObligationsPage *self)
{
  quorum_person_view_set_context (self->person_view, self->store, self->rulebook, self->workdays);
  quorum_dashboard_set_context (self->dashboard, self->store, self->rulebook, self->workdays);
  quorum_charts_view_set_context (self->charts_view, self->store, self->rulebook, self->workdays);
  quorum_rulebook_view_set_context (self->rulebook_view, self->store, self->rulebook);
  self->stale = TAB_ALL;
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_LOW, reload_cb, self, NULL);
}

static gboolean
reload_cb (gpointer user_data)
{
  QuorumObligationsPage *self = user_data;

  self->reload_source = 0;
  reload_visible (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (QuorumObligationsPage *self,
                     const char            *entity,
                     gint64                 id,
                     QuorumStore           *store)
{
  self->stale = TAB_ALL;
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_LOW, reload_cb, self, NULL);
}

static void
on_stack_visible_child_cb (QuorumObligationsPage *self,
                           GParamSpec            *pspec,
                           AdwViewStack          *stack)
{
  reload_visible (self);
}

static void
set_store (QuorumObligationsPage *self,
           QuorumStore           *store)
{
  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                             G_CONNECT_SWAPPED);
  hand_on_context (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
quorum_obligations_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  QuorumObligationsPage *self = QUORUM_OBLIGATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RULEBOOK:
      g_value_set_object (value, self->rulebook);
      break;
    case PROP_WORKDAYS:
      g_value_set_object (value, self->workdays);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_obligations_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  QuorumObligationsPage *self = QUORUM_OBLIGATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    case PROP_RULEBOOK:
      if (g_set_object (&self->rulebook, g_value_get_object (value)))
        {
          hand_on_context (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_WORKDAYS:
      if (g_set_object (&self->workdays, g_value_get_object (value)))
        {
          hand_on_context (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_obligations_page_map (GtkWidget *widget)
{
  QuorumObligationsPage *self = QUORUM_OBLIGATIONS_PAGE (widget);

  GTK_WIDGET_CLASS (quorum_obligations_page_parent_class)->map (widget);
  reload_visible (self);
}

static void
quorum_obligations_page_dispose (GObject *object)
{
  QuorumObligationsPage *self = (QuorumObligationsPage *)object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_OBLIGATIONS_PAGE);
  quorum_widget_unparent_children (GTK_WIDGET (self));
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  g_clear_object (&self->store);
  g_clear_object (&self->rulebook);
  g_clear_object (&self->workdays);

  G_OBJECT_CLASS (quorum_obligations_page_parent_class)->dispose (object);
}

static void
quorum_obligations_page_class_init (QuorumObligationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_obligations_page_dispose;
  object_class->get_property = quorum_obligations_page_get_property;
  object_class->set_property = quorum_obligations_page_set_property;
  widget_class->map = quorum_obligations_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, QUORUM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULEBOOK] =
    g_param_spec_object ("rulebook", NULL, NULL, QUORUM_TYPE_RULEBOOK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKDAYS] =
    g_param_spec_object ("workdays", NULL, NULL, QUORUM_TYPE_WORKDAYS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QUORUM_TYPE_PERSON_VIEW);
  g_type_ensure (QUORUM_TYPE_DASHBOARD);
  g_type_ensure (QUORUM_TYPE_CHARTS_VIEW);
  g_type_ensure (QUORUM_TYPE_RULEBOOK_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/obligations/quorum-obligations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumObligationsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, QuorumObligationsPage, person_view);
  gtk_widget_class_bind_template_child (widget_class, QuorumObligationsPage, dashboard);
  gtk_widget_class_bind_template_child (widget_class, QuorumObligationsPage, charts_view);
  gtk_widget_class_bind_template_child (widget_class, QuorumObligationsPage, rulebook_view);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_cb);
}

static void
quorum_obligations_page_init (QuorumObligationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * quorum_obligations_page_show:
 * @self: the page
 * @name: `mine`, `dashboard`, `charts` or `rulebook`
 *
 * Shows one of the page's tabs.
 */
void
quorum_obligations_page_show (QuorumObligationsPage *self,
                              const char            *name)
{
  g_return_if_fail (QUORUM_IS_OBLIGATIONS_PAGE (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}

QuorumPersonView *
quorum_obligations_page_get_person_view (QuorumObligationsPage *self)
{
  g_return_val_if_fail (QUORUM_IS_OBLIGATIONS_PAGE (self), NULL);
  return self->person_view;
}

QuorumDashboard *
quorum_obligations_page_get_dashboard (QuorumObligationsPage *self)
{
  g_return_val_if_fail (QUORUM_IS_OBLIGATIONS_PAGE (self), NULL);
  return self->dashboard;
}

QuorumChartsView *
quorum_obligations_page_get_charts_view (QuorumObligationsPage *self)
{
  g_return_val_if_fail (QUORUM_IS_OBLIGATIONS_PAGE (self), NULL);
  return self->charts_view;
}

QuorumRulebookView *
quorum_obligations_page_get_rulebook_view (QuorumObligationsPage *self)
{
  g_return_val_if_fail (QUORUM_IS_OBLIGATIONS_PAGE (self), NULL);
  return self->rulebook_view;
}
