//! Drag and drop on the timeline: work from the list onto a person's or an
//! open role's week, a bar to other weeks or another line, a bar's end to
//! stretch it. A drop is applied at once, as one command.

use super::*;

/// What is being dragged. `DataTransfer.getData` is empty during
/// `dragover`, so it is kept in a signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dragged {
    /// An activity from the list, to allocate.
    Activity(ActivityId),
    /// A bar, grabbed `grab` weeks after its first week.
    Bar { id: AllocationId, grab: i64 },
    /// The end of a bar, to lengthen or shorten it.
    End(AllocationId),
}

/// The week column under the pointer in a person's line: from the left edge
/// of its first cell and the cells' width.
fn column_at(line: &web_sys::Element, client_x: i32, weeks: usize) -> Option<i64> {
    let first = line.query_selector(".cell").ok()??;
    let rect = first.get_bounding_client_rect();
    if rect.width() <= 0.0 {
        return None;
    }
    let column = ((f64::from(client_x) - rect.left()) / rect.width()).floor() as i64;
    (0..weeks as i64).contains(&column).then_some(column)
}

/// Whose a person's or an open role's line is, from its `data-person` or
/// `data-role`.
pub(super) fn line_assignee(line: &web_sys::Element) -> Option<Assignee> {
    match line.get_attribute("data-person") {
        Some(id) => id.parse().ok().map(Assignee::Person),
        None => line
            .get_attribute("data-role")
            .and_then(|id| id.parse().ok())
            .map(Assignee::Role),
    }
}

impl Grid {
    /// Lets a drop happen over a person's or an open role's line.
    pub(super) fn on_dragover(&self, event: leptos::ev::DragEvent) {
        if self.dragged.get_untracked().is_some()
            && closest(event.target(), "[data-person],[data-role]").is_some()
        {
            event.prevent_default();
        }
    }

    /// A drop: the person from the line under the pointer, the week from
    /// its x.
    pub(super) fn on_drop(&self, event: leptos::ev::DragEvent) {
        let Some(what) = self.dragged.get_untracked() else {
            return;
        };
        let Some(line) = closest(event.target(), "[data-person],[data-role]") else {
            return;
        };
        event.prevent_default();
        self.dragged.set(None);
        // The sticky name column covers weeks: a drop on a name places nothing.
        if closest(event.target(), ".tl-name").is_some() {
            return;
        }
        let (Some(assignee), Some(column)) = (
            line_assignee(&line),
            column_at(
                &line,
                event.client_x(),
                self.computed.with_untracked(|capacity| capacity.weeks),
            ),
        ) else {
            return;
        };
        let first_week = self.computed.with_untracked(|capacity| capacity.first_week);
        let week = first_week.plus_weeks(column);
        match what {
            Dragged::Activity(activity) => {
                let proposed = self.state.edits.history.with_untracked(|history| {
                    self.computed.with_untracked(|capacity| {
                        capacity::proposed_allocation(
                            history.plan(),
                            capacity,
                            activity,
                            assignee,
                            week,
                            &self.options.get_untracked(),
                        )
                    })
                });
                match proposed {
                    Some(proposal) => {
                        let note = self
                            .state
                            .edits
                            .history
                            .with_untracked(|history| proposal.note(history.plan()));
                        if self.place(proposal.allocation, None) && !note.is_empty() {
                            self.message.update(|text| {
                                if let Some(text) = text {
                                    text.push(' ');
                                    text.push_str(&note);
                                }
                            });
                        }
                    }
                    None => self.message.set(Some(
                        "Not changed: they are not there in any week from there to the work's deadline."
                            .to_string(),
                    )),
                }
            }
            Dragged::Bar { id, grab } => {
                if let Some(mut allocation) = self.find(id) {
                    let staffing = matches!(allocation.assignee, Assignee::Placeholder { .. });
                    allocation.assignee = assignee;
                    if !staffing {
                        // The week grabbed lands on the week dropped on.
                        let shift = week.weeks_since(allocation.first_week) - grab;
                        allocation.first_week = allocation.first_week.plus_weeks(shift);
                        allocation.last_week = allocation.last_week.plus_weeks(shift);
                    }
                    self.place(allocation, Some(id));
                }
            }
            Dragged::End(id) => {
                if let Some(mut allocation) = self.find(id) {
                    allocation.last_week = week.max(allocation.first_week);
                    self.place(allocation, Some(id));
                }
            }
        }
    }

    /// A drag starts: work from the list, a bar, or a bar's end. A draft
    /// in progress is dropped.
    pub(super) fn on_dragstart(&self, event: leptos::ev::DragEvent) {
        let Some(element) = closest(event.target(), "[data-drag]") else {
            return;
        };
        let kind = element.get_attribute("data-drag").unwrap_or_default();
        let id = element.get_attribute("data-id").unwrap_or_default();
        let what = match kind.as_str() {
            "activity" => id.parse().ok().map(Dragged::Activity),
            "end" => id.parse().ok().map(Dragged::End),
            "bar" => id.parse().ok().map(|id| {
                let rect = element.get_bounding_client_rect();
                let span: f64 = element
                    .get_attribute("data-span")
                    .and_then(|span| span.parse().ok())
                    .unwrap_or(1.0);
                let cut: i64 = element
                    .get_attribute("data-cut")
                    .and_then(|cut| cut.parse().ok())
                    .unwrap_or(0);
                let grab = if rect.width() > 0.0 {
                    ((f64::from(event.client_x()) - rect.left()) / (rect.width() / span)).floor()
                        as i64
                } else {
                    0
                };
                Dragged::Bar {
                    id,
                    grab: grab.clamp(0, span as i64 - 1) + cut,
                }
            }),
            _ => None,
        };
        let Some(what) = what else {
            return;
        };
        // The end handle sits inside its bar: the bar must not start a drag.
        event.stop_propagation();
        self.dragged.set(Some(what));
        self.draft.clear();
        if let Some(transfer) = event.data_transfer() {
            let _ = transfer.set_data("application/x-opsboard-allocation", &id);
            let _ = transfer.set_data("text/plain", &id);
            transfer.set_effect_allowed("move");
        }
    }
}
