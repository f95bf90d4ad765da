//! Personal names without a role word: a surname table and the test built on it.
//!
//! Signed essays print the author's name alone on a line (`李志民`, letter-spaced `王 京 清`),
//! and many papers close a story with the reporters' names in brackets and no role
//! (`（谢达成）`, `（宗雪 张雨函）`). With no role word to go by, a name is recognised by
//! its surname and its length, and by ending in none of the characters that end place and
//! organisation names.

use crate::text::is_cjk;

/// Common single-character surnames, by frequency. Surnames that are also everyday words at
/// the head of a short label (文, 时, 新, 国, 海, 明 …) are left out: a two-character column
/// label must not read as a name.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于\
蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方邹孟熊秦邱尹薛闫阎段雷侯\
史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷\
詹申欧耿焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍\
喻祁蒲房滕屈饶解牟艾尤穆卓缪项芦麦褚娄窦戚岑宫费卜晏席卫柏宗瞿桂佟臧闵苟邬卞姬仇\
栾隋商刁巫寇桑郎甄丛仲虞敖巩佘邝谌奚粟冼蔺阚郜屠晁芮扈雍辜裘亓邰赫逯茹诸嵇";

/// Two-character surnames.
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒", "西门", "长孙",
    "宇文",
];

/// Characters that end place and organisation names, never a person's (`高新区`, `综治办`).
const NOT_LAST: &str = "区县市州省镇乡村路街局委办厅部处科院校所站队会社团组司厂馆场";

/// True when `name` (spaces removed) reads as a Chinese personal name on its own: a known
/// surname followed by one or two characters (two or three after a compound surname).
pub fn is_personal_name(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    if !chars.iter().all(|&c| is_cjk(c)) || chars.last().is_none_or(|c| NOT_LAST.contains(*c)) {
        return false;
    }
    let compound = COMPOUND_SURNAMES.iter().any(|s| name.starts_with(s));
    let given = chars.len().saturating_sub(if compound { 2 } else { 1 });
    (1..=2).contains(&given) && (compound || SURNAMES.contains(chars[0]))
}

/// Splits two personal names that lost the space between them (`沈静萍陈梦婷`,
/// `宗雪张雨函`); `None` when the text is one name or no split gives two names.
pub fn split_two_names(text: &str) -> Option<(&str, &str)> {
    let count = text.chars().count();
    if !(4..=6).contains(&count) || (count == 4 && is_personal_name(text)) {
        return None;
    }
    // A three-character name is the commoner, so that split is tried first.
    let splits = [3, 2].into_iter().filter(|&n| n < count).map(|n| text.char_indices().nth(n));
    splits
        .flatten()
        .map(|(at, _)| text.split_at(at))
        .find(|(a, b)| is_personal_name(a) && is_personal_name(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_names() {
        let cases = [
            ("李志民", true),
            ("陈名财", true),
            ("李斌", true),
            ("欧阳春晓", true),
            ("司马光", true),
            ("高新区", false),
            ("综治办", false),
            ("简讯", false),
            ("新闻", false),
            ("王", false),
            ("王小明明", false),
            ("张3", false),
        ];
        for (name, want) in cases {
            assert_eq!(is_personal_name(name), want, "{name}");
        }
    }

    #[test]
    fn names_run_together() {
        let cases = [
            ("沈静萍陈梦婷", Some(("沈静萍", "陈梦婷"))),
            ("宗雪张雨函", Some(("宗雪", "张雨函"))),
            ("王磊李静", Some(("王磊", "李静"))),
            ("欧阳春晓", None),
            ("李志民", None),
            ("福州日报", None),
        ];
        for (text, want) in cases {
            assert_eq!(split_two_names(text), want, "{text}");
        }
    }
}
