//! The browser entry point: installs the panic hook and mounts the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    opsboard::browser::install_panic_hook();
    opsboard::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Opsboard runs in the browser: build it with `trunk build` (see README.md).");
}
