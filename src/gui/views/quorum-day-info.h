/* quorum-day-info.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * QuorumDayMark:
 * @QUORUM_DAY_MARK_NONE: an ordinary day
 * @QUORUM_DAY_MARK_HOLIDAY: a public holiday or a day off of a holiday (休)
 * @QUORUM_DAY_MARK_ADJUSTED_WORKDAY: a weekend day made a working day (班)
 *
 * How the calendar views mark a day.
 */
typedef enum
{
  QUORUM_DAY_MARK_NONE,
  QUORUM_DAY_MARK_HOLIDAY,
  QUORUM_DAY_MARK_ADJUSTED_WORKDAY,
} QuorumDayMark;

/**
 * QuorumDayInfoFunc:
 * @date: the day
 * @out_name: (out) (transfer full) (optional): the holiday's name, or %NULL
 * @user_data: the data given with the function
 *
 * Tells a calendar view whether @date is a holiday or an adjusted working day.
 * The views call it once per shown day when the month changes.
 *
 * Returns: the mark of the day
 */
typedef QuorumDayMark (*QuorumDayInfoFunc) (const GDate  *date,
                                            char        **out_name,
                                            gpointer      user_data);

G_END_DECLS
