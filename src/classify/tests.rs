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
            "记者从团市委获悉，今年已招募青年志愿者2000余名。",
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
            "zone not in the tables",
            None,
            "新签约项目8个",
            "近日，河湾经济技术开发区新签约项目8个。",
            Some("河湾经济技术开发区"),
            Some("河湾经济技术开发区"),
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
            "会上，各区县汇报了项目进展。",
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
            "6月1日，山东高速集团有限公司启动安全生产月活动。",
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
        let (got_unit, got_district) = classify_item(&it, tables, home);
        assert_eq!(got_unit.as_deref(), unit, "{name}: unit");
        assert_eq!(got_district.as_deref(), district, "{name}: district");
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
