/* test-occurrence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "quorum-occurrence.h"

static GDateTime *
parse (const char *iso)
{
  GDateTime *dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return dt;
}

static QuorumOccurrence *
make (gint64      id,
      const char *start,
      const char *end)
{
  g_autoptr(GDateTime) s = parse (start);
  g_autoptr(GDateTime) e = end != NULL ? parse (end) : NULL;

  return g_object_new (QUORUM_TYPE_OCCURRENCE,
                       "id", id,
                       "title", "党组理论学习中心组学习",
                       "start", s,
                       "end", e,
                       NULL);
}

static const struct {
  const char *start;
  const char *end;
  const char *range_start;
  const char *range_end;
  gboolean    overlaps;
} overlap_cases[] = {
  /* Inside, straddling either edge, touching edges (half-open), outside. */
  { "2026-11-20T09:00:00+08:00", "2026-11-20T11:00:00+08:00",
    "2026-11-20T00:00:00+08:00", "2026-11-21T00:00:00+08:00", TRUE },
  { "2026-11-19T23:00:00+08:00", "2026-11-20T01:00:00+08:00",
    "2026-11-20T00:00:00+08:00", "2026-11-21T00:00:00+08:00", TRUE },
  { "2026-11-20T23:00:00+08:00", "2026-11-21T01:00:00+08:00",
    "2026-11-20T00:00:00+08:00", "2026-11-21T00:00:00+08:00", TRUE },
  { "2026-11-19T22:00:00+08:00", "2026-11-20T00:00:00+08:00",
    "2026-11-20T00:00:00+08:00", "2026-11-21T00:00:00+08:00", FALSE },
  { "2026-11-21T00:00:00+08:00", "2026-11-21T02:00:00+08:00",
    "2026-11-20T00:00:00+08:00", "2026-11-21T00:00:00+08:00", FALSE },
  /* Zero-length: counts only when its instant is inside. */
  { "2026-11-20T00:00:00+08:00", NULL,
    "2026-11-20T00:00:00+08:00", "2026-11-21T00:00:00+08:00", TRUE },
  { "2026-11-21T00:00:00+08:00", NULL,
    "2026-11-20T00:00:00+08:00", "2026-11-21T00:00:00+08:00", FALSE },
  /* Different offsets name the same instants. */
  { "2026-11-20T01:00:00Z", "2026-11-20T02:00:00Z",
    "2026-11-20T00:00:00+08:00", "2026-11-20T09:30:00+08:00", TRUE },
  { "2026-11-20T01:00:00Z", "2026-11-20T02:00:00Z",
    "2026-11-20T10:00:00+08:00", "2026-11-20T11:00:00+08:00", FALSE },
};

static void
test_occurrence_overlaps (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (overlap_cases); i++)
    {
      g_autoptr(QuorumOccurrence) occ = make (i + 1, overlap_cases[i].start,
                                              overlap_cases[i].end);
      g_autoptr(GDateTime) rs = parse (overlap_cases[i].range_start);
      g_autoptr(GDateTime) re = parse (overlap_cases[i].range_end);

      g_test_message ("case %u", i);
      g_assert_cmpint (quorum_occurrence_overlaps (occ, rs, re), ==, overlap_cases[i].overlaps);
    }
}

static void
test_occurrence_defaults (void)
{
  g_autoptr(QuorumOccurrence) occ = make (7, "2026-11-20T09:00:00+08:00",
                                          "2026-11-20T08:00:00+08:00");

  /* An end before the start is clamped to the start. */
  g_assert_true (g_date_time_equal (quorum_occurrence_get_start (occ),
                                    quorum_occurrence_get_end (occ)));
  g_assert_cmpint (quorum_occurrence_get_status (occ), ==, QUORUM_OCCURRENCE_SCHEDULED);
  g_assert_cmpstr (quorum_occurrence_get_title (occ), ==, "党组理论学习中心组学习");
  g_assert_null (quorum_occurrence_get_duty_id (occ));
  g_assert_cmpint (quorum_occurrence_get_id (occ), ==, 7);
}

static int
compare_ptrs (gconstpointer a,
              gconstpointer b)
{
  return quorum_occurrence_compare (*(gconstpointer *)a, *(gconstpointer *)b);
}

static void
test_occurrence_compare (void)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (list, make (3, "2026-11-20T09:00:00+08:00", "2026-11-20T11:00:00+08:00"));
  g_ptr_array_add (list, make (2, "2026-11-20T09:00:00+08:00", "2026-11-20T10:00:00+08:00"));
  g_ptr_array_add (list, make (9, "2026-11-19T09:00:00+08:00", "2026-11-19T10:00:00+08:00"));
  g_ptr_array_add (list, make (1, "2026-11-20T09:00:00+08:00", "2026-11-20T10:00:00+08:00"));

  g_ptr_array_sort (list, compare_ptrs);

  g_assert_cmpint (quorum_occurrence_get_id (g_ptr_array_index (list, 0)), ==, 9);
  g_assert_cmpint (quorum_occurrence_get_id (g_ptr_array_index (list, 1)), ==, 1);
  g_assert_cmpint (quorum_occurrence_get_id (g_ptr_array_index (list, 2)), ==, 2);
  g_assert_cmpint (quorum_occurrence_get_id (g_ptr_array_index (list, 3)), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/occurrence/overlaps", test_occurrence_overlaps);
  g_test_add_func ("/core/occurrence/defaults", test_occurrence_defaults);
  g_test_add_func ("/core/occurrence/compare", test_occurrence_compare);

  return g_test_run ();
}
