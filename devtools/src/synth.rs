//! Generated newspaper pages for benchmarks and self-checks.
//!
//! Pages of an invented city (河湾市) are typeset the way PDF extraction returns them: narrow
//! justified columns, first lines two em narrower, blank lines at column breaks, headlines
//! before or after their bodies, lead-ins, credit lines and photo captions. A small
//! deterministic generator (xorshift) keeps runs repeatable without a dependency.

use baokan::is_cjk;

/// A deterministic pseudo-random source.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (any value; zero is replaced).
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    /// The next value.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A value in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// One element of a non-empty slice.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const SENTENCES: &[&str] = &[
    "近日，河湾市召开专题会议，部署下一阶段重点工作。",
    "会议要求，各级各部门要压实责任，确保各项任务按期完成。",
    "据了解，该项目总投资3.2亿元，建成后将惠及周边5万余名群众。",
    "活动现场，志愿者向过往市民发放宣传资料1200余份，解答群众咨询80余人次。",
    "“我们将把群众的期盼作为工作的方向。”相关负责人说。",
    "今年以来，全区新增就业岗位4600个，城镇登记失业率控制在3%以内。",
    "下一步，该局将继续优化服务流程，推动更多事项“一次办好”。",
    "在社区活动室里，十几位老人正跟着老师学习使用智能手机。",
    "检查组深入企业生产车间，逐一查看安全设施运行情况，并现场提出整改意见。",
    "该镇依托特色产业，发展订单农业，带动农户户均增收8000元。",
    "截至目前，全市已建成口袋公园46处，新增绿地面积12万平方米。",
    "学校还组织学生走进田间地头，在劳动实践中感受收获的喜悦。",
    "为方便群众办事，街道便民服务中心推行延时服务和预约服务。",
    "活动中，医护人员为居民免费测量血压、血糖，并讲解健康知识。",
    "近年来，该县坚持以党建为引领，不断完善基层治理体系。",
    "记者在施工现场看到，大型机械来回穿梭，工人们正抓紧施工。",
    "据介绍，这批新能源公交车将于下月投入运营，覆盖全市12条线路。",
    "与会人员围绕乡村振兴、产业发展等议题进行了深入交流。",
];

const SURNAMES: &[&str] =
    &["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "马", "朱", "胡", "郭"];
const GIVEN: &[&str] =
    &["建国", "丽", "晓东", "雪", "海燕", "明", "志强", "婷", "文静", "磊", "秋月", "宏伟", "佳"];
const TITLES: &[&str] = &[
    "城市更新让老街区焕发新活力",
    "小小网格撑起基层治理大格局",
    "春耕生产忙 田间好“丰”景",
    "新能源公交车下月上线",
    "“家门口”就业服务暖人心",
    "守护一方碧水清流",
    "产业兴旺 乡村振兴有底气",
    "便民服务再提速",
];
const KICKERS: &[&str] =
    &["东城区", "西湖区", "北山县", "清水镇", "河湾市交通运输局", "市生态环境局", "南关街道"];
const ROLES: &[&str] = &["记者", "通讯员", "见习记者"];

/// What a generated item holds, for checking a segmentation against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthItem {
    /// True for a photo caption.
    pub photo: bool,
    /// The headline, if any.
    pub title: Option<String>,
    /// Author names in order.
    pub authors: Vec<String>,
    /// Paragraph texts.
    pub paragraphs: Vec<String>,
}

/// A generated page and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthPage {
    /// The page text.
    pub text: String,
    /// Its items in page order.
    pub items: Vec<SynthItem>,
}

fn name(rng: &mut Rng) -> String {
    format!("{}{}", rng.pick(SURNAMES), rng.pick(GIVEN))
}

/// Paragraphs of one to four sentences.
fn paragraphs(rng: &mut Rng, count: usize) -> Vec<String> {
    (0..count).map(|_| (0..1 + rng.below(4)).map(|_| rng.pick(SENTENCES)).collect()).collect()
}

fn em(c: char) -> f32 {
    if c == ' ' {
        0.0
    } else if is_cjk(c) {
        1.0
    } else {
        0.5
    }
}

/// Typesets paragraphs into column lines of `width` em, first lines indented, with a blank
/// line after roughly one line in `break_every`.
fn wrap(rng: &mut Rng, paras: &[String], width: f32, break_every: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for p in paras {
        let (mut cur, mut w, mut limit) = (String::new(), 0.0, width - 2.0);
        for c in p.chars() {
            let hangs = "，。、；：？！”’）》…".contains(c);
            if w + em(c) > limit && !cur.is_empty() && !hangs {
                lines.push(std::mem::take(&mut cur));
                if rng.below(break_every) == 0 {
                    lines.push(String::new());
                }
                w = 0.0;
                limit = width;
            }
            cur.push(c);
            w += em(c);
        }
        lines.push(cur);
    }
    lines
}

/// Generates one page with a header, four to nine items and a random orientation.
pub fn page(rng: &mut Rng, number: usize) -> SynthPage {
    let mut lines: Vec<String> = Vec::new();
    if rng.chance(70) {
        let (month, day, weekday) = (1 + rng.below(12), 1 + rng.below(28), rng.pick(&["一", "三", "五"]));
        lines.push(format!("2023年{month}月{day}日 星期{weekday}"));
        let editor = name(rng);
        lines.push(format!("第{}版  要闻  责任编辑：{editor}", number % 16 + 1));
        lines.push(String::new());
    }
    let headline_last = rng.chance(40);
    let mut items = Vec::new();
    for _ in 0..4 + rng.below(6) {
        let width = 13.0 + rng.below(5) as f32;
        if rng.chance(20) {
            let caption = paragraphs(rng, 1);
            let author = name(rng);
            lines.push(format!("{} ■ 本报记者 {author}", caption[0]));
            lines.push(String::new());
            items.push(SynthItem { photo: true, title: None, authors: vec![author], paragraphs: caption });
            continue;
        }
        let title = rng.pick(TITLES).to_owned();
        let mut head = Vec::new();
        if rng.chance(30) {
            head.extend([rng.pick(KICKERS).to_owned(), String::new()]);
        }
        head.extend([title.clone(), String::new()]);
        // Two to eleven paragraphs, as on printed pages (the seed page has four to eleven).
        let count = 2 + rng.below(10);
        let paras = paragraphs(rng, count);
        let authors = vec![name(rng), name(rng)];
        let role = rng.pick(ROLES);
        let mut body = if rng.chance(50) {
            let mut lead = paras.clone();
            lead[0] = format!("本报讯（{role} {} 通讯员 {}）{}", authors[0], authors[1], lead[0]);
            wrap(rng, &lead, width, 9)
        } else {
            let mut b = vec![
                format!("■ 本报{role} {}", authors[0]),
                format!("本报通讯员 {}", authors[1]),
                String::new(),
            ];
            b.extend(wrap(rng, &paras, width, 9));
            b
        };
        body.push(String::new());
        if headline_last {
            lines.extend(body);
            lines.extend(head);
        } else {
            lines.extend(head);
            lines.extend(body);
        }
        items.push(SynthItem { photo: false, title: Some(title), authors, paragraphs: paras });
    }
    SynthPage { text: lines.join("\n") + "\n", items }
}

/// A form-feed separated dump of `pages` generated pages, as `pdftotext` writes an issue.
pub fn dump(seed: u64, pages: usize) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::new();
    for n in 0..pages {
        out.push_str(&page(&mut rng, n).text);
        out.push('\u{c}');
    }
    out
}
