#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Independent check of the store's FULL export: fills a temporary database
# with quorum-cli (the first argument), exports it, expands the file with
# python-icalendar and dateutil, and compares the result with
# `quorum-cli occurrences --json`. Also runs `import` (a second import changes
# nothing; a broken file is refused with its line) and `feed url|rotate`.
# Run by /usr/bin/python3, where Debian's python3-icalendar lives; exits 77
# (skip) when the module is missing.

import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import icalendar
    from dateutil import rrule
    from zoneinfo import ZoneInfo
except ImportError as e:
    print(f"SKIP: python3-icalendar or dateutil is not available to {sys.executable}: {e}")
    sys.exit(77)

CLI = sys.argv[1]


def cli(*args, status=0):
    done = subprocess.run([CLI, *args], capture_output=True, text=True)
    if done.returncode != status:
        sys.exit(f"quorum-cli {' '.join(args)}: exit {done.returncode}, expected {status}\n"
                 f"{done.stdout}{done.stderr}")
    return done


def zoned(value, tzid):
    if isinstance(value, datetime.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=ZoneInfo(tzid or "UTC"))
    if isinstance(value, datetime.datetime) and tzid is not None:
        return value.replace(tzinfo=None).replace(tzinfo=ZoneInfo(tzid))
    return value


def prop_times(component, name):
    value = component.get(name)
    if value is None:
        return []
    out = []
    for prop in value if isinstance(value, list) else [value]:
        tzid = prop.params.get("TZID")
        out.extend(zoned(v.dt, tzid) for v in prop.dts)
    return out


def utc(dt):
    return dt.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def expand(calendar, start, end):
    masters, overrides = {}, {}
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        if "RECURRENCE-ID" in event:
            rid = event["RECURRENCE-ID"]
            overrides[(uid, utc(zoned(rid.dt, rid.params.get("TZID"))))] = event
        else:
            masters[uid] = event

    found = set()
    for uid, master in masters.items():
        dtstart = master["DTSTART"]
        tzid = dtstart.params.get("TZID")
        first = zoned(dtstart.dt, tzid)
        if "RRULE" not in master:
            if str(master.get("STATUS", "")) != "CANCELLED" and start <= first < end:
                found.add((uid, utc(first)))
            continue
        tz = first.tzinfo
        rs = rrule.rruleset()
        rs.rrule(rrule.rrulestr(master["RRULE"].to_ical().decode(),
                                dtstart=first.replace(tzinfo=None)))
        for rdate in prop_times(master, "RDATE"):
            rs.rdate(rdate.astimezone(tz).replace(tzinfo=None))
        for exdate in prop_times(master, "EXDATE"):
            rs.exdate(exdate.astimezone(tz).replace(tzinfo=None))
        for naive in rs.between(start.astimezone(tz).replace(tzinfo=None) - datetime.timedelta(days=31),
                                end.astimezone(tz).replace(tzinfo=None), inc=True):
            when = naive.replace(tzinfo=tz)
            override = overrides.get((uid, utc(when)))
            if override is not None:
                if str(override.get("STATUS", "")) == "CANCELLED":
                    continue
                when = zoned(override["DTSTART"].dt, override["DTSTART"].params.get("TZID"))
            if start <= when < end:
                found.add((uid, utc(when)))
    return found


with tempfile.TemporaryDirectory() as tmp:
    os.environ["QUORUM_DB"] = os.path.join(tmp, "quorum.db")
    cli("init")
    cli("person", "add", "张三", "--rank", "1")
    cli("person", "add", "李四", "--rank", "2")
    cli("unit", "add", "市政府党组", "--kind", "party-group")
    cli("relation", "add", "张三", "市政府党组", "member", "--from", "2025-01-01")
    cli("relation", "add", "李四", "市政府党组", "member", "--from", "2025-01-01")
    today = datetime.date.today()
    first = today.replace(day=1) - datetime.timedelta(days=60)
    cli("series", "add", "--title", "党组理论学习中心组学习", "--duty", "theory-study",
        "--start", f"{first.isoformat()} 09:00", "--rrule", "FREQ=MONTHLY;BYMONTHDAY=20",
        "--participant-unit", "市政府党组", "--location", "二楼会议室")
    cli("series", "add", "--title", "周例会", "--start", f"{first.isoformat()} 08:30",
        "--rrule", "FREQ=WEEKLY;BYDAY=MO,TH", "--participant", "张三", "--holiday", "skip")
    cli("series", "add", "--title", "值班", "--start", f"{first.isoformat()} 18:00",
        "--rrule", "FREQ=DAILY;INTERVAL=3", "--participant", "李四", "--holiday", "next-workday")

    start = datetime.datetime.combine(first, datetime.time(), ZoneInfo("Asia/Shanghai"))
    end = start + datetime.timedelta(days=360)
    listed = json.loads(cli("occurrences", "--from", first.isoformat(),
                            "--to", (end - datetime.timedelta(days=1)).date().isoformat(),
                            "--json").stdout)
    future = [o for o in listed if o["start"] > today.isoformat() and o["title"] == "周例会"]
    cli("move", str(future[0]["id"]), "--start", future[0]["start"][:10] + " 15:00")
    cli("cancel", str(future[1]["id"]), "--reason", "调休")

    listed = json.loads(cli("occurrences", "--from", first.isoformat(),
                            "--to", (end - datetime.timedelta(days=1)).date().isoformat(),
                            "--json").stdout)
    expected = {(o["uid"], utc(datetime.datetime.fromisoformat(o["start"])))
                for o in listed if o["status"] != "cancelled"}

    path = os.path.join(tmp, "calendar.ics")
    cli("export", path)
    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    found = expand(calendar, start, end)
    if found != expected:
        sys.exit(f"expansion differs: only in the export {sorted(found - expected)[:5]}, "
                 f"only in the store {sorted(expected - found)[:5]}")
    print(f"{len(found)} occurrences agree")

    again = cli("import", path).stdout
    if "Unchanged: 3" not in again or "Created: 0" not in again:
        sys.exit(f"a second import changed something:\n{again}")

    broken = os.path.join(tmp, "broken.ics")
    with open(broken, "w") as f:
        f.write("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:tomorrow\r\n"
                "END:VEVENT\r\nEND:VCALENDAR\r\n")
    refused = cli("import", broken, status=1)
    if f"{broken}:4:" not in refused.stderr:
        sys.exit(f"the refusal does not name the line: {refused.stderr}")

    url = cli("feed", "url", "张三").stdout.strip()
    if not re.fullmatch(r"http://127\.0\.0\.1:8739/feeds/[a-z2-7]{52}\.ics", url):
        sys.exit(f"unexpected feed URL {url}")
    if cli("feed", "url", "张三").stdout.strip() != url:
        sys.exit("feed url made a second token")
    rotated = cli("feed", "rotate", "张三", "--webcal").stdout.strip()
    if not rotated.startswith("webcal://") or rotated.split("/")[-1] == url.split("/")[-1]:
        sys.exit(f"rotate did not make a new address: {rotated}")
    print("import and feed commands behave")
