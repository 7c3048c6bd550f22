/* quorum-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A believable demo office: the Qixia city government with its leaders,
 * departments, towns, Party branches and enterprises, a series for every
 * meeting the rulebook asks for, years of attendance, personal records and
 * leave. Everything comes from one small PRNG seeded by the caller, never
 * from g_random, so that a seed always gives the same data.
 *
 * How each duty of 栖政发〔2022〕5号 is represented:
 * - series (held occurrences count, attendance is recorded): theory-study,
 *   economic-analysis, indicator-weekly-dispatch, project-list,
 *   project-finalise, project-preparation, investment-map,
 *   investment-quarterly-bulletin, investment-promotion-meeting,
 *   deputies-forum, major-matter-progress, democratic-life-meeting,
 *   ideology-study, executive-law-study, minutes-signoff (the executive
 *   meeting, whose minutes carry their signing day); per leader:
 *   reception-day, frontline-office, investment-dispatch,
 *   provincial-indicator-dispatch, integrity-meeting (Party group members,
 *   with the departments in charge as participants);
 * - records: every other `Record=` duty, each record naming its duty;
 * - relations: enterprise-link, dept-head-enterprise-link, town-assignment;
 * - leave requests: leave-notice.
 */

#define G_LOG_DOMAIN "quorum-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "quorum-demo.h"
#include "quorum-rulebook.h"
#include "quorum-store-bulk.h"
#include "quorum-workdays.h"

G_DEFINE_QUARK (quorum-demo-error-quark, quorum_demo_error)

#define TZID "Asia/Shanghai"
/* Fortnights of the front-line office are counted from this Monday. */
#define FRONTLINE_ANCHOR_YEAR 2022
#define FRONTLINE_ANCHOR_MONTH 5
#define FRONTLINE_ANCHOR_DAY 2

typedef enum
{
  ROLE_MAYOR,
  ROLE_EXECUTIVE,
  ROLE_VICE,
  ROLE_SECRETARY_GENERAL,
  ROLE_DEPUTY_SECRETARY,
  ROLE_HEAD,
  ROLE_TOWN_HEAD,
  ROLE_STAFF,
} Role;

typedef struct
{
  gint64   id;
  Role     role;
  char    *name;
  gboolean party;
  gboolean party_group;
  GDate    from;
  GDate    until;            /* invalid while in office */
  gint64   unit;             /* department or town headed, or served */
  gint64   branch;
  gint64   town;             /* 包保 */
  GArray  *departments;      /* in charge (分管), unit ids */
  GArray  *enterprises;      /* linked (联系), unit ids */
  gint64   integrity_series;
  int      research_target;
  double   unannounced_share;
} Person;

typedef struct
{
  gint64 person_id;
  GDate  start;
  GDate  end;
  char  *reason;
} Leave;

typedef struct
{
  QuorumStore        *store;
  QuorumRulebook     *rulebook;
  QuorumWorkdays     *workdays;
  GTimeZone          *tz;
  GDateTime          *now;
  guint64             rng;
  GDate               today;
  GDate               start;
  GDate               reshuffle;      /* portfolio change, or invalid */
  GDate               departure;      /* a vice mayor leaves, or invalid */
  QuorumDemoProgress  progress;
  gpointer            user_data;

  gint64              government;
  gint64              leadership;
  gint64              party_group;
  gint64              executive;
  gint64              office_branch;
  GArray             *departments;
  GPtrArray          *department_names;
  GArray             *economic;       /* economic department ids */
  GArray             *towns;
  GPtrArray          *town_names;
  GArray             *enterprises;
  GPtrArray          *people;         /* Person */
  GHashTable         *names;
  GArray             *leaves;         /* Leave */
  GHashTable         *leaves_by_person; /* person id → GArray of indices into leaves */
  gint64              missed_owner;   /* skips a reception day two months ago */
  Person             *gives;          /* in the reshuffle, hands over ... */
  Person             *takes;          /* ... to this leader ... */
  gint64              handed_over;    /* ... this department */
  GHashTable         *makeup_duty_series;
  GHashTable         *key_speaker_series;
  GArray             *minutes_series;
  guint               n_series;
  guint               daily_sessions;
} Demo;

/* Data ---------------------------------------------------------------------- */

/* Common surnames, weighted towards those of the Jiaodong peninsula. */
static const char * const surnames[] = {
  "王", "王", "王", "张", "张", "李", "李", "刘", "刘", "孙", "孙", "杨", "赵", "于", "于",
  "高", "林", "林", "姜", "姜", "曲", "宋", "徐", "衣", "初", "牟", "牟", "郝", "吕", "董",
  "陈", "周", "吴", "郭", "马", "唐", "丛", "邹", "鞠", "柳", "隋", "迟", "战", "臧", "栾",
};

static const char * const given_chars[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明",
  "超", "秀", "霞", "平", "刚", "华", "志", "红", "文", "海", "峰", "鹏", "辉", "玉", "斌",
  "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "龙", "林", "欣", "晶", "雪", "琳", "丹",
  "波", "鑫", "亮", "成", "东", "新", "春", "立", "永", "庆", "德", "国", "学", "振", "兴",
  "良", "忠", "建", "晓", "卫", "红", "利", "胜", "金", "万", "军", "光", "连", "树",
};

static const char * const department_names[] = {
  "市发展和改革局", "市财政局", "市教育和体育局", "市公安局", "市民政局",
  "市自然资源和规划局", "市住房和城乡建设局", "市交通运输局", "市农业农村局", "市商务局",
  "市文化和旅游局", "市卫生健康局", "市应急管理局", "市审计局", "市市场监督管理局",
  "市统计局", "市医疗保障局", "市行政审批服务局", "市工业和信息化局", "烟台市生态环境局栖霞分局",
  "市人力资源和社会保障局", "市司法局", "市水利局", "市退役军人事务局",
};

/* Indices into department_names of the economic development departments
 * (经济发展服务部门). */
static const guint economic_departments[] = { 0, 1, 5, 6, 8, 9, 15, 17, 18 };

/* Qixia's three sub-districts and twelve towns. */
static const char * const town_names[] = {
  "翠屏街道", "庄园街道", "松山街道", "观里镇", "蛇窝泊镇", "唐家泊镇", "桃村镇", "亭口镇",
  "臧家庄镇", "寺口镇", "苏家店镇", "杨础镇", "西城镇", "官道镇", "庙后镇",
};

static const char * const enterprise_names[] = {
  "栖霞苹果集团有限公司", "栖霞市金岭矿业有限公司", "山东栖霞中桥果业有限公司",
  "栖霞市华盛果汁有限公司", "栖霞市鼎泰新材料有限公司", "烟台松山精密机械有限公司",
  "栖霞市恒达包装有限公司", "栖霞市龙山冷链物流有限公司", "山东桃村建材有限公司",
  "栖霞市瑞源热电有限公司", "栖霞市艾山旅游开发有限公司", "栖霞市亭口食品有限公司",
  "栖霞市宏泰生物科技有限公司", "栖霞市天润电子科技有限公司", "栖霞市金果农业发展有限公司",
  "栖霞市众诚汽车零部件有限公司", "栖霞市明远纺织有限公司", "栖霞市绿源农业科技有限公司",
  "栖霞市泰丰矿山机械有限公司", "栖霞市润禾有机肥有限公司", "栖霞市新宇环保科技有限公司",
  "栖霞市庄园葡萄酒有限公司", "栖霞市汇通建设集团有限公司", "栖霞市长春湖生态农业有限公司",
  "栖霞市方正医药有限公司", "栖霞市凯盛光伏科技有限公司", "栖霞市德润果蔬冷藏有限公司",
  "栖霞市唐家泊石材有限公司", "栖霞市苏家店果业有限公司", "栖霞市杨础智能装备有限公司",
  "栖霞市寺口果品包装有限公司", "栖霞市观里农产品电商有限公司",
};

static const char * const villages[] = {
  "东庄村", "西林村", "北沟村", "南寨村", "大柳家村", "小庄村", "后寨村", "前河村",
  "杨家庄村", "山后村", "石门村", "营盘村",
};

static const char * const destinations[] = {
  "济南", "北京", "青岛", "上海", "威海", "潍坊", "大连", "杭州",
};

static const char * const leave_reasons[] = {
  "事假（探望生病的父母）", "病假（术后复查）", "事假（陪同家属就医）", "年休假",
  "事假（处理家庭事务）", "事假（子女升学报到）",
};

static const char * const emergency_reasons[] = {
  "家中老人突发疾病住院", "家属突发急病需陪同手术", "亲属病危",
};

static const char * const business_reasons[] = {
  "出差：赴省发展改革委对接项目", "参加上级会议：烟台市政府专题会议", "出差：赴济南争取政策资金",
  "参加上级会议：全省视频会议", "出差：带队赴外地招商",
};

static const char * const other_reasons[] = {
  "处置突发事件（森林防火）", "接待上级督导组", "陪同上级领导调研",
};

static const char * const not_held_reasons[] = {
  "与烟台市视频会议时间冲突，未召开", "防汛紧急调度，会议未召开", "主要领导外出，会议未召开",
};

/* Utilities ----------------------------------------------------------------- */

/* xorshift64*: tiny, fast and the same on every platform. */
static guint64
rng_next (Demo *d)
{
  d->rng ^= d->rng >> 12;
  d->rng ^= d->rng << 25;
  d->rng ^= d->rng >> 27;
  return d->rng * G_GUINT64_CONSTANT (2685821657736338717);
}

static guint
rng_below (Demo  *d,
           guint  n)
{
  return n == 0 ? 0 : (guint)(rng_next (d) % n);
}

static double
rng_unit (Demo *d)
{
  return (rng_next (d) >> 11) * (1.0 / 9007199254740992.0);
}

static int
rng_range (Demo *d,
           int   lo,
           int   hi)
{
  return lo + (int)rng_below (d, (guint)(hi - lo + 1));
}

#define PICK(d, array) ((array)[rng_below ((d), G_N_ELEMENTS (array))])

static void
progress (Demo       *d,
          double      fraction,
          const char *message)
{
  if (d->progress != NULL)
    d->progress (fraction, message, d->user_data);
}

static void
person_free (Person *p)
{
  g_free (p->name);
  g_clear_pointer (&p->departments, g_array_unref);
  g_clear_pointer (&p->enterprises, g_array_unref);
  g_free (p);
}

static void
leave_clear (Leave *leave)
{
  g_free (leave->reason);
}

static void
set_date (GDate *date,
          int    year,
          int    month,
          int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
}

static gboolean
in_office (const Person *p,
           const GDate  *date)
{
  return g_date_compare (date, &p->from) >= 0 &&
         (!g_date_valid (&p->until) || g_date_compare (date, &p->until) <= 0);
}

static gboolean
is_leader (const Person *p)
{
  return p->role == ROLE_MAYOR || p->role == ROLE_EXECUTIVE || p->role == ROLE_VICE;
}

static const char *
town_name_of (Demo   *d,
              gint64  town)
{
  for (guint i = 0; i < d->towns->len; i++)
    if (g_array_index (d->towns, gint64, i) == town)
      return g_ptr_array_index (d->town_names, i);
  return NULL;
}

static GDateTime *
date_time (Demo        *d,
           const GDate *date,
           int          hour,
           int          minute)
{
  return g_date_time_new (d->tz, g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date), hour, minute, 0);
}

static void
date_from_unix (Demo   *d,
                gint64  unix_time,
                GDate  *out)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, d->tz);

  set_date (out, g_date_time_get_year (local), g_date_time_get_month (local),
            g_date_time_get_day_of_month (local));
}

/* A working day in [from, to], or an invalid date when there is none. */
static void
random_workday (Demo        *d,
                const GDate *from,
                const GDate *to,
                GDate       *out)
{
  int span = (int)g_date_days_between (from, to);

  g_date_clear (out, 1);
  if (span < 0)
    return;
  for (int tries = 0; tries < 12; tries++)
    {
      *out = *from;
      g_date_add_days (out, (guint)rng_below (d, (guint)span + 1));
      if (quorum_workdays_is_workday (d->workdays, out))
        return;
    }
  quorum_workdays_next_workday (d->workdays, from, out, NULL);
  if (g_date_compare (out, to) > 0)
    g_date_clear (out, 1);
}

static char *
unique_name (Demo *d)
{
  for (;;)
    {
      const char *surname = PICK (d, surnames);
      g_autofree char *name = NULL;

      if (rng_below (d, 10) < 3)
        name = g_strconcat (surname, PICK (d, given_chars), NULL);
      else
        name = g_strconcat (surname, PICK (d, given_chars), PICK (d, given_chars), NULL);
      if (!g_hash_table_contains (d->names, name))
        {
          g_hash_table_add (d->names, g_strdup (name));
          return g_steal_pointer (&name);
        }
    }
}

/* Building blocks ----------------------------------------------------------- */

static gint64
add_unit (Demo        *d,
          const char  *name,
          const char  *kind,
          gint64       parent,
          int          rank,
          GError     **error)
{
  g_autoptr(QuorumUnit) unit = quorum_unit_new (name, kind);

  quorum_unit_set_parent_id (unit, parent);
  quorum_unit_set_rank (unit, rank);
  return quorum_store_add_unit (d->store, unit, error);
}

static gboolean
relate (Demo        *d,
        Person      *p,
        gint64       unit,
        const char  *kind,
        const GDate *from,
        const GDate *until,
        GError     **error)
{
  GDate start = *(from != NULL ? from : &p->from);
  const GDate *end = until != NULL ? until : (g_date_valid (&p->until) ? &p->until : NULL);

  return quorum_store_add_relation (d->store, p->id, unit, kind, &start,
                                    end != NULL ? (GDate *)end : NULL, error) != 0;
}

static Person *
add_person (Demo        *d,
            Role         role,
            const char  *title,
            int          rank,
            gboolean     party,
            GError     **error)
{
  g_autoptr(QuorumPerson) person = NULL;
  Person *p = g_new0 (Person, 1);

  p->role = role;
  p->name = unique_name (d);
  p->party = party;
  p->from = d->start;
  g_date_clear (&p->until, 1);
  p->departments = g_array_new (FALSE, FALSE, sizeof (gint64));
  p->enterprises = g_array_new (FALSE, FALSE, sizeof (gint64));
  p->research_target = rng_range (d, 62, 80);
  p->unannounced_share = 0.52 + rng_unit (d) * 0.1;
  g_ptr_array_add (d->people, p);

  person = quorum_person_new (p->name, title, rank);
  quorum_person_set_party_member (person, party);
  p->id = quorum_store_add_person (d->store, person, error);
  return p->id != 0 ? p : NULL;
}

static void
take_enterprises (Demo   *d,
                  Person *p,
                  guint   n)
{
  guint offset = rng_below (d, d->enterprises->len);

  for (guint i = 0; i < n && i < d->enterprises->len; i++)
    {
      gint64 id = g_array_index (d->enterprises, gint64,
                                 (offset + i * 7) % d->enterprises->len);
      g_array_append_val (p->enterprises, id);
    }
}

/* The ties every leader of the government has, from p->from. */
static gboolean
relate_leader (Demo    *d,
               Person  *p,
               GError **error)
{
  if (!relate (d, p, d->government, "member", NULL, NULL, error) ||
      !relate (d, p, d->leadership, "member", NULL, NULL, error) ||
      !relate (d, p, d->executive, "member", NULL, NULL, error) ||
      (p->party_group && !relate (d, p, d->party_group, "member", NULL, NULL, error)) ||
      (p->party && !relate (d, p, d->office_branch, "member", NULL, NULL, error)) ||
      !relate (d, p, p->town, "assigned-town", NULL, NULL, error))
    return FALSE;
  for (guint i = 0; i < p->enterprises->len; i++)
    if (!relate (d, p, g_array_index (p->enterprises, gint64, i), "linked-enterprise",
                 NULL, NULL, error))
      return FALSE;
  return TRUE;
}

/* People, units, relations --------------------------------------------------- */

static gboolean
build_office (Demo    *d,
              guint    n_people,
              GError **error)
{
  guint n_vice = CLAMP (n_people / 8, 2, 12);
  guint n_deputies = CLAMP (n_people / 16, 1, 4);
  guint left = n_people - 2 - n_vice - 1 - n_deputies;
  guint n_heads = MIN (CLAMP (left * 3 / 4, 3, G_N_ELEMENTS (department_names)), left);
  guint n_towns = G_N_ELEMENTS (town_names);
  guint n_town_heads;
  guint n_departments = MAX (n_heads, MIN (G_N_ELEMENTS (department_names), 6));
  g_autoptr(GPtrArray) leaders = g_ptr_array_new ();
  Person *p;
  int rank = 1;

  left -= n_heads;
  n_town_heads = MIN (left, n_towns);
  left -= n_town_heads;

  if (!(d->government = add_unit (d, "栖霞市人民政府", "government", 0, 0, error)) ||
      !(d->leadership = add_unit (d, "市政府领导班子", "leadership-group", d->government, 1,
                                  error)) ||
      !(d->party_group = add_unit (d, "市政府党组", "party-group", d->government, 2, error)) ||
      !(d->executive = add_unit (d, "市政府常务会议", "executive-meeting", d->government, 3,
                                 error)) ||
      !(d->office_branch = add_unit (d, "市政府办公室第一党支部", "branch", d->government, 4,
                                     error)))
    return FALSE;

  for (guint i = 0; i < n_departments; i++)
    {
      gint64 id = add_unit (d, department_names[i], "department", d->government, 10 + (int)i,
                            error);

      if (id == 0)
        return FALSE;
      g_array_append_val (d->departments, id);
      g_ptr_array_add (d->department_names, (gpointer)department_names[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (economic_departments); i++)
    if (economic_departments[i] < n_departments)
      g_array_append_val (d->economic, g_array_index (d->departments, gint64,
                                                      economic_departments[i]));
  for (guint i = 0; i < n_towns; i++)
    {
      gint64 id = add_unit (d, town_names[i], "town", d->government, 100 + (int)i, error);

      if (id == 0)
        return FALSE;
      g_array_append_val (d->towns, id);
      g_ptr_array_add (d->town_names, (gpointer)town_names[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (enterprise_names); i++)
    {
      gint64 id = add_unit (d, enterprise_names[i], "enterprise", 0, 200 + (int)i, error);

      if (id == 0)
        return FALSE;
      g_array_append_val (d->enterprises, id);
    }

  /* The leadership: mayor, executive vice mayor, vice mayors. The third vice
   * mayor is not a Party member (党外副市长) and so not in the Party group. */
  if (!(p = add_person (d, ROLE_MAYOR, "市长、市政府党组书记", rank++, TRUE, error)))
    return FALSE;
  g_ptr_array_add (leaders, p);
  if (!(p = add_person (d, ROLE_EXECUTIVE, "常务副市长、市政府党组副书记", rank++, TRUE, error)))
    return FALSE;
  g_ptr_array_add (leaders, p);
  for (guint i = 0; i < n_vice; i++)
    {
      gboolean party = i != 2;
      const char *title = i < 6 ? (party ? "副市长、市政府党组成员" : "副市长")
                                : "市长助理";

      if (!(p = add_person (d, ROLE_VICE, title, rank++, party, error)))
        return FALSE;
      g_ptr_array_add (leaders, p);
    }

  /* Portfolios (分管): departments dealt round, the mayor keeps audit. */
  for (guint i = 0; i < d->departments->len; i++)
    {
      guint who = d->departments->len > leaders->len
                  ? 1 + i % (leaders->len - 1) : i % leaders->len;
      Person *leader = g_ptr_array_index (leaders, who);

      if (g_strcmp0 (g_ptr_array_index (d->department_names, i), "市审计局") == 0)
        leader = g_ptr_array_index (leaders, 0);
      g_array_append_val (leader->departments, g_array_index (d->departments, gint64, i));
    }
  for (guint i = 0; i < leaders->len; i++)
    {
      p = g_ptr_array_index (leaders, i);
      p->party_group = p->party;
      p->town = g_array_index (d->towns, gint64, i % d->towns->len);
      take_enterprises (d, p, (guint)rng_range (d, 2, 4));
    }
  /* Someone always falls short of the research quota (全年不少于2个月). */
  p = g_ptr_array_index (leaders, leaders->len - 2);
  p->research_target = 46;
  p->unannounced_share = 0.42;

  if (!(p = add_person (d, ROLE_SECRETARY_GENERAL, "市政府秘书长、市政府党组成员", rank++, TRUE,
                        error)))
    return FALSE;
  p->party_group = TRUE;
  if (!relate (d, p, d->government, "member", NULL, NULL, error) ||
      !relate (d, p, d->executive, "member", NULL, NULL, error) ||
      !relate (d, p, d->party_group, "member", NULL, NULL, error) ||
      !relate (d, p, d->office_branch, "member", NULL, NULL, error))
    return FALSE;
  for (guint i = 0; i < n_deputies; i++)
    {
      if (!(p = add_person (d, ROLE_DEPUTY_SECRETARY, "市政府副秘书长", rank++, TRUE, error)) ||
          !relate (d, p, d->executive, "member", NULL, NULL, error) ||
          !relate (d, p, d->office_branch, "member", NULL, NULL, error))
        return FALSE;
    }

  for (guint i = 0; i < n_heads; i++)
    {
      const char *dept = g_ptr_array_index (d->department_names, i);
      g_autofree char *title = g_strdup_printf ("%s局长", dept);
      g_autofree char *branch_name = g_strdup_printf ("%s机关党支部", dept);
      gint64 branch;

      if (!(branch = add_unit (d, branch_name, "branch", g_array_index (d->departments, gint64, i),
                               50 + (int)i, error)) ||
          !(p = add_person (d, ROLE_HEAD, title, 100 + (int)i, TRUE, error)))
        return FALSE;
      p->unit = g_array_index (d->departments, gint64, i);
      p->branch = branch;
      take_enterprises (d, p, 2);
      if (!relate (d, p, d->government, "member", NULL, NULL, error) ||
          !relate (d, p, p->unit, "head", NULL, NULL, error) ||
          !relate (d, p, branch, "member", NULL, NULL, error))
        return FALSE;
      for (guint e = 0; e < p->enterprises->len; e++)
        if (!relate (d, p, g_array_index (p->enterprises, gint64, e), "linked-enterprise",
                     NULL, NULL, error))
          return FALSE;
    }

  for (guint i = 0; i < n_town_heads; i++)
    {
      const char *town = g_ptr_array_index (d->town_names, i);
      g_autofree char *title = g_strdup_printf (g_str_has_suffix (town, "街道") ? "%s党工委书记"
                                                                                : "%s党委书记",
                                                town);

      if (!(p = add_person (d, ROLE_TOWN_HEAD, title, 300 + (int)i, TRUE, error)))
        return FALSE;
      p->unit = g_array_index (d->towns, gint64, i);
      if (!relate (d, p, p->unit, "head", NULL, NULL, error))
        return FALSE;
    }

  for (guint i = 0; i < left; i++)
    {
      guint dept = i % MAX (n_heads, 1);
      const char *dept_name = g_ptr_array_index (d->department_names, dept);
      g_autofree char *title = g_strdup_printf ("%s科员", dept_name);
      gboolean party = rng_below (d, 10) < 7;

      if (!(p = add_person (d, ROLE_STAFF, title, 500 + (int)i, party, error)))
        return FALSE;
      p->unit = g_array_index (d->departments, gint64, dept);
      if (!relate (d, p, p->unit, "member", NULL, NULL, error))
        return FALSE;
    }

  /* The leaders' ties come last: the history below needs them all. */
  for (guint i = 0; i < leaders->len; i++)
    {
      p = g_ptr_array_index (leaders, i);
      if (!relate_leader (d, p, error))
        return FALSE;
    }

  return TRUE;
}

/* Ends @p's open in-charge relation to @unit on @last. */
static gboolean
end_in_charge (Demo         *d,
               const Person *p,
               gint64        unit,
               const GDate  *last,
               GError      **error)
{
  g_autoptr(GPtrArray) relations = quorum_store_list_relations_at (d->store, p->id, unit,
                                                                   (GDate *)last, error);

  if (relations == NULL)
    return FALSE;
  for (guint i = 0; i < relations->len; i++)
    {
      QuorumRelation *r = g_ptr_array_index (relations, i);

      if (g_str_equal (r->kind, "in-charge") &&
          !quorum_store_end_relation (d->store, r->id, (GDate *)last, error))
        return FALSE;
    }
  return TRUE;
}

/* History: portfolios as they were at the start, a reshuffle one May (two
 * leaders swap a department), and a vice mayor who leaves one July and a
 * successor who takes over his posts. */
static gboolean
make_history (Demo    *d,
              GError **error)
{
  g_autoptr(GPtrArray) leaders = g_ptr_array_new ();
  GDate earliest, latest;
  Person *leaving = NULL;

  for (guint i = 0; i < d->people->len; i++)
    if (is_leader (g_ptr_array_index (d->people, i)))
      g_ptr_array_add (leaders, g_ptr_array_index (d->people, i));

  earliest = d->start;
  g_date_add_days (&earliest, 90);
  latest = d->today;
  g_date_subtract_days (&latest, 45);

  g_date_clear (&d->reshuffle, 1);
  g_date_clear (&d->departure, 1);
  for (int y = g_date_get_year (&d->today); y >= g_date_get_year (&d->start); y--)
    {
      GDate may, july;

      set_date (&may, y, 5, 1);
      set_date (&july, y, 7, 15);
      if (!g_date_valid (&d->reshuffle) && g_date_compare (&may, &earliest) >= 0 &&
          g_date_compare (&may, &latest) <= 0)
        d->reshuffle = may;
      if (!g_date_valid (&d->departure) && g_date_compare (&july, &earliest) >= 0 &&
          g_date_compare (&july, &latest) <= 0)
        d->departure = july;
    }

  if (g_date_valid (&d->departure))
    leaving = g_ptr_array_index (leaders, leaders->len - 1);

  for (guint i = 0; i < leaders->len; i++)
    {
      Person *p = g_ptr_array_index (leaders, i);
      GDate last = d->departure;

      if (p == leaving)
        g_date_subtract_days (&last, 1);
      for (guint k = 0; k < p->departments->len; k++)
        if (!relate (d, p, g_array_index (p->departments, gint64, k), "in-charge", NULL,
                     p == leaving ? &last : NULL, error))
          return FALSE;
    }

  if (g_date_valid (&d->reshuffle) && leaders->len >= 3)
    {
      Person *a = g_ptr_array_index (leaders, 1);
      Person *b = g_ptr_array_index (leaders, 2);
      GDate last = d->reshuffle;

      if (a->departments->len > 1)
        {
          gint64 moved = g_array_index (a->departments, gint64, a->departments->len - 1);

          g_date_subtract_days (&last, 1);
          if (!end_in_charge (d, a, moved, &last, error) ||
              !relate (d, b, moved, "in-charge", &d->reshuffle, NULL, error))
            return FALSE;
          /* The series are made with the first portfolios, then split. */
          d->gives = a;
          d->takes = b;
          d->handed_over = moved;
        }
    }

  if (leaving != NULL)
    {
      g_autoptr(QuorumPerson) person = NULL;
      g_autoptr(GPtrArray) ties = NULL;
      GDate last = d->departure;
      Person *successor;

      g_date_subtract_days (&last, 1);
      /* Ties that were given an open end are closed on the last day. */
      if (!(ties = quorum_store_list_relations_at (d->store, leaving->id, 0, &last, error)))
        return FALSE;
      for (guint i = 0; i < ties->len; i++)
        {
          QuorumRelation *r = g_ptr_array_index (ties, i);

          if (r->end == NULL && !quorum_store_end_relation (d->store, r->id, &last, error))
            return FALSE;
        }
      leaving->until = last;
      if (!quorum_store_retire_person (d->store, leaving->id, &d->departure, error))
        return FALSE;

      if (!(person = quorum_store_get_person (d->store, leaving->id, error)))
        return FALSE;
      if (!(successor = add_person (d, ROLE_VICE, quorum_person_get_title (person),
                                    quorum_person_get_rank (person), leaving->party, error)))
        return FALSE;
      successor->party_group = leaving->party_group;
      successor->from = d->departure;
      g_date_add_days (&successor->from, 5);
      successor->town = leaving->town;
      g_array_append_vals (successor->enterprises, leaving->enterprises->data,
                           leaving->enterprises->len);
      g_array_append_vals (successor->departments, leaving->departments->data,
                           leaving->departments->len);
      if (!relate_leader (d, successor, error))
        return FALSE;
      for (guint k = 0; k < successor->departments->len; k++)
        if (!relate (d, successor, g_array_index (successor->departments, gint64, k),
                     "in-charge", NULL, NULL, error))
          return FALSE;
    }

  return TRUE;
}

/* Series ----------------------------------------------------------------- */

typedef enum
{
  WHO_PARTY_GROUP = 1 << 0,
  WHO_LEADERSHIP  = 1 << 1,
  WHO_EXECUTIVE   = 1 << 2,
  WHO_ECONOMIC    = 1 << 3,
} Who;

typedef struct
{
  const char *duty;
  const char *title;
  int         months;   /* 0: weekly on @day (1 = Monday); else months apart */
  int         first_month; /* for yearly-ish rules: the months, as a bit mask */
  int         day;
  int         hour;
  int         minute;
  int         duration;
  const char *location;
  Who         who;
  const char *policy;
} BodySpec;

#define M(m) (1 << ((m) - 1))

static const BodySpec body_series[] = {
  { "theory-study", "市政府党组理论学习中心组学习研讨", 1, 0, 15, 9, 0, 180,
    "市政府第一会议室", WHO_PARTY_GROUP, "next-workday" },
  { "minutes-signoff", "市政府常务会议", -2, 0, 2, 15, 0, 150,
    "市政府常务会议室", WHO_EXECUTIVE, "next-workday" },
  { "executive-law-study", "市政府常务会议（集体学法）", 12, M (3) | M (9), 12, 15, 0, 90,
    "市政府常务会议室", WHO_EXECUTIVE, "next-workday" },
  { "economic-analysis", "全市经济运行分析研判会", 1, 0, 20, 15, 0, 120,
    "市政府第二会议室", WHO_LEADERSHIP | WHO_ECONOMIC, "next-workday" },
  { "indicator-weekly-dispatch", "重要经济指标周调度会", -1, 0, 1, 8, 30, 60,
    "市发展和改革局会议室", WHO_ECONOMIC, "skip" },
  { "deputies-forum", "人大代表、政协委员座谈交流会", 3, M (2), 18, 9, 30, 120,
    "市民服务中心三楼会议室", WHO_LEADERSHIP, "next-workday" },
  { "investment-promotion-meeting", "全市招商工作调度推进会议", 3, M (3), 10, 9, 0, 120,
    "市政府第一会议室", WHO_LEADERSHIP | WHO_ECONOMIC, "next-workday" },
  { "investment-quarterly-bulletin", "重点招商项目季度通报会", 3, M (3), 27, 15, 0, 90,
    "市政府第二会议室", WHO_LEADERSHIP, "previous-workday" },
  { "major-matter-progress", "市政府重大事项进展情况汇报会", 3, M (1), 22, 9, 0, 120,
    "市政府第一会议室", WHO_LEADERSHIP, "next-workday" },
  { "democratic-life-meeting", "市政府党组民主生活会", 12, M (12), 26, 9, 0, 240,
    "市政府第一会议室", WHO_PARTY_GROUP, "next-workday" },
  { "ideology-study", "市政府党组专题研究意识形态工作", 6, M (6), 10, 9, 0, 90,
    "市政府第一会议室", WHO_PARTY_GROUP, "next-workday" },
  { "project-list", "重点项目“拉单子”专题会议", 12, M (9), 8, 9, 0, 120,
    "市政府第二会议室", WHO_LEADERSHIP | WHO_ECONOMIC, "next-workday" },
  { "project-finalise", "重点项目“定盘子”专题会议", 12, M (10), 20, 9, 0, 120,
    "市政府第二会议室", WHO_LEADERSHIP | WHO_ECONOMIC, "next-workday" },
  { "project-preparation", "重点项目“攻前期”调度会议", 12, M (11) | M (12), 16, 15, 0, 90,
    "市政府第二会议室", WHO_LEADERSHIP | WHO_ECONOMIC, "next-workday" },
  { "investment-map", "重点招商地图和产业图谱调整专题会议", 12, M (2), 25, 9, 0, 120,
    "市商务局会议室", WHO_LEADERSHIP | WHO_ECONOMIC, "next-workday" },
};

static const char * const byday[] = { "", "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

static gint64
add_series (Demo         *d,
            const char   *duty_id,
            const char   *title,
            const char   *rrule,
            const GDate  *first,
            int           hour,
            int           minute,
            int           duration,
            const char   *location,
            const char   *policy,
            const Person *owner,
            GArray       *units,
            GArray       *people,
            GError      **error)
{
  g_autoptr(GDateTime) dtstart = date_time (d, first, hour, minute);
  g_autoptr(QuorumSeries) series = quorum_series_new (title, dtstart);
  QuorumDuty *duty = duty_id != NULL ? quorum_rulebook_lookup (d->rulebook, duty_id) : NULL;
  gint64 id;

  quorum_series_set_duty_id (series, duty_id);
  quorum_series_set_kind (series, duty != NULL ? quorum_duty_get_kind (duty) : NULL);
  quorum_series_set_rrule (series, rrule);
  quorum_series_set_duration_minutes (series, duration);
  quorum_series_set_tzid (series, TZID);
  quorum_series_set_location (series, location);
  quorum_series_set_holiday_policy (series, policy);
  quorum_series_set_reminder_minutes (series, 60);
  if (owner != NULL)
    quorum_series_set_owner_id (series, owner->id);
  for (guint i = 0; units != NULL && i < units->len; i++)
    quorum_series_add_participant_unit (series, g_array_index (units, gint64, i));
  for (guint i = 0; people != NULL && i < people->len; i++)
    quorum_series_add_participant_person (series, g_array_index (people, gint64, i));

  if ((id = quorum_store_add_series (d->store, series, error)) != 0)
    d->n_series++;
  return id;
}

/* The first day on or after @from that is day @day of a month in @mask. */
static void
first_month_day (const GDate *from,
                 int          mask,
                 int          day,
                 GDate       *out)
{
  *out = *from;
  for (int i = 0; i < 800; i++)
    {
      if ((mask & M (g_date_get_month (out))) && (int)g_date_get_day (out) == day)
        return;
      g_date_add_days (out, 1);
    }
}

/* RRULE and first day of a rule repeating every @months months on @day,
 * from @from (months < 0: every -@months weeks on weekday @day). */
static char *
month_rule (const GDate *from,
            int          months,
            int          mask,
            int          day,
            const GDate *until,
            GDate       *out_first)
{
  GString *rule = g_string_new (NULL);

  if (months < 0)
    {
      *out_first = *from;
      while ((int)g_date_get_weekday (out_first) != day)
        g_date_add_days (out_first, 1);
      g_string_append (rule, "FREQ=WEEKLY");
      if (months < -1)
        g_string_append_printf (rule, ";INTERVAL=%d", -months);
      g_string_append_printf (rule, ";BYDAY=%s", byday[day]);
    }
  else if (months == 12)
    {
      first_month_day (from, mask, day, out_first);
      g_string_append (rule, "FREQ=YEARLY;BYMONTH=");
      for (int m = 1, n = 0; m <= 12; m++)
        if (mask & M (m))
          g_string_append_printf (rule, n++ ? ",%d" : "%d", m);
      g_string_append_printf (rule, ";BYMONTHDAY=%d", day);
    }
  else
    {
      int base = 1;
      int all = 0;

      /* Every @months months, counted from the first month in @mask. */
      while (mask != 0 && !(mask & M (base)))
        base++;
      for (int m = base; m <= 12; m += months)
        all |= M (m);
      for (int m = base - months; m >= 1; m -= months)
        all |= M (m);
      first_month_day (from, all, day, out_first);
      g_string_append (rule, "FREQ=MONTHLY");
      if (months > 1)
        g_string_append_printf (rule, ";INTERVAL=%d", months);
      g_string_append_printf (rule, ";BYMONTHDAY=%d", day);
    }

  if (until != NULL && g_date_valid (until))
    g_string_append_printf (rule, ";UNTIL=%04d%02d%02d", g_date_get_year (until),
                            g_date_get_month (until), g_date_get_day (until));

  return g_string_free (rule, FALSE);
}

static GArray *
economic_heads (Demo *d)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < d->people->len; i++)
    {
      Person *p = g_ptr_array_index (d->people, i);

      if (p->role != ROLE_HEAD)
        continue;
      for (guint k = 0; k < d->economic->len; k++)
        if (g_array_index (d->economic, gint64, k) == p->unit)
          g_array_append_val (ids, p->id);
    }
  return ids;
}

static Person *
find_role (Demo *d,
           Role  role)
{
  for (guint i = 0; i < d->people->len; i++)
    {
      Person *p = g_ptr_array_index (d->people, i);

      if (p->role == role)
        return p;
    }
  return NULL;
}

static gboolean
add_body_series (Demo    *d,
                 GError **error)
{
  g_autoptr(GArray) heads = economic_heads (d);
  Person *executive = find_role (d, ROLE_EXECUTIVE);

  for (guint i = 0; i < G_N_ELEMENTS (body_series); i++)
    {
      const BodySpec *spec = &body_series[i];
      g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autofree char *rule = NULL;
      GDate first;
      gint64 id;
      int months = spec->months;
      int day = spec->day;

      if (spec->who & WHO_PARTY_GROUP)
        g_array_append_val (units, d->party_group);
      if (spec->who & WHO_LEADERSHIP)
        g_array_append_val (units, d->leadership);
      if (spec->who & WHO_EXECUTIVE)
        g_array_append_val (units, d->executive);
      if (spec->who & WHO_ECONOMIC)
        g_array_append_vals (people, heads->data, heads->len);
      if (spec->who == WHO_ECONOMIC && executive != NULL)
        g_array_append_val (people, executive->id);

      rule = month_rule (&d->start, months, spec->first_month, day, NULL, &first);
      if (!(id = add_series (d, spec->duty, spec->title, rule, &first, spec->hour, spec->minute,
                             spec->duration, spec->location, spec->policy, NULL, units, people,
                             error)))
        return FALSE;
      if (g_str_equal (spec->duty, "theory-study"))
        {
          g_hash_table_add (d->makeup_duty_series, GINT_TO_POINTER (id));
          g_hash_table_add (d->key_speaker_series, GINT_TO_POINTER (id));
        }
      if (g_str_equal (spec->duty, "minutes-signoff") ||
          g_str_equal (spec->duty, "executive-law-study"))
        g_array_append_val (d->minutes_series, id);
    }
  return TRUE;
}

static const char *
position_of (const Person *p)
{
  switch (p->role)
    {
    case ROLE_MAYOR:
      return "市长";
    case ROLE_EXECUTIVE:
      return "常务副市长";
    case ROLE_VICE:
    case ROLE_SECRETARY_GENERAL:
    case ROLE_DEPUTY_SECRETARY:
    case ROLE_HEAD:
    case ROLE_TOWN_HEAD:
    case ROLE_STAFF:
    default:
      return "副市长";
    }
}

static gboolean
add_leader_series (Demo    *d,
                   Person  *p,
                   guint    index,
                   GError **error)
{
  g_autofree char *title = NULL;
  g_autofree char *rule = NULL;
  g_autoptr(GArray) units = NULL;
  GDate first, anchor;
  const GDate *until = g_date_valid (&p->until) ? &p->until : NULL;
  int day = 5 + (int)(index * 3) % 22;
  gint64 id;

  /* 接访日: one day a month at the petition hall. */
  title = g_strdup_printf ("%s%s接访日", p->name, position_of (p));
  rule = month_rule (&p->from, 1, 0, day, until, &first);
  if (!add_series (d, "reception-day", title, rule, &first, 8, 30, 210,
                   "和为贵社会治理服务中心接访大厅", "next-workday", p, NULL, NULL, error))
    return FALSE;

  /* 一线办公: every other week, fortnights counted from the anchor. */
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&rule, g_free);
  set_date (&anchor, FRONTLINE_ANCHOR_YEAR, FRONTLINE_ANCHOR_MONTH, FRONTLINE_ANCHOR_DAY);
  g_date_add_days (&anchor, index % 5);
  first = anchor;
  while (g_date_compare (&first, &p->from) > 0)
    g_date_subtract_days (&first, 14);
  while (g_date_compare (&first, &p->from) < 0)
    g_date_add_days (&first, 14);
  title = g_strdup_printf ("%s%s一线办公", p->name, position_of (p));
  if (until != NULL)
    rule = g_strdup_printf ("FREQ=WEEKLY;INTERVAL=2;BYDAY=%s;UNTIL=%04d%02d%02d",
                            byday[g_date_get_weekday (&first)], g_date_get_year (until),
                            g_date_get_month (until), g_date_get_day (until));
  else
    rule = g_strdup_printf ("FREQ=WEEKLY;INTERVAL=2;BYDAY=%s", byday[g_date_get_weekday (&first)]);
  if (!add_series (d, "frontline-office", title, rule, &first, 14, 30, 180,
                   town_name_of (d, p->town), "next-workday", p, NULL, NULL, error))
    return FALSE;

  /* 调度分管领域重点招商项目 and 调度省考核指标: monthly. */
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&rule, g_free);
  title = g_strdup_printf ("%s%s调度分管领域重点招商项目", p->name, position_of (p));
  rule = month_rule (&p->from, 1, 0, 8 + (int)index % 6, until, &first);
  if (!add_series (d, "investment-dispatch", title, rule, &first, 16, 0, 60,
                   "市政府第三会议室", "next-workday", p, NULL, NULL, error))
    return FALSE;

  g_clear_pointer (&title, g_free);
  g_clear_pointer (&rule, g_free);
  title = g_strdup_printf ("%s%s调度省考核指标完成情况", p->name, position_of (p));
  rule = month_rule (&p->from, 1, 0, 24 + (int)index % 4, until, &first);
  if (!add_series (d, "provincial-indicator-dispatch", title, rule, &first, 16, 0, 60,
                   "市政府第三会议室", "previous-workday", p, NULL, NULL, error))
    return FALSE;

  /* 分管部门党风廉政建设专题会议: Party group members, every quarter. */
  if (!p->party_group || p->departments->len == 0)
    return TRUE;
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&rule, g_free);
  title = g_strdup_printf ("%s%s分管部门党风廉政建设和作风建设专题会议", p->name,
                           position_of (p));
  rule = month_rule (&p->from, 3, M (3), 12 + (int)index % 10, until, &first);
  units = g_array_copy (p->departments);
  if (!(id = add_series (d, "integrity-meeting", title, rule, &first, 15, 0, 90,
                         "市政府第三会议室", "next-workday", p, units, NULL, error)))
    return FALSE;
  p->integrity_series = id;
  return TRUE;
}

/* Splits the integrity meetings of the leaders whose portfolio changed in
 * the reshuffle, so that the departments expected follow the change. */
static gboolean
split_for_reshuffle (Demo    *d,
                     GError **error)
{
  if (!g_date_valid (&d->reshuffle))
    return TRUE;

  for (guint i = 0; i < d->people->len; i++)
    {
      Person *p = g_ptr_array_index (d->people, i);
      g_autoptr(GPtrArray) ties = NULL;
      g_autoptr(QuorumSeries) old = NULL;
      g_autoptr(QuorumSeries) changes = NULL;
      g_autoptr(GListModel) occurrences = NULL;
      g_autoptr(QuorumOccurrence) first = NULL;
      g_autoptr(GDateTime) from = NULL;
      g_autoptr(GDateTime) to = NULL;
      QuorumOccurrenceFilter filter = { 0 };
      GDate before = d->reshuffle;
      guint n_after = 0, n_before = 0;
      gint64 id;

      if (p->integrity_series == 0)
        continue;
      g_date_subtract_days (&before, 1);
      if (!(ties = quorum_store_list_relations_at (d->store, p->id, 0, &d->reshuffle, error)))
        return FALSE;
      old = quorum_store_get_series (d->store, p->integrity_series, error);
      if (old == NULL)
        return FALSE;
      changes = quorum_series_copy (old);
      quorum_series_clear_participants (changes);
      for (guint k = 0; k < ties->len; k++)
        {
          QuorumRelation *r = g_ptr_array_index (ties, k);

          if (g_str_equal (r->kind, "in-charge"))
            {
              quorum_series_add_participant_unit (changes, r->unit_id);
              n_after++;
            }
        }
      quorum_series_get_participant_units (old, &n_before);
      if (n_after == n_before)
        continue;

      from = date_time (d, &d->reshuffle, 0, 0);
      to = g_date_time_add_days (from, 120);
      filter.series_id = p->integrity_series;
      if (!(occurrences = quorum_store_list_occurrences (d->store, from, to, &filter, error)))
        return FALSE;
      if (g_list_model_get_n_items (occurrences) == 0)
        continue;
      first = g_list_model_get_item (occurrences, 0);
      if (!(id = quorum_store_split_series (d->store, p->integrity_series,
                                            quorum_occurrence_get_recurrence_id (first),
                                            changes, error)))
        return FALSE;
      p->integrity_series = id;
      d->n_series++;
    }
  return TRUE;
}

static gboolean
add_all_series (Demo    *d,
                GError **error)
{
  guint index = 0;

  if (!add_body_series (d, error))
    return FALSE;
  for (guint i = 0; i < d->people->len; i++)
    {
      Person *p = g_ptr_array_index (d->people, i);

      if (is_leader (p) && !add_leader_series (d, p, index++, error))
        return FALSE;
    }
  if (d->gives != NULL)
    {
      g_array_set_size (d->gives->departments, d->gives->departments->len - 1);
      g_array_append_val (d->takes->departments, d->handed_over);
    }
  return split_for_reshuffle (d, error);
}

/* Routine sessions ------------------------------------------------------------ */

static const char * const routine_titles[] = {
  "日常工作调度会", "重点工作碰头会", "专项工作推进会", "业务工作例会", "信访稳定研判会",
  "安全生产会商会", "项目建设协调会", "民生实事推进会",
};

/* @n sessions outside the rulebook, every working day, each for ten people
 * taken in turn from the office: only to load the database to the scale of
 * a far busier office than the policy asks for. */
static gboolean
add_routine_series (Demo    *d,
                    guint    n,
                    GError **error)
{
  guint n_people = d->people->len;
  guint group = MIN (10, n_people);

  for (guint k = 0; k < n; k++)
    {
      g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autofree char *title = NULL;
      g_autofree char *location = NULL;
      GDate first = d->start;

      for (guint j = 0; j < group; j++)
        {
          Person *p = g_ptr_array_index (d->people, (k * 7 + j) % n_people);

          g_array_append_val (people, p->id);
        }
      while (g_date_get_weekday (&first) > G_DATE_FRIDAY)
        g_date_add_days (&first, 1);
      title = g_strdup_printf ("%s（第%u组）", routine_titles[k % G_N_ELEMENTS (routine_titles)],
                               k / (guint)G_N_ELEMENTS (routine_titles) + 1);
      location = g_strdup_printf ("市政府第%u会议室", k % 6 + 1);
      if (!add_series (d, NULL, title, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", &first,
                       8 + (int)(k % 9), (k % 2) * 30, 30 + (int)(k % 3) * 15, location, "skip",
                       NULL, NULL, people, error))
        return FALSE;
    }
  return TRUE;
}

/* Leave --------------------------------------------------------------------- */

static const Leave *
leave_on (Demo        *d,
          gint64       person_id,
          const GDate *date)
{
  GArray *indices = g_hash_table_lookup (d->leaves_by_person, &person_id);

  for (guint i = 0; indices != NULL && i < indices->len; i++)
    {
      const Leave *leave = &g_array_index (d->leaves, Leave, g_array_index (indices, guint, i));

      if (g_date_compare (date, &leave->start) >= 0 && g_date_compare (date, &leave->end) <= 0)
        return leave;
    }
  return NULL;
}

static gboolean
add_leaves (Demo    *d,
            GError **error)
{
  GDate horizon = d->today;
  gboolean emergency_done = FALSE;

  g_date_add_days (&horizon, 60);

  for (guint i = 0; i < d->people->len; i++)
    {
      Person *p = g_ptr_array_index (d->people, i);
      GDate cursor = p->from;
      GArray *indices;
      guint leave_index;

      if (!is_leader (p) && p->role != ROLE_SECRETARY_GENERAL && p->role != ROLE_HEAD)
        continue;

      g_date_add_days (&cursor, (guint)rng_range (d, 20, 120));
      for (;;)
        {
          g_autoptr(GDateTime) filed = NULL;
          g_autoptr(GDateTime) back = NULL;
          const char *reason = PICK (d, leave_reasons);
          const char *destination = PICK (d, destinations);
          const char *urgent = NULL;
          GDate start, end, filed_day;
          Leave leave;
          gint64 id;

          random_workday (d, &cursor, &cursor, &start);
          if (!g_date_valid (&start))
            quorum_workdays_next_workday (d->workdays, &cursor, &start, NULL);
          end = start;
          g_date_add_days (&end, (guint)rng_range (d, 0, 3));
          if (g_date_compare (&end, &horizon) > 0 ||
              (g_date_valid (&p->until) && g_date_compare (&end, &p->until) > 0))
            break;

          /* Mostly filed in good time; now and then an emergency. */
          filed_day = start;
          if ((!emergency_done && is_leader (p)) || rng_below (d, 100) < 6)
            {
              urgent = PICK (d, emergency_reasons);
              reason = "事假（紧急事项）";
              emergency_done = TRUE;
            }
          else
            g_date_subtract_days (&filed_day, (guint)rng_range (d, 3, 10));
          if (g_date_compare (&filed_day, &d->today) > 0)
            break;
          filed = date_time (d, &filed_day, urgent != NULL ? 7 : 10, urgent != NULL ? 40 : 15);

          if (!(id = quorum_store_add_leave (d->store, p->id, &start, &end, destination, reason,
                                             filed, urgent != NULL, urgent, error)))
            return FALSE;
          if (g_date_compare (&end, &d->today) < 0)
            {
              GDate returned = end;

              g_date_add_days (&returned, 1);
              back = date_time (d, &returned, 8, 30);
              if (!quorum_store_report_back (d->store, id, back, error))
                return FALSE;
            }

          leave.person_id = p->id;
          leave.start = start;
          leave.end = end;
          leave.reason = g_strdup_printf ("请假：%s，%s", destination, reason);
          g_array_append_val (d->leaves, leave);
          if (!(indices = g_hash_table_lookup (d->leaves_by_person, &p->id)))
            {
              indices = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (d->leaves_by_person, g_memdup2 (&p->id, sizeof p->id), indices);
            }
          leave_index = d->leaves->len - 1;
          g_array_append_val (indices, leave_index);

          cursor = end;
          g_date_add_days (&cursor, (guint)rng_range (d, 80, 160));
        }
    }
  return TRUE;
}

/* Past occurrences ------------------------------------------------------------ */

/* A few past meetings are not held, one is moved, a couple of future ones
 * are cancelled or moved; one leader skips a reception day two months ago. */
static gboolean
shape_occurrences (Demo    *d,
                   GError **error)
{
  g_autoptr(GDateTime) from = date_time (d, &d->start, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_add_days (d->now, 120);
  g_autoptr(GListModel) all = NULL;
  GDate missed_month = d->today;
  gboolean moved_past = FALSE;
  guint cancelled = 0, moved = 0;

  g_date_subtract_months (&missed_month, 2);
  for (guint i = 0, n = 0; i < d->people->len; i++)
    {
      Person *p = g_ptr_array_index (d->people, i);

      if (is_leader (p) && in_office (p, &missed_month) && n++ == 1)
        d->missed_owner = p->id;
    }

  if (!(all = quorum_store_list_occurrences (d->store, from, to, NULL, error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(QuorumOccurrence) o = g_list_model_get_item (all, i);
      GDateTime *start = quorum_occurrence_get_start (o);
      gint64 id = quorum_occurrence_get_id (o);
      gint64 owner = quorum_occurrence_get_owner_id (o);
      const char *duty = quorum_occurrence_get_duty_id (o) != NULL
                         ? quorum_occurrence_get_duty_id (o) : "";
      gboolean past = g_date_time_compare (start, d->now) < 0;
      GDate day;

      date_from_unix (d, g_date_time_to_unix (start), &day);

      if (past && owner != 0)
        {
          const Leave *leave = leave_on (d, owner, &day);

          if (leave != NULL)
            {
              g_autofree char *reason = g_strdup_printf ("本人%s，未能开展", leave->reason);

              if (!quorum_store_bulk_set_status (d->store, id, QUORUM_OCCURRENCE_NOT_HELD,
                                                 reason, error))
                return FALSE;
              continue;
            }
          if (owner == d->missed_owner && g_str_equal (duty, "reception-day") &&
              g_date_get_month (&day) == g_date_get_month (&missed_month) &&
              g_date_get_year (&day) == g_date_get_year (&missed_month))
            {
              if (!quorum_store_bulk_set_status (d->store, id, QUORUM_OCCURRENCE_NOT_HELD,
                                                 "赴省参加招商推介活动，当月接访日未安排", error))
                return FALSE;
              continue;
            }
          if (g_str_equal (duty, "frontline-office") && rng_below (d, 100) < 4)
            {
              if (!quorum_store_bulk_set_status (d->store, id, QUORUM_OCCURRENCE_NOT_HELD,
                                                 "参加烟台市专题会议，本期一线办公未开展", error))
                return FALSE;
              continue;
            }
        }
      else if (past && rng_below (d, 1000) < 12 && !g_str_equal (duty, "theory-study"))
        {
          if (!quorum_store_bulk_set_status (d->store, id, QUORUM_OCCURRENCE_NOT_HELD,
                                             PICK (d, not_held_reasons), error))
            return FALSE;
          continue;
        }

      if (past && !moved_past && g_str_equal (duty, "minutes-signoff") &&
          g_date_days_between (&day, &d->today) < 60)
        {
          g_autoptr(GDateTime) later = g_date_time_add_days (start, 1);

          if (!quorum_store_update_occurrence (d->store, id, later, NULL, NULL, NULL, error))
            return FALSE;
          moved_past = TRUE;
        }
      else if (!past && owner == 0 && cancelled < 1 && g_str_equal (duty, "minutes-signoff") &&
               g_date_time_difference (start, d->now) > 10 * G_TIME_SPAN_DAY)
        {
          if (!quorum_store_cancel_occurrence (d->store, id,
                                               "与市委常委会会议时间冲突，本次取消，议题顺延",
                                               error))
            return FALSE;
          cancelled++;
        }
      else if (!past && moved < 1 && g_str_equal (duty, "deputies-forum"))
        {
          g_autoptr(GDateTime) later = g_date_time_add_days (start, 1);

          if (!quorum_store_update_occurrence (d->store, id, later, NULL,
                                               "市人大常委会二楼会议室", NULL, error))
            return FALSE;
          moved++;
        }
    }
  return TRUE;
}

static const char *
excuse (Demo             *d,
        QuorumExcuseKind *out_kind)
{
  guint roll = rng_below (d, 10);

  if (roll < 5)
    {
      *out_kind = QUORUM_EXCUSE_OFFICIAL_BUSINESS;
      return PICK (d, business_reasons);
    }
  if (roll < 8)
    {
      *out_kind = QUORUM_EXCUSE_LEAVE;
      return rng_below (d, 2) ? "请假：病假" : "请假：事假";
    }
  *out_kind = QUORUM_EXCUSE_OTHER;
  return PICK (d, other_reasons);
}

/* One occurrence's roll call: @seats[0..n) share the occurrence. */
static gboolean
record_roll (Demo             *d,
             const QuorumSeat *seats,
             guint             n,
             guint            *out_makeups,
             GError          **error)
{
  gint64 series = seats[0].series_id;
  gboolean speakers = g_hash_table_contains (d->key_speaker_series, GINT_TO_POINTER (series));
  gboolean makeups = g_hash_table_contains (d->makeup_duty_series, GINT_TO_POINTER (series));
  guint first_speaker = rng_below (d, n);
  guint n_speakers = 0;
  GDate day;

  date_from_unix (d, seats[0].start_unix, &day);

  for (guint i = 0; i < n; i++)
    {
      const QuorumSeat *seat = &seats[(first_speaker + i) % n];
      const Leave *leave = leave_on (d, seat->person_id, &day);
      QuorumAttendanceStatus status = QUORUM_ATTENDANCE_PRESENT;
      QuorumExcuseKind kind = QUORUM_EXCUSE_NONE;
      const char *reason = NULL;
      gboolean speaker = FALSE;
      guint roll = rng_below (d, 1000);

      if (leave != NULL)
        {
          status = QUORUM_ATTENDANCE_EXCUSED;
          kind = QUORUM_EXCUSE_LEAVE;
          reason = leave->reason;
        }
      else if (n == 1)
        status = QUORUM_ATTENDANCE_PRESENT;
      else if (roll < 50)
        status = QUORUM_ATTENDANCE_LATE;
      else if (roll < 115)
        {
          status = QUORUM_ATTENDANCE_EXCUSED;
          reason = excuse (d, &kind);
        }
      else if (roll < 125)
        {
          status = QUORUM_ATTENDANCE_ABSENT;
          reason = "未请假";
        }

      if (speakers && status == QUORUM_ATTENDANCE_PRESENT && n_speakers < 2)
        {
          speaker = TRUE;
          n_speakers++;
        }

      if (!quorum_store_bulk_set_attendance (d->store, seat->occurrence_id, seat->person_id,
                                             status, reason, kind, speaker, error))
        return FALSE;

      /* 补学: most absences are made up within a few weeks, some are still owed. */
      if (makeups && (status == QUORUM_ATTENDANCE_EXCUSED || status == QUORUM_ATTENDANCE_ABSENT))
        {
          GDate when = day;

          g_date_add_days (&when, (guint)rng_range (d, 2, 25));
          if (g_date_compare (&when, &d->today) < 0 && rng_below (d, 100) < 80)
            {
              gboolean self_study = rng_below (d, 10) < 7;

              if (!quorum_store_bulk_add_makeup (d->store, seat->occurrence_id, seat->person_id,
                                                 &when,
                                                 self_study ? QUORUM_MAKEUP_SELF_STUDY
                                                            : QUORUM_MAKEUP_ANOTHER_SESSION,
                                                 self_study ? "自学会议材料并撰写心得体会"
                                                            : "参加市政府办公室党支部专题学习补学",
                                                 error))
                return FALSE;
              (*out_makeups)++;
            }
        }
    }
  return TRUE;
}

static gboolean
record_attendance (Demo    *d,
                   GError **error)
{
  g_autoptr(GArray) seats = NULL;
  guint makeups = 0;
  guint begin = 0;

  if (!(seats = quorum_store_bulk_list_seats (d->store, d->now, error)))
    return FALSE;

  for (guint i = 1; i <= seats->len; i++)
    {
      if (i < seats->len &&
          g_array_index (seats, QuorumSeat, i).occurrence_id ==
          g_array_index (seats, QuorumSeat, begin).occurrence_id)
        continue;
      if (!record_roll (d, &g_array_index (seats, QuorumSeat, begin), i - begin, &makeups, error))
        return FALSE;
      begin = i;
      if (i % 20000 == 0)
        progress (d, 0.45 + 0.35 * i / seats->len, _("Recording attendance…"));
    }

  return quorum_store_bulk_mark_attended_held (d->store, error);
}

/* Minutes of the executive meetings: signed within three working days as a
 * rule, now and then late. */
static gboolean
sign_minutes (Demo    *d,
              GError **error)
{
  g_autoptr(GDateTime) from = date_time (d, &d->start, 0, 0);

  for (guint s = 0; s < d->minutes_series->len; s++)
    {
      g_autoptr(GListModel) list = NULL;
      QuorumOccurrenceFilter filter = { 0 };

      filter.series_id = g_array_index (d->minutes_series, gint64, s);
      if (!(list = quorum_store_list_occurrences (d->store, from, d->now, &filter, error)))
        return FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(QuorumOccurrence) o = g_list_model_get_item (list, i);
          g_autofree char *text = NULL;
          GDate day, signed_on;
          int n = rng_below (d, 100) < 90 ? rng_range (d, 1, 3) : rng_range (d, 4, 6);

          if (quorum_occurrence_get_status (o) == QUORUM_OCCURRENCE_NOT_HELD ||
              quorum_occurrence_get_status (o) == QUORUM_OCCURRENCE_CANCELLED)
            continue;
          date_from_unix (d, g_date_time_to_unix (quorum_occurrence_get_start (o)), &day);
          quorum_workdays_add (d->workdays, &day, n, &signed_on, NULL);
          if (g_date_compare (&signed_on, &d->today) > 0)
            continue;
          text = g_strdup_printf ("%s纪要：研究%s等%d项议题。", quorum_occurrence_get_title (o),
                                  rng_below (d, 2) ? "重点项目推进和财政预算执行"
                                                   : "民生实事和安全生产",
                                  rng_range (d, 3, 7));
          if (!quorum_store_bulk_set_minutes (d->store, quorum_occurrence_get_id (o), text,
                                              &signed_on, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Personal records ---------------------------------------------------------- */

/* A record; @received (nullable) is the day a letter or a document came in,
 * which starts its working-day deadline. */
static gboolean
add_record_received (Demo         *d,
                     const Person *p,
                     const char   *duty_id,
                     const GDate  *date,
                     double        days,
                     gboolean      unannounced,
                     gint64        unit,
                     const char   *note,
                     const GDate  *received,
                     GError      **error)
{
  g_autoptr(QuorumRecord) record = quorum_record_new ();
  QuorumDuty *duty = quorum_rulebook_lookup (d->rulebook, duty_id);

  if (!g_date_valid (date) || g_date_compare (date, &d->today) > 0 || !in_office (p, date))
    return TRUE;

  record->person_id = p->id;
  record->kind = g_strdup (quorum_duty_get_record (duty));
  record->date = g_date_copy (date);
  record->days = days;
  record->unannounced = unannounced;
  record->unit_id = unit;
  record->duty_id = g_strdup (duty_id);
  record->note = g_strdup (note);
  if (received != NULL && g_date_valid (received))
    record->received_on = g_date_copy (received);
  return quorum_store_add_record (d->store, record, error) != 0;
}

static gboolean
add_record (Demo         *d,
            const Person *p,
            const char   *duty_id,
            const GDate  *date,
            double        days,
            gboolean      unannounced,
            gint64        unit,
            const char   *note,
            GError      **error)
{
  return add_record_received (d, p, duty_id, date, days, unannounced, unit, note, NULL, error);
}

/* One record on a working day between two days of year @year (months 1–12). */
static gboolean
add_in_months (Demo         *d,
               const Person *p,
               const char   *duty_id,
               int           year,
               int           first_month,
               int           last_month,
               gint64        unit,
               const char   *note,
               GError      **error)
{
  GDate from, to, day;

  set_date (&from, year, first_month, 1);
  set_date (&to, year, last_month, g_date_get_days_in_month (last_month, year));
  random_workday (d, &from, &to, &day);
  return add_record (d, p, duty_id, &day, 1, FALSE, unit, note, error);
}

static gboolean
leader_records (Demo    *d,
                Person  *p,
                int      year,
                GError **error)
{
  GDate from, to, day;
  int n_days;
  double elapsed = 1.0;

  set_date (&from, year, 1, 1);
  set_date (&to, year, 12, 31);
  if (year == g_date_get_year (&d->today))
    elapsed = g_date_get_day_of_year (&d->today) / 365.0;

  /* 讲党课 */
  if (!add_in_months (d, p, "party-lecture", year, 3, 11, 0,
                      "为分管部门党员干部讲专题党课", error))
    return FALSE;

  /* 走访联系企业: each linked enterprise each quarter, mostly. */
  for (guint e = 0; e < p->enterprises->len; e++)
    for (int q = 0; q < 4; q++)
      if (rng_below (d, 100) < 92 &&
          !add_in_months (d, p, "enterprise-visit", year, q * 3 + 1, q * 3 + 3,
                          g_array_index (p->enterprises, gint64, e),
                          "走访调研企业，协调解决用工和融资问题", error))
        return FALSE;

  /* 基层调研: 60–80 days a year, more than half unannounced (四不两直). */
  n_days = (int)(p->research_target * elapsed);
  for (int i = 0; i < n_days; i++)
    {
      gint64 town = rng_below (d, 10) < 4 ? p->town
                    : g_array_index (d->towns, gint64, rng_below (d, d->towns->len));
      g_autofree char *note = g_strdup_printf ("到%s%s调研走访", town_name_of (d, town),
                                               PICK (d, villages));
      random_workday (d, &from, &to, &day);
      if (!add_record (d, p, "grassroots-research", &day, rng_below (d, 10) ? 1 : 0.5,
                       rng_unit (d) < p->unannounced_share, town, note, error))
        return FALSE;
    }

  /* 重点调研课题 */
  for (int i = rng_range (d, 1, 2); i > 0; i--)
    if (!add_in_months (d, p, "research-topics", year, 2, 3, 0,
                        i == 1 ? "重点调研课题：果业全产业链提质增效" : "重点调研课题：镇街招商引资机制创新",
                        error))
      return FALSE;

  /* 包帮化解信访案件 */
  for (int i = rng_range (d, 2, 3); i > 0; i--)
    if (!add_in_months (d, p, "petition-cases", year, 1, 12, p->town,
                        "包帮化解群众反映强烈的信访积案", error))
      return FALSE;

  /* 检查全面从严治党 / 分管领域党建 */
  if (!add_in_months (d, p, "town-discipline-inspection", year, 4, 11, p->town,
                      "到包保镇街检查全面从严治党工作", error) ||
      (p->departments->len > 0 &&
       !add_in_months (d, p, "area-party-inspection", year, 5, 11,
                       g_array_index (p->departments, gint64, 0), "检查分管部门党建工作", error)))
    return FALSE;

  /* 廉政谈话 with each department head in charge (Party group members). */
  for (guint k = 0; p->party_group && k < p->departments->len; k++)
    if (!add_in_months (d, p, "integrity-talk", year, 3, 10,
                        g_array_index (p->departments, gint64, k),
                        "与分管部门主要负责同志开展廉政谈话", error))
      return FALSE;

  /* 听取包帮镇街情况汇报, quarterly. */
  for (int q = 0; q < 4; q++)
    if (rng_below (d, 100) < 94 &&
        !add_in_months (d, p, "town-report-hearing", year, q * 3 + 1, q * 3 + 3, p->town,
                        "听取分管部门包帮镇街情况汇报", error))
      return FALSE;

  /* 重大事项 in the first quarter. */
  for (int i = rng_range (d, 3, 4); i > 0; i--)
    if (!add_in_months (d, p, "major-matters", year, 1, 3, 0,
                        "研究确定分管领域需全力突破的重大事项", error))
      return FALSE;

  /* 民主生活会 / 组织生活会 */
  if (!add_in_months (d, p, "linked-democratic-life", year, 1, 2, p->town,
                      "参加并指导联系镇街领导班子民主生活会", error) ||
      (p->party && !add_in_months (d, p, "own-branch-life-meeting", year, 1, 2,
                                   d->office_branch, "参加所在党支部组织生活会", error)) ||
      !add_in_months (d, p, "guide-branch-life-meeting", year, 1, 3, 0,
                      "指导分管部门党支部组织生活会", error))
    return FALSE;

  /* 带案下访: now and then a second reception day in a month. */
  if (rng_below (d, 3) == 0 && p->id != d->missed_owner &&
      !add_in_months (d, p, "reception-day", year, 3, 10, p->town, "带案下访，接待群众来访",
                      error))
    return FALSE;

  return TRUE;
}

static gboolean
department_records (Demo    *d,
                    Person  *p,
                    int      year,
                    GError **error)
{
  for (guint e = 0; e < p->enterprises->len; e++)
    for (int q = 0; q < 4; q++)
      if (rng_below (d, 100) < 88 &&
          !add_in_months (d, p, "dept-head-enterprise-visit", year, q * 3 + 1, q * 3 + 3,
                          g_array_index (p->enterprises, gint64, e),
                          "走访联系企业，了解生产经营情况", error))
        return FALSE;

  if (!add_in_months (d, p, "study-plan", year, 1, 1, p->unit,
                      "制定本部门年度理论学习计划，落实第一议题制度", error))
    return FALSE;

  for (int i = rng_range (d, 2, 4); i > 0; i--)
    {
      GDate from, to, received, replied;
      g_autofree char *note = NULL;
      int n = rng_below (d, 100) < 90 ? rng_range (d, 1, 3) : rng_range (d, 4, 5);

      set_date (&from, year, 1, 1);
      set_date (&to, year, 12, 31);
      random_workday (d, &from, &to, &received);
      if (!g_date_valid (&received))
        continue;
      quorum_workdays_add (d->workdays, &received, n, &replied, NULL);
      note = g_strdup_printf ("%04d-%02d-%02d收到督办函，%d个工作日内反馈整改落实情况",
                              g_date_get_year (&received), g_date_get_month (&received),
                              g_date_get_day (&received), n);
      if (!add_record_received (d, p, "letter-reply", &replied, 1, FALSE, p->unit, note,
                                &received, error))
        return FALSE;
    }

  for (int i = rng_range (d, 3, 5); i > 0; i--)
    {
      GDate from, to, received, signed_on;
      g_autofree char *note = NULL;
      int n = rng_below (d, 100) < 92 ? rng_range (d, 1, 3) : 4;

      set_date (&from, year, 1, 1);
      set_date (&to, year, 12, 31);
      random_workday (d, &from, &to, &received);
      if (!g_date_valid (&received))
        continue;
      quorum_workdays_add (d->workdays, &received, n, &signed_on, NULL);
      note = g_strdup_printf ("%04d-%02d-%02d收到会签文件，%d个工作日内会签",
                              g_date_get_year (&received), g_date_get_month (&received),
                              g_date_get_day (&received), n);
      if (!add_record_received (d, p, "countersign", &signed_on, 1, FALSE, p->unit, note,
                                &received, error))
        return FALSE;
    }
  return TRUE;
}

/* 双报到: Party members other than the leaders adopt 3–5 service projects a
 * year and serve in their registered community each month. */
static gboolean
party_member_records (Demo    *d,
                      Person  *p,
                      int      year,
                      GError **error)
{
  const char *community = g_ptr_array_index (d->town_names, rng_below (d, 3));

  for (int i = rng_range (d, 3, 5); i > 0; i--)
    if (!add_in_months (d, p, "service-projects", year, 2, 4, 0,
                        "认领党员志愿服务项目：关爱空巢老人", error))
      return FALSE;

  for (int m = 1; m <= 12; m++)
    {
      g_autofree char *note = g_strdup_printf ("到%s报到社区开展志愿服务", community);

      if (rng_below (d, 100) < 93 &&
          !add_in_months (d, p, "community-service", year, m, m, 0, note, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_records (Demo    *d,
             GError **error)
{
  int first = g_date_get_year (&d->start);
  int last = g_date_get_year (&d->today);
  Person *mayor = find_role (d, ROLE_MAYOR);

  for (int year = first; year <= last; year++)
    {
      for (guint i = 0; i < d->people->len; i++)
        {
          Person *p = g_ptr_array_index (d->people, i);

          if (is_leader (p) && !leader_records (d, p, year, error))
            return FALSE;
          if (p->role == ROLE_HEAD && !department_records (d, p, year, error))
            return FALSE;
          if (!is_leader (p) && p->party && !party_member_records (d, p, year, error))
            return FALSE;
        }

      /* 各镇街提报重大招商项目: by the town's secretary or its leader. */
      for (guint t = 0; t < d->towns->len; t++)
        {
          gint64 town = g_array_index (d->towns, gint64, t);
          Person *by = NULL;
          g_autofree char *note = g_strdup_printf ("%s提报重大招商项目",
                                                   (char *)g_ptr_array_index (d->town_names, t));

          for (guint i = 0; i < d->people->len && by == NULL; i++)
            {
              Person *p = g_ptr_array_index (d->people, i);

              if ((p->role == ROLE_TOWN_HEAD && p->unit == town) ||
                  (is_leader (p) && p->town == town))
                by = p;
            }
          if (by == NULL)
            by = mayor;
          if (!add_in_months (d, by, "town-investment-project", year, 2, 11, town, note, error))
            return FALSE;
        }

      /* 负责人出庭应诉 */
      for (int i = rng_range (d, 2, 4); i > 0; i--)
        {
          Person *p = NULL;
          g_autofree char *note = g_strdup_printf ("（%d）鲁0686行初%d号行政诉讼出庭应诉", year,
                                                   rng_range (d, 10, 180));

          while (p == NULL || !is_leader (p))
            p = g_ptr_array_index (d->people, rng_below (d, d->people->len));
          if (!add_in_months (d, p, "court-appearance", year, 1, 12, 0, note, error))
            return FALSE;
        }
      progress (d, 0.85 + 0.1 * (year - first + 1) / (last - first + 1),
                _("Adding personal records…"));
    }
  return TRUE;
}

/* Entry point ---------------------------------------------------------------- */

static gboolean
ensure_rulebook (Demo    *d,
                 GError **error)
{
  g_autofree char *stored = quorum_store_dup_rulebook_data (d->store);
  g_autofree char *data = NULL;
  gsize len = 0;

  if (stored != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (stored, strlen (stored));

      d->rulebook = quorum_rulebook_new_from_bytes (bytes, "database", NULL);
    }
  if (d->rulebook == NULL || quorum_rulebook_lookup (d->rulebook, "theory-study") == NULL)
    {
      g_clear_object (&d->rulebook);
      if (!(d->rulebook = quorum_rulebook_new_default (error)))
        return FALSE;
      data = quorum_rulebook_to_data (d->rulebook, &len);
      if (!quorum_store_set_rulebook_data (d->store, data, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
generate (Demo    *d,
          guint    people,
          GError **error)
{
  if (!ensure_rulebook (d, error))
    return FALSE;

  progress (d, 0.02, _("Creating people and units…"));
  if (!build_office (d, people, error) || !make_history (d, error))
    return FALSE;

  progress (d, 0.1, _("Filing leave requests…"));
  if (!add_leaves (d, error))
    return FALSE;

  progress (d, 0.15, _("Creating series and their occurrences…"));
  if (!add_all_series (d, error) || !add_routine_series (d, d->daily_sessions, error))
    return FALSE;

  progress (d, 0.4, _("Holding and cancelling meetings…"));
  if (!shape_occurrences (d, error))
    return FALSE;

  progress (d, 0.45, _("Recording attendance…"));
  if (!record_attendance (d, error) || !sign_minutes (d, error))
    return FALSE;

  progress (d, 0.85, _("Adding personal records…"));
  return add_records (d, error);
}

/**
 * quorum_demo_generate:
 * @store: an empty store
 * @options: size, history, seed and "today"
 * @progress_cb: (nullable) (scope call): called as the work goes on
 * @user_data: data for @progress_cb
 * @error: return location for a #GError
 *
 * Fills @store with a demo office: the Qixia city government (mayor,
 * executive vice mayor, vice mayors, secretary-general and deputies,
 * department heads, town secretaries and staff), its units and dated
 * relations, a series for every meeting duty of the rulebook with
 * occurrences from @options->years years ago to today +
 * %QUORUM_STORE_HORIZON_DAYS days, attendance for the past ones, personal
 * records, and leave. The bundled rulebook is stored when the store has
 * none. One seed always gives the same data.
 *
 * A store that already holds people, units, series, records or leave is
 * refused with %QUORUM_DEMO_ERROR_NOT_EMPTY. All of it is written in one
 * transaction, with one audit row: on error nothing is written.
 *
 * Returns: %TRUE on success
 */
gboolean
quorum_demo_generate (QuorumStore              *store,
                      const QuorumDemoOptions  *options,
                      QuorumDemoProgress        progress_cb,
                      gpointer                  user_data,
                      GError                  **error)
{
  g_autoptr(GString) summary = NULL;
  g_autofree char *uid_namespace = NULL;
  Demo demo = { 0 };
  Demo *d = &demo;
  guint people, years;
  gboolean empty = FALSE;
  gboolean ok;

  g_return_val_if_fail (QUORUM_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  people = options->people != 0 ? options->people : QUORUM_DEMO_DEFAULT_PEOPLE;
  years = options->years != 0 ? options->years : QUORUM_DEMO_DEFAULT_YEARS;
  if (people < QUORUM_DEMO_MIN_PEOPLE || people > QUORUM_DEMO_MAX_PEOPLE)
    {
      g_set_error (error, QUORUM_DEMO_ERROR, QUORUM_DEMO_ERROR_INVALID,
                   _("A demo office has from %d to %d people, not %u."),
                   QUORUM_DEMO_MIN_PEOPLE, QUORUM_DEMO_MAX_PEOPLE, people);
      return FALSE;
    }
  if (options->daily_sessions > QUORUM_DEMO_MAX_DAILY_SESSIONS)
    {
      g_set_error (error, QUORUM_DEMO_ERROR, QUORUM_DEMO_ERROR_INVALID,
                   _("A demo office has at most %d daily sessions, not %u."),
                   QUORUM_DEMO_MAX_DAILY_SESSIONS, options->daily_sessions);
      return FALSE;
    }
  if (years > QUORUM_DEMO_MAX_YEARS)
    {
      g_set_error (error, QUORUM_DEMO_ERROR, QUORUM_DEMO_ERROR_INVALID,
                   _("A demo office has from 1 to %d years of history, not %u."),
                   QUORUM_DEMO_MAX_YEARS, years);
      return FALSE;
    }

  if (!quorum_store_is_empty (store, &empty, error))
    return FALSE;
  if (!empty)
    {
      g_set_error_literal (error, QUORUM_DEMO_ERROR, QUORUM_DEMO_ERROR_NOT_EMPTY,
                           _("The database already holds people, units or series: a demo "
                             "office can only be created in a new, empty database."));
      return FALSE;
    }

  d->store = store;
  d->daily_sessions = options->daily_sessions;
  d->progress = progress_cb;
  d->user_data = user_data;
  if (!(d->tz = g_time_zone_new_identifier (TZID)))
    d->tz = g_time_zone_new_utc ();
  if (options->today != NULL && g_date_valid (options->today))
    {
      /* An injected day ends in the late afternoon, after its meetings. */
      d->today = *options->today;
      d->now = date_time (d, &d->today, 17, 30);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (d->tz);

      set_date (&d->today, g_date_time_get_year (now), g_date_time_get_month (now),
                g_date_time_get_day_of_month (now));
      d->now = date_time (d, &d->today, g_date_time_get_hour (now), g_date_time_get_minute (now));
    }
  set_date (&d->start, g_date_get_year (&d->today) - (int)years, g_date_get_month (&d->today), 1);

  /* splitmix64 spreads small seeds over the state; xorshift needs non-zero. */
  d->rng = options->seed + G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  d->rng = (d->rng ^ (d->rng >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  d->rng = (d->rng ^ (d->rng >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  d->rng ^= d->rng >> 31;
  if (d->rng == 0)
    d->rng = 1;

  d->departments = g_array_new (FALSE, FALSE, sizeof (gint64));
  d->department_names = g_ptr_array_new ();
  d->economic = g_array_new (FALSE, FALSE, sizeof (gint64));
  d->towns = g_array_new (FALSE, FALSE, sizeof (gint64));
  d->town_names = g_ptr_array_new ();
  d->enterprises = g_array_new (FALSE, FALSE, sizeof (gint64));
  d->people = g_ptr_array_new_with_free_func ((GDestroyNotify)person_free);
  d->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  d->leaves = g_array_new (FALSE, FALSE, sizeof (Leave));
  g_array_set_clear_func (d->leaves, (GDestroyNotify)leave_clear);
  d->leaves_by_person = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                               (GDestroyNotify)g_array_unref);
  d->makeup_duty_series = g_hash_table_new (NULL, NULL);
  d->key_speaker_series = g_hash_table_new (NULL, NULL);
  d->minutes_series = g_array_new (FALSE, FALSE, sizeof (gint64));

  uid_namespace = g_strdup_printf ("quorum-demo:%" G_GUINT64_FORMAT ":%u:%u", options->seed,
                                   people, years);
  ok = (d->workdays = quorum_workdays_new_default (error)) != NULL &&
       quorum_store_begin_bulk (store, d->now, uid_namespace, error);
  if (ok)
    {
      ok = generate (d, people, error);

      summary = g_string_new (NULL);
      g_string_printf (summary, "{\"seed\":%" G_GUINT64_FORMAT ",\"people\":%u,\"years\":%u,"
                       "\"daily-sessions\":%u,\"series\":%u}", options->seed, people, years,
                       options->daily_sessions, d->n_series);
      if (!quorum_store_end_bulk (store, ok, "demo", summary->str, ok ? error : NULL))
        ok = FALSE;
    }
  if (ok)
    progress (d, 1.0, _("Done."));

  g_clear_object (&d->rulebook);
  g_clear_object (&d->workdays);
  g_clear_pointer (&d->tz, g_time_zone_unref);
  g_clear_pointer (&d->now, g_date_time_unref);
  g_clear_pointer (&d->departments, g_array_unref);
  g_clear_pointer (&d->department_names, g_ptr_array_unref);
  g_clear_pointer (&d->economic, g_array_unref);
  g_clear_pointer (&d->towns, g_array_unref);
  g_clear_pointer (&d->town_names, g_ptr_array_unref);
  g_clear_pointer (&d->enterprises, g_array_unref);
  g_clear_pointer (&d->people, g_ptr_array_unref);
  g_clear_pointer (&d->names, g_hash_table_unref);
  g_clear_pointer (&d->leaves, g_array_unref);
  g_clear_pointer (&d->leaves_by_person, g_hash_table_unref);
  g_clear_pointer (&d->makeup_duty_series, g_hash_table_unref);
  g_clear_pointer (&d->key_speaker_series, g_hash_table_unref);
  g_clear_pointer (&d->minutes_series, g_array_unref);

  return ok;
}
