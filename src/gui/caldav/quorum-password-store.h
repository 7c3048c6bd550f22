/* quorum-password-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * QuorumPasswordBackend:
 * @lookup: finds the password of @user at @url; returns %NULL when none
 * @store: keeps @password for @user at @url (%NULL or "" removes it)
 *
 * Where CalDAV passwords are kept. The default is the GNOME keyring through
 * libsecret; tests put an in-memory one in its place.
 */
typedef struct
{
  char     *(*lookup) (const char    *url,
                       const char    *user,
                       GCancellable  *cancellable,
                       GError       **error);
  gboolean  (*store)  (const char    *url,
                       const char    *user,
                       const char    *password,
                       GCancellable  *cancellable,
                       GError       **error);
} QuorumPasswordBackend;

void      quorum_password_store_set_backend     (const QuorumPasswordBackend *backend);
void      quorum_password_store_use_memory      (void);

char     *quorum_password_store_lookup          (const char           *url,
                                                 const char           *user,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void      quorum_password_store_lookup_async    (const char           *url,
                                                 const char           *user,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
char     *quorum_password_store_lookup_finish   (GAsyncResult         *result,
                                                 GError              **error);
void      quorum_password_store_save_async      (const char           *url,
                                                 const char           *user,
                                                 const char           *password,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean  quorum_password_store_save_finish     (GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
