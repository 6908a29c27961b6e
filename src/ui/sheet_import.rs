//! The spreadsheet import dialog. A CSV file, or cells pasted from a
//! spreadsheet, is read into a table (`persist::table`); its columns are
//! matched to the fields of a sheet by their names, and the person can
//! change any match; the date order is asked when the dates read two ways;
//! every row is previewed as added, updated, unchanged or refused with its
//! row, column and reason (`command::import`); and the rest is applied as
//! one command, one undo step. Nothing changes before Import.
//!
//! Opened from Files, People and Work, and by a CSV dropped on the page.

use leptos::prelude::*;

use super::state::AppState;
use crate::browser;
use crate::command::import::{plan_import, ImportPlan, Mapping, RowAction};
use crate::persist::csv::CsvProblem;
use crate::persist::table::{
    choose_column, file_kind, guess_sheet, match_columns, match_skill_columns, read_table, Column,
    DateGuess, DateOrder, FileKind, Sheet, Table,
};

/// The rows of the preview listed at once.
const SHOWN_ROWS: usize = 200;

/// What "pasted cells" are called in summaries and the undo label.
const PASTED: &str = "pasted cells";

/// The import dialog's state, in the context so that Files, People, Work
/// and a file dropped on the page open the one dialog.
#[derive(Clone, Copy)]
pub struct SheetImport {
    open: RwSignal<bool>,
    /// The sheet chosen (by the person, or by the view that opened the
    /// dialog); `None` while it is guessed from the header.
    sheet: RwSignal<Option<Sheet>>,
    /// The file's name, or [`PASTED`].
    source: RwSignal<String>,
    text: RwSignal<String>,
    /// The matches the person changed, oldest first: (column, field).
    changes: RwSignal<Vec<(usize, Option<Column>)>>,
    /// The date order the person chose.
    dates: RwSignal<Option<DateOrder>>,
    /// Why a file was not read (a workbook, a file too large).
    refusal: RwSignal<Option<String>>,
    /// The summary of the import just applied.
    done: RwSignal<Option<String>>,
}

impl SheetImport {
    pub fn new() -> SheetImport {
        SheetImport {
            open: RwSignal::new(false),
            sheet: RwSignal::new(None),
            source: RwSignal::new(String::new()),
            text: RwSignal::new(String::new()),
            changes: RwSignal::new(Vec::new()),
            dates: RwSignal::new(None),
            refusal: RwSignal::new(None),
            done: RwSignal::new(None),
        }
    }

    /// Opens the dialog to choose a file or paste cells of `sheet` (any
    /// sheet when `None`).
    pub fn start(self, sheet: Option<Sheet>) {
        self.load(String::new(), String::new());
        self.sheet.set(sheet);
        self.open.set(true);
    }

    /// Opens the dialog saying why `source` was not read.
    pub fn refuse(self, source: String, message: String) {
        self.start(None);
        self.refusal
            .set(Some(format!("{source} was not read: {message}")));
    }

    /// Takes a new text; the matches and date order are worked out again.
    fn load(self, source: String, text: String) {
        self.source.set(source);
        self.text.set(text);
        self.changes.set(Vec::new());
        self.dates.set(None);
        self.refusal.set(None);
        self.done.set(None);
    }

    /// Closes the dialog, emptied first: what the dialog shows follows
    /// these signals, and must not be asked to follow them once closed.
    fn close(self) {
        self.load(String::new(), String::new());
        self.open.set(false);
    }
}

/// Why a workbook is not read, and what to do instead.
pub const WORKBOOK: &str = "Opsboard reads CSV files and cells pasted from a spreadsheet, not workbooks: save the sheet as CSV (in Excel: File › Save a Copy › CSV UTF-8), or select its cells, copy them and paste them here.";

/// Reads a spreadsheet file picked or dropped into the import dialog.
pub fn receive(import: SheetImport, file: web_sys::File) {
    let name = file.name();
    if file_kind(&name, &file.type_()) == FileKind::Workbook {
        return import.refuse(name, WORKBOOK.to_string());
    }
    if file.size() > crate::persist::MAX_FILE_BYTES as f64 {
        let error = crate::persist::ImportError::TooLarge(file.size() as usize);
        return import.refuse(name, error.to_string());
    }
    leptos::task::spawn_local(async move {
        match browser::read_text(file).await {
            Ok(text) => {
                let sheet = import.sheet.get_untracked();
                import.load(name, text);
                // A file picked in the dialog keeps the sheet chosen.
                import.sheet.set(sheet);
                import.open.set(true);
            }
            Err(reason) => import.refuse(name, reason),
        }
    });
}

/// The dialog, drawn above any view while it is open.
#[component]
pub fn SheetImportDialog() -> impl IntoView {
    let import = expect_context::<SheetImport>();
    // Focus goes into the dialog when it opens, and back to what had it
    // (the button that opened it) when it closes.
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |was_open: Option<bool>| {
        let open = import.open.get();
        if open && was_open != Some(true) {
            opener.set_value(browser::focused_element());
        } else if !open && was_open == Some(true) {
            browser::focus_back(opener.get_value());
        }
        open
    });
    let close = Callback::new(move |()| import.close());
    // Built again only when it opens: a file picked inside the dialog opens
    // it again, and must not start it afresh.
    let open = Memo::new(move |_| import.open.get());
    move || {
        open.get()
            .then(|| super::parts::on_demand_dialog(super::parts::sheet_import_dialog::load, close))
    }
}

/// The table read from the text: `None` before there is one.
type Read = Option<Result<Table, CsvProblem>>;

/// The dialog's content: a part of its own (`ui::parts`), loaded the first
/// time the dialog opens.
#[component]
pub(super) fn Dialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let import = expect_context::<SheetImport>();
    browser::focus_after_render("sheet-import-title".to_string());
    let table: Memo<Read> = Memo::new(move |_| {
        import
            .text
            .with(|text| (!text.trim().is_empty()).then(|| read_table(text)))
    });
    let header = move || -> Vec<String> {
        table.with(|read| match read {
            Some(Ok(table)) => table.header.clone(),
            _ => Vec::new(),
        })
    };
    let guessed = Memo::new(move |_| {
        table.with(|read| match read {
            Some(Ok(table)) => guess_sheet(&table.header),
            _ => None,
        })
    });
    let sheet = Memo::new(move |_| import.sheet.get().or(guessed.get()));
    let columns = Memo::new(move |_| {
        let Some(sheet) = sheet.get() else {
            return Vec::new();
        };
        let header = header();
        let mut columns = match_columns(sheet, &header);
        state.edits.history.with_untracked(|history| {
            let skills: Vec<&str> = history
                .plan()
                .skills
                .iter()
                .map(|skill| skill.name.as_str())
                .collect();
            match_skill_columns(sheet, &mut columns, &header, &skills);
        });
        import.changes.with(|changes| {
            for (index, field) in changes {
                choose_column(&mut columns, *index, *field);
            }
        });
        columns
    });
    let date_guess = Memo::new(move |_| {
        table.with(|read| match read {
            Some(Ok(table)) => columns.with(|columns| table.date_order(columns)),
            _ => DateGuess::NoDates,
        })
    });
    let dates = Memo::new(move |_| {
        import.dates.get().or(match date_guess.get() {
            DateGuess::Known(order) => Some(order),
            DateGuess::NoDates => Some(DateOrder::Iso),
            DateGuess::Ambiguous | DateGuess::Conflicting => None,
        })
    });
    let preview: Memo<Option<ImportPlan>> = Memo::new(move |_| {
        let mapping = Mapping {
            sheet: sheet.get()?,
            columns: columns.get(),
            dates: dates.get()?,
        };
        let source = import.source.get();
        table.with(|read| {
            let Some(Ok(table)) = read else {
                return None;
            };
            Some(
                state
                    .edits
                    .history
                    .with(|history| plan_import(history.plan(), table, &mapping, &source)),
            )
        })
    });
    let error = RwSignal::new(None::<String>);
    let only_problems = RwSignal::new(false);

    let on_pick = move |event: leptos::ev::Event| {
        if let Some(file) = browser::picked_file(&event) {
            receive(import, file);
        }
    };
    let on_paste = move |event: leptos::ev::Event| {
        let sheet = import.sheet.get_untracked();
        import.load(PASTED.to_string(), event_target_value(&event));
        import.sheet.set(sheet);
    };
    let apply = move |_| {
        let Some((command, summary)) = preview.with_untracked(|preview| {
            preview
                .as_ref()
                .and_then(|preview| Some((preview.command.clone()?, preview.summary.clone())))
        }) else {
            return;
        };
        match state.edits.execute(command) {
            Ok(_) => {
                error.set(None);
                import.load(String::new(), String::new());
                import.done.set(Some(summary));
                browser::focus_after_render("sheet-import-title".to_string());
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" {
            event.prevent_default();
            import.close();
        }
    };

    view! {
        <div class="dialog-backdrop">
            <div class="dialog dialog--wide sheet-import" role="dialog" aria-modal="true"
                aria-labelledby="sheet-import-title" on:keydown=on_keydown>
                <h2 id="sheet-import-title" tabindex="-1">"Import from a spreadsheet"</h2>
                <div class="sheet-import__body">
                    {move || match import.done.get() {
                        Some(summary) => view! { <Done summary/> }.into_any(),
                        None => view! {
                            <Source on_pick on_paste table/>
                            {move || import.refusal.get().map(|text| view! { <p class="form__error" role="alert">{text}</p> })}
                            {move || table.with(|read| match read {
                                Some(Err(problem)) => Some(view! {
                                    <p class="form__error" role="alert">
                                        {format!("{} could not be read: {problem}. Nothing was imported.", import.source.get())}
                                    </p>
                                }),
                                _ => None,
                            })}
                            {move || table.with(|read| matches!(read, Some(Ok(_)))).then(|| view! {
                                <SheetChoice sheet guessed/>
                                <ColumnMatches table columns sheet/>
                                <DateChoice date_guess dates columns/>
                                <Preview preview only_problems/>
                            })}
                        }.into_any(),
                    }}
                    {move || error.get().map(|text| view! { <p class="form__error" role="alert">{text}</p> })}
                </div>
                <div class="sheet-import__actions">
                    {move || import.done.with(Option::is_none).then(|| view! {
                        <p class="sheet-import__summary" data-testid="sheet-summary" role="status">
                            {move || preview.with(|preview| preview.as_ref().map(|preview| {
                                preview_text(&preview.summary, &import.source.get())
                            }))}
                        </p>
                        <button id="sheet-import-apply" class="button button--primary"
                            disabled=move || preview.with(|preview| preview.as_ref().is_none_or(|preview| preview.command.is_none()))
                            on:click=apply>
                            "Import"
                        </button>
                        <button class="button button--quiet" on:click=move |_| import.close()>"Cancel"</button>
                    })}
                </div>
            </div>
        </div>
    }
}

/// Where the rows come from: a file, or cells pasted.
#[component]
fn Source(
    on_pick: impl Fn(leptos::ev::Event) + Copy + 'static,
    on_paste: impl Fn(leptos::ev::Event) + Copy + 'static,
    table: Memo<Read>,
) -> impl IntoView {
    let import = expect_context::<SheetImport>();
    let pasted = move || import.source.with(|source| source == PASTED);
    let read = move || {
        table.with(|read| match read {
            Some(Ok(table)) => Some(format!(
                "{}: {}, {}, separated by {}.",
                import.source.get(),
                crate::model::count_of(table.rows.len(), "row", "rows"),
                crate::model::count_of(table.header.len(), "column", "columns"),
                match table.delimiter {
                    '\t' => "tabs",
                    ';' => "semicolons",
                    _ => "commas",
                }
            )),
            _ => None,
        })
    };
    view! {
        <p>"Bring people, work and assignments, leave or public holidays in from a spreadsheet. Columns are matched by their names, including those of Runn's and Float's exports; you can change any match, and see what each row does before anything changes."</p>
        <div class="files__actions">
            <label class="button file-picker">
                "Choose a CSV file…"
                <input type="file" class="visually-hidden" aria-label="Choose a CSV file"
                    accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,.xlsx,.xls,.ods,.numbers"
                    on:change=on_pick/>
            </label>
            <span class="sheet-import__read" data-testid="sheet-read">{read}</span>
        </div>
        <label class="field field--wide">
            <span class="field__label">"Or paste cells copied from Excel, Google Sheets or Numbers, the header row first"</span>
            <textarea class="sheet-import__paste" rows="3" aria-label="Paste cells" spellcheck="false"
                prop:value=move || if pasted() { import.text.get() } else { String::new() }
                on:input=on_paste></textarea>
        </label>
    }
}

/// The sheet's name as the dialog offers it.
fn sheet_name(sheet: Sheet) -> &'static str {
    match sheet {
        Sheet::People => "People",
        Sheet::Work => "Work and assignments",
        Sheet::Leave => "Leave",
        Sheet::Holidays => "Public holidays",
    }
}

/// Which sheet the rows are: guessed from the header, or chosen.
#[component]
fn SheetChoice(sheet: Memo<Option<Sheet>>, guessed: Memo<Option<Sheet>>) -> impl IntoView {
    let import = expect_context::<SheetImport>();
    let on_change = move |event: leptos::ev::Event| {
        let chosen = Sheet::ALL
            .into_iter()
            .find(|sheet| sheet.label() == event_target_value(&event));
        let source = import.source.get_untracked();
        let text = import.text.get_untracked();
        import.load(source, text);
        import.sheet.set(chosen);
    };
    view! {
        <div class="sheet-import__sheet">
            <label class="field">
                <span class="field__label">"The rows are"</span>
                <select aria-label="The rows are" on:change=on_change>
                    {move || sheet.get().is_none().then(|| view! { <option value="" selected>"Choose…"</option> })}
                    {Sheet::ALL.into_iter().map(|each| view! {
                        <option value=each.label() selected=move || sheet.get() == Some(each)>{sheet_name(each)}</option>
                    }).collect_view()}
                </select>
            </label>
            <span class="field__hint">{move || match (sheet.get(), guessed.get(), import.sheet.get()) {
                (None, _, _) => "The columns fit no sheet, or two alike: choose what the rows are.".to_string(),
                (Some(_), Some(_), None) => "Guessed from the column names.".to_string(),
                _ => String::new(),
            }}</span>
        </div>
    }
}

/// Each column of the file with an example and the field it fills.
#[component]
fn ColumnMatches(
    table: Memo<Read>,
    columns: Memo<Vec<Option<Column>>>,
    sheet: Memo<Option<Sheet>>,
) -> impl IntoView {
    let import = expect_context::<SheetImport>();
    let rows = move || {
        let Some(sheet) = sheet.get() else {
            return Vec::new();
        };
        let fields = sheet.columns();
        table.with(|read| {
            let Some(Ok(table)) = read else {
                return Vec::new();
            };
            columns.with(|columns| {
                table
                    .header
                    .iter()
                    .enumerate()
                    .map(|(index, name)| {
                        let letter = crate::persist::csv::column_name(index);
                        let example = (0..table.rows.len())
                            .map(|row| table.cell(row, index))
                            .find(|cell| !cell.is_empty())
                            .unwrap_or("")
                            .to_string();
                        let current = columns.get(index).copied().flatten();
                        let label = if name.is_empty() {
                            format!("Column {letter}")
                        } else {
                            name.clone()
                        };
                        (index, letter, label, example, current, fields.clone())
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <table class="table sheet-import__columns">
            <caption>"Columns, and what each is imported as"</caption>
            <thead><tr><th scope="col">"Column"</th><th scope="col">"First value"</th><th scope="col">"Imported as"</th></tr></thead>
            <tbody>
                {move || rows().into_iter().map(|(index, letter, label, example, current, fields)| {
                    let on_change = move |event: leptos::ev::Event| {
                        let value = event_target_value(&event);
                        let field = fields_of(sheet.get_untracked()).into_iter().find(|field| field.label() == value);
                        import.changes.update(|changes| changes.push((index, field)));
                    };
                    view! {
                        <tr class:sheet-import__left-out=current.is_none()>
                            <th scope="row"><span class="sheet-import__letter">{letter.clone()}</span>" "{label.clone()}</th>
                            <td class="sheet-import__example">{example}</td>
                            <td>
                                <select aria-label=format!("Import column {letter} ({label}) as") on:change=on_change>
                                    <option value="" selected=current.is_none()>"Left out"</option>
                                    {fields.into_iter().map(|field| view! {
                                        <option value=field.label() selected=current == Some(field)>{field.label()}</option>
                                    }).collect_view()}
                                </select>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

fn fields_of(sheet: Option<Sheet>) -> Vec<Column> {
    sheet.map(Sheet::columns).unwrap_or_default()
}

/// How the dates are written: detected, and asked when they read two ways.
#[component]
fn DateChoice(
    date_guess: Memo<DateGuess>,
    dates: Memo<Option<DateOrder>>,
    columns: Memo<Vec<Option<Column>>>,
) -> impl IntoView {
    let import = expect_context::<SheetImport>();
    let has_dates =
        move || columns.with(|columns| columns.iter().flatten().any(|column| column.is_date()));
    let orders = [
        DateOrder::Iso,
        DateOrder::DayMonthYear,
        DateOrder::MonthDayYear,
    ];
    let on_change = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        import
            .dates
            .set(orders.into_iter().find(|order| order.label() == value));
    };
    move || {
        has_dates().then(|| view! {
        <div class="sheet-import__dates">
            <label class="field">
                <span class="field__label">"Dates are written"</span>
                <select aria-label="Dates are written" on:change=on_change>
                    {move || dates.get().is_none().then(|| view! { <option value="" selected>"Choose…"</option> })}
                    {orders.into_iter().map(|order| view! {
                        <option value=order.label() selected=move || dates.get() == Some(order)>{date_example(order)}</option>
                    }).collect_view()}
                </select>
            </label>
            <span class="field__hint" class:flag=move || dates.get().is_none()>{move || match date_guess.get() {
                DateGuess::Known(_) if import.dates.get().is_none() => "Found from the dates in the file.",
                DateGuess::Ambiguous => "Every date in the file reads as day/month or month/day (3/4/2026 is 3 April or 4 March): choose which.",
                DateGuess::Conflicting => "Some dates read only as day/month/year and others only as month/day/year: choose one, and the rows with the others are refused.",
                _ => "",
            }}</span>
        </div>
    })
    }
}

/// A date order as the choice shows it, with an example.
fn date_example(order: DateOrder) -> &'static str {
    match order {
        DateOrder::Iso => "year-month-day (2026-12-31)",
        DateOrder::DayMonthYear => "day/month/year (31/12/2026)",
        DateOrder::MonthDayYear => "month/day/year (12/31/2026)",
    }
}

/// What the import would do, row by row.
#[component]
fn Preview(preview: Memo<Option<ImportPlan>>, only_problems: RwSignal<bool>) -> impl IntoView {
    let listed = move || {
        preview.with(|preview| {
            let Some(preview) = preview else {
                return (Vec::new(), 0);
            };
            let only = only_problems.get();
            let rows: Vec<_> = preview
                .rows
                .iter()
                .filter(|row| !only || row.action == RowAction::Refused)
                .collect();
            let total = rows.len();
            let shown = rows
                .into_iter()
                .take(SHOWN_ROWS)
                .map(|row| {
                    let why: Vec<String> = row.problems.iter().map(ToString::to_string).collect();
                    (row.row, row.what.clone(), row.action, why.join("; "))
                })
                .collect();
            (shown, total)
        })
    };
    view! {
        <section class="sheet-import__preview" aria-labelledby="sheet-import-preview">
            <h3 id="sheet-import-preview">"What the import does"</h3>
            {move || preview.with(|preview| match preview {
                None => view! { <p class="empty">"Choose what the rows are and how the dates are written to see what each row does."</p> }.into_any(),
                Some(preview) => {
                    let skills = (!preview.new_skills.is_empty()).then(|| format!("New skills, added to the catalogue: {}.", preview.new_skills.join(", ")));
                    let teams = (!preview.new_teams.is_empty()).then(|| format!("New teams: {}.", preview.new_teams.join(", ")));
                    view! {
                        {skills.map(|text| view! { <p>{text}</p> })}
                        {teams.map(|text| view! { <p>{text}</p> })}
                    }.into_any()
                }
            })}
            <label class="toggle">
                <input type="checkbox" prop:checked=move || only_problems.get()
                    on:change=move |event| only_problems.set(event_target_checked(&event))/>
                "Only rows that are refused"
            </label>
            // Scrolled on its own, so reachable by keyboard to scroll.
            <div class="sheet-import__rows" tabindex="0" role="region" aria-label="Rows of the sheet">
                <table class="table">
                    <caption class="visually-hidden">"Each row of the sheet and what the import does with it"</caption>
                    <thead><tr><th scope="col">"Row"</th><th scope="col">"What"</th><th scope="col">"Change"</th><th scope="col">"Why"</th></tr></thead>
                    <tbody>
                        {move || listed().0.into_iter().map(|(row, what, action, why)| view! {
                            <tr class=format!("sheet-import__row sheet-import__row--{}", action_class(action))>
                                <td>{row}</td>
                                <td>{what}</td>
                                <td><span class="sheet-import__action">{action_name(action)}</span></td>
                                <td>{why}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {move || {
                let total = listed().1;
                (total > SHOWN_ROWS).then(|| view! {
                    <p class="view__hint">{format!("The first {SHOWN_ROWS} of {} rows are listed; the import takes them all.", crate::engine::validate::thousands(total))}</p>
                })
            }}
        </section>
    }
}

/// The import's summary as the preview says it, before anything is
/// imported: "On Import: 13 people added, …" instead of "Imported
/// people.csv: 13 people added, …".
fn preview_text(summary: &str, source: &str) -> String {
    match summary.strip_prefix(&format!("Imported {source}: ")) {
        Some(rest) => format!("On Import: {rest}"),
        None => summary.to_string(),
    }
}

fn action_name(action: RowAction) -> &'static str {
    match action {
        RowAction::Add => "Added",
        RowAction::Update => "Updated",
        RowAction::Unchanged => "Unchanged",
        RowAction::Refused => "Refused",
    }
}

fn action_class(action: RowAction) -> &'static str {
    match action {
        RowAction::Add => "add",
        RowAction::Update => "update",
        RowAction::Unchanged => "unchanged",
        RowAction::Refused => "refused",
    }
}

/// The import applied: its summary, and what next.
#[component]
fn Done(summary: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let import = expect_context::<SheetImport>();
    view! {
        <p class="sheet-import__done" role="status">{summary}</p>
        <p class="view__hint">"Undo (Ctrl+Z) takes the whole import back."</p>
        <div class="files__actions">
            <button id="sheet-import-next" class="button button--primary" on:click=move |_| import.start(None)>"Import another sheet"</button>
            <button class="button" on:click=move |_| {
                state.edits.undo();
                import.close();
            }>"Undo this import"</button>
            <button class="button button--quiet" on:click=move |_| import.close()>"Close"</button>
        </div>
    }
}
