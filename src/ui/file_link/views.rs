//! What the file link shows: its status in the header, the banner of a
//! problem or of changes to review, and the Files view's panel.

use super::*;

/// A button that runs `action`; `name` is its accessible name when its
/// text alone does not say (a "✕").
pub(super) fn button(
    link: FileLink,
    state: AppState,
    class: &'static str,
    text: String,
    name: Option<&'static str>,
    action: Action,
) -> impl IntoView {
    view! {
        <button class=class aria-label=name on:click=move |_| link.act(state, action)>{text}</button>
    }
}

/// The header's word on the linked file, "team.opsboard.json · written
/// 14:05": a button to the Files view, to review others' changes, or to
/// reconnect the file.
#[component]
pub fn LinkStatus() -> impl IntoView {
    let state = expect_context::<AppState>();
    let link = expect_context::<FileLink>();
    move || {
        link.shown.with(|shown| {
            let linked = shown.linked.as_ref()?;
            let (class, text, action) = match shown.status {
                LinkState::Disconnected => (
                    "button button--quiet app-header__file",
                    format!("Reconnect to {}", linked.file_name),
                    Action::Reconnect,
                ),
                LinkState::Unresolved | LinkState::Failed => (
                    "app-header__file app-header__file--alert",
                    link::status_text(&linked.file_name, &shown.status),
                    if shown.status == LinkState::Unresolved {
                        Action::Review
                    } else {
                        Action::ShowFiles
                    },
                ),
                _ => (
                    "app-header__file",
                    link::status_text(&linked.file_name, &shown.status),
                    Action::ShowFiles,
                ),
            };
            Some(button(link, state, class, text, None, action))
        })
    }
}

/// Banners about the linked file: the last merge of others' changes, their
/// changes not merged yet, and why the file could not be reached.
#[component]
pub fn LinkBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let link = expect_context::<FileLink>();
    let dismiss = |action| ("✕".to_string(), Some("Dismiss this notice"), action);
    let notices = move || {
        link.shown.with(|shown| {
            let mut notices = Vec::new();
            if let Some(merged) = &shown.merged {
                notices.push(("notice notice--info", merged.clone(), dismiss(Action::DismissMerged)));
            }
            if let (LinkState::Unresolved, Some(linked)) = (&shown.status, &shown.linked) {
                notices.push((
                    "notice",
                    format!(
                        "{} has changes by others that are not merged: nothing is written to it until you review them.",
                        linked.file_name
                    ),
                    ("Review their changes".to_string(), None, Action::Review),
                ));
            }
            if let Some(problem) = &shown.problem {
                notices.push(("notice notice--error", problem.clone(), dismiss(Action::DismissProblem)));
            }
            notices
                .into_iter()
                .map(|(class, message, (text, name, action))| {
                    let quiet = if name.is_some() { "button button--quiet" } else { "button" };
                    view! {
                        <div class=class>
                            <p class="notice__message">{message}</p>
                            {button(link, state, quiet, text, name, action)}
                        </div>
                    }
                })
                .collect_view()
        })
    };
    view! { <section class="notices" aria-label="Linked file">{notices}</section> }
}

/// The Files view's panel: link the plan to a file, the planner's name, the
/// file's state and its recent changes.
#[component]
pub fn LinkPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let link = expect_context::<FileLink>();
    if !link.supported {
        return view! {
            <section class="panel" aria-labelledby="link-title">
                <h2 id="link-title">"Plan file in a shared folder"</h2>
                <p class="link__unsupported">
                    "Linking a plan to a file needs the File System Access API, in Chrome and Edge; export, import and compare and merge work here."
                </p>
            </section>
        }
        .into_any();
    }
    let linked = move || {
        let read_only = state.board.current.with(Option::is_some);
        link.shown.with(|shown| {
            let mut buttons = Vec::new();
            let about = shown.linked.as_ref().map(|linked| {
                let status = match &shown.status {
                    LinkState::Disconnected => {
                        buttons.push((format!("Reconnect to {}", linked.file_name), Action::Reconnect));
                        "the browser needs your permission to reach it again.".to_string()
                    }
                    LinkState::Unresolved => {
                        buttons.push(("Review their changes".to_string(), Action::Review));
                        "it has changes by others that are not merged yet.".to_string()
                    }
                    LinkState::Pending => "changes not written yet.".to_string(),
                    LinkState::Failed => {
                        "it could not be reached; it is tried again every few seconds.".to_string()
                    }
                    LinkState::InStep { written: Some(when) } => {
                        format!("in step, last written {when}.")
                    }
                    LinkState::InStep { written: None } => "in step.".to_string(),
                };
                format!("This plan is linked to {}: {status}", linked.file_name)
            });
            let file_name = shown.linked.as_ref().map(|linked| linked.file_name.clone());
            if !read_only {
                buttons.push(("Open plan file…".to_string(), Action::Open));
                buttons.push(("Save to file…".to_string(), Action::Save));
                if about.is_some() {
                    buttons.push(("Unlink".to_string(), Action::Unlink));
                }
            }
            let today = file_access::now_local().date();
            let edits: Vec<(String, String, String, String)> = shown
                .edits
                .iter()
                .map(|edit| {
                    let when = file_access::local_time(&edit.at)
                        .map_or_else(|| edit.at.clone(), |local| link::when_label(local, today));
                    (edit.by.clone(), edit.at.clone(), when, edit.what.clone())
                })
                .collect();
            view! {
                {about.map(|about| view! { <p class="link__file">{about}</p> })}
                {read_only.then(|| view! {
                    <p class="view__hint">"A read-only team board cannot be linked: make a local copy first."</p>
                })}
                <div class="files__actions">
                    {buttons
                        .into_iter()
                        .map(|(label, action)| button(link, state, "button", label, None, action))
                        .collect_view()}
                </div>
                {file_name.map(|file_name| view! {
                    <h3 class="files__subheading">{format!("Recent changes in {file_name}")}</h3>
                    <ol class="link__edits">
                        {edits
                            .into_iter()
                            .map(|(by, at, when, what)| view! {
                                <li class="link__edit">
                                    <strong>{by}</strong> " · " <time datetime=at>{when}</time> " · " {what}
                                </li>
                            })
                            .collect_view()}
                    </ol>
                })}
            }
        })
    };
    view! {
        <section class="panel" aria-labelledby="link-title">
            <h2 id="link-title">"Plan file in a shared folder"</h2>
            <p>"Keep the plan in a file in a folder your team syncs (OneDrive, Dropbox, a network share). Every change is written to the file, and what others write to it is merged in here: nobody's work is overwritten. Open plan file… opens a plan file as a new plan here; Save to file… writes this plan to a new file."</p>
            <label class="field link__name">
                <span class="field__label">"Your name, shown to others in the file's recent changes"</span>
                <input id=NAME_FIELD type="text" autocomplete="name" maxlength="80"
                    prop:value=move || link.planner.get()
                    on:input=move |event| link.set_planner(event_target_value(&event))/>
            </label>
            {linked}
        </section>
    }
    .into_any()
}
