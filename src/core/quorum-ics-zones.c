/* quorum-ics-zones.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-ics"

#include "config.h"

#include <string.h>

#include "quorum-ics.h"
#include "quorum-ics-private.h"

/* Windows time zone IDs (what Outlook and Exchange write as TZID) and the
 * IANA zone of their main territory, after the Unicode CLDR windowsZones
 * table. The last column holds a fragment of Outlook's display name, e.g.
 * "(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi", which OWA writes as a
 * TZID without a VTIMEZONE. */
static const struct
{
  const char *windows;
  const char *iana;
  const char *display;
} windows_zones[] = {
  { "Dateline Standard Time", "Etc/GMT+12", "International Date Line West" },
  { "UTC-11", "Etc/GMT+11", NULL },
  { "Hawaiian Standard Time", "Pacific/Honolulu", "Hawaii" },
  { "Alaskan Standard Time", "America/Anchorage", "Alaska" },
  { "Pacific Standard Time (Mexico)", "America/Tijuana", "Baja California" },
  { "Pacific Standard Time", "America/Los_Angeles", "Pacific Time (US & Canada)" },
  { "US Mountain Standard Time", "America/Phoenix", "Arizona" },
  { "Mountain Standard Time", "America/Denver", "Mountain Time (US & Canada)" },
  { "Central America Standard Time", "America/Guatemala", "Central America" },
  { "Central Standard Time (Mexico)", "America/Mexico_City", "Guadalajara, Mexico City" },
  { "Central Standard Time", "America/Chicago", "Central Time (US & Canada)" },
  { "Canada Central Standard Time", "America/Regina", "Saskatchewan" },
  { "SA Pacific Standard Time", "America/Bogota", "Bogota, Lima, Quito" },
  { "US Eastern Standard Time", "America/Indiana/Indianapolis", "Indiana (East)" },
  { "Eastern Standard Time", "America/New_York", "Eastern Time (US & Canada)" },
  { "Venezuela Standard Time", "America/Caracas", "Caracas" },
  { "Atlantic Standard Time", "America/Halifax", "Atlantic Time (Canada)" },
  { "SA Western Standard Time", "America/La_Paz", "Georgetown, La Paz" },
  { "Pacific SA Standard Time", "America/Santiago", "Santiago" },
  { "Newfoundland Standard Time", "America/St_Johns", "Newfoundland" },
  { "E. South America Standard Time", "America/Sao_Paulo", "Brasilia" },
  { "Argentina Standard Time", "America/Argentina/Buenos_Aires", "Buenos Aires" },
  { "SA Eastern Standard Time", "America/Cayenne", "Cayenne, Fortaleza" },
  { "Greenland Standard Time", "America/Nuuk", "Greenland" },
  { "UTC", "Etc/UTC", "Coordinated Universal Time" },
  { "GMT Standard Time", "Europe/London", "Dublin, Edinburgh, Lisbon, London" },
  { "Greenwich Standard Time", "Atlantic/Reykjavik", "Monrovia, Reykjavik" },
  { "W. Europe Standard Time", "Europe/Berlin", "Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna" },
  { "Central Europe Standard Time", "Europe/Budapest", "Belgrade, Bratislava, Budapest, Ljubljana, Prague" },
  { "Romance Standard Time", "Europe/Paris", "Brussels, Copenhagen, Madrid, Paris" },
  { "Central European Standard Time", "Europe/Warsaw", "Sarajevo, Skopje, Warsaw, Zagreb" },
  { "W. Central Africa Standard Time", "Africa/Lagos", "West Central Africa" },
  { "GTB Standard Time", "Europe/Bucharest", "Athens, Bucharest" },
  { "Middle East Standard Time", "Asia/Beirut", "Beirut" },
  { "Egypt Standard Time", "Africa/Cairo", "Cairo" },
  { "South Africa Standard Time", "Africa/Johannesburg", "Harare, Pretoria" },
  { "FLE Standard Time", "Europe/Kyiv", "Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius" },
  { "Israel Standard Time", "Asia/Jerusalem", "Jerusalem" },
  { "Jordan Standard Time", "Asia/Amman", "Amman" },
  { "Arabic Standard Time", "Asia/Baghdad", "Baghdad" },
  { "Arab Standard Time", "Asia/Riyadh", "Kuwait, Riyadh" },
  { "Russian Standard Time", "Europe/Moscow", "Moscow, St. Petersburg" },
  { "E. Africa Standard Time", "Africa/Nairobi", "Nairobi" },
  { "Turkey Standard Time", "Europe/Istanbul", "Istanbul" },
  { "Iran Standard Time", "Asia/Tehran", "Tehran" },
  { "Arabian Standard Time", "Asia/Dubai", "Abu Dhabi, Muscat" },
  { "Afghanistan Standard Time", "Asia/Kabul", "Kabul" },
  { "Ekaterinburg Standard Time", "Asia/Yekaterinburg", "Ekaterinburg" },
  { "Pakistan Standard Time", "Asia/Karachi", "Islamabad, Karachi" },
  { "West Asia Standard Time", "Asia/Tashkent", "Ashgabat, Tashkent" },
  { "India Standard Time", "Asia/Kolkata", "Chennai, Kolkata, Mumbai, New Delhi" },
  { "Sri Lanka Standard Time", "Asia/Colombo", "Sri Jayawardenepura" },
  { "Nepal Standard Time", "Asia/Kathmandu", "Kathmandu" },
  { "Central Asia Standard Time", "Asia/Almaty", "Astana" },
  { "Bangladesh Standard Time", "Asia/Dhaka", "Dhaka" },
  { "Myanmar Standard Time", "Asia/Yangon", "Yangon (Rangoon)" },
  { "SE Asia Standard Time", "Asia/Bangkok", "Bangkok, Hanoi, Jakarta" },
  { "N. Central Asia Standard Time", "Asia/Novosibirsk", "Novosibirsk" },
  { "North Asia Standard Time", "Asia/Krasnoyarsk", "Krasnoyarsk" },
  { "China Standard Time", "Asia/Shanghai", "Beijing, Chongqing, Hong Kong, Urumqi" },
  { "North Asia East Standard Time", "Asia/Irkutsk", "Irkutsk" },
  { "Singapore Standard Time", "Asia/Singapore", "Kuala Lumpur, Singapore" },
  { "W. Australia Standard Time", "Australia/Perth", "Perth" },
  { "Taipei Standard Time", "Asia/Taipei", "Taipei" },
  { "Ulaanbaatar Standard Time", "Asia/Ulaanbaatar", "Ulaanbaatar" },
  { "Tokyo Standard Time", "Asia/Tokyo", "Osaka, Sapporo, Tokyo" },
  { "Korea Standard Time", "Asia/Seoul", "Seoul" },
  { "Yakutsk Standard Time", "Asia/Yakutsk", "Yakutsk" },
  { "Cen. Australia Standard Time", "Australia/Adelaide", "Adelaide" },
  { "AUS Central Standard Time", "Australia/Darwin", "Darwin" },
  { "E. Australia Standard Time", "Australia/Brisbane", "Brisbane" },
  { "AUS Eastern Standard Time", "Australia/Sydney", "Canberra, Melbourne, Sydney" },
  { "West Pacific Standard Time", "Pacific/Port_Moresby", "Guam, Port Moresby" },
  { "Tasmania Standard Time", "Australia/Hobart", "Hobart" },
  { "Vladivostok Standard Time", "Asia/Vladivostok", "Vladivostok" },
  { "New Zealand Standard Time", "Pacific/Auckland", "Auckland, Wellington" },
  { "Fiji Standard Time", "Pacific/Fiji", "Fiji" },
  { "Tonga Standard Time", "Pacific/Tongatapu", "Nuku'alofa" },
};

/* The IANA areas; a TZID such as "/mozilla.org/20050126_1/Europe/Berlin"
 * contains a zone name starting with one of them. */
static const char * const iana_areas[] = {
  "Africa/", "America/", "Antarctica/", "Arctic/", "Asia/", "Atlantic/",
  "Australia/", "Europe/", "Indian/", "Pacific/", "Etc/",
};

/**
 * quorum_ics_tzid_from_windows:
 * @windows_name: a Windows time zone ID or an Outlook display name
 *
 * Maps a Windows time zone to the IANA zone of its main territory.
 *
 * Returns: (nullable) (transfer none): the IANA name, or %NULL
 */
const char *
quorum_ics_tzid_from_windows (const char *windows_name)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (windows_name != NULL, NULL);

  trimmed = g_strstrip (g_strdup (windows_name));

  for (guint i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    if (g_ascii_strcasecmp (trimmed, windows_zones[i].windows) == 0)
      return windows_zones[i].iana;

  /* Display names, "(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi", or
   * parts of them: "Canberra, Melbourne, Sydney". */
  for (guint i = 0; i < G_N_ELEMENTS (windows_zones); i++)
      if (windows_zones[i].display != NULL && strstr (trimmed, windows_zones[i].display) != NULL)
        return windows_zones[i].iana;

  return NULL;
}

/* Returns the IANA name that @tzid is or contains, if the system knows it. */
char *
_quorum_ics_find_iana_name (const char *tzid)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (tzid));
  const char *found;

  found = quorum_ics_tzid_from_windows (trimmed);
  if (found != NULL)
    return g_strdup (found);

  if (g_ascii_strcasecmp (trimmed, "UTC") == 0 || g_ascii_strcasecmp (trimmed, "GMT") == 0 ||
      g_ascii_strcasecmp (trimmed, "Z") == 0 || g_ascii_strcasecmp (trimmed, "Etc/UTC") == 0)
    return g_strdup ("UTC");

  for (guint i = 0; i < G_N_ELEMENTS (iana_areas); i++)
    {
      const char *p = strstr (trimmed, iana_areas[i]);
      GTimeZone *tz;

      if (p == NULL)
        continue;

      tz = g_time_zone_new_identifier (p);
      if (tz != NULL)
        {
          g_time_zone_unref (tz);
          return g_strdup (p);
        }
    }

  return NULL;
}
