//! The command-line tool `opsboard-plan` run as a program on plan files in a
//! temporary folder: exit statuses, what it says, the files it writes, and
//! the merge driver inside a real `git merge`. The files are the demo
//! (`tests/data/v5/demo.opsboard.json`) and copies of it edited in Rust.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::Duration;
use opsboard::model::{ActivityId, Person, PersonId, Plan};
use opsboard::persist;
use opsboard::persist::edits::Edit;

const DEMO: &str = "tests/data/v5/demo.opsboard.json";
/// The demo's act-2, whose deadline is 2026-12-25.
const LANDING_ZONE: ActivityId = ActivityId(2);

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(name)
}

/// The demo as the file `DEMO` holds it, not the `demo()` of
/// `tests/support`: the tool runs on that file, so the edited copies start
/// from the same plan.
fn demo() -> Plan {
    let text = fs::read_to_string(data(DEMO)).expect("the demo file exists");
    persist::decode(&text).expect("the demo opens")
}

/// The demo with `edit` made, in canonical order as a saved plan is.
fn edited(edit: impl FnOnce(&mut Plan)) -> Plan {
    let mut plan = demo();
    edit(&mut plan);
    plan.sort_canonically();
    plan
}

fn later_deadline(plan: &mut Plan) {
    let activity = activity(plan, LANDING_ZONE);
    activity.deadline = activity.deadline.map(|date| date + Duration::days(7));
}

fn fewer_hours(plan: &mut Plan) {
    person(plan, PersonId(2)).weekly_hours = 32.0;
}

fn retitled(title: &'static str) -> impl FnOnce(&mut Plan) {
    move |plan| activity(plan, LANDING_ZONE).title = title.to_string()
}

fn new_person(plan: &mut Plan) {
    let mut nora: Person = plan.people[0].clone();
    nora.id = PersonId::next_after(plan.people.iter().map(|person| &person.id));
    nora.name = "Nora Quinn".to_string();
    nora.email = "nora.quinn@example.com".to_string();
    plan.people.push(nora);
}

fn activity(plan: &mut Plan, id: ActivityId) -> &mut opsboard::model::Activity {
    plan.activities
        .iter_mut()
        .find(|activity| activity.id == id)
        .expect("the demo has this activity")
}

fn person(plan: &mut Plan, id: PersonId) -> &mut Person {
    plan.people
        .iter_mut()
        .find(|person| person.id == id)
        .expect("the demo has this person")
}

/// An empty folder of its own for one test.
fn temp_folder(test: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("opsboard-cli-{}-{test}", std::process::id()));
    let _ = fs::remove_dir_all(&folder);
    fs::create_dir_all(&folder).expect("create the temporary folder");
    folder
}

fn write_plan(folder: &Path, name: &str, plan: &Plan) -> PathBuf {
    let path = folder.join(name);
    fs::write(&path, persist::encode(plan)).expect("write the plan file");
    path
}

fn read_plan(path: &Path) -> Plan {
    let text = fs::read_to_string(path).expect("the plan file exists");
    assert!(!text.contains("<<<<<<<"), "conflict markers in {text}");
    persist::decode(&text).unwrap_or_else(|error| panic!("{} opens: {error}", path.display()))
}

fn opsboard_plan(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opsboard-plan"))
        .args(args.iter().map(|arg| arg.as_ref()))
        .output()
        .expect("the tool runs")
}

/// The run ended with `status` and its standard output and error, together,
/// contain each of `expected`.
fn check(output: &Output, status: i32, expected: &[&str]) -> String {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.status.code(), Some(status), "{text}");
    for part in expected {
        assert!(text.contains(part), "{part:?} is missing from:\n{text}");
    }
    text
}

#[test]
fn help_and_usage_errors_have_their_exit_statuses() {
    check(
        &opsboard_plan(&[&"--help"]),
        0,
        &["Usage:", "merge BASE OURS THEIRS"],
    );
    check(&opsboard_plan(&[&"merge", &"-h"]), 0, &["Usage:"]);
    check(&opsboard_plan(&[]), 2, &["Usage:"]);
    let cases: [(&[&str], &str); 6] = [
        (&["frob"], "unknown command “frob”"),
        (&["diff", "one.json"], "expected OLD NEW, got 1 file name"),
        (
            &["merge", "a", "b", "c", "--out", "x"],
            "unknown option “--out”",
        ),
        (&["merge", "a", "b", "c", "-o"], "-o needs a value"),
        (
            &["export", "pdf", "a"],
            "export writes csv or ics, not “pdf”",
        ),
        (
            &["export", "csv", "a", "--sheet", "money"],
            "--sheet is one of",
        ),
    ];
    for (args, message) in cases {
        let args: Vec<&dyn AsRef<std::ffi::OsStr>> = args
            .iter()
            .map(|arg| arg as &dyn AsRef<std::ffi::OsStr>)
            .collect();
        check(&opsboard_plan(&args), 2, &[message, "opsboard-plan --help"]);
    }
}

#[test]
fn validate_says_what_a_file_holds_or_names_the_field_that_is_wrong() {
    let folder = temp_folder("validate");
    let demo_path = data(DEMO);
    check(
        &opsboard_plan(&[&"validate", &demo_path]),
        0,
        &["demo.opsboard.json: ok (plan “Faster client onboarding”, format version 5, 15 people,"],
    );
    check(
        &opsboard_plan(&[&"validate", &data("tests/data/v1/minimal.opsboard.json")]),
        0,
        &["ok (plan “Minimal plan”, format version 1, 0 people, 1 activity,"],
    );

    let text = fs::read_to_string(&demo_path).expect("the demo");
    let bad_date = folder.join("bad-date.opsboard.json");
    fs::write(
        &bad_date,
        text.replacen(
            "\"deadline\": \"2026-12-25\"",
            "\"deadline\": \"2026-13-45\"",
            1,
        ),
    )
    .expect("write");
    let cut = folder.join("cut.opsboard.json");
    fs::write(&cut, &text[..300]).expect("write");
    // Every file is checked; one that does not open makes the status 1.
    check(
        &opsboard_plan(&[&"validate", &demo_path, &bad_date, &cut, &folder.join("none.json")]),
        1,
        &[
            "demo.opsboard.json: ok",
            "bad-date.opsboard.json: plan.activities[1].deadline: \"2026-13-45\" is not a real date",
            "cut.opsboard.json: The file is not valid JSON (line 11, column 17",
            "none.json: cannot be read",
        ],
    );
}

#[test]
fn diff_says_in_words_what_the_new_file_changed() {
    let folder = temp_folder("diff");
    let old = write_plan(&folder, "old.opsboard.json", &demo());
    let new = write_plan(
        &folder,
        "new.opsboard.json",
        &edited(|plan| {
            later_deadline(plan);
            new_person(plan);
        }),
    );
    let text = check(&opsboard_plan(&[&"diff", &old, &new]), 0, &[]);
    assert_eq!(
        text,
        "People\n  Person “Nora Quinn”: added: Head of Delivery, 40 h a week\n\
         Activities\n  Activity “Standard Azure landing zone in Terraform”: deadline: 2026-12-25 → 2027-01-01 (7 days later)\n"
    );
    // The other way round it reads as the undoing.
    check(
        &opsboard_plan(&[&"diff", &new, &old]),
        0,
        &[
            "Person “Nora Quinn”: removed",
            "2027-01-01 → 2026-12-25 (7 days earlier)",
        ],
    );
    check(
        &opsboard_plan(&[&"diff", &old, &old]),
        0,
        &["No differences."],
    );
}

#[test]
fn merge_takes_their_edits_of_other_things() {
    let folder = temp_folder("merge-clean");
    let base = write_plan(&folder, "base.opsboard.json", &demo());
    let ours = write_plan(&folder, "ours.opsboard.json", &edited(fewer_hours));
    let theirs = write_plan(&folder, "theirs.opsboard.json", &edited(later_deadline));
    check(
        &opsboard_plan(&[&"merge", &base, &ours, &theirs]),
        0,
        &["Merged plan “Faster client onboarding”: took 1 change of theirs (Activities 1); no conflicts."],
    );
    let both = edited(|plan| {
        fewer_hours(plan);
        later_deadline(plan);
    });
    assert_eq!(read_plan(&ours), both);

    // -o writes elsewhere and leaves ours alone.
    let ours = write_plan(&folder, "ours.opsboard.json", &edited(fewer_hours));
    let out = folder.join("out.opsboard.json");
    check(
        &opsboard_plan(&[&"merge", &base, &ours, &theirs, &"-o", &out]),
        0,
        &[],
    );
    assert_eq!(read_plan(&out), both);
    assert_eq!(read_plan(&ours), edited(fewer_hours));

    // Who wrote each side stays in the merged file, newest first.
    let dana = Edit::new("Dana", "2026-12-07T10:00:00Z", "Fewer hours");
    let sam = Edit::new("Sam", "2026-12-07T10:05:00Z", "Later deadline");
    let ours = folder.join("ours.opsboard.json");
    fs::write(
        &ours,
        persist::encode_file(&edited(fewer_hours), std::slice::from_ref(&dana)),
    )
    .expect("writes");
    fs::write(
        &theirs,
        persist::encode_file(&edited(later_deadline), std::slice::from_ref(&sam)),
    )
    .expect("writes");
    check(&opsboard_plan(&[&"merge", &base, &ours, &theirs]), 0, &[]);
    let (plan, edits) =
        persist::decode_file(&fs::read_to_string(&ours).expect("reads")).expect("opens");
    assert_eq!(plan, both);
    assert_eq!(edits, [sam, dana]);
}

#[test]
fn merge_of_one_field_changed_twice_keeps_ours_reports_it_and_fails() {
    let folder = temp_folder("merge-conflict");
    let base = write_plan(&folder, "base.opsboard.json", &demo());
    let ours = write_plan(
        &folder,
        "ours.opsboard.json",
        &edited(retitled("Landing zone (ours)")),
    );
    let theirs = write_plan(
        &folder,
        "theirs.opsboard.json",
        &edited(|plan| {
            retitled("Landing zone (theirs)")(plan);
            later_deadline(plan);
        }),
    );
    check(
        &opsboard_plan(&[&"merge", &base, &ours, &theirs]),
        1,
        &[
            "1 conflict.",
            "ours.opsboard.json: 1 change both sides made differently; ours is kept for it.",
            "Activity “Landing zone (theirs)”: title: Landing zone (ours) → Landing zone (theirs)",
            "ours.opsboard.json: written as ours with 1 change of theirs; it opens in Opsboard.",
            "Compare and merge",
        ],
    );
    // The file opens: ours for the title, their other change taken.
    let merged = read_plan(&ours);
    assert_eq!(
        merged,
        edited(|plan| {
            retitled("Landing zone (ours)")(plan);
            later_deadline(plan);
        })
    );
}

#[test]
fn merge_with_a_file_that_does_not_open_writes_nothing() {
    let folder = temp_folder("merge-unreadable");
    let base = write_plan(&folder, "base.opsboard.json", &demo());
    let ours = write_plan(&folder, "ours.opsboard.json", &edited(fewer_hours));
    let before = fs::read(&ours).expect("ours");
    let theirs = folder.join("theirs.opsboard.json");
    fs::write(&theirs, "{\"format\": \"opsboard-plan\", \"version\": 99}").expect("write");
    check(
        &opsboard_plan(&[&"merge", &base, &ours, &theirs]),
        1,
        &["theirs.opsboard.json: This plan was saved by a newer Opsboard (file format version 99)"],
    );
    assert_eq!(fs::read(&ours).expect("ours"), before, "ours is untouched");
}

#[test]
fn export_writes_the_spreadsheets_and_the_calendar() {
    let folder = temp_folder("export");
    let demo_path = data(DEMO);
    let output = opsboard_plan(&[&"export", &"csv", &demo_path]);
    check(&output, 0, &[]);
    assert_eq!(
        output.stdout,
        fs::read(data("tests/data/exports/demo-activities.csv")).expect("expected")
    );
    let output = opsboard_plan(&[&"export", &"csv", &demo_path, &"--sheet", &"people"]);
    assert!(String::from_utf8_lossy(&output.stdout)
        .starts_with("Name,Email,Role,Team,Weekly hours,Working days,"));

    let calendar = folder.join("plan.ics");
    let args: [&dyn AsRef<std::ffi::OsStr>; 9] = [
        &"export",
        &"ics",
        &demo_path,
        &"--app-url",
        &"https://ops.example.com/board/",
        &"--today",
        &"2026-11-23",
        &"-o",
        &calendar,
    ];
    check(&opsboard_plan(&args), 0, &[]);
    assert_eq!(
        fs::read(&calendar).expect("written"),
        fs::read(data("tests/data/exports/demo.ics")).expect("expected")
    );
    // Without a date the clock's is stamped; the calendar starts the same.
    let output = opsboard_plan(&[&"export", &"ics", &demo_path]);
    check(&output, 0, &[]);
    assert!(String::from_utf8_lossy(&output.stdout).starts_with(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Opsboard//Opsboard plan//EN\r\n"
    ));
    check(
        &opsboard_plan(&[&"export", &"ics", &demo_path, &"--today", &"23.11.2026"]),
        2,
        &["--today is a date like 2026-11-23"],
    );
}

/// `git` in `repository`, isolated from the user's and the system's
/// configuration.
fn git(repository: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(repository)
        .env("HOME", repository)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .expect("git runs")
}

fn git_ok(repository: &Path, args: &[&str]) {
    let output = git(repository, args);
    assert!(
        output.status.success(),
        "git {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// On branch `branch` made from `from`, the plan file with `edit` made,
/// committed.
fn commit_edit(repository: &Path, from: &str, branch: &str, edit: impl FnOnce(&mut Plan)) {
    git_ok(repository, &["checkout", "-q", "-b", branch, from]);
    let file = repository.join("plan.opsboard.json");
    let mut plan = read_plan(&file);
    edit(&mut plan);
    plan.sort_canonically();
    fs::write(&file, persist::encode(&plan)).expect("write the plan file");
    git_ok(repository, &["commit", "-q", "-am", branch]);
}

#[test]
fn git_merges_plan_files_through_the_driver() {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("note: git is not on PATH; the merge driver test is skipped");
        return;
    }
    let repository = temp_folder("git");
    let driver = format!(
        "'{}' merge %O %A %B --name %P",
        env!("CARGO_BIN_EXE_opsboard-plan")
    );
    git_ok(&repository, &["init", "-q", "-b", "main"]);
    for (key, value) in [
        ("user.name", "Test"),
        ("user.email", "test@example.com"),
        ("commit.gpgsign", "false"),
        ("merge.opsboard.name", "Opsboard plan merge"),
        ("merge.opsboard.driver", driver.as_str()),
    ] {
        git_ok(&repository, &["config", key, value]);
    }
    fs::write(
        repository.join(".gitattributes"),
        "*.opsboard.json merge=opsboard\n",
    )
    .expect("write .gitattributes");
    write_plan(&repository, "plan.opsboard.json", &demo());
    git_ok(&repository, &["add", "."]);
    git_ok(&repository, &["commit", "-q", "-m", "The demo plan"]);

    // Edits of different things merge, with no conflict markers.
    commit_edit(&repository, "main", "hours", fewer_hours);
    commit_edit(&repository, "main", "deadline", later_deadline);
    git_ok(&repository, &["checkout", "-q", "hours"]);
    git_ok(&repository, &["merge", "--no-edit", "deadline"]);
    let file = repository.join("plan.opsboard.json");
    assert_eq!(
        read_plan(&file),
        edited(|plan| {
            fewer_hours(plan);
            later_deadline(plan);
        })
    );

    // One title changed on both branches: the merge fails, the driver's
    // report is in git's output, and the file still opens with ours.
    commit_edit(
        &repository,
        "hours",
        "ours",
        retitled("Landing zone (ours)"),
    );
    commit_edit(
        &repository,
        "hours",
        "theirs",
        retitled("Landing zone (theirs)"),
    );
    git_ok(&repository, &["checkout", "-q", "ours"]);
    let output = git(&repository, &["merge", "--no-edit", "theirs"]);
    check(
        &output,
        1,
        &[
            "plan.opsboard.json: 1 change both sides made differently; ours is kept for it.",
            "title: Landing zone (ours) → Landing zone (theirs)",
            "CONFLICT (content): Merge conflict in plan.opsboard.json",
        ],
    );
    let merged = read_plan(&file);
    assert_eq!(
        merged
            .activities
            .iter()
            .find(|a| a.id == LANDING_ZONE)
            .map(|a| a.title.as_str()),
        Some("Landing zone (ours)")
    );
    let _ = fs::remove_dir_all(&repository);
}
