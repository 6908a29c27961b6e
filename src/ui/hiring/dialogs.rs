//! The form of a new open role, and the dialog that fills or removes one.

use super::*;

/// The form of a new open role.
#[component]
pub(super) fn NewRoleForm(
    /// Whether the form is open.
    adding: RwSignal<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let defaults = OpenRole::new(RoleId(0), "", state.today);
    let values = FIELDS.map(|(field, _)| {
        RwSignal::new(match field {
            RoleField::Title => String::new(),
            _ => field_text(&defaults, field),
        })
    });
    let skills = RwSignal::new(Vec::<SkillLevel>::new());
    let error = RwSignal::new(String::new());
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if let Err(message) = add_role(state, values, skills.get_untracked()) {
            error.set(message);
            return;
        }
        adding.set(false);
        let added = state
            .edits
            .history
            .with_untracked(|history| history.plan().roles.iter().map(|role| role.id).max());
        if let Some(added) = added {
            browser::focus_after_render(added.to_string());
        }
    };
    let fields = FIELDS
        .iter()
        .zip(values)
        .enumerate()
        .map(|(index, ((field, label), value))| {
            let id = format!("{NEW_ROLE}-f{index}");
            match input_kind(*field) {
                None => {
                    let options = state
                        .edits
                        .history
                        .with_untracked(|history| field_options(history.plan(), *field));
                    view! { <RoleChoice id label value options/> }.into_any()
                }
                Some(kind) => {
                    let hint = match field {
                        RoleField::Rate => "Optional; internal, never in a client copy",
                        _ => "",
                    };
                    let required = *field == RoleField::Title;
                    view! { <RoleInput id label kind value required hint/> }.into_any()
                }
            }
        })
        .collect_view();
    view! {
        <form class="form role-form" data-role=NEW_ROLE aria-labelledby=NEW_ROLE novalidate on:submit=save>
            <h3 id=NEW_ROLE>"New open role"</h3>
            <div class="form__grid">{fields}</div>
            <div id="new-role-skill-box">
                <RoleSkills
                    role_key=NEW_ROLE.to_string()
                    held=skills
                    set_skills=Callback::new(move |held| skills.set(held))
                />
            </div>
            <p class="form__error" role="alert" id="new-role-error">{move || error.get()}</p>
            <div class="form__actions">
                <button type="submit" class="button button--primary">"Save role"</button>
                <button type="button" class="button" on:click=move |_| adding.set(false)>"Cancel"</button>
            </div>
        </form>
    }
}

/// Fill role… (the hire's name and first day) or Remove, as a dialog that
/// says what happens to the role's work.
#[component]
pub(super) fn RoleDialog(which: Pending, pending: RwSignal<Option<Pending>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (Pending::Fill(id) | Pending::Remove(id)) = which;
    let filling = matches!(which, Pending::Fill(_));
    let (heading, text, start) = state.edits.history.with_untracked(|history| {
        let plan = history.plan();
        let (heading, text) = dialog_texts(plan, which);
        let start = plan
            .role(id)
            .map(|role| role.start_date.to_string())
            .unwrap_or_default();
        (heading, text, start)
    });
    let name = RwSignal::new(String::new());
    let start = RwSignal::new(start);
    let error = RwSignal::new(String::new());
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let result = match which {
            Pending::Remove(id) => state.edits.execute(Command::RemoveRole(id)),
            Pending::Fill(id) => fill(state, id, &name.get_untracked(), &start.get_untracked()),
        };
        match (result, which) {
            (Err(message), _) => error.set(message),
            // Focus goes to the filled role's card, or to the panel.
            (Ok(_), Pending::Fill(id)) => close_dialog(pending, id.to_string()),
            (Ok(_), Pending::Remove(_)) => close_dialog(pending, "hiring-title".to_string()),
        }
    };
    let (submit_class, submit_text) = match filling {
        true => ("button button--primary", "Fill role"),
        false => ("button button--danger", "Remove role"),
    };
    view! {
        <div class="dialog-backdrop">
            <div class="dialog" data-role=id.to_string() role="dialog" aria-modal="true"
                aria-labelledby="role-dialog-title">
                <form novalidate on:submit=submit>
                    <h2 id="role-dialog-title" tabindex="-1">{heading}</h2>
                    <p>{text}</p>
                    {filling.then(|| view! {
                        <div class="form__grid">
                            <RoleInput id="fill-role-name".to_string() label="Name of the hire"
                                kind="text" value=name required=true/>
                            <RoleInput id="fill-role-start".to_string() label="First working day"
                                kind="date" value=start/>
                        </div>
                    })}
                    <p class="form__error" role="alert" id="role-dialog-error">{move || error.get()}</p>
                    <div class="form__actions">
                        <button type="submit" class=submit_class>{submit_text}</button>
                        <button type="button" class="button" on:click=move |_| dismiss(pending)>"Cancel"</button>
                    </div>
                </form>
            </div>
        </div>
    }
}
