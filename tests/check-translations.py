#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a file with translatable strings is missing from po/POTFILES.in,
when POTFILES.in names a file that does not exist, or when a language in
po/LINGUAS has untranslated or fuzzy messages."""

import pathlib
import re
import subprocess
import sys

root = pathlib.Path(sys.argv[1])
potfiles = [l.strip() for l in (root / 'po' / 'POTFILES.in').read_text().splitlines()
            if l.strip() and not l.startswith('#')]
errors = []

c_marker = re.compile(r'(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext)\s*\(')
for path in sorted(list((root / 'src').rglob('*.c')) + list((root / 'src').rglob('*.h'))):
    rel = path.relative_to(root).as_posix()
    if c_marker.search(path.read_text(encoding='utf-8')) and rel not in potfiles:
        errors.append(f'{rel} has translatable strings but is not in po/POTFILES.in')
for path in sorted((root / 'ui').rglob('*.ui')):
    rel = path.relative_to(root).as_posix()
    if 'translatable="yes"' in path.read_text(encoding='utf-8') and rel not in potfiles:
        errors.append(f'{rel} has translatable strings but is not in po/POTFILES.in')
for rel in potfiles:
    if not (root / rel).exists():
        errors.append(f'po/POTFILES.in names {rel}, which does not exist')
if potfiles != sorted(potfiles):
    errors.append('po/POTFILES.in is not sorted')

# Every message of the sources must be in each catalogue, translated.
pot = subprocess.run(
    ['xgettext', '--from-code=UTF-8', '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2',
     '--keyword=NC_:1c,2', '--keyword=g_dngettext:2,3', '--add-comments=Translators',
     '--output=-', '--directory', str(root), *potfiles],
    check=True, capture_output=True, text=True).stdout
for lang in (root / 'po' / 'LINGUAS').read_text().split():
    po = root / 'po' / f'{lang}.po'
    merged = subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '--output-file=-',
                             str(po), '-'], input=pot, check=True, capture_output=True,
                            text=True).stdout
    stats = subprocess.run(['msgfmt', '--statistics', '--check', '--output-file=/dev/null', '-'],
                           input=merged, capture_output=True, text=True)
    if stats.returncode != 0:
        errors.append(f'po/{lang}.po does not compile: {stats.stderr.strip()}')
    elif 'untranslated' in stats.stderr or 'fuzzy' in stats.stderr:
        missing = subprocess.run(['msgattrib', '--untranslated', '--no-wrap', '-'],
                                 input=merged, capture_output=True, text=True).stdout
        ids = re.findall(r'^msgid "(.+)"$', missing, re.M)
        errors.append(f'po/{lang}.po is incomplete ({stats.stderr.strip()}): '
                      + '; '.join(ids[:20]))

for e in errors:
    print(e)
sys.exit(1 if errors else 0)
