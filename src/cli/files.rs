//! The commands that write files: `convert` (a Baokan archive) and `export` (Markdown, CSV or
//! JSON of all items or a search's). Both write atomically and never over one of their inputs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{fail, load};
use crate::browse::search::{Query, SearchIndex};
use crate::store::archive;
use crate::store::atomic;
use crate::store::export::{Format, export};
use crate::ui::wording;

/// The arguments both commands take: inputs, `-o OUT`, and options with a value.
struct Args<'a> {
    files: Vec<&'a Path>,
    out: Option<&'a str>,
    format: Option<&'a str>,
    query: Option<&'a str>,
}

fn read_args<'a>(command: &str, args: &'a [String], options: &[&str]) -> Result<Args<'a>, ExitCode> {
    let mut parsed = Args { files: Vec::new(), out: None, format: None, query: None };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let arg = arg.as_str();
        if arg.starts_with('-') && arg != "-" {
            let known = matches!(arg, "-o" | "--output") || options.contains(&arg);
            let Some(value) = it.next().filter(|_| known) else {
                return Err(fail(&format!(
                    "{command} 不认识 “{arg}” 或缺少取值 (unknown option or missing value)"
                )));
            };
            match arg {
                "--format" => parsed.format = Some(value),
                "--query" => parsed.query = Some(value),
                _ => parsed.out = Some(value),
            }
        } else {
            parsed.files.push(Path::new(arg));
        }
    }
    if parsed.files.is_empty() {
        return Err(fail(&format!("{command} 需要至少一个文件 ({command} needs at least one FILE)")));
    }
    Ok(parsed)
}

/// The output path, unless it is missing or one of the inputs.
fn output(command: &str, args: &Args) -> Result<PathBuf, ExitCode> {
    let Some(out) = args.out else {
        return Err(fail(&format!("{command} 需要用 -o 指定输出文件 ({command} needs -o OUT)")));
    };
    let out = PathBuf::from(out);
    if args.files.iter().any(|input| atomic::same_file(input, &out)) {
        return Err(fail(&format!(
            "{}：输出文件不能是输入文件，输入文件不会被覆盖 (the output may not be an input)",
            out.display()
        )));
    }
    Ok(out)
}

/// `baokan convert FILE… -o OUT.baokan`.
pub fn convert(args: &[String]) -> ExitCode {
    let args = match read_args("convert", args, &[]) {
        Ok(a) => a,
        Err(code) => return code,
    };
    let out = match output("convert", &args) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let doc = match load(&args.files) {
        Ok(doc) => doc,
        Err(code) => return code,
    };
    if let Err(e) = atomic::write(&out, &archive::to_bytes(&doc)) {
        return fail(&wording::write_error(&e));
    }
    let items: usize = doc.pages.iter().map(|p| p.items.len()).sum();
    eprintln!(
        "已写入 {}：{} 版，{items} 篇 (wrote {} pages, {items} items)",
        out.display(),
        doc.pages.len(),
        doc.pages.len()
    );
    ExitCode::SUCCESS
}

/// `baokan export [--format md|csv|json] [--query Q] FILE… -o OUT`; the format defaults to
/// OUT's extension.
pub fn export_command(args: &[String]) -> ExitCode {
    let args = match read_args("export", args, &["--format", "--query"]) {
        Ok(a) => a,
        Err(code) => return code,
    };
    let out = match output("export", &args) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let named = args.format.or_else(|| out.extension().and_then(|e| e.to_str()));
    let Some(format) = named.and_then(Format::parse) else {
        return fail("export 需要 --format md|csv|json，或以 .md/.csv/.json 结尾的输出文件 (which format?)");
    };
    let doc = match load(&args.files) {
        Ok(doc) => doc,
        Err(code) => return code,
    };
    let all: Vec<(usize, usize)> = doc
        .pages
        .iter()
        .enumerate()
        .flat_map(|(p, page)| (0..page.items.len()).map(move |a| (p, a)))
        .collect();
    let (positions, title) = match args.query {
        Some(q) => {
            let found = SearchIndex::new(&doc).search(&Query::parse(q));
            (found.iter().filter_map(|&i| all.get(i).copied()).collect(), format!("搜索：{q}"))
        }
        None => (all, "全部条目".to_owned()),
    };
    match atomic::replace(&out, &export(&doc, &positions, format, &title)) {
        Ok(()) => {
            eprintln!(
                "已导出 {} 篇到 {} (exported {} items)",
                positions.len(),
                out.display(),
                positions.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&wording::write_error(&e)),
    }
}
