//! The architecture's main invariant, as a test: the pure core never reaches
//! the browser shell or the clock. See ARCHITECTURE.md.

use std::fs;
use std::path::Path;

const CORE: [&str; 4] = ["src/model", "src/engine", "src/persist", "src/command"];
const FORBIDDEN: [&str; 13] = [
    "leptos",
    "web_sys",
    "web-sys",
    "gloo",
    "wasm_bindgen",
    "js_sys",
    "crate::ui",
    "crate::storage",
    "crate::browser",
    "crate::file_access",
    "Utc::now",
    "Local::now",
    "SystemTime",
];

fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("core directory exists") {
        let path = entry.expect("readable entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn the_core_does_not_import_the_shell_or_read_the_clock() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in CORE {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(
        files.len() >= 8,
        "the core's files were not found: {files:?}"
    );
    let mut violations = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("readable source");
        for (number, line) in text.lines().enumerate() {
            for word in FORBIDDEN {
                if line.contains(word) {
                    violations.push(format!(
                        "{}:{}: {}",
                        file.display(),
                        number + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        violations.is_empty(),
        "the core reaches the shell or the clock:\n{}",
        violations.join("\n")
    );
}

#[test]
fn the_shell_is_only_compiled_for_the_browser() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("lib.rs");
    for module in [
        "pub mod browser;",
        "pub mod file_access;",
        "pub mod storage;",
        "pub mod ui;",
    ] {
        let line = lib
            .lines()
            .position(|line| line.trim() == module)
            .expect("shell module declared");
        let guard = lib.lines().nth(line - 1).unwrap_or_default();
        assert_eq!(
            guard.trim(),
            "#[cfg(target_arch = \"wasm32\")]",
            "{module} must be wasm-only"
        );
    }
}
