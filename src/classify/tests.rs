//! Resolution cases: unit and district of small items, one case for each rule, and the
//! home city.

use super::*;

fn item(kicker: Option<&str>, title: &str, body: &str) -> Item {
    Item {
        kicker: kicker.map(str::to_owned),
        paragraphs: vec![body.to_owned()],
        ..Item::headline_only(title)
    }
}

#[test]
fn resolution_cases() {
    type Case<'a> = (&'a str, Option<&'a str>, &'a str, &'a str, Option<&'a str>, Option<&'a str>);
    let cases: [Case; 20] = [
        (
            "a county kicker over a story about one of its towns",
            Some("吴江区"),
            "纺织企业加快转型升级",
            "在吴江区盛泽镇，一家纺织企业的车间里织机飞转。近年来，盛泽镇推进智能化改造。",
            Some("盛泽镇"),
            Some("吴江区"),
        ),
        (
            "a county kicker over a story naming no unit",
            Some("吴江区"),
            "夏日荷花开",
            "盛夏时节，荷花竞相开放，吸引市民前来观赏。",
            Some("吴江区"),
            Some("吴江区"),
        ),
        (
            "a county before the headline's colon",
            None,
            "南部县：湖畔乡村游火热",
            "暑期，湖畔的农家乐迎来客流高峰。",
            Some("南部县"),
            Some("南部县"),
        ),
        (
            "a zone named after a county lies in it",
            None,
            "产业园里的党员先锋岗",
            "走进柳南区螺蛳粉产业园，工人们正忙着包装。产业园今年产值增长。",
            Some("柳南区螺蛳粉产业园"),
            Some("柳南区"),
        ),
        (
            "the unit before the headline's colon",
            None,
            "龙沙区五龙街道：老年大学开到家门口",
            "五龙街道开办老年大学，开设书法课程。五龙街道老年大学已有学员300余人。",
            Some("五龙街道"),
            Some("龙沙区"),
        ),
        (
            "the Youth League's city committee",
            None,
            "团市委招募青年志愿者",
            "记者从团市委获悉，今年聊城市东昌府区、临清市已招募青年志愿者2000余名。",
            Some("团市委"),
            Some(CITY_LEVEL),
        ),
        (
            "a zone keeps its own name in its home city",
            None,
            "研发投入再创新高",
            "上半年，苏州工业园区企业研发投入增长。苏州市各区县同步推进。",
            Some("苏州工业园区"),
            Some("苏州工业园区"),
        ),
        (
            "a court with its county",
            None,
            "法院设立家事法庭",
            "为化解家庭纠纷，宜昌市西陵区人民法院设立家事法庭。当事人诉至法院后先行调解。",
            Some("西陵区人民法院"),
            Some("西陵区"),
        ),
        (
            "zone not in the tables, on a page naming no home city",
            None,
            "新签约项目8个",
            "近日，河湾经济技术开发区新签约项目8个。",
            Some("河湾经济技术开发区"),
            None,
        ),
        (
            "kicker names the unit",
            Some("历城区住建局"),
            "工地上的党员先锋岗",
            "近日，济南市历城区的工地上，检测人员正在作业。",
            Some("历城区住建局"),
            Some("历城区"),
        ),
        (
            "lead names it, home city shortened",
            None,
            "生态环境执法显成效",
            "近日，济南市生态环境局在历下区开展执法检查。随后，济南市生态环境局召开会议。",
            Some("市生态环境局"),
            Some(CITY_LEVEL),
        ),
        (
            "department alias",
            None,
            "市发改委召开项目推进会",
            "会上，东昌府区、临清市等区县汇报了项目进展。",
            Some("市发改委"),
            Some(CITY_LEVEL),
        ),
        (
            "ambiguous street settled by the county named",
            Some("新华路街道"),
            "夜校开课了",
            "任丘市新华路街道组织居民参加夜校学习。",
            Some("新华路街道"),
            Some("任丘市"),
        ),
        (
            "the same street elsewhere",
            Some("新华路街道"),
            "夜校开课了",
            "巩义市新华路街道组织居民参加夜校学习。",
            Some("新华路街道"),
            Some("巩义市"),
        ),
        (
            "old county name",
            None,
            "教育局推进课后服务",
            "近日，兖州市教育局召开课后服务推进会。",
            Some("兖州市教育局"),
            Some("兖州区"),
        ),
        (
            "development zone",
            Some("聊城高新技术产业开发区"),
            "项目集中开工",
            "开发区内12个项目集中开工。",
            Some("聊城高新技术产业开发区"),
            Some("聊城高新技术产业开发区"),
        ),
        (
            "enterprise",
            None,
            "安全生产月活动启动",
            "6月1日，山东高速集团有限公司启动安全生产月活动。济南市历城区、历下区同步开展。",
            Some("山东高速集团有限公司"),
            Some(CITY_LEVEL),
        ),
        (
            "a sentence ending in 镇 is no town's name",
            None,
            "篮球赛开赛",
            "5月4日，新泰市羊流镇第二届篮球赛在镇文化广场开赛。",
            Some("羊流镇"),
            Some("新泰市"),
        ),
        (
            "乡村 is a word, not a township",
            None,
            "篮球赛开赛",
            "5月4日，新泰市羊流镇第二届乡村篮球赛开赛。",
            Some("羊流镇"),
            Some("新泰市"),
        ),
        ("no unit at all", None, "夏日荷花开", "盛夏时节，荷花竞相开放，吸引市民前来观赏。", None, None),
    ];
    let tables = Tables::builtin();
    for (name, kicker, title, body, unit, district) in cases {
        let it = item(kicker, title, body);
        let home = home_city(tables.gazetteer(), &format!("{title}{body}"));
        let found = classify_item(&it, tables, home);
        assert_eq!(found.unit.as_deref(), unit, "{name}: unit");
        assert_eq!(found.district.as_deref(), district, "{name}: district");
    }
}

#[test]
fn home_city_is_the_city_named_most() {
    let g = Tables::builtin().gazetteer();
    let home = home_city(g, "济南市历下区、历城区和章丘区的代表，以及青岛的客人")
        .map(|c| g.division(c).name.clone());
    assert_eq!(home.as_deref(), Some("济南市"));
    assert_eq!(home_city(g, "没有地名的一段话"), None);
}

/// The home city of the cases below: 聊城市.
fn liaocheng() -> Option<usize> {
    let g = Tables::builtin().gazetteer();
    g.lookup("聊城市").first().copied()
}

/// One case: what it shows, the home city, headline, body, and the unit, district, city and
/// co-units wanted.
type Want<'a> = (
    &'a str,
    Option<usize>,
    &'a str,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    &'a [&'a str],
);

fn check(cases: &[Want]) {
    let tables = Tables::builtin();
    for &(name, home, title, body, unit, district, city, co_units) in cases {
        let found = classify_item(&item(None, title, body), tables, home);
        assert_eq!(found.unit.as_deref(), unit, "{name}: unit");
        assert_eq!(found.district.as_deref(), district, "{name}: district");
        assert_eq!(found.classes.city.as_deref(), city, "{name}: city");
        assert_eq!(found.classes.co_units, co_units, "{name}: co-units");
    }
}

#[test]
fn sentence_fragments_are_no_units() {
    let home = liaocheng();
    check(&[
        (
            "a pronoun and a count before the word",
            home,
            "招聘会现场",
            "她随后联系了多家物流公司，落实岗位。",
            None,
            None,
            None,
            &[],
        ),
        (
            "people choosing where to go",
            home,
            "假日好去处",
            "长假里，不少游人也选择走进美术馆。",
            None,
            None,
            None,
            &[],
        ),
        (
            "a clause walking into a township's courtyard",
            home,
            "夏夜纳凉",
            "傍晚，居民们漫步在东昌府区堂邑镇院落之间。",
            None,
            Some("东昌府区"),
            None,
            &[],
        ),
        (
            "a clause ending in a township and 院",
            home,
            "夜色",
            "傍晚，人们行走在东昌府区堂邑镇院。",
            None,
            Some("东昌府区"),
            None,
            &[],
        ),
        ("a count before the word", home, "新学期", "城区7所新建学校如期开学。", None, None, None, &[]),
        (
            "a preposition inside a name without a place",
            home,
            "实习",
            "学校组织学生到青禾科技公司实习。",
            None,
            None,
            None,
            &[],
        ),
        ("we and each", home, "开学第一课", "我市各中小学开展安全教育。", None, None, None, &[]),
        (
            "a courtyard, no institute",
            home,
            "院里的菜摊",
            "青禾北街院内出现了自发菜摊。",
            None,
            None,
            None,
            &[],
        ),
    ]);
}

#[test]
fn two_units_joined_name_one_principal_unit() {
    let home = liaocheng();
    check(&[
        (
            "A与B: the first acts, the second is a co-unit",
            home,
            "共建签约",
            "近日，东昌府区道口铺街道晓光社区与青禾职业技术学院签订共建协议。",
            Some("道口铺街道晓光社区"),
            Some("东昌府区"),
            None,
            &["青禾职业技术学院"],
        ),
        (
            "A联合B",
            home,
            "义诊进乡村",
            "6月3日，临清市卫生健康局联合临清市人民医院在村里开展义诊。",
            Some("临清市卫生健康局"),
            Some("临清市"),
            None,
            &["临清市人民医院"],
        ),
        (
            "A协同B",
            home,
            "联合执法",
            "近日，临清市市场监督管理局协同临清市公安局开展联合执法。",
            Some("临清市市场监督管理局"),
            Some("临清市"),
            None,
            &["临清市公安局"],
        ),
        (
            "A及B",
            home,
            "安全检查",
            "近日，东昌府区道口铺街道及东昌府区堂邑镇开展安全检查。",
            Some("道口铺街道"),
            Some("东昌府区"),
            None,
            &["东昌府区堂邑镇"],
        ),
        (
            "two zones joined are neither",
            home,
            "招商推介",
            "高新区和开发区共推介项目12个。",
            None,
            None,
            None,
            &[],
        ),
        (
            "A为B: B is what A serves, no co-unit",
            home,
            "消防培训",
            "9月2日，临清市消防救援大队为新华路街道青禾社区志愿者培训。",
            Some("临清市消防救援大队"),
            Some("临清市"),
            None,
            &[],
        ),
    ]);
}

#[test]
fn names_are_neither_run_on_nor_clipped() {
    let home = liaocheng();
    check(&[
        (
            "a clause running on to a second organisation",
            home,
            "迎新",
            "暑假里，东昌府区道口铺街道晓光乐园迎来了青禾大学国际交流学院的学生。",
            Some("道口铺街道"),
            Some("东昌府区"),
            None,
            &[],
        ),
        (
            "a village clipped to its villagers",
            home,
            "村里的新变化",
            "东昌府区前屯村村民种上了大棚。",
            Some("前屯村"),
            Some("东昌府区"),
            None,
            &[],
        ),
        (
            "a village named with its township is filed under the township",
            home,
            "合作社分红",
            "近日，东昌府区梁水镇青禾村举行合作社分红大会。",
            Some("梁水镇"),
            Some("东昌府区"),
            None,
            &[],
        ),
        (
            "a village the headline names is the unit",
            home,
            "梁水镇青禾村：合作社分红",
            "近日，东昌府区梁水镇青禾村举行合作社分红大会。",
            Some("青禾村"),
            Some("东昌府区"),
            None,
            &[],
        ),
        (
            "a street keeps its county off",
            None,
            "夜校",
            "济南市历下区泉城路街道组织居民参加夜校学习。泉城路街道已开班三期。",
            Some("泉城路街道"),
            Some("历下区"),
            Some("济南市"),
            &[],
        ),
    ]);
}

#[test]
fn districts_come_from_the_table_and_the_home_city() {
    let home = liaocheng();
    check(&[
        (
            "a city department with a home city is 市直",
            home,
            "环保督察",
            "市生态环境局召开督察推进会。",
            Some("市生态环境局"),
            Some(CITY_LEVEL),
            None,
            &[],
        ),
        (
            "without a home city 市… names no unit and no 市直",
            None,
            "环保督察",
            "市生态环境局召开督察推进会。",
            None,
            None,
            None,
            &[],
        ),
        (
            "an essay on policy names no 区政府",
            home,
            "谈基层治理",
            "基层治理千头万绪，区政府要把力气用在群众最关心的事上。",
            None,
            None,
            None,
            &[],
        ),
        (
            "another city's district is grouped under that city",
            home,
            "济南夜市",
            "济南市历下区泉城路街道的夜市开张了。泉城路街道组织商户参加。",
            Some("泉城路街道"),
            Some("历下区"),
            Some("济南市"),
            &[],
        ),
        (
            "another city's department keeps its city and is no 市直",
            home,
            "济南环保",
            "济南市生态环境局召开会议，部署夏季治污。",
            Some("济南市生态环境局"),
            None,
            Some("济南市"),
            &[],
        ),
        (
            "a township found in many places says nothing of its city",
            None,
            "河道清洁",
            "连日来，清水镇组织党员志愿者清理河道。清水镇将建立长效机制。",
            Some("清水镇"),
            None,
            None,
            &[],
        ),
        (
            "a national paper: the district the item names, or none",
            None,
            "新厂投产",
            "近日，青禾科技有限公司在临清市投产。",
            Some("青禾科技有限公司"),
            Some("临清市"),
            Some("聊城市"),
            &[],
        ),
    ]);
}

#[test]
fn a_national_page_has_no_home_city() {
    let g = Tables::builtin().gazetteer();
    let local = |body: &str| item(None, "新闻", body);
    let national = [
        local("济南市历下区泉城路街道开展活动，历下区各社区响应。"),
        local("苏州市吴江区盛泽镇推进改造，吴江区企业跟进。"),
        local("宜昌市西陵区人民法院设立法庭，西陵区群众点赞。"),
    ];
    assert_eq!(PageScan::of_items(g, &national).home(g), None, "three cities, one item each");
    let city = [
        local("济南市历下区泉城路街道开展活动，历下区各社区响应。"),
        local("济南市历城区洪家楼街道推进改造，历城区企业跟进。"),
        local("宜昌市西陵区人民法院设立法庭，西陵区群众点赞。"),
    ];
    let home = PageScan::of_items(g, &city).home(g).map(|c| g.division(c).name.clone());
    assert_eq!(home.as_deref(), Some("济南市"), "two of three items");
}

#[test]
fn confidence_follows_where_and_how_often_a_unit_is_named() {
    let tables = Tables::builtin();
    let cases: [(&str, &str, Confidence, Confidence); 3] = [
        ("市教育局召开会议", "市教育局部署暑期安全工作。", Confidence::High, Confidence::High),
        (
            "暑期安全",
            "会议强调，各校要落实责任。东昌府区古楼街道的代表也参加了。",
            Confidence::Low,
            Confidence::Low,
        ),
        ("暑期安全", "会议强调，各校要落实责任，东昌府区参加。", Confidence::High, Confidence::Low),
    ];
    for (title, body, unit, district) in cases {
        let found = classify_item(&item(None, title, body), tables, liaocheng());
        assert_eq!((found.classes.unit, found.classes.district), (unit, district), "{title}{body}");
    }
}
