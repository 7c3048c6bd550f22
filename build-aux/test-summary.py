#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sums meson test logs (meson-logs/testlog.json) into one line:
"N passed, N failed" and ", N skipped" when any were skipped.

A TAP test (GTest) counts its subtests, read from the TAP text on its stdout;
tests of its plan that never reported (a crash) count as failed, and so does a
test whose exit status failed when none of its subtests did. A test without
TAP counts once. A missing log counts as one failure, and so does a run in
which no test ran at all. Exits non-zero when anything failed."""

import json
import re
import sys

passed = failed = skipped = 0
notes = []

plan_re = re.compile(r'^1\.\.(\d+)(?:\s*#\s*SKIP\b(.*))?', re.I)
result_re = re.compile(r'^(not ok|ok)\b[^#]*(#\s*(SKIP|TODO)\b.*)?', re.I)

for path in sys.argv[1:]:
    try:
        f = open(path, encoding='utf-8')
    except OSError:
        failed += 1
        notes.append(f'failed: {path} (no test log)')
        continue
    with f:
        for line in f:
            if not line.strip():
                continue
            entry = json.loads(line)
            name = entry.get('name', '?')
            result = entry.get('result', '')
            ok_result = result in ('OK', 'EXPECTEDFAIL')
            plan = None
            n_ok = n_fail = n_skip = 0
            for tap in (entry.get('stdout') or '').splitlines():
                m = plan_re.match(tap)
                if m:
                    plan = int(m.group(1))
                    continue
                m = result_re.match(tap)
                if m:
                    if m.group(3) and m.group(3).upper() == 'SKIP':
                        n_skip += 1
                    elif m.group(1).lower() == 'ok':
                        n_ok += 1
                    else:
                        n_fail += 1
                        notes.append(f'failed: {name}: {tap}')
            if plan is None and n_ok + n_fail + n_skip == 0:
                if ok_result:
                    passed += 1
                elif result == 'SKIP':
                    skipped += 1
                    notes.append(f'skipped: {name}')
                else:
                    failed += 1
                    notes.append(f'failed: {name} ({result})')
                continue
            if plan == 0:
                skipped += 1
                notes.append(f'skipped: {name} (whole test)')
                continue
            missing = max(0, (plan or 0) - (n_ok + n_fail + n_skip))
            if not ok_result and n_fail == 0 and missing == 0:
                n_fail = 1
                notes.append(f'failed: {name} ({result})')
            if missing:
                notes.append(f'failed: {name}: {missing} subtests never reported ({result})')
            passed += n_ok
            failed += n_fail + missing
            skipped += n_skip

if passed + failed == 0:
    failed = 1
    notes.append('failed: no test ran')

for n in notes:
    print(n)
line = f'{passed} passed, {failed} failed'
if skipped:
    line += f', {skipped} skipped'
print(line)
sys.exit(1 if failed else 0)
