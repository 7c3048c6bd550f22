/* quorum-demo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_DEMO_ERROR (quorum_demo_error_quark ())

/**
 * QuorumDemoError:
 * @QUORUM_DEMO_ERROR_NOT_EMPTY: the store already holds data
 * @QUORUM_DEMO_ERROR_INVALID: an option is out of range
 *
 * Errors of quorum_demo_generate().
 */
typedef enum
{
  QUORUM_DEMO_ERROR_NOT_EMPTY,
  QUORUM_DEMO_ERROR_INVALID,
} QuorumDemoError;

#define QUORUM_DEMO_DEFAULT_PEOPLE 36
#define QUORUM_DEMO_DEFAULT_YEARS  2
#define QUORUM_DEMO_MIN_PEOPLE     10
#define QUORUM_DEMO_MAX_PEOPLE     5000
#define QUORUM_DEMO_MAX_DAILY_SESSIONS 200
#define QUORUM_DEMO_MAX_YEARS      20

/**
 * QuorumDemoOptions:
 * @people: how many people, or 0 for %QUORUM_DEMO_DEFAULT_PEOPLE (a city
 *   government: mayor, vice mayors, secretary-general, department heads…)
 * @years: how many years of history, or 0 for %QUORUM_DEMO_DEFAULT_YEARS
 * @seed: the seed: the same seed, size and @today give the same data
 * @today: (nullable): the day the office is "now" at, or %NULL for today
 * @daily_sessions: routine sessions outside the rulebook held every working
 *   day, each for a group of ten, to load the database far beyond what the
 *   policy asks (for benchmarks); 0 for none, at most
 *   %QUORUM_DEMO_MAX_DAILY_SESSIONS
 *
 * What quorum_demo_generate() builds.
 */
typedef struct
{
  guint        people;
  guint        years;
  guint64      seed;
  const GDate *today;
  guint        daily_sessions;
} QuorumDemoOptions;

/**
 * QuorumDemoProgress:
 * @fraction: how far along, from 0 to 1
 * @message: what is being done, translated
 * @user_data: the data given to quorum_demo_generate()
 *
 * Reports progress, for a progress bar.
 */
typedef void (*QuorumDemoProgress) (double      fraction,
                                    const char *message,
                                    gpointer    user_data);

GQuark   quorum_demo_error_quark (void);
gboolean quorum_demo_generate    (QuorumStore              *store,
                                  const QuorumDemoOptions  *options,
                                  QuorumDemoProgress        progress_cb,
                                  gpointer                  user_data,
                                  GError                  **error);

G_END_DECLS
