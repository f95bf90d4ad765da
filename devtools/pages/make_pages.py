#!/usr/bin/env python3
"""Lay real published articles (articles.json) out as pdftotext-style page text.

Writes out/NAME.txt and out/NAME.truth.json in the truth format of the shared fixtures.
Deterministic: a fixed seed, stdlib only.  Run:  python3 devtools/pages/make_pages.py
"""
import datetime
import json
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'out')
SEED = 20240607

ARTS = {a['id']: a for a in json.load(open(os.path.join(HERE, 'articles.json'), encoding='utf-8'))}

# Invented people for page furniture (editors, designers, proof-readers).
EDITORS = ['王伟', '李娜', '张强', '刘洋', '王芳', '赵磊', '孙丽', '陈静', '杨帆', '周敏', '吴昊',
           '郑岚', '冯雪', '褚涛', '卫东', '蒋红', '韩梅', '曹阳', '许可', '何平']
WEEK = '一二三四五六日'
NOPEN = set('，。、；：！？”’）》」』…%')   # never start a line with these
SENT_END = tuple('。！？”')
BANNERS = ['——“我为群众办实事”实践活动系列报道', '聚焦·乡村振兴', '【文明创建进行时】',
           '喜迎二十大·奋进新征程', '▲ 基层一线见闻 ▲', '走基层·看变化']


def vis(ch):
    return 0.5 if ' ' < ch <= '~' else 1.0


def strip_ws(s):
    return re.sub(r'\s+', '', s or '')


def norm_role(r):
    """The role a reader files a credit under: printed role word without the paper's prefix."""
    if r is None:
        return None
    for p in ('潍坊日报社', '福州日报', '烟台晚报', '德州晚报', '本报', 'YMG', '晚报'):
        if r.startswith(p) and len(r) > len(p):
            r = r[len(p):]
    return r


def spaced(name):
    return ' '.join(name)


class Page:
    def __init__(self, name, city, rng, w, pw, parsep, spacing, colbreak):
        self.name, self.city, self.rng = name, city, rng
        self.w, self.pw, self.parsep = w, pw, parsep
        self.spacing, self.colbreak = spacing, colbreak
        self.lines = []
        self.items = []

    # -- low level -------------------------------------------------------
    def add(self, s):
        self.lines.append(s)
        return len(self.lines)

    def blank(self, n=1):
        for _ in range(n):
            if self.lines and self.lines[-1] != '':
                self.lines.append('')

    def wrap(self, text, width, first_width=None):
        """Split text into (start, end) index ranges no wider than width."""
        out, i, n = [], 0, len(text)
        cur = first_width if first_width else width
        while i < n:
            j, acc = i, 0.0
            while j < n and acc + vis(text[j]) <= cur:
                acc += vis(text[j])
                j += 1
            if j == i:
                j = i + 1
            # kinsoku: pull closing punctuation up onto this line
            while j < n and text[j] in NOPEN and j - i < cur + 2:
                j += 1
            out.append((i, j))
            i, cur = j, width
        return out

    def dress(self, s, full):
        """Extraction noise on a body line: letter spacing of justified lines, spaced digits."""
        if self.spacing and full and len(s) <= 18 and self.rng.random() < 0.22:
            return ' '.join(s)
        if self.spacing and self.rng.random() < 0.3:
            s = re.sub(r'(?<=[\u4e00-\u9fff])(\d+)(?=[\u4e00-\u9fff])', r' \1 ', s)
        return s

    def para_lines(self, text, width, indent=''):
        """Add one paragraph; returns list of (line_no, start, end)."""
        rows = self.wrap(text, width, width - (1 if indent else 0))
        res = []
        for k, (a, b) in enumerate(rows):
            seg = text[a:b]
            full = k + 1 < len(rows)
            if k > 0 and self.colbreak and not text[a - 1] in '。！？' and self.rng.random() < self.colbreak:
                self.add('')       # column break mid-sentence
            line = self.dress(seg, full).lstrip(' ')
            if k == 0 and indent:
                line = indent + line
            res.append((self.add(line), a, b))
        return res

    def body_block(self, paras, width, lead='', tail='', tail_sep=''):
        """Lay body paragraphs; lead (dateline) glued before the first, tail (credit) after the last.
        Returns (para_starts, body_last_line, last_line)."""
        starts, last_body = [], None
        indent = '  ' if self.parsep == 'indent' else ''
        for k, p in enumerate(paras):
            text = (lead if k == 0 else '') + p
            body_end = len(text)
            inline_credit = None
            if k == len(paras) - 1 and tail:
                if tail_sep == '  ':     # caption credit: kept whole, on the last line or its own
                    inline_credit = tail
                else:
                    text = text + tail_sep + tail
            rows = self.para_lines(text, width, indent)
            starts.append(rows[0][0])
            for ln, a, b in rows:
                if a < body_end:
                    last_body = ln
            last_line = rows[-1][0]
            if inline_credit:
                lastlen = sum(vis(c) for c in self.lines[-1])
                if lastlen + 2 + sum(vis(c) for c in inline_credit) <= width + 14:
                    self.lines[-1] += '  ' + inline_credit
                else:
                    self.add(inline_credit)
            if k + 1 < len(paras):
                lastseg = text[rows[-1][1]:rows[-1][2]]
                short = (rows[-1][2] - rows[-1][1]) < width - 1
                if self.parsep == 'blank' or (self.parsep == 'none' and not (short and lastseg.endswith(SENT_END))):
                    self.add('')
        return starts, last_body, len(self.lines)

    # -- truth -----------------------------------------------------------
    def truth(self, art, kind, title, subtitle, kicker, authors, body, starts, first, last, body_last):
        dl = list(art.get('district') or [''])
        if self.city and art.get('city') and art['city'] != self.city:
            dl = [d for d in dl if d not in ('市直',)] + [art['city']]
        self.items.append({
            'kind': kind, 'title': title, 'subtitle': subtitle, 'kicker': kicker,
            'authors': [{'name': n, 'role': norm_role(r)} for n, r in authors],
            'body': strip_ws(''.join(body)),
            'para_starts': starts,
            'unit': list(art['unit']) if art.get('unit') else [''],
            'district': dl,
            'lines': [first, last], 'body_last_line': body_last,
            'source': art['id'],
        })


# -- credits ---------------------------------------------------------------
def groups(authors):
    """[(role, [names])] in printed order."""
    out = []
    for n, r in authors:
        if out and out[-1][0] == r:
            out[-1][1].append(n)
        else:
            out.append((r, [n]))
    return out


def credit_text(authors, sep=' ', glue=' '):
    parts = []
    for r, names in groups(authors):
        parts.append(((r + glue) if r else '') + sep.join(names))
    return ' '.join(parts)


# -- items -------------------------------------------------------------------
def title_lines(pg, title, two):
    if not two:
        return [title]
    if ' ' in title:
        a, b = title.split(' ', 1)
        return [a, b]
    if '，' in title:
        k = title.index('，') + 1
        return [title[:k], title[k:]]
    k = len(title) // 2
    return [title[:k], title[k:]]


def render_article(pg, art, st):
    """st: dict of per-item style choices."""
    rng = pg.rng
    w = pg.w
    authors = [tuple(x) for x in art.get('authors', [])]
    paras = list(art['body'])
    kicker = st.get('kicker', art.get('kicker'))
    title = art.get('title') if not st.get('untitled') else None
    subtitle = art.get('subtitle')
    if subtitle and st.get('dash'):
        subtitle = '——' + subtitle
    byl = st.get('byline', 'dateline')
    cs = art.get('credit_style')
    if cs == 'trailing':
        byl = 'trailing'
    elif cs in ('ownline', 'wentu', 'bare'):
        byl = cs
    if not authors and byl not in ('dateline',):
        byl = 'none'
    dateline = art.get('dateline')
    lead, tail, tail_sep = '', '', ''
    top_lines, after_lines = [], []
    if byl == 'dateline':
        dl = dateline or st.get('dateline_word', '本报讯')
        if dl == '本报讯' and st.get('place_dateline') and pg.city:
            dl = '本报' + pg.city.rstrip('市') + '讯'
        if authors:
            lead = dl + st.get('dl_space', '') + '（' + credit_text(authors) + '）'
        else:
            lead = dl + ' '
        if art.get('office'):
            tail = '（' + art['office'] + '）'
    elif byl == 'box':
        gs = groups(authors)
        for k, (r, names) in enumerate(gs):
            s = ('□' if k == 0 else ' ') + (spaced(r) + ' ' if r else ' ') + ' '.join(names)
            if k == len(gs) - 1:
                s += ' 报道'
            top_lines.append(s)
        if dateline and rng.random() < 0.5:
            lead = '本报讯 '
    elif byl == 'mark':
        gs = groups(authors)
        for k, (r, names) in enumerate(gs):
            rr = ('本报' + r) if r in ('记者', '通讯员') else (r or '')
            if k == 0:
                top_lines.append('■ ' + (spaced(rr) + ' ' if rr else '') + ' '.join(names))
            else:
                top_lines.append((rr + ' ' if rr else '') + ' '.join(names))
    elif byl == 'creditline':
        gs = groups(authors)
        parts = []
        for r, names in gs:
            rr = r
            if r == '记者':
                rr = st.get('reporter_word', '本报记者')
            parts.append(((rr + ' ') if rr else '') + ' '.join(names))
        top_lines.append(' '.join(parts))
        if dateline and st.get('keep_lead', True):
            lead = '本报讯 '
    elif byl == 'wentu':
        top_lines.append(credit_text([(n, ('本报' + r) if r == '记者' else r) for n, r in authors]) + ' 文/图')
    elif byl == 'trailing':
        if dateline and rng.random() < 0.6:
            lead = dateline + ' '
        if any(r for _, r in authors):
            tail = '（' + credit_text(authors, sep=' ', glue='') + '）'
        else:
            tail = '（' + ' '.join(n for n, _ in authors) + '）'
    elif byl in ('ownline', 'ownline_rm'):
        rr = authors[0][1] or ''
        names = ' '.join(n for n, _ in authors)
        if st.get('colon'):
            after_lines.append(rr + '：' + names)
        else:
            after_lines.append(('本报' + rr if byl == 'ownline_rm' else rr) + ' ' + names)
    elif byl == 'bare':
        tail, tail_sep = ' '.join(n for n, _ in authors), ' '
    elif byl == 'wentu_slash':
        after_lines.append('文图/' + authors[0][0])
        authors = [(authors[0][0], None)]
    # ---- lay out
    first = None
    marker = st.get('marker', '')
    if marker:
        lead = marker + lead
    head_after = st.get('head_after') and title
    tlines = title_lines(pg, title, st.get('two_line')) if title else []

    def head():
        nonlocal first
        if kicker:
            n = pg.add(kicker)
            first = first or n
            if st.get('kicker_gap'):
                pg.add('')
        for t in tlines:
            n = pg.add(t)
            first = first or n
        if subtitle:
            pg.add(subtitle)

    if not head_after:
        head()
        if title and st.get('gap_after_head', True):
            pg.add('')
    for t in top_lines:
        n = pg.add(t)
        first = first or n
    if top_lines and st.get('gap_after_byline', rng.random() < 0.5):
        pg.add('')
    if st.get('cont_from'):
        n = pg.add('（上接第%d版）' % st['cont_from'])
        first = first or n
    starts, body_last, last = pg.body_block(paras, w, lead=lead, tail=tail, tail_sep=tail_sep)
    first = first or starts[0]
    for s in after_lines:
        last = pg.add(s)
    if st.get('cont_to'):
        last = pg.add('（下转第%d版）' % st['cont_to'])
    if head_after:
        pg.add('')
        head()
        last = len(pg.lines)
    kind = 'article'
    pg.truth(art, kind, title, subtitle, kicker, authors, paras, starts, first, last, body_last)


def render_photo(pg, arts, st):
    """One caption, or a numbered/arrowed group sharing a credit line."""
    rng = pg.rng
    pw = pg.pw
    shared = len(arts) > 1 and st.get('shared_credit')
    pending = []
    for k, art in enumerate(arts):
        authors = [tuple(x) for x in art['authors']]
        title = art.get('title') if st.get('titles', True) else None
        subtitle = art.get('subtitle') if title else None
        first = None
        if title:
            first = pg.add(title)
            if subtitle:
                pg.add(subtitle)
        num = art.get('number', '') if st.get('numbers', True) else ''
        credit = art['credit']
        inline = (not shared) and st.get('inline', False) and '\n' not in credit
        paras = list(art['body'])
        tail, sep = '', ''
        if inline:
            c = credit if credit.startswith(('■', '（', '(')) else ('■ ' + credit if st.get('mark') else credit)
            tail, sep = c, '  '
        starts, body_last, last = pg.body_block(paras, pw, lead=num, tail=tail, tail_sep=sep)
        first = first or starts[0]
        if not inline and not shared:
            for cl in credit.split('\n'):
                last = pg.add(cl)
        pending.append([art, title, subtitle, authors, paras, starts, first, last, body_last])
        if shared and k + 1 < len(arts):
            pg.add('') if st.get('gap', True) else None
        elif not shared and k + 1 < len(arts):
            pg.add('')
    if shared:
        last = pg.add(arts[-1]['credit'])
        pending[-1][7] = last
    for art, title, subtitle, authors, paras, starts, first, last, body_last in pending:
        pg.truth(art, 'photo', title, subtitle, None, authors, paras, starts, first, last, body_last)


def render_briefs(pg, label, arts, st):
    pg.add(label)
    pg.add('')
    for k, art in enumerate(arts):
        s = dict(st)
        s['untitled'] = True
        s['kicker'] = None
        render_article(pg, art, s)
        if k + 1 < len(arts):
            pg.add('')


# -- furniture -------------------------------------------------------------------
def ed(rng, spaced_names):
    n = rng.choice(EDITORS)
    return ' '.join(n) if spaced_names and len(n) == 2 else n


def running_head(pg, style, date, pno, section, paper):
    rng = pg.rng
    y, m, d, wd = date.year, date.month, date.day, WEEK[date.weekday()]
    if style == 'h1':
        return ['%d %s %d 年 %d 月 %d 日 星期%s 责任编辑：%s 组版：%s 校对：%s' % (
            pno, ' '.join(section), y, m, d, wd, ed(rng, 1), ed(rng, 1), ed(rng, 1))]
    if style == 'h2':
        return ['%d %d年%d月%d日 星期%s %s' % (pno, y, m, d, wd, section)]
    if style == 'h3':
        return ['%s %d年%d月%d日 星期%s' % (paper, y, m, d, wd),
                '值班编委/%s 本版编辑/%s 美编/%s 文检/%s' % (ed(rng, 0), ed(rng, 0), ed(rng, 0), ed(rng, 0))]
    if style == 'h4':
        return ['%d %s' % (pno, section), '%d 年 %d 月 %d 日 星期%s' % (y, m, d, wd)]
    if style == 'h5':
        return ['A%02d %s' % (pno, section), '%s  %d年%d月%d日  编辑 %s  美编 %s' % (paper, y, m, d, ed(rng, 0), ed(rng, 0))]
    raise ValueError(style)


# -- pages -------------------------------------------------------------------
def P(*ids):
    return [ARTS[i] for i in ids]


def build(spec, idx):
    rng = random.Random(SEED * 100 + idx)
    pg = Page(spec['name'], spec.get('city'), rng, spec.get('w', rng.randint(13, 17)),
              spec.get('pw', rng.randint(25, 35)), spec.get('parsep', 'blank'),
              spec.get('spacing', False), spec.get('colbreak', 0.05))
    date = datetime.date(2017, 1, 1) + datetime.timedelta(days=rng.randint(0, 2600))
    head = running_head(pg, spec['head'], date, spec.get('pno', rng.randint(2, 12)),
                        spec.get('section', '综合'), spec.get('paper', ''))
    top = spec.get('head_pos', 'top') == 'top'
    if top:
        for h in head:
            pg.add(h)
        pg.add('')
    for k, block in enumerate(spec['blocks']):
        kind = block[0]
        if kind == 'a':
            render_article(pg, ARTS[block[1]], dict(spec.get('style', {}), **(block[2] if len(block) > 2 else {})))
        elif kind == 'p':
            ids = block[1] if isinstance(block[1], list) else [block[1]]
            render_photo(pg, P(*ids), dict(spec.get('pstyle', {}), **(block[2] if len(block) > 2 else {})))
        elif kind == 'b':
            render_briefs(pg, block[1], P(*block[2]), dict(spec.get('style', {}), **(block[3] if len(block) > 3 else {})))
        elif kind == 'f':           # furniture line (banner, 制图)
            pg.add(block[1])
        pg.add('')
        if rng.random() < 0.3:
            pg.add('')
    if not top:
        for h in head:
            pg.add(h)
    return pg


def write(pg, date_city):
    os.makedirs(OUT, exist_ok=True)
    fn = pg.name + '.txt'
    text = '\n'.join(pg.lines).rstrip('\n') + '\n'
    open(os.path.join(OUT, fn), 'w', encoding='utf-8').write(text)
    items = []
    for it in pg.items:
        it = dict(it)
        it.pop('source')
        items.append(it)
    truth = {'file': fn, 'city': pg.city, 'items': items}
    with open(os.path.join(OUT, pg.name + '.truth.json'), 'w', encoding='utf-8') as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)


# Hand-planned pages: each one paper's style, with conventions deliberately spread.
SPECS = [
    dict(name='dev01_dezhou', city='德州市', head='h3', paper='德州晚报', w=15, parsep='blank',
         style=dict(byline='dateline'),
         blocks=[('a', 'dz01', dict(two_line=False)), ('a', 'dz04', dict(two_line=True)),
                 ('b', '简讯', ['dz02', 'dz03'])]),
    dict(name='dev02_weifang_photo', city='潍坊市', head='h2', head_pos='bottom', section='光影记录', pno=16,
         pw=30, w=16, pstyle=dict(inline=False),
         blocks=[('p', 'p05'), ('p', 'p06'), ('p', 'p07'), ('f', '制图：' + ' '.join('韩梅')), ('p', 'p08'), ('p', 'p10'),
                 ('a', 'wf01', dict(byline='trailing'))]),
    dict(name='dev03_weifang', city='潍坊市', head='h1', section='综合', w=14, parsep='none', spacing=True,
         pw=28, pstyle=dict(inline=True, mark=True),
         blocks=[('a', 'wf02', dict(cont_to=3, byline='dateline')), ('p', 'p09'), ('p', 'p11'),
                 ('p', ['p12', 'p13', 'p14', 'p15'], dict(shared_credit=True, titles=False))]),
    dict(name='dev04_zhengzhou', city='郑州市', head='h1', section='区街新闻', w=15, parsep='blank',
         style=dict(byline='creditline'),
         blocks=[('a', 'zz01'), ('a', 'zz02', dict(kicker='福华街办事处')), ('b', '社区简讯', ['zz03'], dict(byline='dateline')),
                 ('p', 'p25')]),
    dict(name='dev05_gmrb', city=None, head='h4', section='区域', pno=9, w=17, parsep='indent',
         style=dict(byline='creditline'),
         blocks=[('a', 'gm01'), ('p', ['p27', 'p28'], dict(inline=True)), ('f', BANNERS[5])]),
    dict(name='dev06_jjrb', city=None, head='h4', section='地方经济', pno=7, w=16, parsep='blank',
         blocks=[('a', 'jj01', dict(byline='trailing', two_line=False)), ('a', 'rm01', dict(byline='ownline_rm')),
                 ('p', 'p30', dict(inline=True))]),
    dict(name='dev07_zhoukou', city='周口市', head='h2', section='城事·民生', w=13, parsep='blank', spacing=True,
         style=dict(head_after=True, byline='box'),
         blocks=[('a', 'zk01'), ('a', 'zk02', dict(cont_from=1)), ('a', 'ly01', dict(byline='dateline')),
                 ('a', 'cl01', dict(byline='dateline'))]),
    dict(name='dev08_ningbo', city='宁波市', head='h5', section='社区', pno=6, paper='宁波晚报', w=15, parsep='blank',
         pw=26, pstyle=dict(inline=True),
         blocks=[('a', 'bl01', dict(byline='dateline', two_line=True)), ('a', 'bl02', dict(byline='dateline')),
                 ('p', 'p01'), ('b', '信息快递', ['yh01'], dict(byline='dateline')),
                 ('a', 'fz01', dict(byline='trailing', two_line=True))]),
    dict(name='dev09_gaoyou', city='扬州市', head='h2', section='三垛新闻', w=16, parsep='none',
         blocks=[('b', '信息快递', ['gy01', 'gy02', 'gy03', 'gy04'], dict(marker='◆', byline='dateline')),
                 ('b', '简讯', ['lj01', 'dzh01'], dict(byline='dateline')),
                 ('a', 'bz01', dict(byline='trailing'))]),
    dict(name='dev10_songjiang', city='上海市', head='h1', section='民生新闻', pno=3, w=14, parsep='blank',
         pw=32, pstyle=dict(inline=False),
         blocks=[('a', 'sj01', dict(byline='dateline')), ('a', 'xn01', dict(colon=True)), ('p', 'p03'), ('p', 'p22')]),
    dict(name='dev11_yantai', city='烟台市', head='h3', paper='烟台晚报', w=15, parsep='blank',
         style=dict(byline='dateline', place_dateline=True),
         blocks=[('a', 'yt01'), ('a', 'rz01', dict(byline='creditline', reporter_word='全媒体记者')),
                 ('a', 'mx01', dict(kicker='新罗区：', kicker_gap=False)), ('a', 'as01')]),
    dict(name='dev12_huaibei', city='淮北市', head='h2', head_pos='bottom', section='要闻', w=16, parsep='blank',
         pw=27, pstyle=dict(inline=False),
         blocks=[('a', 'ha01', dict(byline='mark')), ('p', 'p17'), ('p', 'p31'), ('p', 'p19', dict(inline=True))]),
    dict(name='dev13_liaocheng', city='聊城市', head='h1', section='党建', w=14, parsep='blank', spacing=True,
         pw=29, style=dict(head_after=True, byline='dateline'),
         blocks=[('p', 'p23', dict(inline=True, mark=True)), ('a', 'lc01', dict(byline='trailing')),
                 ('p', 'p24', dict(inline=True)), ('a', 'ls01', dict(kicker='蓝山县'))]),
    dict(name='dev14_jining', city='济宁市', head='h5', section='文化', pno=5, paper='济宁日报', w=17, parsep='indent',
         pw=34, style=dict(byline='dateline'),
         blocks=[('a', 'jn01', dict(dash=True)), ('a', 'sr01', dict(two_line=True)), ('p', 'p20'), ('p', 'p21', dict(inline=True))]),
]

STYLE_POOL = dict(head=['h1', 'h2', 'h3', 'h4', 'h5'], parsep=['blank', 'blank', 'none', 'indent'],
                  byline=['dateline', 'box', 'mark', 'creditline', 'trailing'])


def random_specs(n):
    """Further pages: the same articles in freshly drawn conventions, one style per page."""
    rng = random.Random(SEED)
    arts = [a for a in ARTS if ARTS[a]['kind'] in ('article', 'brief') and ARTS[a]['title'] and ARTS[a]['authors']]
    photos = [a for a in ARTS if ARTS[a]['kind'] == 'photo' and not ARTS[a].get('group')]
    briefs = [a for a in ARTS if ARTS[a]['kind'] == 'brief' and not ARTS[a]['title']]
    specs = []
    for k in range(n):
        city_arts = rng.sample(arts, rng.randint(3, 5))
        blocks = []
        byl = rng.choice(STYLE_POOL['byline'])
        for a in city_arts:
            blocks.append(('a', a, dict(two_line=rng.random() < 0.3, dash=rng.random() < 0.5,
                                        kicker=(ARTS[a].get('kicker') or (rng.choice(ARTS[a]['unit'])
                                                if ARTS[a].get('unit') and rng.random() < 0.35 and len(ARTS[a]['unit'][0]) <= 8 else None)))))
        if rng.random() < 0.5:
            blocks.insert(rng.randint(0, len(blocks)), ('b', rng.choice(['简讯', '社区简讯', '信息快递']),
                                                         rng.sample(briefs, 2), dict(byline='dateline')))
        for p in rng.sample(photos, rng.randint(1, 2)):
            blocks.insert(rng.randint(0, len(blocks)), ('p', p, dict(inline=rng.random() < 0.5, mark=rng.random() < 0.5)))
        if rng.random() < 0.4:
            blocks.insert(rng.randint(0, len(blocks)), ('f', rng.choice(BANNERS)))
        cities = [ARTS[b[1]]['city'] for b in blocks if b[0] in ('a', 'p') and ARTS[b[1]].get('city')]
        city = max(set(cities), key=cities.count) if cities else None
        specs.append(dict(name='dev%02d_mixed' % (len(SPECS) + k + 1), city=city,
                          head=rng.choice(STYLE_POOL['head']), head_pos=rng.choice(['top', 'top', 'bottom']),
                          section=rng.choice(['综合', '社会', '县域', '民生', '社区']),
                          paper=rng.choice(['城市晚报', '都市日报', '县域周刊']),
                          parsep=rng.choice(STYLE_POOL['parsep']), spacing=rng.random() < 0.5,
                          style=dict(byline=byl, head_after=rng.random() < 0.35, place_dateline=rng.random() < 0.3,
                                     dl_space=rng.choice(['', ' '])),
                          blocks=blocks))
    return specs


def main():
    for fn in os.listdir(OUT) if os.path.isdir(OUT) else []:
        if fn.startswith('dev'):
            os.remove(os.path.join(OUT, fn))
    specs = SPECS + random_specs(24 - len(SPECS))
    for i, spec in enumerate(specs):
        pg = build(spec, i)
        check(pg)
        write(pg, None)
    print('wrote %d pages to %s' % (len(specs), OUT))


def check(pg):
    """Truth sanity: spans inside the page, body a subsequence of the span's text."""
    n = len(pg.lines)
    for it in pg.items:
        a, b = it['lines']
        assert 1 <= a <= b <= n, (pg.name, it['lines'], n)
        assert a <= it['body_last_line'] <= b and all(a <= s <= b for s in it['para_starts']), (pg.name, it)
        span = strip_ws(''.join(pg.lines[a - 1:b]))
        assert it['body'] in span, (pg.name, it['body'][:20])


if __name__ == '__main__':
    main()
