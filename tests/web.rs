//! Browser component tests: the real app mounted into the page of a
//! headless Chromium, checked through what a person sees and does.
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test web` and
//! `wasm-bindgen-test-runner` as the runner (see docs/testing.md). Every test in
//! this file shares one page, so each one starts from empty storage and the
//! Plan route, mounts the app into a fresh container and removes it again.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement, Storage};

use opsboard::model::{ActivityId, Status};
use opsboard::ui::App;

wasm_bindgen_test_configure!(run_in_browser);

/// The key the autosave writes the demo plan (`plan-1`) to.
const DEMO_PLAN_KEY: &str = "opsboard.plan.plan-1";

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn window() -> web_sys::Window {
    web_sys::window().expect("the tests run in a browser window")
}

fn document() -> web_sys::Document {
    window().document().expect("the window has a document")
}

fn storage() -> Storage {
    window()
        .local_storage()
        .expect("localStorage can be reached")
        .expect("the browser offers localStorage")
}

/// Every key in localStorage.
fn storage_keys() -> Vec<String> {
    let storage = storage();
    let length = storage.length().unwrap_or(0);
    (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .collect()
}

/// Empties storage and goes back to the Plan view, as on a first visit.
fn fresh_page() {
    storage().clear().expect("localStorage can be cleared");
    window()
        .location()
        .set_hash("#/plan")
        .expect("the location hash can be set");
}

/// The app mounted into its own container; dropping it unmounts the app
/// and removes the container, so the next test starts from a clean body.
struct Mounted<H> {
    container: HtmlElement,
    handle: Option<H>,
}

impl<H> Mounted<H> {
    /// The first element in the app matching `selector`.
    fn find(&self, selector: &str) -> Option<Element> {
        self.container
            .query_selector(selector)
            .expect("the selector is valid CSS")
    }

    /// The element matching `selector`; fails the test when it is missing.
    fn get(&self, selector: &str) -> Element {
        self.find(selector)
            .unwrap_or_else(|| panic!("nothing on the page matches `{selector}`"))
    }

    /// Every element in the app matching `selector`, in document order.
    fn find_all(&self, selector: &str) -> Vec<Element> {
        elements(
            &self
                .container
                .query_selector_all(selector)
                .expect("the selector is valid CSS"),
        )
    }

    /// The button whose visible text is `text`.
    fn link(&self, text: &str) -> HtmlElement {
        self.find_all("a")
            .into_iter()
            .find(|link| text_of(link) == text)
            .unwrap_or_else(|| panic!("there is no link labelled {text:?}"))
            .unchecked_into()
    }

    fn button(&self, text: &str) -> HtmlElement {
        self.find_all("button")
            .into_iter()
            .find(|button| text_of(button) == text)
            .unwrap_or_else(|| panic!("there is no button labelled {text:?}"))
            .unchecked_into()
    }

    /// The input of the form field whose visible label is `label`.
    fn field(&self, label: &str) -> HtmlInputElement {
        self.find_all(".field label")
            .into_iter()
            .find(|field| {
                field
                    .query_selector(".field__label")
                    .ok()
                    .flatten()
                    .is_some_and(|span| text_of(&span).trim_end_matches(" *") == label)
            })
            .and_then(|field| field.query_selector("input").ok().flatten())
            .unwrap_or_else(|| panic!("there is no field labelled {label:?}"))
            .unchecked_into()
    }
}

impl<H> Drop for Mounted<H> {
    fn drop(&mut self) {
        // Unmount first, then take the (now empty) container off the page.
        drop(self.handle.take());
        self.container.remove();
    }
}

/// Mounts the whole app into a fresh container on the page.
fn mount_app() -> Mounted<impl Sized> {
    let container: HtmlElement = document()
        .create_element("div")
        .expect("a div can be created")
        .unchecked_into();
    document()
        .body()
        .expect("the page has a body")
        .append_child(&container)
        .expect("the container can be added to the page");
    let handle = leptos::mount::mount_to(container.clone(), App);
    Mounted {
        container,
        handle: Some(handle),
    }
}

fn elements(list: &web_sys::NodeList) -> Vec<Element> {
    (0..list.length())
        .filter_map(|index| list.item(index))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

fn text_of(element: &Element) -> String {
    element
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// Waits `ms` milliseconds, letting the browser fire events and Leptos run
/// its effects.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("a timer can be set");
    });
    JsFuture::from(promise)
        .await
        .expect("the timer promise resolves");
}

/// Waits until `condition` holds, or fails the test after six seconds (a
/// debug build on a busy machine) naming `what` it waited for.
async fn wait_until(what: &str, mut condition: impl FnMut() -> bool) {
    for _ in 0..600 {
        if condition() {
            return;
        }
        sleep(10).await;
    }
    panic!("timed out waiting for {what}");
}

/// Opens a view the way a link does: by changing the location hash.
async fn navigate<H>(app: &Mounted<H>, hash: &str, heading_selector: &str) {
    window()
        .location()
        .set_hash(hash)
        .expect("the location hash can be set");
    wait_until(&format!("the view at {hash}"), || {
        app.find(heading_selector).is_some()
    })
    .await;
}

/// Presses a key on `element`, as a focused element receives it.
fn press_key(element: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .expect("a keyboard event can be built");
    element
        .dispatch_event(&event)
        .expect("the key press can be dispatched");
}

/// Types `text` into an input, firing the `input` event a person's typing fires.
fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event =
        web_sys::Event::new_with_event_init_dict("input", &init).expect("an event can be built");
    input
        .dispatch_event(&event)
        .expect("the input event can be dispatched");
}

/// Picks or types `value` into an input or select and fires the `change`
/// event a person's choice (or leaving the field) fires.
fn change_to(element: &Element, value: &str) {
    element.unchecked_ref::<HtmlInputElement>().set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event =
        web_sys::Event::new_with_event_init_dict("change", &init).expect("an event can be built");
    element
        .dispatch_event(&event)
        .expect("the change event can be dispatched");
}

/// The plan the autosave wrote for the demo, decoded.
fn stored_demo_plan() -> Option<opsboard::model::Plan> {
    let text = storage().get_item(DEMO_PLAN_KEY).ok().flatten()?;
    opsboard::persist::decode(&text).ok()
}

/// The board column a card is in, by its `data-status`.
fn column_of<H>(app: &Mounted<H>, card_id: &str) -> Option<String> {
    app.find(&format!("#{card_id}"))
        .and_then(|card| card.closest(".board__column").ok().flatten())
        .and_then(|column| column.get_attribute("data-status"))
}

/// The status of an activity in the plan stored under `key`.
fn stored_status(key: &str, activity: ActivityId) -> Option<Status> {
    let text = storage().get_item(key).ok().flatten()?;
    let plan = opsboard::persist::decode(&text).ok()?;
    plan.activity(activity).map(|activity| activity.status)
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn first_visit_shows_the_demo_goal_and_every_view_in_the_navigation() {
    fresh_page();
    let app = mount_app();
    sleep(0).await;

    let goal = text_of(&app.get("#goal-title"));
    assert!(
        goal.starts_with("Cut client onboarding from 14 to 7 days by "),
        "the goal reads {goal:?}"
    );

    let links: Vec<(String, String)> = app
        .find_all("nav.app-nav a")
        .iter()
        .map(|link| {
            (
                text_of(link),
                link.get_attribute("href").unwrap_or_default(),
            )
        })
        .collect();
    let expected = [
        ("Plan", "#/plan"),
        ("This week", "#/week"),
        ("Work", "#/work"),
        ("Board", "#/board"),
        ("People", "#/people"),
        ("Skills", "#/skills"),
        ("Capacity", "#/capacity"),
        ("Check-in", "#/check-in"),
        ("Money", "#/money"),
        ("Report", "#/report"),
        ("Files", "#/files"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(label, href)| (label.to_string(), href.to_string()))
        .collect();
    assert_eq!(links, expected);

    // The Plan view is the current one.
    let current = app.get("nav.app-nav a[aria-current='page']");
    assert_eq!(text_of(&current), "Plan");
}

#[wasm_bindgen_test]
async fn board_shows_the_demo_cards_in_four_columns() {
    fresh_page();
    let app = mount_app();
    navigate(&app, "#/board", "#board-title").await;

    // (data-status, column title, cards)
    let expected = [
        ("not-started", "Not started", 2),
        ("in-progress", "In progress", 2),
        ("blocked", "Blocked", 1),
        ("done", "Done", 1),
    ];
    let columns = app.find_all(".board__column");
    assert_eq!(columns.len(), expected.len(), "the board has 4 columns");
    for (column, (slug, title, cards)) in columns.iter().zip(expected) {
        assert_eq!(column.get_attribute("data-status").as_deref(), Some(slug));
        let heading = column
            .query_selector(".board__column-title")
            .unwrap()
            .expect("every column has a title");
        assert_eq!(text_of(&heading), format!("{title} {cards}"));
        let shown = column.query_selector_all("li.card").unwrap().length();
        assert_eq!(shown as usize, cards, "cards in the {title} column");
    }
}

#[wasm_bindgen_test]
async fn arrow_right_moves_a_card_and_undo_moves_it_back() {
    fresh_page();
    let app = mount_app();
    navigate(&app, "#/board", "#board-title").await;
    assert_eq!(
        column_of(&app, "card-act-5").as_deref(),
        Some("not-started")
    );
    assert!(
        app.find("button[aria-label^='Undo:']").is_none(),
        "nothing to undo on a fresh demo"
    );

    press_key(&app.get("#card-act-5"), "ArrowRight");
    wait_until("the card to reach In progress", || {
        column_of(&app, "card-act-5").as_deref() == Some("in-progress")
    })
    .await;
    let counts = |slug: &str| {
        app.find_all(&format!(".board__column[data-status='{slug}'] li.card"))
            .len()
    };
    assert_eq!((counts("not-started"), counts("in-progress")), (1, 3));

    let undo = app.get("button[aria-label^='Undo:']");
    let label = undo.get_attribute("aria-label").unwrap_or_default();
    assert!(
        label.contains("Security baseline sign-off for new clients"),
        "the undo button names the move: {label:?}"
    );
    undo.unchecked_into::<HtmlElement>().click();
    wait_until("the card to return to Not started", || {
        column_of(&app, "card-act-5").as_deref() == Some("not-started")
    })
    .await;
    assert_eq!((counts("not-started"), counts("in-progress")), (2, 2));
}

#[wasm_bindgen_test]
async fn a_move_is_saved_to_local_storage() {
    fresh_page();
    let app = mount_app();
    navigate(&app, "#/board", "#board-title").await;
    wait_until("the demo plan to be saved", || {
        stored_status(DEMO_PLAN_KEY, ActivityId(5)).is_some()
    })
    .await;
    assert_eq!(
        stored_status(DEMO_PLAN_KEY, ActivityId(5)),
        Some(Status::NotStarted)
    );

    press_key(&app.get("#card-act-5"), "ArrowRight");
    wait_until("the move to be saved", || {
        stored_status(DEMO_PLAN_KEY, ActivityId(5)) == Some(Status::InProgress)
    })
    .await;

    let text = storage().get_item(DEMO_PLAN_KEY).unwrap().unwrap();
    assert!(
        text.contains("in_progress"),
        "the stored file spells the status"
    );
    let index = storage().get_item("opsboard.index").unwrap().unwrap();
    assert!(
        index.contains("\"last_open\":\"plan-1\""),
        "the index names the plan opened last: {index}"
    );
}

#[wasm_bindgen_test]
async fn a_corrupt_stored_plan_is_kept_as_a_backup_and_reported() {
    fresh_page();
    storage()
        .set_item(
            "opsboard.index",
            r#"{"last_open":"plan-1","plans":[{"id":"plan-1","name":"Broken"}]}"#,
        )
        .unwrap();
    storage().set_item(DEMO_PLAN_KEY, "not json").unwrap();

    let app = mount_app();
    sleep(0).await;

    let alerts: Vec<String> = app
        .find_all(".notices [role='alert']")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(alerts.len(), 1, "one notice: {alerts:?}");
    assert!(
        alerts[0].contains("\"Broken\" could not be read"),
        "the notice names the plan: {:?}",
        alerts[0]
    );

    let backups: Vec<(String, Option<String>)> = storage_keys()
        .into_iter()
        .filter(|key| key.starts_with("opsboard.backup."))
        .map(|key| {
            let text = storage().get_item(&key).unwrap();
            (key, text)
        })
        .collect();
    assert_eq!(backups.len(), 1, "one backup: {backups:?}");
    assert_eq!(backups[0].1.as_deref(), Some("not json"));
    assert!(
        alerts[0].contains(&backups[0].0),
        "the notice names the backup key {}",
        backups[0].0
    );
    // The app still opens: the demo plan stands in for the broken one.
    assert!(text_of(&app.get("#goal-title")).starts_with("Cut client onboarding"));
}

#[wasm_bindgen_test]
async fn an_activity_with_its_deadline_before_its_start_is_refused() {
    fresh_page();
    let app = mount_app();
    sleep(0).await;
    let rows_before = app.find_all("table.activities tbody tr").len();
    assert_eq!(rows_before, 6, "the demo has 6 initiatives");

    app.link("Add initiative").click();
    wait_until("the activity form", || {
        app.find("#activity-title").is_some()
    })
    .await;

    // (field label, typed text)
    let typed = [
        ("Title", "Backwards"),
        ("Start", "2026-12-01"),
        ("Deadline (hard)", "2026-11-30"),
    ];
    for (label, text) in typed {
        type_into(&app.field(label), text);
    }
    app.button("Save initiative").click();

    wait_until("the form's error", || {
        app.find("form [role='alert']").is_some()
    })
    .await;
    let error = text_of(&app.get("form [role='alert']"));
    assert_eq!(
        error,
        "'Backwards' has its deadline 2026-11-30 before its start 2026-12-01"
    );

    // Nothing was added and there is nothing to undo; the form stays open
    // with what was typed.
    assert_eq!(app.find_all("table.activities tbody tr").len(), rows_before);
    assert!(app.find("button[aria-label^='Undo:']").is_none());
    assert_eq!(app.field("Title").value(), "Backwards");
}

#[wasm_bindgen_test]
async fn every_route_opens_its_view_and_marks_its_link() {
    fresh_page();
    let app = mount_app();
    // (hash, the heading that view shows, how its text starts, the nav link marked current)
    let routes = [
        ("#/board", "#board-title", "Board", "Board"),
        ("#/skills", "#skills-title", "Skills matrix", "Skills"),
        ("#/capacity", "#capacity-title", "Capacity", "Capacity"),
        ("#/week", "#week-title", "This week · ", "This week"),
        (
            "#/check-in",
            "#checkin-title",
            "Weekly check-in · ",
            "Check-in",
        ),
        ("#/work", "#work-title", "Work", "Work"),
        ("#/plan", "#activities-title", "Initiatives", "Plan"),
    ];
    for (hash, heading, heading_text, link) in routes {
        window().location().set_hash(hash).unwrap();
        wait_until(&format!("the view at {hash}"), || {
            let heading_shown = app
                .find(heading)
                .is_some_and(|element| text_of(&element).starts_with(heading_text));
            let link_current = app
                .find("nav.app-nav a[aria-current='page']")
                .is_some_and(|element| text_of(&element) == link);
            heading_shown && link_current
        })
        .await;
    }
}

#[wasm_bindgen_test]
async fn capacity_shows_names_from_a_plan_as_text_and_moves_a_bar_by_keyboard() {
    use opsboard::model::{demo::demo_plan, PlanId, Week};

    fresh_page();
    // A plan whose person's name and activity title are markup with script.
    let today = opsboard::browser::today();
    let mut plan = demo_plan(PlanId(1), today);
    let hostile = "<img src=x onerror=\"window.__opsboardXss=1\">Tom";
    plan.people[1].name = hostile.to_string();
    plan.activities[1].title = "<script>window.__opsboardXss=2</script>Zone".to_string();
    opsboard::storage::save(&plan, today, &opsboard::storage::Expect::Anything, "stamp1")
        .expect("the plan can be stored");

    let app = mount_app();
    navigate(&app, "#/capacity", "#capacity-title").await;
    wait_until("the timeline", || {
        app.find(".tl-line[data-person='per-2']").is_some()
    })
    .await;
    let name = app.get(".tl-line[data-person='per-2'] .tl-name__person");
    assert_eq!(text_of(&name), hostile, "the name is shown as text");
    assert!(app.find(".timeline img, .timeline script").is_none());
    let bar = app.get("#bar-alc-2");
    assert!(text_of(&bar).starts_with("<script>window.__opsboardXss=2</script>Zone"));
    let injected = js_sys::Reflect::get(&window(), &"__opsboardXss".into()).expect("window");
    assert!(injected.is_undefined(), "no script from the plan ran");

    // Marcus Hill's 4 h on the landing zone (alc-3) starts this week:
    // Enter picks it up, → moves the draft a week, Enter applies it.
    let this_week = Week::containing(today);
    let first = |app: &Mounted<_>| {
        app.get("#bar-alc-3")
            .get_attribute("aria-label")
            .unwrap_or_default()
    };
    assert!(first(&app).contains(&format!("4 h a week, {this_week} to")));
    press_key(&app.get("#bar-alc-3"), "Enter");
    wait_until("the draft bar", || app.find("#bar-draft").is_some()).await;
    press_key(&app.get("#bar-draft"), "ArrowRight");
    let next_week = this_week.plus_weeks(1).to_string();
    wait_until("the draft to move a week", || {
        app.find("#bar-draft")
            .and_then(|draft| draft.get_attribute("aria-label"))
            .is_some_and(|label| label.contains(&format!("4 h a week, {next_week} to")))
    })
    .await;
    press_key(&app.get("#bar-draft"), "Enter");
    wait_until("the move to be applied", || {
        app.find("#bar-draft").is_none()
            && app.find("#bar-alc-3").is_some_and(|bar| {
                bar.get_attribute("aria-label")
                    .is_some_and(|label| label.contains(&format!("4 h a week, {next_week} to")))
            })
    })
    .await;
    wait_until("the move to be saved", || {
        storage()
            .get_item(DEMO_PLAN_KEY)
            .ok()
            .flatten()
            .is_some_and(|text| text.contains(&format!("\"first_week\":\"{next_week}\"")))
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_cadence_edited_in_place_shows_its_next_dates_and_is_saved() {
    use chrono::Datelike;
    use opsboard::model::{medium_date, weekday_label, CadenceId, Weekday};

    fresh_page();
    let app = mount_app();
    // The demo's monthly service review (cad-2): the first Tuesday.
    wait_until("the governance rhythm", || app.find("#cad-2-f2").is_some()).await;
    let today = opsboard::browser::today();
    let next_dates = |weekday: Weekday, nth: u8| {
        let plan = opsboard::model::demo::demo_plan(opsboard::model::PlanId(1), today);
        let mut review = plan
            .cadence(CadenceId(2))
            .cloned()
            .expect("the demo's review");
        review.weekday = weekday;
        review.nth = Some(nth);
        review
            .next_dates(today, 2)
            .into_iter()
            .map(|date| format!("{} {}", weekday_label(date.weekday()), medium_date(date)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        text_of(&app.get("#cad-2-next")),
        next_dates(Weekday::Tue, 1)
    );
    let day = app.get("#cad-2-f2");
    assert_eq!(
        day.get_attribute("aria-labelledby").as_deref(),
        Some("cadences-label-2 cad-2-name"),
        "the select is named \"Day of Monthly service review\""
    );

    // The third Wednesday: one command each, the dates follow in place and
    // the select is the same element (focus would stay on it).
    change_to(&day, "Wed");
    change_to(&app.get("#cad-2-f3"), "3");
    wait_until("the next dates of the third Wednesday", || {
        text_of(&app.get("#cad-2-next")) == next_dates(Weekday::Wed, 3)
    })
    .await;
    assert!(day.is_connected(), "the row was patched, not drawn again");
    assert_eq!(
        text_of(&app.get("#cad-2-rule")),
        "The third Wednesday of every month"
    );
    wait_until("the change to be saved", || {
        stored_demo_plan()
            .and_then(|plan| plan.cadence(CadenceId(2)).cloned())
            .is_some_and(|review| review.weekday == Weekday::Wed && review.nth == Some(3))
    })
    .await;
    assert!(app
        .find("button[aria-label^='Undo: Changed the cadence']")
        .is_some());
}

#[wasm_bindgen_test]
async fn an_open_role_is_edited_in_place_refused_with_a_message_and_filled() {
    use opsboard::model::{RoleId, RoleStatus};

    fresh_page();
    let app = mount_app();
    navigate(&app, "#/people", "#hiring-title").await;
    wait_until("the demo's open role", || app.find("#rol-1-f2").is_some()).await;
    let summary = || text_of(&app.get("#rol-1-summary"));
    assert!(
        summary().starts_with("Adds 40 h a week from"),
        "{}",
        summary()
    );

    // Weekly hours (field 2): 32 is taken and the summary follows.
    change_to(&app.get("#rol-1-f2"), "32");
    wait_until("the summary with 32 h", || {
        summary().starts_with("Adds 32 h a week")
    })
    .await;
    assert_eq!(text_of(&app.get("#rol-1-error")), "");

    // 200 hours a week is refused on the card; the plan keeps 32.
    change_to(&app.get("#rol-1-f2"), "200");
    wait_until("the refusal", || {
        !text_of(&app.get("#rol-1-error")).is_empty()
    })
    .await;
    assert_eq!(
        app.get("#rol-1-error").get_attribute("role").as_deref(),
        Some("alert")
    );
    assert!(
        text_of(&app.get("#rol-1-error")).contains("200 hours a week is not possible"),
        "{}",
        text_of(&app.get("#rol-1-error"))
    );
    assert!(summary().starts_with("Adds 32 h a week"));

    // Fill role…: the hire's name, then the role is filled by a new person.
    app.get("#rol-1-fill")
        .unchecked_into::<HtmlElement>()
        .click();
    wait_until("the fill dialog", || app.find("#fill-role-name").is_some()).await;
    type_into(&app.get("#fill-role-name").unchecked_into(), "Grace Okafor");
    app.button("Fill role").click();
    wait_until("the filled card", || {
        app.find("[data-role='rol-1'] .role__filled")
            .is_some_and(|line| text_of(&line).starts_with("Filled by Grace Okafor"))
    })
    .await;
    assert!(
        app.find("#rol-1-f2").is_none(),
        "a filled role is not edited"
    );
    assert!(app.find("#fill-role-name").is_none(), "the dialog closed");
    assert!(app
        .find_all(".people tbody th")
        .iter()
        .any(|name| text_of(name) == "Grace Okafor"));
    wait_until("the fill to be saved", || {
        stored_demo_plan().is_some_and(|plan| {
            plan.role(RoleId(1))
                .is_some_and(|role| role.status == RoleStatus::Filled)
                && plan
                    .people
                    .iter()
                    .any(|person| person.name == "Grace Okafor")
        })
    })
    .await;
}

/// The number in a heading such as "Risks (1,234)".
fn count_in(heading: &str) -> usize {
    heading
        .rsplit_once('(')
        .and_then(|(_, rest)| rest.trim_end_matches(')').replace(',', "").parse().ok())
        .unwrap_or_else(|| panic!("no count in {heading:?}"))
}

#[wasm_bindgen_test]
async fn long_lists_show_a_page_and_the_rest_on_request() {
    use opsboard::model::generate::{generated_plan, Size};

    fresh_page();
    // A firm of 130 people with 260 initiatives: more risks, people and
    // initiatives than a panel, the matrix or the report lists at once.
    let today = opsboard::browser::today();
    let size = Size {
        people: 130,
        activities: 300,
        initiatives: 260,
        dependencies_per_initiative: 2,
        clients: 8,
        allocations: 1_500,
        weeks: 26,
    };
    let plan = generated_plan(size, today);
    opsboard::storage::save(&plan, today, &opsboard::storage::Expect::Anything, "stamp1")
        .expect("the plan can be stored");
    let app = mount_app();

    // Plan: the 25 most severe risks, the count of each kind, and more on
    // request.
    wait_until("the risks panel", || app.find("#risks-title").is_some()).await;
    let total = count_in(&text_of(&app.get("#risks-title")));
    assert!(total > 50, "the plan has {total} risks");
    assert_eq!(app.find_all(".risks__list > li").len(), 25);
    let counts = text_of(&app.get(".risks__counts"));
    assert!(
        counts.starts_with(&format!("The 25 most severe of {}: ", group(total))),
        "{counts}"
    );
    app.button("Show 25 more").click();
    wait_until("50 risks listed", || {
        app.find_all(".risks__list > li").len() == 50
    })
    .await;

    // Skills: the first 100 people, then the other 30.
    navigate(&app, "#/skills", "#skills-title").await;
    wait_until("the matrix", || {
        app.find_all(".matrix tbody tr").len() == 100
    })
    .await;
    assert_eq!(
        text_of(&app.get(".table__more")),
        "Showing 100 of 130 people. Show 30 more"
    );
    app.button("Show 30 more").click();
    wait_until("every person in the matrix", || {
        app.find_all(".matrix tbody tr").len() == 130
    })
    .await;
    assert!(app.find(".table__more").is_none());

    // Report: the first 200 initiatives, and how many are left out.
    let confirmed = plan
        .initiatives()
        .filter(|activity| activity.commitment == opsboard::model::Commitment::Confirmed)
        .count();
    assert!(confirmed > 200, "{confirmed} confirmed initiatives");
    navigate(&app, "#/report", "#report-title").await;
    wait_until("the initiatives table", || {
        app.find_all(".report__activities tbody tr").len() == 200
    })
    .await;
    let more = text_of(&app.get(".report__activities .report__more"));
    assert_eq!(
        more,
        format!(
            "The first 200 of {} initiatives are listed; the plan file and its spreadsheet exports hold them all.",
            group(confirmed)
        )
    );
}

/// `1234` as "1,234".
fn group(count: usize) -> String {
    opsboard::model::count_figure(count)
}

#[wasm_bindgen_test]
async fn the_week_picker_stands_for_the_week_of_the_day_picked_and_steps_by_weeks() {
    fresh_page();
    let app = mount_app();
    navigate(&app, "#/capacity", "#capacity-title").await;
    let first_week_shown = || text_of(&app.get(".tl-week"));
    let named = || text_of(&app.get(".week-picker__week"));
    let field: HtmlInputElement = app.get("input[aria-label='From week']").unchecked_into();
    assert_eq!(
        field.type_(),
        "date",
        "a date field, which every browser has"
    );
    let start = named();

    // A Wednesday stands for its week: the field snaps to the Monday.
    change_to(&field, "2026-12-02");
    wait_until("the weeks from 2026-W49", || named() == "2026-W49").await;
    assert!(
        first_week_shown().starts_with("W49"),
        "{}",
        first_week_shown()
    );
    assert_eq!(field.value(), "2026-11-30");

    // A week later, a week earlier.
    app.find_all("button")
        .into_iter()
        .find(|button| {
            button.get_attribute("aria-label").as_deref() == Some("From week: a week later")
        })
        .expect("the picker has a week-later button")
        .unchecked_into::<HtmlElement>()
        .click();
    wait_until("the weeks from 2026-W50", || named() == "2026-W50").await;
    assert!(first_week_shown().starts_with("W50"));

    // An emptied or unreadable field leaves the weeks as they are.
    change_to(&field, "not a date");
    sleep(50).await;
    assert_eq!(named(), "2026-W50");
    app.button("Horizon").click();
    wait_until("the horizon's weeks again", || named() == start).await;
}

/// A notice is cleared by its cause, not its text: a save that worked
/// takes away the save failures and the other tab's conflict, and leaves
/// the rest; the same message twice shows once.
#[wasm_bindgen_test]
fn notices_are_cleared_by_their_cause() {
    use leptos::prelude::{GetUntracked, Owner};
    use opsboard::storage::Problem;
    use opsboard::ui::state::{Cause, NoticeAction, NoticeKind, Notices};

    let owner = Owner::new();
    owner.set();
    let notices = Notices::default();
    notices.report(&Problem::Full);
    notices.report(&Problem::Full);
    notices.report(&Problem::ChangedElsewhere {
        name: "Plan".to_string(),
    });
    notices.report(&Problem::Unavailable("blocked".to_string()));
    notices.notify(Cause::ExportReminder, "Export it".to_string());
    let causes = || {
        notices
            .list
            .get_untracked()
            .iter()
            .map(|notice| notice.cause)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        causes(),
        [
            Cause::StorageFull,
            Cause::ChangedElsewhere,
            Cause::StorageUnavailable,
            Cause::ExportReminder
        ]
    );
    let shown = notices.list.get_untracked();
    assert_eq!(shown[0].kind(), NoticeKind::Error);
    assert_eq!(shown[1].action(), Some(NoticeAction::ResolveConflict));
    assert_eq!(shown[2].kind(), NoticeKind::Warning);

    notices.clear(Cause::answered_by_save);
    assert_eq!(causes(), [Cause::StorageUnavailable, Cause::ExportReminder]);
    notices.clear(|cause| cause == Cause::ExportReminder);
    assert_eq!(causes(), [Cause::StorageUnavailable]);
}

/// Every action a control written as markup carries comes back the same
/// from its `data-action` text, and nothing else reads as an action.
#[wasm_bindgen_test]
fn every_markup_action_round_trips_through_its_attribute() {
    use opsboard::model::{AllocationId, PersonId, RaciRole, SkillId};
    use opsboard::ui::markup::Action;

    // One number a variant: a new variant fails to compile here until it
    // is added to the list below.
    fn variant(action: &Action) -> usize {
        match action {
            Action::ToggleTeam(_) => 0,
            Action::SelectBar(_) => 1,
            Action::PlaceWork(_) => 2,
            Action::EditPerson(_) => 3,
            Action::RemovePerson(_) => 4,
            Action::SkillLevel { .. } => 5,
            Action::DeleteActivity(_) => 6,
            Action::PinPriority { .. } => 7,
            Action::UnpinPriority(_) => 8,
            Action::SetRaci { .. } => 9,
        }
    }
    const VARIANTS: usize = 10;

    let activity = ActivityId(7);
    let person = PersonId(12);
    let actions = [
        Action::ToggleTeam("Ops: Berlin & <Co>".to_string()),
        Action::ToggleTeam(String::new()),
        Action::SelectBar(AllocationId(45)),
        Action::PlaceWork(activity),
        Action::EditPerson(person),
        Action::RemovePerson(person),
        Action::SkillLevel {
            person,
            skill: SkillId(3),
        },
        Action::DeleteActivity(activity),
        Action::PinPriority {
            activity,
            position: 2,
        },
        Action::UnpinPriority(activity),
        Action::SetRaci {
            activity,
            person,
            role: None,
        },
        Action::SetRaci {
            activity,
            person,
            role: Some(RaciRole::Responsible),
        },
        Action::SetRaci {
            activity,
            person,
            role: Some(RaciRole::Consulted),
        },
        Action::SetRaci {
            activity,
            person,
            role: Some(RaciRole::Informed),
        },
    ];
    let mut seen = [false; VARIANTS];
    for action in &actions {
        seen[variant(action)] = true;
        let text = action.encode();
        assert_eq!(Action::decode(&text).as_ref(), Some(action), "{text}");
    }
    assert!(
        seen.iter().all(|seen| *seen),
        "a variant is missing: {seen:?}"
    );
    for text in [
        "",
        "bar",
        "bar:",
        "bar:act-1",
        "pin:act-1",
        "raci:act-1:per-2:x",
        "unpin:act-1:2",
        "nothing",
    ] {
        assert_eq!(Action::decode(text), None, "{text}");
    }

    // Read from a click in a list, by the nearest element with an action.
    let list = document().create_element("div").unwrap();
    list.set_inner_html(&format!(
        r#"<button data-action="{}"><span id="inside">Edit</span></button>"#,
        Action::EditPerson(person).encode()
    ));
    document().body().unwrap().append_child(&list).unwrap();
    let inside = document().get_element_by_id("inside").unwrap();
    let found = std::rc::Rc::new(std::cell::RefCell::new(None));
    let closure = {
        let found = found.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(
            move |event: web_sys::Event| {
                *found.borrow_mut() = Action::from_event(&event);
            },
        )
    };
    list.add_event_listener_with_callback("click", closure.as_ref().unchecked_ref())
        .unwrap();
    inside
        .dispatch_event(&{
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            web_sys::Event::new_with_event_init_dict("click", &init).unwrap()
        })
        .unwrap();
    list.remove();
    assert_eq!(*found.borrow(), Some(Action::EditPerson(person)));
}
