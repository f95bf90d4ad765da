//! Build script: on Windows, embeds the application icon (`assets/icon/baokan.ico`) in the
//! executable, so that Explorer, the taskbar and `.baokan` files show it. Elsewhere it does
//! nothing: Linux takes the icon from `baokan --install-desktop`, macOS from the app bundle.

fn main() {
    println!("cargo::rerun-if-changed=assets/icon/baokan.ico");
    println!("cargo::rerun-if-changed=build.rs");
    #[cfg(windows)]
    embed_windows_icon();
}

/// Compiles a resource file holding the icon (a native Windows build; a build for Windows on
/// another system goes without the icon).
#[cfg(windows)]
fn embed_windows_icon() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource.set_icon("assets/icon/baokan.ico");
    if let Err(e) = resource.compile() {
        println!("cargo::warning=the icon was not embedded in baokan.exe: {e}");
    }
}
