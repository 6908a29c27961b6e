//! The parts of the app loaded when first used. In the release build
//! (feature `split`, scripts/build-wasm.sh) each function here is a split
//! point: its code, and what only it needs, go to wasm files of their own,
//! fetched on the first call and kept by the service worker for offline
//! use. Elsewhere (the dev server, the component tests) they are plain
//! functions. [`on_demand`] shows a part, "Loading…" until its code has
//! arrived, and a way to try again if it cannot arrive.

use leptos::prelude::*;

/// A part's code could not be fetched (offline before the service worker
/// kept it, or the server did not answer).
#[derive(Debug, Clone, Copy)]
pub struct Unavailable;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Unavailable {
        Unavailable
    }
}

/// The part a function shows: `Ok` once its code is there.
type Part = Result<AnyView, Unavailable>;

/// A part being fetched and shown.
pub type PartFuture = std::pin::Pin<Box<dyn std::future::Future<Output = Part>>>;

/// Declares a part: a module with `load`, which fetches the part's code
/// (once; in the release build it is a split point) and shows the component.
macro_rules! part {
    ($(#[$doc:meta])* $name:ident => $component:path) => {
        $(#[$doc])*
        pub mod $name {
            use super::{Part, PartFuture};
            use leptos::prelude::*;

            #[cfg_attr(
                feature = "split",
                leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)
            )]
            fn show() -> Part {
                Ok(view! { <$component/> }.into_any())
            }

            /// Fetches the part's code, once, and shows it.
            pub fn load() -> PartFuture {
                #[cfg(feature = "split")]
                return Box::pin(show());
                #[cfg(not(feature = "split"))]
                return Box::pin(std::future::ready(show()));
            }
        }
    };
}

part!(
    /// The Work view: the book of work and each engagement's page.
    work_view => crate::ui::work::WorkView
);
part!(
    /// The People view.
    people_view => crate::ui::people::PeopleView
);
part!(
    /// The Skills view.
    skills_view => crate::ui::skills::SkillsView
);
part!(
    /// The Check-in view.
    check_in_view => crate::ui::checkins::CheckInView
);
part!(
    /// The Money view.
    money_view => crate::ui::money::MoneyView
);
part!(
    /// The Report view.
    report_view => crate::ui::report::ReportView
);
part!(
    /// The Files view.
    files_view => crate::ui::files::FilesView
);

part!(
    /// The panels under the Capacity view's timeline: the chart, skills by
    /// week, scenarios and "Can we take it?".
    capacity_panels => crate::ui::capacity::panels::Panels
);
part!(
    /// The Capacity view's editor of the selected bar.
    allocation_editor => crate::ui::capacity::editor::Editor
);
part!(
    /// The Plan view's editors: the goal, a success metric, an activity.
    plan_editor => crate::ui::plan::PlanEditor
);
part!(
    /// The spreadsheet import dialog.
    sheet_import_dialog => crate::ui::sheet_import::Dialog
);
part!(
    /// The dialog that asks what to do with a plan file opened.
    import_dialog => crate::ui::files::ImportChoice
);
part!(
    /// Compare and merge.
    merge_dialog => crate::ui::merge::Merge
);

/// Where a part shows: in a view, or in a dialog above the views.
#[derive(Clone, Copy)]
enum Frame {
    View,
    /// A dialog; `close` is what its Cancel does (the same as the part's
    /// own Cancel), so a dialog whose code cannot arrive can still be left.
    Dialog {
        close: Callback<()>,
    },
}

/// Shows a part in a view, from its `load`: "Loading…" until its code has
/// arrived, then the part; if the code cannot be fetched, why, and a button
/// to try again.
pub fn on_demand(load: fn() -> PartFuture) -> impl IntoView {
    shown(load, Frame::View)
}

/// Shows a dialog that is a part, from its `load`, as [`on_demand`] does a
/// view: the dialog's box says "Loading…" while its code arrives.
pub fn on_demand_dialog(load: fn() -> PartFuture, close: Callback<()>) -> impl IntoView {
    shown(load, Frame::Dialog { close })
}

/// The id of "Try again" in a dialog whose code could not arrive, and of
/// the box of a dialog whose code is arriving (one dialog shows at a time).
const RETRY_IN_DIALOG: &str = "part-failed-retry";
const DIALOG_BOX: &str = "part-dialog";

/// The part of `load` in its frame, fetched again on each "Try again".
fn shown(load: fn() -> PartFuture, frame: Frame) -> impl IntoView {
    let attempt = RwSignal::new(0_u32);
    move || {
        attempt.track();
        view! {
            <Suspense fallback=move || loading(frame)>
                {Suspend::new(send_wrapper::SendWrapper::new(async move {
                    match load().await {
                        Ok(shown) => shown,
                        Err(Unavailable) => failed(frame, attempt),
                    }
                }))}
            </Suspense>
        }
    }
}

/// "Loading…" where the part will show. A dialog is modal: its box takes
/// the focus meanwhile (Escape then closes it); the part, once there,
/// focuses its own first control.
fn loading(frame: Frame) -> AnyView {
    if matches!(frame, Frame::Dialog { .. }) {
        crate::browser::focus_after_render(DIALOG_BOX.to_string());
    }
    let content = view! { <p class="view__loading" role="status">"Loading…"</p> };
    framed(frame, "Loading", content.into_any())
}

/// Why the part is not shown, "Try again" (which counts an `attempt`) and,
/// in a dialog, "Cancel".
fn failed(frame: Frame, attempt: RwSignal<u32>) -> AnyView {
    let in_dialog = matches!(frame, Frame::Dialog { .. });
    // A dialog is modal: focus goes into it.
    if in_dialog {
        crate::browser::focus_after_render(RETRY_IN_DIALOG.to_string());
    }
    let content = view! {
        <section class=if in_dialog { "part-failed" } else { "panel part-failed" } role="alert">
            <h2>"This part of Opsboard could not be loaded"</h2>
            <p>"Its code did not arrive: check the connection and try again. Once loaded, every part works offline."</p>
            <div class="form__actions">
                <button type="button" class="button button--primary" id=in_dialog.then_some(RETRY_IN_DIALOG)
                    on:click=move |_| attempt.update(|attempt| *attempt += 1)>"Try again"</button>
                {match frame {
                    Frame::View => None,
                    Frame::Dialog { close } => Some(view! {
                        <button type="button" class="button button--quiet" on:click=move |_| close.run(())>"Cancel"</button>
                    }),
                }}
            </div>
        </section>
    };
    framed(frame, "Not loaded", content.into_any())
}

/// `content` in place in a view, or inside a dialog's backdrop and box
/// named `label` (Escape closes it, as every dialog here).
fn framed(frame: Frame, label: &'static str, content: AnyView) -> AnyView {
    match frame {
        Frame::View => content,
        Frame::Dialog { close } => view! {
            <div class="dialog-backdrop">
                <div class="dialog" role="dialog" aria-modal="true" aria-label=label id=DIALOG_BOX tabindex="-1"
                    on:keydown=move |event| if event.key() == "Escape" { close.run(()) }>
                    {content}
                </div>
            </div>
        }
        .into_any(),
    }
}
