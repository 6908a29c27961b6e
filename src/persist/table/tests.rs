use super::*;
use columns::known_names;

/// A date built from its parts, not read from text as `test_support::date`
/// does: these tests check the reading of dates from text.
fn date_from_parts(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a real date")
}

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|cell| cell.to_string()).collect()
}

// ---------------------------------------------------------------------------
// Reading a table.

/// What a table reads as: its delimiter, header and rows, or the refusal as
/// a person sees it.
type Read<'a> = Result<(char, &'a [&'a str], &'a [&'a [&'a str]]), &'a str>;

fn check_table(text: &str, expected: Read) {
    let read = read_table(text);
    match (read, expected) {
        (Ok(table), Ok((delimiter, header, rows))) => {
            assert_eq!(table.delimiter, delimiter, "{text:?}");
            assert_eq!(table.header, strings(header), "{text:?}");
            let rows: Vec<Vec<String>> = rows.iter().map(|row| strings(row)).collect();
            assert_eq!(table.rows, rows, "{text:?}");
        }
        (Err(problem), Err(message)) => assert_eq!(problem.to_string(), message, "{text:?}"),
        (read, expected) => panic!("{text:?}: read {read:?}, expected {expected:?}"),
    }
}

#[test]
fn tables_are_read_from_csv_and_pasted_cells() {
    // Comma, tab (pasted cells) and semicolon (a spreadsheet set to a
    // decimal comma) separated.
    check_table(
        "Name,Weekly hours\nLena Novak,40\nTom Becker,32\n",
        Ok((
            ',',
            &["Name", "Weekly hours"],
            &[&["Lena Novak", "40"], &["Tom Becker", "32"]],
        )),
    );
    check_table(
        "Name\tWeekly hours\nLena Novak\t7,5\n",
        Ok(('\t', &["Name", "Weekly hours"], &[&["Lena Novak", "7,5"]])),
    );
    check_table(
        "Name;Weekly hours\nLena Novak;7,5\n",
        Ok((';', &["Name", "Weekly hours"], &[&["Lena Novak", "7,5"]])),
    );
    // A tab wins over the commas of a header: pasted cells are tab-separated.
    check_table(
        "Name\tNote, if any\nAnn\tSick, then leave\n",
        Ok((
            '\t',
            &["Name", "Note, if any"],
            &[&["Ann", "Sick, then leave"]],
        )),
    );
    // More semicolons than commas; delimiters inside quotes do not count.
    check_table(
        "\"Name, full\";Hours;Note, short\nAnn;8;x\n",
        Ok((
            ';',
            &["Name, full", "Hours", "Note, short"],
            &[&["Ann", "8", "x"]],
        )),
    );
    check_table(
        "\"a;b;c\",Hours\nAnn,8\n",
        Ok((',', &["a;b;c", "Hours"], &[&["Ann", "8"]])),
    );
    // One column: no delimiter at all.
    check_table(
        "Name\nAnn\nBen",
        Ok((',', &["Name"], &[&["Ann"], &["Ben"]])),
    );
}

#[test]
fn line_ends_quotes_and_odd_rows_are_read() {
    // A byte order mark, CR LF, a lone CR and no final line break.
    check_table(
        "\u{feff}Name,Team\r\nAnn,Cloud\r\nBen,Network",
        Ok((
            ',',
            &["Name", "Team"],
            &[&["Ann", "Cloud"], &["Ben", "Network"]],
        )),
    );
    check_table(
        "Name,Team\rAnn,Cloud\rBen,Network\r",
        Ok((
            ',',
            &["Name", "Team"],
            &[&["Ann", "Cloud"], &["Ben", "Network"]],
        )),
    );
    // Quotes: a doubled quote, a delimiter and line breaks inside them, a
    // cell quoted after a space, a quote inside an unquoted cell.
    check_table(
        "Name,Note\n\"Kowalski, Anna\",\"says \"\"hi\"\"\"\nBen,\"two\r\nlines\"\nCy, \"spaced, quoted\"\nDee,5\" screen\n",
        Ok((
            ',',
            &["Name", "Note"],
            &[
                &["Kowalski, Anna", "says \"hi\""],
                &["Ben", "two\r\nlines"],
                &["Cy", "spaced, quoted"],
                &["Dee", "5\" screen"],
            ],
        )),
    );
    // A trailing delimiter is an empty last cell; a short row stays short;
    // cells are trimmed; a blank row in the middle is kept (row numbers stay
    // the spreadsheet's) and blank rows at the end are dropped.
    check_table(
        "Name , Team ,\n Ann ,Cloud,\nBen\n\n,,\nCy,Apps\n\n , \n,,,\n",
        Ok((
            ',',
            &["Name", "Team", ""],
            &[
                &["Ann", "Cloud", ""],
                &["Ben"],
                &[""],
                &["", "", ""],
                &["Cy", "Apps"],
            ],
        )),
    );
    // Names in any script, and cells pasted with non-breaking spaces.
    check_table(
        "Name\tTeam\nZoë Ångström\tÉquipe\n李雷\t云\n\u{a0}Ōkubo 😀\u{a0}\tx\n",
        Ok((
            '\t',
            &["Name", "Team"],
            &[
                &["Zoë Ångström", "Équipe"],
                &["李雷", "云"],
                &["Ōkubo 😀", "x"],
            ],
        )),
    );
    // Only a header.
    check_table("Name,Team\r\n", Ok((',', &["Name", "Team"], &[])));
}

#[test]
fn rows_are_numbered_as_a_spreadsheet_numbers_them() {
    let table = read_table("Name,Team\nAnn,Cloud\nBen\n").expect("a table");
    assert_eq!(table.row_number(0), 2);
    assert_eq!(table.row_number(1), 3);
    assert_eq!(table.cell(0, 1), "Cloud");
    assert_eq!(table.cell(1, 1), "", "a short row");
    assert_eq!(table.cell(7, 0), "", "no such row");
}

#[test]
fn unreadable_tables_are_refused_with_the_row_and_column() {
    let refused = |text: &str, message: &str| check_table(text, Err(message));
    let empty = "row 1, column A: the spreadsheet is empty: the first row must name the columns";
    refused("", empty);
    refused("\u{feff}", empty);
    refused("\n\r\n \n", empty);
    refused(",,\n\t\n", empty);
    refused(
        ",,\nAnn,Cloud\n",
        "row 1, column A: the first row is empty: the first row must name the columns",
    );
    // An unterminated quote is named where it opens, not where the text ends.
    refused(
        "Name,Note\nAnn,\"never closed\nBen,x\nCy,y\n",
        "row 2, column B: this cell opens a quote that is never closed: add the closing \" or remove the opening one",
    );
    refused(
        "\"Name,Note\nAnn,x\n",
        "row 1, column A: this cell opens a quote that is never closed: add the closing \" or remove the opening one",
    );
}

/// The `'` an export puts before a formula-like cell is taken away again,
/// one and only one, and only before such a cell.
#[test]
fn the_apostrophe_guarding_a_formula_is_taken_away() {
    check_table(
        "Name,Note\r\n'=SUM(A1),'-5\r\n''=x,'@home\r\n'plain,it's\r\n' - Dash,'\r\n",
        Ok((
            ',',
            &["Name", "Note"],
            &[
                &["=SUM(A1)", "-5"],
                &["'=x", "@home"],
                &["'plain", "it's"],
                &["' - Dash", "'"],
            ],
        )),
    );
}

// proptest is a native dev-dependency only.
#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    /// Any cell an export writes, formula guard and all, reads back as the
    /// cell trimmed: apostrophes, formula starts and spaces in any order.
    #[test]
    fn an_exported_cell_reads_back_as_it_was(cell in "[' =+@\t\ra-]{0,6}") {
        let mut text = String::new();
        crate::persist::csv::push_row(&mut text, &strings(&["Name", "Cell"]));
        crate::persist::csv::push_row(&mut text, &["x".to_string(), cell.clone()]);
        let table = read_table(&text).expect("a table");
        proptest::prop_assert_eq!(table.cell(0, 1), cell.trim());
    }
}

#[test]
fn hostile_tables_are_refused_early() {
    let refused = |text: &str| read_table(text).expect_err("refused").to_string();
    assert_eq!(
        refused(&"x".repeat(crate::persist::MAX_FILE_BYTES + 1)),
        "row 1, column A: the spreadsheet is 21 MB: at most 20 MB can be read"
    );

    // 50,000 rows below the header are read; one more is refused.
    let rows = "\nx".repeat(MAX_ROWS);
    let table = read_table(&format!("Name{rows}")).expect("50,000 rows");
    assert_eq!(table.rows.len(), MAX_ROWS);
    assert_eq!(
        refused(&format!("Name{rows}\nx")),
        "row 50002, column A: more than 50,000 rows below the header: split the spreadsheet and import it in parts"
    );
    // Blank rows past the limit are dropped like any trailing blank rows,
    // and megabytes of line breaks are not millions of rows.
    let padded = format!("Name{rows}{}", "\n,,".repeat(1_000_000));
    assert_eq!(read_table(&padded).expect("padded").rows.len(), MAX_ROWS);

    // 200 columns are read; a 201st with something in it is refused, empty
    // ones past the limit (a spreadsheet's padding) are dropped.
    let names: Vec<String> = (1..=MAX_COLUMNS).map(|n| format!("C{n}")).collect();
    let header = names.join(",");
    let table = read_table(&format!("{header}{}\nx", ",".repeat(500))).expect("200 columns");
    assert_eq!(table.header.len(), MAX_COLUMNS);
    assert_eq!(
        refused(&format!("{header},C201")),
        "row 1, column GS: more than 200 columns: remove the columns the import does not need"
    );
    assert_eq!(
        refused(&format!("Name\nAnn{},x", ",".repeat(400))),
        "row 2, column OL: more than 200 columns: remove the columns the import does not need"
    );

    // Two million cells at most: 10,001 rows of 200 cells is too many.
    let wide_row = format!("\n{}", ",".repeat(MAX_COLUMNS - 1));
    assert_eq!(
        refused(&format!("{header}{}", wide_row.repeat(10_000))),
        "row 10001, column A: more than 2,000,000 cells: split the spreadsheet and import it in parts"
    );
}

// ---------------------------------------------------------------------------
// Matching columns.

fn check_columns(sheet: Sheet, header: &[&str], expected: &[Option<Column>]) {
    assert_eq!(
        match_columns(sheet, &strings(header)),
        expected,
        "{sheet:?}: {header:?}"
    );
}

#[test]
fn every_sheet_reads_its_own_labels() {
    for sheet in Sheet::ALL {
        // A skill's level is matched by the skill its header names.
        let columns: Vec<Column> = sheet
            .columns()
            .into_iter()
            .filter(|column| *column != Column::SkillLevel)
            .collect();
        let labels: Vec<&str> = columns.iter().map(|column| column.label()).collect();
        let expected: Vec<Option<Column>> = columns.iter().copied().map(Some).collect();
        check_columns(sheet, &labels, &expected);
        assert_eq!(guess_sheet(&strings(&labels)), Some(sheet), "{sheet:?}");
    }
}

#[test]
fn no_other_name_means_two_fields_of_one_sheet() {
    for sheet in Sheet::ALL {
        let names = known_names(sheet);
        for (name, column) in &names {
            assert!(!name.is_empty(), "{sheet:?}: an empty name for {column:?}");
            let others: Vec<Column> = names
                .iter()
                .filter(|(other, _)| other == name)
                .map(|(_, column)| *column)
                .filter(|other| other != column)
                .collect();
            assert_eq!(others, [], "{sheet:?}: \"{name}\" also names {column:?}");
        }
    }
}

#[test]
fn columns_are_matched_by_their_common_names() {
    use Column::*;
    // Case, spaces, punctuation and a unit or format in brackets do not
    // matter; a rate in brackets does.
    check_columns(
        Sheet::People,
        &[
            "  FULL name ",
            "E-Mail",
            "Job title",
            "Department",
            "Hours/week",
            "Start date (YYYY-MM-DD)",
            "End Date",
            "Cost rate (€/h)",
            "Billable %",
            "Skills",
            "Certifications",
            "Work days",
        ],
        &[
            Some(Name),
            Some(Email),
            Some(Role),
            Some(Team),
            Some(WeeklyHours),
            Some(Start),
            Some(End),
            Some(CostRate),
            Some(BillableTarget),
            Some(Skills),
            Some(Certifications),
            Some(WorkingDays),
        ],
    );
    check_columns(
        Sheet::People,
        &[
            "Weekly hours (h)",
            "Capacity h",
            "Capacity (h/day)",
            "Hrs per week",
            "Capacity [hours]",
            "Role (required)",
        ],
        &[
            Some(WeeklyHours),
            None,
            Some(HoursPerDay),
            None,
            None,
            Some(Role),
        ],
    );
    check_columns(Sheet::People, &["Capacity h"], &[Some(WeeklyHours)]);
    check_columns(
        Sheet::Work,
        &[
            "Engagement",
            "Customer",
            "Assignee",
            "Hrs per week",
            "From date",
            "To date",
            "Type",
            "Deal stage",
            "Win probability (%)",
            "Budget (h)",
        ],
        &[
            Some(Work),
            Some(Client),
            Some(Person),
            Some(HoursPerWeek),
            Some(Start),
            Some(End),
            Some(Kind),
            Some(Stage),
            Some(Probability),
            Some(Budget),
        ],
    );
    check_columns(
        Sheet::Leave,
        &["Employee", "From date", "To date", "Leave type", "Half day"],
        &[
            Some(Person),
            Some(From),
            Some(To),
            Some(Note),
            Some(PartOfDay),
        ],
    );
    check_columns(
        Sheet::Holidays,
        &["Date", "Holiday"],
        &[Some(Date), Some(Name)],
    );
}

#[test]
fn the_exports_of_runn_and_float_are_matched() {
    use Column::*;
    // Runn's people CSV (help.runn.io articles 4577835 and 9313462).
    check_columns(
        Sheet::People,
        &[
            "First Name",
            "Last Name",
            "Email",
            "Job Title",
            "Default Role Name",
            "Team Name",
            "Cost to Business (per hour)",
            "Start Date",
            "End Date",
            "Employment Type",
            "Tags",
        ],
        &[
            Some(FirstName),
            Some(LastName),
            Some(Email),
            Some(Role),
            None,
            Some(Team),
            Some(CostRate),
            Some(Start),
            Some(End),
            None,
            None,
        ],
    );
    // Float's people template (support.float.com article 112420).
    check_columns(
        Sheet::People,
        &[
            "Name",
            "Email",
            "Role",
            "Department",
            "Tags",
            "Type",
            "Hourly rate",
            "Start Date",
            "End Date",
            "Hours/day",
        ],
        &[
            Some(Name),
            Some(Email),
            Some(Role),
            Some(Team),
            None,
            None,
            None,
            Some(Start),
            Some(End),
            Some(HoursPerDay),
        ],
    );
    // Hours a day are never read as hours a week.
    for header in ["Hours/day", "Hours per day", "Hrs/day", "Daily hours"] {
        check_columns(Sheet::Work, &[header], &[Some(HoursPerDay)]);
        check_columns(Sheet::People, &[header], &[Some(HoursPerDay)]);
    }
    check_columns(
        Sheet::Work,
        &[
            "Project",
            "Client",
            "Person",
            "Start Date",
            "End Date",
            "Hours per day",
        ],
        &[
            Some(Work),
            Some(Client),
            Some(Person),
            Some(Start),
            Some(End),
            Some(HoursPerDay),
        ],
    );
}

#[test]
fn a_field_is_filled_by_its_first_column_only() {
    use Column::*;
    check_columns(
        Sheet::People,
        &[
            "Name",
            "Full name",
            "",
            "Team",
            "Department",
            "Juggling",
            "name",
        ],
        &[Some(Name), None, None, Some(Team), None, None, None],
    );
    check_columns(Sheet::People, &[], &[]);
}

#[test]
fn the_sheet_is_guessed_from_its_key_and_most_fields() {
    let check = |header: &[&str], expected: Option<Sheet>| {
        assert_eq!(guess_sheet(&strings(header)), expected, "{header:?}");
    };
    // Our own skills matrix export.
    check(
        &["Name", "Role", "Team", "Weekly hours", "Azure", "AWS"],
        Some(Sheet::People),
    );
    // Runn's people, named apart.
    check(
        &["First Name", "Last Name", "Email", "Job Title"],
        Some(Sheet::People),
    );
    check(&["First Name", "Email"], None);
    check(
        &["Person", "Project", "Start", "End", "Hours per week"],
        Some(Sheet::Work),
    );
    check(&["Project", "Client"], Some(Sheet::Work));
    check(&["Name", "From", "To", "Leave type"], Some(Sheet::Leave));
    check(&["Email", "First day off"], Some(Sheet::Leave));
    check(&["Date", "Name"], Some(Sheet::Holidays));
    check(&["Holiday", "Date"], Some(Sheet::Holidays));
    // No key: Work needs the work, Leave the From date.
    check(&["Hours per week", "Client"], None);
    check(&["Azure", "AWS"], None);
    check(&[], None);
    // As many fields of People as of Leave: the person is asked.
    check(&["Employee", "Start date", "End date"], None);
}

// ---------------------------------------------------------------------------
// Dates.

#[test]
fn the_date_order_is_detected_from_the_values() {
    use DateOrder::*;
    let check = |values: &[&str], expected: DateGuess| {
        assert_eq!(
            detect_date_order(values.iter().copied()),
            expected,
            "{values:?}"
        );
    };
    check(&["2026-12-07", " 2027-01-31 ", ""], DateGuess::Known(Iso));
    check(&["31/12/2026", "3/4/2026"], DateGuess::Known(DayMonthYear));
    check(&["12/31/2026", "3/4/2026"], DateGuess::Known(MonthDayYear));
    check(
        &["2026-12-07", "13.01.2027"],
        DateGuess::Known(DayMonthYear),
    );
    check(
        &["3/4/2026", "12/11/2026", "7-7-2026"],
        DateGuess::Ambiguous,
    );
    check(&["2026-12-07", "3/4/2026"], DateGuess::Ambiguous);
    check(&["31/1/2026", "1/31/2026"], DateGuess::Conflicting);
    check(
        &["", "TBC", "31/31/2026", "7/12/26", "2026-13-01"],
        DateGuess::NoDates,
    );
    check(&[], DateGuess::NoDates);
    // 29 February exists in 2028 only: 29/2/2027 is no date either way.
    check(&["29/2/2027", "3/4/2027"], DateGuess::Ambiguous);
}

#[test]
fn dates_are_read_in_the_order_given() {
    use DateOrder::*;
    let check = |text: &str, order: DateOrder, expected: Result<NaiveDate, &str>| {
        assert_eq!(
            parse_date(text, order),
            expected.map_err(str::to_string),
            "{text} {order:?}"
        );
    };
    for order in [Iso, DayMonthYear, MonthDayYear] {
        check("2026-12-07", order, Ok(date_from_parts(2026, 12, 7)));
        check(" 2026/1/5 ", order, Ok(date_from_parts(2026, 1, 5)));
        check(
            "2026-02-30",
            order,
            Err("\"2026-02-30\" is not a date (year-month-day)"),
        );
        check("", order, Err("no date is given"));
    }
    check("7/12/2026", DayMonthYear, Ok(date_from_parts(2026, 12, 7)));
    check("07.12.2026", DayMonthYear, Ok(date_from_parts(2026, 12, 7)));
    check("7-12-2026", DayMonthYear, Ok(date_from_parts(2026, 12, 7)));
    check("7/12/2026", MonthDayYear, Ok(date_from_parts(2026, 7, 12)));
    check(
        "12.31.2026",
        MonthDayYear,
        Ok(date_from_parts(2026, 12, 31)),
    );
    check("29/2/2028", DayMonthYear, Ok(date_from_parts(2028, 2, 29)));
    check(
        "31/02/2026",
        DayMonthYear,
        Err("\"31/02/2026\" is not a date (day/month/year)"),
    );
    check(
        "31/12/2026",
        MonthDayYear,
        Err("\"31/12/2026\" is not a date (month/day/year)"),
    );
    check(
        "7/12/2026",
        Iso,
        Err("\"7/12/2026\" is not a date (year-month-day)"),
    );
    check(
        "7/12/26",
        DayMonthYear,
        Err("\"7/12/26\" is not a date (day/month/year): write the year with 4 digits"),
    );
    check(
        "7/12-2026",
        DayMonthYear,
        Err("\"7/12-2026\" is not a date (day/month/year)"),
    );
    check(
        "next Monday",
        MonthDayYear,
        Err("\"next Monday\" is not a date (month/day/year)"),
    );
    check(
        "2026-12-07T09:00",
        Iso,
        Err("\"2026-12-07T09:00\" is not a date (year-month-day)"),
    );
    let long = "7".repeat(100_000);
    check(
        &long,
        Iso,
        Err(&format!(
            "\"{}…\" is not a date (year-month-day)",
            &long[..40]
        )),
    );
}

// ---------------------------------------------------------------------------
// Numbers.

#[test]
fn hours_are_read_with_or_without_a_unit() {
    let check = |text: &str, expected: Result<f64, &str>| {
        assert_eq!(
            parse_hours(text),
            expected.map_err(str::to_string),
            "{text:?}"
        );
    };
    check("8", Ok(8.0));
    check(" 8h", Ok(8.0));
    check("8 h", Ok(8.0));
    check("8 H", Ok(8.0));
    check("7.5", Ok(7.5));
    check("7,5", Ok(7.5));
    check("8 hrs", Ok(8.0));
    check("8hr", Ok(8.0));
    check("1 hour", Ok(1.0));
    check("8 hours", Ok(8.0));
    check(".5", Ok(0.5));
    check("8.", Ok(8.0));
    check("0", Ok(0.0));
    check("0,125", Ok(0.125));
    check("1000", Ok(1000.0));
    check("", Err("no number of hours is given"));
    check(
        "-8",
        Err("\"-8\" is not a number of hours: hours cannot be negative"),
    );
    check(
        "-7,5 h",
        Err("\"-7,5 h\" is not a number of hours: hours cannot be negative"),
    );
    check(
        "1,000",
        Err("\"1,000\" is not a number of hours: write it without a thousands separator, or with a decimal point"),
    );
    for text in [
        "NaN", "inf", "-inf", "infinity", "1e3", "+8", "eight", "8:30", "1.000,5", "7.5.1", ".",
        "h", "8 days", "٣",
    ] {
        check(text, Err(&format!("\"{text}\" is not a number of hours")));
    }
    check(
        &"9".repeat(400),
        Err(&format!("\"{}…\" is not a number of hours", "9".repeat(40))),
    );
}

#[test]
fn percentages_are_read_as_shares() {
    let check = |text: &str, expected: Result<f64, &str>| {
        assert_eq!(
            parse_percent(text),
            expected.map_err(str::to_string),
            "{text:?}"
        );
    };
    check("75%", Ok(0.75));
    check("75 %", Ok(0.75));
    check("0.75", Ok(0.75));
    check("75", Ok(0.75));
    check("62,5 %", Ok(0.625));
    check("1", Ok(1.0));
    check("100%", Ok(1.0));
    check("0", Ok(0.0));
    check("0.5%", Ok(0.005));
    check("", Err("no percentage is given"));
    check("150%", Err("\"150%\" is more than 100 %"));
    check("101", Err("\"101\" is more than 100 %"));
    check(
        "-5%",
        Err("\"-5%\" is not a percentage: it cannot be negative"),
    );
    for text in ["NaN%", "inf", "high", "75%%", "1e2", "%"] {
        check(
            text,
            Err(&format!(
                "\"{text}\" is not a percentage: write 75 % or 0.75"
            )),
        );
    }
}

// ---------------------------------------------------------------------------
// Lists in one cell.

#[test]
fn skill_levels_are_read_from_one_cell() {
    let check = |text: &str, expected: Result<&[(&str, u8)], &str>| {
        let expected = expected
            .map(|levels| {
                levels
                    .iter()
                    .map(|(name, level)| (name.to_string(), *level))
                    .collect::<Vec<_>>()
            })
            .map_err(str::to_string);
        assert_eq!(parse_skill_levels(text), expected, "{text:?}");
    };
    check(
        "Azure:4; Terraform:3",
        Ok(&[("Azure", 4), ("Terraform", 3)]),
    );
    check(
        "Azure (4), Terraform(3) | Microsoft Intune : 0;",
        Ok(&[("Azure", 4), ("Terraform", 3), ("Microsoft Intune", 0)]),
    );
    // Runn's way: Skill=Level, separated by commas.
    check("Azure=2, C++=1", Ok(&[("Azure", 2), ("C++", 1)]));
    check("  ", Ok(&[]));
    check("", Ok(&[]));
    check("Zoë's skill: 2", Ok(&[("Zoë's skill", 2)]));
    check(
        "Azure:4; Terraform",
        Err("\"Terraform\" has no level: write it as Terraform:3, with a level from 0 to 4"),
    );
    check(
        "Azure:5",
        Err("\"Azure:5\": the level must be a whole number from 0 to 4"),
    );
    check(
        "Azure:+3",
        Err("\"Azure:+3\": the level must be a whole number from 0 to 4"),
    );
    check(
        "Azure (high)",
        Err("\"Azure (high)\": the level must be a whole number from 0 to 4"),
    );
    check(":3", Err("\":3\" has no skill name"));
    check("Azure:3; azure : 2", Err("\"azure\" is listed twice"));
}

#[test]
fn certifications_are_read_from_one_cell() {
    let check =
        |text: &str, order: DateOrder, expected: Result<&[(&str, Option<NaiveDate>)], &str>| {
            let expected = expected
                .map(|held| {
                    held.iter()
                        .map(|(name, expires)| (name.to_string(), *expires))
                        .collect::<Vec<_>>()
                })
                .map_err(str::to_string);
            assert_eq!(parse_certifications(text, order), expected, "{text:?}");
        };
    check(
        "AZ-104 (2027-03-31); CKA",
        DateOrder::Iso,
        Ok(&[
            ("AZ-104", Some(date_from_parts(2027, 3, 31))),
            ("CKA", None),
        ]),
    );
    check(
        "AZ-104 (31/3/2027) | CCNA (Routing)",
        DateOrder::DayMonthYear,
        Ok(&[
            ("AZ-104", Some(date_from_parts(2027, 3, 31))),
            ("CCNA (Routing)", None),
        ]),
    );
    check("", DateOrder::Iso, Ok(&[]));
    check(
        "AZ-104 (31/02/2027)",
        DateOrder::DayMonthYear,
        Err("AZ-104: \"31/02/2027\" is not a date (day/month/year)"),
    );
    check(
        "(2027-01-01)",
        DateOrder::Iso,
        Err("\"(2027-01-01)\" has no certification name"),
    );
    check("CKA; cka", DateOrder::Iso, Err("\"cka\" is listed twice"));
}

#[test]
fn working_days_are_read_in_many_ways() {
    use Weekday::*;
    let check = |text: &str, expected: Result<&[Weekday], &str>| {
        assert_eq!(
            parse_working_days(text),
            expected.map(<[Weekday]>::to_vec).map_err(str::to_string),
            "{text:?}"
        );
    };
    check("Mon-Fri", Ok(&[Mon, Tue, Wed, Thu, Fri]));
    check("mon – thu", Ok(&[Mon, Tue, Wed, Thu]));
    check("Mon Tue Wed Thu", Ok(&[Mon, Tue, Wed, Thu]));
    check("Mon,Wed,Fri", Ok(&[Mon, Wed, Fri]));
    check("Monday;Tuesday", Ok(&[Mon, Tue]));
    check("FRIDAY, monday", Ok(&[Mon, Fri]));
    check("Tues/Thurs & Sat.", Ok(&[Tue, Thu, Sat]));
    check("Mo Tu We", Ok(&[Mon, Tue, Wed]));
    check("Mon to Thu and Sat", Ok(&[Mon, Tue, Wed, Thu, Sat]));
    check("Sun-Thu", Ok(&[Mon, Tue, Wed, Thu, Sun]));
    check("Weekdays", Ok(&[Mon, Tue, Wed, Thu, Fri]));
    check("Mon, Mon-Wed, Tue", Ok(&[Mon, Tue, Wed]));
    check("Wed-Wed", Ok(&[Wed]));
    check("", Ok(&[]));
    check("Funday", Err("\"Funday\" is not a day of the week"));
    check("M T W", Err("\"M\" is not a day of the week"));
    check(
        "Mon-",
        Err("\"Mon-\" is not a range of days: write it as Mon-Fri"),
    );
    check(
        "-Fri",
        Err("\"-Fri\" is not a range of days: write it as Mon-Fri"),
    );
    check(
        "Mon to someday",
        Err("\"Mon to someday\" is not a range of days: write it as Mon-Fri"),
    );
    check("5 days", Err("\"5\" is not a day of the week"));
}

#[test]
fn names_are_keyed_without_case_or_extra_spaces() {
    let check = |text: &str, expected: &str| assert_eq!(name_key(text), expected, "{text:?}");
    check("Lena Novak", "lena novak");
    check("  Lena \t Novak ", "lena novak");
    check("LENA\u{a0}NOVAK", "lena novak");
    check("Zoë ÅNGSTRÖM", "zoë ångström");
    check("", "");
    check("   ", "");
    assert_eq!(name_key(&name_key(" A  B ")), name_key(" A  B "));
}

#[test]
fn a_match_changed_by_hand_fills_its_field_once() {
    use Column::*;
    let mut columns = vec![Some(Name), None, Some(Team)];
    choose_column(&mut columns, 1, Some(Name));
    assert_eq!(columns, [None, Some(Name), Some(Team)]);
    choose_column(&mut columns, 2, None);
    assert_eq!(columns, [None, Some(Name), None]);
    choose_column(&mut columns, 0, Some(Role));
    assert_eq!(columns, [Some(Role), Some(Name), None]);
    // Out of the table: nothing changes.
    choose_column(&mut columns, 3, Some(Team));
    assert_eq!(columns, [Some(Role), Some(Name), None]);
    assert!(Start.is_date() && Date.is_date() && !Budget.is_date());
}

#[test]
fn files_are_taken_by_their_names() {
    assert_eq!(file_kind("People.CSV", ""), FileKind::Text);
    assert_eq!(file_kind("leave.tsv", ""), FileKind::Text);
    assert_eq!(file_kind("export", "text/csv"), FileKind::Text);
    assert_eq!(file_kind("Firm.xlsx", ""), FileKind::Workbook);
    assert_eq!(file_kind("firm.numbers", ""), FileKind::Workbook);
    assert_eq!(
        file_kind("plan.opsboard.json", "application/json"),
        FileKind::Other
    );
}

#[test]
fn a_skills_matrix_has_a_column_per_skill() {
    use Column::*;
    let header = strings(&[
        "Name",
        "azure ",
        "Terraform",
        "Team",
        "Juggling",
        "",
        "Name",
    ]);
    let mut columns = match_columns(Sheet::People, &header);
    match_skill_columns(
        Sheet::People,
        &mut columns,
        &header,
        &["Azure", "Terraform", "Team"],
    );
    // A skill called like a field stays the field; an unknown name and an
    // empty one stay unmatched, as does a second Name.
    assert_eq!(
        columns,
        [
            Some(Name),
            Some(SkillLevel),
            Some(SkillLevel),
            Some(Team),
            None,
            None,
            None
        ]
    );
    // Several columns hold skill levels: choosing one keeps the others.
    choose_column(&mut columns, 4, Some(SkillLevel));
    assert_eq!(
        columns[1..5],
        [
            Some(SkillLevel),
            Some(SkillLevel),
            Some(Team),
            Some(SkillLevel)
        ]
    );
    // Other sheets have no skill columns.
    let mut leave = match_columns(Sheet::Leave, &header);
    match_skill_columns(Sheet::Leave, &mut leave, &header, &["Azure"]);
    assert!(!leave.contains(&Some(SkillLevel)));
}

#[test]
fn the_date_order_is_found_from_the_date_columns_only() {
    use Column::*;
    let table =
        read_table("Name,Start,Note\nAnn,3/4/2026,31/12/2026\nBo,2026-05-01,\n").expect("a table");
    // The note looks like a day-first date, but it is no date field.
    assert_eq!(
        table.date_order(&[Some(Name), Some(Start), Some(Note)]),
        DateGuess::Ambiguous
    );
    assert_eq!(
        table.date_order(&[Some(Name), None, Some(Start)]),
        DateGuess::Known(DateOrder::DayMonthYear)
    );
    assert_eq!(
        table.date_order(&[Some(Name), None, None]),
        DateGuess::NoDates
    );
}
