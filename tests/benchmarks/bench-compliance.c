/* bench-compliance.c: figure 3, compliance of a whole year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-compliance OFFICE.db LABEL
 *
 * Times what a supervision report of a whole year costs: gathering the
 * input from the store (quorum_store_gather_compliance_input()) and
 * evaluating every duty, subject and period that overlaps the year (its
 * months, quarters, halves and the year itself). Prints
 * `compliance.LABEL` (both), and each half on its own.
 */

#include "config.h"

#include <stdio.h>

#include "bench-utils.h"
#include "quorum-compliance-store.h"

#define N_REPEATS 7

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) gathers = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) evaluations = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(QuorumDatabase) database = NULL;
  g_autoptr(QuorumStore) store = NULL;
  g_autoptr(QuorumRulebook) rulebook = NULL;
  g_autoptr(QuorumWorkdays) workdays = NULL;
  g_autoptr(QuorumPeriod) year = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *metric = NULL;
  guint n_results = 0;
  GDate today;

  if (argc != 3)
    {
      fprintf (stderr, "Usage: %s OFFICE.db LABEL\n", argv[0]);
      return 2;
    }

  if (!(database = quorum_database_open (argv[1], &error)) ||
      !(rulebook = quorum_rulebook_new_default (&error)) ||
      !(workdays = quorum_workdays_new_default (&error)))
    bench_die ("open", error);
  store = quorum_store_new (database);

  /* The year the office is in now: history behind, sessions still to come. */
  now = quorum_store_dup_now (store);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  year = quorum_period_for_date (QUORUM_PERIOD_YEAR, &today, NULL);

  for (guint i = 0; i < N_REPEATS; i++)
    {
      g_autoptr(QuorumComplianceInput) input = NULL;
      g_autoptr(GPtrArray) results = NULL;
      double start = bench_now_ms ();
      double gathered, evaluated;

      if (!(input = quorum_store_gather_compliance_input (store, rulebook, year, &error)))
        bench_die ("gather", error);
      gathered = bench_now_ms ();
      if (!(results = quorum_compliance_evaluate (input, year, &today, -1, workdays, &error)))
        bench_die ("evaluate", error);
      evaluated = bench_now_ms ();

      n_results = results->len;
      g_array_append_vals (totals, &(double) { evaluated - start }, 1);
      g_array_append_vals (gathers, &(double) { gathered - start }, 1);
      g_array_append_vals (evaluations, &(double) { evaluated - gathered }, 1);
    }

  metric = g_strdup_printf ("compliance.%s", argv[2]);
  bench_report (metric, bench_median (totals), "ms");
  g_free (metric);
  metric = g_strdup_printf ("compliance.%s.gather", argv[2]);
  bench_report (metric, bench_median (gathers), "ms");
  g_free (metric);
  metric = g_strdup_printf ("compliance.%s.evaluate", argv[2]);
  bench_report (metric, bench_median (evaluations), "ms");
  g_free (metric);
  metric = g_strdup_printf ("compliance.%s.results", argv[2]);
  bench_report (metric, n_results, "results");
  return 0;
}
