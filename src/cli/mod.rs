//! The command line: `baokan parse --json FILE…`, `groups`, `convert`, `export`, help.
//!
//! Errors go to standard error as one sentence naming the file and the problem, with exit
//! code 2. Only `convert` and `export` write a file, to the path given with `-o`.

pub mod desktop;
mod files;
mod window;

pub use window::open_window;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::app::Language;
use crate::browse::groups::{By, Options, group_with, render};
use crate::classify::Tables;
use crate::model::Document;
use crate::parse::parse_paths;
use crate::store::source::Limits;
use crate::ui::wording;

/// Usage text, Chinese first.
pub const USAGE: &str = "\
报刊档案 Baokan — 城市日报版面文本的浏览与切分工具

用法 (usage):
  baokan [--renderer wgpu|glow] [文件…]
                                打开窗口浏览档案（默认先试 wgpu，再试 glow）
                                (open the window; wgpu first, then glow)
  baokan parse --json 文件…     把版面切分为文章和图片说明，输出 JSON
                                (print the segmentation as JSON)
  baokan parse 文件…            输出简要列表 (print a short listing)
  baokan groups [--by district|unit|author|date] [--confident] 文件…
                                输出分组树及篇数；--confident 不计把握低的单位和区县
                                (print the grouping tree with counts; --confident leaves out
                                units and districts of low confidence)
  baokan convert 文件… -o 输出.baokan
                                保存为 Baokan 档案（含更正）(write a Baokan archive)
  baokan export [--format md|csv|json] [--query 搜索] 文件… -o 输出
                                导出全部或搜索到的条目 (export all items, or a search's)
  baokan --install-desktop      在 Linux 桌面登记 Baokan：菜单项、图标、.baokan 文件类型与默认程序
                                （写入 ~/.local/share 与 ~/.config；--uninstall-desktop 撤销）
                                (register Baokan with the Linux desktop: menu entry, icon, the
                                .baokan file type and its default program; --uninstall-desktop
                                removes them)
  baokan --help                 显示本帮助 (show this help)

文件可以是版面文本 (.txt，可用换页符分隔多版)、文件夹、.zip 压缩包或 .baokan 档案。
FILE may be a page text file (.txt, pages separated by form feeds), a folder, a .zip or a
.baokan archive.
";

/// Runs the command line and returns the process exit code.
pub fn run(args: &[String]) -> ExitCode {
    match args.first().map(String::as_str) {
        None => window::run(args),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("-V" | "--version") => {
            println!("baokan {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("--install-desktop") => desktop::run(true),
        Some("--uninstall-desktop") => desktop::run(false),
        Some("parse") => parse(&args[1..]),
        Some("groups") => groups(&args[1..]),
        Some("convert") => files::convert(&args[1..]),
        Some("export") => files::export_command(&args[1..]),
        // A bare word that names nothing on disk is a command this program does not have
        // (a typo, or `bench`, which is `cargo bench` now), not an input for the window.
        Some(word) if is_word(word) && !Path::new(word).exists() => {
            fail(&format!("未知的命令 “{word}”，请运行 baokan --help (unknown command; see baokan --help)"))
        }
        // Anything else is a path (or --renderer) for the window, as a double-click or a
        // file manager passes it.
        Some(other) if other == "--renderer" || !other.starts_with('-') => window::run(args),
        Some(other) => {
            fail(&format!("未知的选项 “{other}”，请运行 baokan --help (unknown option; see baokan --help)"))
        }
    }
}

/// True for an argument shaped like a command rather than a path: no option dash, no
/// extension, no folder.
fn is_word(arg: &str) -> bool {
    !arg.starts_with('-') && !arg.contains(['.', '/', '\\'])
}

/// Prints one error sentence and returns exit code 2.
pub(crate) fn fail(message: &str) -> ExitCode {
    eprintln!("baokan: {message}");
    ExitCode::from(2)
}

fn parse(args: &[String]) -> ExitCode {
    let json = args.iter().any(|a| a == "--json");
    if let Some(bad) = args.iter().find(|a| a.starts_with("--") && *a != "--json") {
        return fail(&format!("parse 不认识选项 “{bad}” (unknown option)"));
    }
    let files: Vec<&Path> = args.iter().filter(|a| *a != "--json").map(Path::new).collect();
    if files.is_empty() {
        return fail("parse 需要至少一个文件 (parse needs at least one FILE)");
    }
    let doc = match load(&files) {
        Ok(doc) => doc,
        Err(code) => return code,
    };
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let written = if json { write_json(&mut out, &doc) } else { write_listing(&mut out, &doc) };
    finish(written.and_then(|()| out.flush()))
}

/// Reads and parses the input files with the embedded tables and the user's departments, or
/// reports the first that cannot be read.
fn load(files: &[&Path]) -> Result<Document, ExitCode> {
    parse_paths(files, &Limits::default(), &Tables::load()).map_err(|e| fail(&wording::read_error(&e)))
}

/// The exit code for a finished write: a reader that went away (`| head`) is no error.
fn finish(written: std::io::Result<()>) -> ExitCode {
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&format!("无法写出结果 (cannot write output: {e})")),
    }
}

fn groups(args: &[String]) -> ExitCode {
    let mut by = By::District;
    let mut confident = false;
    let mut files: Vec<&Path> = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "--confident" {
            confident = true;
        } else if arg == "--by" {
            let Some(value) = it.next() else {
                return fail("groups 的选项 --by 缺少取值 district|unit|author|date (missing value)");
            };
            match By::parse(value) {
                Some(b) => by = b,
                None => {
                    return fail(&format!(
                        "groups 不能按 “{value}” 分组，可用 district|unit|author|date (unknown grouping)"
                    ));
                }
            }
        } else if arg.starts_with("--") {
            return fail(&format!("groups 不认识选项 “{arg}” (unknown option)"));
        } else {
            files.push(Path::new(arg));
        }
    }
    if files.is_empty() {
        return fail("groups 需要至少一个文件 (groups needs at least one FILE)");
    }
    let tables = Tables::load();
    let doc = match parse_paths(&files, &Limits::default(), &tables) {
        Ok(doc) => doc,
        Err(e) => return fail(&wording::read_error(&e)),
    };
    let mut out = std::io::stdout().lock();
    let options = Options { tables: &tables, confident };
    let tree = render(&group_with(&doc, by, &options), &|k| wording::group_key(Language::Chinese, k));
    finish(out.write_all(tree.as_bytes()).and_then(|()| out.flush()))
}

/// The `parse --json` document: the pages, and the warnings worded (SPEC section 3).
#[derive(serde::Serialize)]
struct JsonDocument<'a> {
    pages: &'a [crate::model::Page],
    warnings: Vec<String>,
}

fn write_json(out: &mut impl Write, doc: &Document) -> std::io::Result<()> {
    let json =
        JsonDocument { pages: &doc.pages, warnings: doc.warnings.iter().map(wording::warning).collect() };
    serde_json::to_writer(&mut *out, &json).map_err(|e| match e.io_error_kind() {
        Some(kind) => std::io::Error::from(kind),
        None => std::io::Error::other(e),
    })?;
    writeln!(out)
}

fn write_listing(out: &mut impl Write, doc: &Document) -> std::io::Result<()> {
    for page in &doc.pages {
        let date = page.date.as_deref().unwrap_or("日期不详");
        let no = page.page_no.map_or_else(|| "?".to_owned(), |n| n.to_string());
        writeln!(out, "{} 第{}页 ({date}, 第{no}版)：{} 条", page.source, page.index, page.items.len())?;
        for item in &page.items {
            let kind = match item.kind {
                crate::model::Kind::Article => "文章",
                crate::model::Kind::Photo => "图片",
            };
            let title = item.title.as_deref().unwrap_or("（无标题）");
            let names: Vec<&str> = item.authors.iter().map(|a| a.name.as_str()).collect();
            writeln!(
                out,
                "  [{kind}] {title}  {}  行 {}–{}",
                names.join("、"),
                item.lines[0],
                item.lines[1]
            )?;
        }
    }
    for w in &doc.warnings {
        writeln!(out, "警告 (warning): {}", wording::warning(w))?;
    }
    Ok(())
}
