/* quorum-rulebook.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "quorum-rulebook"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "quorum-core-resources.h"
#include "quorum-keyfile-private.h"
#include "quorum-rulebook.h"

#define DEFAULT_RULEBOOK_RESOURCE "/io/github/quorumapp/Quorum/core/rulebooks/qixia-2022-5.rulebook"

/* A translated value kept for writing the file back ("Title" "zh_CN" "…"). */
typedef struct
{
  char *key;
  char *locale;
  char *value;
} Translation;

struct _QuorumDuty
{
  GObject           parent_instance;

  char             *id;
  int               article;
  char             *text;
  char             *title;
  char             *title_en;
  char             *kind;
  QuorumDutyScope   scope;
  char             *group;
  char             *per_unit;
  QuorumPeriodKind  period;
  GDate             anchor;
  int               window_start;
  int               window_end;
  QuorumMeasure     measure;
  int               min;
  int               max;
  char             *ratio_of;
  char             *record;
  char             *preferred;
  gboolean          attendance;
  gboolean          key_speaker;
  gboolean          makeup;
  char             *note;
  char             *note_en;
  GPtrArray        *translations;
};

struct _QuorumRulebook
{
  GObject     parent_instance;

  char       *id;
  int         version;
  char       *title;
  char       *title_en;
  char       *source;
  GDate       issued;
  char       *locale;
  GPtrArray  *translations;
  GListStore *duties;
  GHashTable *by_id;
};

G_DEFINE_FINAL_TYPE (QuorumDuty, quorum_duty, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (QuorumRulebook, quorum_rulebook, G_TYPE_OBJECT)

G_DEFINE_QUARK (quorum-rulebook-error-quark, quorum_rulebook_error)

enum {
  DUTY_PROP_0,
  DUTY_PROP_ID,
  DUTY_PROP_ARTICLE,
  DUTY_PROP_TEXT,
  DUTY_PROP_TITLE,
  DUTY_PROP_TITLE_EN,
  DUTY_PROP_KIND,
  DUTY_PROP_SCOPE,
  DUTY_PROP_GROUP,
  DUTY_PROP_PER_UNIT,
  DUTY_PROP_PERIOD,
  DUTY_PROP_ANCHOR,
  DUTY_PROP_WINDOW_START,
  DUTY_PROP_WINDOW_END,
  DUTY_PROP_MEASURE,
  DUTY_PROP_MIN,
  DUTY_PROP_MAX,
  DUTY_PROP_RATIO_OF,
  DUTY_PROP_RECORD,
  DUTY_PROP_PREFERRED,
  DUTY_PROP_ATTENDANCE,
  DUTY_PROP_KEY_SPEAKER,
  DUTY_PROP_MAKEUP,
  DUTY_PROP_NOTE,
  N_DUTY_PROPS
};

enum {
  BOOK_PROP_0,
  BOOK_PROP_ID,
  BOOK_PROP_TITLE,
  BOOK_PROP_SOURCE,
  BOOK_PROP_ISSUED,
  BOOK_PROP_VERSION,
  N_BOOK_PROPS
};

static GParamSpec *duty_properties[N_DUTY_PROPS];
static GParamSpec *book_properties[N_BOOK_PROPS];

static const char * const kinds[] = {
  "study", "meeting", "economy", "investment", "enterprise", "research", "petition",
  "reception", "frontline", "service", "law", "major-matter", "party-life", "inspection",
  "ideology", "integrity", "leave", "paperwork", "liaison", NULL
};

static const char * const groups[] = {
  "government", "leadership", "party-group", "executive-meeting", "departments",
  "economic-department-heads", "towns", "party-members", NULL
};

static const char * const per_units[] = { "enterprise", "department", "town", "branch", NULL };

static const char * const records[] = {
  "session", "reception-day", "lecture", "enterprise-visit", "research-day", "research-topic",
  "petition-case", "inspection", "talk", "frontline-day", "service-project", "service-activity",
  "report-hearing", "dispatch", "major-matter", "investment-project", "court-appearance",
  "leave-request", "letter-reply", "minutes", "countersign", "plan", "meeting", NULL
};

static const char * const rulebook_keys[] = {
  "Id", "Version", "Title", "Source", "Issued", "Locale", NULL
};

static const char * const duty_keys[] = {
  "Article", "Text", "Title", "Kind", "Scope", "Group", "PerUnit", "Period", "Anchor", "Window",
  "Measure", "Min", "Max", "RatioOf", "Record", "Preferred", "Attendance", "KeySpeaker", "Makeup",
  "Note", NULL
};

static void
translation_free (Translation *t)
{
  g_free (t->key);
  g_free (t->locale);
  g_free (t->value);
  g_free (t);
}

/* Enum ↔ rulebook spelling: the nicks glib-mkenums derives are that spelling. */
static const char *
enum_to_nick (GType type,
              int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);

  g_type_class_unref (klass);
  return v != NULL ? v->value_nick : NULL;
}

static gboolean
enum_from_nick (GType       type,
                const char *text,
                int        *out)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *v = text != NULL ? g_enum_get_value_by_nick (klass, text) : NULL;

  if (v != NULL)
    *out = v->value;
  g_type_class_unref (klass);
  return v != NULL;
}

static char *
enum_nicks (GType type)
{
  GEnumClass *klass = g_type_class_ref (type);
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (str, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);
  g_type_class_unref (klass);
  return g_string_free (str, FALSE);
}

/**
 * quorum_duty_scope_to_string:
 * @scope: a scope
 *
 * Returns: the rulebook spelling of @scope, e.g. `each-member-per-unit`
 */
const char *
quorum_duty_scope_to_string (QuorumDutyScope scope)
{
  return enum_to_nick (QUORUM_TYPE_DUTY_SCOPE, scope);
}

/**
 * quorum_duty_scope_from_string:
 * @text: a rulebook spelling
 * @out: (out): the scope
 *
 * Returns: %TRUE when @text names a scope
 */
gboolean
quorum_duty_scope_from_string (const char      *text,
                               QuorumDutyScope *out)
{
  int value;

  if (!enum_from_nick (QUORUM_TYPE_DUTY_SCOPE, text, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

/**
 * quorum_period_kind_to_string:
 * @period: a period
 *
 * Returns: the rulebook spelling of @period, e.g. `half-year` or `none`
 */
const char *
quorum_period_kind_to_string (QuorumPeriodKind period)
{
  return enum_to_nick (QUORUM_TYPE_PERIOD_KIND, period);
}

/**
 * quorum_period_kind_from_string:
 * @text: a rulebook spelling
 * @out: (out): the period
 *
 * Returns: %TRUE when @text names a period
 */
gboolean
quorum_period_kind_from_string (const char       *text,
                                QuorumPeriodKind *out)
{
  int value;

  if (!enum_from_nick (QUORUM_TYPE_PERIOD_KIND, text, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

/**
 * quorum_measure_to_string:
 * @measure: a measure
 *
 * Returns: the rulebook spelling of @measure, e.g. `deadline-workdays`
 */
const char *
quorum_measure_to_string (QuorumMeasure measure)
{
  return enum_to_nick (QUORUM_TYPE_MEASURE, measure);
}

/**
 * quorum_measure_from_string:
 * @text: a rulebook spelling
 * @out: (out): the measure
 *
 * Returns: %TRUE when @text names a measure
 */
gboolean
quorum_measure_from_string (const char    *text,
                            QuorumMeasure *out)
{
  int value;

  if (!enum_from_nick (QUORUM_TYPE_MEASURE, text, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

/* QuorumDuty */

static void
quorum_duty_finalize (GObject *object)
{
  QuorumDuty *self = (QuorumDuty *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->title_en, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->group, g_free);
  g_clear_pointer (&self->per_unit, g_free);
  g_clear_pointer (&self->ratio_of, g_free);
  g_clear_pointer (&self->record, g_free);
  g_clear_pointer (&self->preferred, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->note_en, g_free);
  g_clear_pointer (&self->translations, g_ptr_array_unref);

  G_OBJECT_CLASS (quorum_duty_parent_class)->finalize (object);
}

static void
quorum_duty_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  QuorumDuty *self = QUORUM_DUTY (object);

  switch (prop_id)
    {
    case DUTY_PROP_ID: g_value_set_string (value, self->id); break;
    case DUTY_PROP_ARTICLE: g_value_set_int (value, self->article); break;
    case DUTY_PROP_TEXT: g_value_set_string (value, self->text); break;
    case DUTY_PROP_TITLE: g_value_set_string (value, self->title); break;
    case DUTY_PROP_TITLE_EN: g_value_set_string (value, self->title_en); break;
    case DUTY_PROP_KIND: g_value_set_string (value, self->kind); break;
    case DUTY_PROP_SCOPE: g_value_set_enum (value, self->scope); break;
    case DUTY_PROP_GROUP: g_value_set_string (value, self->group); break;
    case DUTY_PROP_PER_UNIT: g_value_set_string (value, self->per_unit); break;
    case DUTY_PROP_PERIOD: g_value_set_enum (value, self->period); break;
    case DUTY_PROP_ANCHOR:
      g_value_set_boxed (value, g_date_valid (&self->anchor) ? &self->anchor : NULL);
      break;
    case DUTY_PROP_WINDOW_START: g_value_set_int (value, self->window_start); break;
    case DUTY_PROP_WINDOW_END: g_value_set_int (value, self->window_end); break;
    case DUTY_PROP_MEASURE: g_value_set_enum (value, self->measure); break;
    case DUTY_PROP_MIN: g_value_set_int (value, self->min); break;
    case DUTY_PROP_MAX: g_value_set_int (value, self->max); break;
    case DUTY_PROP_RATIO_OF: g_value_set_string (value, self->ratio_of); break;
    case DUTY_PROP_RECORD: g_value_set_string (value, self->record); break;
    case DUTY_PROP_PREFERRED: g_value_set_string (value, self->preferred); break;
    case DUTY_PROP_ATTENDANCE: g_value_set_boolean (value, self->attendance); break;
    case DUTY_PROP_KEY_SPEAKER: g_value_set_boolean (value, self->key_speaker); break;
    case DUTY_PROP_MAKEUP: g_value_set_boolean (value, self->makeup); break;
    case DUTY_PROP_NOTE: g_value_set_string (value, self->note); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_duty_class_init (QuorumDutyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_duty_finalize;
  object_class->get_property = quorum_duty_get_property;

  duty_properties[DUTY_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  duty_properties[DUTY_PROP_ARTICLE] = g_param_spec_int ("article", NULL, NULL, 0, G_MAXINT, 0, flags);
  duty_properties[DUTY_PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  duty_properties[DUTY_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  duty_properties[DUTY_PROP_TITLE_EN] = g_param_spec_string ("title-en", NULL, NULL, NULL, flags);
  duty_properties[DUTY_PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  duty_properties[DUTY_PROP_SCOPE] =
    g_param_spec_enum ("scope", NULL, NULL, QUORUM_TYPE_DUTY_SCOPE, QUORUM_DUTY_SCOPE_BODY, flags);
  duty_properties[DUTY_PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, NULL, flags);
  duty_properties[DUTY_PROP_PER_UNIT] = g_param_spec_string ("per-unit", NULL, NULL, NULL, flags);
  duty_properties[DUTY_PROP_PERIOD] =
    g_param_spec_enum ("period", NULL, NULL, QUORUM_TYPE_PERIOD_KIND, QUORUM_PERIOD_NONE, flags);
  duty_properties[DUTY_PROP_ANCHOR] = g_param_spec_boxed ("anchor", NULL, NULL, G_TYPE_DATE, flags);
  duty_properties[DUTY_PROP_WINDOW_START] =
    g_param_spec_int ("window-start", NULL, NULL, 0, 12, 0, flags);
  duty_properties[DUTY_PROP_WINDOW_END] = g_param_spec_int ("window-end", NULL, NULL, 0, 12, 0, flags);
  duty_properties[DUTY_PROP_MEASURE] =
    g_param_spec_enum ("measure", NULL, NULL, QUORUM_TYPE_MEASURE, QUORUM_MEASURE_EVENTS, flags);
  duty_properties[DUTY_PROP_MIN] = g_param_spec_int ("min", NULL, NULL, 0, G_MAXINT, 0, flags);
  duty_properties[DUTY_PROP_MAX] = g_param_spec_int ("max", NULL, NULL, -1, G_MAXINT, -1, flags);
  duty_properties[DUTY_PROP_RATIO_OF] = g_param_spec_string ("ratio-of", NULL, NULL, NULL, flags);
  duty_properties[DUTY_PROP_RECORD] = g_param_spec_string ("record", NULL, NULL, NULL, flags);
  duty_properties[DUTY_PROP_PREFERRED] = g_param_spec_string ("preferred", NULL, NULL, NULL, flags);
  duty_properties[DUTY_PROP_ATTENDANCE] = g_param_spec_boolean ("attendance", NULL, NULL, FALSE, flags);
  duty_properties[DUTY_PROP_KEY_SPEAKER] = g_param_spec_boolean ("key-speaker", NULL, NULL, FALSE, flags);
  duty_properties[DUTY_PROP_MAKEUP] = g_param_spec_boolean ("makeup", NULL, NULL, FALSE, flags);
  duty_properties[DUTY_PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_DUTY_PROPS, duty_properties);
}

static void
quorum_duty_init (QuorumDuty *self)
{
  g_date_clear (&self->anchor, 1);
  self->max = -1;
  self->translations = g_ptr_array_new_with_free_func ((GDestroyNotify) translation_free);
}

/* QuorumRulebook */

static void
quorum_rulebook_finalize (GObject *object)
{
  QuorumRulebook *self = (QuorumRulebook *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->title_en, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->locale, g_free);
  g_clear_pointer (&self->translations, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->duties);

  G_OBJECT_CLASS (quorum_rulebook_parent_class)->finalize (object);
}

static void
quorum_rulebook_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QuorumRulebook *self = QUORUM_RULEBOOK (object);

  switch (prop_id)
    {
    case BOOK_PROP_ID: g_value_set_string (value, self->id); break;
    case BOOK_PROP_TITLE: g_value_set_string (value, self->title); break;
    case BOOK_PROP_SOURCE: g_value_set_string (value, self->source); break;
    case BOOK_PROP_ISSUED:
      g_value_set_boxed (value, g_date_valid (&self->issued) ? &self->issued : NULL);
      break;
    case BOOK_PROP_VERSION: g_value_set_int (value, self->version); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_rulebook_class_init (QuorumRulebookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = quorum_rulebook_finalize;
  object_class->get_property = quorum_rulebook_get_property;

  book_properties[BOOK_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  book_properties[BOOK_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  book_properties[BOOK_PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  book_properties[BOOK_PROP_ISSUED] = g_param_spec_boxed ("issued", NULL, NULL, G_TYPE_DATE, flags);
  book_properties[BOOK_PROP_VERSION] = g_param_spec_int ("version", NULL, NULL, 0, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, N_BOOK_PROPS, book_properties);
}

static void
quorum_rulebook_init (QuorumRulebook *self)
{
  g_date_clear (&self->issued, 1);
  self->translations = g_ptr_array_new_with_free_func ((GDestroyNotify) translation_free);
  self->duties = g_list_store_new (QUORUM_TYPE_DUTY);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Loading */

typedef struct
{
  QuorumKeyfile *kf;
  GKeyFile      *key_file;
  const char    *group;
} Ctx;

static gboolean G_GNUC_PRINTF (5, 6)
fail (Ctx         *ctx,
      GError     **error,
      int          code,
      const char  *key,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  quorum_keyfile_set_error (ctx->kf, error, QUORUM_RULEBOOK_ERROR, code, ctx->group, key,
                            "%s", message);
  return FALSE;
}

static gboolean
is_identifier (const char *text)
{
  if (text == NULL || text[0] == '\0' || text[0] == '-')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return TRUE;
}

static gboolean
in_list (const char         *text,
         const char * const *list)
{
  return text != NULL && g_strv_contains (list, text);
}

/* The raw value of @key, or NULL. */
static char *
get_value (Ctx        *ctx,
           const char *key)
{
  return g_key_file_get_value (ctx->key_file, ctx->group, key, NULL);
}

static gboolean
get_required (Ctx         *ctx,
              const char  *key,
              char       **out,
              GError     **error)
{
  *out = g_key_file_get_string (ctx->key_file, ctx->group, key, NULL);
  if (*out == NULL)
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_MISSING_KEY, NULL,
                 _("the required key %s is missing"), key);
  if (g_strstrip (*out)[0] == '\0')
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INVALID_VALUE, key, _("the value is empty"));
  return TRUE;
}

static gboolean
get_int (Ctx         *ctx,
         const char  *key,
         int          min_value,
         int         *out,
         GError     **error)
{
  g_autofree char *value = get_value (ctx, key);
  char *end = NULL;
  gint64 number;

  g_strstrip (value);
  number = g_ascii_strtoll (value, &end, 10);
  if (value[0] == '\0' || *end != '\0' || number < min_value || number > G_MAXINT / 2)
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INVALID_VALUE, key,
                 _("“%s” is not a whole number of at least %d"), value, min_value);
  *out = (int) number;
  return TRUE;
}

static gboolean
get_bool (Ctx         *ctx,
          const char  *key,
          gboolean    *out,
          GError     **error)
{
  g_autofree char *value = get_value (ctx, key);

  *out = FALSE;
  if (value == NULL)
    return TRUE;
  g_strstrip (value);
  if (strcmp (value, "true") == 0)
    *out = TRUE;
  else if (strcmp (value, "false") != 0)
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INVALID_VALUE, key,
                 _("“%s” is not true or false"), value);
  return TRUE;
}

static gboolean
get_choice (Ctx                *ctx,
            const char         *key,
            const char * const *list,
            gboolean            required,
            char              **out,
            GError            **error)
{
  g_autofree char *allowed = NULL;

  *out = g_key_file_get_string (ctx->key_file, ctx->group, key, NULL);
  if (*out == NULL)
    return required ? fail (ctx, error, QUORUM_RULEBOOK_ERROR_MISSING_KEY, NULL,
                            _("the required key %s is missing"), key)
                    : TRUE;
  g_strstrip (*out);
  if (in_list (*out, list))
    return TRUE;

  allowed = g_strjoinv (", ", (char **)list);
  return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INVALID_VALUE, key,
               _("“%s” is not one of: %s"), *out, allowed);
}

static gboolean
get_enum (Ctx         *ctx,
          const char  *key,
          GType        type,
          const char  *what,
          int         *out,
          GError     **error)
{
  g_autofree char *value = NULL;
  g_autofree char *allowed = NULL;

  if (!get_required (ctx, key, &value, error))
    return FALSE;
  if (enum_from_nick (type, value, out))
    return TRUE;

  allowed = enum_nicks (type);
  /* Translators: “monthly” is not a period (none, week, …) */
  return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INVALID_VALUE, key,
               _("“%s” is not a %s (%s)"), value, what, allowed);
}

/* Checks that every key of the group is allowed, and collects translations. */
static gboolean
check_keys (Ctx                *ctx,
            const char * const *allowed,
            GPtrArray          *translations,
            GError            **error)
{
  g_autofree const char **keys = quorum_keyfile_get_keys (ctx->kf, ctx->group);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *bracket = strchr (keys[i], '[');

      if (bracket != NULL)
        {
          g_autofree char *base = g_strndup (keys[i], bracket - keys[i]);
          Translation *t;

          if ((strcmp (base, "Title") != 0 && strcmp (base, "Note") != 0)
              || !quorum_keyfile_is_translation (keys[i], base)
              || !in_list (base, allowed))
            return fail (ctx, error, QUORUM_RULEBOOK_ERROR_UNKNOWN_KEY, keys[i],
                         _("unknown key: only Title and Note are translated"));

          t = g_new0 (Translation, 1);
          t->key = g_steal_pointer (&base);
          t->locale = g_strndup (bracket + 1, strlen (bracket + 1) - 1);
          t->value = g_key_file_get_string (ctx->key_file, ctx->group, keys[i], NULL);
          g_ptr_array_add (translations, t);
        }
      else if (!in_list (keys[i], allowed))
        {
          g_autofree char *list = g_strjoinv (", ", (char **)allowed);

          return fail (ctx, error, QUORUM_RULEBOOK_ERROR_UNKNOWN_KEY, keys[i],
                       _("unknown key (known keys: %s)"), list);
        }
    }

  return TRUE;
}

static gboolean
load_header (QuorumRulebook  *self,
             Ctx             *ctx,
             GError         **error)
{
  g_autofree char *issued = NULL;

  if (!check_keys (ctx, rulebook_keys, self->translations, error)
      || !get_required (ctx, "Id", &self->id, error)
      || !get_required (ctx, "Title", &self->title_en, error))
    return FALSE;

  if (!is_identifier (self->id))
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INVALID_VALUE, "Id",
                 _("“%s” is not an identifier (lowercase ASCII letters, digits and -)"), self->id);

  if (!g_key_file_has_key (ctx->key_file, ctx->group, "Version", NULL))
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_MISSING_KEY, NULL,
                 _("the required key %s is missing"), "Version");
  if (!get_int (ctx, "Version", 1, &self->version, error))
    return FALSE;

  self->title = g_key_file_get_locale_string (ctx->key_file, ctx->group, "Title", NULL, NULL);
  self->source = g_key_file_get_string (ctx->key_file, ctx->group, "Source", NULL);
  self->locale = g_key_file_get_string (ctx->key_file, ctx->group, "Locale", NULL);

  if ((issued = get_value (ctx, "Issued")) != NULL
      && !quorum_keyfile_parse_date (g_strstrip (issued), &self->issued))
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INVALID_VALUE, "Issued",
                 _("“%s” is not a date (YYYY-MM-DD)"), issued);

  return TRUE;
}

static gboolean
load_window (QuorumDuty  *duty,
             Ctx         *ctx,
             GError     **error)
{
  g_autofree char *value = get_value (ctx, "Window");
  int start = 0, end = 0, consumed = 0;

  if (value == NULL)
    return TRUE;
  g_strstrip (value);
  if (sscanf (value, "%d-%d%n", &start, &end, &consumed) != 2 || value[consumed] != '\0'
      || !g_ascii_isdigit (value[0]) || start < 1 || end > 12 || start > end)
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INVALID_VALUE, "Window",
                 _("“%s” is not a range of months M-M within 1-12"), value);
  if (duty->period != QUORUM_PERIOD_YEAR)
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INCONSISTENT, "Window",
                 _("a window of months needs Period=year"));

  duty->window_start = start;
  duty->window_end = end;
  return TRUE;
}

static gboolean
load_preferred (QuorumDuty  *duty,
                Ctx         *ctx,
                GError     **error)
{
  static const char * const day_codes[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU", NULL };
  g_autofree char *value = get_value (ctx, "Preferred");
  const char *colon;
  gboolean ok = FALSE;

  if (value == NULL)
    return TRUE;
  g_strstrip (value);
  colon = strchr (value, ':');

  if (colon != NULL)
    {
      const char *arg = colon + 1;
      char *end = NULL;
      gint64 n = g_ascii_strtoll (arg, &end, 10);
      gboolean number = g_ascii_isdigit (arg[0]) && *end == '\0';

      if (g_str_has_prefix (value, "day:"))
        ok = number && n >= 1 && n <= 31;
      else if (g_str_has_prefix (value, "month:"))
        ok = number && n >= 1 && n <= 12;
      else if (g_str_has_prefix (value, "weekday:"))
        ok = in_list (arg, day_codes);
    }

  if (!ok)
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INVALID_VALUE, "Preferred",
                 _("“%s” is not day:N, month:N or weekday:XX (MO…SU)"), value);

  duty->preferred = g_steal_pointer (&value);
  return TRUE;
}

static gboolean
load_duty (QuorumRulebook  *self,
           Ctx             *ctx,
           GError         **error)
{
  g_autoptr(QuorumDuty) duty = g_object_new (QUORUM_TYPE_DUTY, NULL);
  g_autofree char *anchor = NULL;
  g_autofree char *zh_title = NULL;
  const char *id = ctx->group + strlen ("Duty ");
  int value;

  if (!is_identifier (id))
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INVALID_VALUE, NULL,
                 _("“%s” is not a duty id (lowercase ASCII letters, digits and -)"), id);
  if (g_hash_table_contains (self->by_id, id))
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_DUPLICATE, NULL,
                 _("the duty id “%s” is used twice"), id);
  duty->id = g_strdup (id);

  if (!check_keys (ctx, duty_keys, duty->translations, error))
    return FALSE;

  if (!g_key_file_has_key (ctx->key_file, ctx->group, "Article", NULL))
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_MISSING_KEY, NULL,
                 _("the required key %s is missing"), "Article");
  if (!get_int (ctx, "Article", 1, &duty->article, error)
      || !get_required (ctx, "Text", &duty->text, error)
      || !get_required (ctx, "Title", &duty->title_en, error))
    return FALSE;

  zh_title = g_key_file_get_locale_string (ctx->key_file, ctx->group, "Title", "zh_CN", NULL);
  if (!g_key_file_has_key (ctx->key_file, ctx->group, "Title[zh_CN]", NULL))
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_MISSING_KEY, NULL,
                 _("the required key %s is missing"), "Title[zh_CN]");
  duty->title = g_key_file_get_locale_string (ctx->key_file, ctx->group, "Title", NULL, NULL);

  if (!get_choice (ctx, "Kind", kinds, TRUE, &duty->kind, error)
      || !get_enum (ctx, "Scope", QUORUM_TYPE_DUTY_SCOPE, _("scope"), &value, error))
    return FALSE;
  duty->scope = value;
  if (!get_choice (ctx, "Group", groups, TRUE, &duty->group, error)
      || !get_choice (ctx, "PerUnit", per_units, FALSE, &duty->per_unit, error)
      /* Translators: used in “%s” is not a period (…) */
      || !get_enum (ctx, "Period", QUORUM_TYPE_PERIOD_KIND, _("period"), &value, error))
    return FALSE;
  duty->period = value;
  /* Translators: used in “%s” is not a measure (…) */
  if (!get_enum (ctx, "Measure", QUORUM_TYPE_MEASURE, _("measure"), &value, error))
    return FALSE;
  duty->measure = value;

  if (!g_key_file_has_key (ctx->key_file, ctx->group, "Min", NULL))
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_MISSING_KEY, NULL,
                 _("the required key %s is missing"), "Min");
  if (!get_int (ctx, "Min", 0, &duty->min, error))
    return FALSE;
  if (g_key_file_has_key (ctx->key_file, ctx->group, "Max", NULL)
      && !get_int (ctx, "Max", 0, &duty->max, error))
    return FALSE;
  if (duty->max >= 0 && duty->min > duty->max)
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INCONSISTENT, "Max",
                 _("Max=%d is less than Min=%d"), duty->max, duty->min);
  if (duty->measure == QUORUM_MEASURE_RATIO && (duty->min > 100 || duty->max > 100))
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INVALID_VALUE, "Min",
                 _("a ratio is a percentage from 0 to 100"));

  /* Per-event measures have no period, and only they. */
  if ((duty->period == QUORUM_PERIOD_NONE)
      != (duty->measure == QUORUM_MEASURE_DEADLINE_WORKDAYS || duty->measure == QUORUM_MEASURE_NOTICE_DAYS))
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INCONSISTENT, "Period",
                 _("Period=none goes with Measure=deadline-workdays or notice-days, and only with them"));

  if ((duty->per_unit != NULL)
      != (duty->scope == QUORUM_DUTY_SCOPE_EACH_MEMBER_PER_UNIT || duty->measure == QUORUM_MEASURE_UNITS))
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INCONSISTENT,
                 duty->per_unit != NULL ? "PerUnit" : "Scope",
                 _("PerUnit is given exactly when Scope=each-member-per-unit or Measure=units"));

  if ((anchor = get_value (ctx, "Anchor")) != NULL)
    {
      if (duty->period != QUORUM_PERIOD_FORTNIGHT)
        return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INCONSISTENT, "Anchor",
                     _("an anchor date needs Period=fortnight"));
      if (!quorum_keyfile_parse_date (g_strstrip (anchor), &duty->anchor))
        return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INVALID_VALUE, "Anchor",
                     _("“%s” is not a date (YYYY-MM-DD)"), anchor);
      if (g_date_get_weekday (&duty->anchor) != G_DATE_MONDAY)
        return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INVALID_VALUE, "Anchor",
                     _("%s is not a Monday"), anchor);
    }
  else if (duty->period == QUORUM_PERIOD_FORTNIGHT)
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_MISSING_KEY, NULL,
                 _("Period=fortnight needs an Anchor date"));

  if (!load_window (duty, ctx, error))
    return FALSE;

  duty->ratio_of = g_key_file_get_string (ctx->key_file, ctx->group, "RatioOf", NULL);
  if (duty->ratio_of != NULL && duty->measure != QUORUM_MEASURE_RATIO)
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INCONSISTENT, "RatioOf",
                 _("RatioOf goes only with Measure=ratio"));
  if (duty->ratio_of != NULL && strcmp (g_strstrip (duty->ratio_of), duty->id) == 0)
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_UNKNOWN_REFERENCE, "RatioOf",
                 _("a duty cannot be a ratio of itself"));

  if (!get_choice (ctx, "Record", records, FALSE, &duty->record, error)
      || !load_preferred (duty, ctx, error)
      || !get_bool (ctx, "Attendance", &duty->attendance, error)
      || !get_bool (ctx, "KeySpeaker", &duty->key_speaker, error)
      || !get_bool (ctx, "Makeup", &duty->makeup, error))
    return FALSE;
  if (duty->attendance && duty->scope != QUORUM_DUTY_SCOPE_BODY)
    return fail (ctx, error, QUORUM_RULEBOOK_ERROR_INCONSISTENT, "Attendance",
                 _("attendance is recorded only for Scope=body"));

  duty->note_en = g_key_file_get_string (ctx->key_file, ctx->group, "Note", NULL);
  if (duty->note_en != NULL)
    duty->note = g_key_file_get_locale_string (ctx->key_file, ctx->group, "Note", NULL, NULL);

  g_hash_table_insert (self->by_id, duty->id, duty);
  g_list_store_append (self->duties, duty);
  return TRUE;
}

static gboolean
load (QuorumRulebook  *self,
      GBytes          *bytes,
      const char      *display_name,
      GError         **error)
{
  g_autoptr(QuorumKeyfile) kf = NULL;
  const char **group_names;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  Ctx ctx = { 0 };
  guint n;

  kf = quorum_keyfile_parse (data != NULL ? data : "", len, display_name, QUORUM_RULEBOOK_ERROR,
                             QUORUM_RULEBOOK_ERROR_SYNTAX, QUORUM_RULEBOOK_ERROR_DUPLICATE, error);
  if (kf == NULL)
    return FALSE;

  ctx.kf = kf;
  ctx.key_file = quorum_keyfile_get_key_file (kf);
  group_names = quorum_keyfile_get_groups (kf);

  if (group_names[0] == NULL || strcmp (group_names[0], "Rulebook") != 0)
    {
      ctx.group = group_names[0];
      if (ctx.group == NULL)
        {
          g_set_error (error, QUORUM_RULEBOOK_ERROR, QUORUM_RULEBOOK_ERROR_MISSING_GROUP,
                       _("%s: the file has no [Rulebook] group"), display_name);
          return FALSE;
        }
      return fail (&ctx, error, QUORUM_RULEBOOK_ERROR_MISSING_GROUP, NULL,
                   _("the file must begin with the [Rulebook] group"));
    }

  for (guint i = 0; group_names[i] != NULL; i++)
    {
      ctx.group = group_names[i];

      if (i == 0)
        {
          if (!load_header (self, &ctx, error))
            return FALSE;
        }
      else if (g_str_has_prefix (ctx.group, "Duty "))
        {
          if (!load_duty (self, &ctx, error))
            return FALSE;
        }
      else
        return fail (&ctx, error, QUORUM_RULEBOOK_ERROR_UNKNOWN_GROUP, NULL,
                     _("unknown group: expected [Duty id]"));
    }

  /* References are checked once every duty is known. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->duties));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumDuty) duty = g_list_model_get_item (G_LIST_MODEL (self->duties), i);
      g_autofree char *group = g_strconcat ("Duty ", duty->id, NULL);

      ctx.group = group;
      if (duty->ratio_of != NULL && !g_hash_table_contains (self->by_id, duty->ratio_of))
        return fail (&ctx, error, QUORUM_RULEBOOK_ERROR_UNKNOWN_REFERENCE, "RatioOf",
                     _("no duty has the id “%s”"), duty->ratio_of);
    }

  return TRUE;
}

/**
 * quorum_rulebook_new_from_bytes:
 * @bytes: the UTF-8 text of a rulebook
 * @display_name: the file name to use in messages
 * @error: return location for a #GError
 *
 * Loads and validates a rulebook (the format is described in
 * `resources/rulebooks/README.md`). Errors name the line and key at fault.
 *
 * Returns: (transfer full) (nullable): the rulebook, or %NULL with @error set
 */
QuorumRulebook *
quorum_rulebook_new_from_bytes (GBytes      *bytes,
                                const char  *display_name,
                                GError     **error)
{
  g_autoptr(QuorumRulebook) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  self = g_object_new (QUORUM_TYPE_RULEBOOK, NULL);
  if (!load (self, bytes, display_name, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * quorum_rulebook_new_from_file:
 * @path: a `.rulebook` file
 * @error: return location for a #GError
 *
 * Like quorum_rulebook_new_from_bytes(), reading @path.
 *
 * Returns: (transfer full) (nullable): the rulebook, or %NULL with @error set
 */
QuorumRulebook *
quorum_rulebook_new_from_file (const char  *path,
                               GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  return quorum_rulebook_new_from_bytes (bytes, path, error);
}

/* The bundled rulebook's bytes. */
static GBytes *
lookup_default (GError **error)
{
  return g_resource_lookup_data (quorum_core_get_resource (), DEFAULT_RULEBOOK_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

/**
 * quorum_rulebook_dup_default_data:
 * @error: return location for a #GError
 *
 * The text of the rulebook Quorum ships, 栖政发〔2022〕5号, as an office
 * that has none stores it.
 *
 * Returns: (transfer full) (nullable): its text, or %NULL with @error set
 */
char *
quorum_rulebook_dup_default_data (GError **error)
{
  g_autoptr(GBytes) bytes = lookup_default (error);

  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/**
 * quorum_rulebook_new_default:
 * @error: return location for a #GError
 *
 * The rulebook Quorum ships: 栖政发〔2022〕5号.
 *
 * Returns: (transfer full) (nullable): the rulebook, or %NULL with @error set
 */
QuorumRulebook *
quorum_rulebook_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = lookup_default (error);

  if (bytes == NULL)
    return NULL;
  return quorum_rulebook_new_from_bytes (bytes, "qixia-2022-5.rulebook", error);
}

static void
write_translations (GKeyFile   *key_file,
                    const char *group,
                    GPtrArray  *translations,
                    const char *key)
{
  for (guint i = 0; i < translations->len; i++)
    {
      Translation *t = g_ptr_array_index (translations, i);

      if (strcmp (t->key, key) == 0)
        g_key_file_set_locale_string (key_file, group, key, t->locale, t->value);
    }
}

static void
set_date (GKeyFile    *key_file,
          const char  *group,
          const char  *key,
          const GDate *date)
{
  g_autofree char *text = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                                           g_date_get_month (date), g_date_get_day (date));

  g_key_file_set_string (key_file, group, key, text);
}

static void
write_duty (GKeyFile   *key_file,
            QuorumDuty *duty)
{
  g_autofree char *group = g_strconcat ("Duty ", duty->id, NULL);

  g_key_file_set_integer (key_file, group, "Article", duty->article);
  g_key_file_set_string (key_file, group, "Text", duty->text);
  g_key_file_set_string (key_file, group, "Title", duty->title_en);
  write_translations (key_file, group, duty->translations, "Title");
  g_key_file_set_string (key_file, group, "Kind", duty->kind);
  g_key_file_set_string (key_file, group, "Scope", quorum_duty_scope_to_string (duty->scope));
  g_key_file_set_string (key_file, group, "Group", duty->group);
  if (duty->per_unit != NULL)
    g_key_file_set_string (key_file, group, "PerUnit", duty->per_unit);
  g_key_file_set_string (key_file, group, "Period", quorum_period_kind_to_string (duty->period));
  if (g_date_valid (&duty->anchor))
    set_date (key_file, group, "Anchor", &duty->anchor);
  if (duty->window_start > 0)
    {
      g_autofree char *window = g_strdup_printf ("%d-%d", duty->window_start, duty->window_end);

      g_key_file_set_string (key_file, group, "Window", window);
    }
  g_key_file_set_string (key_file, group, "Measure", quorum_measure_to_string (duty->measure));
  g_key_file_set_integer (key_file, group, "Min", duty->min);
  if (duty->max >= 0)
    g_key_file_set_integer (key_file, group, "Max", duty->max);
  if (duty->ratio_of != NULL)
    g_key_file_set_string (key_file, group, "RatioOf", duty->ratio_of);
  if (duty->record != NULL)
    g_key_file_set_string (key_file, group, "Record", duty->record);
  if (duty->preferred != NULL)
    g_key_file_set_string (key_file, group, "Preferred", duty->preferred);
  if (duty->attendance)
    g_key_file_set_boolean (key_file, group, "Attendance", TRUE);
  if (duty->key_speaker)
    g_key_file_set_boolean (key_file, group, "KeySpeaker", TRUE);
  if (duty->makeup)
    g_key_file_set_boolean (key_file, group, "Makeup", TRUE);
  if (duty->note_en != NULL)
    g_key_file_set_string (key_file, group, "Note", duty->note_en);
  write_translations (key_file, group, duty->translations, "Note");
}

/**
 * quorum_rulebook_to_data:
 * @self: a #QuorumRulebook
 * @len: (out) (optional): the length of the result
 *
 * Writes the rulebook in its file format. Loading the result gives a
 * rulebook with the same duties; comments are not kept.
 *
 * Returns: (transfer full): the UTF-8 text
 */
char *
quorum_rulebook_to_data (QuorumRulebook *self,
                         gsize          *len)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *header = NULL;
  guint n;

  g_return_val_if_fail (QUORUM_IS_RULEBOOK (self), NULL);

  g_key_file_set_string (key_file, "Rulebook", "Id", self->id);
  g_key_file_set_integer (key_file, "Rulebook", "Version", self->version);
  g_key_file_set_string (key_file, "Rulebook", "Title", self->title_en);
  write_translations (key_file, "Rulebook", self->translations, "Title");
  if (self->source != NULL)
    g_key_file_set_string (key_file, "Rulebook", "Source", self->source);
  if (g_date_valid (&self->issued))
    set_date (key_file, "Rulebook", "Issued", &self->issued);
  if (self->locale != NULL)
    g_key_file_set_string (key_file, "Rulebook", "Locale", self->locale);

  header = g_strdup_printf (" Quorum rulebook: %s\n Format: see resources/rulebooks/README.md.",
                            self->source != NULL ? self->source : self->id);
  g_key_file_set_comment (key_file, "Rulebook", NULL, header, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->duties));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QuorumDuty) duty = g_list_model_get_item (G_LIST_MODEL (self->duties), i);

      write_duty (key_file, duty);
    }

  return g_key_file_to_data (key_file, len, NULL);
}

const char *
quorum_rulebook_get_id (QuorumRulebook *self)
{
  g_return_val_if_fail (QUORUM_IS_RULEBOOK (self), NULL);
  return self->id;
}

/* Returns: the title in the current locale */
const char *
quorum_rulebook_get_title (QuorumRulebook *self)
{
  g_return_val_if_fail (QUORUM_IS_RULEBOOK (self), NULL);
  return self->title;
}

const char *
quorum_rulebook_get_source (QuorumRulebook *self)
{
  g_return_val_if_fail (QUORUM_IS_RULEBOOK (self), NULL);
  return self->source;
}

/* Returns: (nullable): the date of issue, or %NULL when not given */
const GDate *
quorum_rulebook_get_issued (QuorumRulebook *self)
{
  g_return_val_if_fail (QUORUM_IS_RULEBOOK (self), NULL);
  return g_date_valid (&self->issued) ? &self->issued : NULL;
}

int
quorum_rulebook_get_version (QuorumRulebook *self)
{
  g_return_val_if_fail (QUORUM_IS_RULEBOOK (self), 0);
  return self->version;
}

/**
 * quorum_rulebook_get_duties:
 * @self: a #QuorumRulebook
 *
 * Returns: (transfer none): a #GListModel of #QuorumDuty, in file order
 */
GListModel *
quorum_rulebook_get_duties (QuorumRulebook *self)
{
  g_return_val_if_fail (QUORUM_IS_RULEBOOK (self), NULL);
  return G_LIST_MODEL (self->duties);
}

/**
 * quorum_rulebook_lookup:
 * @self: a #QuorumRulebook
 * @id: a duty id
 *
 * Returns: (transfer none) (nullable): the duty with @id, or %NULL
 */
QuorumDuty *
quorum_rulebook_lookup (QuorumRulebook *self,
                        const char     *id)
{
  g_return_val_if_fail (QUORUM_IS_RULEBOOK (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
}

#define DUTY_GETTER(type, name, field) \
  type                                                  \
  quorum_duty_get_##name (QuorumDuty *self)             \
  {                                                     \
    g_return_val_if_fail (QUORUM_IS_DUTY (self), 0);    \
    return self->field;                                 \
  }

DUTY_GETTER (const char *, id, id)
DUTY_GETTER (int, article, article)
DUTY_GETTER (const char *, text, text)
DUTY_GETTER (const char *, title, title)
DUTY_GETTER (const char *, title_en, title_en)
DUTY_GETTER (const char *, kind, kind)
DUTY_GETTER (QuorumDutyScope, scope, scope)
DUTY_GETTER (const char *, group, group)
DUTY_GETTER (const char *, per_unit, per_unit)
DUTY_GETTER (QuorumPeriodKind, period, period)
DUTY_GETTER (int, window_start, window_start)
DUTY_GETTER (int, window_end, window_end)
DUTY_GETTER (QuorumMeasure, measure, measure)
DUTY_GETTER (int, min, min)
DUTY_GETTER (const char *, ratio_of, ratio_of)
DUTY_GETTER (const char *, record, record)
DUTY_GETTER (const char *, preferred, preferred)
DUTY_GETTER (gboolean, attendance, attendance)
DUTY_GETTER (gboolean, key_speaker, key_speaker)
DUTY_GETTER (gboolean, makeup, makeup)
DUTY_GETTER (const char *, note, note)

/* Returns: the maximum, or -1 when there is none */
int
quorum_duty_get_max (QuorumDuty *self)
{
  g_return_val_if_fail (QUORUM_IS_DUTY (self), -1);
  return self->max;
}

/* Returns: (nullable): the Monday fortnights count from, or %NULL */
const GDate *
quorum_duty_get_anchor (QuorumDuty *self)
{
  g_return_val_if_fail (QUORUM_IS_DUTY (self), NULL);
  return g_date_valid (&self->anchor) ? &self->anchor : NULL;
}
