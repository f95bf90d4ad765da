//! Table-driven segmentation tests: one small page per layout case, written for this project
//! (see tests/fixtures/layouts/make_layouts.py), with the items each must give.

#![allow(clippy::expect_used)] // a test may stop at the first broken expectation

use std::path::Path;

use baokan::Limits;
use baokan::model::{Document, Item, Kind};
use baokan::parse_paths;

/// What one item must look like.
struct Want {
    kind: Kind,
    kicker: Option<&'static str>,
    title: Option<&'static str>,
    subtitle: Option<&'static str>,
    authors: &'static [(&'static str, Option<&'static str>)],
    paragraphs: usize,
    starts: &'static str,
    ends: &'static str,
}

const fn article(title: &'static str, authors: &'static [(&'static str, Option<&'static str>)]) -> Want {
    Want {
        kind: Kind::Article,
        kicker: None,
        title: Some(title),
        subtitle: None,
        authors,
        paragraphs: 0,
        starts: "",
        ends: "",
    }
}

const fn photo(authors: &'static [(&'static str, Option<&'static str>)], starts: &'static str) -> Want {
    Want {
        kind: Kind::Photo,
        kicker: None,
        title: None,
        subtitle: None,
        authors,
        paragraphs: 1,
        starts,
        ends: "",
    }
}

fn parse(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts").join(name);
    parse_paths(&[path.as_path()], &Limits::default(), baokan::Tables::builtin()).expect("fixture parses")
}

fn check(name: &str, item: &Item, want: &Want) {
    assert_eq!(item.kind, want.kind, "{name}: kind of {:?}", item.title);
    assert_eq!(item.kicker.as_deref(), want.kicker, "{name}: kicker");
    assert_eq!(item.title.as_deref(), want.title, "{name}: title");
    assert_eq!(item.subtitle.as_deref(), want.subtitle, "{name}: subtitle");
    let authors: Vec<(&str, Option<&str>)> =
        item.authors.iter().map(|a| (a.name.as_str(), a.role.as_deref())).collect();
    assert_eq!(authors, want.authors, "{name}: authors of {:?}", item.title);
    if want.paragraphs > 0 {
        assert_eq!(item.paragraphs.len(), want.paragraphs, "{name}: paragraphs of {:?}", item.title);
    }
    let body = item.paragraphs.concat();
    assert!(body.starts_with(want.starts), "{name}: body of {:?} starts {body}", item.title);
    assert!(body.ends_with(want.ends), "{name}: body of {:?} ends {body}", item.title);
}

#[test]
fn layouts() {
    type Case = (&'static str, Option<&'static str>, Option<u32>, Vec<Want>);
    let cases: Vec<Case> = vec![
        (
            "headline_first.txt",
            Some("2024-03-15"),
            Some(2),
            vec![
                Want {
                    kicker: Some("河湾区"),
                    subtitle: Some("——多部门联合开展农资质量检查"),
                    paragraphs: 3,
                    starts: "3月12日，河湾区",
                    ends: "负责人说。",
                    ..article("春耕备播有序推进", &[("刘晓东", Some("记者")), ("孙雨", Some("通讯员"))])
                },
                Want {
                    paragraphs: 3,
                    starts: "近日，河湾市图书馆",
                    ends: "讲座和展览。",
                    ..article("新馆开放首日迎来阅读热", &[("周文静", Some("记者")), ("蔡明", Some("实习生"))])
                },
                Want {
                    paragraphs: 2,
                    starts: "连日来",
                    ends: "望得见绿岸。",
                    ..article("清水镇党员志愿者守护河道清洁", &[("何晴", Some("记者"))])
                },
            ],
        ),
        (
            // On a page of flush paragraphs, a full line left alone by a column's break stays
            // in the body.
            "column_break.txt",
            Some("2024-03-22"),
            Some(3),
            vec![Want {
                paragraphs: 3,
                starts: "近日，河湾区",
                ends: "居民受益。",
                ..article("老街换新颜", &[("周文静", Some("记者"))])
            }],
        ),
        (
            // Photo spreads: each numbered or marked caption is an item, named by the credit
            // that closes the last.
            "spread.txt",
            Some("2024-03-20"),
            Some(6),
            vec![
                photo(&[("刘晓东", Some("记者"))], "3月18日"),
                photo(&[("刘晓东", Some("记者"))], "东城街道"),
                photo(&[("刘晓东", Some("记者"))], "清水镇"),
                photo(&[("孙雨", Some("通讯员"))], "河湾湿地"),
                photo(&[("孙雨", Some("通讯员"))], "市民在南湖"),
            ],
        ),
        (
            // Paragraphs set flush and apart with blank lines: a headline as wide as the column
            // over a dateline, a parallel headline over its subtitle, a headline alone between
            // blank lines, and a paragraph's first line left alone by a column's break.
            "spaced.txt",
            Some("2024-03-18"),
            Some(3),
            vec![
                Want {
                    subtitle: Some("居民给社区综管办送来水果和点心"),
                    paragraphs: 3,
                    starts: "12月21日上午",
                    ends: "很大变化。",
                    ..article(
                        "社区服务获认可 居民送温暖",
                        &[("田野", Some("记者")), ("方圆", Some("通讯员"))],
                    )
                },
                Want {
                    paragraphs: 2,
                    starts: "近日，经过",
                    ends: "这件好事。",
                    ..article("加装电梯 缩短回家路", &[("石磊", Some("记者"))])
                },
            ],
        ),
        (
            "headline_last.txt",
            None,
            None,
            vec![
                Want {
                    kicker: Some("东城街道中心小学"),
                    paragraphs: 2,
                    starts: "为提升学生安全意识",
                    ends: "亲手操作。",
                    ..article("安全演练进校园", &[])
                },
                Want {
                    paragraphs: 2,
                    starts: "连日来",
                    ..article(
                        "清水镇：河道清理见实效",
                        &[("韩冬", Some("通讯员")), ("梁晓雪", Some("通讯员"))],
                    )
                },
            ],
        ),
        (
            "photos.txt",
            Some("2024-03-16"),
            Some(8),
            vec![
                photo(&[("陆远", Some("记者"))], "3月14日，市民"),
                photo(&[("谷雨", Some("通讯员"))], "3月13日，清水镇"),
                photo(&[("董明", None), ("钱晓", None)], "东城街道社区志愿者"),
            ],
        ),
        (
            "kickers.txt",
            Some("2024-03-18"),
            Some(3),
            vec![
                Want {
                    kicker: Some("柳湾镇："),
                    paragraphs: 3,
                    ends: "负责人说。",
                    ..article("春耕备播有序推进", &[("刘晓东", Some("记者"))])
                },
                Want {
                    kicker: Some("走基层·新春见闻"),
                    starts: "近日",
                    ..article("新馆开放首日迎来阅读热", &[("周文静", Some("记者"))])
                },
                Want {
                    kicker: Some("河湾区"),
                    ..article("党员志愿者守护河道清洁", &[("何晴", Some("记者"))])
                },
                Want {
                    starts: "为提升",
                    ..article("十条新措施支持河湾农业园区发展", &[("韩冬", Some("记者"))])
                },
                Want { title: None, starts: "近日", ..article("", &[]) },
                Want {
                    kicker: Some("高新区"),
                    starts: "连日来",
                    ..article("清水镇党员志愿者守护河道清洁", &[])
                },
            ],
        ),
        (
            "photo_titles.txt",
            Some("2024-03-19"),
            Some(8),
            vec![
                Want {
                    title: Some("湿地花开"), ..photo(&[("陆远", Some("记者"))], "3月14日，市民")
                },
                Want {
                    title: Some("田间飞防"), ..photo(&[("谷雨", Some("通讯员"))], "3月13日，清水镇")
                },
                Want {
                    title: Some("新桥社区：“邻里食堂”让老人吃上热乎饭"),
                    ..photo(&[("陆远", Some("记者"))], "3月15日，河湾区")
                },
                Want {
                    title: Some("东城中心小学：一堂别开生面的消防课"),
                    ..photo(&[("谷雨", Some("通讯员"))], "3月16日，东城街道")
                },
            ],
        ),
        (
            "names.txt",
            Some("2024-03-20"),
            Some(5),
            vec![
                Want {
                    starts: "3月12日", ..article("让乡村振兴之路越走越宽", &[("王京清", None)])
                },
                Want {
                    ends: "望得见绿岸。", ..article("清水镇党员志愿者守护河道清洁", &[("谢达成", None)])
                },
                Want {
                    ends: "讲座和展览。",
                    ..article("新馆开放首日迎来阅读热", &[("宗雪", None), ("张雨函", None)])
                },
            ],
        ),
        (
            "credits.txt",
            Some("2024-03-21"),
            Some(6),
            vec![
                Want {
                    starts: "3月12日",
                    ..article(
                        "春耕备播有序推进",
                        &[("金海善", Some("全媒体记者")), ("牛昱婷", Some("通讯员"))],
                    )
                },
                Want {
                    starts: "近日",
                    ..article("新馆开放首日迎来阅读热", &[("王磊", Some("记者")), ("李静", Some("通讯员"))])
                },
                Want {
                    starts: "连日来",
                    ..article(
                        "清水镇党员志愿者守护河道清洁",
                        &[("赵明", Some("记者")), ("孙文", Some("记者")), ("周海滨", Some("记者"))],
                    )
                },
                Want {
                    starts: "为提升学生",
                    ends: "亲手操作。",
                    ..article(
                        "安全演练进校园",
                        &[("刘居彬", Some("记者")), ("张丽娟", Some("通讯员")), ("陈晓燕", Some("文图"))],
                    )
                },
            ],
        ),
        (
            "briefs.txt",
            Some("2024-03-22"),
            Some(7),
            vec![
                Want { starts: "近日", ..article("新馆开放首日迎来阅读热", &[]) },
                Want {
                    title: None,
                    starts: "为提升学生",
                    ends: "师生参加。",
                    ..article("", &[("何晴", Some("记者"))])
                },
                Want {
                    title: None, starts: "连日来", ends: "30余吨。", ..article("", &[("谢达成", None)])
                },
            ],
        ),
        (
            "essays.txt",
            Some("2024-03-25"),
            Some(7),
            vec![
                Want {
                    paragraphs: 3,
                    starts: "乡村振兴",
                    ends: "用得好。",
                    ..article("新思路：让乡村振兴之路越走越宽", &[("王京清", None)])
                },
                Want {
                    kicker: Some("建设宜居宜业和美乡村需要改革担当"),
                    paragraphs: 2,
                    starts: "改革是",
                    ends: "落到实处。",
                    ..article("以改革激发农村发展活力", &[("李志民", None)])
                },
            ],
        ),
        (
            // Captions set across columns on a page whose stories put headlines last: a title
            // over a caption in two paragraphs closed by a credit line, a title under a story's
            // kicker and headline, a caption closed inline by `摄影报道`.
            "photo_wide.txt",
            Some("2024-03-28"),
            Some(5),
            vec![
                Want {
                    paragraphs: 2, ends: "新开了两家超市。", ..article("老街口的菜场搬进了楼", &[])
                },
                Want {
                    kind: Kind::Photo,
                    title: Some("社区消防站 守护居民安全"),
                    paragraphs: 2,
                    starts: "3月20日",
                    ends: "重要作用。",
                    ..photo(&[("梅岭", Some("记者"))], "")
                },
                Want {
                    kicker: Some("南湖社区"),
                    paragraphs: 2,
                    ends: "省时又省力。",
                    ..article("加装电梯 缩短回家路", &[("石磊", Some("记者"))])
                },
                Want {
                    kind: Kind::Photo,
                    title: Some("湖畔樱花开"),
                    paragraphs: 1,
                    starts: "3月22日",
                    ends: "赏花踏青。",
                    ..photo(&[("陆远", Some("记者"))], "")
                },
            ],
        ),
        (
            // Column breaks at captions and credits: an untitled caption across the columns
            // opening the page, a closing credit split by a blank line, an untitled caption
            // straight after it.
            "breaks.txt",
            Some("2024-04-02"),
            Some(6),
            vec![
                photo(&[("林远", None), ("周青", None)], "4月1日，"),
                Want {
                    paragraphs: 2,
                    ends: "这么好的图书馆。”",
                    ..article("新桥社区开展政策宣讲", &[("秦川", Some("记者")), ("方舟", Some("通讯员"))])
                },
                photo(&[("方圆", None), ("罗兰", Some("记者"))], "3月30日，"),
                Want {
                    paragraphs: 1, ..article("清水镇河道清理见成效", &[("关山", Some("记者"))])
                },
            ],
        ),
        (
            "detached.txt",
            Some("2024-03-27"),
            Some(7),
            vec![
                Want {
                    paragraphs: 3,
                    starts: "绿色是",
                    ends: "强大力量。",
                    ..article("让绿色成为河湾发展的底色", &[("陈立新", None)])
                },
                Want {
                    paragraphs: 3,
                    starts: "基层治理",
                    ends: "带来的便利。",
                    ..article("以数字化赋能基层治理", &[("赵明远", None)])
                },
                Want {
                    kicker: Some("推动文化事业繁荣发展"),
                    paragraphs: 2,
                    starts: "老街老巷",
                    ends: "保护中延续。",
                    ..article("守护好城市的历史文脉", &[("孙丽华", None)])
                },
                Want {
                    kicker: Some("既要守护传统村落又要激活乡村产业"),
                    paragraphs: 2,
                    starts: "传统村落",
                    ends: "带得动增收。",
                    ..article("让古村落焕发新活力", &[])
                },
            ],
        ),
        (
            "continued.txt",
            Some("2024-03-26"),
            Some(1),
            vec![
                Want { paragraphs: 2, ends: "整改通知。", ..article("春耕备播有序推进", &[]) },
                Want {
                    paragraphs: 1, ends: "八个功能区。", ..article("新馆开放首日迎来阅读热", &[])
                },
                Want { title: None, paragraphs: 2, starts: "连日来", ..article("", &[]) },
            ],
        ),
    ];
    for (name, date, page_no, wants) in cases {
        let doc = parse(name);
        assert_eq!(doc.pages.len(), 1, "{name}");
        let page = &doc.pages[0];
        assert_eq!(page.date.as_deref(), date, "{name}: date");
        assert_eq!(page.page_no, page_no, "{name}: page number");
        let titles: Vec<_> = page.items.iter().map(|a| a.title.clone()).collect();
        assert_eq!(page.items.len(), wants.len(), "{name}: items {titles:?}");
        for (item, want) in page.items.iter().zip(&wants) {
            check(name, item, want);
        }
        assert!(doc.warnings.is_empty(), "{name}: {:?}", doc.warnings);
    }
}

/// Jump lines leave the body and give the page of the article's other part.
#[test]
fn jump_lines_give_the_other_part() {
    let doc = parse("continued.txt");
    let continued: Vec<Option<u32>> = doc.pages[0].items.iter().map(|i| i.continued).collect();
    assert_eq!(continued, [Some(3), Some(3), Some(2)]);
    let furniture = &doc.pages[0].header;
    for jump in ["（下转第3版）", "（下转第三版）", "（上接第2版）"] {
        assert!(furniture.iter().any(|h| h == jump), "{jump} not in {furniture:?}");
    }
}
