/* quorum-fake-calendar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "quorum-fake-calendar.h"

/* Events live in Beijing time, as the store's will. */
QuorumOccurrence *
quorum_fake_occurrence (gint64                  id,
                        const char             *title,
                        const char             *kind,
                        const char             *location,
                        int                     year,
                        int                     month,
                        int                     day,
                        int                     hour,
                        int                     minute,
                        int                     minutes,
                        QuorumOccurrenceStatus  status)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  gboolean all_day = hour < 0;

  start = g_date_time_new (tz, year, month, day, all_day ? 0 : hour, all_day ? 0 : minute, 0);
  end = all_day ? g_date_time_add_days (start, 1) : g_date_time_add_minutes (start, minutes);

  return g_object_new (QUORUM_TYPE_OCCURRENCE,
                       "id", id,
                       "title", title,
                       "kind", kind,
                       "location", location,
                       "start", start,
                       "end", end,
                       "all-day", all_day,
                       "status", status,
                       "n-expected", kind != NULL && g_str_equal (kind, "leave") ? 0u : 15u,
                       "n-recorded", status == QUORUM_OCCURRENCE_HELD ? 15u : 0u,
                       "n-attended", status == QUORUM_OCCURRENCE_HELD ? 13u : 0u,
                       NULL);
}

GDateTime *
quorum_fake_date (int year,
                  int month,
                  int day)
{
  return g_date_time_new_local (year, month, day, 12, 0, 0);
}

/* 2026: National Day week off, two weekend days worked to make up for it. */
QuorumDayMark
quorum_fake_day_info (const GDate  *date,
                      char        **out_name,
                      gpointer      user_data)
{
  int y = g_date_get_year (date), m = g_date_get_month (date), d = g_date_get_day (date);

  if (y == 2026 && m == 10 && d >= 1 && d <= 7)
    {
      *out_name = g_strdup (d == 1 ? "国庆节" : NULL);
      return QUORUM_DAY_MARK_HOLIDAY;
    }
  if (y == 2026 && ((m == 9 && d == 20) || (m == 10 && d == 10)))
    return QUORUM_DAY_MARK_ADJUSTED_WORKDAY;

  return QUORUM_DAY_MARK_NONE;
}

typedef struct
{
  int                     month;
  int                     day;
  int                     hour;    /* -1: all day */
  int                     minute;
  int                     minutes;
  const char             *title;
  const char             *kind;
  const char             *location;
  QuorumOccurrenceStatus  status;
} FakeEvent;

#define HELD QUORUM_OCCURRENCE_HELD
#define TODO QUORUM_OCCURRENCE_SCHEDULED

static const FakeEvent october[] = {
  { 9, 29, 9, 0, 90, "节前安全生产检查", "inspection", "迈皋桥街道", HELD },
  { 9, 30, 15, 0, 60, "国庆假期值班部署会", "meeting", "区政府第一会议室", HELD },
  { 10, 3, 9, 0, 480, "节日值班带班", "service", "区总值班室", HELD },
  { 10, 8, 9, 0, 90, "节后收心会暨安全生产部署会", "meeting", "区政府第一会议室", HELD },
  { 10, 8, 14, 30, 150, "一线办公", "frontline", "栖霞街道", HELD },
  { 10, 9, 9, 0, 150, "党组理论学习中心组学习", "study", "区委第一会议室", HELD },
  { 10, 9, 15, 0, 60, "公文审签", "paperwork", "区政府办公室", HELD },
  { 10, 10, 9, 0, 180, "领导接访日", "petition", "区信访接待中心", HELD },
  { 10, 12, 9, 0, 120, "区政府常务会议", "meeting", "区政府三楼常务会议室", HELD },
  { 10, 12, 14, 30, 120, "重点项目调研", "research", "仙林湖片区", HELD },
  { 10, 13, 9, 30, 90, "企业走访", "enterprise", "南京经济技术开发区", HELD },
  { 10, 13, 15, 0, 60, "廉政谈话", "integrity", "纪检监察组谈话室", QUORUM_OCCURRENCE_NOT_HELD },
  { 10, 14, 9, 0, 180, "领导接访日", "petition", "区信访接待中心", HELD },
  { 10, 14, 14, 30, 120, "意识形态工作专题会", "ideology", "区委常委会议室", HELD },
  { 10, 15, 9, 0, 120, "经济运行分析会", "economy", "区发改委会议室", HELD },
  { 10, 15, 14, 30, 150, "一线办公", "frontline", "尧化街道", HELD },
  { 10, 16, 10, 0, 90, "招商引资项目洽谈", "investment", "区投资促进中心", QUORUM_OCCURRENCE_CANCELLED },
  { 10, 16, 14, 0, 120, "政务服务窗口调研", "service", "区政务服务中心", HELD },
  { 10, 19, 9, 0, 150, "党组理论学习中心组学习", "study", "区委第一会议室", HELD },
  { 10, 19, 15, 0, 90, "联系人大代表", "liaison", "马群街道代表之家", HELD },
  { 10, 20, 9, 0, 120, "区政府常务会议", "meeting", "区政府三楼常务会议室", HELD },
  { 10, 20, 14, 30, 120, "安全生产督查", "inspection", "迈皋桥街道", HELD },
  { 10, 21, 9, 0, 180, "领导接访日", "petition", "区信访接待中心", TODO },
  { 10, 21, 9, 30, 60, "重大事项集体决策会", "major-matter", "区委常委会议室", TODO },
  { 10, 21, 14, 30, 150, "一线办公", "frontline", "燕子矶街道", TODO },
  { 10, 21, 16, 0, 60, "公文审签", "paperwork", "区政府办公室", TODO },
  { 10, 21, 17, 0, 60, "法治政府建设专题讲座", "law", "区委党校", TODO },
  { 10, 22, 9, 0, 120, "企业走访", "enterprise", "红枫科技园", TODO },
  { 10, 22, 14, 30, 90, "法治专题学习", "law", "区委第一会议室", TODO },
  { 10, 23, 9, 0, 120, "经济运行分析会", "economy", "区发改委会议室", TODO },
  { 10, 23, 15, 0, 90, "支部组织生活会", "party-life", "第一党支部活动室", TODO },
  { 10, 26, 9, 0, 150, "党组理论学习中心组学习", "study", "区委第一会议室", TODO },
  { 10, 26, 14, 30, 120, "重点项目调研", "research", "燕子矶新城", TODO },
  { 10, 27, 9, 0, 120, "区政府常务会议", "meeting", "区政府三楼常务会议室", TODO },
  { 10, 27, 14, 0, 60, "廉政谈话", "integrity", "纪检监察组谈话室", TODO },
  { 10, 28, 9, 0, 180, "领导接访日", "petition", "区信访接待中心", TODO },
  { 10, 28, 14, 30, 120, "招商引资项目洽谈", "investment", "区投资促进中心", TODO },
  { 10, 29, 9, 0, 150, "一线办公", "frontline", "西岗街道", TODO },
  { 10, 29, 15, 0, 90, "意识形态工作专题会", "ideology", "区委常委会议室", TODO },
  { 10, 30, -1, 0, 0, "年休假", "leave", NULL, TODO },
  { 10, 30, 9, 0, 120, "安全生产督查", "inspection", "八卦洲街道", TODO },
  { 10, 30, 14, 30, 60, "政务服务“好差评”回访", "service", "区政务服务中心", TODO },
  { 11, 2, 9, 0, 120, "区政府常务会议", "meeting", "区政府三楼常务会议室", TODO },
  { 11, 4, 9, 0, 180, "领导接访日", "petition", "区信访接待中心", TODO },
};

/* About forty sessions of a district government around October 2026. */
GListStore *
quorum_fake_october (void)
{
  GListStore *store = g_list_store_new (QUORUM_TYPE_OCCURRENCE);

  for (guint i = 0; i < G_N_ELEMENTS (october); i++)
    {
      const FakeEvent *e = &october[i];
      g_autoptr(QuorumOccurrence) occurrence = NULL;

      occurrence = quorum_fake_occurrence (i + 1, e->title, e->kind, e->location, 2026, e->month,
                                           e->day, e->hour, e->minute, e->minutes, e->status);
      /* The investment talks of the 16th were moved to the 28th. */
      if (e->month == 10 && e->day == 28 && g_str_equal (e->kind, "investment"))
        {
          g_autoptr(GDateTime) start = g_date_time_ref (quorum_occurrence_get_start (occurrence));
          g_autoptr(GDateTime) end = g_date_time_ref (quorum_occurrence_get_end (occurrence));

          g_clear_object (&occurrence);
          occurrence = g_object_new (QUORUM_TYPE_OCCURRENCE,
                                     "id", (gint64)i + 1, "title", e->title, "kind", e->kind,
                                     "location", e->location, "moved", TRUE,
                                     "start", start, "end", end, "n-expected", 15u,
                                     NULL);
        }
      g_list_store_append (store, occurrence);
    }

  return store;
}
