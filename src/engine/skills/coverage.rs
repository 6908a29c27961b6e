//! Who holds each skill: gaps, key people, skills needed but missing, and
//! certifications to renew.

use super::*;

/// What kind of coverage problem a finding is, in the order findings are
/// listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoverageKind {
    /// A catalogue skill nobody employed during the horizon holds.
    NobodyHoldsIt,
    /// A catalogue skill exactly one person employed during the horizon
    /// holds: bus factor 1.
    KeyPerson,
    /// A skill an open activity requires at a level nobody employed during
    /// the horizon reaches.
    NeededButMissing,
    /// A certification that expires between today and the horizon's end.
    CertificationExpiring,
}

impl CoverageKind {
    /// The label a person reads.
    pub fn label(self) -> &'static str {
        match self {
            CoverageKind::NobodyHoldsIt => "Nobody holds it",
            CoverageKind::KeyPerson => "Key person",
            CoverageKind::NeededButMissing => "Needed but missing",
            CoverageKind::CertificationExpiring => "Certification expiring",
        }
    }
}

/// One coverage problem.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageFinding {
    pub kind: CoverageKind,
    /// The skill concerned; none for a certification.
    pub skill: Option<SkillId>,
    /// The key person, or the holder of the expiring certification.
    pub person: Option<PersonId>,
    /// What was found, in a sentence.
    pub message: String,
}

/// The coverage problems of `plan` as of `today`, by kind in the order of
/// [`CoverageKind`], then by skill id (or person id for certifications).
/// No plan makes this panic.
pub fn coverage(plan: &Plan, today: NaiveDate) -> Vec<CoverageFinding> {
    let (horizon_first, horizon_last) = horizon_days(plan);
    let employed: Vec<&Person> = plan
        .people
        .iter()
        .filter(|person| employed_between(person, horizon_first, horizon_last))
        .collect();

    // Every (skill, level, person) an employed person lists, the first entry
    // of a skill only (as `Person::skill_level` reads it), in skill order.
    let mut held: Vec<(SkillId, u8, PersonId)> = Vec::new();
    for person in &employed {
        for (place, level) in person.skills.iter().enumerate() {
            if person.skills[..place]
                .iter()
                .any(|earlier| earlier.skill == level.skill)
            {
                continue;
            }
            held.push((level.skill, level.level, person.id));
        }
    }
    sort_by_number(&mut held, |(skill, _, person)| {
        u64::from(skill.0) << 32 | u64::from(person.0)
    });
    let held_of = |skill: SkillId| -> &[(SkillId, u8, PersonId)] {
        let from = held.partition_point(|(known, _, _)| *known < skill);
        let to = held.partition_point(|(known, _, _)| *known <= skill);
        &held[from..to.max(from)]
    };

    let mut catalogue: Vec<(SkillId, usize)> = plan
        .skills
        .iter()
        .enumerate()
        .map(|(index, skill)| (skill.id, index))
        .collect();
    sort_by_number(&mut catalogue, |(id, _)| id.0.into());
    catalogue.dedup_by_key(|(id, _)| *id);

    let mut nobody: Vec<CoverageFinding> = Vec::new();
    let mut key_people: Vec<CoverageFinding> = Vec::new();
    for (id, index) in &catalogue {
        let name = &plan.skills[*index].name;
        let mut holders = held_of(*id)
            .iter()
            .filter(|(_, level, _)| *level >= WORKING_LEVEL);
        match (holders.next(), holders.next()) {
            (None, _) => nobody.push(CoverageFinding {
                kind: CoverageKind::NobodyHoldsIt,
                skill: Some(*id),
                person: None,
                message: format!(
                    "Nobody holds {name} at working level (2) or above during the horizon."
                ),
            }),
            (Some((_, level, person)), None) => key_people.push(CoverageFinding {
                kind: CoverageKind::KeyPerson,
                skill: Some(*id),
                person: Some(*person),
                message: format!(
                    "Only {} holds {name} (level {level}): bus factor 1.",
                    plan.person_name(*person)
                ),
            }),
            (Some(_), Some(_)) => {}
        }
    }

    // (skill, level needed, activity index) of every requirement of an open
    // activity nobody reaches, in skill order, then plan order.
    let mut missing: Vec<(SkillId, u8, usize)> = Vec::new();
    for (index, activity) in plan.activities.iter().enumerate() {
        if activity.status == Status::Done {
            continue;
        }
        for (place, requirement) in activity.required_skills.iter().enumerate() {
            let repeated = activity.required_skills[..place]
                .iter()
                .any(|earlier| earlier.skill == requirement.skill);
            if repeated || requirement.min_level == 0 {
                continue;
            }
            let best = best_level(held_of(requirement.skill));
            if best < requirement.min_level {
                missing.push((requirement.skill, requirement.min_level, index));
            }
        }
    }
    sort_by_number(&mut missing, |(skill, _, _)| skill.0.into());
    let mut needed: Vec<CoverageFinding> = Vec::new();
    for group in missing.chunk_by(|a, b| a.0 == b.0) {
        let skill = group[0].0;
        let list: Vec<String> = group
            .iter()
            .map(|(_, level, index)| format!("'{}' ({level})", plan.activities[*index].title))
            .collect();
        let verb = if group.len() == 1 { "needs" } else { "need" };
        needed.push(CoverageFinding {
            kind: CoverageKind::NeededButMissing,
            skill: Some(skill),
            person: None,
            message: format!(
                "{} {verb} {} at a level nobody reaches; the highest held is {}.",
                join_and(&list),
                skill_name(plan, skill),
                best_level(held_of(skill))
            ),
        });
    }

    let today_number = day_number(today);
    let horizon_end = date_of(horizon_last).map_or_else(String::new, |end| format!(" on {end}"));
    let mut expiring: Vec<(PersonId, i64, CoverageFinding)> = Vec::new();
    for person in &employed {
        for certification in &person.certifications {
            let Some(expires) = certification.expires else {
                continue;
            };
            let expires_number = day_number(expires);
            if expires_number < today_number || expires_number > horizon_last {
                continue;
            }
            expiring.push((
                person.id,
                expires_number,
                CoverageFinding {
                    kind: CoverageKind::CertificationExpiring,
                    skill: None,
                    person: Some(person.id),
                    message: format!(
                        "{}'s '{}' certification expires on {expires}, before the horizon ends{horizon_end}.",
                        person.name,
                        certification.name.trim()
                    ),
                },
            ));
        }
    }
    // Every date chrono holds is a day number within ±2^31.
    sort_by_number(&mut expiring, |(person, expires, _)| {
        u64::from(person.0) << 32
            | (expires.clamp(&-(1 << 31), &((1 << 31) - 1)) + (1 << 31)) as u64
    });

    let mut findings = nobody;
    findings.append(&mut key_people);
    findings.append(&mut needed);
    findings.extend(expiring.into_iter().map(|(_, _, finding)| finding));
    findings
}
