//! Skills week by week: the hours of work needing each skill against the
//! hours of the people who hold it.

use super::*;

/// Skills week by week: the hours the work needing each skill takes
/// (allocated, or still to staff) against the hours of the people holding
/// it at working level. Skills no work needs are left out.
#[component]
pub fn SkillWeeks(
    computed: Memo<Capacity>,
    /// Changes a frame after the plan does (see `CapacityView`).
    settled: RwSignal<u32>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Open at first on a plan small enough to lay out at no cost.
    let open = state
        .edits
        .history
        .with_untracked(|history| history.plan().people.len() <= 40);
    let shown = RwSignal::new(open);
    let table = move || {
        settled.track();
        computed.with_untracked(|capacity| {
            state.edits.history.with_untracked(|history| {
                let plan = history.plan();
                let mut html = String::from(
                    r#"<table class="table skillweeks"><thead><tr><th scope="col">Skill</th>"#,
                );
                for column in 0..capacity.weeks {
                    html.push_str(&format!(
                        r#"<th scope="col">W{:02}</th>"#,
                        capacity.week(column).number()
                    ));
                }
                html.push_str("</tr></thead><tbody>");
                let mut shown = 0;
                for row in &capacity.skills {
                    if row.demand.iter().all(|hours| *hours < 0.5) {
                        continue;
                    }
                    shown += 1;
                    let name = plan
                        .skill(row.skill)
                        .map_or_else(|| row.skill.to_string(), |skill| skill.name.clone());
                    html.push_str(r#"<tr><th scope="row">"#);
                    escape_into(&mut html, &name);
                    html.push_str("</th>");
                    for (column, (demand, supply)) in row.demand.iter().zip(&row.supply).enumerate()
                    {
                        let (demand, supply) = (demand.round() as i64, supply.round() as i64);
                        html.push_str(&format!(
                            r#"<td class="{}" aria-label=""#,
                            if demand > supply {
                                "skillweeks__short"
                            } else {
                                ""
                            }
                        ));
                        escape_into(
                            &mut html,
                            &format!(
                                "{name}, {}: {demand} h needed, {supply} h held",
                                capacity.week(column)
                            ),
                        );
                        html.push_str(&format!(
                            r#"">{demand}<span class="skillweeks__of">/{supply}</span></td>"#
                        ));
                    }
                    html.push_str("</tr>");
                }
                if shown == 0 {
                    return String::from(
                        r#"<p class="view__hint">No open work needs a skill in these weeks.</p>"#,
                    );
                }
                html.push_str("</tbody></table>");
                html
            })
        })
    };
    view! {
        // Folded until opened: a large plan's table is then not laid out
        // again after every drop.
        <details class="panel skillweeks-panel" prop:open=open
            on:toggle=move |event| {
                use wasm_bindgen::JsCast;
                if let Some(details) = event.target().and_then(|target| target.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                    shown.set(details.open());
                }
            }>
            <summary><h3 id="skillweeks-title">"Skills by week"</h3></summary>
            <p class="view__hint">"Hours the work needing each skill takes, allocated or still to staff, over the hours of the people who hold it (level 2 or above); red where the work needs more."</p>
            <div class="skillweeks__scroll" inner_html=move || if shown.get() { table() } else { String::new() }></div>
        </details>
    }
}
