//! The window's state and the commands that change it.
//!
//! As in rerun's viewer, the persisted settings ([`AppState`]) live apart from the loaded data
//! ([`Loaded`]); panels draw from `&self` and return [`Command`]s, which [`BaokanApp::apply`]
//! carries out after drawing. Loading runs on a worker thread; the window polls it each frame.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::core::groups::{By, Node, group};
use crate::core::model::{Document, Item, ParsedPage};
use crate::core::parse::parse_paths;
use crate::core::source::Limits;
use crate::ui;

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
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            text_size: DEFAULT_TEXT_SIZE,
            theme: Theme::Light,
            language: Language::Chinese,
            grouping: By::District,
            recent: Vec::new(),
        }
    }
}

/// Reading text size before the user changes it.
pub const DEFAULT_TEXT_SIZE: f32 = 17.0;
/// Smallest and largest reading sizes.
pub const TEXT_SIZES: (f32, f32) = (11.0, 32.0);

/// An archive that has been read and segmented.
#[derive(Debug)]
pub struct Loaded {
    /// What was opened (for the title and recent files).
    pub inputs: Vec<PathBuf>,
    /// The parsed pages.
    pub doc: Document,
    /// Every item as (page, item) positions, in document order.
    pub items: Vec<(usize, usize)>,
    /// The group tree for the current grouping.
    pub tree: Vec<Node>,
    /// How long reading and segmenting took.
    pub load_time: Duration,
}

impl Loaded {
    fn new(inputs: Vec<PathBuf>, doc: Document, grouping: By, load_time: Duration) -> Loaded {
        let items = doc
            .pages
            .iter()
            .enumerate()
            .flat_map(|(p, page)| (0..page.articles.len()).map(move |i| (p, i)))
            .collect();
        let tree = group(&doc, grouping);
        Loaded { inputs, doc, items, tree, load_time }
    }

    /// The item at a document position, with its page.
    pub fn item(&self, i: usize) -> Option<(&ParsedPage, &Item)> {
        let &(p, a) = self.items.get(i)?;
        let page = self.doc.pages.get(p)?;
        Some((page, page.articles.get(a)?))
    }
}

/// Which group is selected: its path of names from the top of the tree.
pub type GroupPath = Vec<String>;

/// A load running on a worker thread.
pub struct Job {
    /// What is being opened.
    pub inputs: Vec<PathBuf>,
    /// When it started.
    pub started: Instant,
    cancel: Arc<AtomicBool>,
    result: Receiver<Result<Document, String>>,
}

/// What a panel asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show the file-open dialog.
    OpenDialog,
    /// Show the folder-open dialog.
    OpenFolderDialog,
    /// Open these inputs (files, folders, .zip) as one archive.
    Open(Vec<PathBuf>),
    /// Stop the running load; the previous archive stays.
    CancelLoad,
    /// Regroup the tree.
    SetGrouping(By),
    /// Select a group (or none: all items).
    SelectGroup(Option<GroupPath>),
    /// Select an item by document position.
    SelectItem(usize),
    /// Move the selection in the list by this many rows.
    MoveSelection(isize),
    /// Change the reading size by this many points (0: back to the default).
    TextSize(f32),
    /// Switch theme.
    SetTheme(Theme),
    /// Switch language.
    SetLanguage(Language),
    /// Hide the error line.
    DismissError,
}

/// The application: settings, loaded archive, selection, running job, last error.
pub struct BaokanApp {
    /// Persisted settings.
    pub state: AppState,
    /// The open archive.
    pub loaded: Option<Loaded>,
    /// The selected group.
    pub group: Option<GroupPath>,
    /// Items of the selected group (all items without one), in list order.
    pub list: Vec<usize>,
    /// The selected item's document position.
    pub selected: Option<usize>,
    /// The running load.
    pub job: Option<Job>,
    /// The last error, one sentence.
    pub error: Option<String>,
}

impl BaokanApp {
    /// A window with these settings and nothing open.
    pub fn new(state: AppState) -> BaokanApp {
        BaokanApp {
            state,
            loaded: None,
            group: None,
            list: Vec::new(),
            selected: None,
            job: None,
            error: None,
        }
    }

    /// The app as eframe creates it: settings from storage, fonts installed, inputs opened.
    pub fn from_creation(cc: &eframe::CreationContext<'_>, inputs: Vec<PathBuf>) -> BaokanApp {
        let state = cc.storage.and_then(|s| eframe::get_value(s, STORAGE_KEY)).unwrap_or_default();
        ui::fonts::install(&cc.egui_ctx);
        let mut app = BaokanApp::new(state);
        if !inputs.is_empty() {
            app.apply(Command::Open(inputs));
        }
        app
    }

    /// Draws the whole window and applies what the panels asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.poll_job();
        ui::style::apply(ui.ctx(), &self.state);
        let commands = ui::draw(ui, self);
        for c in commands {
            self.apply(c);
        }
        if self.job.is_some() {
            ui.ctx().request_repaint_after(Duration::from_millis(50));
        }
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
            Command::Open(inputs) => self.start_load(inputs),
            Command::CancelLoad => self.job = None,
            Command::SetGrouping(g) => {
                self.state.grouping = g;
                if let Some(l) = &mut self.loaded {
                    l.tree = group(&l.doc, g);
                }
                self.select_group(None);
            }
            Command::SelectGroup(path) => self.select_group(path),
            Command::SelectItem(i) => self.selected = Some(i),
            Command::MoveSelection(delta) => self.move_selection(delta),
            Command::TextSize(delta) => {
                self.state.text_size = if delta == 0.0 {
                    DEFAULT_TEXT_SIZE
                } else {
                    (self.state.text_size + delta).clamp(TEXT_SIZES.0, TEXT_SIZES.1)
                };
            }
            Command::SetTheme(t) => self.state.theme = t,
            Command::SetLanguage(l) => self.state.language = l,
            Command::DismissError => self.error = None,
        }
    }

    /// Opens inputs and waits for them, on the same worker and result path as
    /// [`Command::Open`] (tests use this).
    pub fn open_now(&mut self, inputs: Vec<PathBuf>) {
        self.start_load(inputs);
        if let Some(job) = self.job.take() {
            let result = job.result.recv().map_err(|_| self.stopped_message()).and_then(|r| r);
            self.finish_load(job, result);
        }
    }

    fn start_load(&mut self, inputs: Vec<PathBuf>) {
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = channel();
        let (paths, flag) = (inputs.clone(), Arc::clone(&cancel));
        std::thread::spawn(move || {
            let refs: Vec<&std::path::Path> = paths.iter().map(PathBuf::as_path).collect();
            let result = parse_paths(&refs, &Limits::default()).map_err(|e| e.to_string());
            if !flag.load(Ordering::Relaxed) {
                // The window may have gone; nothing to do then.
                let _ = tx.send(result);
            }
        });
        if let Some(old) = self.job.replace(Job { inputs, started: Instant::now(), cancel, result: rx }) {
            old.cancel.store(true, Ordering::Relaxed);
        }
    }

    fn poll_job(&mut self) {
        let Some(job) = &self.job else {
            return;
        };
        let result = match job.result.try_recv() {
            Ok(r) => r,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => Err(self.stopped_message()),
        };
        if let Some(job) = self.job.take() {
            self.finish_load(job, result);
        }
    }

    /// The error when the reading thread ended without a result.
    fn stopped_message(&self) -> String {
        ui::text::tr(
            self.state.language,
            "读取中断 (the reading thread stopped)",
            "Reading stopped unexpectedly",
        )
        .to_owned()
    }

    /// Shows a finished load, or its error with the previous archive kept.
    fn finish_load(&mut self, job: Job, result: Result<Document, String>) {
        match result {
            Ok(doc) if doc.pages.is_empty() => {
                self.error = Some(no_pages_message(self.state.language, &job.inputs));
            }
            Ok(doc) => {
                let loaded = Loaded::new(job.inputs.clone(), doc, self.state.grouping, job.started.elapsed());
                self.remember(&job.inputs);
                self.loaded = Some(loaded);
                self.error = None;
                self.selected = None;
                self.select_group(None);
            }
            Err(message) => self.error = Some(message),
        }
    }

    fn remember(&mut self, inputs: &[PathBuf]) {
        for p in inputs.iter().rev() {
            let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            self.state.recent.retain(|r| *r != p);
            self.state.recent.insert(0, p);
        }
        self.state.recent.truncate(MAX_RECENT);
    }

    fn select_group(&mut self, path: Option<GroupPath>) {
        let Some(loaded) = &self.loaded else {
            self.group = None;
            self.list.clear();
            return;
        };
        self.list = match path.as_deref().and_then(|p| find_node(&loaded.tree, p)) {
            Some(node) => node.items(),
            None => (0..loaded.items.len()).collect(),
        };
        self.group = path;
        if self.selected.is_none_or(|s| !self.list.contains(&s)) {
            self.selected = self.list.first().copied();
        }
    }

    fn move_selection(&mut self, delta: isize) {
        let here = self.selected.and_then(|s| self.list.iter().position(|&i| i == s));
        let next = match here {
            Some(p) => p.saturating_add_signed(delta).min(self.list.len().saturating_sub(1)),
            None => 0,
        };
        self.selected = self.list.get(next).copied();
    }
}

/// The message for inputs that held no page text.
fn no_pages_message(lang: Language, inputs: &[PathBuf]) -> String {
    let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    match lang {
        Language::Chinese => format!("没有找到版面文字：{}", names.join("、")),
        Language::English => format!("No page text found in {}", names.join(", ")),
    }
}

/// The node at a path of names.
pub fn find_node<'a>(tree: &'a [Node], path: &[String]) -> Option<&'a Node> {
    let (first, rest) = path.split_first()?;
    let node = tree.iter().find(|n| n.item.is_none() && n.name == *first)?;
    if rest.is_empty() { Some(node) } else { find_node(&node.children, rest) }
}

impl eframe::App for BaokanApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.state);
    }
}
