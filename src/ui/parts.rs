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

/// Shows a part, from its `load`: "Loading…" until its code has arrived,
/// then the part; if the code cannot be fetched, why, and a button to try
/// again.
pub fn on_demand(load: fn() -> PartFuture) -> impl IntoView {
    let attempt = RwSignal::new(0_u32);
    move || {
        attempt.track();
        view! {
            <Suspense fallback=|| view! { <p class="view__loading" role="status">"Loading…"</p> }>
                {Suspend::new(send_wrapper::SendWrapper::new(async move {
                    match load().await {
                        Ok(shown) => shown,
                        Err(Unavailable) => view! {
                            <section class="panel" role="alert">
                                <h2>"This part of Opsboard could not be loaded"</h2>
                                <p>"Its code did not arrive: check the connection and try again. Once loaded, every part works offline."</p>
                                <button type="button" class="button button--primary"
                                    on:click=move |_| attempt.update(|attempt| *attempt += 1)>"Try again"</button>
                            </section>
                        }
                        .into_any(),
                    }
                }))}
            </Suspense>
        }
    }
}
