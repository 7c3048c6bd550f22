/* crash-writer.h: the write sequence shared by crash-writer and its tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "quorum-store.h"

G_BEGIN_DECLS

/* The database crash-writer sets up: people × weekly occurrences in the past. */
#define CRASH_WRITER_N_PEOPLE      6
#define CRASH_WRITER_N_OCCURRENCES 8

typedef struct
{
  guint                  occurrence;  /* index, 0 … CRASH_WRITER_N_OCCURRENCES - 1 */
  guint                  person;      /* index, 0 … CRASH_WRITER_N_PEOPLE - 1 */
  QuorumAttendanceStatus status;
} CrashWrite;

/* The next write of the sequence that the seed determines: the writer and
 * the test call this with generators made from the same seed, so the test
 * knows the write that follows the last one announced. */
static inline void
crash_writer_next (GRand      *rand,
                   CrashWrite *out)
{
  static const QuorumAttendanceStatus statuses[] = {
    QUORUM_ATTENDANCE_PRESENT,
    QUORUM_ATTENDANCE_LATE,
    QUORUM_ATTENDANCE_EXCUSED,
    QUORUM_ATTENDANCE_ABSENT,
  };

  out->occurrence = g_rand_int_range (rand, 0, CRASH_WRITER_N_OCCURRENCES);
  out->person = g_rand_int_range (rand, 0, CRASH_WRITER_N_PEOPLE);
  out->status = statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))];
}

G_END_DECLS
