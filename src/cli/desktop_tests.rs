use std::path::Path;

use super::*;

#[test]
fn exec_arguments_are_quoted_as_the_specification_asks() {
    let cases = [
        ("/usr/bin/baokan", "/usr/bin/baokan"),
        ("/home/王刚/bin/baokan", "/home/王刚/bin/baokan"),
        ("/opt/my apps/baokan", "\"/opt/my apps/baokan\""),
        ("/opt/a$b/baokan", "\"/opt/a\\\\$b/baokan\""),
        ("/opt/say \"hi\"/baokan", "\"/opt/say \\\\\"hi\\\\\"/baokan\""),
        ("/opt/back\\slash", "\"/opt/back\\\\\\\\slash\""),
        ("/opt/100%/baokan", "/opt/100%%/baokan"),
    ];
    for (path, want) in cases {
        assert_eq!(quote_exec(path), want, "{path}");
    }
}

#[test]
fn the_entry_opens_files_of_the_type() {
    let entry = desktop_entry(Path::new("/opt/my apps/baokan")).unwrap();
    assert!(entry.starts_with("[Desktop Entry]\n"), "{entry}");
    assert!(entry.contains("\nExec=\"/opt/my apps/baokan\" %F\n"), "{entry}");
    assert!(entry.contains("\nMimeType=application/x-baokan;\n"), "{entry}");
    assert!(entry.contains("\nName[zh_CN]=报刊档案\n"), "{entry}");
    assert!(desktop_entry(Path::new("/tmp/a\nb")).is_err());
}

#[test]
fn mimeapps_lists_are_edited_in_place() {
    type Case<'a> = (&'a str, &'a str, &'a str);
    let cases: [Case; 4] = [
        (
            "empty",
            "",
            "[Default Applications]\napplication/x-baokan=baokan.desktop;\n\n\
             [Added Associations]\napplication/x-baokan=baokan.desktop;\n",
        ),
        (
            "other types kept, our line replaced",
            "[Default Applications]\ntext/plain=gedit.desktop;\napplication/x-baokan=old.desktop;\n",
            "[Default Applications]\napplication/x-baokan=baokan.desktop;old.desktop;\ntext/plain=gedit.desktop;\n\n\
             [Added Associations]\napplication/x-baokan=baokan.desktop;\n",
        ),
        (
            "installed twice",
            "[Default Applications]\napplication/x-baokan=baokan.desktop;\n",
            "[Default Applications]\napplication/x-baokan=baokan.desktop;\n\n\
             [Added Associations]\napplication/x-baokan=baokan.desktop;\n",
        ),
        (
            "no final line end",
            "[Added Associations]\ntext/plain=gedit.desktop;",
            "[Added Associations]\napplication/x-baokan=baokan.desktop;\ntext/plain=gedit.desktop;\n\n\
             [Default Applications]\napplication/x-baokan=baokan.desktop;\n",
        ),
    ];
    for (name, before, after) in cases {
        let installed = with_default(before);
        assert_eq!(installed, after, "{name}");
        // Removing takes out only what installing put in.
        let removed = without_default(&installed);
        assert!(!removed.contains(DESKTOP_ID), "{name}: {removed}");
        for line in before.lines().filter(|l| !l.contains(DESKTOP_ID)) {
            assert!(removed.contains(line), "{name}: lost {line}");
        }
    }
}

#[test]
fn install_then_uninstall_leaves_other_settings() {
    let dir = std::env::temp_dir().join(format!("baokan-desktop-{}", std::process::id()));
    let places = Places { data: dir.join("data"), config: dir.join("config") };
    std::fs::create_dir_all(&places.config).unwrap();
    std::fs::write(
        places.config.join("mimeapps.list"),
        "[Default Applications]\ntext/plain=gedit.desktop;\n",
    )
    .unwrap();
    let report = install(&places, Path::new("/usr/local/bin/baokan")).unwrap();
    assert!(report.len() >= 4, "{report:?}");
    let entry = std::fs::read_to_string(places.data.join("applications/baokan.desktop")).unwrap();
    assert!(entry.contains("Exec=/usr/local/bin/baokan %F"), "{entry}");
    let package = std::fs::read_to_string(places.data.join("mime/packages/baokan.xml")).unwrap();
    assert!(package.contains("<glob pattern=\"*.baokan\"/>"), "{package}");
    let icon = std::fs::read(places.data.join("icons/hicolor/512x512/apps/baokan.png")).unwrap();
    assert_eq!(icon, crate::ui::icon::PNG);
    let list = std::fs::read_to_string(places.config.join("mimeapps.list")).unwrap();
    assert!(
        list.contains("application/x-baokan=baokan.desktop;") && list.contains("text/plain=gedit"),
        "{list}"
    );

    uninstall(&places).unwrap();
    assert!(!places.data.join("applications/baokan.desktop").exists());
    assert!(!places.data.join("mime/packages/baokan.xml").exists());
    assert!(!places.data.join("icons/hicolor/512x512/apps/baokan.png").exists());
    let list = std::fs::read_to_string(places.config.join("mimeapps.list")).unwrap();
    assert!(!list.contains("baokan") && list.contains("text/plain=gedit.desktop;"), "{list}");
    std::fs::remove_dir_all(&dir).unwrap();
}
