//! The Skills view: the matrix of people × skills (levels 0-4), edited by
//! click and by keyboard (arrow keys move, digits set a level), with totals,
//! filters, the skill catalogue, coverage findings and supply against demand.
//!
//! The matrix can hold 200 people × 80 skills, so its cells carry no handlers
//! or signals of their own: the rows are written as markup and a level set
//! is patched into its cell in place (`DrawnMatrix`); the table listens once
//! (event delegation) and reads which cell was meant from its data
//! attributes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::forms::distinct_texts;
use super::markup::{escape_into, Action, Html};
use super::state::AppState;
use crate::command::Command;
use crate::engine::skills;
use crate::model::level_name;
use crate::model::{PersonId, Skill, SkillId, MAX_SKILL_LEVEL};

/// People at this level or above hold a skill.
const WORKING: u8 = 2;

/// What one row of the matrix shows: a person and their level in each
/// shown skill.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RowData {
    row: usize,
    person: PersonId,
    name: String,
    role: String,
    cells: Vec<(SkillId, String, u8)>,
}

impl RowData {
    /// Skills held at working level or above.
    fn held(&self) -> usize {
        self.cells
            .iter()
            .filter(|(_, _, level)| *level >= WORKING)
            .count()
    }

    /// The same person and skills, in the same place: only levels differ.
    fn same_shape(&self, other: &RowData) -> bool {
        (self.row, self.person, &self.name, &self.role)
            == (other.row, other.person, &other.name, &other.role)
            && self.cells.len() == other.cells.len()
            && self
                .cells
                .iter()
                .zip(&other.cells)
                .all(|(a, b)| (a.0, &a.1) == (b.0, &b.1))
    }
}

/// What a cell of the matrix says to a screen reader.
fn cell_label(name: &str, skill_name: &str, level: u8) -> String {
    format!("{name}, {skill_name}: level {level}, {}", level_name(level))
}

/// What a cell shows: its level, nothing for none.
fn level_text(level: u8) -> String {
    if level == 0 {
        String::new()
    } else {
        level.to_string()
    }
}

/// The rows of the matrix as markup: a person's name and role, a cell per
/// shown skill (no handlers of its own: the table listens), the skills
/// held at working level. Every text goes through `escape_into`.
fn rows_html(rows: &[RowData]) -> String {
    let mut out = String::with_capacity(rows.len() * 4_096);
    for row in rows {
        let person = row.person;
        out.push_str("<tr><th scope=\"row\" class=\"matrix__person\">");
        escape_into(&mut out, &row.name);
        out.push_str("<span class=\"matrix__role\">");
        escape_into(&mut out, &row.role);
        out.push_str("</span></th>");
        for (column, (skill, skill_name, level)) in row.cells.iter().enumerate() {
            let stop = if row.row == 0 && column == 0 {
                "0"
            } else {
                "-1"
            };
            Html::on(&mut out)
                .open("td")
                .attr("id", &format!("cell-{person}-{skill}"))
                .class(&format!("matrix__cell matrix__cell--{level}"))
                .attr("tabindex", stop)
                .attr("role", "gridcell")
                .attr("aria-label", &cell_label(&row.name, skill_name, *level))
                .attr("data-row", &row.row.to_string())
                .attr("data-column", &column.to_string())
                .action(&Action::SkillLevel {
                    person,
                    skill: *skill,
                })
                .text(&level_text(*level))
                .close("td");
        }
        out.push_str(&format!(
            "<td class=\"matrix__total\" id=\"held-{person}\">{}</td></tr>",
            row.held()
        ));
    }
    out
}

/// The matrix's rows as last drawn. A change that keeps the people and
/// skills shown (a level set) is patched in place, cell by cell: the row
/// stays, and with it the focused cell and the roving tab stop (drawing
/// the row again took both away, and cost about 26 ms of script a keypress
/// on 200 × 80, against 7). Anything else draws the rows again.
#[derive(Default)]
struct DrawnMatrix(Vec<RowData>);

impl DrawnMatrix {
    fn update(&mut self, body: &web_sys::Element, rows: Vec<RowData>) {
        let document = web_sys::window().and_then(|window| window.document());
        // "Show more": the rows drawn stay, the new ones are added after.
        let extended = rows.len() > self.0.len() && self.0.iter().zip(&rows).all(|(a, b)| a == b);
        if extended
            && body
                .insert_adjacent_html("beforeend", &rows_html(&rows[self.0.len()..]))
                .is_ok()
        {
            self.0 = rows;
            return;
        }
        let same_shape = self.0.len() == rows.len()
            && self
                .0
                .iter()
                .zip(&rows)
                .all(|(before, after)| before.same_shape(after));
        match document {
            Some(document) if same_shape => {
                for (before, after) in self.0.iter().zip(&rows) {
                    if before == after {
                        continue;
                    }
                    let person = after.person;
                    for ((skill, skill_name, level), (_, _, was)) in
                        after.cells.iter().zip(&before.cells)
                    {
                        if level == was {
                            continue;
                        }
                        if let Some(cell) =
                            document.get_element_by_id(&format!("cell-{person}-{skill}"))
                        {
                            cell.set_class_name(&format!("matrix__cell matrix__cell--{level}"));
                            let _ = cell.set_attribute(
                                "aria-label",
                                &cell_label(&after.name, skill_name, *level),
                            );
                            cell.set_text_content(Some(&level_text(*level)));
                        }
                    }
                    if let Some(held) = document.get_element_by_id(&format!("held-{person}")) {
                        held.set_text_content(Some(&after.held().to_string()));
                    }
                }
            }
            _ => body.set_inner_html(&rows_html(&rows)),
        }
        self.0 = rows;
    }
}

/// The cell a keyboard or mouse event is about: (row, column, person, skill).
fn cell_of(
    target: Option<web_sys::EventTarget>,
) -> Option<(web_sys::HtmlElement, usize, usize, PersonId, SkillId)> {
    let element = target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("td[data-action]")
        .ok()??;
    let row = element.get_attribute("data-row")?.parse().ok()?;
    let column = element.get_attribute("data-column")?.parse().ok()?;
    let Action::SkillLevel { person, skill } = Action::of_element(&element)? else {
        return None;
    };
    Some((element.dyn_into().ok()?, row, column, person, skill))
}

/// Moves keyboard focus to a cell of the matrix (roving tab stop).
fn focus_cell(from: &web_sys::HtmlElement, row: usize, column: usize) {
    let Some(table) = from.closest("table").ok().flatten() else {
        return;
    };
    let selector = format!("td[data-row=\"{row}\"][data-column=\"{column}\"]");
    if let Some(next) = table
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = from.set_attribute("tabindex", "-1");
        let _ = next.set_attribute("tabindex", "0");
        let _ = next.focus();
    }
}

/// The people the matrix shows before "Show more".
const ROWS_SHOWN: usize = 100;

#[component]
pub fn SkillsView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let team = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let new_name = RwSignal::new(String::new());
    let new_category = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);

    let set_level = move |person: PersonId, skill: SkillId, level: u8| {
        let _ = state.edits.execute(Command::SetSkillLevel {
            person,
            skill,
            level,
        });
    };
    let on_key = move |event: leptos::ev::KeyboardEvent| {
        let Some((cell, row, column, person, skill)) = cell_of(event.target()) else {
            return;
        };
        let key = event.key();
        match key.as_str() {
            "ArrowRight" => focus_cell(&cell, row, column + 1),
            "ArrowLeft" if column > 0 => focus_cell(&cell, row, column - 1),
            "ArrowDown" => focus_cell(&cell, row + 1, column),
            "ArrowUp" if row > 0 => focus_cell(&cell, row - 1, column),
            digit if digit.len() == 1 && digit.as_bytes()[0].is_ascii_digit() => {
                let level = digit.as_bytes()[0] - b'0';
                if level <= MAX_SKILL_LEVEL {
                    set_level(person, skill, level);
                    // The cell is patched in place and keeps focus; should
                    // the rows be drawn again instead, focus comes back to it.
                    crate::browser::focus_after_render(format!("cell-{person}-{skill}"));
                }
            }
            _ => return,
        }
        event.prevent_default();
    };
    let on_click = move |event: leptos::ev::MouseEvent| {
        let Some((_, _, _, person, skill)) = cell_of(event.target()) else {
            return;
        };
        let level = state.edits.history.with_untracked(|history| {
            history
                .plan()
                .person(person)
                .map_or(0, |p| p.skill_level(skill))
        });
        // A click steps the level up, and past expert back to none.
        set_level(person, skill, (level + 1) % (MAX_SKILL_LEVEL + 1));
        crate::browser::focus_after_render(format!("cell-{person}-{skill}"));
    };
    let add_skill = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let skill = Skill {
            id: SkillId(0),
            name: new_name.get_untracked().trim().to_string(),
            category: new_category.get_untracked().trim().to_string(),
        };
        match state.edits.execute(Command::AddSkill(skill)) {
            Ok(_) => {
                new_name.set(String::new());
                error.set(None);
            }
            Err(message) => error.set(Some(message)),
        }
    };

    // The people the matrix shows: the first ROWS_SHOWN of the team, more
    // on "Show more" (a firm of hundreds would take long to lay out).
    let shown = RwSignal::new(ROWS_SHOWN);
    let people_count = Memo::new(move |_| {
        let team = team.get();
        state.edits.history.with(|history| {
            history
                .plan()
                .people
                .iter()
                .filter(|person| team.is_empty() || person.team == team)
                .count()
        })
    });
    let rows = move || {
        state.edits.history.with(|history| {
            let plan = history.plan();
            let (team, category) = (team.get(), category.get());
            let skills: Vec<&Skill> = plan
                .skills
                .iter()
                .filter(|skill| category.is_empty() || skill.category == category)
                .collect();
            plan.people
                .iter()
                .filter(|person| team.is_empty() || person.team == team)
                .take(shown.get())
                .enumerate()
                .map(|(row, person)| RowData {
                    row,
                    person: person.id,
                    name: person.name.clone(),
                    role: person.role.clone(),
                    cells: skills
                        .iter()
                        .map(|skill| (skill.id, skill.name.clone(), person.skill_level(skill.id)))
                        .collect(),
                })
                .collect::<Vec<_>>()
        })
    };

    // What the filters, the skill headings and the totals show, as memos:
    // setting one level changes none of the first two and one total at
    // most, so the table's head stays as it is and its foot is drawn again
    // only when a total changes.
    let choices = Memo::new(move |_| {
        state.edits.history.with(|history| {
            let plan = history.plan();
            (
                distinct_texts(plan.people.iter().map(|p| p.team.as_str())),
                distinct_texts(plan.skills.iter().map(|s| s.category.as_str())),
            )
        })
    });
    let shown_skills = Memo::new(move |_| {
        let category = category.get();
        state.edits.history.with(|history| {
            history
                .plan()
                .skills
                .iter()
                .filter(|s| category.is_empty() || s.category == category)
                .cloned()
                .collect::<Vec<Skill>>()
        })
    });
    let holders = Memo::new(move |_| {
        let team = team.get();
        shown_skills.with(|shown| {
            state.edits.history.with(|history| {
                let people: Vec<_> = history
                    .plan()
                    .people
                    .iter()
                    .filter(|p| team.is_empty() || p.team == team)
                    .collect();
                shown
                    .iter()
                    .map(|skill| {
                        people
                            .iter()
                            .filter(|p| p.skill_level(skill.id) >= WORKING)
                            .count()
                    })
                    .collect::<Vec<usize>>()
            })
        })
    });

    // The rows, patched into the page as they change.
    let tbody = NodeRef::<leptos::html::Tbody>::new();
    let drawn = StoredValue::new_local(DrawnMatrix::default());
    Effect::new(move |_| {
        let rows = rows();
        if let Some(body) = tbody.get() {
            drawn.update_value(|drawn| drawn.update(&body, rows));
        }
    });

    view! {
        <div class="skills">
            <section class="panel" aria-labelledby="skills-title">
                <div class="view__heading">
                    <h2 id="skills-title">"Skills matrix"</h2>
                    <p class="view__hint">"Levels: 0 none, 1 learning, 2 working, 3 strong, 4 expert. Click a cell to step its level, or focus one and use the arrow keys and the digits 0-4."</p>
                </div>
                {move || {
                    let (teams, categories) = choices.get();
                    let (current_team, current_category) = (team.get_untracked(), category.get_untracked());
                    view! {
                        <div class="filters" role="group" aria-label="Filter the matrix">
                            <label class="filter">
                                <span class="filter__label">"Team"</span>
                                <select aria-label="Team" on:change=move |event| team.set(event_target_value(&event))>
                                    <option value="">"All teams"</option>
                                    {teams.into_iter().map(|t| { let selected = t == current_team; let label = t.clone(); view! { <option value=t selected=selected>{label}</option> } }).collect_view()}
                                </select>
                            </label>
                            <label class="filter">
                                <span class="filter__label">"Category"</span>
                                <select aria-label="Category" on:change=move |event| category.set(event_target_value(&event))>
                                    <option value="">"All categories"</option>
                                    {categories.into_iter().map(|c| { let selected = c == current_category; let label = c.clone(); view! { <option value=c selected=selected>{label}</option> } }).collect_view()}
                                </select>
                            </label>
                        </div>
                    }
                }}
                <div class="matrix__scroll">
                    <table class="matrix" on:keydown=on_key on:click=on_click aria-label="Skills matrix: people by skills">
                        {move || shown_skills.with(|shown| {
                            view! {
                                <thead>
                                    <tr>
                                        <th scope="col" class="matrix__corner">"Person"</th>
                                        {shown.iter().map(|skill| view! {
                                            <th scope="col" class="matrix__skill" title=skill.category.clone()><span>{skill.name.clone()}</span></th>
                                        }).collect_view()}
                                        <th scope="col" class="matrix__total">"Skills at 2+"</th>
                                    </tr>
                                </thead>
                            }
                        })}
                        <tbody node_ref=tbody></tbody>
                        {move || holders.with(|holders| {
                            view! {
                                <tfoot>
                                    <tr>
                                        <th scope="row" class="matrix__person">"People at 2+"</th>
                                        {holders.iter().map(|&holders| {
                                            view! { <td class="matrix__total" class:matrix__total--thin=holders < 2>{holders}</td> }
                                        }).collect_view()}
                                        <td></td>
                                    </tr>
                                </tfoot>
                            }
                        })}
                    </table>
                </div>
                {move || {
                    let (total, limit) = (people_count.get(), shown.get());
                    (total > limit).then(|| view! {
                        <p class="table__more">
                            {format!("Showing {limit} of {total} people. ")}
                            <button class="button button--small" on:click=move |_| shown.update(|shown| *shown += ROWS_SHOWN)>
                                {format!("Show {} more", ROWS_SHOWN.min(total - limit))}
                            </button>
                        </p>
                    })
                }}
                <SpreadsheetActions/>
                <form class="rows__row skills__add" on:submit=add_skill novalidate>
                    <input type="text" class="rows__text" aria-label="New skill" placeholder="New skill, e.g. Google Cloud"
                        prop:value=move || new_name.get() on:input=move |event| new_name.set(event_target_value(&event))/>
                    <input type="text" aria-label="Its category" placeholder="Category, e.g. Cloud"
                        prop:value=move || new_category.get() on:input=move |event| new_category.set(event_target_value(&event))/>
                    <button type="submit" class="button button--small">"Add skill"</button>
                </form>
                {move || error.get().map(|message| view! { <p class="form__error" role="alert">{message}</p> })}
            </section>
            <Catalogue/>
            <Engagement/>
            <div class="plan__top">
                <section class="panel" aria-labelledby="coverage-title">
                    <h2 id="coverage-title">"Coverage"</h2>
                    {move || state.edits.history.with(|history| {
                        let findings = skills::coverage(history.plan(), today);
                        if findings.is_empty() {
                            return view! { <p class="empty">"Every skill is held by two people or more, and nothing the work needs is missing."</p> }.into_any();
                        }
                        view! {
                            <ul class="findings">
                                {findings.into_iter().map(|finding| view! {
                                    <li class="finding"><strong>{finding.kind.label()}</strong>{format!(": {}", finding.message)}</li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    })}
                </section>
                <section class="panel" aria-labelledby="supply-title">
                    <h2 id="supply-title">"Supply and demand"</h2>
                    <p class="view__hint">"Hours the open work needs of each skill, against the hours left in the horizon of the people who hold it at working level."</p>
                    {move || state.edits.history.with(|history| {
                        let plan = history.plan();
                        let balances = skills::supply_and_demand(plan, today);
                        view! {
                            <table class="table">
                                <thead><tr><th scope="col">"Skill"</th><th scope="col">"Needed"</th><th scope="col">"Available"</th><th scope="col">"Holders"</th></tr></thead>
                                <tbody>
                                    {balances.into_iter().filter(|balance| balance.demand_hours > 0.0).map(|balance| {
                                        let name = plan.skill(balance.skill).map(|s| s.name.clone()).unwrap_or_default();
                                        let short = balance.demand_hours > balance.supply_hours;
                                        view! {
                                            <tr class:supply--short=short>
                                                <th scope="row">{name}</th>
                                                <td>{format!("{} h", balance.demand_hours.round())}</td>
                                                <td>{format!("{} h", balance.supply_hours.round())}</td>
                                                <td>{balance.holders}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }
                    })}
                </section>
            </div>
        </div>
    }
}

/// "Who could take it?": a new engagement typed in (skills with levels,
/// hours a week, weeks, earliest start) and the people who could staff it,
/// from which week.
#[component]
fn Engagement() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let needs = RwSignal::new(Vec::<(RwSignal<String>, RwSignal<String>)>::new());
    let hours = RwSignal::new("16".to_string());
    let weeks = RwSignal::new("6".to_string());
    let earliest = RwSignal::new(today.to_string());
    let answer = RwSignal::new(None::<Result<Vec<(String, String)>, String>>);
    let catalogue: Vec<(String, String)> = state.edits.history.with_untracked(|history| {
        history
            .plan()
            .skills
            .iter()
            .map(|skill| (skill.id.to_string(), skill.name.clone()))
            .collect()
    });
    let first_skill = catalogue
        .first()
        .map(|(id, _)| id.clone())
        .unwrap_or_default();
    let ask = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let result = (|| -> Result<Vec<(String, String)>, String> {
            let hours: f64 = hours
                .get_untracked()
                .trim()
                .parse()
                .map_err(|_| "Hours a week: enter a number".to_string())?;
            let weeks: u32 = weeks
                .get_untracked()
                .trim()
                .parse()
                .map_err(|_| "Weeks: enter a whole number".to_string())?;
            if !(hours > 0.0 && hours <= crate::model::HOURS_PER_WEEK_LIMIT)
                || weeks == 0
                || weeks > 104
            {
                return Err(
                    "Use more than 0 and at most 168 hours a week, for 1 to 104 weeks.".to_string(),
                );
            }
            let start = super::forms::parse_date("Earliest start", &earliest.get_untracked())?
                .ok_or("Earliest start: enter a date")?;
            let requirements: Vec<crate::model::SkillRequirement> = needs
                .get_untracked()
                .into_iter()
                .filter_map(|(skill, level)| {
                    Some(crate::model::SkillRequirement {
                        skill: skill.get_untracked().parse().ok()?,
                        min_level: level.get_untracked().parse().ok()?,
                    })
                })
                .collect();
            Ok(state.edits.history.with_untracked(|history| {
                let plan = history.plan();
                skills::engagement_candidates(
                    plan,
                    &requirements,
                    hours,
                    weeks,
                    crate::model::Week::containing(start),
                    today,
                )
                .into_iter()
                .take(8)
                .map(|found| (plan.person_name(found.person), found.explanation))
                .collect()
            }))
        })();
        answer.set(Some(result));
    };
    view! {
        <section class="panel" aria-labelledby="engagement-title">
            <h2 id="engagement-title">"Who could take it?"</h2>
            <p class="view__hint">"Describe a new engagement: the skills it needs, hours a week, how many weeks and the earliest start. People who meet every skill are listed with the first week they have the hours free in every week."</p>
            <form on:submit=ask novalidate>
                <ul class="rows">
                    {move || {
                        let catalogue = catalogue.clone();
                        needs.get().into_iter().enumerate().map(|(index, (skill, level))| {
                            let current = skill.get_untracked();
                            view! {
                                <li class="rows__row">
                                    <select aria-label="Needed skill" on:change=move |event| skill.set(event_target_value(&event))>
                                        {catalogue.iter().map(|(id, name)| view! { <option value=id.clone() selected=*id == current>{name.clone()}</option> }).collect_view()}
                                    </select>
                                    <select aria-label="Needed level" on:change=move |event| level.set(event_target_value(&event))>
                                        {(1..=MAX_SKILL_LEVEL).map(|option| view! {
                                            <option value=option.to_string() selected=option.to_string() == level.get_untracked()>{format!("at least {}", level_name(option))}</option>
                                        }).collect_view()}
                                    </select>
                                    <button type="button" class="button button--small" aria-label="Remove this needed skill"
                                        on:click=move |_| needs.update(|rows| { rows.remove(index); })>"Remove"</button>
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
                <button type="button" class="button button--small" on:click=move |_| {
                    let skill = first_skill.clone();
                    needs.update(|rows| rows.push((RwSignal::new(skill), RwSignal::new("2".to_string()))));
                }>"Add a needed skill"</button>
                <div class="form__grid">
                    <super::forms::Field label="Hours a week" value=hours kind="number"/>
                    <super::forms::Field label="Weeks" value=weeks kind="number"/>
                    <super::forms::Field label="Earliest start" value=earliest kind="date"/>
                </div>
                <div class="form__actions">
                    <button type="submit" class="button button--primary">"Find people"</button>
                </div>
            </form>
            {move || answer.get().map(|answer| match answer {
                Err(message) => view! { <p class="form__error" role="alert">{message}</p> }.into_any(),
                Ok(found) if found.is_empty() => view! { <p class="empty">"Nobody in the plan."</p> }.into_any(),
                Ok(found) => view! {
                    <ol class="suggestions__list engagement__results" aria-label="People who could take it">
                        {found.into_iter().map(|(name, why)| view! {
                            <li><strong>{name}</strong><span class="priority__why">{why}</span></li>
                        }).collect_view()}
                    </ol>
                }.into_any(),
            })}
        </section>
    }
}

/// The skills matrix as a spreadsheet: export it, or import people with
/// their skills through the spreadsheet import (a column per skill).
#[component]
fn SpreadsheetActions() -> impl IntoView {
    let state = expect_context::<AppState>();
    let sheets = expect_context::<super::sheet_import::SheetImport>();
    let problem = RwSignal::new(None::<String>);
    let export = move |_| {
        let (name, text) = state.edits.history.with_untracked(|history| {
            let plan = history.plan();
            (
                format!("{} skills.csv", plan.name.trim()),
                crate::persist::csv::skills_matrix_csv(plan),
            )
        });
        match crate::browser::download(&name, "text/csv", &text) {
            Ok(()) => problem.set(None),
            Err(reason) => problem.set(Some(format!("The export failed: {reason}"))),
        }
    };
    view! {
        <div class="files__actions skills__spreadsheet">
            <button type="button" class="button button--small" on:click=export>"Export matrix (CSV)"</button>
            <button type="button" class="button button--small"
                on:click=move |_| sheets.start(Some(crate::persist::table::Sheet::People))>"Import people…"</button>
        </div>
        {move || problem.get().map(|text| view! { <p class="form__error" role="alert">{text}</p> })}
    }
}

/// The skill catalogue: rename, recategorise or remove a skill (removing
/// takes it off people and activities too; undo brings it back).
#[component]
fn Catalogue() -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    // The rows follow the catalogue, not every edit of the plan (a level
    // set in the matrix drew all of them again, and lost what was typed).
    let catalogue = Memo::new(move |_| {
        state
            .edits
            .history
            .with(|history| history.plan().skills.clone())
    });
    view! {
        <details class="panel catalogue">
            <summary><h2 class="catalogue__title">"Skill catalogue"</h2></summary>
            <ul class="rows">
                {move || catalogue.with(|skills| {
                    skills.iter().map(|skill| {
                        let id = skill.id;
                        let name = RwSignal::new(skill.name.clone());
                        let category = RwSignal::new(skill.category.clone());
                        let label = skill.name.clone();
                        view! {
                            <li class="rows__row">
                                <input type="text" class="rows__text" aria-label=format!("Name of {label}")
                                    prop:value=move || name.get() on:input=move |event| name.set(event_target_value(&event))/>
                                <input type="text" aria-label=format!("Category of {label}")
                                    prop:value=move || category.get() on:input=move |event| category.set(event_target_value(&event))/>
                                <button type="button" class="button button--small" aria-label=format!("Save {label}")
                                    on:click=move |_| {
                                        let skill = Skill { id, name: name.get_untracked().trim().to_string(), category: category.get_untracked().trim().to_string() };
                                        match state.edits.execute(Command::UpdateSkill(skill)) {
                                            Ok(_) => error.set(None),
                                            Err(message) => error.set(Some(message)),
                                        }
                                    }>"Save"</button>
                                <button type="button" class="button button--small button--danger" aria-label=format!("Remove {label}")
                                    on:click=move |_| { let _ = state.edits.execute(Command::RemoveSkill(id)); }>"Remove"</button>
                            </li>
                        }
                    }).collect_view()
                })}
            </ul>
            {move || error.get().map(|message| view! { <p class="form__error" role="alert">{message}</p> })}
        </details>
    }
}
