//! The timeline's lines written as markup, and patched in place when they
//! change.

use super::*;

/// Markup of one timeline line. Lines are many (a row of cells and bars for
/// each person) and hold no reactive code, so they are written as markup
/// once for their content: far less wasm than a view per cell, and a fast
/// repaint. Every text from the plan goes through [`escape_into`]; the
/// timeline's handlers are delegated, so the markup carries none.
pub(super) fn line_html(line: &Line) -> String {
    let mut out = String::with_capacity(4096);
    match line {
        Line::Team {
            name,
            members,
            collapsed,
            cells,
            tentative,
        } => {
            let shown = team_name(name);
            out.push_str(r#"<div class="tl-line tl-line--team" role="row"><div class="tl-name" role="rowheader"><button type="button" class="tl-team" data-action=""#);
            escape_into(&mut out, &Action::ToggleTeam(name.to_string()).encode());
            out.push_str(&format!(r#"" aria-expanded="{}" aria-label=""#, !collapsed));
            escape_into(
                &mut out,
                &format!(
                    "{shown}, {}: {}",
                    crate::model::count_of(*members, "person", "people"),
                    if *collapsed { "show them" } else { "hide them" }
                ),
            );
            out.push_str(r#""><span aria-hidden="true">"#);
            out.push_str(if *collapsed { "▸ " } else { "▾ " });
            out.push_str("</span>");
            escape_into(&mut out, &shown);
            out.push_str(&format!(
                r#"<span class="tl-team__count"> · {members}</span></button></div>"#
            ));
            sum_cells_html(&mut out, &shown, cells, *tentative);
            out.push_str("</div>");
        }
        Line::Total { cells, tentative } => {
            out.push_str(r#"<div class="tl-line tl-line--total" role="row"><div class="tl-name" role="rowheader">All teams</div>"#);
            sum_cells_html(&mut out, "All teams", cells, *tentative);
            out.push_str("</div>");
        }
        Line::Row {
            who,
            row,
            name,
            note,
            billable,
            cells,
            tentative,
            bars,
            lanes,
        } => {
            let (class, attribute) = match who {
                Holder::Person(person) => ("", format!("data-person=\"{person}\"")),
                Holder::Role(role) => (" tl-line--open-role", format!("data-role=\"{role}\"")),
            };
            let who = row_who(*who, name);
            out.push_str(&format!(
                r#"<div class="tl-line tl-line--person{class}" role="row" {attribute}>"#
            ));
            row_name_html(&mut out, name, note, billable, *lanes);
            row_weeks_html(&mut out, &who, *row, cells, *tentative, bars);
        }
        Line::Role { bar, role } => {
            out.push_str(r#"<div class="tl-line tl-line--role" role="row"><div class="tl-name" role="rowheader"><span class="tl-name__person">"#);
            escape_into(&mut out, role);
            out.push_str(
                r#"</span><span class="tl-name__role">to staff: drag onto a person</span></div>"#,
            );
            bar_cell_html(&mut out, bar);
            out.push_str("</div>");
        }
    }
    out
}

/// The timeline's lines in the page, each in a wrapper kept by who or what
/// the line is. A changed line is patched where it stands: the weeks that
/// changed get their new class, style, label and text, its bars and name
/// are written again only when they changed. A drop on a 300-person plan
/// so restyles a few weeks of three lines (the person's, the team's, the
/// total) instead of drawing those lines again; anything a patch does not
/// cover draws the line again.
#[derive(Default)]
pub(super) struct DrawnLines {
    /// The lines as drawn, and each one's key, position in `lines` and
    /// wrapper, in order.
    lines: std::sync::Arc<Vec<Line>>,
    wrappers: Vec<(u64, usize, web_sys::Element)>,
}

impl DrawnLines {
    pub(super) fn update(&mut self, body: &web_sys::Element, lines: std::sync::Arc<Vec<Line>>) {
        use std::collections::{HashMap, HashSet};
        let keys = line_keys(&lines);
        // The same lines in the same order (a drop, a move, an edit of
        // hours): each is patched where it stands, and the page is not
        // walked (two calls into the page per line).
        let same_lines = self.wrappers.len() == keys.len()
            && self
                .wrappers
                .iter()
                .zip(&keys)
                .all(|((drawn, _, _), key)| drawn == key);
        if same_lines {
            for (at, line) in lines.iter().enumerate() {
                let (_, was, wrapper) = &mut self.wrappers[at];
                if let Some(before) = self.lines.get(*was).filter(|before| *before != line) {
                    patch_line(wrapper, before, line);
                }
                *was = at;
            }
            self.lines = lines;
            return;
        }
        let mut drawn: HashMap<u64, (usize, web_sys::Element)> = self
            .wrappers
            .drain(..)
            .map(|(key, at, wrapper)| (key, (at, wrapper)))
            .collect();
        // Lines gone leave first, so the ones kept are found in place.
        let wanted: HashSet<u64> = keys.iter().copied().collect();
        drawn.retain(|key, (_, wrapper)| {
            let keep = wanted.contains(key);
            if !keep {
                wrapper.remove();
            }
            keep
        });
        let mut cursor = body.first_child();
        for (at, (key, line)) in keys.into_iter().zip(lines.iter()).enumerate() {
            let wrapper = match drawn.remove(&key) {
                Some((was, wrapper)) => {
                    if let Some(before) = self.lines.get(was).filter(|before| *before != line) {
                        patch_line(&wrapper, before, line);
                    }
                    wrapper
                }
                None => {
                    let Ok(wrapper) = document().create_element("div") else {
                        continue;
                    };
                    wrapper.set_class_name("tl-wrap");
                    wrapper.set_inner_html(&line_html(line));
                    wrapper
                }
            };
            let node: &web_sys::Node = &wrapper;
            if cursor.as_ref() == Some(node) {
                cursor = node.next_sibling();
            } else {
                let _ = body.insert_before(node, cursor.as_ref());
            }
            self.wrappers.push((key, at, wrapper));
        }
        self.lines = lines;
    }
}

/// Who or what each line is, unique within the lines: a team by name, a
/// person or open role by id, work to staff by its bar, the total.
pub(super) fn line_keys(lines: &[Line]) -> Vec<u64> {
    let mut seen = std::collections::HashSet::with_capacity(lines.len());
    lines
        .iter()
        .map(|line| {
            let mut key = match line {
                Line::Team { name, .. } => key_of(&(0u8, name)),
                Line::Row { who, .. } => key_of(&(1u8, who)),
                Line::Role { bar, .. } => key_of(&(2u8, &bar.element_id)),
                Line::Total { .. } => key_of(&3u8),
            };
            // Two lines never share a key in a valid plan; should they,
            // the later one takes the next free number.
            while !seen.insert(key) {
                key = key.wrapping_add(1);
            }
            key
        })
        .collect()
}

/// Brings a drawn line from `before` to `after`: in place when only its
/// weeks, bars or name changed, else by drawing it again.
pub(super) fn patch_line(wrapper: &web_sys::Element, before: &Line, after: &Line) {
    let line = wrapper.first_element_child();
    let patched = line.is_some_and(|line| match (before, after) {
        (
            Line::Team {
                name,
                members,
                collapsed,
                cells: old,
                tentative,
            },
            Line::Team {
                name: name_after,
                members: members_after,
                collapsed: collapsed_after,
                cells,
                tentative: tentative_after,
            },
        ) => {
            (name, members, collapsed, tentative)
                == (name_after, members_after, collapsed_after, tentative_after)
                && patch_cells(&line, &team_name(name), old, cells, *tentative)
        }
        (
            Line::Total {
                cells: old,
                tentative,
            },
            Line::Total {
                cells,
                tentative: tentative_after,
            },
        ) => {
            tentative == tentative_after && patch_cells(&line, "All teams", old, cells, *tentative)
        }
        (
            Line::Row {
                who,
                row,
                name,
                note,
                billable,
                cells: old,
                tentative,
                bars: old_bars,
                lanes,
            },
            Line::Row {
                who: who_after,
                row: row_after,
                name: name_after,
                note: note_after,
                billable: billable_after,
                cells,
                tentative: tentative_after,
                bars,
                lanes: lanes_after,
            },
        ) => {
            (who, row, name, tentative) == (who_after, row_after, name_after, tentative_after)
                && patch_cells(&line, &row_who(*who, name), old, cells, *tentative)
                && (old_bars == bars || replace_bars(&line, bars))
                && ((note, billable, lanes) == (note_after, billable_after, lanes_after)
                    || replace_name(&line, name, note_after, billable_after, *lanes_after))
        }
        _ => false,
    });
    if !patched {
        wrapper.set_inner_html(&line_html(after));
    }
}

/// Sets the weeks that changed; false when the line is not drawn as
/// expected (the caller then draws it again). Of a changed week, only what
/// changed is written: its band's class, its bar, its text (in the text
/// node it has), and its label. A drop on a large plan changes 30 to 70 weeks,
/// most of which stay in their band.
pub(super) fn patch_cells(
    line: &web_sys::Element,
    who: &str,
    before: &[[u32; 4]],
    after: &[[u32; 4]],
    tentative: bool,
) -> bool {
    if before.len() != after.len() {
        return false;
    }
    let children = line.children();
    let mut checked = false;
    for (column, (old, key)) in before.iter().zip(after).enumerate() {
        if old == key {
            continue;
        }
        // The name comes first, then the weeks in order.
        let Some(element) = children.item(column as u32 + 1) else {
            return false;
        };
        if !checked {
            if element.get_attribute("data-col") != Some(column.to_string()) {
                return false;
            }
            checked = true;
        }
        let (was, cell) = (cell_of_key(old), cell_of_key(key));
        let class = band_class(cell.band(tentative));
        if class != band_class(was.band(tentative)) {
            element.set_class_name(class);
        }
        let style = cell_style(column, &cell, tentative);
        if style != cell_style(column, &was, tentative) {
            let _ = element.set_attribute("style", &style);
        }
        let text = cell_text(&cell, tentative);
        if text != cell_text(&was, tentative) {
            match element
                .first_child()
                .filter(|node| node.node_type() == web_sys::Node::TEXT_NODE)
            {
                Some(node) if !text.is_empty() => node.set_node_value(Some(&text)),
                _ => element.set_text_content(Some(&text)),
            }
        }
        let _ = element.set_attribute(
            "aria-label",
            &cell_label(&week_name(who, column), &cell, tentative),
        );
    }
    true
}

/// Draws a person's or open role's bars again, after its weeks.
pub(super) fn replace_bars(line: &web_sys::Element, bars: &[BarData]) -> bool {
    // The bars come last in the line.
    while let Some(last) = line
        .last_element_child()
        .filter(|last| last.class_name() == "tl-barcell")
    {
        last.remove();
    }
    let mut out = String::new();
    bars_html(&mut out, bars);
    line.insert_adjacent_html("beforeend", &out).is_ok()
}

/// Draws a person's or open role's name cell again.
pub(super) fn replace_name(
    line: &web_sys::Element,
    name: &str,
    note: &(String, String),
    billable: &Option<(PersonWeek, Option<f64>)>,
    lanes: usize,
) -> bool {
    let Some(cell) = line.first_element_child() else {
        return false;
    };
    let mut out = String::new();
    row_name_html(&mut out, name, note, billable, lanes);
    cell.set_outer_html(&out);
    true
}

/// A team's name as its line shows it.
pub(super) fn team_name(name: &str) -> String {
    if name.is_empty() {
        "No team".to_string()
    } else {
        name.to_string()
    }
}

/// Whose weeks a person's or open role's line shows, as their labels say.
pub(super) fn row_who(who: Holder, name: &str) -> String {
    match who {
        Holder::Person(_) => name.to_string(),
        Holder::Role(_) => format!("Open role {name}"),
    }
}

/// A person's or an open role's name cell: the name, the note under it and
/// the billable share, over the line's lanes of bars.
pub(super) fn row_name_html(
    out: &mut String,
    name: &str,
    note: &(String, String),
    billable: &Option<(PersonWeek, Option<f64>)>,
    lanes: usize,
) {
    out.push_str(&format!(
        r#"<div class="tl-name" role="rowheader" style="grid-row:1 / span {}"><span class="tl-name__person">"#,
        lanes + 1
    ));
    escape_into(out, name);
    out.push_str("</span>");
    span_html(out, "tl-name__role", note);
    let billable = billable_texts(billable);
    if !billable.0.is_empty() {
        span_html(out, "tl-name__billable", &billable);
    }
    out.push_str("</div>");
}

/// "62 % billable (target 75 %)" and the whole sentence for a tooltip;
/// nothing without capacity or figures.
pub(super) fn billable_texts(billable: &Option<(PersonWeek, Option<f64>)>) -> (String, String) {
    let Some((total, target)) = billable else {
        return Default::default();
    };
    let short = match (total.billable_share(), target) {
        (None, _) => String::new(),
        (Some(share), None) => format!("{} billable", percent_text(share)),
        (Some(share), Some(target)) => format!(
            "{} billable (target {})",
            percent_text(share),
            percent_text(*target)
        ),
    };
    (short, billable_headline(total, *target))
}

/// `<span class="{class}" title="…">text</span>`, without a title when it
/// is empty.
pub(super) fn span_html(out: &mut String, class: &str, (text, title): &(String, String)) {
    out.push_str(r#"<span class=""#);
    out.push_str(class);
    out.push('"');
    if !title.is_empty() {
        out.push_str(r#" title=""#);
        escape_into(out, title);
        out.push('"');
    }
    out.push('>');
    escape_into(out, text);
    out.push_str("</span>");
}

/// A person's or an open role's weeks and bars; the first row's first week
/// is the grid's one tab stop.
pub(super) fn row_weeks_html(
    out: &mut String,
    name: &str,
    row: usize,
    cells: &[[u32; 4]],
    tentative: bool,
    bars: &[BarData],
) {
    for (column, key) in cells.iter().enumerate() {
        let cell = cell_of_key(key);
        let focusable = row == 0 && column == 0;
        cell_html(
            out,
            &week_name(name, column),
            column,
            &cell,
            tentative,
            focusable,
        );
    }
    bars_html(out, bars);
    out.push_str("</div>");
}

pub(super) fn bars_html(out: &mut String, bars: &[BarData]) {
    for bar in bars {
        bar_cell_html(out, bar);
    }
}

/// A bar in the line's grid: a row holds cells only, so each bar sits in a
/// cell of its own, laid out as if it were not there (`display: contents`).
pub(super) fn bar_cell_html(out: &mut String, bar: &BarData) {
    out.push_str(r#"<div class="tl-barcell" role="gridcell">"#);
    bar_html(out, bar);
    out.push_str("</div>");
}

/// One week: its band, its stacked bar and utilisation, and the numbers
/// behind it as its accessible name.
pub(super) fn cell_html(
    out: &mut String,
    who: &str,
    column: usize,
    cell: &Cell,
    tentative: bool,
    focusable: bool,
) {
    out.push_str(&format!(
        r#"<div class="{}" role="gridcell" data-col="{column}" tabindex="{}" style="{}" aria-label=""#,
        band_class(cell.band(tentative)),
        if focusable { 0 } else { -1 },
        cell_style(column, cell, tentative),
    ));
    escape_into(out, &cell_label(who, cell, tentative));
    out.push_str(r#"">"#);
    out.push_str(&cell_text(cell, tentative));
    out.push_str("</div>");
}

pub(super) fn cell_style(column: usize, cell: &Cell, tentative: bool) -> String {
    format!("grid-column:{};{}", column + 2, bar_style(cell, tentative))
}

pub(super) fn cell_label(who: &str, cell: &Cell, tentative: bool) -> String {
    format!("{who}: {}", cell.details(tentative))
}

/// The name a week's label starts with: "Tom Becker, week 3".
pub(super) fn week_name(who: &str, column: usize) -> String {
    format!("{who}, week {}", column + 1)
}

/// A team's or the firm's weeks: utilisation in each.
pub(super) fn sum_cells_html(out: &mut String, name: &str, cells: &[[u32; 4]], tentative: bool) {
    for (column, key) in cells.iter().enumerate() {
        cell_html(
            out,
            &week_name(name, column),
            column,
            &cell_of_key(key),
            tentative,
            false,
        );
    }
}

pub(super) fn bar_html(out: &mut String, bar: &BarData) {
    let movable = !bar.draft;
    out.push_str(&format!(
        r#"<div class="bar{}{}{}{}{}{}" id="{}" style="grid-column:{} / span {};grid-row:{}" role="button" tabindex="0" draggable="{movable}" data-bar=""{} data-action="bar:{}" data-id="{}" data-span="{}" data-cut="{}" aria-roledescription="allocation bar" aria-label=""#,
        if bar.tentative { " bar--tentative" } else { "" },
        if bar.placeholder { " bar--role" } else { "" },
        if bar.draft { " bar--draft" } else { "" },
        if bar.cut_left { " bar--cut-left" } else { "" },
        if bar.cut_right { " bar--cut-right" } else { "" },
        if bar.selected { " bar--selected" } else { "" },
        bar.element_id,
        bar.first + 2,
        bar.span,
        bar.row,
        if movable { r#" data-drag="bar""# } else { "" },
        bar.allocation,
        bar.allocation,
        bar.span,
        bar.hidden,
    ));
    escape_into(out, &bar.label);
    out.push_str(r#"" title=""#);
    escape_into(out, &bar.title);
    out.push_str(r#""><span class="bar__text">"#);
    escape_into(out, &bar.title);
    out.push_str(" · ");
    out.push_str(&hours(bar.tenths));
    out.push_str("</span>");
    if movable {
        out.push_str(&format!(
            r#"<span class="bar__end" draggable="true" data-drag="end" data-id="{}" role="separator" aria-label=""#,
            bar.allocation
        ));
        escape_into(out, &format!("Change the end of {}", bar.title));
        out.push_str(r#""></span>"#);
    }
    out.push_str("</div>");
}
