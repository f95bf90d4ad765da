#!/usr/bin/env python3
"""Unit and district precision/recall of `BINARY parse --json` against truth files.
usage: uniteval.py BINARY TRUTH.json... [--verbose]

Items are matched as segeval.py matches them; precision is right answers among those given,
recall right answers among matched items whose truth names one."""
import json, os, sys
# The scorer's matching, from ../shared beside the checkout.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/tools'))
from segeval import strip, load_pred, pred_body, overlap

def main(argv):
    binary, files = argv[0], [a for a in argv[1:] if not a.startswith('--')]
    verbose = '--verbose' in argv
    stats = {f: dict(given=0, right=0, truth=0, matched=0) for f in ('unit', 'district')}
    lines = []
    for tp in files:
        truth = json.load(open(tp, encoding='utf-8'))
        page = os.path.join(os.path.dirname(tp), truth['file'])
        pred = load_pred(binary, page)
        used = set()
        for t in truth['items']:
            best, bi = 0.0, None
            for i, p in enumerate(pred):
                if i in used: continue
                o = overlap(pred_body(p), t['body'])
                if o > best: best, bi = o, i
            if bi is None or best < 0.5: continue
            used.add(bi)
            p = pred[bi]
            label = (t.get('title') or 'photo:' + t['body'][:12])
            for f in ('unit', 'district'):
                want = [strip(x) for x in (t.get(f) or []) if strip(x)]
                got = strip(p.get(f))
                s = stats[f]; s['matched'] += 1
                if want: s['truth'] += 1
                conf = (p.get('confidence') or {}).get(f)
                if got:
                    s['given'] += 1
                    s[conf] = s.get(conf, [0, 0]); s[conf][0] += 1; s[conf][1] += got in want
                    if got in want: s['right'] += 1
                    else: lines.append(f'{os.path.basename(tp)[:14]} {f} WRONG {got!r} want {want} [{label}] conf={p.get("confidence")}')
                elif want:
                    lines.append(f'{os.path.basename(tp)[:14]} {f} none want {want} [{label}]')
    if verbose:
        print('\n'.join(lines))
    for f, s in stats.items():
        prec = 100 * s['right'] / s['given'] if s['given'] else 0
        rec = 100 * s['right'] / s['truth'] if s['truth'] else 0
        print(f"{f}: precision {s['right']}/{s['given']} = {prec:.1f}%  recall {s['right']}/{s['truth']} = {rec:.1f}%  (matched items {s['matched']})  by confidence [given, right]: high {s.get('high')} low {s.get('low')}")

main(sys.argv[1:])
