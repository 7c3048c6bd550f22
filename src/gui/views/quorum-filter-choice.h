/* quorum-filter-choice.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_FILTER_CHOICE (quorum_filter_choice_get_type ())

G_DECLARE_FINAL_TYPE (QuorumFilterChoice, quorum_filter_choice, QUORUM, FILTER_CHOICE, GObject)

QuorumFilterChoice *quorum_filter_choice_new         (const char         *label,
                                                      const char         *detail,
                                                      const char         *heading,
                                                      gint64              id,
                                                      const char         *key);
const char         *quorum_filter_choice_get_label   (QuorumFilterChoice *self);
const char         *quorum_filter_choice_get_detail  (QuorumFilterChoice *self);
const char         *quorum_filter_choice_get_heading (QuorumFilterChoice *self);
gint64              quorum_filter_choice_get_id      (QuorumFilterChoice *self);
const char         *quorum_filter_choice_get_key     (QuorumFilterChoice *self);

G_END_DECLS
