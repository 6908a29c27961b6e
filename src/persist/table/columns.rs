//! Sheets, the fields each understands and the names their columns go by.

use std::collections::HashSet;

use super::name_key;

// ---------------------------------------------------------------------------
// Sheets and their columns.

/// What a spreadsheet lists, one row each.
///
/// Each sheet has a key column, without which it cannot be read: People a
/// Name (or a First name and a Last name), Work the Work, Leave the Person
/// (or their Email) and the From date, Holidays the Date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sheet {
    /// People with their hours, dates, rates, skills and certifications.
    People,
    /// Assignments: a person (or a role to staff) on a piece of work, with
    /// the work's details repeated on each of its rows.
    Work,
    /// Days off of people.
    Leave,
    /// Public holidays.
    Holidays,
}

impl Sheet {
    /// Every sheet.
    pub const ALL: [Sheet; 4] = [Sheet::People, Sheet::Work, Sheet::Leave, Sheet::Holidays];

    /// The sheet's name as the import shows it.
    pub fn label(self) -> &'static str {
        match self {
            Sheet::People => "People",
            Sheet::Work => "Work",
            Sheet::Leave => "Leave",
            Sheet::Holidays => "Holidays",
        }
    }

    /// The fields this sheet understands, in the order an export of it
    /// would write them.
    pub fn columns(self) -> Vec<Column> {
        fields(self).iter().map(|(column, _)| *column).collect()
    }

    /// Whether the matched columns hold this sheet's key (see [`Sheet`]).
    pub(crate) fn has_key(self, matched: &[Column]) -> bool {
        let has = |column: Column| matched.contains(&column);
        match self {
            Sheet::People => has(Column::Name) || (has(Column::FirstName) && has(Column::LastName)),
            Sheet::Work => has(Column::Work),
            Sheet::Leave => (has(Column::Person) || has(Column::Email)) && has(Column::From),
            Sheet::Holidays => has(Column::Date),
        }
    }
}

/// A field of a sheet that a column of a spreadsheet can fill. Some fields
/// belong to several sheets (a Role on People and on Work); [`Sheet::columns`]
/// lists each sheet's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// A person's full name on People; a holiday's name on Holidays.
    Name,
    /// A person's first name, joined to the last name when the sheet has no
    /// Name (Runn's people export names them apart).
    FirstName,
    /// A person's last name (see [`Column::FirstName`]).
    LastName,
    /// A person's email address: on People theirs, on Work and Leave the
    /// way to find the person when there is no name.
    Email,
    /// A person's role on People; the role an assignment asks for on Work.
    Role,
    /// A person's team or department.
    Team,
    /// A person's contracted hours in a full week.
    WeeklyHours,
    /// Hours a day, the unit Float and Runn plan in: on People a person's
    /// working day, on Work an assignment's load. Never read as hours a
    /// week: the import multiplies it by the person's working days a week.
    HoursPerDay,
    /// The days a person works, one cell like `Mon-Fri` (see
    /// [`parse_working_days`]).
    WorkingDays,
    /// A person's first working day on People; an assignment's first day on
    /// Work.
    Start,
    /// A person's last working day on People; an assignment's last day on
    /// Work.
    End,
    /// A person's internal cost per hour (never a bill rate).
    CostRate,
    /// The share of a person's hours that should be billable (see
    /// [`parse_percent`]).
    BillableTarget,
    /// A person's skill levels, one cell like `Azure:4; Terraform:3` (see
    /// [`parse_skill_levels`]).
    Skills,
    /// A person's certifications, one cell like `AZ-104 (2027-03-31); CKA`
    /// (see [`parse_certifications`]).
    Certifications,
    /// A person's level of one skill, the skill named by the column's
    /// header (a skills matrix: one column per skill). The one field that
    /// several columns fill.
    SkillLevel,
    /// The name of the piece of work: an engagement, a project, a deal.
    Work,
    /// The client the work is for.
    Client,
    /// The kind of work: project, managed service, internal, deal.
    Kind,
    /// Where the work stands.
    Status,
    /// A deal's stage in the pipeline.
    Stage,
    /// A deal's chance of being won (see [`parse_percent`]).
    Probability,
    /// Who an assignment or a day off is for, by name.
    Person,
    /// An assignment's hours a week.
    HoursPerWeek,
    /// The hours a piece of work may take (hours, not money).
    Budget,
    /// The first day off.
    From,
    /// The last day off (the same day as From when empty).
    To,
    /// A whole day off or a part of it (a morning, an afternoon, a half).
    PartOfDay,
    /// A note on a day off, such as its type ("Annual leave", "Sick").
    Note,
    /// A holiday's date.
    Date,
}

impl Column {
    /// Whether the field holds a date, read in the table's date order.
    pub fn is_date(self) -> bool {
        matches!(
            self,
            Column::Start | Column::End | Column::From | Column::To | Column::Date
        )
    }

    /// The column's name in a spreadsheet Opsboard writes.
    pub fn label(self) -> &'static str {
        match self {
            Column::Name => "Name",
            Column::FirstName => "First name",
            Column::LastName => "Last name",
            Column::Email => "Email",
            Column::Role => "Role",
            Column::Team => "Team",
            Column::WeeklyHours => "Weekly hours",
            Column::HoursPerDay => "Hours per day",
            Column::WorkingDays => "Working days",
            Column::Start => "Start",
            Column::End => "End",
            Column::CostRate => "Cost rate",
            Column::BillableTarget => "Billable target",
            Column::Skills => "Skills",
            Column::Certifications => "Certifications",
            Column::SkillLevel => "Level of the skill named above",
            Column::Work => "Work",
            Column::Client => "Client",
            Column::Kind => "Kind",
            Column::Status => "Status",
            Column::Stage => "Deal stage",
            Column::Probability => "Win probability %",
            Column::Person => "Person",
            Column::HoursPerWeek => "Hours per week",
            Column::Budget => "Budget hours",
            Column::From => "From",
            Column::To => "To",
            Column::PartOfDay => "Part of day",
            Column::Note => "Note",
            Column::Date => "Date",
        }
    }
}

// The other names each field goes by, separated by `|` and compared after
// `normalise` (so case, spaces, punctuation and a unit in brackets do not
// matter). Besides common spreadsheet names, they hold the column names of
// the exports and import templates of Runn and Float, from their help pages:
//
// - Runn, people: First Name, Last Name, Email, Role, Team, Hourly Cost,
//   Start Date, End Date, Employment Type, Tags
//   (https://help.runn.io/en/articles/4577835-import-people-roles-via-csv);
//   Job Title, Default Role Name, Cost to Business (per hour)
//   (https://help.runn.io/en/articles/9313462-data-format-and-requirements);
//   Team Name (https://help.runn.io/en/articles/9288619-on-the-matching-columns-page-what-do-i-do-if-the-column-headers-are-not-matched);
//   Work Days, hours per day in a contract
//   (https://help.runn.io/en/articles/1625881-contracts); skills in one
//   cell as `Skill=Level, Skill=Level`
//   (https://help.runn.io/en/articles/9011572-import-export-skills-levels).
// - Float, people: Name (the only required column), Email, Start date, End
//   date, Tags (https://support.float.com/en/articles/112420-import-people);
//   Role, Job Title, Department, Type, Cost rate, Bill rate
//   (https://support.float.com/en/articles/5228805-people). Its older
//   template wrote dates as mm-dd-yyyy
//   (http://support.float.com/general/importing), hence month/day/year.
//   Float's allocations are in hours per day
//   (https://developer.float.com/tutorial_assigning_tasks_to_your_team),
//   and its People report's Capacity is hours a day times working days
//   over the report's dates
//   (https://support.float.com/en/articles/4385599-people-report): read as
//   weekly hours, it is right for a report of one week only.
//
// Left unmatched on purpose: Tags (skills without levels), Type and
// Employment Type (not a field here), Bill rate and Hourly rate (what a
// client pays, not a cost), and a bare "Hours" (a week's, a day's or a
// whole piece of work's).

/// The fields of People with their other names.
const PEOPLE: &[(Column, &str)] = &[
    (
        Column::Name,
        "Full name | Person | Person name | Employee | Employee name | Resource | Resource name \
         | Team member | Member | Staff | Display name",
    ),
    (Column::FirstName, "First | Given name | Forename"),
    (Column::LastName, "Last | Surname | Family name"),
    (
        Column::Email,
        "E-mail | Email address | E-mail address | Work email | Mail",
    ),
    (
        Column::Role,
        "Job title | Title | Position | Job | Role name | Default role | Default role name",
    ),
    (
        Column::Team,
        "Department | Dept | Team name | Group | Practice | Unit",
    ),
    (
        Column::WeeklyHours,
        "Hours per week | Hours/week | Hours a week | Hrs per week | Hrs/week | Weekly capacity \
         | Capacity | Capacity (h/week) | Contracted hours | Contract hours | Working hours",
    ),
    (
        Column::HoursPerDay,
        "Hours/day | Hours a day | Hrs per day | Hrs/day | Daily hours | Work hours per day \
         | Working hours per day | Capacity (h/day)",
    ),
    (
        Column::WorkingDays,
        "Work days | Workdays | Days | Days worked | Work pattern | Working pattern",
    ),
    (
        Column::Start,
        "Start date | Starts | First day | Hire date | Joined | Joining date | Employment start \
         | Contract start",
    ),
    (
        Column::End,
        "End date | Ends | Last day | Leaving date | Termination date | Employment end \
         | Contract end",
    ),
    (
        Column::CostRate,
        "Cost | Hourly cost | Cost per hour | Cost rate per hour | Cost to business \
         | Cost to business (per hour) | Internal rate",
    ),
    (
        Column::BillableTarget,
        "Billable % | Target billable | Billability target | Billable utilisation target \
         | Billable utilization target | Utilisation target | Utilization target \
         | Target utilisation | Target utilization",
    ),
    (
        Column::Skills,
        "Skill levels | Skills and levels | Competencies",
    ),
    (
        Column::Certifications,
        "Certification | Certificates | Certs",
    ),
    // Matched by the skill a header names, not by a name of its own.
    (Column::SkillLevel, ""),
];

/// The fields of Work with their other names.
const WORK: &[(Column, &str)] = &[
    (
        Column::Work,
        "Engagement | Engagement name | Project | Project name | Activity | Activity title \
         | Initiative | Piece of work | Deal | Opportunity | Title",
    ),
    (
        Column::Client,
        "Customer | Client name | Customer name | Account",
    ),
    (
        Column::Kind,
        "Type | Work type | Project type | Engagement type | Kind of work",
    ),
    (Column::Status, "Project status | State"),
    (
        Column::Stage,
        "Stage | Pipeline stage | Sales stage | Project stage",
    ),
    (
        Column::Probability,
        "Probability | Win % | Likelihood | Chance of winning",
    ),
    (
        Column::Start,
        "Start date | From | From date | Starts | Begins",
    ),
    (
        Column::End,
        "End date | To | To date | Until | Finish | Finish date | Deadline | Due | Due date | Ends",
    ),
    (
        Column::Person,
        "Assignee | Assigned to | Resource | Resource name | Employee | Employee name \
         | Team member | Member | Person name | Full name | Staff | Consultant | Who",
    ),
    (
        Column::Email,
        "E-mail | Email address | Person email | Assignee email",
    ),
    (Column::Role, "Project role | Role name | Job title"),
    (
        Column::HoursPerWeek,
        "Hours/week | Hours a week | Hrs per week | Hrs/week | Weekly hours",
    ),
    (
        Column::HoursPerDay,
        "Hours/day | Hours a day | Hrs per day | Hrs/day | Daily hours",
    ),
    (
        Column::Budget,
        "Budget | Budgeted hours | Hours budget | Budget in hours | Sold hours | Estimated hours \
         | Estimate",
    ),
];

/// The fields of Leave with their other names.
const LEAVE: &[(Column, &str)] = &[
    (
        Column::Person,
        "Name | Full name | Person name | Employee | Employee name | Team member | Member \
         | Resource | Staff | Who",
    ),
    (Column::Email, "E-mail | Email address | Person email"),
    (
        Column::From,
        "From date | Start | Start date | First day | First day off | Leave start | Starts \
         | Begins",
    ),
    (
        Column::To,
        "To date | End | End date | Until | Last day | Last day off | Leave end | Ends",
    ),
    (
        Column::PartOfDay,
        "Half day | Part of the day | Day part | Portion | AM/PM",
    ),
    (
        Column::Note,
        "Notes | Leave type | Type | Time off type | Absence type | Reason | Comment | Comments \
         | Description",
    ),
];

/// The fields of Holidays with their other names.
const HOLIDAYS: &[(Column, &str)] = &[
    (Column::Date, "Holiday date | Day | On"),
    (
        Column::Name,
        "Holiday | Holiday name | Public holiday | Description | Occasion | Title",
    ),
];

fn fields(sheet: Sheet) -> &'static [(Column, &'static str)] {
    match sheet {
        Sheet::People => PEOPLE,
        Sheet::Work => WORK,
        Sheet::Leave => LEAVE,
        Sheet::Holidays => HOLIDAYS,
    }
}

/// Every name `sheet`'s fields go by, normalised, with its field: each
/// field's label first, then its other names.
pub(super) fn known_names(sheet: Sheet) -> Vec<(String, Column)> {
    let mut names = Vec::new();
    for (column, others) in fields(sheet) {
        if *column == Column::SkillLevel {
            continue;
        }
        names.push((normalise(column.label()), *column));
        for other in others.split('|') {
            names.push((normalise(other), *column));
        }
    }
    names
}

/// What a trailing note in brackets may say to be ignored: a unit, a date
/// format, or that the column is required (compared as [`normalise`] leaves
/// it, with `%`, `€`, `$` and `£` kept).
const IGNORED_NOTES: &[&str] = &[
    "h", "hr", "hrs", "hour", "hours", "%", "percent", "pct", "€", "$", "£", "eur", "usd", "gbp",
    "€h", "$h", "£h", "eurh", "usdh", "gbph", "yyyymmdd", "ddmmyyyy", "mmddyyyy", "required",
    "optional",
];

/// A column name as it is compared: lowercase, without a trailing note in
/// brackets that only gives a unit or a format (`Weekly hours (h)`, `Start
/// date (YYYY-MM-DD)`) or a trailing ` h` (`Capacity h`), keeping only
/// letters and digits. A rate stays: `Capacity (h/day)` is not `Capacity`.
fn normalise(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let mut text = lower.as_str();
    for (open, close) in [('(', ')'), ('[', ']')] {
        let Some(body) = text.strip_suffix(close) else {
            continue;
        };
        let Some(at) = body.rfind(open) else {
            continue;
        };
        let note: String = body[at + open.len_utf8()..]
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, '%' | '€' | '$' | '£'))
            .collect();
        if IGNORED_NOTES.contains(&note.as_str()) {
            text = body[..at].trim_end();
        }
    }
    if let Some(rest) = text.strip_suffix(" h") {
        if !rest.trim().is_empty() {
            text = rest;
        }
    }
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The field of `sheet` each column of `header` fills, by name: its label,
/// or one of the other names spreadsheets (and Runn and Float) give it,
/// compared without case, spaces, punctuation or a unit in brackets. A
/// field is filled at most once: when two columns name it, the first one
/// does and the later one stays unmatched. Empty and unknown names match
/// nothing.
pub fn match_columns(sheet: Sheet, header: &[String]) -> Vec<Option<Column>> {
    let known = known_names(sheet);
    let mut filled: Vec<Column> = Vec::new();
    header
        .iter()
        .map(|name| {
            let name = normalise(name);
            let column = known
                .iter()
                .find(|(known, _)| *known == name)
                .map(|(_, column)| *column)?;
            if filled.contains(&column) {
                return None;
            }
            filled.push(column);
            Some(column)
        })
        .collect()
}

/// On People, the columns left unmatched whose header names one of
/// `skills` (ignoring case and spacing) matched as that skill's levels: a
/// skills matrix, one column per skill.
pub fn match_skill_columns(
    sheet: Sheet,
    columns: &mut [Option<Column>],
    header: &[String],
    skills: &[&str],
) {
    if sheet != Sheet::People {
        return;
    }
    let known: HashSet<String> = skills.iter().map(|skill| name_key(skill)).collect();
    for (column, name) in columns.iter_mut().zip(header) {
        if column.is_none() && !name.trim().is_empty() && known.contains(&name_key(name)) {
            *column = Some(Column::SkillLevel);
        }
    }
}

/// `columns` with the column at `index` set to fill `field` (`None`: left
/// out), as a person changes a match. A field is filled at most once, so
/// another column that filled it is left out; skill levels are the
/// exception, a column each skill.
pub fn choose_column(columns: &mut [Option<Column>], index: usize, field: Option<Column>) {
    if index >= columns.len() {
        return;
    }
    if field.is_some() && field != Some(Column::SkillLevel) {
        for other in columns.iter_mut().filter(|other| **other == field) {
            *other = None;
        }
    }
    columns[index] = field;
}

/// The sheet a header most likely belongs to: of the sheets whose key
/// column it has (see [`Sheet`]), the one it fills the most fields of.
/// None when no sheet has its key, or when two sheets fill as many fields
/// (the person is asked).
pub fn guess_sheet(header: &[String]) -> Option<Sheet> {
    let mut best: Option<(Sheet, usize)> = None;
    let mut tied = false;
    for sheet in Sheet::ALL {
        let matched: Vec<Column> = match_columns(sheet, header).into_iter().flatten().collect();
        if !sheet.has_key(&matched) {
            continue;
        }
        match best {
            Some((_, most)) if matched.len() < most => {}
            Some((_, most)) if matched.len() == most => tied = true,
            _ => {
                best = Some((sheet, matched.len()));
                tied = false;
            }
        }
    }
    best.filter(|_| !tied).map(|(sheet, _)| sheet)
}
