/* quorum-cli-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * quorum-cli demo: fills a new database with a believable demo office.
 */

#define G_LOG_DOMAIN "quorum-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "quorum-cli.h"
#include "quorum-demo.h"
#include "quorum-store-bulk.h"

static void
on_progress_cb (double      fraction,
                const char *message,
                gpointer    user_data)
{
  g_autofree char *line = g_strdup_printf ("\r%3d%%  %s\033[K", (int)(fraction * 100 + 0.5),
                                           message);

  fputs (line, stderr);
  if (fraction >= 1.0)
    fputs ("\n", stderr);
  fflush (stderr);
}

static gboolean
parse_count (const char *text,
             guint64     max,
             guint64    *out)
{
  return text != NULL && g_ascii_string_to_unsigned (text, 10, 0, max, out, NULL);
}

int
quorum_cli_command_demo (QuorumCliContext  *ctx,
                         int                argc,
                         char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(QuorumDatabase) db = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autofree char *people_text = NULL;
  g_autofree char *years_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *daily_text = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *summary = NULL;
  QuorumDemoOptions options = { 0 };
  QuorumStoreCounts counts = { 0 };
  guint64 people = QUORUM_DEMO_DEFAULT_PEOPLE;
  guint64 years = QUORUM_DEMO_DEFAULT_YEARS;
  guint64 seed = 1;
  guint64 daily = 0;
  const GOptionEntry entries[] = {
    { "people", 0, 0, G_OPTION_ARG_STRING, &people_text,
      N_("How many people (default: a city government of 36)"), N_("N") },
    { "years", 0, 0, G_OPTION_ARG_STRING, &years_text,
      N_("Years of history (default: 2)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Seed: the same seed gives the same office (default: 1)"), N_("N") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Build the office as it stands on this day (default: today)"), N_("DATE") },
    { "daily-sessions", 0, 0, G_OPTION_ARG_STRING, &daily_text,
      N_("Add N routine sessions of ten people every working day, far beyond the policy, "
         "to load the database for benchmarks (default: 0)"), N_("N") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Fill a new, empty database with a demo office: the Qixia city "
                                  "government with years of meetings, attendance, records and "
                                  "leave."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return quorum_cli_usage_error (context, error->message);
  if (argc > 1)
    return quorum_cli_usage_error (context, _("Too many arguments"));

  if (people_text != NULL &&
      (!parse_count (people_text, QUORUM_DEMO_MAX_PEOPLE, &people) ||
       people < QUORUM_DEMO_MIN_PEOPLE))
    {
      g_autofree char *message = g_strdup_printf (_("--people must be a number from %d to %d"),
                                                  QUORUM_DEMO_MIN_PEOPLE, QUORUM_DEMO_MAX_PEOPLE);
      return quorum_cli_usage_error (context, message);
    }
  if (years_text != NULL &&
      (!parse_count (years_text, QUORUM_DEMO_MAX_YEARS, &years) || years < 1))
    {
      g_autofree char *message = g_strdup_printf (_("--years must be a number from 1 to %d"),
                                                  QUORUM_DEMO_MAX_YEARS);
      return quorum_cli_usage_error (context, message);
    }
  if (seed_text != NULL && !parse_count (seed_text, G_MAXUINT64, &seed))
    return quorum_cli_usage_error (context, _("--seed must be a whole number"));
  if (daily_text != NULL && !parse_count (daily_text, QUORUM_DEMO_MAX_DAILY_SESSIONS, &daily))
    {
      g_autofree char *message = g_strdup_printf (_("--daily-sessions must be a number from 0 "
                                                    "to %d"),
                                                  QUORUM_DEMO_MAX_DAILY_SESSIONS);
      return quorum_cli_usage_error (context, message);
    }

  if (today_text != NULL)
    {
      int y, m, d;
      char extra;

      if (sscanf (today_text, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 ||
          !g_date_valid_dmy (d, m, y))
        return quorum_cli_usage_error (context, _("--today must be a date (YYYY-MM-DD)"));
      today = g_date_new_dmy (d, m, y);
    }

  if (!(db = quorum_cli_open_database (ctx, &error)))
    return quorum_cli_fail (error);
  store = quorum_store_new (db);
  quorum_store_set_actor (store, "quorum-demo");

  options.people = (guint)people;
  options.years = (guint)years;
  options.seed = seed;
  options.today = today;
  options.daily_sessions = (guint)daily;

  timer = g_timer_new ();
  if (!quorum_demo_generate (store, &options, isatty (fileno (stderr)) ? on_progress_cb : NULL,
                             NULL, &error) ||
      !quorum_store_get_counts (store, &counts, &error))
    return quorum_cli_fail (error);

  {
    const struct { const char *label; guint count; } rows[] = {
      { N_("people"), counts.people },
      { N_("units"), counts.units },
      { N_("relations"), counts.relations },
      { N_("series"), counts.series },
      { N_("occurrences"), counts.occurrences },
      { N_("attendance rows"), counts.attendance },
      { N_("make-ups"), counts.makeups },
      { N_("records"), counts.records },
      { N_("leave requests"), counts.leaves },
    };
    GString *out = g_string_new (NULL);

    g_string_printf (out, _("Demo office created in %s in %.1f s:"), quorum_database_get_path (db),
                     g_timer_elapsed (timer, NULL));
    g_string_append_c (out, '\n');
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      g_string_append_printf (out, "  %8u  %s\n", rows[i].count, _(rows[i].label));
    summary = g_string_free (out, FALSE);
  }
  quorum_cli_write (summary);
  return 0;
}
