//! Copies of a plan made to share: the client-safe copy leaves out what is
//! internal to the firm (cost rates, bill rates, fixed fees, hours budgets,
//! billable targets and who is billable or a contractor: everything a
//! margin can be worked out from; people's email addresses, which are
//! personal data; the budget and headcount notes, the hiring plan, notes on
//! leave and support, the check-in log, tentative pipeline work and its
//! scenarios) and can put people's roles in place of their names. It is
//! marked (`Plan::client_copy`, `"profile": "client-safe"` in the file), so
//! it can never replace the full plan by mistake.

use crate::model::{
    sort_by_number, ActivityId, Assignee, Billing, Commitment, Employment, PersonId, Plan,
    SkillRequirement,
};

/// What a client-safe copy does beyond leaving out the internal parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClientSafe {
    /// People are named by their role ("Cloud Architect"; "Cloud Engineer
    /// 1" and "Cloud Engineer 2" when two share it); "Team member" when
    /// they have none.
    pub names_as_roles: bool,
}

/// The client-safe copy of `plan` (still a valid plan).
pub fn client_safe(plan: &Plan, options: ClientSafe) -> Plan {
    let mut copy = plan.clone();
    copy.client_copy = true;
    copy.resources.budget = None;
    copy.resources.currency.clear();
    copy.resources.headcount_note.clear();
    copy.checkins.clear();

    // Tentative work: the allocations, their scenarios, and the activities
    // still in the pipeline with everything that points at them.
    copy.allocations
        .retain(|allocation| allocation.commitment == Commitment::Confirmed);
    copy.scenarios.clear();
    let mut pipeline: Vec<ActivityId> = copy
        .activities
        .iter()
        .filter(|activity| activity.commitment == Commitment::Tentative)
        .map(|activity| activity.id)
        .collect();
    // Sorted, so each look-up is a binary search: a plan of thousands of
    // activities and dependencies would otherwise take minutes.
    sort_by_number(&mut pipeline, |id| id.0.into());
    let in_pipeline = |id: &ActivityId| pipeline.binary_search(id).is_ok();
    copy.activities
        .retain(|activity| !in_pipeline(&activity.id));
    for activity in &mut copy.activities {
        activity
            .depends_on
            .retain(|dependency| !in_pipeline(dependency));
    }
    copy.allocations
        .retain(|allocation| !in_pipeline(&allocation.activity));
    copy.priority_pins.retain(|pin| !in_pipeline(&pin.activity));

    // Rates and margins never leave: no price, budget or billable flag.
    for activity in &mut copy.activities {
        activity.billable = false;
        activity.billing = Billing::NotBilled;
        activity.budget_hours = None;
    }
    // The hiring plan is internal (with its cost rates): work given to an
    // open role shows as a role still to staff.
    let roles = &copy.roles;
    for allocation in &mut copy.allocations {
        if let Assignee::Role(id) = allocation.assignee {
            // Roles are in id order: a binary search, not a scan per
            // allocation.
            let found = roles
                .binary_search_by(|role| role.id.cmp(&id))
                .ok()
                .map(|at| &roles[at]);
            let (role, skills) = match found {
                Some(role) => (
                    role.title.clone(),
                    role.skills
                        .iter()
                        .map(|held| SkillRequirement {
                            skill: held.skill,
                            min_level: held.level,
                        })
                        .collect(),
                ),
                None => ("Open role".to_string(), Vec::new()),
            };
            allocation.assignee = Assignee::Placeholder { role, skills };
        }
    }
    copy.roles.clear();

    // A role two people share is numbered for each of them ("Service Desk
    // Analyst 1", "Service Desk Analyst 2"); a role held once is not.
    let role_of = |role: &str| match role.trim() {
        "" => "Team member".to_string(),
        role => role.to_string(),
    };
    let mut roles_named: Vec<(String, u32, u32)> = Vec::new();
    for person in &copy.people {
        let role = role_of(&person.role);
        match roles_named.iter_mut().find(|(name, _, _)| *name == role) {
            Some((_, total, _)) => *total += 1,
            None => roles_named.push((role, 1, 0)),
        }
    }
    for person in &mut copy.people {
        // Personal data, and it would name whoever `names_as_roles` hides.
        person.email.clear();
        person.cost_rate = None;
        person.billable_target = None;
        person.employment = Employment::Employee;
        for leave in &mut person.leave {
            leave.note.clear();
        }
        for period in &mut person.support_periods {
            period.note.clear();
        }
        if options.names_as_roles {
            let role = role_of(&person.role);
            person.name = match roles_named.iter_mut().find(|(name, _, _)| *name == role) {
                Some((_, total, seen)) if *total > 1 => {
                    *seen += 1;
                    format!("{role} {seen}")
                }
                _ => role,
            };
        }
    }
    copy
}

/// The client-safe copy of `plan` for one client (see [`client_safe`]):
/// only that client's work (its name compared without ASCII case or
/// surrounding spaces), the people booked on it, owning it or on its RACI lists, and
/// nothing of other clients or of the ops plan's goal, metrics and
/// meetings. A report or a file made from it can go to that client.
pub fn for_client(plan: &Plan, client: &str, options: ClientSafe) -> Plan {
    let wanted = client.trim();
    let mut only = plan.clone();
    only.activities
        .retain(|activity| activity.client.trim().eq_ignore_ascii_case(wanted));
    let mut kept: Vec<ActivityId> = only.activities.iter().map(|a| a.id).collect();
    sort_by_number(&mut kept, |id| id.0.into());
    let is_kept = |id: &ActivityId| kept.binary_search(id).is_ok();
    only.allocations
        .retain(|allocation| is_kept(&allocation.activity));
    only.priority_pins.retain(|pin| is_kept(&pin.activity));
    for activity in &mut only.activities {
        activity.depends_on.retain(|dependency| is_kept(dependency));
    }
    for checkin in &mut only.checkins {
        checkin.entries.retain(|entry| is_kept(&entry.activity));
    }
    // The people of this client's work, and nobody else.
    let mut team: Vec<PersonId> = Vec::new();
    for activity in &only.activities {
        team.extend(activity.owner);
        team.extend(
            activity
                .responsible
                .iter()
                .chain(&activity.consulted)
                .chain(&activity.informed),
        );
    }
    for allocation in &only.allocations {
        if let Assignee::Person(person) = allocation.assignee {
            team.push(person);
        }
    }
    sort_by_number(&mut team, |id| id.0.into());
    team.dedup();
    only.people
        .retain(|person| team.binary_search(&person.id).is_ok());
    // The ops plan's goal, metrics and meetings are the firm's own.
    only.name = format!("Work for {}", client.trim());
    only.goal = Default::default();
    only.metrics.clear();
    only.cadences.clear();
    only.resources.tooling.clear();
    client_safe(&only, options)
}

/// The longest share link offered, in characters: chat tools and mail
/// clients cut or refuse longer ones; a larger plan goes as a file.
pub const SHARE_LINK_LIMIT: usize = 32_000;

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Bytes as unpadded base64url (RFC 4648 §5), safe in a URL fragment.
pub fn to_base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, byte)| n | u32::from(*byte) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(BASE64URL[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Unpadded (or padded) base64url back to bytes; none when a character is
/// not base64url or the length cannot be.
pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let value = BASE64URL.iter().position(|known| known == c)? as u32;
            n |= value << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::validate;
    use crate::persist::{decode, encode};
    use crate::test_support::{demo, today};

    #[test]
    fn base64url_round_trips_every_length() {
        for (bytes, text) in [
            (&b""[..], ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (&[0xfb, 0xff, 0xfe][..], "-__-"),
        ] {
            assert_eq!(to_base64url(bytes), text);
            assert_eq!(from_base64url(text).as_deref(), Some(bytes));
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(from_base64url(&to_base64url(&all)), Some(all));
        assert_eq!(from_base64url("Zg=="), Some(b"f".to_vec()));
        for bad in ["Z", "Zm9v!", "Zm+v", "a b"] {
            assert_eq!(from_base64url(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_client_copy_leaves_out_what_is_internal() {
        // The demo's pipeline is its three deals (act-16 to act-18), with
        // their tentative allocations, two of them in a scenario. Nothing
        // may depend on a deal, so to see that what points at pipeline
        // work goes too, the tenant baseline (act-3), which the security
        // sign-off (act-5) waits on, is made a tentative initiative.
        let mut plan = demo();
        let baseline = plan
            .activities
            .iter_mut()
            .find(|activity| activity.id == ActivityId(3))
            .expect("act-3");
        baseline.commitment = Commitment::Tentative;
        assert!(validate::errors(&plan).is_empty(), "a valid plan");
        let copy = client_safe(&plan, ClientSafe::default());
        assert!(copy.client_copy);
        assert!(validate::errors(&copy).is_empty(), "still a valid plan");
        // The demo has cost rates, a budget, a check-in, leave notes and
        // tentative work in a scenario.
        assert!(plan.people.iter().any(|person| person.cost_rate.is_some()));
        assert!(copy.people.iter().all(|person| person.cost_rate.is_none()));
        assert!(copy
            .people
            .iter()
            .flat_map(|person| &person.leave)
            .all(|leave| leave.note.is_empty()));
        assert_eq!(copy.resources.budget, None);
        assert!(copy.resources.headcount_note.is_empty());
        assert!(copy.checkins.is_empty());
        assert!(plan
            .allocations
            .iter()
            .any(|allocation| allocation.scenario.is_some()));
        assert!(copy.scenarios.is_empty());
        assert!(copy
            .allocations
            .iter()
            .all(|allocation| allocation.commitment == Commitment::Confirmed));
        let titles: Vec<&str> = copy.activities.iter().map(|a| a.title.as_str()).collect();
        for pipeline in [
            "Automated Microsoft 365 tenant baseline",
            "Microsoft 365 and Intune rollout",
            "Penetration test and security uplift",
            "Kubernetes managed service",
        ] {
            assert!(!titles.contains(&pipeline), "{pipeline}");
        }
        assert_eq!(copy.activities.len(), plan.activities.len() - 4);
        assert!(copy
            .activities
            .iter()
            .all(|activity| activity.deal.is_none()));
        // The baseline's allocation (alc-4) was confirmed: it goes with it.
        assert!(copy
            .allocations
            .iter()
            .all(|allocation| allocation.activity != ActivityId(3)));
        // act-5 waited on act-3 too; it now waits on act-2 only.
        let security = copy
            .activities
            .iter()
            .find(|activity| activity.title.starts_with("Security baseline"))
            .expect("kept");
        assert_eq!(security.depends_on, [ActivityId(2)]);
        // Names stay unless asked.
        assert_eq!(copy.people[1].name, "Tom Becker");
    }

    #[test]
    fn emails_never_leave_in_a_client_copy() {
        let plan = demo();
        assert!(plan.people.iter().all(|person| !person.email.is_empty()));
        for names_as_roles in [false, true] {
            let copy = client_safe(&plan, ClientSafe { names_as_roles });
            assert!(copy.people.iter().all(|person| person.email.is_empty()));
            let text = encode(&copy);
            assert!(!text.contains("\"email\""), "an email in {text}");
            assert!(!text.contains('@'), "an address in {text}");
            assert_eq!(decode(&text), Ok(copy));
        }
        let for_woodgrove = for_client(&plan, "Woodgrove Bank", ClientSafe::default());
        assert!(!for_woodgrove.people.is_empty());
        assert!(!encode(&for_woodgrove).contains('@'));
    }

    #[test]
    fn rates_and_margins_never_leave_in_a_client_copy() {
        let mut plan = demo();
        // Work on the open role, confirmed, so that it stays in the copy.
        let role = plan.roles[0].id;
        plan.allocations[1].assignee = Assignee::Role(role);
        let copy = client_safe(&plan, ClientSafe::default());
        assert!(validate::errors(&copy).is_empty(), "still a valid plan");
        // The demo has bill rates, a fixed fee, budgets, targets, a
        // contractor and an open role with a cost rate.
        assert!(plan
            .activities
            .iter()
            .any(|a| matches!(a.billing, Billing::FixedFee { .. })));
        assert!(plan.activities.iter().any(|a| a.budget_hours.is_some()));
        assert!(plan.people.iter().any(|p| p.billable_target.is_some()));
        assert!(plan
            .people
            .iter()
            .any(|p| p.employment == Employment::Contractor));
        assert!(copy.activities.iter().all(|activity| {
            !activity.billable
                && activity.billing == Billing::NotBilled
                && activity.budget_hours.is_none()
        }));
        assert!(copy.people.iter().all(|person| person.cost_rate.is_none()
            && person.billable_target.is_none()
            && person.employment == Employment::Employee));
        assert!(copy.roles.is_empty());
        assert_eq!(
            copy.allocations[1].assignee,
            Assignee::Placeholder {
                role: "Cloud Engineer".to_string(),
                skills: plan.roles[0]
                    .skills
                    .iter()
                    .map(|held| SkillRequirement {
                        skill: held.skill,
                        min_level: held.level,
                    })
                    .collect(),
            }
        );
        // Nor does any trace of them reach the file.
        let text = encode(&copy);
        for field in [
            "\"bill_rate\": 1",
            "\"fixed_fee\": 9",
            "\"cost_rate\": 5",
            "\"billable_target\": 0",
            "\"contractor\"",
            "\"budget_hours\": 1",
            "\"roles\": [\n",
        ] {
            assert!(!text.contains(field), "{field} in {text}");
        }
        // The RACI and the cadences are not money: they stay.
        assert_eq!(
            copy.activities[1].responsible,
            plan.activities[1].responsible
        );
        assert_eq!(copy.cadences, plan.cadences);
    }

    #[test]
    fn names_can_become_roles_and_stay_distinct() {
        let copy = client_safe(
            &demo(),
            ClientSafe {
                names_as_roles: true,
            },
        );
        let names: Vec<&str> = copy.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Head of Delivery",
                "Cloud Architect",
                "Cloud Engineer",
                "DevOps Engineer 1",
                "DevOps Engineer 2",
                "Security Lead",
                "Security Analyst",
                "Service Desk Lead",
                "Service Desk Analyst 1",
                "Service Desk Analyst 2",
                "Microsoft 365 Consultant",
                "Microsoft 365 Consultant (new hire)",
                "Network and Security Engineer",
                "Service Desk Analyst 3",
                "Cloud Engineer (AWS)",
            ]
        );
    }

    #[test]
    fn the_file_says_it_is_a_client_copy_and_keeps_saying_it() {
        let copy = client_safe(&demo(), ClientSafe::default());
        let text = encode(&copy);
        assert!(text.starts_with(
            "{\n  \"format\": \"opsboard-plan\",\n  \"version\": 5,\n  \"profile\": \"client-safe\",\n  \"plan\": {"
        ));
        let read = decode(&text).expect("a client copy opens");
        assert!(read.client_copy);
        assert_eq!(read, copy);
        // A full plan's file has no profile.
        assert!(!encode(&demo()).contains("\"profile\""));
        let unknown = text.replacen("\"client-safe\"", "\"partner\"", 1);
        assert_eq!(
            decode(&unknown).expect_err("refused").to_string(),
            "profile: \"partner\" is not a profile this app knows; a client copy says \"client-safe\""
        );
    }

    #[test]
    fn a_client_copy_never_replaces_a_full_plan() {
        use crate::command::{apply, Command};
        let full = demo();
        let copy = client_safe(&full, ClientSafe::default());
        let refused = apply(
            &full,
            &Command::ReplacePlan(Box::new(copy.clone())),
            today(),
        )
        .expect_err("refused");
        assert!(refused
            .to_string()
            .starts_with("This file is a client copy"));
        // A client copy may replace another client copy (a client's update).
        let applied = apply(
            &copy,
            &Command::ReplacePlan(Box::new(copy.clone())),
            today(),
        );
        assert!(applied.is_ok());
    }

    #[test]
    fn a_copy_for_one_client_holds_that_clients_work_and_team_only() {
        // Woodgrove Bank: its service desk contract (act-8: James, Mei,
        // Ben, Oliver and Priya) and its zero-trust rollout (act-13: Daniel,
        // Chloé, Priya and Sofia), whatever case its name is asked in.
        let full = demo();
        let copy = for_client(&full, " woodgrove BANK ", ClientSafe::default());
        let work: Vec<u32> = copy
            .activities
            .iter()
            .map(|activity| activity.id.0)
            .collect();
        assert_eq!(work, [8, 13]);
        let names: Vec<&str> = copy
            .people
            .iter()
            .map(|person| person.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "Priya Raman",
                "Daniel Ortiz",
                "Sofia Lindqvist",
                "James O'Connor",
                "Mei Chen",
                "Oliver Grant",
                "Chloé Martin",
                "Ben Okafor"
            ]
        );
        assert!(copy
            .allocations
            .iter()
            .all(|allocation| [8, 13].contains(&allocation.activity.0)));
        // Nothing of other clients, of the ops plan or of money.
        let text = encode(&copy);
        for other in [
            "Tailspin",
            "Northwind",
            "Contoso",
            "Litware",
            "Fabrikam",
            "onboarding",
        ] {
            assert!(!text.contains(other), "{other} is in the copy");
        }
        assert!(copy.client_copy && copy.metrics.is_empty() && copy.cadences.is_empty());
        assert_eq!(copy.name, "Work for woodgrove BANK");
        assert_eq!(crate::engine::validate::errors(&copy), Vec::new());
        assert_eq!(decode(&text), Ok(copy.clone()));
        // By role, as the client copy names them.
        let by_role = for_client(
            &full,
            "Woodgrove Bank",
            ClientSafe {
                names_as_roles: true,
            },
        );
        assert!(by_role
            .people
            .iter()
            .all(|person| !person.name.contains("Okafor")));
        // A client with no work gets an empty plan, still valid.
        let nobody = for_client(&full, "Unknown Ltd", ClientSafe::default());
        assert!(nobody.activities.is_empty() && nobody.people.is_empty());
        assert_eq!(crate::engine::validate::errors(&nobody), Vec::new());
    }
}
