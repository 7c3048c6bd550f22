/* quorum-workdays.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-workdays"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "quorum-core-resources.h"
#include "quorum-keyfile-private.h"
#include "quorum-paths.h"
#include "quorum-workdays.h"

#define HOLIDAYS_RESOURCE "/io/github/quorumapp/Quorum/core/holidays/cn-holidays.ini"

/* A notice seldom gives more than nine days off in a row; a longer range is a typo. */
#define MAX_OFF_DAYS 31

typedef struct
{
  char  *group;
  char  *name;        /* translated at load time */
  char  *file;
} Holiday;

typedef struct
{
  QuorumDayKind  kind;
  Holiday       *holiday;
} DayEntry;

struct _QuorumWorkdays
{
  GObject     parent_instance;

  GPtrArray  *holidays;   /* Holiday* */
  GHashTable *days;       /* Julian day → DayEntry*: only holidays and adjusted workdays */
  GHashTable *years;      /* year → file that defines it */
};

G_DEFINE_FINAL_TYPE (QuorumWorkdays, quorum_workdays, G_TYPE_OBJECT)

G_DEFINE_QUARK (quorum-workdays-error-quark, quorum_workdays_error)

static const char * const holiday_ids[] = {
  "new-year", "spring-festival", "qingming", "labour-day", "dragon-boat",
  "mid-autumn", "national-day", "mid-autumn-national-day",
};

static void
holiday_free (Holiday *holiday)
{
  g_free (holiday->group);
  g_free (holiday->name);
  g_free (holiday->file);
  g_free (holiday);
}

static void
quorum_workdays_finalize (GObject *object)
{
  QuorumWorkdays *self = (QuorumWorkdays *)object;

  g_clear_pointer (&self->days, g_hash_table_unref);
  g_clear_pointer (&self->holidays, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_hash_table_unref);

  G_OBJECT_CLASS (quorum_workdays_parent_class)->finalize (object);
}

static void
quorum_workdays_class_init (QuorumWorkdaysClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = quorum_workdays_finalize;
}

static void
quorum_workdays_init (QuorumWorkdays *self)
{
  self->holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) holiday_free);
  self->days = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->years = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

/* Parses "2024" (four digits) in the range Quorum handles. */
static gboolean
parse_year (const char *text,
            int        *out)
{
  if (strlen (text) != 4 || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1])
      || !g_ascii_isdigit (text[2]) || !g_ascii_isdigit (text[3]))
    return FALSE;
  *out = atoi (text);
  return *out >= 1949 && *out <= 2199;
}

static gboolean
is_weekend (const GDate *date)
{
  return g_date_get_weekday (date) >= G_DATE_SATURDAY;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

typedef struct
{
  QuorumKeyfile *kf;
  GPtrArray     *holidays;  /* Holiday*, new */
  GHashTable    *days;      /* new entries */
  GHashTable    *years;     /* new years */
} Load;

static gboolean
check_keys (Load        *load,
            const char  *group,
            const char  *const *allowed,
            GError     **error)
{
  g_autofree const char **keys = quorum_keyfile_get_keys (load->kf, group);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      gboolean ok = FALSE;

      /* Only the name of a holiday is translated. */
      for (guint j = 0; allowed[j] != NULL && !ok; j++)
        ok = strcmp (keys[i], allowed[j]) == 0
             || (strcmp (allowed[j], "Name") == 0 && quorum_keyfile_is_translation (keys[i], "Name"));

      if (!ok)
        {
          quorum_keyfile_set_error (load->kf, error, QUORUM_WORKDAYS_ERROR,
                                    QUORUM_WORKDAYS_ERROR_INVALID, group, keys[i],
                                    _("unknown key"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
require_key (Load        *load,
             const char  *group,
             const char  *key,
             GError     **error)
{
  if (g_key_file_has_key (quorum_keyfile_get_key_file (load->kf), group, key, NULL))
    return TRUE;

  quorum_keyfile_set_error (load->kf, error, QUORUM_WORKDAYS_ERROR, QUORUM_WORKDAYS_ERROR_INVALID,
                            group, NULL, _("the required key %s is missing"), key);
  return FALSE;
}

static gboolean
load_year (QuorumWorkdays  *self,
           Load            *load,
           const char      *group,
           GError         **error)
{
  static const char * const allowed[] = { "Notice", "Reference", NULL };
  const char *display_name = quorum_keyfile_get_display_name (load->kf);
  const char *other;
  int year;

  if (!parse_year (group + strlen ("Year "), &year))
    {
      quorum_keyfile_set_error (load->kf, error, QUORUM_WORKDAYS_ERROR,
                                QUORUM_WORKDAYS_ERROR_INVALID, group, NULL,
                                _("“%s” is not a year"), group + strlen ("Year "));
      return FALSE;
    }

  if ((other = g_hash_table_lookup (self->years, GINT_TO_POINTER (year))) != NULL)
    {
      quorum_keyfile_set_error (load->kf, error, QUORUM_WORKDAYS_ERROR,
                                QUORUM_WORKDAYS_ERROR_DUPLICATE, group, NULL,
                                _("the year %d is already defined in %s"), year, other);
      return FALSE;
    }

  if (!check_keys (load, group, allowed, error) || !require_key (load, group, "Notice", error))
    return FALSE;

  g_hash_table_insert (load->years, GINT_TO_POINTER (year), g_strdup (display_name));
  return TRUE;
}

/* Looks up a day in the calendar being loaded and in the one already loaded. */
static DayEntry *
lookup_day (QuorumWorkdays *self,
            Load           *load,
            guint           julian)
{
  DayEntry *entry = g_hash_table_lookup (load->days, GUINT_TO_POINTER (julian));

  return entry != NULL ? entry : g_hash_table_lookup (self->days, GUINT_TO_POINTER (julian));
}

static gboolean
add_day (QuorumWorkdays  *self,
         Load            *load,
         const char      *group,
         const char      *key,
         const GDate     *date,
         QuorumDayKind    kind,
         Holiday         *holiday,
         GError         **error)
{
  guint julian = g_date_get_julian (date);
  DayEntry *entry = lookup_day (self, load, julian);

  if (entry != NULL)
    {
      g_autofree char *iso = format_date (date);

      if (strcmp (entry->holiday->file, holiday->file) == 0)
        quorum_keyfile_set_error (load->kf, error, QUORUM_WORKDAYS_ERROR,
                                  QUORUM_WORKDAYS_ERROR_OVERLAP, group, key,
                                  _("%s is already given in [%s]"), iso, entry->holiday->group);
      else
        quorum_keyfile_set_error (load->kf, error, QUORUM_WORKDAYS_ERROR,
                                  QUORUM_WORKDAYS_ERROR_OVERLAP, group, key,
                                  _("%s is already given in [%s] of %s"),
                                  iso, entry->holiday->group, entry->holiday->file);
      return FALSE;
    }

  entry = g_new0 (DayEntry, 1);
  entry->kind = kind;
  entry->holiday = holiday;
  g_hash_table_insert (load->days, GUINT_TO_POINTER (julian), entry);
  return TRUE;
}

/* A date belongs to a notice's year when it lies in that year or next to it
 * (the 2023 New Year break starts on 2022-12-31). */
static gboolean
near_year (const GDate *date,
           int          year)
{
  int y = g_date_get_year (date);

  return y == year || (y == year - 1 && g_date_get_month (date) == 12)
         || (y == year + 1 && g_date_get_month (date) == 1);
}

static gboolean
load_off (QuorumWorkdays  *self,
          Load            *load,
          const char      *group,
          Holiday         *holiday,
          int              year,
          GError         **error)
{
  GKeyFile *key_file = quorum_keyfile_get_key_file (load->kf);
  g_autofree char *value = g_key_file_get_value (key_file, group, "Off", NULL);
  g_auto(GStrv) parts = g_strsplit (value, "..", 2);
  GDate first, last, day;

  /* An empty value splits into no parts at all. */
  if (parts[0] == NULL
      || !quorum_keyfile_parse_date (g_strstrip (parts[0]), &first)
      || (parts[1] != NULL && !quorum_keyfile_parse_date (g_strstrip (parts[1]), &last)))
    {
      quorum_keyfile_set_error (load->kf, error, QUORUM_WORKDAYS_ERROR,
                                QUORUM_WORKDAYS_ERROR_INVALID, group, "Off",
                                _("“%s” is not a date (YYYY-MM-DD) or a range of dates (YYYY-MM-DD..YYYY-MM-DD)"),
                                value);
      return FALSE;
    }
  if (parts[1] == NULL)
    last = first;

  if (g_date_compare (&first, &last) > 0)
    {
      quorum_keyfile_set_error (load->kf, error, QUORUM_WORKDAYS_ERROR,
                                QUORUM_WORKDAYS_ERROR_INVALID, group, "Off",
                                _("the range “%s” ends before it starts"), value);
      return FALSE;
    }
  if (g_date_days_between (&first, &last) >= MAX_OFF_DAYS
      || !near_year (&first, year) || !near_year (&last, year)
      || (g_date_get_year (&first) != year && g_date_get_year (&last) != year))
    {
      quorum_keyfile_set_error (load->kf, error, QUORUM_WORKDAYS_ERROR,
                                QUORUM_WORKDAYS_ERROR_INVALID, group, "Off",
                                _("the range “%s” does not fit a holiday of %d"), value, year);
      return FALSE;
    }

  for (day = first; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    if (!add_day (self, load, group, "Off", &day, QUORUM_DAY_HOLIDAY, holiday, error))
      return FALSE;

  return TRUE;
}

static gboolean
load_work (QuorumWorkdays  *self,
           Load            *load,
           const char      *group,
           Holiday         *holiday,
           int              year,
           GError         **error)
{
  GKeyFile *key_file = quorum_keyfile_get_key_file (load->kf);
  g_auto(GStrv) dates = NULL;
  gsize n = 0;

  if (!g_key_file_has_key (key_file, group, "Work", NULL))
    return TRUE;

  dates = g_key_file_get_string_list (key_file, group, "Work", &n, NULL);
  for (gsize i = 0; i < n; i++)
    {
      GDate date;

      if (!quorum_keyfile_parse_date (g_strstrip (dates[i]), &date))
        {
          quorum_keyfile_set_error (load->kf, error, QUORUM_WORKDAYS_ERROR,
                                    QUORUM_WORKDAYS_ERROR_INVALID, group, "Work",
                                    _("“%s” is not a date (YYYY-MM-DD)"), dates[i]);
          return FALSE;
        }
      if (!is_weekend (&date))
        {
          quorum_keyfile_set_error (load->kf, error, QUORUM_WORKDAYS_ERROR,
                                    QUORUM_WORKDAYS_ERROR_INVALID, group, "Work",
                                    _("%s is not a Saturday or Sunday, so it is a working day anyway"),
                                    dates[i]);
          return FALSE;
        }
      if (!near_year (&date, year))
        {
          quorum_keyfile_set_error (load->kf, error, QUORUM_WORKDAYS_ERROR,
                                    QUORUM_WORKDAYS_ERROR_INVALID, group, "Work",
                                    _("%s does not belong to the notice of %d"), dates[i], year);
          return FALSE;
        }
      if (!add_day (self, load, group, "Work", &date, QUORUM_DAY_ADJUSTED_WORKDAY, holiday, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_holiday (QuorumWorkdays  *self,
              Load            *load,
              const char      *group,
              GError         **error)
{
  static const char * const allowed[] = { "Name", "Off", "Work", NULL };
  GKeyFile *key_file = quorum_keyfile_get_key_file (load->kf);
  g_auto(GStrv) words = g_strsplit (group, " ", -1);
  Holiday *holiday;
  int year;
  gboolean known = FALSE;

  if (g_strv_length (words) != 3 || !parse_year (words[1], &year))
    {
      quorum_keyfile_set_error (load->kf, error, QUORUM_WORKDAYS_ERROR,
                                QUORUM_WORKDAYS_ERROR_INVALID, group, NULL,
                                _("a holiday group is written [Holiday YYYY id]"));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (holiday_ids); i++)
    known |= strcmp (words[2], holiday_ids[i]) == 0;
  if (!known)
    {
      quorum_keyfile_set_error (load->kf, error, QUORUM_WORKDAYS_ERROR,
                                QUORUM_WORKDAYS_ERROR_INVALID, group, NULL,
                                _("“%s” is not a holiday (new-year, spring-festival, qingming, labour-day, dragon-boat, mid-autumn, national-day, mid-autumn-national-day)"),
                                words[2]);
      return FALSE;
    }
  if (!g_hash_table_contains (load->years, GINT_TO_POINTER (year)))
    {
      quorum_keyfile_set_error (load->kf, error, QUORUM_WORKDAYS_ERROR,
                                QUORUM_WORKDAYS_ERROR_INVALID, group, NULL,
                                _("no [Year %d] group comes before it"), year);
      return FALSE;
    }

  if (!check_keys (load, group, allowed, error)
      || !require_key (load, group, "Name", error)
      || !require_key (load, group, "Off", error))
    return FALSE;

  holiday = g_new0 (Holiday, 1);
  holiday->group = g_strdup (group);
  holiday->name = g_key_file_get_locale_string (key_file, group, "Name", NULL, NULL);
  holiday->file = g_strdup (quorum_keyfile_get_display_name (load->kf));
  g_ptr_array_add (load->holidays, holiday);

  return load_off (self, load, group, holiday, year, error);
}

static gboolean
load_works (QuorumWorkdays  *self,
            Load            *load,
            GError         **error)
{
  for (guint i = 0; i < load->holidays->len; i++)
    {
      Holiday *holiday = g_ptr_array_index (load->holidays, i);
      g_auto(GStrv) words = g_strsplit (holiday->group, " ", -1);

      if (!load_work (self, load, holiday->group, holiday, atoi (words[1]), error))
        return FALSE;
    }
  return TRUE;
}

/**
 * quorum_workdays_load_bytes:
 * @self: a #QuorumWorkdays
 * @bytes: the UTF-8 text of a holiday calendar
 * @display_name: the file name to use in messages
 * @error: return location for a #GError
 *
 * Adds the holidays and adjusted working days of one calendar file (the
 * format is described in `resources/rulebooks/README.md`). Nothing is added
 * unless the whole file is valid and agrees with what is already loaded.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_workdays_load_bytes (QuorumWorkdays  *self,
                            GBytes          *bytes,
                            const char      *display_name,
                            GError         **error)
{
  g_autoptr(QuorumKeyfile) kf = NULL;
  g_autoptr(GPtrArray) holidays = NULL;
  g_autoptr(GHashTable) days = NULL;
  g_autoptr(GHashTable) years = NULL;
  const char **groups;
  gsize len = 0;
  const char *data;
  GHashTableIter iter;
  gpointer key, value;
  Load load;

  g_return_val_if_fail (QUORUM_IS_WORKDAYS (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  data = g_bytes_get_data (bytes, &len);
  kf = quorum_keyfile_parse (data != NULL ? data : "", len, display_name, QUORUM_WORKDAYS_ERROR,
                             QUORUM_WORKDAYS_ERROR_SYNTAX, QUORUM_WORKDAYS_ERROR_DUPLICATE, error);
  if (kf == NULL)
    return FALSE;

  holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) holiday_free);
  days = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  years = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  load = (Load) { kf, holidays, days, years };

  groups = quorum_keyfile_get_groups (kf);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      gboolean ok;

      if (g_str_has_prefix (groups[i], "Year "))
        ok = load_year (self, &load, groups[i], error);
      else if (g_str_has_prefix (groups[i], "Holiday "))
        ok = load_holiday (self, &load, groups[i], error);
      else
        {
          quorum_keyfile_set_error (kf, error, QUORUM_WORKDAYS_ERROR, QUORUM_WORKDAYS_ERROR_INVALID,
                                    groups[i], NULL,
                                    _("unknown group: expected [Year YYYY] or [Holiday YYYY id]"));
          ok = FALSE;
        }
      if (!ok)
        return FALSE;
    }

  if (!load_works (self, &load, error))
    return FALSE;

  /* All checked: take it over. */
  g_hash_table_iter_init (&iter, days);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_insert (self->days, key, value);
      g_hash_table_iter_steal (&iter);
    }
  g_hash_table_iter_init (&iter, years);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_insert (self->years, key, value);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_extend_and_steal (self->holidays, g_steal_pointer (&holidays));

  return TRUE;
}

/**
 * quorum_workdays_load_file:
 * @self: a #QuorumWorkdays
 * @path: a holiday calendar file
 * @error: return location for a #GError
 *
 * Like quorum_workdays_load_bytes(), reading @path.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_workdays_load_file (QuorumWorkdays  *self,
                           const char      *path,
                           GError         **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len = 0;

  g_return_val_if_fail (QUORUM_IS_WORKDAYS (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &len, error))
    return FALSE;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  return quorum_workdays_load_bytes (self, bytes, path, error);
}

/**
 * quorum_workdays_new:
 *
 * An empty calendar: every Saturday and Sunday is a day off, every other day
 * a working day, and no year has data.
 *
 * Returns: (transfer full): a new #QuorumWorkdays
 */
QuorumWorkdays *
quorum_workdays_new (void)
{
  return g_object_new (QUORUM_TYPE_WORKDAYS, NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * quorum_workdays_new_default:
 * @error: return location for a #GError
 *
 * The calendar Quorum ships, plus every `*.ini` file in
 * `$XDG_DATA_HOME/quorum/holidays/` (in name order), where users can put the
 * notice of a year that came out after this release.
 *
 * Returns: (transfer full) (nullable): the calendar, or %NULL with @error set
 *   when one of the files is invalid
 */
QuorumWorkdays *
quorum_workdays_new_default (GError **error)
{
  g_autoptr(QuorumWorkdays) self = quorum_workdays_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *data_dir = quorum_paths_dup_data_dir ();
  g_autofree char *user_dir = g_build_filename (data_dir, "holidays", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  bytes = g_resource_lookup_data (quorum_core_get_resource (), HOLIDAYS_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL || !quorum_workdays_load_bytes (self, bytes, "cn-holidays.ini", error))
    return NULL;

  if ((dir = g_dir_open (user_dir, 0, NULL)) == NULL)
    return g_steal_pointer (&self);

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".ini"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (user_dir, g_ptr_array_index (names, i), NULL);

      if (!quorum_workdays_load_file (self, path, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * quorum_workdays_classify:
 * @self: a #QuorumWorkdays
 * @date: a valid date
 * @holiday_name: (out) (optional) (transfer full) (nullable): the translated
 *   name of the holiday a holiday or adjusted working day belongs to, else %NULL
 *
 * What kind of day @date is. Days of years with no data are classified by
 * their weekday alone.
 *
 * Returns: the kind of day
 */
QuorumDayKind
quorum_workdays_classify (QuorumWorkdays  *self,
                          const GDate     *date,
                          char           **holiday_name)
{
  DayEntry *entry;

  g_return_val_if_fail (QUORUM_IS_WORKDAYS (self), QUORUM_DAY_WORKDAY);
  g_return_val_if_fail (date != NULL && g_date_valid (date), QUORUM_DAY_WORKDAY);

  if (holiday_name != NULL)
    *holiday_name = NULL;

  entry = g_hash_table_lookup (self->days, GUINT_TO_POINTER (g_date_get_julian (date)));
  if (entry != NULL)
    {
      if (holiday_name != NULL)
        *holiday_name = g_strdup (entry->holiday->name);
      return entry->kind;
    }

  return is_weekend (date) ? QUORUM_DAY_WEEKEND : QUORUM_DAY_WORKDAY;
}

/**
 * quorum_workdays_is_workday:
 * @self: a #QuorumWorkdays
 * @date: a valid date
 *
 * Returns: %TRUE when @date is an ordinary or an adjusted working day
 */
gboolean
quorum_workdays_is_workday (QuorumWorkdays *self,
                            const GDate    *date)
{
  QuorumDayKind kind = quorum_workdays_classify (self, date, NULL);

  return kind == QUORUM_DAY_WORKDAY || kind == QUORUM_DAY_ADJUSTED_WORKDAY;
}

/**
 * quorum_workdays_has_year:
 * @self: a #QuorumWorkdays
 * @year: a year
 *
 * Returns: %TRUE when a loaded file holds the State Council notice for @year
 */
gboolean
quorum_workdays_has_year (QuorumWorkdays *self,
                          int             year)
{
  g_return_val_if_fail (QUORUM_IS_WORKDAYS (self), FALSE);

  return g_hash_table_contains (self->years, GINT_TO_POINTER (year));
}

/* Steps one day at a time in @direction until @n working days were passed;
 * with @n = 0, until the first working day (@from itself if it is one). */
static void
walk (QuorumWorkdays *self,
      const GDate    *from,
      int             n,
      int             direction,
      GDate          *out,
      gboolean       *out_uncertain)
{
  gboolean uncertain;
  int year;
  GDate day = *from;

  year = g_date_get_year (&day);
  uncertain = !quorum_workdays_has_year (self, year);

  if (n == 0)
    {
      while (!quorum_workdays_is_workday (self, &day))
        {
          if (direction > 0)
            g_date_add_days (&day, 1);
          else
            g_date_subtract_days (&day, 1);
          if (g_date_get_year (&day) != year)
            {
              year = g_date_get_year (&day);
              uncertain |= !quorum_workdays_has_year (self, year);
            }
        }
    }

  for (int counted = 0; counted < n;)
    {
      if (direction > 0)
        g_date_add_days (&day, 1);
      else
        g_date_subtract_days (&day, 1);
      if (g_date_get_year (&day) != year)
        {
          year = g_date_get_year (&day);
          uncertain |= !quorum_workdays_has_year (self, year);
        }
      if (quorum_workdays_is_workday (self, &day))
        counted++;
    }

  *out = day;
  if (out_uncertain != NULL)
    *out_uncertain = uncertain;
}

/**
 * quorum_workdays_add:
 * @self: a #QuorumWorkdays
 * @from: a valid date
 * @n: a number of working days, 0 or more
 * @out: (out caller-allocates): the resulting date
 * @out_uncertain: (out) (optional): set to %TRUE when a day walked over
 *   (including @from) lies in a year with no data, so the result is a guess
 *
 * The date @n working days after @from, as in "within 3 working days": the
 * @n-th working day strictly after @from. With @n = 0 the result is @from
 * when it is a working day, and otherwise the next working day.
 */
void
quorum_workdays_add (QuorumWorkdays *self,
                     const GDate    *from,
                     int             n,
                     GDate          *out,
                     gboolean       *out_uncertain)
{
  g_return_if_fail (QUORUM_IS_WORKDAYS (self));
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (n >= 0);
  g_return_if_fail (out != NULL);

  walk (self, from, n, +1, out, out_uncertain);
}

/**
 * quorum_workdays_next_workday:
 * @self: a #QuorumWorkdays
 * @date: a valid date
 * @out: (out caller-allocates): the first working day strictly after @date
 * @out_uncertain: (out) (optional): as for quorum_workdays_add()
 *
 * The same as quorum_workdays_add() with @n = 1.
 */
void
quorum_workdays_next_workday (QuorumWorkdays *self,
                              const GDate    *date,
                              GDate          *out,
                              gboolean       *out_uncertain)
{
  quorum_workdays_add (self, date, 1, out, out_uncertain);
}

/**
 * quorum_workdays_previous_workday:
 * @self: a #QuorumWorkdays
 * @date: a valid date
 * @out: (out caller-allocates): the last working day strictly before @date
 * @out_uncertain: (out) (optional): as for quorum_workdays_add()
 */
void
quorum_workdays_previous_workday (QuorumWorkdays *self,
                                  const GDate    *date,
                                  GDate          *out,
                                  gboolean       *out_uncertain)
{
  g_return_if_fail (QUORUM_IS_WORKDAYS (self));
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (out != NULL);

  walk (self, date, 1, -1, out, out_uncertain);
}
