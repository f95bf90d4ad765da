//! The window's state and the commands that change it.
//!
//! As in rerun's viewer, the persisted settings ([`AppState`]) live apart from the loaded data
//! ([`Loaded`]); panels draw from `&self` and return [`Command`]s, which [`BaokanApp::apply`]
//! carries out after drawing. Loading runs on a worker thread; the window polls it each frame.
//! Moving through groups and items is in [`browse`], searching in [`search`].

pub mod browse;
pub mod command;
pub mod edit;
pub mod files;
pub mod load;
pub mod loaded;
pub mod search;
pub mod writer;

use std::path::PathBuf;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::browse::groups::By;
use crate::browse::order::Order;
use crate::classify::Tables;
use crate::model::Document;
use crate::ui;
pub use command::Command;
pub use edit::Edits;
pub use files::{Answer, Pending};
pub use load::{Job, Outcome, Source};
pub use loaded::{Loaded, find_node};
pub use search::Search;
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
        }
    }
}

/// Reading text size before the user changes it.
pub const DEFAULT_TEXT_SIZE: f32 = 17.0;
/// Smallest and largest reading sizes.
pub const TEXT_SIZES: (f32, f32) = (11.0, 32.0);

/// Which group is selected: its path of names from the top of the tree.
pub type GroupPath = Vec<String>;

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
    /// The last error, one sentence.
    pub error: Option<String>,
    /// The reader fills the window (Enter toggles).
    pub focus_reading: bool,
    /// The list should scroll to the selection on the next frame (the keyboard moved it).
    pub scroll_list: bool,
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
    /// The last thing done that the user should hear of (saved, exported), one sentence.
    pub notice: Option<String>,
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
            focus_reading: false,
            scroll_list: false,
            title_stale: true,
            quit: false,
            closing: false,
            editing: false,
            edits: Edits::default(),
            archive: None,
            writes: Writes::default(),
            pending: None,
            notice: None,
            context: None,
            tables: Arc::new(LazyLock::new(Tables::load)),
        }
    }

    /// The app as eframe creates it: settings from storage, fonts installed, inputs opened.
    pub fn from_creation(cc: &eframe::CreationContext<'_>, inputs: Vec<PathBuf>) -> BaokanApp {
        let state = cc.storage.and_then(|s| eframe::get_value(s, STORAGE_KEY)).unwrap_or_default();
        ui::fonts::install(&cc.egui_ctx);
        let mut app = BaokanApp::new(state);
        app.context = Some(cc.egui_ctx.clone());
        if !inputs.is_empty() {
            app.apply(Command::Open(inputs));
        }
        app
    }

    /// Draws the whole window and applies what the panels asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        if self.context.is_none() {
            self.context = Some(ui.ctx().clone());
        }
        self.poll_job();
        self.poll_index();
        self.poll_writer();
        self.check_close_request(ui.ctx());
        ui::style::apply(ui.ctx(), &self.state);
        let commands = ui::draw(ui, self);
        self.scroll_list = false;
        self.search.focus = false;
        self.search.scroll_to_hit = false;
        for c in commands {
            self.apply(c);
        }
        // Two frames a second are enough for a progress bar, and leave the cores to the
        // worker (a software renderer draws a frame on the CPU).
        let indexing = self.loaded.as_ref().is_some_and(Loaded::is_indexing);
        if self.job.is_some() || self.writes.current.is_some() || indexing {
            ui.ctx().request_repaint_after(Duration::from_millis(500));
        }
        if self.quit && !self.closing {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            self.closing = true;
        }
        if self.title_stale {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Title(self.window_title()));
            self.title_stale = false;
        }
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

    /// 报刊档案, then the name of what is open (marked `*` with unsaved corrections).
    pub fn window_title(&self) -> String {
        let app = ui::text::tr(self.state.language, "报刊档案", "Baokan");
        let Some(l) = &self.loaded else {
            return app.to_owned();
        };
        let names: Vec<String> = l
            .inputs
            .iter()
            .map(|p| p.file_name().unwrap_or(p.as_os_str()).to_string_lossy().into_owned())
            .collect();
        let unsaved = if self.edits.unsaved() { "* " } else { "" };
        format!("{unsaved}{} — {app}", names.join("、"))
    }

    /// Carries out one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::OpenDialog => {
                if let Some(files) = ui::dialogs::pick_files(self.state.language) {
                    self.apply(Command::Open(files));
                }
            }
            Command::OpenFolderDialog => {
                if let Some(folder) = ui::dialogs::pick_folder(self.state.language) {
                    self.apply(Command::Open(vec![folder]));
                }
            }
            Command::Open(inputs) => self.leave(Pending::Open(Source::Paths(inputs))),
            Command::OpenSample => self.leave(Pending::Open(Source::Sample)),
            Command::CancelLoad => {
                if let Some(job) = self.job.take() {
                    job.cancel();
                }
            }
            Command::SetGrouping(g) => self.set_grouping(g),
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
            Command::NextHit(delta) => self.next_hit(delta),
            Command::FilterTree(text) => self.tree_filter = text,
            Command::TogglePageView => self.page_view = !self.page_view,
            Command::ToggleFocusReading => self.focus_reading = !self.focus_reading && self.loaded.is_some(),
            Command::LeaveFocusReading => self.focus_reading = false,
            Command::TextSize(delta) => {
                self.state.text_size = if delta == 0.0 {
                    DEFAULT_TEXT_SIZE
                } else {
                    (self.state.text_size + delta).clamp(TEXT_SIZES.0, TEXT_SIZES.1)
                };
            }
            Command::SetTheme(t) => self.state.theme = t,
            Command::SetLanguage(l) => {
                self.state.language = l;
                self.title_stale = true;
            }
            Command::DismissError => self.error = None,
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
            let lang = self.state.language;
            let outcome = job.wait(|| stopped_message(lang));
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
        let lang = self.state.language;
        let Some(outcome) = self.job.as_ref().and_then(|j| j.poll(|| stopped_message(lang))) else {
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
                self.error = Some(no_pages_message(self.state.language, &job.source.inputs()));
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
            Err(message) => self.error = Some(message),
        }
    }

    /// Shows a parsed document as the open archive (the benchmark uses this directly).
    pub fn show_document(&mut self, inputs: Vec<PathBuf>, doc: Document, load_time: Duration) {
        self.show_loaded(Loaded::new(inputs, doc, self.state.grouping, load_time));
    }

    /// Makes a loaded archive the open one; the search typed so far runs on it.
    fn show_loaded(&mut self, mut loaded: Loaded) {
        loaded.regroup(self.state.grouping);
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

    fn remember(&mut self, inputs: &[PathBuf]) {
        for p in inputs.iter().rev() {
            let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            self.state.recent.retain(|r| *r != p);
            self.state.recent.insert(0, p);
        }
        self.state.recent.truncate(MAX_RECENT);
    }
}

/// The error when the reading thread ended without a result.
fn stopped_message(lang: Language) -> String {
    ui::text::tr(lang, "读取中断 (the reading thread stopped)", "Reading stopped unexpectedly").to_owned()
}

/// The message for inputs that held no page text.
fn no_pages_message(lang: Language, inputs: &[PathBuf]) -> String {
    let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    match lang {
        Language::Chinese => format!("没有找到版面文字：{}", names.join("、")),
        Language::English => format!("No page text found in {}", names.join(", ")),
    }
}

impl eframe::App for BaokanApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.state);
    }
}
