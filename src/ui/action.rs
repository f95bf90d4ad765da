//! Every user action, defined once: its label in both languages, its keyboard shortcuts,
//! whether those work while a text field has the keyboard, when it is enabled and the
//! [`Command`] it sends. The menus, the key handling and the shortcut hints all come from here,
//! and hints are formatted the platform's way by egui (Ctrl+S here, ⌘S on a Mac).
//!
//! Key rules: a shortcut without Ctrl (⌘ on a Mac) is a plain key, which in a text field types
//! text, so it works only when no text field has the keyboard; one with Ctrl works there too
//! unless the action says otherwise (undo and redo are then the field's own).

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::app::{BaokanApp, Command, Language, ZOOMS};
use crate::ui::wording::tr;

/// A user action with a label, and perhaps shortcuts and a menu entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Save as a new archive (asks where).
    SaveAs,
    /// Save the corrections.
    Save,
    /// Make again the last correction taken back.
    Redo,
    /// Take back the last correction.
    Undo,
    /// Open pages or an archive (asks which).
    Open,
    /// Open a folder of pages (asks which).
    OpenFolder,
    /// Open the sample archive built into the program.
    OpenSample,
    /// Close the window.
    Quit,
    /// Put the cursor in the search box.
    FocusSearch,
    /// A larger interface.
    ZoomIn,
    /// A smaller interface.
    ZoomOut,
    /// The interface at its own size.
    ZoomReset,
    /// Larger reading text.
    LargerText,
    /// Smaller reading text.
    SmallerText,
    /// The default reading size.
    DefaultTextSize,
    /// The previous match in the reader.
    PreviousHit,
    /// The next match in the reader.
    NextHit,
    /// Read the selected item alone in the window, or come back.
    ToggleFocusReading,
    /// Come back from reading alone.
    LeaveFocusReading,
    /// Select the next item in the list.
    NextItem,
    /// Select the previous item in the list.
    PreviousItem,
    /// Edit the selected item's fields, or stop editing.
    CorrectItem,
}

/// The menus of the menu bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    /// 文件: opening, saving, exporting, quitting.
    File,
    /// 编辑: undo, redo, corrections.
    Edit,
    /// 视图: grouping, text size, theme, language.
    View,
}

impl Menu {
    /// The menu's name in the menu bar.
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            Menu::File => tr(lang, "文件", "File"),
            Menu::Edit => tr(lang, "编辑", "Edit"),
            Menu::View => tr(lang, "视图", "View"),
        }
    }
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

impl Action {
    /// Every action, in the order keys are matched: a shortcut with Shift comes before the
    /// same one without, which would otherwise take its press (Ctrl+S matches Ctrl+Shift+S).
    pub const ALL: [Action; 22] = [
        Action::SaveAs,
        Action::Save,
        Action::Redo,
        Action::Undo,
        Action::Open,
        Action::OpenFolder,
        Action::OpenSample,
        Action::Quit,
        Action::FocusSearch,
        Action::LargerText,
        Action::SmallerText,
        Action::DefaultTextSize,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ZoomReset,
        Action::PreviousHit,
        Action::NextHit,
        Action::ToggleFocusReading,
        Action::LeaveFocusReading,
        Action::NextItem,
        Action::PreviousItem,
        Action::CorrectItem,
    ];

    /// The action's name in menus and hints.
    pub fn label(self, lang: Language) -> &'static str {
        let (zh, en) = match self {
            Action::SaveAs => ("另存为档案…", "Save as archive…"),
            Action::Save => ("保存", "Save"),
            Action::Redo => ("重做更正", "Redo correction"),
            Action::Undo => ("撤销更正", "Undo correction"),
            Action::Open => ("打开…", "Open…"),
            Action::OpenFolder => ("打开文件夹…", "Open folder…"),
            Action::OpenSample => ("打开示例档案", "Open the sample archive"),
            Action::Quit => ("退出", "Quit"),
            Action::FocusSearch => ("搜索", "Search"),
            Action::ZoomIn => ("放大界面", "Zoom in"),
            Action::ZoomOut => ("缩小界面", "Zoom out"),
            Action::ZoomReset => ("界面原始大小", "Actual size"),
            Action::LargerText => ("放大正文字号", "Larger reading text"),
            Action::SmallerText => ("缩小正文字号", "Smaller reading text"),
            Action::DefaultTextSize => ("默认正文字号", "Default reading size"),
            Action::PreviousHit => ("上一处匹配", "Previous match"),
            Action::NextHit => ("下一处匹配", "Next match"),
            Action::ToggleFocusReading => ("单独阅读所选条目", "Read the selected item alone"),
            Action::LeaveFocusReading => ("返回三栏", "Back to the three panes"),
            Action::NextItem => ("下一条", "Next item"),
            Action::PreviousItem => ("上一条", "Previous item"),
            Action::CorrectItem => ("更正所选条目…", "Correct the selected item…"),
        };
        tr(lang, zh, en)
    }

    /// The keyboard shortcuts, the one shown in hints first.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Action::SaveAs => &const { [cmd_shift(Key::S)] },
            Action::Save => &const { [cmd(Key::S)] },
            Action::Redo => &const { [cmd_shift(Key::Z), cmd(Key::Y)] },
            Action::Undo => &const { [cmd(Key::Z)] },
            Action::Open => &const { [cmd(Key::O)] },
            Action::Quit => &const { [cmd(Key::Q)] },
            Action::FocusSearch => &const { [cmd(Key::F), plain(Key::Slash)] },
            // Some keyboards give = for the key marked +, others +.
            Action::ZoomIn => &const { [cmd(Key::Equals), cmd(Key::Plus)] },
            Action::ZoomOut => &const { [cmd(Key::Minus)] },
            Action::ZoomReset => &const { [cmd(Key::Num0)] },
            // The reading size has keys of its own beside the interface's.
            Action::LargerText => &const { [cmd_shift(Key::Equals), cmd_shift(Key::Plus)] },
            Action::SmallerText => &const { [cmd_shift(Key::Minus)] },
            Action::DefaultTextSize => &const { [cmd_shift(Key::Num0)] },
            Action::PreviousHit => &const { [KeyboardShortcut::new(Modifiers::SHIFT, Key::N)] },
            Action::NextHit => &const { [plain(Key::N)] },
            Action::ToggleFocusReading => &const { [plain(Key::Enter)] },
            Action::LeaveFocusReading => &const { [plain(Key::Escape)] },
            Action::NextItem => &const { [plain(Key::ArrowDown), plain(Key::J)] },
            Action::PreviousItem => &const { [plain(Key::ArrowUp), plain(Key::K)] },
            Action::OpenFolder | Action::OpenSample | Action::CorrectItem => &[],
        }
    }

    /// The menu that has an entry for the action; `None` for actions taken only by key.
    pub fn menu(self) -> Option<Menu> {
        match self {
            Action::Open | Action::OpenFolder | Action::OpenSample => Some(Menu::File),
            Action::Save | Action::SaveAs | Action::Quit => Some(Menu::File),
            Action::Undo | Action::Redo | Action::CorrectItem => Some(Menu::Edit),
            Action::LargerText | Action::SmallerText | Action::DefaultTextSize => Some(Menu::View),
            Action::ZoomIn | Action::ZoomOut | Action::ZoomReset => Some(Menu::View),
            Action::FocusSearch | Action::PreviousHit | Action::NextHit => None,
            Action::ToggleFocusReading | Action::LeaveFocusReading => None,
            Action::NextItem | Action::PreviousItem => None,
        }
    }

    /// True when the Ctrl shortcuts work while a text field has the keyboard (plain keys
    /// never do). Undo and redo there are the field's own.
    pub fn while_typing(self) -> bool {
        !matches!(self, Action::Undo | Action::Redo)
    }

    /// True when `shortcut` of this action works now: `typing` tells whether a text field has
    /// the keyboard.
    pub fn works(self, shortcut: &KeyboardShortcut, typing: bool) -> bool {
        !typing || (self.while_typing() && shortcut.modifiers.command)
    }

    /// True when the action can be taken in the app's state (its menu entry is greyed out
    /// otherwise; its keys work regardless, as the app ignores what it cannot do).
    pub fn enabled(self, app: &BaokanApp) -> bool {
        match self {
            Action::Save | Action::SaveAs => app.loaded.is_some(),
            Action::Undo => app.edits.can_undo(),
            Action::Redo => app.edits.can_redo(),
            Action::CorrectItem => app.selected.is_some(),
            _ => true,
        }
    }

    /// What the action asks the app to do.
    pub fn command(self) -> Command {
        match self {
            Action::SaveAs => Command::SaveAsDialog,
            Action::Save => Command::Save,
            Action::Redo => Command::Redo,
            Action::Undo => Command::Undo,
            Action::Open => Command::OpenDialog,
            Action::OpenFolder => Command::OpenFolderDialog,
            Action::OpenSample => Command::OpenSample,
            Action::Quit => Command::Quit,
            Action::FocusSearch => Command::FocusSearch,
            Action::ZoomIn => Command::Zoom(ZOOMS.2),
            Action::ZoomOut => Command::Zoom(-ZOOMS.2),
            Action::ZoomReset => Command::Zoom(0.0),
            Action::LargerText => Command::TextSize(1.0),
            Action::SmallerText => Command::TextSize(-1.0),
            Action::DefaultTextSize => Command::TextSize(0.0),
            Action::PreviousHit => Command::NextHit(-1),
            Action::NextHit => Command::NextHit(1),
            Action::ToggleFocusReading => Command::ToggleFocusReading,
            Action::LeaveFocusReading => Command::LeaveFocusReading,
            Action::NextItem => Command::MoveSelection(1),
            Action::PreviousItem => Command::MoveSelection(-1),
            Action::CorrectItem => Command::ToggleEditing,
        }
    }

    /// The hint for the first shortcut, as the platform writes it; `None` without one.
    pub fn hint(self, ctx: &egui::Context) -> Option<String> {
        self.shortcuts().first().map(|s| ctx.format_shortcut(s))
    }

    /// Draws the action's menu entry, greyed out when not enabled, with its shortcut hint
    /// right-aligned; the command when it was clicked.
    pub fn menu_button(self, ui: &mut egui::Ui, app: &BaokanApp) -> Option<Command> {
        let mut button = egui::Button::new(self.label(app.state.language));
        if let Some(hint) = self.hint(ui.ctx()) {
            button = button.shortcut_text(hint);
        }
        let clicked = ui.add_enabled(self.enabled(app), button).clicked();
        clicked.then(|| self.command())
    }
}

/// The commands of the shortcuts pressed this frame, one per press. Each pressed shortcut is
/// consumed, so no widget also acts on it, and so is the text a plain key typed (`/` would
/// otherwise land in the search box it focuses).
pub fn pressed(ctx: &egui::Context) -> Vec<Command> {
    let typing = ctx.memory(|m| m.focused().is_some());
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        for action in Action::ALL {
            for s in action.shortcuts().iter().filter(|s| action.works(s, typing)) {
                // Every press counts: a slow frame (a software renderer takes 150 ms) brings
                // several presses of the same key at once.
                for _ in 0..i.count_and_consume_key(s.modifiers, s.logical_key) {
                    if !s.modifiers.command {
                        let typed = s.logical_key.symbol_or_name();
                        let text = i
                            .events
                            .iter()
                            .position(|e| matches!(e, egui::Event::Text(t) if t.eq_ignore_ascii_case(typed)));
                        if let Some(k) = text {
                            i.events.remove(k);
                        }
                    }
                    out.push(action.command());
                }
            }
        }
        // The search box takes the keyboard only on the next frame: what was typed after the
        // key that reaches it, in this same frame, goes there rather than being lost.
        if !typing && out.contains(&Command::FocusSearch) {
            let typed: String = i
                .events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::Text(t) => Some(t.as_str()),
                    _ => None,
                })
                .collect();
            i.events.retain(|e| !matches!(e, egui::Event::Text(_)));
            if !typed.is_empty() {
                out.push(Command::TypeInSearch(typed));
            }
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_shortcut_is_taken_by_an_earlier_one() {
        let all: Vec<(Action, KeyboardShortcut)> =
            Action::ALL.iter().flat_map(|&a| a.shortcuts().iter().map(move |&s| (a, s))).collect();
        for (i, (earlier, a)) in all.iter().enumerate() {
            for (later, b) in &all[i + 1..] {
                let shadows = a.logical_key == b.logical_key && b.modifiers.matches_logically(a.modifiers);
                assert!(!shadows, "{earlier:?}'s {a:?} would take {later:?}'s {b:?}");
            }
        }
    }

    /// The commands of one frame in which `shortcut` is pressed, with a text field holding
    /// the keyboard when `typing`; `text` arrives with the key, as a real keyboard sends it.
    fn press(shortcut: KeyboardShortcut, typing: bool, text: Option<&str>) -> (Vec<Command>, usize) {
        let ctx = egui::Context::default();
        let mut input = egui::RawInput::default();
        input.events.push(egui::Event::Key {
            key: shortcut.logical_key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: shortcut.modifiers,
        });
        input.events.extend(text.map(|t| egui::Event::Text(t.to_owned())));
        let (mut out, mut texts) = (Vec::new(), 0);
        let mut output = ctx.run_ui(input, |ui| {
            if typing {
                ui.memory_mut(|m| m.request_focus(egui::Id::unique("a text field")));
            }
            out = pressed(ui.ctx());
            texts = ui.input(|i| i.events.iter().filter(|e| matches!(e, egui::Event::Text(_))).count());
        });
        // Nothing draws here: the font atlas egui made is dropped on purpose.
        output.textures_delta.clear();
        (out, texts)
    }

    #[test]
    fn every_shortcut_sends_its_command_when_it_may() {
        for action in Action::ALL {
            for &s in action.shortcuts() {
                let (got, _) = press(s, false, None);
                assert_eq!(got, vec![action.command()], "{action:?} by {s:?}");
                let (got, _) = press(s, true, None);
                let want = if action.works(&s, true) { vec![action.command()] } else { Vec::new() };
                assert_eq!(got, want, "{action:?} by {s:?} while typing");
            }
        }
    }

    #[test]
    fn which_keys_work_while_typing() {
        let typing = |a: Action, s: KeyboardShortcut| a.works(&s, true);
        assert!(typing(Action::Save, cmd(Key::S)) && typing(Action::FocusSearch, cmd(Key::F)));
        assert!(!typing(Action::Undo, cmd(Key::Z)) && !typing(Action::Redo, cmd(Key::Y)));
        assert!(!typing(Action::FocusSearch, plain(Key::Slash)) && !typing(Action::NextItem, plain(Key::J)));
        assert!(!typing(Action::ToggleFocusReading, plain(Key::Enter)));
    }

    #[test]
    fn a_slash_that_focuses_the_search_is_not_typed() {
        let (got, texts) = press(plain(Key::Slash), false, Some("/"));
        assert_eq!((got, texts), (vec![Command::FocusSearch], 0));
    }

    #[test]
    fn every_action_has_a_label_in_both_languages() {
        for action in Action::ALL {
            assert!(
                !action.label(Language::Chinese).is_empty() && !action.label(Language::English).is_empty()
            );
        }
    }

    /// The commands of one frame that brings these events, nothing focused.
    fn frame(events: Vec<egui::Event>) -> Vec<Command> {
        let ctx = egui::Context::default();
        let input = egui::RawInput { events, ..Default::default() };
        let mut out = Vec::new();
        let mut output = ctx.run_ui(input, |ui| out = pressed(ui.ctx()));
        output.textures_delta.clear();
        out
    }

    fn key(key: Key, modifiers: Modifiers) -> egui::Event {
        egui::Event::Key { key, physical_key: None, pressed: true, repeat: false, modifiers }
    }

    #[test]
    fn every_press_in_a_slow_frame_counts() {
        let j = |n| (0..n).flat_map(|_| [key(Key::J, Modifiers::NONE), egui::Event::Text("j".to_owned())]);
        let out = frame(j(6).collect());
        assert_eq!(out, vec![Command::MoveSelection(1); 6], "six j presses, six rows");
        let out = frame(vec![key(Key::ArrowDown, Modifiers::NONE), key(Key::J, Modifiers::NONE)]);
        assert_eq!(out, vec![Command::MoveSelection(1); 2], "↓ and j both count");
    }

    #[test]
    fn letters_typed_with_ctrl_f_in_one_frame_go_to_the_search() {
        let events = vec![
            key(Key::F, Modifiers::COMMAND),
            egui::Event::Text("东".to_owned()),
            egui::Event::Text("平".to_owned()),
        ];
        assert_eq!(frame(events), [Command::FocusSearch, Command::TypeInSearch("东平".to_owned())]);
        let slash = vec![key(Key::Slash, Modifiers::NONE), egui::Event::Text("/".to_owned())];
        assert_eq!(frame(slash), [Command::FocusSearch], "the slash itself is not typed");
    }
}
