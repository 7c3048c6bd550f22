/* quorum-test-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "quorum-application.h"

G_BEGIN_DECLS

gboolean           quorum_test_init_display (int         *argc,
                                             char      ***argv);
QuorumApplication *quorum_test_application  (void);
void               quorum_test_spin         (guint        ms);
gboolean           quorum_test_wait_for     (gboolean   (*predicate) (gpointer data),
                                             gpointer     data,
                                             guint        timeout_ms);
GskRenderNode     *quorum_test_draw_window  (GtkWidget   *window,
                                             int         *width,
                                             int         *height);
GdkTexture        *quorum_test_render_window (GtkWidget  *window);
gboolean           quorum_test_save_png     (GtkWidget   *window,
                                             const char  *path,
                                             GError     **error);
GskRenderNode     *quorum_test_find_node    (GskRenderNode *node,
                                             gboolean     (*match) (GskRenderNode *node,
                                                                    gpointer       data),
                                             gpointer       data);

GtkWidget         *quorum_test_find_widget  (GtkWidget   *root,
                                             GType        type);
gboolean           quorum_test_press_key    (GtkWidget   *widget,
                                             const char  *accel);

int                quorum_test_screenshot_init (int          argc,
                                                char        *argv[],
                                                const char **dir,
                                                const char **tag);
gboolean           quorum_test_screenshot_save (GtkWidget   *window,
                                                const char  *dir,
                                                const char  *name);

void               quorum_test_load_style   (void);
char              *quorum_test_make_dir     (const char  *prefix);
void               quorum_test_trap_subprocess (GTestSubprocessFlags flags);

G_END_DECLS
