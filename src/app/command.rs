//! What panels ask the app to do: [`Command`]s, applied after drawing.

use std::path::PathBuf;

use super::{Answer, GroupPath, Language, Theme};
use crate::browse::groups::By;
use crate::browse::order::SortKey;
use crate::model::Correction;
use crate::store::export::Format;

/// What a panel asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show the file-open dialog.
    OpenDialog,
    /// Show the folder-open dialog.
    OpenFolderDialog,
    /// Open these inputs (files, folders, .zip) as one archive.
    Open(Vec<PathBuf>),
    /// Open the sample archive built into the program.
    OpenSample,
    /// Stop the running load; the previous archive stays.
    CancelLoad,
    /// Regroup the tree.
    SetGrouping(By),
    /// Classify every item again with this home city (a division index; `Some(None)`: none,
    /// as for a national paper), or with each source's own (`None`).
    SetHome(Option<Option<usize>>),
    /// Select a group (or none: all items).
    SelectGroup(Option<GroupPath>),
    /// Select an item by document position.
    SelectItem(usize),
    /// Move the selection in the list by this many rows.
    MoveSelection(isize),
    /// Sort the list by a column (again: the other direction).
    SortBy(SortKey),
    /// Show the reader alone, or the three panes again.
    ToggleFocusReading,
    /// Step back (Esc): close the correction form, else show the three panes again.
    LeaveFocusReading,
    /// Change the reading size by this many points (0: back to the default).
    TextSize(f32),
    /// Scale the whole interface by this step (0: back to its own size).
    Zoom(f32),
    /// Switch theme.
    SetTheme(Theme),
    /// Switch language.
    SetLanguage(Language),
    /// Search for what was typed (empty: no search).
    Search(String),
    /// Put the cursor in the search box.
    FocusSearch,
    /// Add text typed before the search box had the keyboard to the search.
    TypeInSearch(String),
    /// Move to the next (+1) or previous (-1) match in the reader, on to the next or previous
    /// item at either end.
    NextHit(isize),
    /// Show only the groups whose names (or their pinyin initials) contain this.
    FilterTree(String),
    /// Show the whole page's text in the reader, or the item again.
    TogglePageView,
    /// Hide the banner (the error, or the last load's warnings).
    DismissError,
    /// Open or close the message log's window.
    ShowMessages(bool),
    /// Close the window (settings are saved on the way out); asks first when corrections are
    /// unsaved.
    Quit,
    /// Edit the selected item in the reader, or stop editing.
    ToggleEditing,
    /// Add corrections to the page of the item at this document position.
    Correct(usize, Vec<Correction>),
    /// Take back the last correction (Ctrl+Z).
    Undo,
    /// Make again the last correction taken back (Ctrl+Shift+Z, Ctrl+Y).
    Redo,
    /// Save the corrections: into the open archive, or ask where (Ctrl+S).
    Save,
    /// Ask where to save the archive (Ctrl+Shift+S).
    SaveAsDialog,
    /// Write the archive to this `.baokan` file, which becomes the open archive.
    SaveArchiveTo(PathBuf),
    /// Stop the save or export running before it replaces its file; those waiting are dropped.
    CancelWrite,
    /// Ask where to export the list in this format.
    ExportDialog(Format),
    /// Export the list (the selected group, narrowed by the search) to this file.
    ExportTo(Format, PathBuf),
    /// Answer the question about unsaved corrections.
    Answer(Answer),
    /// Hide the notice line.
    DismissNotice,
    /// The window's own file chooser was answered with these paths.
    Chosen(Vec<PathBuf>),
    /// The window's own file chooser was closed without an answer.
    CancelChoosing,
}
