#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Independent check of our iCalendar export: runs tests/ics-export-sample
# (given as the only argument), reads its .ics with python-icalendar, expands
# the series with dateutil and compares the occurrence starts with the list
# the C side computed with libical. Run by /usr/bin/python3, where Debian's
# python3-icalendar lives; exits 77 (skip) when the module is missing.

import datetime
import os
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


def utc(dt):
    return dt.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def zoned(prop):
    """The property's datetime, in the IANA zone its TZID names."""
    dt = prop.dt
    tzid = prop.params.get("TZID")
    if tzid is not None:
        return dt.replace(tzinfo=None).replace(tzinfo=ZoneInfo(tzid))
    return dt


def expand(master, overrides):
    start = zoned(master["DTSTART"])
    tz = start.tzinfo
    naive = start.replace(tzinfo=None)
    rule = master["RRULE"].to_ical().decode()
    # UNTIL is UTC; compare in naive wall time of the series' zone.
    parts = []
    for part in rule.split(";"):
        if part.startswith("UNTIL="):
            until = datetime.datetime.strptime(part[6:], "%Y%m%dT%H%M%SZ")
            until = until.replace(tzinfo=datetime.timezone.utc).astimezone(tz).replace(tzinfo=None)
            part = "UNTIL=" + until.strftime("%Y%m%dT%H%M%S")
        parts.append(part)
    rs = rrule.rruleset()
    rs.rrule(rrule.rrulestr(";".join(parts), dtstart=naive))

    def props(name):
        value = master.get(name)
        if value is None:
            return []
        return value if isinstance(value, list) else [value]

    for prop in props("RDATE"):
        for d in prop.dts:
            rs.rdate(d.dt.replace(tzinfo=None))
    for prop in props("EXDATE"):
        if prop.params.get("TZID") is None:
            raise SystemExit(f"EXDATE without TZID: {prop.to_ical()}")
        for d in prop.dts:
            rs.exdate(d.dt.replace(tzinfo=None))

    uid = str(master["UID"])
    out = []
    for occ in rs:
        occ = occ.replace(tzinfo=tz)
        key = utc(occ)
        override = overrides.get((uid, key))
        if override is None:
            out.append(f"{uid} {key}")
        elif str(override.get("STATUS", "")) != "CANCELLED":
            out.append(f"{uid} {utc(zoned(override['DTSTART']))}")
    return out


def main():
    if len(sys.argv) != 2:
        print("usage: check-ics-python.py ICS-EXPORT-SAMPLE", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        ics_path = os.path.join(tmp, "sample.ics")
        expected_path = os.path.join(tmp, "expected.txt")
        subprocess.run([sys.argv[1], ics_path, expected_path], check=True)
        with open(ics_path, "rb") as f:
            raw = f.read()
        with open(expected_path, encoding="utf-8") as f:
            expected = f.read().splitlines()

    for n, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 75:
            print(f"line {n} is {len(line)} octets long")
            return 1
        line.decode("utf-8")  # raises if a fold split a character

    cal = icalendar.Calendar.from_ical(raw)
    events = list(cal.walk("VEVENT"))
    overrides = {}
    for ev in events:
        if "RECURRENCE-ID" in ev:
            overrides[(str(ev["UID"]), utc(zoned(ev["RECURRENCE-ID"])))] = ev
    got = []
    for ev in events:
        if "RECURRENCE-ID" not in ev and "RRULE" in ev:
            got.extend(expand(ev, overrides))
    got.sort()

    summaries = {str(ev["SUMMARY"]) for ev in events}
    if "党组理论学习中心组学习，每周三上午，请带笔记本" not in summaries:
        print(f"the Chinese summary did not survive: {summaries}")
        return 1

    if got != expected:
        print("occurrences differ (python-icalendar/dateutil vs libical):")
        for line in sorted(set(got) ^ set(expected)):
            print(("  only python: " if line in got else "  only libical: ") + line)
        return 1
    print(f"ok: {len(got)} occurrences agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
