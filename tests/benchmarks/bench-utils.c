/* bench-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-utils.h"
#include "quorum-test-dirs.h"

/* CLOCK_MONOTONIC, in milliseconds: the clock the runner stamps a start with. */
double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

void
bench_report (const char *metric,
              double      value,
              const char *unit)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (number, sizeof number, "%.4f", value);
  printf ("BENCH %s %s %s\n", metric, number, unit);
  fflush (stdout);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

/* Sorts @samples (of double) in place. */
double
bench_median (GArray *samples)
{
  guint n = samples->len;

  g_return_val_if_fail (n > 0, 0);

  g_array_sort (samples, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (samples, double, n / 2);
  return (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2)) / 2;
}

double
bench_max (GArray *samples)
{
  double max = 0;

  for (guint i = 0; i < samples->len; i++)
    max = MAX (max, g_array_index (samples, double, i));
  return max;
}

/* Copies @source (a database) into a fresh folder made in @parent (NULL:
 * the temporary folder), so that a benchmark that writes leaves the cached
 * office as it was. */
char *
bench_copy_file_in (const char  *source,
                    const char  *parent,
                    const char  *name,
                    GError     **error)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autofree char *path = NULL;

  if (parent == NULL)
    dir = g_dir_make_tmp ("quorum-bench-XXXXXX", error);
  else
    {
      g_autofree char *template = g_build_filename (parent, "quorum-bench-XXXXXX", NULL);

      if (g_mkdtemp (template) != NULL)
        dir = g_steal_pointer (&template);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                     "Could not make a folder in %s: %s", parent, g_strerror (errno));
    }
  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, name, NULL);
  from = g_file_new_for_path (source);
  to = g_file_new_for_path (path);
  if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    return NULL;
  return g_steal_pointer (&path);
}

char *
bench_copy_file (const char  *source,
                 const char  *name,
                 GError     **error)
{
  return bench_copy_file_in (source, NULL, name, error);
}

/* Removes a copy made by bench_copy_file(), its WAL files and its folder,
 * with what the app made beside it: the daily backup that an app running
 * longer than a few seconds writes into backups/ (126 MB a run, left in
 * /tmp before). */
void
bench_remove_copy (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  quorum_test_remove_tree (dir);
}

/* VmHWM: the most resident memory the process ever had. */
gsize
bench_peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return (gsize)g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

void
bench_die (const char *what,
           GError     *error)
{
  fprintf (stderr, "%s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}
