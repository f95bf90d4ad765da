#!/usr/bin/env python3
"""Derives assets/divisions.tsv from ../shared/data (see assets/NOTICE.md for sources).

Output, one division a line, sorted by code:
    code9 <TAB> level <TAB> name
code9 is the first nine digits of the 12-digit code (the rest are always zero down to
township level); the parent follows from the code (see src/core/divisions.rs).
A second section, after a line `#old`, lists names that the 2023 statistical table used for
divisions the 2025 civil-affairs table has renamed: `code9 <TAB> old name`.
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', '..', 'shared', 'data')


def read(name):
    rows = {}
    with open(os.path.join(DATA, name), encoding='utf-8') as f:
        next(f)
        for line in f:
            code, level, name, _parent = line.rstrip('\n').split('\t')
            code = code.ljust(12, '0')
            assert code.endswith('000'), code
            rows[code[:9]] = (int(level), name)
    return rows


def main():
    mca = read('cn_divisions_mca2025.tsv')
    nbs = read('cn_divisions_nbs2023.tsv')
    out = [f'{code}\t{level}\t{name}' for code, (level, name) in sorted(mca.items())]
    out.append('#old')
    for code, (level, name) in sorted(nbs.items()):
        if code in mca and mca[code][1] != name and level >= 3:
            out.append(f'{code}\t{name}')
    with open(os.path.join(HERE, 'divisions.tsv'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')
    print(f'{len(mca)} divisions, {len(out) - len(mca) - 1} old names', file=sys.stderr)


if __name__ == '__main__':
    main()
