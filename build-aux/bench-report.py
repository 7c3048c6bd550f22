#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the benchmark programs of tests/benchmarks several times, each
figure next to its baseline in the same run, and prints the table: figure,
median, min, max, baseline, ratio, target, pass/fail. With --results it also
writes that table, the details and notes on the machine to a Markdown file.

Every program prints lines "BENCH <metric> <value> <unit>". The runs of the
programs are interleaved (all programs once, then all again...), so that a
machine that gets busier or quieter affects a figure and its baseline alike.
Called by build-aux/bench, inside Xvfb and a D-Bus session. Exits 1 when a
figure misses its target or a program fails."""

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

# id, what, metric, baseline metric, kind, target, unit
#   kind "ratio": median / baseline median <= target
#   kind "delta": median - baseline median <= target (in the unit)
#   kind "abs":   median <= target
FIGURES = [
    ('1', 'Cold start to first frame, big office', 'app.startup', 'minimal.startup',
     'ratio', 1.3, 'ms'),
    ('1b', 'Longest frame in the 1 s after the first, big office', 'app.max-frame', None,
     'abs', 50, 'ms'),
    ("1b'", 'Longest frame showing each page the first time, big office', 'frames.load', None,
     'abs', 50, 'ms'),
    ('1c', 'Longest frame importing 20 000 events on the Feeds page', 'frames.import', None,
     'abs', 50, 'ms'),
    ('1d', 'Longest frame evaluating a year, a period, a person (Obligations)', 'frames.evaluate',
     None, 'abs', 50, 'ms'),
    ('2', 'Month switch, big office (median of 100)', 'month-switch.big', None,
     'abs', 4, 'ms'),
    ('2b', 'Month switch, big office vs. an office with nothing scheduled', 'month-switch.big', 'month-switch.empty',
     'ratio', 1.5, 'ms'),
    ('3', 'Compliance of a whole year, 50 people', 'compliance.50', None,
     'abs', 50, 'ms'),
    ('3b', 'Compliance of a whole year, 100 vs. 50 people', 'compliance.100', 'compliance.50',
     'ratio', 2.0, 'ms'),
    ('4', 'Materialise all series, ten years', 'materialize', 'materialize.libical',
     'ratio', 2.0, 'ms'),
    ('5', 'Export the ten-year feed', 'export', 'export.libical',
     'ratio', 2.0, 'ms'),
    ('5b', 'Import 100 000 events', 'import', 'import.libical',
     'ratio', 3.0, 'ms'),
    ('6', 'Peak memory, Calendar page on the big office', 'app.peak-rss', 'minimal.peak-rss',
     'delta', 40, 'MiB'),
    ('7', 'Roll-call mark, committed durably (median of 200)', 'rollcall', None,
     'abs', 2, 'ms'),
]

BASELINES = {
    'minimal.startup': 'minimal GTK4 + Adw window',
    'minimal.peak-rss': 'minimal GTK4 + Adw window',
    'month-switch.empty': 'nothing scheduled',
    'compliance.50': '50 people',
    'materialize.libical': 'libical recurrence iterator',
    'export.libical': 'libical serialising',
    'import.libical': 'libical parsing',
}


def jobs(builddir, big, big100):
    bench = os.path.join(builddir, 'tests', 'benchmarks')

    def prog(name):
        return os.path.join(bench, name)

    # (command, stamp the start, extra environment)
    return [
        ([prog('bench-startup'), '1000'], True, {'QUORUM_DB': big}),
        ([prog('bench-minimal-window'), '1000'], True, {}),
        ([prog('bench-responsive'), big, '20000'], False, {}),
        ([prog('bench-month-switch'), big, 'big'], False, {}),
        ([prog('bench-month-switch'), 'empty', 'empty'], False, {}),
        ([prog('bench-compliance'), big, '50'], False, {}),
        ([prog('bench-compliance'), big100, '100'], False, {}),
        ([prog('bench-materialize'), big], False, {}),
        ([prog('bench-ics'), big], False, {}),
        ([prog('bench-rollcall'), big], False, {}),
    ]


def run_once(command, stamp, env):
    env = dict(env)
    if stamp:
        # The program measures its cold start from this instant.
        env['QUORUM_BENCH_T0_US'] = str(time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000)
    proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(f'{" ".join(command)} failed ({proc.returncode}):\n{proc.stderr}')
    values = {}
    for line in proc.stdout.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[0] == 'BENCH':
            values[parts[1]] = (float(parts[2]), parts[3])
    return values


def fmt(value, unit):
    if value is None:
        return '—'
    if unit == 'MiB':
        return f'{value:.1f} MiB'
    if value >= 100:
        return f'{value:.0f} {unit}'
    if value >= 10:
        return f'{value:.1f} {unit}'
    return f'{value:.2f} {unit}'


def evaluate(samples):
    rows = []
    all_pass = True
    for fid, what, metric, base, kind, target, unit in FIGURES:
        values = samples.get(metric, [])
        base_values = samples.get(base, []) if base else []
        if not values or (base and not base_values):
            rows.append([fid, what, '—', '—', '—', '—', '—', '—', 'MISSING'])
            all_pass = False
            continue
        median = statistics.median(values)
        base_median = statistics.median(base_values) if base else None
        if kind == 'ratio':
            figure = median / base_median if base_median else float('inf')
            ratio = f'{figure:.2f}×'
            target_text = f'≤ {target:g}×'
        elif kind == 'delta':
            figure = median - base_median
            ratio = f'{figure:+.1f} {unit}'
            target_text = f'≤ +{target:g} {unit}'
        else:
            figure = median
            ratio = '—'
            target_text = f'≤ {target:g} {unit}'
        ok = figure <= target
        all_pass = all_pass and ok
        base_text = '—'
        if base:
            base_text = f'{fmt(base_median, unit)} ({BASELINES.get(base, base)})'
        rows.append([fid, what, fmt(median, unit), fmt(min(values), unit),
                     fmt(max(values), unit), base_text, ratio, target_text,
                     'pass' if ok else 'FAIL'])
    return rows, all_pass


HEADER = ['#', 'Figure', 'Median', 'Min', 'Max', 'Baseline (median)', 'Ratio', 'Target',
          'Result']


def text_table(rows):
    widths = [max(len(str(r[i])) for r in rows + [HEADER]) for i in range(len(HEADER))]
    lines = ['  '.join(str(c).ljust(w) for c, w in zip(HEADER, widths)),
             '  '.join('-' * w for w in widths)]
    for r in rows:
        lines.append('  '.join(str(c).ljust(w) for c, w in zip(r, widths)))
    return '\n'.join(lines)


def markdown_table(header, rows):
    lines = ['| ' + ' | '.join(header) + ' |',
             '|' + '|'.join('---' for _ in header) + '|']
    for r in rows:
        lines.append('| ' + ' | '.join(str(c) for c in r) + ' |')
    return '\n'.join(lines)


def detail_rows(samples, units):
    figure_metrics = {f[2] for f in FIGURES} | {f[3] for f in FIGURES if f[3]}
    rows = []
    for metric in sorted(samples):
        if metric in figure_metrics:
            continue
        values = samples[metric]
        unit = units[metric]
        rows.append([metric, fmt(statistics.median(values), unit),
                     fmt(min(values), unit), fmt(max(values), unit)])
    return rows


def machine_notes(args, runs, elapsed):
    cpu = 'unknown'
    try:
        with open('/proc/cpuinfo', encoding='utf-8') as f:
            for line in f:
                if line.startswith('model name'):
                    cpu = line.split(':', 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        load = ' '.join(open('/proc/loadavg', encoding='utf-8').read().split()[:3])
    except OSError:
        load = 'unknown'
    notes = [
        f'- Date: {datetime.datetime.now().strftime("%Y-%m-%d %H:%M")}',
        f'- CPU: {cpu}, {os.cpu_count()} cores',
        f'- Kernel: {platform.release()}',
        f'- Load average when the table was made: {load}',
        f'- Build: {args.buildtype}, {runs} runs of every program, interleaved; '
        f'whole benchmark run {elapsed:.0f} s',
        '- Display: Xvfb (software rendering), GSettings in memory',
    ]
    for label, path in (('Big office (50 people, 10 years)', args.counts),
                        ('Twice the people (100 people, 10 years)', args.counts100)):
        if path and os.path.exists(path):
            with open(path, encoding='utf-8') as f:
                counts = ', '.join(' '.join(line.strip().split(None, 1)) for line in f
                                   if line.startswith('  '))
            notes.append(f'- {label}: {counts}')
    return '\n'.join(notes)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--builddir', required=True)
    parser.add_argument('--big', required=True, help='the big office (50 people, 10 years)')
    parser.add_argument('--big100', required=True, help='the same with 100 people')
    parser.add_argument('--counts', help='quorum-cli demo output of the big office')
    parser.add_argument('--counts100', help='quorum-cli demo output of the 100-people office')
    parser.add_argument('--runs', type=int, default=5)
    parser.add_argument('--buildtype', default='release')
    parser.add_argument('--results', help='write the table and notes to this Markdown file')
    args = parser.parse_args()

    env = dict(os.environ)
    env.setdefault('GSETTINGS_BACKEND', 'memory')
    env['GSETTINGS_SCHEMA_DIR'] = os.path.join(args.builddir, 'resources')
    env['NO_AT_BRIDGE'] = '1'
    env['GTK_A11Y'] = 'none'
    tmpdir = os.path.join(args.builddir, 'tmp')
    os.makedirs(tmpdir, exist_ok=True)
    # Copies of the office go next to it, on a real disk, for honest fsyncs.
    env['TMPDIR'] = tmpdir

    # The programs open a copy: the app may move the horizon of what it opens,
    # and the cache should stay as generated.
    for name in ('big', 'big100'):
        source = getattr(args, name)
        copy = os.path.join(tmpdir, os.path.basename(source))
        for suffix in ('', '-wal', '-shm'):
            if os.path.exists(copy + suffix):
                os.remove(copy + suffix)
            if os.path.exists(source + suffix):
                shutil.copyfile(source + suffix, copy + suffix)
        setattr(args, name, copy)

    samples = {}
    units = {}
    started = time.monotonic()
    failures = []
    job_list = jobs(args.builddir, args.big, args.big100)
    for run in range(args.runs):
        for command, stamp, extra in job_list:
            name = os.path.basename(command[0])
            print(f'run {run + 1}/{args.runs}: {name} {" ".join(command[1:])}',
                  file=sys.stderr, flush=True)
            try:
                values = run_once(command, stamp, {**env, **extra})
            except (RuntimeError, subprocess.TimeoutExpired) as e:
                failures.append(str(e))
                continue
            for metric, (value, unit) in values.items():
                samples.setdefault(metric, []).append(value)
                units[metric] = unit
    elapsed = time.monotonic() - started

    rows, all_pass = evaluate(samples)
    print(text_table(rows))
    for failure in failures:
        print(f'\nFAILED: {failure}')

    if args.results:
        details = detail_rows(samples, units)
        with open(args.results, 'w', encoding='utf-8') as f:
            f.write('<!-- SPDX-License-Identifier: GPL-3.0-or-later -->\n')
            f.write('# Benchmark results\n\n')
            f.write('Written by `build-aux/bench` (do not edit by hand; notes on the figures '
                    'are in `tests/benchmarks/README.md`).\n\n')
            f.write(markdown_table(HEADER, rows) + '\n\n')
            f.write('## Details (medians over the runs)\n\n')
            f.write(markdown_table(['Metric', 'Median', 'Min', 'Max'], details) + '\n\n')
            f.write('## Machine\n\n')
            f.write(machine_notes(args, args.runs, elapsed) + '\n')
            if failures:
                f.write('\n## Failures\n\n')
                for failure in failures:
                    f.write(f'```\n{failure}\n```\n')

    return 0 if all_pass and not failures else 1


if __name__ == '__main__':
    sys.exit(main())
