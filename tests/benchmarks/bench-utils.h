/* bench-utils.h: what every benchmark program shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A benchmark prints its figures as lines `BENCH <metric> <value> <unit>`
 * on stdout; build-aux/bench-report.py gathers them over several runs and
 * compares each with the baseline measured in the same run.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

double  bench_now_ms           (void);
void    bench_report           (const char  *metric,
                                double       value,
                                const char  *unit);
double  bench_median           (GArray      *samples);
double  bench_max              (GArray      *samples);
char   *bench_copy_file        (const char  *source,
                                const char  *name,
                                GError     **error);
char   *bench_copy_file_in     (const char  *source,
                                const char  *parent,
                                const char  *name,
                                GError     **error);
void    bench_remove_copy      (const char  *path);
gsize   bench_peak_rss_kib     (void);
void    bench_die              (const char  *what,
                                GError      *error) G_GNUC_NORETURN;

G_END_DECLS
