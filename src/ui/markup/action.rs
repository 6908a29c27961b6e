//! What a control in markup does when it is used: one [`Action`] a control,
//! written to its `data-action` attribute by [`Action::encode`] (through
//! `Html::action`) and read back in one place, [`Action::from_event`], so a
//! view's delegated handler matches on a typed value and never reads ids
//! out of attributes itself.
//!
//! An action is the words `kind:argument:argument`, the arguments being ids
//! as the plan writes them (`act-7`) or small numbers; a text argument (a
//! team's name) comes last and may hold anything. Attributes that say where
//! something is rather than what to do stay as they are: a row's id
//! (`tr[data-person]`, `li[data-activity]`), a grid position (`data-col`,
//! `data-row`, `data-column`), and what a drag carries (`data-drag`,
//! `data-id`, `data-span`, `data-cut`, a priority's `data-position`).

use crate::model::{ActivityId, AllocationId, PersonId, RaciRole, SkillId};

/// Everything a control written as markup can ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Opens or closes a team on the capacity timeline.
    ToggleTeam(String),
    /// Selects a booking's bar on the capacity timeline.
    SelectBar(AllocationId),
    /// Starts placing a piece of work from the work list on the timeline.
    PlaceWork(ActivityId),
    /// Opens a person's form.
    EditPerson(PersonId),
    /// Asks to remove a person.
    RemovePerson(PersonId),
    /// A cell of the skills matrix: a click steps the level up, a digit
    /// sets it.
    SkillLevel { person: PersonId, skill: SkillId },
    /// Deletes an initiative.
    DeleteActivity(ActivityId),
    /// Pins an initiative at a place of the priority list (1-based).
    PinPriority {
        activity: ActivityId,
        position: usize,
    },
    /// Lets the ranking place an initiative again.
    UnpinPriority(ActivityId),
    /// Gives a person a role on an initiative (none takes it away).
    SetRaci {
        activity: ActivityId,
        person: PersonId,
        role: Option<RaciRole>,
    },
}

fn raci_code(role: Option<RaciRole>) -> &'static str {
    match role {
        None => "none",
        Some(RaciRole::Responsible) => "r",
        Some(RaciRole::Consulted) => "c",
        Some(RaciRole::Informed) => "i",
    }
}

fn raci_of_code(code: &str) -> Option<Option<RaciRole>> {
    match code {
        "none" => Some(None),
        "r" => Some(Some(RaciRole::Responsible)),
        "c" => Some(Some(RaciRole::Consulted)),
        "i" => Some(Some(RaciRole::Informed)),
        _ => None,
    }
}

impl Action {
    /// The action as the text of a `data-action` attribute.
    pub fn encode(&self) -> String {
        match self {
            Action::ToggleTeam(team) => format!("team:{team}"),
            Action::SelectBar(id) => format!("bar:{id}"),
            Action::PlaceWork(id) => format!("place:{id}"),
            Action::EditPerson(id) => format!("edit-person:{id}"),
            Action::RemovePerson(id) => format!("remove-person:{id}"),
            Action::SkillLevel { person, skill } => format!("skill-level:{person}:{skill}"),
            Action::DeleteActivity(id) => format!("delete-activity:{id}"),
            Action::PinPriority { activity, position } => format!("pin:{activity}:{position}"),
            Action::UnpinPriority(id) => format!("unpin:{id}"),
            Action::SetRaci {
                activity,
                person,
                role,
            } => format!("raci:{activity}:{person}:{}", raci_code(*role)),
        }
    }

    /// The action a `data-action` attribute names; none for anything else.
    pub fn decode(text: &str) -> Option<Action> {
        let (kind, rest) = text.split_once(':').unwrap_or((text, ""));
        // The team's name is the whole rest: it may hold a ':'.
        if kind == "team" {
            return Some(Action::ToggleTeam(rest.to_string()));
        }
        let arguments: Vec<&str> = if rest.is_empty() {
            Vec::new()
        } else {
            rest.split(':').collect()
        };
        let action = match (kind, arguments.as_slice()) {
            ("bar", [id]) => Action::SelectBar(id.parse().ok()?),
            ("place", [id]) => Action::PlaceWork(id.parse().ok()?),
            ("edit-person", [id]) => Action::EditPerson(id.parse().ok()?),
            ("remove-person", [id]) => Action::RemovePerson(id.parse().ok()?),
            ("skill-level", [person, skill]) => Action::SkillLevel {
                person: person.parse().ok()?,
                skill: skill.parse().ok()?,
            },
            ("delete-activity", [id]) => Action::DeleteActivity(id.parse().ok()?),
            ("pin", [activity, position]) => Action::PinPriority {
                activity: activity.parse().ok()?,
                position: position.parse().ok()?,
            },
            ("unpin", [id]) => Action::UnpinPriority(id.parse().ok()?),
            ("raci", [activity, person, role]) => Action::SetRaci {
                activity: activity.parse().ok()?,
                person: person.parse().ok()?,
                role: raci_of_code(role)?,
            },
            _ => return None,
        };
        Some(action)
    }

    /// The action of the element an event happened on, or of its nearest
    /// ancestor that has one: how one handler serves a whole list.
    pub fn from_event(event: &web_sys::Event) -> Option<Action> {
        Action::of_element(&super::closest(event.target(), "[data-action]")?)
    }

    /// The action an element carries in its `data-action`.
    pub fn of_element(element: &web_sys::Element) -> Option<Action> {
        Action::decode(&element.get_attribute("data-action")?)
    }
}
