//! The window's state and the commands that change it.
//!
//! As in rerun's viewer, the persisted settings ([`AppState`]) live apart from the loaded data
//! ([`Loaded`]); panels draw from `&self` and return [`Command`]s, which [`BaokanApp::apply`]
//! carries out after drawing. Loading runs on a worker thread; the window polls it each frame.
//! Moving through groups and items is in [`browse`], searching in [`search`].
//!
//! The app knows nothing of how it is drawn or worded: the interface (the `ui` folder) runs the
//! frame, words [`Problem`]s and [`Notice`]s, and answers the file dialogs the app [`Ask`]s for.

pub mod browse;
pub mod command;
pub mod edit;
pub mod files;
pub mod load;
pub mod loaded;
pub mod message;
pub mod search;
pub mod writer;

use std::path::PathBuf;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::browse::groups::{By, GroupKey};
use crate::browse::order::Order;
use crate::classify::Tables;
use crate::model::Document;
pub use command::Command;
pub use edit::Edits;
pub use files::{Answer, Ask, Pending};
pub use load::{Job, Outcome, Source};
pub use loaded::{Loaded, find_node};
pub use message::{ListScope, Logged, Messages, Notice, Problem, Said};
pub use search::{HitCount, Search};
pub use writer::Writes;

/// Key under which [`AppState`] is kept in eframe's storage.
pub const STORAGE_KEY: &str = "baokan-state";
/// Most recent files kept.
const MAX_RECENT: usize = 10;

/// Interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Language {
    /// 中文 (the default).
    #[default]
    Chinese,
    /// English.
    English,
}

/// Colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Theme {
    /// Dark text on light paper (the default).
    #[default]
    Light,
    /// Light text on dark.
    Dark,
}

/// Settings that survive a restart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    /// Reading text size in points.
    pub text_size: f32,
    /// Colour theme.
    pub theme: Theme,
    /// Interface language.
    pub language: Language,
    /// Tree grouping.
    pub grouping: By,
    /// Recently opened inputs, newest first.
    pub recent: Vec<PathBuf>,
    /// How the item list is sorted.
    pub order: Order,
    /// The whole interface's scale (Ctrl+= / Ctrl+-), apart from the reading size.
    pub zoom: f32,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            text_size: DEFAULT_TEXT_SIZE,
            theme: Theme::Light,
            language: Language::Chinese,
            grouping: By::District,
            recent: Vec::new(),
            order: Order::default(),
            zoom: 1.0,
        }
    }
}

/// Reading text size before the user changes it.
pub const DEFAULT_TEXT_SIZE: f32 = 17.0;
/// Smallest and largest reading sizes.
pub const TEXT_SIZES: (f32, f32) = (11.0, 32.0);
/// Smallest and largest interface scales, and the step of one key press.
pub const ZOOMS: (f32, f32, f32) = (0.6, 2.5, 0.1);

/// Which group is selected: its path of keys from the top of the tree.
pub type GroupPath = Vec<GroupKey>;

/// How the interface words what the list shows, for the export's heading and file name (the
/// app holds no wording, so the interface lends it this).
pub type DescribeList = fn(&ListScope, Language) -> String;

/// The application: settings, loaded archive, selection, running job, last error.
pub struct BaokanApp {
    /// Persisted settings.
    pub state: AppState,
    /// The open archive.
    pub loaded: Option<Loaded>,
    /// The selected group.
    pub group: Option<GroupPath>,
    /// Items of the selected group (all items without one), in list order.
    pub group_items: Vec<usize>,
    /// The items of `group_items` the search keeps, in list order: what the list shows.
    pub list: Vec<usize>,
    /// The search: what was typed, what it matched, where the reader is among the matches.
    pub search: Search,
    /// What the tree's filter box holds.
    pub tree_filter: String,
    /// The reader shows the whole page's text instead of the item.
    pub page_view: bool,
    /// The selected item's document position.
    pub selected: Option<usize>,
    /// The running load.
    pub job: Option<Job>,
    /// The last error, shown in the banner until dismissed.
    pub error: Option<Problem>,
    /// Every error and warning since the window opened, and the banner's warnings.
    pub messages: Messages,
    /// The reader fills the window (Enter toggles).
    pub focus_reading: bool,
    /// The list should scroll to the selection on the next frame (the keyboard moved it).
    pub scroll_list: bool,
    /// The reader should start at the top on the next frame: another item was selected. A
    /// scroll position belongs to the item being read, never to a list row or a later run.
    pub reader_to_top: bool,
    /// What the window title shows has changed (language, open archive) since it was sent.
    title_stale: bool,
    /// Quit was asked for; the window closes after this frame.
    pub quit: bool,
    /// The close command has been sent.
    closing: bool,
    /// The reader shows the selected item's correction form.
    pub editing: bool,
    /// Undo and redo, and what is unsaved.
    pub edits: Edits,
    /// The `.baokan` file the open archive saves into (opened from it, or saved as it).
    pub archive: Option<PathBuf>,
    /// Saves and exports running in the background or waiting.
    pub writes: Writes,
    /// What waits for the answer to "save the corrections first?".
    pub pending: Option<Pending>,
    /// The last thing done that the user should hear of (saved, exported).
    pub notice: Option<Notice>,
    /// A file dialog the interface should show; its answer comes back through
    /// [`BaokanApp::chosen`].
    pub ask: Option<Ask>,
    /// The platform's file dialogs are tried first (the real window); without them (tests, or
    /// a desktop with neither an XDG portal nor zenity) the window draws its own chooser.
    pub native_dialogs: bool,
    /// The question the window's own file chooser is showing; answered with
    /// [`Command::Chosen`] or [`Command::CancelChoosing`].
    pub choosing: Option<Ask>,
    /// Words what the list shows (see [`DescribeList`]).
    pub describe_list: DescribeList,
    /// The window's context, for the loading thread to ask for a frame when it is done.
    context: Option<egui::Context>,
    /// The tables items are classified with (the user's departments included), loaded by the
    /// first load's worker and kept for every later parse.
    tables: Arc<LazyLock<Tables>>,
}

impl BaokanApp {
    /// A window with these settings and nothing open.
    pub fn new(state: AppState) -> BaokanApp {
        BaokanApp {
            state,
            loaded: None,
            group: None,
            group_items: Vec::new(),
            list: Vec::new(),
            search: Search::default(),
            tree_filter: String::new(),
            page_view: false,
            selected: None,
            job: None,
            error: None,
            messages: Messages::default(),
            focus_reading: false,
            scroll_list: false,
            reader_to_top: true,
            title_stale: true,
            quit: false,
            closing: false,
            editing: false,
            edits: Edits::default(),
            archive: None,
            writes: Writes::default(),
            pending: None,
            notice: None,
            ask: None,
            native_dialogs: false,
            choosing: None,
            describe_list: plain_scope,
            context: None,
            tables: Arc::new(LazyLock::new(Tables::load)),
        }
    }

    /// Keeps the window's context, for workers to ask for a frame when they are done.
    pub fn attach(&mut self, ctx: &egui::Context) {
        if self.context.is_none() {
            self.context = Some(ctx.clone());
        }
    }

    /// What happens before a frame is drawn: results of the load, the index and the writes
    /// are taken in, and the window manager's close button is answered.
    pub fn begin_frame(&mut self, ctx: &egui::Context) {
        self.attach(ctx);
        self.poll_job();
        self.poll_index();
        self.poll_writer();
        self.check_close_request(ctx);
    }

    /// Carries out what the panels asked for in a frame, once the one-frame requests (scroll
    /// the list, focus the search box) have been served.
    pub fn apply_all(&mut self, commands: Vec<Command>) {
        self.scroll_list = false;
        self.reader_to_top = false;
        self.search.focus = false;
        self.search.scroll_to_hit = false;
        for c in commands {
            self.apply(c);
        }
    }

    /// What happens after a frame: frames kept coming while work runs, the window closed
    /// after Quit. True when the window title should be sent again.
    pub fn end_frame(&mut self, ctx: &egui::Context) -> bool {
        // Two frames a second are enough for a progress bar, and leave the cores to the
        // worker (a software renderer draws a frame on the CPU).
        let indexing = self.loaded.as_ref().is_some_and(Loaded::is_indexing);
        if self.job.is_some() || self.writes.current.is_some() || indexing {
            ctx.request_repaint_after(Duration::from_millis(500));
        }
        if self.quit && !self.closing {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            self.closing = true;
        }
        std::mem::take(&mut self.title_stale)
    }

    /// The window manager's close button: like Quit, it asks first about unsaved corrections.
    fn check_close_request(&mut self, ctx: &egui::Context) {
        if self.quit || !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        self.leave(Pending::Quit);
        if !self.quit {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
    }

    /// The names of what is open, for the window title; `None` with nothing open. Once saved
    /// as an archive, that file's name: it is where the corrections go.
    pub fn open_names(&self) -> Option<Vec<String>> {
        let l = self.loaded.as_ref()?;
        let name = |p: &PathBuf| p.file_name().unwrap_or(p.as_os_str()).to_string_lossy().into_owned();
        match &self.archive {
            Some(archive) => Some(vec![name(archive)]),
            None => Some(l.inputs.iter().map(name).collect()),
        }
    }

    /// Carries out one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::OpenDialog => self.ask = Some(Ask::OpenFiles),
            Command::OpenFolderDialog => self.ask = Some(Ask::OpenFolder),
            Command::Open(inputs) => self.leave(Pending::Open(Source::Paths(inputs))),
            Command::OpenSample => self.leave(Pending::Open(Source::Sample)),
            Command::CancelLoad => {
                if let Some(job) = self.job.take() {
                    job.cancel();
                }
            }
            Command::SetGrouping(g) => self.set_grouping(g),
            Command::SetHome(home) => self.set_home(home),
            Command::SelectGroup(path) => self.select_group(path),
            Command::SelectItem(i) => self.select(Some(i)),
            Command::MoveSelection(delta) => {
                self.move_selection(delta);
            }
            Command::SortBy(key) => {
                self.state.order = self.state.order.clicked(key);
                self.sort_list();
            }
            Command::Search(text) => self.set_search(text),
            Command::FocusSearch => self.search.focus = true,
            Command::TypeInSearch(typed) => {
                self.set_search(format!("{}{typed}", self.search.text));
                self.search.focus = true;
            }
            Command::NextHit(delta) => self.next_hit(delta),
            Command::FilterTree(text) => self.tree_filter = text,
            Command::TogglePageView => self.page_view = !self.page_view,
            Command::ToggleFocusReading => self.focus_reading = !self.focus_reading && self.loaded.is_some(),
            // Esc steps back once: out of the correction form, else out of reading alone.
            Command::LeaveFocusReading if self.editing => self.editing = false,
            Command::LeaveFocusReading => self.focus_reading = false,
            Command::TextSize(delta) => {
                self.state.text_size = if delta == 0.0 {
                    DEFAULT_TEXT_SIZE
                } else {
                    (self.state.text_size + delta).clamp(TEXT_SIZES.0, TEXT_SIZES.1)
                };
            }
            Command::Zoom(delta) => {
                self.state.zoom = if delta == 0.0 {
                    1.0
                } else {
                    // Rounded to the step, so that in and out come back to the same scale.
                    ((self.state.zoom + delta) * 10.0).round().clamp(ZOOMS.0 * 10.0, ZOOMS.1 * 10.0) / 10.0
                };
            }
            Command::SetTheme(t) => self.state.theme = t,
            Command::SetLanguage(l) => {
                self.state.language = l;
                self.title_stale = true;
            }
            Command::DismissError => {
                self.error = None;
                self.messages.warnings = 0;
            }
            Command::ShowMessages(open) => self.messages.open = open,
            Command::Chosen(paths) => {
                if let Some(ask) = self.choosing.take() {
                    self.chosen(ask, paths);
                }
            }
            Command::CancelChoosing => self.choosing = None,
            Command::Quit => self.leave(Pending::Quit),
            other => self.apply_edit(other),
        }
    }

    /// Carries out the commands about corrections, saving and exporting.
    fn apply_edit(&mut self, command: Command) {
        match command {
            Command::ToggleEditing => self.editing = !self.editing && self.selected.is_some(),
            Command::Correct(item, corrections) => self.correct(item, corrections),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::Save => self.save(),
            Command::SaveAsDialog => self.save_as_dialog(),
            Command::SaveArchiveTo(path) => self.save_archive_to(path, None),
            Command::CancelWrite => self.cancel_write(),
            Command::ExportDialog(format) => self.export_dialog(format),
            Command::ExportTo(format, path) => self.export_to(format, path),
            Command::Answer(answer) => self.answer(answer),
            Command::DismissNotice => self.notice = None,
            _ => {}
        }
        self.title_stale = true;
    }

    /// Opens a source and waits for it, on the same worker and result path as
    /// [`Command::Open`] (tests use this).
    pub fn open_now(&mut self, source: Source) {
        self.start_load(source);
        if let Some(job) = self.job.take() {
            let outcome = job.wait();
            self.finish_load(job, outcome);
        }
    }

    fn start_load(&mut self, source: Source) {
        if let Some(old) = self.job.replace(Job::start(
            source,
            self.state.grouping,
            Arc::clone(&self.tables),
            self.context.clone(),
        )) {
            old.cancel();
        }
    }

    fn poll_job(&mut self) {
        let Some(outcome) = self.job.as_ref().and_then(Job::poll) else {
            return;
        };
        if let Some(job) = self.job.take() {
            self.finish_load(job, outcome);
        }
    }

    /// Shows a finished load, or its error with the previous archive kept.
    fn finish_load(&mut self, job: Job, outcome: Outcome) {
        match outcome {
            Ok(loaded) if loaded.doc.pages.is_empty() => {
                self.fail(Problem::NoPages(job.source.inputs()));
            }
            Ok(loaded) => {
                self.archive = None;
                if let Source::Paths(paths) = &job.source {
                    self.remember(paths);
                    if let [one] = paths.as_slice()
                        && one.extension().is_some_and(|e| e.eq_ignore_ascii_case("baokan"))
                    {
                        self.archive = Some(one.clone());
                    }
                }
                self.show_loaded(loaded);
            }
            Err(problem) => self.fail(problem),
        }
    }

    /// Shows an error in the banner and keeps it in the log.
    pub(crate) fn fail(&mut self, problem: Problem) {
        self.messages.push(Said::Problem(problem.clone()));
        self.error = Some(problem);
    }

    /// Shows a parsed document as the open archive (the benchmark uses this directly).
    pub fn show_document(&mut self, inputs: Vec<PathBuf>, doc: Document, load_time: Duration) {
        self.show_loaded(Loaded::new(inputs, doc, self.state.grouping, load_time));
    }

    /// Makes a loaded archive the open one; the search typed so far runs on it.
    fn show_loaded(&mut self, mut loaded: Loaded) {
        loaded.regroup(self.state.grouping);
        let warnings = &loaded.doc.warnings;
        self.messages.warnings = warnings.len();
        // The log keeps only its newest entries: a load that warns 100,000 times logs the last.
        for w in warnings.iter().skip(warnings.len().saturating_sub(message::LOG_MOST)) {
            self.messages.push(Said::Warning(w.clone()));
        }
        // A selection to come back to belongs to the archive it was made in.
        self.search.before = None;
        self.loaded = Some(loaded);
        self.title_stale = true;
        self.error = None;
        self.selected = None;
        self.focus_reading = false;
        self.editing = false;
        self.edits = Edits::default();
        self.notice = None;
        self.run_search();
        self.select_group(None);
    }

    /// Puts opened (or saved) files first in the recent list.
    pub(crate) fn remember(&mut self, inputs: &[PathBuf]) {
        for p in inputs.iter().rev() {
            let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            self.state.recent.retain(|r| *r != p);
            self.state.recent.insert(0, p);
        }
        self.state.recent.truncate(MAX_RECENT);
    }
}

/// What the list shows, until the interface lends its words: the named groups of the path.
fn plain_scope(scope: &ListScope, _: Language) -> String {
    let names = scope.group.iter().map(|k| match k {
        GroupKey::Named(n) => n.clone(),
        other => format!("{other:?}"),
    });
    names.collect::<Vec<_>>().join(" / ")
}
